import { describe, expect, it } from 'vitest';
import {
  type DesiredUnit,
  type LineageEntry,
  matchExistingUnits,
  reconcileSnapshots,
  resolveLineage,
  type SnapshotEntry,
  type UnitSnapshot,
} from './reconcile';

const p = (code: string, name: string): SnapshotEntry => ({
  kind: 'province',
  code,
  name,
  subkind: name.startsWith('Tỉnh') ? 'tỉnh' : 'thành phố',
  parentCode: null,
});
const d = (code: string, name: string, province: string): SnapshotEntry => ({
  kind: 'district',
  code,
  name,
  subkind: 'huyện',
  parentCode: province,
});
const c = (code: string, name: string, parent: string, subkind = 'xã'): SnapshotEntry => ({
  kind: 'commune',
  code,
  name,
  subkind,
  parentCode: parent,
});

const provinces63: UnitSnapshot = {
  id: 1,
  layout: 'builtin-provinces',
  effectiveOn: null,
  priority: 0,
  entries: [
    p('10', 'Tỉnh Lào Cai'),
    p('15', 'Tỉnh Yên Bái'),
    p('36', 'Tỉnh Nam Định'),
    p('40', 'Tỉnh Nghệ An'),
  ],
};
const provinces34: UnitSnapshot = {
  id: 2,
  layout: 'builtin-provinces',
  effectiveOn: '2025-07-01',
  priority: 0,
  entries: [p('15', 'Tỉnh Lào Cai'), p('37', 'Tỉnh Ninh Bình'), p('40', 'Tỉnh Nghệ An')],
};
const list2024: UnitSnapshot = {
  id: 3,
  layout: 'dvhc3',
  effectiveOn: null,
  priority: 10,
  entries: [
    p('40', 'Tỉnh Nghệ An'),
    d('412', 'Thành phố Vinh', '40'),
    c('16681', 'Phường Hưng Bình', '412', 'phường'),
    c('16690', 'Xã Hưng Lộc', '412'),
    p('36', 'Tỉnh Nam Định'),
    d('356', 'Huyện Ý Yên', '36'),
    c('13900', 'Xã Yên Phong', '356'),
  ],
};
const list2025: UnitSnapshot = {
  id: 4,
  layout: 'dvhc2',
  effectiveOn: '2025-07-01',
  priority: 11,
  entries: [
    p('40', 'Tỉnh Nghệ An'),
    c('16681', 'Phường Thành Vinh', '40', 'phường'),
    c('13900', 'Xã Yên Phong', '37'),
  ],
};

const rowsOf = (rows: DesiredUnit[], code: string) =>
  rows.filter((r) => r.code === code).map((r) => [r.name, r.validFrom, r.validTo]);
const byKey = (rows: DesiredUnit[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));

describe('reconcileSnapshots', () => {
  it('keeps a province that kept its code and name as one continuous row', () => {
    const rows = reconcileSnapshots([provinces63, provinces34]);
    expect(rowsOf(rows, '40')).toEqual([['Tỉnh Nghệ An', null, null]]);
  });

  it('ends a merged province on 1 July 2025 and starts a new row when a code names another province', () => {
    const rows = reconcileSnapshots([provinces63, provinces34]);
    expect(rowsOf(rows, '36')).toEqual([['Tỉnh Nam Định', null, '2025-07-01']]);
    expect(rowsOf(rows, '15')).toEqual([
      ['Tỉnh Yên Bái', null, '2025-07-01'],
      ['Tỉnh Lào Cai', '2025-07-01', null],
    ]);
    expect(rowsOf(rows, '37')).toEqual([['Tỉnh Ninh Bình', '2025-07-01', null]]);
  });

  it('ends districts, and the communes under them, when the district level ended', () => {
    const rows = reconcileSnapshots([provinces63, provinces34, list2024]);
    expect(rowsOf(rows, '412')).toEqual([['Thành phố Vinh', null, '2025-07-01']]);
    expect(rowsOf(rows, '16690')).toEqual([['Xã Hưng Lộc', null, '2025-07-01']]);
    const commune = rows.find((r) => r.code === '16690');
    expect(commune?.parentKey).toBe('district:412:');
  });

  it('ends the units of a province that ended, even without a later list', () => {
    const rows = reconcileSnapshots([provinces63, provinces34, list2024], { districtLevelEndedOn: null });
    expect(rowsOf(rows, '356')).toEqual([['Huyện Ý Yên', null, '2025-07-01']]);
    expect(rowsOf(rows, '13900')).toEqual([['Xã Yên Phong', null, '2025-07-01']]);
    // Nghệ An continues, and without the fact its districts would too
    expect(rowsOf(rows, '412')).toEqual([['Thành phố Vinh', null, null]]);
  });

  it('starts new rows for communes of the two-level list, under their province', () => {
    const rows = reconcileSnapshots([provinces63, provinces34, list2024, list2025]);
    expect(rowsOf(rows, '16681')).toEqual([
      ['Phường Hưng Bình', null, '2025-07-01'],
      ['Phường Thành Vinh', '2025-07-01', null],
    ]);
    // same name, but the parent changed from the district to the new province
    expect(rows.filter((r) => r.code === '13900').map((r) => [r.parentKey, r.validFrom, r.validTo])).toEqual([
      ['district:356:', null, '2025-07-01'],
      ['province:37:2025-07-01', '2025-07-01', null],
    ]);
  });

  it('gives the same rows whatever order the lists come in', () => {
    const a = reconcileSnapshots([provinces63, provinces34, list2024, list2025]);
    const b = reconcileSnapshots([list2025, list2024, provinces34, provinces63]);
    expect(byKey(b)).toEqual(byKey(a));
  });

  it('lets an imported list win over a shipped one at the same date', () => {
    const renamed: UnitSnapshot = { ...list2024, entries: [p('40', 'Tỉnh Nghệ An (mới)')] };
    const rows = reconcileSnapshots([provinces63, renamed]);
    expect(rowsOf(rows, '40')).toEqual([['Tỉnh Nghệ An (mới)', null, null]]);
  });

  it('keeps a unit unchanged across two lists as one row, and splits it where it was renamed', () => {
    const later: UnitSnapshot = {
      id: 5,
      layout: 'dvhc2',
      effectiveOn: '2026-01-01',
      priority: 12,
      entries: [
        p('40', 'Tỉnh Nghệ An'),
        c('16681', 'Phường Thành Vinh', '40', 'phường'),
        c('16999', 'Xã Mới', '40'),
      ],
    };
    const renamed: UnitSnapshot = {
      ...later,
      id: 6,
      effectiveOn: '2026-06-01',
      priority: 13,
      entries: [p('40', 'Tỉnh Nghệ An'), c('16681', 'Phường Vinh', '40', 'phường')],
    };
    const rows = reconcileSnapshots([provinces63, provinces34, list2025, later, renamed]);
    expect(rowsOf(rows, '16681')).toEqual([
      ['Phường Thành Vinh', '2025-07-01', '2026-06-01'],
      ['Phường Vinh', '2026-06-01', null],
    ]);
    expect(rowsOf(rows, '16999')).toEqual([['Xã Mới', '2026-01-01', '2026-06-01']]);
  });
});

describe('matchExistingUnits', () => {
  it('keeps the id of a row whose start moved earlier when an older list arrives', () => {
    const desired: DesiredUnit[] = [
      {
        key: 'commune:16681:2025-07-01',
        kind: 'commune',
        code: '16681',
        name: 'Phường Thành Vinh',
        subkind: 'phường',
        parentKey: 'province:40:',
        validFrom: '2025-07-01',
        validTo: null,
      },
    ];
    const existing = [
      {
        id: 77,
        kind: 'commune',
        code: '16681',
        name: 'Phường Thành Vinh',
        validFrom: '2026-01-01',
        validTo: null,
      },
      {
        id: 78,
        kind: 'commune',
        code: '16681',
        name: 'Phường Hưng Bình',
        validFrom: null,
        validTo: '2025-07-01',
      },
    ];
    const { matched, unmatched } = matchExistingUnits(desired, existing);
    expect(matched.get('commune:16681:2025-07-01')).toBe(77);
    expect(unmatched.map((u) => u.id)).toEqual([78]);
  });

  it('prefers the row with the same start even when its name changed', () => {
    const desired: DesiredUnit[] = [
      {
        key: 'province:40:',
        kind: 'province',
        code: '40',
        name: 'Tỉnh Nghệ An',
        subkind: 'tỉnh',
        parentKey: null,
        validFrom: null,
        validTo: null,
      },
    ];
    const existing = [
      { id: 5, kind: 'province', code: '40', name: 'Tinh Nghe An', validFrom: null, validTo: null },
    ];
    expect(matchExistingUnits(desired, existing).matched.get('province:40:')).toBe(5);
  });
});

describe('resolveLineage', () => {
  const units = [
    { id: 1, kind: 'province', code: '36', name: 'Tỉnh Nam Định', validFrom: null, validTo: '2025-07-01' },
    { id: 2, kind: 'province', code: '37', name: 'Tỉnh Ninh Bình', validFrom: null, validTo: null },
    { id: 3, kind: 'province', code: '15', name: 'Tỉnh Yên Bái', validFrom: null, validTo: '2025-07-01' },
    { id: 4, kind: 'province', code: '15', name: 'Tỉnh Lào Cai', validFrom: '2025-07-01', validTo: null },
  ];
  const e = (from: string, to: string, kind: 'full' | 'partial' = 'full'): LineageEntry => ({
    fromKind: 'province',
    fromCode: from,
    toKind: 'province',
    toCode: to,
    kind,
    effectiveOn: '2025-07-01',
    source: 'test',
  });

  it('links the row in force the day before to the row in force on the day', () => {
    const r = resolveLineage([e('36', '37'), e('15', '15')], units);
    expect(r.links.map((l) => [l.fromId, l.toId])).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('counts a unit that simply continued, and keeps unknown codes pending', () => {
    const r = resolveLineage([e('37', '37'), e('99', '37'), e('36', '37'), e('36', '37', 'partial')], units);
    expect(r.continuing).toBe(1);
    expect(r.pending.map((x) => x.fromCode)).toEqual(['99']);
    expect(r.links).toHaveLength(1);
    expect(r.links[0]?.kind).toBe('full');
  });
});
