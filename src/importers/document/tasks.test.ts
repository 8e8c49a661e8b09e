import { describe, expect, it } from 'vitest';
import { readDeadline } from './deadlines';
import { canonicalUnit } from './index';
import { readDocumentText } from './reader';
import { tagTask } from './tags';
import { readSectionReferences } from './tasks';
import { foldKeepLength } from './text';

const plan = (...lines: string[]) =>
  readDocumentText(['KẾ HOẠCH', 'Chuyển đổi số tỉnh Bắc Ninh', '', ...lines].join('\n'));
const groups = (text: ReturnType<typeof plan>) =>
  text.tasks.filter((t) => t.kind === 'group').map((g) => [g.section, g.leads, g.cooperating]);

describe('task groups', () => {
  it('are the numbered sections of the tasks part, not objectives or implementation', () => {
    const r = plan(
      'I. MỤC TIÊU',
      '1. Mục tiêu chung',
      'Phát triển chính quyền số.',
      'II. NHIỆM VỤ VÀ GIẢI PHÁP',
      '1. Phát triển hạ tầng số',
      'a) Hạ tầng viễn thông',
      '- Phủ sóng 5G các khu công nghiệp.',
      'b) Hạ tầng dữ liệu',
      '- Xây dựng trung tâm dữ liệu của tỉnh.',
      '2. Phát triển kinh tế số',
      '- Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số.',
      'III. TỔ CHỨC THỰC HIỆN',
      '1. Sở Thông tin và Truyền thông: hướng dẫn, đôn đốc.',
    );
    expect(r.tasks.filter((t) => t.kind === 'group').map((g) => [g.section, g.title])).toEqual([
      ['II.1', 'Phát triển hạ tầng số'],
      ['II.1.a', 'Hạ tầng viễn thông'],
      ['II.1.b', 'Hạ tầng dữ liệu'],
      ['II.2', 'Phát triển kinh tế số'],
    ]);
    const items = r.tasks.filter((t) => t.kind === 'task');
    expect(items.map((t) => [t.section, t.title])).toEqual([
      ['II.1.a', 'Phủ sóng 5G các khu công nghiệp'],
      ['II.1.b', 'Xây dựng trung tâm dữ liệu của tỉnh'],
      ['II.2', 'Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số'],
    ]);
    for (const t of r.tasks) expect(r.text.slice(t.span[0], t.span[1]).length).toBeGreaterThan(0);
  });

  it('treats a long lettered paragraph as a task, not a group', () => {
    const r = plan(
      'II. NHIỆM VỤ, GIẢI PHÁP',
      '1. Phát triển xã hội số',
      'a) Chỉ đạo, định hướng các nhiệm vụ, giải pháp nhằm nâng cao đời sống vật chất, tinh thần cho người dân nhờ chuyển đổi số (như đào tạo, phổ cập kỹ năng số cho người dân; cung cấp các dịch vụ số thiết yếu, thông minh cho mọi đối tượng trong xã hội).',
    );
    expect(r.tasks.map((t) => [t.kind, t.section])).toEqual([
      ['group', 'II.1'],
      ['task', 'II.1'],
    ]);
  });
});

describe('leads and cooperating units', () => {
  it('reads them from the words of a task', () => {
    const r = plan(
      'II. NHIỆM VỤ',
      '1. Phát triển dữ liệu',
      '- Xây dựng kho dữ liệu dùng chung. Sở TT&TT chủ trì, phối hợp với Sở Tài chính, UBND các huyện, thị xã, thành phố thực hiện.',
      '- Số hóa dữ liệu đất đai (cơ quan chủ trì: Sở TN&MT; cơ quan phối hợp: Sở Tư pháp).',
    );
    const items = r.tasks.filter((t) => t.kind === 'task');
    expect(items.map((t) => [t.leads, t.cooperating])).toEqual([
      [['Sở Thông tin và Truyền thông'], ['Sở Tài chính', 'Ủy ban nhân dân cấp huyện']],
      [['Sở Tài nguyên và Môi trường'], ['Sở Tư pháp']],
    ]);
    // a group no one is named for is led by whoever its tasks name
    expect(groups(r)).toEqual([
      ['II.1', ['Sở Thông tin và Truyền thông', 'Sở Tài nguyên và Môi trường'], []],
    ]);
    expect(items[0]?.leadMentions).toEqual(['Sở TT&TT']);
  });

  it('makes the lead one task names the lead of its group', () => {
    const r = plan(
      'II. NHIỆM VỤ',
      '1. Y tế số',
      '- Triển khai hồ sơ sức khỏe điện tử.',
      '- Giao Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh triển khai thanh toán viện phí không dùng tiền mặt.',
    );
    expect(groups(r)).toEqual([['II.1', ['Sở Y tế'], []]]);
    expect(r.tasks.filter((t) => t.kind === 'task').map((t) => t.cooperating)).toEqual([
      [],
      ['Bảo hiểm xã hội tỉnh'],
    ]);
  });

  it('reads them from the implementation part, the most specific assignment winning', () => {
    const r = plan(
      'II. NHIỆM VỤ, GIẢI PHÁP',
      '1. Chính quyền số',
      '- Hoàn thiện Cổng dịch vụ công.',
      '2. Các lĩnh vực ưu tiên',
      '2.1. Y tế số',
      '- Triển khai bệnh án điện tử.',
      '2.2. Giáo dục số',
      '- Học bạ số.',
      'III. TỔ CHỨC THỰC HIỆN',
      '1. Sở Y tế: Chủ trì triển khai các nhiệm vụ, giải pháp tại mục II/2.1 của Kế hoạch này.',
      '2. Sở Giáo dục và Đào tạo',
      '- Chủ trì thực hiện các nhiệm vụ tại mục 2.2, phần II Kế hoạch này.',
      '3. Sở Nội vụ: Chủ trì nội dung phát triển chính phủ số tại Kế hoạch này.',
      '4. Các sở, ban, ngành; UBND các huyện, thành phố: Chủ trì và phối hợp triển khai các nhiệm vụ tại mục II Kế hoạch này.',
    );
    const all = ['Các sở, ban, ngành', 'Ủy ban nhân dân cấp huyện'];
    expect(groups(r)).toEqual([
      ['II.1', ['Sở Nội vụ'], all],
      ['II.2', all, []],
      ['II.2.1', ['Sở Y tế'], all],
      ['II.2.2', ['Sở Giáo dục và Đào tạo'], all],
    ]);
  });

  it('does not make a lead of a department whose duty only resembles a group', () => {
    const r = plan(
      'II. NHIỆM VỤ',
      '1. Đổi mới sáng tạo',
      '- Hỗ trợ khởi nghiệp.',
      'III. TỔ CHỨC THỰC HIỆN',
      '1. Sở Kế hoạch và Đầu tư: Chủ trì, phối hợp với các cơ quan liên quan thu hút nguồn lực cho đổi mới sáng tạo.',
    );
    expect(groups(r)).toEqual([['II.1', [], []]]);
  });
});

describe('readSectionReferences', () => {
  it.each([
    ['chu tri trien khai cac nhiem vu tai muc ii/ 5.1. cua ke hoach nay', ['II.5.1']],
    ['tai muc 5.2, phan ii ke hoach nay', ['II.5.2']],
    ['tai muc 1 va muc 4, phan iii ke hoach nay', ['III.1', 'III.4']],
    ['tai diem a, b khoan 1 muc iii', ['III.1.a', 'III.1.b']],
    ['cac nhiem vu tai muc iii.2', ['III.2']],
    ['duoc neu tai muc ii ke hoach nay', ['II']],
  ])('%s', (text, refs) => {
    expect(readSectionReferences(text)).toEqual(refs);
  });
});

describe('canonical unit names', () => {
  it.each([
    ['Sở TT&TT', 'Sở Thông tin và Truyền thông'],
    ['Sở Thông tin - Truyền thông', 'Sở Thông tin và Truyền thông'],
    ['Sở KH&ĐT', 'Sở Kế hoạch và Đầu tư'],
    ['Sở NN&PTNT', 'Sở Nông nghiệp và Phát triển nông thôn'],
    ['Sở LĐ-TB&XH', 'Sở Lao động - Thương binh và Xã hội'],
    ['Sở Giao thông Vận tải', 'Sở Giao thông vận tải'],
    ['UBND các huyện, thành phố', 'Ủy ban nhân dân cấp huyện'],
    ['UBND các xã, phường, thị trấn', 'Ủy ban nhân dân cấp xã'],
    ['các sở, ban, ngành tỉnh', 'Các sở, ban, ngành'],
    ['Văn phòng UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh'],
    ['Công an tỉnh', 'Công an tỉnh'],
  ])('%s → %s', (mention, name) => {
    expect(canonicalUnit(mention)).toBe(name);
  });

  it('does not take a facility for a department', () => {
    expect(canonicalUnit('cơ sở y tế')).toBeNull();
  });
});

describe('deadlines', () => {
  const at = (text: string) => readDeadline(foldKeepLength(text), 0, text.length)?.value ?? null;
  it.each([
    ['hoàn thành trước ngày 30/6/2022', '2022-06-30'],
    ['triển khai trong năm 2022', '2022'],
    ['thời gian hoàn thành: Quý IV/2021', '2021-12-31'],
    ['hoàn thành trước tháng 6/2023', '2023-05-31'],
    ['thời gian: tháng 9/2023', '2023-09-30'],
    ['chậm nhất ngày 15 tháng 3 năm 2024', '2024-03-15'],
    ['báo cáo trước ngày 01/12 hằng năm', null],
    ['theo Quyết định số 749/QĐ-TTg ngày 03/6/2020', null],
  ])('%s → %s', (text, value) => {
    expect(at(text)).toBe(value);
  });
});

describe('tags', () => {
  it('reads pillar and sectors from the title first', () => {
    expect(
      tagTask('Chuyển đổi số trong lĩnh vực y tế', 'Phát triển nền tảng khám, chữa bệnh từ xa.'),
    ).toEqual({
      pillar: 'society',
      sectors: ['health'],
      tags: ['pillar:society', 'sector:health'],
    });
    expect(
      tagTask('Phát triển chính quyền số', 'Hoàn thiện Cổng dịch vụ công, hệ thống một cửa điện tử.').pillar,
    ).toBe('government');
    expect(tagTask('Phát triển hạ tầng số', 'Phủ sóng 5G, cáp quang đến thôn.').pillar).toBe('foundation');
  });
});

describe('task tables', () => {
  it('makes a group of each numbered row with its lead, cooperating units and deadline', () => {
    const r = plan(
      'II. NHIỆM VỤ',
      '',
      '| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |',
      '|---|---|---|---|---|',
      '| 1 | Xây dựng kho dữ liệu dùng chung của tỉnh | Sở TT&TT | Các sở, ban, ngành | Quý III/2024 |',
      '| 2 | Triển khai nền tảng học trực tuyến mở | Sở GD&ĐT | Sở TT&TT | Năm 2024 |',
    );
    expect(r.tasks.map((t) => [t.kind, t.section, t.title, t.leads, t.cooperating, t.deadline])).toEqual([
      [
        'group',
        'II.1',
        'Xây dựng kho dữ liệu dùng chung của tỉnh',
        ['Sở Thông tin và Truyền thông'],
        ['Các sở, ban, ngành'],
        '2024-09-30',
      ],
      [
        'group',
        'II.2',
        'Triển khai nền tảng học trực tuyến mở',
        ['Sở Giáo dục và Đào tạo'],
        ['Sở Thông tin và Truyền thông'],
        '2024',
      ],
    ]);
  });
});

describe('tasks listed by unit', () => {
  it('makes the unit a heading names the lead of what is under it, with the units its items name beside it', () => {
    const r = plan(
      'III. NHIỆM VỤ',
      '1. Sở Nội vụ',
      'Chủ trì rà soát, chuẩn hóa quy trình nội bộ; thời gian hoàn thành: Quý III/2023.',
      '2. Ủy ban nhân dân các huyện, thị xã, thành phố',
      'a) Triển khai nền tảng số cấp xã, hoàn thành trước ngày 30/9/2023.',
      'b) Phối hợp Sở Thông tin và Truyền thông tuyên truyền chuyển đổi số.',
      '3. Phát triển hạ tầng số',
      '- Phủ sóng 5G tại các khu công nghiệp.',
    );
    expect(r.tasks.map((t) => [t.section, t.leads, t.cooperating])).toEqual([
      ['III.1', ['Sở Nội vụ'], []],
      ['III.1', ['Sở Nội vụ'], []],
      ['III.2', ['Ủy ban nhân dân cấp huyện'], []],
      ['III.2.a', ['Ủy ban nhân dân cấp huyện'], []],
      ['III.2.b', ['Ủy ban nhân dân cấp huyện'], ['Sở Thông tin và Truyền thông']],
      ['III.3', [], []],
      ['III.3', [], []],
    ]);
  });
});
