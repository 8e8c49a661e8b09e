/**
 * Submissions (one unit's report in one round) and their events. A writer
 * locks the submissions it changes first (`FOR UPDATE`, by id), then the
 * values, then the roll-ups: the lock order every use case shares.
 */
import { sql } from 'kysely';
import type { SubmissionState } from '../db/schema';
import type { Db } from './db';

/** A submission with what writers need of its round and unit. */
export interface SubmissionRecord {
  id: number;
  roundId: number;
  unitId: number;
  state: SubmissionState;
  version: number;
  submittedAt: Date | null;
  submittedBy: number | null;
  decidedAt: Date | null;
  decidedBy: number | null;
  comment: string | null;
  updatedAt: Date;
  /** Of the round. */
  periodId: string;
  roundState: 'draft' | 'open' | 'closed';
  provinceId: number;
  isDemo: boolean;
  /** Of the unit. */
  unitKind: string;
}

const select = sql`
  SELECT s.id, s.round_id AS "roundId", s.unit_id AS "unitId", s.state, s.version, s.submitted_at AS "submittedAt",
    s.submitted_by AS "submittedBy", s.decided_at AS "decidedAt", s.decided_by AS "decidedBy", s.comment,
    s.updated_at AS "updatedAt", r.period_id AS "periodId", r.state AS "roundState", r.province_id AS "provinceId",
    r.is_demo AS "isDemo", u.kind AS "unitKind"
  FROM submission s
  JOIN reporting_round r ON r.id = s.round_id
  JOIN unit u ON u.id = s.unit_id`;

/** One submission by id (optionally locked for update). */
export async function findSubmission(
  db: Db,
  id: number,
  lock = false,
): Promise<SubmissionRecord | undefined> {
  const r =
    await sql<SubmissionRecord>`${select} WHERE s.id = ${id} ${lock ? sql`FOR UPDATE OF s` : sql``}`.execute(
      db,
    );
  return r.rows[0];
}

/** The submission of a unit in a round (optionally locked). */
export async function findSubmissionOf(
  db: Db,
  roundId: number,
  unitId: number,
  lock = false,
): Promise<SubmissionRecord | undefined> {
  const r = await sql<SubmissionRecord>`${select} WHERE s.round_id = ${roundId} AND s.unit_id = ${unitId}
    ${lock ? sql`FOR UPDATE OF s` : sql``}`.execute(db);
  return r.rows[0];
}

/**
 * For each (unit, period), the submission of the open round that asks the
 * unit for that period — locked for update, in id order. When several open
 * rounds qualify (they should not), the newest wins.
 */
export async function lockOpenSubmissions(
  trx: Db,
  pairs: ReadonlyArray<{ unitId: number; periodId: string }>,
): Promise<Map<string, SubmissionRecord>> {
  const out = new Map<string, SubmissionRecord>();
  if (pairs.length === 0) return out;
  const r = await sql<SubmissionRecord>`${select}
    JOIN unnest(${pairs.map((p) => p.unitId)}::bigint[], ${pairs.map((p) => p.periodId)}::text[]) AS k(unit_id, period_id)
      ON k.unit_id = s.unit_id AND k.period_id = r.period_id
    WHERE r.state = 'open'
    ORDER BY s.id
    FOR UPDATE OF s`.execute(trx);
  for (const row of r.rows) {
    const key = `${row.unitId}:${row.periodId}`;
    const seen = out.get(key);
    if (!seen || seen.roundId < row.roundId) out.set(key, row);
  }
  return out;
}

/** Changes a submission's state (a workflow step), raising its version. */
export async function updateSubmission(
  trx: Db,
  id: number,
  patch: {
    state?: SubmissionState;
    submittedAt?: Date | null;
    submittedBy?: number | null;
    decidedAt?: Date | null;
    decidedBy?: number | null;
    comment?: string | null;
  },
  at: Date,
): Promise<void> {
  await trx
    .updateTable('submission')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updatedAt: at }))
    .where('id', '=', id)
    .execute();
}

/** Raises the version of submissions whose figures changed (optimistic concurrency of the form). */
export async function touchSubmissions(
  trx: Db,
  ids: readonly number[],
  at: Date,
): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .updateTable('submission')
    .set((eb) => ({ version: eb('version', '+', 1), updatedAt: at }))
    .where('id', 'in', [...new Set(ids)])
    .returning(['id', 'version'])
    .execute();
  return new Map(rows.map((r) => [r.id, r.version]));
}

/** Records a workflow step. */
export async function insertSubmissionEvent(
  trx: Db,
  e: {
    submissionId: number;
    fromState: SubmissionState | null;
    toState: SubmissionState;
    actorId: number | null;
    comment: string | null;
    at: Date;
  },
): Promise<void> {
  await trx.insertInto('submissionEvent').values(e).execute();
}

/** A step of a submission's history. */
export interface SubmissionEventRecord {
  id: number;
  fromState: SubmissionState | null;
  toState: SubmissionState;
  actorId: number | null;
  actorName: string | null;
  comment: string | null;
  at: Date;
}

/** The history of a submission, oldest first. */
export async function listSubmissionEvents(db: Db, submissionId: number): Promise<SubmissionEventRecord[]> {
  return db
    .selectFrom('submissionEvent as e')
    .leftJoin('appUser as u', 'u.id', 'e.actorId')
    .select([
      'e.id',
      'e.fromState',
      'e.toState',
      'e.actorId',
      'u.displayName as actorName',
      'e.comment',
      'e.at',
    ])
    .where('e.submissionId', '=', submissionId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/** Creates the draft submissions of a round's units (those without one). Returns how many. */
export async function createDraftSubmissions(trx: Db, roundId: number, at: Date): Promise<number> {
  const r = await sql<{ n: number }>`
    WITH w AS (
      INSERT INTO submission (round_id, unit_id, state, version, created_at, updated_at)
      SELECT ru.round_id, ru.unit_id, 'draft', 1, ${at}::timestamptz, ${at}::timestamptz
      FROM round_unit ru WHERE ru.round_id = ${roundId}
      ORDER BY ru.unit_id
      ON CONFLICT (round_id, unit_id) DO NOTHING
      RETURNING 1
    ) SELECT count(*)::int AS n FROM w`.execute(trx);
  return Number(r.rows[0]?.n ?? 0);
}

/** Submissions by id, locked for update in id order (the first lock every workflow step takes). */
export async function lockSubmissions(db: Db, ids: readonly number[]): Promise<SubmissionRecord[]> {
  if (ids.length === 0) return [];
  const r = await sql<SubmissionRecord>`${select}
    WHERE s.id IN (${sql.join([...new Set(ids)])}) ORDER BY s.id FOR UPDATE OF s`.execute(db);
  return r.rows;
}

/** Applies one workflow step's changes to many submissions in one statement, raising their versions. */
export async function updateSubmissions(
  db: Db,
  rows: ReadonlyArray<{
    id: number;
    state: SubmissionState;
    submittedAt: Date | null;
    submittedBy: number | null;
    decidedAt: Date | null;
    decidedBy: number | null;
    comment: string | null;
  }>,
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    UPDATE submission s SET state = v.state, submitted_at = v.submitted_at, submitted_by = v.submitted_by,
      decided_at = v.decided_at, decided_by = v.decided_by, comment = v.comment, version = s.version + 1,
      updated_at = ${at}::timestamptz
    FROM unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.state)}::text[],
      ${rows.map((r) => r.submittedAt)}::timestamptz[], ${rows.map((r) => r.submittedBy)}::bigint[],
      ${rows.map((r) => r.decidedAt)}::timestamptz[], ${rows.map((r) => r.decidedBy)}::bigint[],
      ${rows.map((r) => r.comment)}::text[])
      AS v(id, state, submitted_at, submitted_by, decided_at, decided_by, comment)
    WHERE s.id = v.id`.execute(db);
}

/** Records workflow steps of many submissions. */
export async function insertSubmissionEvents(
  db: Db,
  rows: ReadonlyArray<{
    submissionId: number;
    fromState: SubmissionState | null;
    toState: SubmissionState;
    actorId: number | null;
    comment: string | null;
    at: Date;
  }>,
): Promise<void> {
  if (rows.length)
    await db
      .insertInto('submissionEvent')
      .values([...rows])
      .execute();
}

/** A report as lists show it, with its round, unit and the people's names. */
export interface SubmissionListRow extends SubmissionRecord {
  roundName: string;
  dueOn: string;
  dueBefore: boolean;
  unitName: string;
  submittedByName: string | null;
  decidedByName: string | null;
}

/** Reports filtered by round, state and units ('all' for no unit filter); newest submissions first. */
export async function listSubmissionRows(
  db: Db,
  f: { roundId?: number; state?: SubmissionState; unitIds: 'all' | readonly number[]; limit: number },
): Promise<SubmissionListRow[]> {
  if (f.unitIds !== 'all' && f.unitIds.length === 0) return [];
  const r = await sql<SubmissionListRow>`
    SELECT s.id, s.round_id AS "roundId", s.unit_id AS "unitId", s.state, s.version, s.submitted_at AS "submittedAt",
      s.submitted_by AS "submittedBy", s.decided_at AS "decidedAt", s.decided_by AS "decidedBy", s.comment,
      s.updated_at AS "updatedAt", r.period_id AS "periodId", r.state AS "roundState", r.province_id AS "provinceId",
      r.is_demo AS "isDemo", u.kind AS "unitKind", r.name AS "roundName", r.due_on AS "dueOn",
      r.due_before AS "dueBefore", u.name AS "unitName", sb.display_name AS "submittedByName",
      db.display_name AS "decidedByName"
    FROM submission s
    JOIN reporting_round r ON r.id = s.round_id
    JOIN unit u ON u.id = s.unit_id
    LEFT JOIN app_user sb ON sb.id = s.submitted_by
    LEFT JOIN app_user db ON db.id = s.decided_by
    WHERE TRUE
      ${f.roundId ? sql`AND s.round_id = ${f.roundId}` : sql``}
      ${f.state ? sql`AND s.state = ${f.state}` : sql``}
      ${f.unitIds === 'all' ? sql`` : sql`AND s.unit_id IN (${sql.join([...f.unitIds])})`}
    ORDER BY s.submitted_at DESC NULLS LAST, s.id DESC
    LIMIT ${f.limit}`.execute(db);
  return r.rows;
}
