/**
 * Keeping roll-ups current (docs/ARCHITECTURE.md, "Roll-ups"). Every writer
 * of values — saving figures, and every workflow step that changes their
 * status — describes what changed as `ValueChange`s and calls
 * `applyValueChanges(trx, changes)` in its own transaction. The change
 * becomes contributions (a figure leaving a view, a figure entering it) that
 * the repository adds to every ancestor's row for the unit's kind and for
 * 'all', in primary-key order.
 *
 * `rebuildRollups` recomputes everything from data_value (repair), and
 * `compareRollups` says where the maintained table and a recomputation differ
 * (the property test, `nhipso rollups check`).
 */
import { AppError } from '../domain/errors';
import type { Aggregation } from '../domain/indicator/indicator';
import { type RollupView, type ValueStatus, viewsOf } from '../domain/submission/workflow';
import type { Db } from '../repositories/db';
import { inTransaction } from '../repositories/db';
import {
  applyContributions,
  computeExpectedRollups,
  findRollups,
  type MemberKind,
  type RollupContribution,
  type RollupRecord,
  readAllRollups,
  rebuildRollups as rebuildRollupTable,
} from '../repositories/rollup.repository';
import { indicatorsByIds } from '../repositories/round.repository';
import { recordAudit } from './audit';
import { permittedUnitIds, requireAdmin } from './authorize';
import type { ServiceContext } from './context';

/** A value as far as roll-ups care. */
export interface ValueState {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  status: ValueStatus;
}

/** One value changing from `before` to `after` (null: absent). */
export interface ValueChange {
  unitId: number;
  indicatorId: number;
  periodId: string;
  before: ValueState | null;
  after: ValueState | null;
}

function usablePart(
  aggregation: Aggregation,
  s: ValueState,
): Pick<RollupContribution, 'numerator' | 'denominator' | 'value'> | null {
  if (aggregation === 'ratio') {
    return s.numerator !== null && s.denominator !== null
      ? { numerator: s.numerator, denominator: s.denominator, value: null }
      : null;
  }
  if (aggregation === 'sum' || aggregation === 'mean') {
    return s.value !== null ? { numerator: null, denominator: null, value: s.value } : null;
  }
  // min, max and none do not add up: dashboards read them from the values
  return null;
}

const sameParts = (
  a: Pick<RollupContribution, 'numerator' | 'denominator' | 'value'> | null,
  b: Pick<RollupContribution, 'numerator' | 'denominator' | 'value'> | null,
) =>
  a !== null &&
  b !== null &&
  a.numerator === b.numerator &&
  a.denominator === b.denominator &&
  a.value === b.value;

/**
 * The contributions of a set of changes: for each view, the old figure
 * leaves (−1) and the new one enters (+1); nothing when a view sees no
 * difference. Pure; exported for tests.
 */
export function contributionsOf(
  changes: readonly ValueChange[],
  aggregationOf: ReadonlyMap<number, Aggregation>,
): RollupContribution[] {
  const out: RollupContribution[] = [];
  for (const c of changes) {
    const aggregation = aggregationOf.get(c.indicatorId);
    if (!aggregation) continue;
    const beforeViews = c.before ? viewsOf(c.before.status) : [];
    const afterViews = c.after ? viewsOf(c.after.status) : [];
    for (const view of ['approved', 'submitted'] as RollupView[]) {
      const out0 = c.before && beforeViews.includes(view) ? usablePart(aggregation, c.before) : null;
      const in0 = c.after && afterViews.includes(view) ? usablePart(aggregation, c.after) : null;
      if ((out0 === null && in0 === null) || sameParts(out0, in0)) continue;
      const key = { unitId: c.unitId, indicatorId: c.indicatorId, periodId: c.periodId, view };
      if (out0) out.push({ ...key, sign: -1, ...out0 });
      if (in0) out.push({ ...key, sign: 1, ...in0 });
    }
  }
  return out;
}

/**
 * Applies value changes to the roll-ups of every ancestor, in the caller's
 * transaction. Returns the number of roll-up rows written.
 */
export async function applyValueChanges(trx: Db, changes: readonly ValueChange[]): Promise<number> {
  if (!trx.isTransaction) throw new Error('applyValueChanges must run inside the transaction of the change');
  if (changes.length === 0) return 0;
  const indicators = await indicatorsByIds(
    trx,
    changes.map((c) => c.indicatorId),
  );
  const aggregationOf = new Map([...indicators].map(([id, i]) => [id, i.aggregation as Aggregation]));
  const contributions = contributionsOf(changes, aggregationOf);
  if (contributions.length === 0) return 0;
  return applyContributions(trx, contributions);
}

/** Where the maintained roll-ups and a recomputation from the values differ. */
export interface RollupComparison {
  maintainedRows: number;
  expectedRows: number;
  /** Up to 50 differing rows: key, maintained sums, expected sums. */
  differences: Array<{ key: string; maintained: RollupRecord | null; expected: RollupRecord | null }>;
  differenceCount: number;
}

const rowKey = (r: RollupRecord) => `${r.unitId}/${r.periodId}/${r.indicatorId}/${r.view}/${r.memberKind}`;
const sameSums = (a: RollupRecord, b: RollupRecord) =>
  a.numeratorSum === b.numeratorSum &&
  a.denominatorSum === b.denominatorSum &&
  a.valueSum === b.valueSum &&
  a.reportingUnits === b.reportingUnits;

/** Compares the maintained table with a recomputation (optionally for one period). */
export async function compareRollups(db: Db, periodId: string | null = null): Promise<RollupComparison> {
  const [maintained, expected] = await Promise.all([
    readAllRollups(db, periodId),
    computeExpectedRollups(db, periodId),
  ]);
  const m = new Map(maintained.map((r) => [rowKey(r), r]));
  const e = new Map(expected.map((r) => [rowKey(r), r]));
  const differences: RollupComparison['differences'] = [];
  let differenceCount = 0;
  for (const key of new Set([...m.keys(), ...e.keys()])) {
    const a = m.get(key) ?? null;
    const b = e.get(key) ?? null;
    if (a && b && sameSums(a, b)) continue;
    differenceCount++;
    if (differences.length < 50) differences.push({ key, maintained: a, expected: b });
  }
  return { maintainedRows: maintained.length, expectedRows: expected.length, differences, differenceCount };
}

/**
 * Recomputes the roll-ups from the values (all periods, or one) — for repair
 * after a restore or a manual fix in the database. Administrators and the
 * operator's command only. Audited.
 */
export async function rebuildRollups(
  ctx: ServiceContext,
  options: { periodId?: string | null } = {},
): Promise<{ rows: number; before: RollupComparison }> {
  requireAdmin(ctx);
  const periodId = options.periodId ?? null;
  return inTransaction(ctx.db, async (trx) => {
    const before = await compareRollups(trx, periodId);
    const rows = await rebuildRollupTable(trx, periodId);
    await recordAudit(trx, ctx, {
      action: 'rollup.rebuild',
      entityType: 'rollup',
      entityId: periodId,
      before: { differences: before.differenceCount, rows: before.maintainedRows },
      after: { rows },
    });
    return { rows, before };
  });
}

/** A roll-up as services and dashboards read it. */
export interface RollupReading {
  unitId: number;
  periodId: string;
  indicatorId: number;
  view: RollupView;
  memberKind: MemberKind;
  numeratorSum: number;
  denominatorSum: number;
  valueSum: number;
  reportingUnits: number;
}

/**
 * Reads maintained roll-ups for units the actor may read figures of. The
 * dashboards' path: an index lookup, never a GROUP BY over the values.
 * @example await getRollups(ctx, { unitIds: [provinceId], periodIds: ['2025'], view: 'approved' })
 */
export async function getRollups(
  ctx: ServiceContext,
  q: {
    unitIds: number[];
    periodIds: string[];
    indicatorIds?: number[];
    view: RollupView;
    memberKinds?: MemberKind[];
  },
): Promise<RollupReading[]> {
  const allowed = await permittedUnitIds(ctx, 'figures.read');
  if (allowed !== 'all') {
    const outside = q.unitIds.find((id) => !allowed.has(id));
    if (outside !== undefined) throw new AppError('auth.forbidden', { status: 403 });
  }
  return findRollups(ctx.db, q);
}
