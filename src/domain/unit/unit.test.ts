import { describe, expect, it } from 'vitest';
import {
  addDays,
  ancestorsOf,
  buildUnitTree,
  defaultViewDate,
  isIsoDate,
  isValidAt,
  subtreeOf,
  type UnitLike,
  unitDepth,
  unitTier,
  validityOverlaps,
  vietnamDate,
} from './unit';

const u = (
  id: number,
  parentId: number | null,
  kind: UnitLike['kind'],
  name: string,
  validFrom: string | null = null,
  validTo: string | null = null,
  code = String(id),
): UnitLike => ({ id, parentId, kind, name, code, validFrom, validTo });

// Việt Nam → Nam Định (ended 1/7/2025) → Huyện Ý Yên → Xã Yên Phong; Nghệ An → Sở Y tế
const rows: UnitLike[] = [
  u(1, null, 'nation', 'Việt Nam', null, null, 'VN'),
  u(2, 1, 'province', 'Tỉnh Nam Định', null, '2025-07-01', '36'),
  u(3, 2, 'district', 'Huyện Ý Yên', null, '2025-07-01', '361'),
  u(4, 3, 'commune', 'Xã Yên Phong', null, '2025-07-01', '13900'),
  u(5, 1, 'province', 'Tỉnh Nghệ An', null, null, '40'),
  u(6, 5, 'department', 'Sở Y tế', null, null, '40.SYT'),
  u(7, 5, 'commune', 'Phường Thành Vinh', '2025-07-01', null, '16681'),
  u(8, 5, 'department', 'Sở Thông tin và Truyền thông', null, '2025-03-01', '40.STTTT'),
];
const byId = new Map(rows.map((r) => [r.id, r]));

describe('validity [validFrom, validTo)', () => {
  it('includes the first day and excludes the end day', () => {
    const v = { validFrom: '2025-07-01', validTo: '2026-01-01' };
    expect(isValidAt(v, '2025-07-01')).toBe(true);
    expect(isValidAt(v, '2025-12-31')).toBe(true);
    expect(isValidAt(v, '2026-01-01')).toBe(false);
    expect(isValidAt(v, '2025-06-30')).toBe(false);
  });

  it('treats NULL ends as open: since before our records, still valid', () => {
    expect(isValidAt({ validFrom: null, validTo: null }, '1990-01-01')).toBe(true);
    expect(isValidAt({ validFrom: null, validTo: '2025-07-01' }, '2025-06-30')).toBe(true);
    expect(isValidAt({ validFrom: null, validTo: '2025-07-01' }, '2025-07-01')).toBe(false);
    expect(isValidAt({ validFrom: '2025-07-01', validTo: null }, '2099-12-31')).toBe(true);
  });

  it('sees two intervals meeting at a date as not overlapping', () => {
    expect(
      validityOverlaps(
        { validFrom: null, validTo: '2025-07-01' },
        { validFrom: '2025-07-01', validTo: null },
      ),
    ).toBe(false);
    expect(
      validityOverlaps(
        { validFrom: null, validTo: '2025-07-02' },
        { validFrom: '2025-07-01', validTo: null },
      ),
    ).toBe(true);
    expect(
      validityOverlaps(
        { validFrom: null, validTo: null },
        { validFrom: '2000-01-01', validTo: '2000-01-02' },
      ),
    ).toBe(true);
  });

  it('adds days across month and year ends without time-zone drift', () => {
    expect(addDays('2025-07-01', -1)).toBe('2025-06-30');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it("takes today's date in Vietnam's time zone", () => {
    expect(vietnamDate(new Date('2025-06-30T16:59:00Z'))).toBe('2025-06-30');
    expect(vietnamDate(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2025-07-01')).toBe(true);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('01/07/2025')).toBe(false);
  });

  it('shows an ended unit on its last day, a current one today', () => {
    expect(defaultViewDate({ validFrom: null, validTo: '2025-07-01' }, '2026-03-10')).toBe('2025-06-30');
    expect(defaultViewDate({ validFrom: null, validTo: null }, '2026-03-10')).toBe('2026-03-10');
    expect(defaultViewDate({ validFrom: '2030-01-01', validTo: null }, '2026-03-10')).toBe('2030-01-01');
  });
});

describe('walking the tree', () => {
  it('lists ancestors nearest first up to the nation', () => {
    expect(ancestorsOf(4, byId).map((a) => a.name)).toEqual(['Huyện Ý Yên', 'Tỉnh Nam Định', 'Việt Nam']);
    expect(ancestorsOf(1, byId)).toEqual([]);
  });

  it('counts depth from the nation', () => {
    expect(unitDepth(1, byId)).toBe(0);
    expect(unitDepth(5, byId)).toBe(1);
    expect(unitDepth(4, byId)).toBe(3);
  });

  it('stops on a cycle instead of looping', () => {
    const cyclic = new Map<number, UnitLike>([
      [1, u(1, 2, 'province', 'A')],
      [2, u(2, 1, 'province', 'B')],
    ]);
    expect(ancestorsOf(1, cyclic).map((a) => a.name)).toEqual(['B']);
  });

  it('returns a subtree, and at a date only what was in force then', () => {
    expect(subtreeOf(2, rows).map((r) => r.id)).toEqual([2, 3, 4]);
    expect(subtreeOf(5, rows, '2025-02-28').map((r) => r.name)).toEqual([
      'Tỉnh Nghệ An',
      'Sở Thông tin và Truyền thông',
      'Sở Y tế',
    ]);
    expect(subtreeOf(5, rows, '2025-07-01').map((r) => r.name)).toEqual([
      'Tỉnh Nghệ An',
      'Sở Y tế',
      'Phường Thành Vinh',
    ]);
    expect(subtreeOf(2, rows, '2025-07-01')).toEqual([]);
  });

  it('places departments and agencies before districts and communes', () => {
    expect(unitTier('department')).toBe('province');
    expect(unitTier('commune')).toBe('commune');
    const tree = buildUnitTree(rows, { at: '2025-07-01' });
    expect(tree).toHaveLength(1);
    const nghean = tree[0]?.children.find((c) => c.code === '40');
    expect(nghean?.children.map((c) => c.kind)).toEqual(['department', 'commune']);
  });

  it('builds the tree of a date: Nam Định is there on 30/06/2025 and gone on 01/07/2025', () => {
    const before = buildUnitTree(rows, { at: '2025-06-30' });
    expect(before[0]?.children.map((c) => c.name)).toEqual(['Tỉnh Nam Định', 'Tỉnh Nghệ An']);
    expect(before[0]?.children[0]?.children[0]?.children[0]?.name).toBe('Xã Yên Phong');
    const after = buildUnitTree(rows, { at: '2025-07-01' });
    expect(after[0]?.children.map((c) => c.name)).toEqual(['Tỉnh Nghệ An']);
  });

  it('makes a unit whose parent is not in the list a root', () => {
    const tree = buildUnitTree(rows.filter((r) => r.id >= 5));
    expect(tree.map((n) => n.name)).toEqual(['Tỉnh Nghệ An']);
    expect(tree[0]?.children).toHaveLength(3);
  });
});
