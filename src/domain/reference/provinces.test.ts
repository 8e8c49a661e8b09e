import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPARTMENT_LINEAGE, DEPARTMENTS } from './departments';
import {
  PROVINCE_MERGES_2025,
  PROVINCES_34,
  PROVINCES_63,
  provinceNameEn,
  SEED_PROVINCE_CODES,
} from './provinces';

// the shared unit lists are read from their place, never copied into the product
const unitsDir = resolve(
  process.env.NHIPSO_UNITS_DIR ?? resolve(import.meta.dirname, '../../../../shared/data/units'),
);
const readCsv = (file: string) =>
  readFileSync(resolve(unitsDir, file), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean)
    .slice(1)
    .map((line) => line.split(','));

const provincesOf = (rows: string[][]) => new Map(rows.map((r) => [r[0] as string, r[1] as string]));

describe('the shipped province lists', () => {
  it('are the 63 provinces of the three-level list, with its codes and names', () => {
    const file = provincesOf(readCsv('dvhc-2024.csv'));
    expect(PROVINCES_63).toHaveLength(63);
    expect(new Map(PROVINCES_63.map((p) => [p.code, p.name]))).toEqual(file);
  });

  it('are the 34 provinces of the two-level list, with its codes and names', () => {
    const file = provincesOf(readCsv('dvhc-2025.csv'));
    expect(PROVINCES_34).toHaveLength(34);
    expect(new Map(PROVINCES_34.map((p) => [p.code, p.name]))).toEqual(file);
  });

  it('merge as the lineage list says on 1 July 2025', () => {
    const file = readCsv('lineage-2025-07-01.csv')
      .filter((r) => r[0] === 'tỉnh')
      .map((r) => `${r[1]}>${r[3]}`)
      .sort();
    expect(PROVINCE_MERGES_2025.map((m) => `${m.from}>${m.to}`).sort()).toEqual(file);
  });

  it('send Nam Định and Hà Nam into Ninh Bình and Quảng Nam into Đà Nẵng, and keep Nghệ An', () => {
    const to = new Map(PROVINCE_MERGES_2025.map((m) => [m.from, m.to]));
    expect([to.get('36'), to.get('35'), to.get('49'), to.get('40')]).toEqual(['37', '37', '48', '40']);
  });

  it('name provinces in English', () => {
    expect(provinceNameEn('Tỉnh Nghệ An')).toBe('Nghệ An Province');
    expect(provinceNameEn('Thành phố Đà Nẵng')).toBe('Đà Nẵng City');
  });
});

describe('the shipped departments', () => {
  const byCode = new Map(DEPARTMENTS.map((d) => [d.code, d]));

  it('have unique internal codes <province>.<ABBR> under a seed or successor province', () => {
    expect(byCode.size).toBe(DEPARTMENTS.length);
    for (const d of DEPARTMENTS) {
      expect(d.code).toMatch(/^\d{2}\.[A-Z]+$/);
      expect(['36', '40', '49', '37', '48']).toContain(d.provinceCode);
      // the name leaves the province out ("Sở Y tế", not "Sở Y tế tỉnh Nghệ An")
      expect(d.name).not.toMatch(/(tỉnh|thành phố) (Nghệ An|Nam Định|Quảng Nam|Ninh Bình|Đà Nẵng)/);
    }
  });

  it('include every body the seed documents name, under their canonical names', () => {
    for (const province of SEED_PROVINCE_CODES) {
      const names = DEPARTMENTS.filter((d) => d.provinceCode === province).map((d) => d.name);
      for (const body of [
        'Sở Thông tin và Truyền thông',
        'Sở Kế hoạch và Đầu tư',
        'Sở Nội vụ',
        'Sở Tài chính',
        'Sở Giáo dục và Đào tạo',
        'Sở Y tế',
        'Sở Nông nghiệp và Phát triển nông thôn',
        'Sở Giao thông vận tải',
        'Sở Tài nguyên và Môi trường',
        'Sở Lao động - Thương binh và Xã hội',
        'Văn phòng Ủy ban nhân dân tỉnh',
        'Ban Tuyên giáo Tỉnh ủy',
        'Ban Dân vận Tỉnh ủy',
        'Văn phòng Tỉnh ủy',
        'Ủy ban Kiểm tra Tỉnh ủy',
        'Hội đồng nhân dân tỉnh',
        'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
        'Công an tỉnh',
      ]) {
        expect(names, `${province}: ${body}`).toContain(body);
      }
    }
  });

  it('record the 1 March 2025 consolidation in Nghệ An', () => {
    expect(byCode.get('40.STTTT')).toMatchObject({ validFrom: null, validTo: '2025-03-01' });
    expect(byCode.get('40.SKHCN')).toMatchObject({ validFrom: null, validTo: null });
    expect(byCode.get('40.SNNMT')).toMatchObject({ validFrom: '2025-03-01', validTo: null });
    const into = (code: string) =>
      DEPARTMENT_LINEAGE.filter((l) => l.from === code).map((l) => `${l.to} ${l.kind} ${l.effectiveOn}`);
    expect(into('40.STTTT')).toEqual(['40.SKHCN partial 2025-03-01']);
    expect(into('40.SKHDT')).toEqual(['40.STC full 2025-03-01']);
    expect(into('40.SLDTBXH').sort()).toEqual([
      '40.SGDDT partial 2025-03-01',
      '40.SNV partial 2025-03-01',
      '40.SYT partial 2025-03-01',
    ]);
  });

  it('end the bodies of Nam Định and Quảng Nam on 1 July 2025, into Ninh Bình and Đà Nẵng', () => {
    for (const d of DEPARTMENTS.filter((x) => x.provinceCode === '36' || x.provinceCode === '49')) {
      expect(d.validTo === null ? null : d.validTo <= '2025-07-01').toBe(true);
    }
    expect(byCode.get('37.SKHCN')).toMatchObject({
      name: 'Sở Khoa học và Công nghệ',
      validFrom: '2025-07-01',
    });
    expect(byCode.get('48.VP')?.name).toBe('Văn phòng Ủy ban nhân dân thành phố');
    expect(DEPARTMENT_LINEAGE).toContainEqual(
      expect.objectContaining({ from: '36.SKHCN', to: '37.SKHCN', effectiveOn: '2025-07-01', kind: 'full' }),
    );
    expect(DEPARTMENT_LINEAGE).toContainEqual(
      expect.objectContaining({ from: '49.SYT', to: '48.SYT', effectiveOn: '2025-07-01', kind: 'full' }),
    );
  });

  it('link only bodies that exist on each side of the change', () => {
    for (const l of DEPARTMENT_LINEAGE) {
      const from = byCode.get(l.from);
      const to = byCode.get(l.to);
      expect(from, l.from).toBeDefined();
      expect(to, l.to).toBeDefined();
      // the old body is in force the day before, the new one on the day
      expect(from?.validFrom === null || (from?.validFrom ?? '') < l.effectiveOn).toBe(true);
      expect(from?.validTo === null || (from?.validTo ?? '') >= l.effectiveOn).toBe(true);
      expect(to?.validFrom === null || (to?.validFrom ?? '') <= l.effectiveOn).toBe(true);
      expect(to?.validTo === null || (to?.validTo ?? '') > l.effectiveOn).toBe(true);
    }
  });
});
