/**
 * Reconciling official unit lists into unit rows with validity intervals.
 *
 * Every imported list (and each shipped province list) is a dated snapshot:
 * "on this date, these units existed". The rows of the unit table are derived
 * from all snapshots together, in date order, so the result does not depend on
 * the order the lists were imported in:
 *
 * - a unit present with the same name, sub-kind and parent at consecutive
 *   dates is one row; absent or changed at a later date, its interval ends
 *   there (a changed unit starts a new row);
 * - between snapshots the last known state holds, except that a unit whose
 *   parent row has ended ends with it (a unit never outlives its parent);
 * - a two-level list says there are no districts from its date on, and so does
 *   the fact that the district level ended on 1 July 2025;
 * - at the same date, lists are merged; on a conflict the higher priority wins
 *   (an imported list over a shipped one, a later import over an earlier one).
 */
import { type AdministrativeKind, addDays, type Validity } from './unit';

/** The layouts of a snapshot of units (the lineage layout is a list of links, not a snapshot). */
export type SnapshotLayout = 'dvhc3' | 'dvhc2' | 'builtin-provinces';

/** One unit as a list names it. */
export interface SnapshotEntry {
  kind: AdministrativeKind;
  code: string;
  name: string;
  subkind: string | null;
  /** Code of the parent in the same list (district or province); null for a province. */
  parentCode: string | null;
}

/** A dated list of units. */
export interface UnitSnapshot {
  id: number;
  layout: SnapshotLayout;
  /** First day the list describes; null = since before our records. */
  effectiveOn: string | null;
  /** Wins over lower priorities at the same date. */
  priority: number;
  entries: readonly SnapshotEntry[];
}

/** A unit row as the snapshots say it should be. */
export interface DesiredUnit extends Validity {
  /** `kind:code:validFrom` — the identity of a row (docs/ARCHITECTURE.md, decision 4). */
  key: string;
  kind: AdministrativeKind;
  code: string;
  name: string;
  subkind: string | null;
  /** Key of the parent row; null when the parent is the nation. */
  parentKey: string | null;
}

/** The identity key of a unit row. */
export function unitKey(kind: string, code: string, validFrom: string | null): string {
  return `${kind}:${code}:${validFrom ?? ''}`;
}

/** Whether a layout lists units of a kind (a two-level list "lists" no districts). */
export function layoutCovers(layout: SnapshotLayout, kind: AdministrativeKind): boolean {
  return layout === 'builtin-provinces' ? kind === 'province' : true;
}

/** The kind of the parent of an entry of a layout. */
export function parentKindIn(
  layout: SnapshotLayout,
  kind: AdministrativeKind,
): AdministrativeKind | 'nation' {
  if (kind === 'province') return 'nation';
  if (kind === 'district') return 'province';
  return layout === 'dvhc3' ? 'district' : 'province';
}

// sorts before every ISO date: "since before our records"
const DAWN = '';

interface State {
  name: string;
  subkind: string | null;
  parentKey: string | null;
}

/**
 * The unit rows the snapshots describe, provinces first, then districts, then
 * communes (parents before children).
 * @param districtLevelEndedOn the date from which no district exists unless a
 *   three-level list of that date or later says otherwise (1 July 2025); null to ignore.
 */
export function reconcileSnapshots(
  snapshots: readonly UnitSnapshot[],
  options: { districtLevelEndedOn?: string | null } = {},
): DesiredUnit[] {
  const ended = options.districtLevelEndedOn === undefined ? '2025-07-01' : options.districtLevelEndedOn;
  const out: DesiredUnit[] = [];
  const rowsByKind = new Map<AdministrativeKind, Map<string, DesiredUnit[]>>();

  const findRow = (kind: AdministrativeKind, code: string, at: string): DesiredUnit | undefined =>
    rowsByKind
      .get(kind)
      ?.get(code)
      ?.find((r) => (r.validFrom === null || r.validFrom <= at) && (r.validTo === null || at < r.validTo));

  for (const kind of ['province', 'district', 'commune'] as const) {
    // snapshots of this kind by date; an empty virtual snapshot marks the end of districts
    const groups = new Map<string, UnitSnapshot[]>();
    for (const s of snapshots) {
      if (!layoutCovers(s.layout, kind)) continue;
      const d = s.effectiveOn ?? DAWN;
      groups.set(d, [...(groups.get(d) ?? []), s]);
    }
    if (kind === 'district' && ended && !groups.has(ended)) {
      groups.set(ended, [{ id: -1, layout: 'dvhc2', effectiveOn: ended, priority: -1, entries: [] }]);
    }
    if (groups.size === 0) {
      rowsByKind.set(kind, new Map());
      continue;
    }
    const groupDates = [...groups.keys()].sort();
    const dates = new Set(groupDates);
    // the state can change where a parent row starts or ends
    const parentKinds: AdministrativeKind[] =
      kind === 'district' ? ['province'] : kind === 'commune' ? ['province', 'district'] : [];
    for (const pk of parentKinds) {
      for (const rows of rowsByKind.get(pk)?.values() ?? []) {
        for (const r of rows) {
          dates.add(r.validFrom ?? DAWN);
          if (r.validTo) dates.add(r.validTo);
        }
      }
    }
    const firstGroup = groupDates[0] as string;
    const timeline = [...dates].filter((d) => d >= firstGroup).sort();

    const merged = new Map<
      string,
      Map<string, { entry: SnapshotEntry; parentKind: AdministrativeKind | 'nation' }>
    >();
    const stateOf = (groupDate: string) => {
      let m = merged.get(groupDate);
      if (m) return m;
      m = new Map();
      const group = [...(groups.get(groupDate) ?? [])].sort((a, b) => a.priority - b.priority);
      for (const s of group) {
        for (const e of s.entries)
          if (e.kind === kind) m.set(e.code, { entry: e, parentKind: parentKindIn(s.layout, kind) });
      }
      merged.set(groupDate, m);
      return m;
    };

    const rows = new Map<string, DesiredUnit[]>();
    const emit = (code: string, s: State, from: string, to: string | null) => {
      const validFrom = from === DAWN ? null : from;
      const row: DesiredUnit = {
        key: unitKey(kind, code, validFrom),
        kind,
        code,
        name: s.name,
        subkind: s.subkind,
        parentKey: s.parentKey,
        validFrom,
        validTo: to,
      };
      out.push(row);
      const list = rows.get(code);
      if (list) list.push(row);
      else rows.set(code, [row]);
    };

    const open = new Map<string, State & { from: string }>();
    let g = 0;
    for (const t of timeline) {
      while (g + 1 < groupDates.length && (groupDates[g + 1] as string) <= t) g++;
      const state = stateOf(groupDates[g] as string);
      const next = new Map<string, State>();
      for (const [code, { entry, parentKind }] of state) {
        let parentKey: string | null = null;
        if (parentKind !== 'nation') {
          const parent = entry.parentCode === null ? undefined : findRow(parentKind, entry.parentCode, t);
          if (!parent) continue; // no parent in force: the unit cannot be either
          parentKey = parent.key;
        }
        next.set(code, { name: entry.name, subkind: entry.subkind, parentKey });
      }
      for (const [code, o] of open) {
        const n = next.get(code);
        if (!n || n.name !== o.name || n.subkind !== o.subkind || n.parentKey !== o.parentKey) {
          emit(code, o, o.from, t);
          open.delete(code);
        }
      }
      for (const [code, n] of next) if (!open.has(code)) open.set(code, { ...n, from: t });
    }
    for (const [code, o] of open) emit(code, o, o.from, null);
    for (const list of rows.values())
      list.sort((a, b) => (a.validFrom ?? DAWN).localeCompare(b.validFrom ?? DAWN));
    rowsByKind.set(kind, rows);
  }
  return out;
}

/** A unit row already stored. */
export interface ExistingUnit extends Validity {
  id: number;
  kind: string;
  code: string;
  name: string;
}

/**
 * Which stored row each desired row is, so that ids stay stable across
 * re-imports: the row with the same kind, code and start; else one with the
 * same name whose interval overlaps. Stored rows left unmatched are no longer
 * described by any list.
 */
export function matchExistingUnits(
  desired: readonly DesiredUnit[],
  existing: readonly ExistingUnit[],
): { matched: Map<string, number>; unmatched: ExistingUnit[] } {
  const byCode = new Map<string, ExistingUnit[]>();
  for (const e of existing) {
    const k = `${e.kind}:${e.code}`;
    const list = byCode.get(k);
    if (list) list.push(e);
    else byCode.set(k, [e]);
  }
  const matched = new Map<string, number>();
  const claimed = new Set<number>();
  const pending: DesiredUnit[] = [];
  for (const d of desired) {
    const hit = byCode
      .get(`${d.kind}:${d.code}`)
      ?.find((e) => !claimed.has(e.id) && e.validFrom === d.validFrom);
    if (hit) {
      matched.set(d.key, hit.id);
      claimed.add(hit.id);
    } else pending.push(d);
  }
  for (const d of pending) {
    const hit = byCode
      .get(`${d.kind}:${d.code}`)
      ?.filter((e) => !claimed.has(e.id) && e.name === d.name && overlaps(e, d))
      .sort((a, b) => (a.validFrom ?? DAWN).localeCompare(b.validFrom ?? DAWN))[0];
    if (hit) {
      matched.set(d.key, hit.id);
      claimed.add(hit.id);
    }
  }
  return { matched, unmatched: existing.filter((e) => !claimed.has(e.id)) };
}

function overlaps(a: Validity, b: Validity): boolean {
  return (
    (a.validFrom === null || b.validTo === null || a.validFrom < b.validTo) &&
    (b.validFrom === null || a.validTo === null || b.validFrom < a.validTo)
  );
}

/** One old → new link of a lineage list, by codes. */
export interface LineageEntry {
  fromKind: AdministrativeKind;
  fromCode: string;
  toKind: AdministrativeKind;
  toCode: string;
  kind: 'full' | 'partial' | 'rename';
  effectiveOn: string;
  source: string;
}

/** A lineage link between unit rows. */
export interface ResolvedLink {
  fromId: number;
  toId: number;
  effectiveOn: string;
  kind: 'full' | 'partial' | 'rename';
  source: string;
}

/**
 * Resolves lineage entries to unit rows: the old unit is the row in force the
 * day before the change, the new one the row in force on the day. An entry
 * whose old and new rows are the same row (a unit that simply continued) is
 * no link; one whose rows are not (yet) known is pending. The first entry of
 * a pair wins, so pass the preferred lists first.
 */
export function resolveLineage(
  entries: readonly LineageEntry[],
  units: ReadonlyArray<ExistingUnit & { kind: string }>,
): { links: ResolvedLink[]; continuing: number; pending: LineageEntry[] } {
  const byCode = new Map<string, ExistingUnit[]>();
  for (const u of units) {
    const k = `${u.kind}:${u.code}`;
    const list = byCode.get(k);
    if (list) list.push(u);
    else byCode.set(k, [u]);
  }
  const at = (kind: string, code: string, day: string) =>
    byCode
      .get(`${kind}:${code}`)
      ?.find((u) => (u.validFrom === null || u.validFrom <= day) && (u.validTo === null || day < u.validTo));
  const links: ResolvedLink[] = [];
  const seen = new Set<string>();
  const pending: LineageEntry[] = [];
  let continuing = 0;
  for (const e of entries) {
    const from = at(e.fromKind, e.fromCode, addDays(e.effectiveOn, -1));
    const to = at(e.toKind, e.toCode, e.effectiveOn);
    if (!from || !to) {
      pending.push(e);
      continue;
    }
    if (from.id === to.id) {
      continuing++;
      continue;
    }
    const k = `${from.id}>${to.id}@${e.effectiveOn}`;
    if (seen.has(k)) continue;
    seen.add(k);
    links.push({ fromId: from.id, toId: to.id, effectiveOn: e.effectiveOn, kind: e.kind, source: e.source });
  }
  return { links, continuing, pending };
}
