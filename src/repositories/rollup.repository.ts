/**
 * The maintained roll-up table: for every unit, period, indicator, view
 * ('approved' | 'submitted') and member kind ('all' or one kind of unit),
 * Σ numerators, Σ denominators, Σ values and the count of reporting units
 * over the unit's subtree (the unit itself included).
 *
 * Writers pass *contributions* — a reporting unit's figure entering (+1) or
 * leaving (−1) a view — and the database expands them to every ancestor and
 * adds them up in `numeric`, so sums stay exact (no floating-point drift
 * between the maintained table and a rebuild). Rows are upserted in primary
 * key order, the lock order every writer shares.
 */
import { sql } from 'kysely';
import type { Db } from './db';

export type RollupView = 'approved' | 'submitted';
export type MemberKind = 'all' | 'province' | 'department' | 'agency' | 'district' | 'commune';

/** One figure entering (sign +1) or leaving (sign −1) a view at its unit. */
export interface RollupContribution {
  unitId: number;
  indicatorId: number;
  periodId: string;
  view: RollupView;
  sign: 1 | -1;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/** A roll-up row as stored. */
export interface RollupRecord {
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

// the kinds a member can be; a nation never reports
const MEMBER_KINDS_SQL = sql`('province', 'department', 'agency', 'district', 'commune')`;

/**
 * Applies contributions to the roll-ups of every ancestor of each unit (and
 * the unit itself), for 'all' and for the unit's kind, in one statement.
 * Returns the number of roll-up rows written.
 */
export async function applyContributions(trx: Db, rows: readonly RollupContribution[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await sql<{ n: number }>`
    WITH RECURSIVE c AS (
      SELECT * FROM unnest(${rows.map((x) => x.unitId)}::bigint[], ${rows.map((x) => x.indicatorId)}::bigint[],
        ${rows.map((x) => x.periodId)}::text[], ${rows.map((x) => x.view)}::text[], ${rows.map((x) => x.sign)}::int[],
        ${rows.map((x) => x.numerator)}::numeric[], ${rows.map((x) => x.denominator)}::numeric[],
        ${rows.map((x) => x.value)}::numeric[])
        AS c(unit_id, indicator_id, period_id, view, sign, num, den, val)
    ),
    up(unit_id, ancestor_id, depth) AS (
      SELECT DISTINCT unit_id, unit_id, 0 FROM c
      UNION ALL
      SELECT up.unit_id, u.parent_id, up.depth + 1 FROM up JOIN unit u ON u.id = up.ancestor_id
      WHERE u.parent_id IS NOT NULL AND up.depth < 20
    ),
    d AS (
      SELECT a.ancestor_id AS unit_id, c.period_id, c.indicator_id, c.view, m.member_kind,
        sum(c.sign * coalesce(c.num, 0)) AS dn, sum(c.sign * coalesce(c.den, 0)) AS dd,
        sum(c.sign * coalesce(c.val, 0)) AS dv, sum(c.sign) AS dc
      FROM c
      JOIN up a ON a.unit_id = c.unit_id
      JOIN unit k ON k.id = c.unit_id
      CROSS JOIN LATERAL (VALUES ('all'), (k.kind)) AS m(member_kind)
      WHERE m.member_kind = 'all' OR m.member_kind IN ${MEMBER_KINDS_SQL}
      GROUP BY 1, 2, 3, 4, 5
    ),
    w AS (
      INSERT INTO rollup (unit_id, period_id, indicator_id, view, member_kind, numerator_sum, denominator_sum,
        value_sum, reporting_units, updated_at)
      SELECT unit_id, period_id, indicator_id, view, member_kind, dn, dd, dv, dc, now() FROM d
      WHERE dn <> 0 OR dd <> 0 OR dv <> 0 OR dc <> 0
      ORDER BY unit_id, period_id, indicator_id, view, member_kind
      ON CONFLICT (unit_id, period_id, indicator_id, view, member_kind) DO UPDATE SET
        numerator_sum = rollup.numerator_sum + EXCLUDED.numerator_sum,
        denominator_sum = rollup.denominator_sum + EXCLUDED.denominator_sum,
        value_sum = rollup.value_sum + EXCLUDED.value_sum,
        reporting_units = rollup.reporting_units + EXCLUDED.reporting_units,
        updated_at = EXCLUDED.updated_at
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM w`.execute(trx);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * The roll-ups as they should be, computed from data_value alone (no
 * maintained state): what `rebuild` writes and what the property test
 * compares against. Rows whose sums are all zero are left out.
 */
function expectedRollupsSql(periodId: string | null) {
  const periodFilter = periodId === null ? sql`TRUE` : sql`dv.period_id = ${periodId}`;
  return sql`
    WITH RECURSIVE up(unit_id, ancestor_id, depth) AS (
      SELECT id, id, 0 FROM unit WHERE id IN (SELECT DISTINCT unit_id FROM data_value)
      UNION ALL
      SELECT up.unit_id, u.parent_id, up.depth + 1 FROM up JOIN unit u ON u.id = up.ancestor_id
      WHERE u.parent_id IS NOT NULL AND up.depth < 20
    ),
    c AS (
      SELECT dv.unit_id, dv.period_id, dv.indicator_id, v.view,
        CASE WHEN i.aggregation = 'ratio' THEN dv.numerator ELSE 0 END AS num,
        CASE WHEN i.aggregation = 'ratio' THEN dv.denominator ELSE 0 END AS den,
        CASE WHEN i.aggregation = 'ratio' THEN 0 ELSE dv.value END AS val
      FROM data_value dv
      JOIN indicator i ON i.id = dv.indicator_id
      CROSS JOIN LATERAL (VALUES ('submitted'), ('approved')) AS v(view)
      WHERE ${periodFilter}
        AND (dv.status = 'approved' OR (v.view = 'submitted' AND dv.status = 'submitted'))
        AND ((i.aggregation = 'ratio' AND dv.numerator IS NOT NULL AND dv.denominator IS NOT NULL)
          OR (i.aggregation IN ('sum', 'mean') AND dv.value IS NOT NULL))
    )
    SELECT a.ancestor_id AS unit_id, c.period_id, c.indicator_id, c.view, m.member_kind,
      sum(c.num) AS numerator_sum, sum(c.den) AS denominator_sum, sum(c.val) AS value_sum,
      count(*)::int AS reporting_units
    FROM c
    JOIN up a ON a.unit_id = c.unit_id
    JOIN unit k ON k.id = c.unit_id
    CROSS JOIN LATERAL (VALUES ('all'), (k.kind)) AS m(member_kind)
    WHERE m.member_kind = 'all' OR m.member_kind IN ${MEMBER_KINDS_SQL}
    GROUP BY 1, 2, 3, 4, 5`;
}

/** The roll-ups recomputed from the values (optionally for one period), in key order. */
export async function computeExpectedRollups(
  db: Db,
  periodId: string | null = null,
): Promise<RollupRecord[]> {
  const r = await sql<RollupRecord>`
    SELECT unit_id AS "unitId", period_id AS "periodId", indicator_id AS "indicatorId", view,
      member_kind AS "memberKind", numerator_sum AS "numeratorSum", denominator_sum AS "denominatorSum",
      value_sum AS "valueSum", reporting_units AS "reportingUnits"
    FROM (${expectedRollupsSql(periodId)}) e
    ORDER BY 1, 2, 3, 4, 5`.execute(db);
  return r.rows;
}

const rollupColumns = [
  'unitId',
  'periodId',
  'indicatorId',
  'view',
  'memberKind',
  'numeratorSum',
  'denominatorSum',
  'valueSum',
  'reportingUnits',
] as const;

/** The maintained roll-ups with anything in them (optionally for one period), in key order. */
export async function readAllRollups(db: Db, periodId: string | null = null): Promise<RollupRecord[]> {
  let q = db
    .selectFrom('rollup')
    .select(rollupColumns)
    .where((eb) =>
      eb.or([
        eb('numeratorSum', '<>', 0),
        eb('denominatorSum', '<>', 0),
        eb('valueSum', '<>', 0),
        eb('reportingUnits', '<>', 0),
      ]),
    );
  if (periodId !== null) q = q.where('periodId', '=', periodId);
  return (await q
    .orderBy('unitId')
    .orderBy('periodId')
    .orderBy('indicatorId')
    .orderBy('view')
    .orderBy('memberKind')
    .execute()) as RollupRecord[];
}

/**
 * Replaces the roll-ups (of one period, or all) with the ones recomputed from
 * the values. Locks the table against concurrent writers for the duration.
 * Returns the number of rows written.
 */
export async function rebuildRollups(trx: Db, periodId: string | null = null): Promise<number> {
  await sql`LOCK TABLE rollup IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
  if (periodId === null) await sql`DELETE FROM rollup`.execute(trx);
  else await sql`DELETE FROM rollup WHERE period_id = ${periodId}`.execute(trx);
  const r = await sql<{ n: number }>`
    WITH w AS (
      INSERT INTO rollup (unit_id, period_id, indicator_id, view, member_kind, numerator_sum, denominator_sum,
        value_sum, reporting_units, updated_at)
      SELECT unit_id, period_id, indicator_id, view, member_kind, numerator_sum, denominator_sum, value_sum,
        reporting_units, now()
      FROM (${expectedRollupsSql(periodId)}) e
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM w`.execute(trx);
  return Number(r.rows[0]?.n ?? 0);
}

/** What a roll-up read asks for. */
export interface RollupQuery {
  unitIds: readonly number[];
  periodIds: readonly string[];
  indicatorIds?: readonly number[];
  view: RollupView;
  memberKinds?: readonly MemberKind[];
}

/** Maintained roll-ups by unit, period and indicator (the dashboards' read: no GROUP BY over values). */
export async function findRollups(db: Db, q: RollupQuery): Promise<RollupRecord[]> {
  if (q.unitIds.length === 0 || q.periodIds.length === 0) return [];
  let s = db
    .selectFrom('rollup')
    .select(rollupColumns)
    .where('unitId', 'in', [...q.unitIds])
    .where('periodId', 'in', [...q.periodIds])
    .where('view', '=', q.view)
    .where('memberKind', 'in', [...(q.memberKinds ?? ['all'])]);
  if (q.indicatorIds) {
    if (q.indicatorIds.length === 0) return [];
    s = s.where('indicatorId', 'in', [...q.indicatorIds]);
  }
  return (await s.orderBy('unitId').orderBy('periodId').orderBy('indicatorId').execute()) as RollupRecord[];
}
