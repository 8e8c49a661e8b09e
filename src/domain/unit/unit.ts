/**
 * The organisation tree: units (nation, provinces, their departments,
 * districts, communes, other agencies), each valid on an interval
 * `[validFrom, validTo)` where NULL means "since before our records" /
 * "still valid" (docs/ARCHITECTURE.md, decision 4). Pure functions only.
 */

/** Every kind of unit, in the order the tree lists them under one parent. */
export const unitKinds = ['nation', 'province', 'department', 'agency', 'district', 'commune'] as const;
/** What a unit is: the nation, a province, a department or other agency of a province, a district, a commune. */
export type UnitKind = (typeof unitKinds)[number];

/** Kinds that come from the official administrative-unit lists (code system `dvhc`). */
export const administrativeKinds = ['province', 'district', 'commune'] as const;
/** A kind of administrative unit with an official code. */
export type AdministrativeKind = (typeof administrativeKinds)[number];

/** Where a unit's code comes from: the statistics office's list, or ours (`40.SYT`). */
export type CodeSystem = 'dvhc' | 'internal';

/** The tier of government a unit belongs to (a department belongs to its province's tier). */
export type UnitTier = 'central' | 'province' | 'district' | 'commune';

/** A validity interval `[validFrom, validTo)` of ISO dates; NULL = open end. */
export interface Validity {
  validFrom: string | null;
  validTo: string | null;
}

/** The fields of a unit the tree functions need. */
export interface UnitLike extends Validity {
  id: number;
  parentId: number | null;
  kind: UnitKind;
  code: string;
  name: string;
}

/** The date the district level ended: local government has two levels from 1 July 2025. */
export const DISTRICT_LEVEL_ENDED_ON = '2025-07-01';

/**
 * True when the unit is in force on `at` (an ISO date): `validFrom <= at < validTo`.
 * @example isValidAt({ validFrom: null, validTo: '2025-07-01' }, '2025-06-30') // true
 */
export function isValidAt(v: Validity, at: string): boolean {
  return (v.validFrom === null || v.validFrom <= at) && (v.validTo === null || at < v.validTo);
}

/** True when two intervals share at least one day. */
export function validityOverlaps(a: Validity, b: Validity): boolean {
  const startsBeforeBEnds = a.validFrom === null || b.validTo === null || a.validFrom < b.validTo;
  const bStartsBeforeAEnds = b.validFrom === null || a.validTo === null || b.validFrom < a.validTo;
  return startsBeforeBEnds && bStartsBeforeAEnds;
}

/**
 * Adds days to an ISO date without any time-zone shift.
 * @example addDays('2025-07-01', -1) // "2025-06-30"
 */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Today's date in Vietnam (UTC+7, no daylight saving): what "today" means for
 * validity, whatever the server's time zone.
 * @example vietnamDate(new Date('2025-06-30T18:00:00Z')) // "2025-07-01"
 */
export function vietnamDate(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The date to show a unit at when none is asked: `today` while the unit is in
 * force, else its last day (a merged province is shown as it was), or its
 * first day when it starts later.
 */
export function defaultViewDate(v: Validity, today: string): string {
  if (v.validTo !== null && today >= v.validTo) return addDays(v.validTo, -1);
  if (v.validFrom !== null && today < v.validFrom) return v.validFrom;
  return today;
}

/** The tier of government of a kind of unit. */
export function unitTier(kind: UnitKind): UnitTier {
  switch (kind) {
    case 'nation':
      return 'central';
    case 'district':
      return 'district';
    case 'commune':
      return 'commune';
    default:
      return 'province';
  }
}

/** Sort rank of a kind under one parent: departments before districts before communes. */
export function kindRank(kind: UnitKind): number {
  return unitKinds.indexOf(kind);
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * Orders siblings: by kind; administrative units by official code (the
 * statistics office's order), departments and agencies by name in Vietnamese order.
 */
export function compareUnits(
  a: Pick<UnitLike, 'kind' | 'code' | 'name'>,
  b: Pick<UnitLike, 'kind' | 'code' | 'name'>,
): number {
  const byKind = kindRank(a.kind) - kindRank(b.kind);
  if (byKind !== 0) return byKind;
  if (a.kind === 'department' || a.kind === 'agency') {
    return collator.compare(a.name, b.name) || collator.compare(a.code, b.code);
  }
  return collator.compare(a.code, b.code) || collator.compare(a.name, b.name);
}

/**
 * The ancestors of a unit, nearest first (parent, grandparent, … root), from
 * a map of units by id. Stops at a missing parent or a cycle.
 */
export function ancestorsOf<T extends Pick<UnitLike, 'id' | 'parentId'>>(
  id: number,
  byId: ReadonlyMap<number, T>,
): T[] {
  const out: T[] = [];
  const seen = new Set<number>([id]);
  let parentId = byId.get(id)?.parentId ?? null;
  while (parentId !== null && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    out.push(parent);
    seen.add(parentId);
    parentId = parent.parentId;
  }
  return out;
}

/** The depth of a unit in the tree: 0 for a root (the nation), 1 for a province, … */
export function unitDepth<T extends Pick<UnitLike, 'id' | 'parentId'>>(
  id: number,
  byId: ReadonlyMap<number, T>,
): number {
  return ancestorsOf(id, byId).length;
}

/**
 * The unit and everything below it, depth first in sibling order. With `at`,
 * only units in force on that date (a unit not in force hides its subtree).
 */
export function subtreeOf<T extends UnitLike>(rootId: number, units: readonly T[], at?: string): T[] {
  const children = indexChildren(units);
  const root = units.find((u) => u.id === rootId);
  if (!root || (at && !isValidAt(root, at))) return [];
  const out: T[] = [];
  const seen = new Set<number>();
  const visit = (u: T) => {
    if (seen.has(u.id)) return;
    seen.add(u.id);
    out.push(u);
    for (const c of children.get(u.id) ?? []) if (!at || isValidAt(c, at)) visit(c);
  };
  visit(root);
  return out;
}

function indexChildren<T extends UnitLike>(units: readonly T[]): Map<number, T[]> {
  const children = new Map<number, T[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId);
    if (list) list.push(u);
    else children.set(u.parentId, [u]);
  }
  for (const list of children.values()) list.sort(compareUnits);
  return children;
}

/** A unit with its children, as the tree views show it. */
export type UnitTreeNode<T extends UnitLike> = T & { children: UnitTreeNode<T>[] };

/**
 * Builds the tree from flat rows. With `at`, only units in force on that date
 * are kept. A unit whose parent is not among the kept rows becomes a root, so
 * a subtree can be built from a partial list. Siblings are in `compareUnits` order.
 * @example buildUnitTree(rows, { at: '2025-06-30' })[0].children.length // 63 provinces
 */
export function buildUnitTree<T extends UnitLike>(
  rows: readonly T[],
  options: { at?: string } = {},
): UnitTreeNode<T>[] {
  const kept = options.at ? rows.filter((r) => isValidAt(r, options.at as string)) : [...rows];
  const nodes = new Map<number, UnitTreeNode<T>>();
  for (const r of kept) nodes.set(r.id, { ...r, children: [] });
  const roots: UnitTreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sortDeep = (list: UnitTreeNode<T>[]) => {
    list.sort(compareUnits);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}
