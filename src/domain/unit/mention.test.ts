import { describe, expect, it } from 'vitest';
import { collectiveLevels, matchUnitMention, withMentionAliases } from './mention';

const units = [
  { code: '40.STTTT', kind: 'department', name: 'Sở Thông tin và Truyền thông', shortName: 'Sở TT&TT' },
  { code: '40.SKHCN', kind: 'department', name: 'Sở Khoa học và Công nghệ', shortName: 'Sở KH&CN' },
  { code: '40.SKHDT', kind: 'department', name: 'Sở Kế hoạch và Đầu tư', shortName: 'Sở KH&ĐT' },
  { code: '40.STC', kind: 'department', name: 'Sở Tài chính', shortName: null },
  { code: '40.STNMT', kind: 'department', name: 'Sở Tài nguyên và Môi trường', shortName: 'Sở TN&MT' },
  { code: '40.SNNMT', kind: 'department', name: 'Sở Nông nghiệp và Môi trường', shortName: 'Sở NN&MT' },
  {
    code: '40.SLDTBXH',
    kind: 'department',
    name: 'Sở Lao động - Thương binh và Xã hội',
    shortName: 'Sở LĐ-TB&XH',
  },
  { code: '40.SGTVT', kind: 'department', name: 'Sở Giao thông vận tải', shortName: 'Sở GTVT' },
  { code: '40.SYT', kind: 'department', name: 'Sở Y tế', shortName: null },
  { code: '40.VP', kind: 'department', name: 'Văn phòng Ủy ban nhân dân tỉnh', shortName: 'VP UBND tỉnh' },
  { code: '40.VPTU', kind: 'agency', name: 'Văn phòng Tỉnh ủy', shortName: null },
  { code: '40.CA', kind: 'agency', name: 'Công an tỉnh', shortName: null },
  { code: '40.TD', kind: 'agency', name: 'Tỉnh đoàn', shortName: null },
  { code: '40', kind: 'province', name: 'Tỉnh Nghệ An', shortName: 'Nghệ An' },
].map(withMentionAliases);

const best = (mention: string, opts = {}) => matchUnitMention(mention, units, opts)?.unit.code ?? null;

describe('matchUnitMention', () => {
  it('finds a department by its full name whatever the case and diacritics', () => {
    expect(matchUnitMention('Sở Khoa học và Công nghệ', units)).toMatchObject({
      unit: { code: '40.SKHCN' },
      score: 1,
    });
    expect(best('SỞ KHOA HỌC VÀ CÔNG NGHỆ')).toBe('40.SKHCN');
    expect(best('so khoa hoc va cong nghe')).toBe('40.SKHCN');
  });

  it('reads "&", "-" and "và" as the same connective', () => {
    expect(matchUnitMention('Sở Thông tin - Truyền thông', units)).toMatchObject({
      unit: { code: '40.STTTT' },
      score: 1,
    });
    expect(best('Sở Lao động, Thương binh và Xã hội')).toBe('40.SLDTBXH');
  });

  it('expands abbreviations from the initials of the words', () => {
    expect(matchUnitMention('Sở TT&TT', units)).toMatchObject({ unit: { code: '40.STTTT' }, score: 1 });
    expect(best('Sở TTTT')).toBe('40.STTTT');
    expect(best('Sở LĐTBXH')).toBe('40.SLDTBXH');
    expect(best('Sở KH&ĐT')).toBe('40.SKHDT');
    expect(best('Sở KHCN')).toBe('40.SKHCN');
    expect(best('Sở GTVT')).toBe('40.SGTVT');
    expect(matchUnitMention('Văn phòng UBND tỉnh', units)).toMatchObject({
      unit: { code: '40.VP' },
      score: 1,
    });
  });

  it('keeps apart bodies that share words', () => {
    expect(best('Sở Tài chính')).toBe('40.STC');
    expect(best('Sở Tài nguyên và Môi trường')).toBe('40.STNMT');
    expect(best('Văn phòng Tỉnh ủy')).toBe('40.VPTU');
    expect(best('Sở Kế hoạch và Đầu tư')).toBe('40.SKHDT');
  });

  it('ignores a trailing province qualifier', () => {
    expect(matchUnitMention('Công an tỉnh Nghệ An', units)).toMatchObject({
      unit: { code: '40.CA' },
      score: 1,
    });
    expect(best('Công an tỉnh')).toBe('40.CA');
    expect(best('Sở Y tế tỉnh Nghệ An')).toBe('40.SYT');
    expect(best('Sở Y tế Nghệ An', { placeNames: ['Nghệ An'] })).toBe('40.SYT');
  });

  it("finds the province for its People's Committee", () => {
    expect(best('UBND tỉnh')).toBe('40');
    expect(best('Ủy ban nhân dân tỉnh Nghệ An')).toBe('40');
  });

  it('uses shipped aliases of a body', () => {
    expect(best('Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh')).toBe('40.TD');
  });

  it('returns nothing for a body that is not among the candidates', () => {
    expect(matchUnitMention('Sở Ngoại vụ', units)).toBeNull();
    expect(matchUnitMention('Bộ Thông tin và Truyền thông', units)).toBeNull();
    expect(matchUnitMention('', units)).toBeNull();
  });

  it('returns no single unit for a collective mention', () => {
    expect(matchUnitMention('UBND các huyện, thành phố', units)).toBeNull();
    expect(matchUnitMention('Các sở, ban, ngành', units)).toBeNull();
  });

  it('prefers the first candidate on a tie, so callers list units in force first', () => {
    const twins = [
      { id: 1, name: 'Sở Y tế', shortName: null },
      { id: 2, name: 'Sở Y tế', shortName: null },
    ];
    expect(matchUnitMention('Sở Y tế', twins)?.unit.id).toBe(1);
  });
});

describe('collectiveLevels', () => {
  it('reads the levels a collective mention stands for, in order', () => {
    expect(collectiveLevels('UBND các huyện, thành phố')).toEqual(['district']);
    expect(collectiveLevels('Ủy ban nhân dân cấp huyện')).toEqual(['district']);
    expect(collectiveLevels('UBND các xã, phường, thị trấn')).toEqual(['commune']);
    expect(collectiveLevels('Các sở, ban, ngành; UBND các huyện, thành phố')).toEqual([
      'department',
      'district',
    ]);
    expect(collectiveLevels('Các sở, ban, ngành')).toEqual(['department']);
  });

  it('finds none in the name of one unit', () => {
    expect(collectiveLevels('Sở Y tế')).toEqual([]);
    expect(collectiveLevels('Ủy ban nhân dân tỉnh')).toEqual([]);
    expect(collectiveLevels('Huyện Ý Yên')).toEqual([]);
  });
});
