/**
 * What the dashboards read besides roll-ups and target statuses: program
 * documents' dates and horizons, the latest progress reported on tasks, and
 * the periods that have figures.
 */
import { sql } from 'kysely';
import type { Db } from './db';

/** A program document's dates, for task deadlines and labels. */
export interface DocumentMetaRecord {
  id: number;
  kind: string;
  number: string | null;
  title: string;
  issuedOn: string | null;
  horizonYears: number[];
}

export async function documentsMeta(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, DocumentMetaRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('programDocument')
    .select(['id', 'kind', 'number', 'title', 'issuedOn', 'horizonYears'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r as DocumentMetaRecord]));
}

/** The latest progress a unit reported on a task (in a report of the given states). */
export interface LatestTaskUpdateRecord {
  taskId: number;
  unitId: number;
  periodId: string;
  status: 'not_started' | 'in_progress' | 'done' | 'cancelled';
  percent: number | null;
  note: string | null;
  updatedAt: Date;
  submissionState: string | null;
}

/**
 * For each task and reporting unit, its latest update (by period) in a report
 * that is approved (view `approved`) or submitted or approved (`submitted`).
 */
export async function latestTaskUpdates(
  db: Db,
  taskIds: readonly number[],
  view: 'approved' | 'submitted',
  upToPeriod: string | null = null,
  years: readonly string[] | null = null,
): Promise<LatestTaskUpdateRecord[]> {
  if (taskIds.length === 0) return [];
  const states = view === 'approved' ? sql`('approved')` : sql`('submitted', 'approved')`;
  const r = await sql<LatestTaskUpdateRecord>`
    SELECT DISTINCT ON (u.task_id, u.unit_id)
      u.task_id AS "taskId", u.unit_id AS "unitId", u.period_id AS "periodId", u.status, u.percent, u.note,
      u.updated_at AS "updatedAt", s.state AS "submissionState"
    FROM task_update u LEFT JOIN submission s ON s.id = u.submission_id
    WHERE u.task_id IN (${sql.join([...new Set(taskIds)])})
      AND (u.submission_id IS NULL OR s.state IN ${states})
      AND (${upToPeriod}::text IS NULL OR u.period_id <= ${upToPeriod})
      AND (${years === null}::boolean OR left(u.period_id, 4) = ANY(${years ? [...years] : []}::text[]))
    ORDER BY u.task_id, u.unit_id, u.period_id DESC`.execute(db);
  return r.rows.map((x) => ({ ...x, taskId: Number(x.taskId), unitId: Number(x.unitId) }));
}

/** Periods of a kind that have any approved figure at the units (from their roll-ups), oldest first. */
export async function periodsWithFigures(
  db: Db,
  unitIds: readonly number[],
  indicatorId: number,
  view: 'approved' | 'submitted',
): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const r = await sql<{ periodId: string }>`
    SELECT DISTINCT period_id AS "periodId" FROM rollup
    WHERE unit_id IN (${sql.join([...new Set(unitIds)])}) AND indicator_id = ${indicatorId}
      AND view = ${view} AND member_kind = 'all' AND reporting_units > 0
    ORDER BY 1`.execute(db);
  return r.rows.map((x) => x.periodId);
}
