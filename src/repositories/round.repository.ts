/**
 * Reporting rounds: the round, the units asked, the indicators asked of each
 * kind of unit, the tasks asked, periods and regimes; and the reads the
 * coordinator's live list and the unit's form need.
 */
import { sql } from 'kysely';
import type { Db } from './db';

export type RoundState = 'draft' | 'open' | 'closed';
export type AskedUnitKind = 'province' | 'department' | 'district' | 'commune' | 'agency';

/** A stored round. */
export interface RoundRecord {
  id: number;
  provinceId: number;
  name: string;
  description: string | null;
  periodId: string;
  regimeId: number | null;
  windowStart: string;
  windowEnd: string;
  dueOn: string;
  dueBefore: boolean;
  reminderDays: number[];
  state: RoundState;
  isDemo: boolean;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
  openedAt: Date | null;
  closedAt: Date | null;
}

const roundColumns = [
  'id',
  'provinceId',
  'name',
  'description',
  'periodId',
  'regimeId',
  'windowStart',
  'windowEnd',
  'dueOn',
  'dueBefore',
  'reminderDays',
  'state',
  'isDemo',
  'createdBy',
  'createdAt',
  'updatedAt',
  'openedAt',
  'closedAt',
] as const;

/** Makes sure the period rows exist (periods are referenced by id everywhere). */
export async function ensurePeriods(
  db: Db,
  periods: ReadonlyArray<{
    id: string;
    kind: 'year' | 'quarter' | 'month';
    startsOn: string;
    endsOn: string;
  }>,
): Promise<void> {
  if (periods.length === 0) return;
  await db
    .insertInto('period')
    .values([...periods])
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** A stored regime. */
export interface RegimeRecord {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  periodKind: 'year' | 'quarter' | 'month';
  cutoffDay: number;
  deadline: unknown;
  legalBasis: string | null;
}

/** Inserts or updates regimes by code; returns them by code. */
export async function upsertRegimes(
  db: Db,
  rows: ReadonlyArray<
    Omit<RegimeRecord, 'id'> & { deadlineMonth: number | null; deadlineDay: number | null }
  >,
): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const out = await db
    .insertInto('reportingRegime')
    .values(rows.map((r) => ({ ...r, deadline: r.deadline === null ? null : JSON.stringify(r.deadline) })))
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        nameVi: eb.ref('excluded.nameVi'),
        nameEn: eb.ref('excluded.nameEn'),
        periodKind: eb.ref('excluded.periodKind'),
        cutoffDay: eb.ref('excluded.cutoffDay'),
        deadlineMonth: eb.ref('excluded.deadlineMonth'),
        deadlineDay: eb.ref('excluded.deadlineDay'),
        deadline: eb.ref('excluded.deadline'),
        legalBasis: eb.ref('excluded.legalBasis'),
      })),
    )
    .returning(['id', 'code'])
    .execute();
  return new Map(out.map((r) => [r.code, r.id]));
}

/** Every regime, by code. */
export async function listRegimes(db: Db): Promise<RegimeRecord[]> {
  return db
    .selectFrom('reportingRegime')
    .select(['id', 'code', 'nameVi', 'nameEn', 'periodKind', 'cutoffDay', 'deadline', 'legalBasis'])
    .orderBy('id')
    .execute();
}

/** A new round's row. */
export type NewRound = Omit<
  RoundRecord,
  'id' | 'state' | 'createdAt' | 'updatedAt' | 'openedAt' | 'closedAt'
>;

export async function insertRound(db: Db, r: NewRound, at: Date): Promise<number> {
  const row = await db
    .insertInto('reportingRound')
    .values({ ...r, state: 'draft', createdAt: at, updatedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findRound(db: Db, id: number, lock = false): Promise<RoundRecord | undefined> {
  let q = db.selectFrom('reportingRound').select(roundColumns).where('id', '=', id);
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) as RoundRecord | undefined;
}

export async function updateRound(
  db: Db,
  id: number,
  patch: Partial<Omit<RoundRecord, 'id' | 'createdAt' | 'createdBy' | 'provinceId'>>,
  at: Date,
): Promise<void> {
  await db
    .updateTable('reportingRound')
    .set({ ...patch, updatedAt: at })
    .where('id', '=', id)
    .execute();
}

/** A round in a list, with counts of its submissions by state. */
export interface RoundSummaryRecord extends RoundRecord {
  provinceName: string;
  unitCount: number;
  counts: Record<'draft' | 'submitted' | 'returned' | 'approved', number>;
}

/**
 * Rounds of the given provinces, or rounds that ask one of the given units
 * (a commune's reporter sees the rounds of their commune); newest first.
 */
export async function listRounds(
  db: Db,
  f: {
    provinceIds: 'all' | readonly number[];
    unitIds: 'all' | readonly number[];
    periodId?: string;
    state?: RoundState;
  },
): Promise<RoundSummaryRecord[]> {
  const visible =
    f.provinceIds === 'all' || f.unitIds === 'all'
      ? sql`TRUE`
      : sql`(${f.provinceIds.length ? sql`r.province_id IN (${sql.join([...f.provinceIds])})` : sql`FALSE`}
          OR ${
            f.unitIds.length
              ? sql`EXISTS (SELECT 1 FROM round_unit ru WHERE ru.round_id = r.id AND ru.unit_id IN (${sql.join([...f.unitIds])}))`
              : sql`FALSE`
          })`;
  const r = await sql<
    RoundRecord & { provinceName: string; unitCount: number; counts: Record<string, number> }
  >`
    SELECT r.id, r.province_id AS "provinceId", r.name, r.description, r.period_id AS "periodId",
      r.regime_id AS "regimeId", r.window_start AS "windowStart", r.window_end AS "windowEnd", r.due_on AS "dueOn",
      r.due_before AS "dueBefore", r.reminder_days AS "reminderDays", r.state, r.is_demo AS "isDemo",
      r.created_by AS "createdBy", r.created_at AS "createdAt", r.updated_at AS "updatedAt",
      r.opened_at AS "openedAt", r.closed_at AS "closedAt", p.name AS "provinceName",
      (SELECT count(*)::int FROM round_unit ru WHERE ru.round_id = r.id) AS "unitCount",
      (SELECT coalesce(jsonb_object_agg(state, n), '{}'::jsonb) FROM (
        SELECT s.state, count(*)::int AS n FROM submission s WHERE s.round_id = r.id GROUP BY s.state) c) AS counts
    FROM reporting_round r JOIN unit p ON p.id = r.province_id
    WHERE ${visible}
      ${f.periodId ? sql`AND r.period_id = ${f.periodId}` : sql``}
      ${f.state ? sql`AND r.state = ${f.state}` : sql``}
    ORDER BY r.period_id DESC, r.id DESC`.execute(db);
  return r.rows.map((row) => ({
    ...row,
    counts: { draft: 0, submitted: 0, returned: 0, approved: 0, ...(row.counts as object) },
  }));
}

export async function replaceRoundUnits(db: Db, roundId: number, unitIds: readonly number[]): Promise<void> {
  await db.deleteFrom('roundUnit').where('roundId', '=', roundId).execute();
  const unique = [...new Set(unitIds)].sort((a, b) => a - b);
  for (let i = 0; i < unique.length; i += 2000) {
    await db
      .insertInto('roundUnit')
      .values(unique.slice(i, i + 2000).map((unitId) => ({ roundId, unitId })))
      .execute();
  }
}

export async function replaceRoundIndicators(
  db: Db,
  roundId: number,
  rows: ReadonlyArray<{ indicatorId: number; unitKind: AskedUnitKind; required: boolean }>,
): Promise<void> {
  await db.deleteFrom('roundIndicator').where('roundId', '=', roundId).execute();
  if (rows.length)
    await db
      .insertInto('roundIndicator')
      .values(
        rows.map((r) => ({
          roundId,
          indicatorId: r.indicatorId,
          unitKind: r.unitKind,
          required: r.required,
        })),
      )
      .execute();
}

export async function replaceRoundTasks(db: Db, roundId: number, taskIds: readonly number[]): Promise<void> {
  await db.deleteFrom('roundTask').where('roundId', '=', roundId).execute();
  const unique = [...new Set(taskIds)];
  if (unique.length)
    await db
      .insertInto('roundTask')
      .values(unique.map((taskId) => ({ roundId, taskId })))
      .execute();
}

/** A unit asked by a round, with its submission. */
export interface RoundUnitRecord {
  unitId: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  parentName: string | null;
  submissionId: number | null;
  state: 'draft' | 'submitted' | 'returned' | 'approved' | null;
  version: number | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  comment: string | null;
  /** Figures entered so far (any status). */
  valueCount: number;
  taskUpdateCount: number;
}

/** The units of a round with their submissions and how much they have entered. */
export async function listRoundUnits(db: Db, roundId: number): Promise<RoundUnitRecord[]> {
  const r = await sql<RoundUnitRecord>`
    SELECT u.id AS "unitId", u.code, u.name, u.kind, u.parent_id AS "parentId", pu.name AS "parentName",
      s.id AS "submissionId", s.state, s.version, s.submitted_at AS "submittedAt", s.decided_at AS "decidedAt",
      s.comment,
      (SELECT count(*)::int FROM data_value d WHERE d.submission_id = s.id
        AND (d.numerator IS NOT NULL OR d.denominator IS NOT NULL OR d.value IS NOT NULL)) AS "valueCount",
      (SELECT count(*)::int FROM task_update t WHERE t.submission_id = s.id) AS "taskUpdateCount"
    FROM round_unit ru
    JOIN unit u ON u.id = ru.unit_id
    LEFT JOIN unit pu ON pu.id = u.parent_id
    LEFT JOIN submission s ON s.round_id = ru.round_id AND s.unit_id = ru.unit_id
    WHERE ru.round_id = ${roundId}
    ORDER BY CASE u.kind WHEN 'department' THEN 1 WHEN 'agency' THEN 2 WHEN 'district' THEN 3 ELSE 4 END,
      pu.name, u.name, u.id`.execute(db);
  return r.rows;
}

/** An indicator asked by a round of a kind of unit. */
export interface RoundIndicatorRecord {
  indicatorId: number;
  unitKind: AskedUnitKind;
  required: boolean;
  code: string;
  kind: 'ratio' | 'count' | 'amount' | 'rank' | 'boolean';
  aggregation: 'ratio' | 'sum' | 'mean' | 'min' | 'max' | 'none';
  pillar: string;
  position: number;
}

export async function listRoundIndicators(db: Db, roundId: number): Promise<RoundIndicatorRecord[]> {
  return db
    .selectFrom('roundIndicator as ri')
    .innerJoin('indicator as i', 'i.id', 'ri.indicatorId')
    .select([
      'ri.indicatorId',
      'ri.unitKind',
      'ri.required',
      'i.code',
      'i.kind',
      'i.aggregation',
      'i.pillar',
      'i.position',
    ])
    .where('ri.roundId', '=', roundId)
    .orderBy(
      sql`CASE i.pillar WHEN 'government' THEN 1 WHEN 'economy' THEN 2 WHEN 'society' THEN 3 ELSE 4 END`,
    )
    .orderBy('i.position')
    .orderBy('i.code')
    .execute();
}

/** The task ids a round asks. */
export async function listRoundTaskIds(db: Db, roundId: number): Promise<number[]> {
  const rows = await db.selectFrom('roundTask').select('taskId').where('roundId', '=', roundId).execute();
  return rows.map((r) => r.taskId);
}

/** The asked indicators of the rounds given, for a unit kind each: `${roundId}:${unitKind}` → indicator ids. */
export async function askedIndicatorsByRoundKind(
  db: Db,
  roundIds: readonly number[],
): Promise<Map<string, Map<number, { required: boolean }>>> {
  const out = new Map<string, Map<number, { required: boolean }>>();
  if (roundIds.length === 0) return out;
  const rows = await db
    .selectFrom('roundIndicator')
    .select(['roundId', 'indicatorId', 'unitKind', 'required'])
    .where('roundId', 'in', [...new Set(roundIds)])
    .execute();
  for (const r of rows) {
    const key = `${r.roundId}:${r.unitKind}`;
    let m = out.get(key);
    if (!m) {
      m = new Map();
      out.set(key, m);
    }
    m.set(r.indicatorId, { required: r.required });
  }
  return out;
}

/** What the value writers need of an indicator. */
export interface IndicatorBrief {
  id: number;
  code: string;
  kind: 'ratio' | 'count' | 'amount' | 'rank' | 'boolean';
  aggregation: 'ratio' | 'sum' | 'mean' | 'min' | 'max' | 'none';
  unitKinds: string[];
}

export async function indicatorsByIds(db: Db, ids: readonly number[]): Promise<Map<number, IndicatorBrief>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('indicator')
    .select(['id', 'code', 'kind', 'aggregation', 'unitKinds'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function indicatorsByCodes(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, IndicatorBrief>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('indicator')
    .select(['id', 'code', 'kind', 'aggregation', 'unitKinds'])
    .where('code', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.code, r]));
}

/** A unit as rounds need it. */
export interface UnitInfo {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
}

export async function unitsByIds(db: Db, ids: readonly number[]): Promise<Map<number, UnitInfo>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('unit')
    .select(['id', 'code', 'name', 'kind', 'parentId', 'validFrom', 'validTo'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The units of a province's subtree valid on a date, of the given kinds
 * (departments, agencies, districts, communes), in tree order.
 */
export async function unitsOfProvince(
  db: Db,
  provinceId: number,
  kinds: readonly string[],
  on: string,
): Promise<UnitInfo[]> {
  if (kinds.length === 0) return [];
  const r = await sql<UnitInfo>`
    WITH RECURSIVE down(id, depth) AS (
      SELECT id, 0 FROM unit WHERE id = ${provinceId}
      UNION ALL
      SELECT u.id, down.depth + 1 FROM unit u JOIN down ON u.parent_id = down.id WHERE down.depth < 6
    )
    SELECT u.id, u.code, u.name, u.kind, u.parent_id AS "parentId", u.valid_from AS "validFrom", u.valid_to AS "validTo"
    FROM unit u JOIN down ON down.id = u.id
    WHERE u.kind IN (${sql.join([...kinds])})
      AND (u.valid_from IS NULL OR u.valid_from <= ${on}::date)
      AND (u.valid_to IS NULL OR u.valid_to > ${on}::date)
    ORDER BY u.kind, u.code, u.id`.execute(db);
  return r.rows;
}

/** Other open rounds for the same period that already ask one of these units. */
export async function overlappingOpenRounds(
  db: Db,
  roundId: number,
  periodId: string,
): Promise<Array<{ roundId: number; name: string; unitCount: number }>> {
  const r = await sql<{ roundId: number; name: string; unitCount: number }>`
    SELECT o.id AS "roundId", o.name, count(*)::int AS "unitCount"
    FROM reporting_round o
    JOIN round_unit ou ON ou.round_id = o.id
    JOIN round_unit mu ON mu.unit_id = ou.unit_id AND mu.round_id = ${roundId}
    WHERE o.state = 'open' AND o.period_id = ${periodId} AND o.id <> ${roundId}
    GROUP BY o.id, o.name`.execute(db);
  return r.rows;
}

/** Ids of the open rounds (for the reminder job). */
export async function openRoundIds(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('reportingRound')
    .select('id')
    .where('state', '=', 'open')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The provinces that went into this one (2025 mergers), from the lineage links. */
export async function predecessorProvinces(db: Db, provinceId: number): Promise<UnitInfo[]> {
  const r = await sql<UnitInfo>`
    SELECT u.id, u.code, u.name, u.kind, u.parent_id AS "parentId", u.valid_from AS "validFrom", u.valid_to AS "validTo"
    FROM unit_lineage l JOIN unit u ON u.id = l.from_unit_id
    WHERE l.to_unit_id = ${provinceId} AND u.kind = 'province'
    ORDER BY u.code`.execute(db);
  return r.rows;
}

// the program of a province: its documents that no newer version replaces
const currentDocuments = (provinceIds: readonly number[]) => sql`
  SELECT d.id FROM program_document d
  WHERE d.province_id IN (${sql.join([...provinceIds])})
    AND NOT EXISTS (SELECT 1 FROM program_document n WHERE n.supersedes_id = d.id)`;

/** Indicators named by confirmed targets of the provinces' programs, with the target levels. */
export async function programIndicators(
  db: Db,
  provinceIds: readonly number[],
): Promise<Array<{ indicatorId: number; levels: string[] }>> {
  if (provinceIds.length === 0) return [];
  const r = await sql<{ indicatorId: number; levels: string[] | null }>`
    SELECT t.indicator_id AS "indicatorId", array_remove(array_agg(DISTINCT t.level), NULL) AS levels
    FROM target t
    WHERE t.review_state = 'confirmed' AND t.indicator_id IS NOT NULL
      AND t.document_id IN (${currentDocuments(provinceIds)})
    GROUP BY t.indicator_id`.execute(db);
  return r.rows.map((x) => ({ indicatorId: Number(x.indicatorId), levels: x.levels ?? [] }));
}

/** A confirmed task with its lead units. */
export interface ProgramTask {
  taskId: number;
  sectionLabel: string;
  title: string;
  deadline: string | null;
  leadUnitIds: number[];
}

/** Confirmed tasks of the provinces' programs that have lead units. */
export async function programTasks(db: Db, provinceIds: readonly number[]): Promise<ProgramTask[]> {
  if (provinceIds.length === 0) return [];
  const r = await sql<ProgramTask>`
    SELECT t.id AS "taskId", t.section_label AS "sectionLabel", t.title, t.deadline,
      array_agg(tu.unit_id ORDER BY tu.unit_id) AS "leadUnitIds"
    FROM task t JOIN task_unit tu ON tu.task_id = t.id AND tu.role = 'lead'
    WHERE t.review_state = 'confirmed' AND t.document_id IN (${currentDocuments(provinceIds)})
    GROUP BY t.id ORDER BY t.id`.execute(db);
  return r.rows.map((x) => ({ ...x, leadUnitIds: x.leadUnitIds.map(Number) }));
}

/** Tasks by id with their lead units. */
export async function tasksWithLeads(db: Db, taskIds: readonly number[]): Promise<ProgramTask[]> {
  if (taskIds.length === 0) return [];
  const r = await sql<ProgramTask>`
    SELECT t.id AS "taskId", t.section_label AS "sectionLabel", t.title, t.deadline,
      coalesce(array_agg(tu.unit_id ORDER BY tu.unit_id) FILTER (WHERE tu.unit_id IS NOT NULL), '{}') AS "leadUnitIds"
    FROM task t LEFT JOIN task_unit tu ON tu.task_id = t.id AND tu.role = 'lead'
    WHERE t.id IN (${sql.join([...new Set(taskIds)])})
    GROUP BY t.id ORDER BY t.id`.execute(db);
  return r.rows.map((x) => ({ ...x, leadUnitIds: x.leadUnitIds.map(Number) }));
}

/**
 * The successors of units through lineage links (a department merged into
 * another, a province into a new one), following up to three steps.
 * Returns, for each unit, every unit reachable (not itself).
 */
export async function successorsOf(db: Db, unitIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (unitIds.length === 0) return out;
  const r = await sql<{ fromId: number; toId: number }>`
    WITH RECURSIVE s(start_id, unit_id, depth) AS (
      SELECT id, id, 0 FROM unit WHERE id IN (${sql.join([...new Set(unitIds)])})
      UNION
      SELECT s.start_id, l.to_unit_id, s.depth + 1 FROM s JOIN unit_lineage l ON l.from_unit_id = s.unit_id
      WHERE s.depth < 3 AND l.kind IN ('full', 'rename', 'partial')
    )
    SELECT start_id AS "fromId", unit_id AS "toId" FROM s WHERE depth > 0`.execute(db);
  for (const row of r.rows)
    out.set(Number(row.fromId), [...(out.get(Number(row.fromId)) ?? []), Number(row.toId)]);
  return out;
}

/** The predecessors of units through lineage (the old communes a new one was made of), one step back. */
export async function predecessorsOf(
  db: Db,
  unitIds: readonly number[],
): Promise<Map<number, Array<{ unitId: number; kind: string; share: number | null }>>> {
  const out = new Map<number, Array<{ unitId: number; kind: string; share: number | null }>>();
  if (unitIds.length === 0) return out;
  const rows = await db
    .selectFrom('unitLineage')
    .select(['toUnitId', 'fromUnitId', 'kind', 'share'])
    .where('toUnitId', 'in', [...new Set(unitIds)])
    .execute();
  for (const row of rows) {
    out.set(row.toUnitId, [
      ...(out.get(row.toUnitId) ?? []),
      { unitId: row.fromUnitId, kind: row.kind, share: row.share },
    ]);
  }
  return out;
}

/**
 * Today's communes of a province that came, wholly or partly, from communes
 * of a former province (2025 mergers: Ninh Bình's communes from Nam Định).
 */
export async function communesFromFormerProvince(
  db: Db,
  provinceId: number,
  formerProvinceId: number,
  on: string,
): Promise<number[]> {
  const r = await sql<{ id: number }>`
    WITH RECURSIVE old(id, depth) AS (
      SELECT id, 0 FROM unit WHERE id = ${formerProvinceId}
      UNION ALL SELECT u.id, old.depth + 1 FROM unit u JOIN old ON u.parent_id = old.id WHERE old.depth < 4
    )
    SELECT DISTINCT n.id::int AS id FROM unit_lineage l
    JOIN old ON old.id = l.from_unit_id
    JOIN unit n ON n.id = l.to_unit_id
    WHERE n.kind = 'commune' AND n.parent_id = ${provinceId}
      AND (n.valid_from IS NULL OR n.valid_from <= ${on}::date) AND (n.valid_to IS NULL OR n.valid_to > ${on}::date)
    ORDER BY 1`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

/** Each unit's ancestry (itself first, up to the root), for many units in one query. */
export async function ancestriesOf(db: Db, unitIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  const unique = [...new Set(unitIds)];
  if (unique.length === 0) return out;
  const r = await sql<{ start: number; id: number; depth: number }>`
    WITH RECURSIVE up(start, id, parent_id, depth) AS (
      SELECT id, id, parent_id, 0 FROM unit WHERE id IN (${sql.join(unique)})
      UNION ALL
      SELECT up.start, u.id, u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id WHERE up.depth < 20
    )
    SELECT start::int AS start, id::int AS id, depth FROM up ORDER BY start, depth`.execute(db);
  for (const row of r.rows)
    out.set(Number(row.start), [...(out.get(Number(row.start)) ?? []), Number(row.id)]);
  return out;
}

/** The ids of the units a round asks (a light read, without their reports). */
export async function roundUnitIds(db: Db, roundId: number): Promise<number[]> {
  const rows = await db.selectFrom('roundUnit').select('unitId').where('roundId', '=', roundId).execute();
  return rows.map((r) => r.unitId);
}
