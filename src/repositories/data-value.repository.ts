/**
 * Data values (unit × indicator × period) and their revisions. Writers lock
 * the rows they change (`FOR UPDATE`, in key order) inside the caller's
 * transaction; bulk statements pass columns as arrays (`unnest`) so a batch
 * of thousands of values is a handful of statements.
 */
import { sql } from 'kysely';
import type { Db } from './db';

export type ValueStatus = 'draft' | 'submitted' | 'approved';
/** Where a revision came from. */
export type RevisionSource = 'form' | 'excel' | 'api' | 'dhis2' | 'workflow' | 'demo';

/** A stored value. */
export interface DataValueRecord {
  id: number;
  unitId: number;
  indicatorId: number;
  periodId: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  comment: string | null;
  submissionId: number | null;
  status: ValueStatus;
  revision: number;
  isDemo: boolean;
  updatedBy: number | null;
  updatedAt: Date;
}

/** The key of a value. */
export interface ValueKey {
  unitId: number;
  indicatorId: number;
  periodId: string;
}

const columns = [
  'dataValue.id',
  'dataValue.unitId',
  'dataValue.indicatorId',
  'dataValue.periodId',
  'dataValue.numerator',
  'dataValue.denominator',
  'dataValue.value',
  'dataValue.comment',
  'dataValue.submissionId',
  'dataValue.status',
  'dataValue.revision',
  'dataValue.isDemo',
  'dataValue.updatedBy',
  'dataValue.updatedAt',
] as const;

export const keyOf = (k: ValueKey) => `${k.unitId}:${k.indicatorId}:${k.periodId}`;

/**
 * The stored values of these keys, locked for update in key order (so two
 * writers touching the same values never wait on each other in a cycle).
 */
export async function lockValues(trx: Db, keys: readonly ValueKey[]): Promise<Map<string, DataValueRecord>> {
  const out = new Map<string, DataValueRecord>();
  if (keys.length === 0) return out;
  const r = await sql<DataValueRecord>`
    SELECT d.id, d.unit_id AS "unitId", d.indicator_id AS "indicatorId", d.period_id AS "periodId",
      d.numerator, d.denominator, d.value, d.comment, d.submission_id AS "submissionId", d.status,
      d.revision, d.is_demo AS "isDemo", d.updated_by AS "updatedBy", d.updated_at AS "updatedAt"
    FROM data_value d
    JOIN unnest(${keys.map((k) => k.unitId)}::bigint[], ${keys.map((k) => k.indicatorId)}::bigint[],
      ${keys.map((k) => k.periodId)}::text[]) AS k(unit_id, indicator_id, period_id)
      ON d.unit_id = k.unit_id AND d.indicator_id = k.indicator_id AND d.period_id = k.period_id
    ORDER BY d.unit_id, d.indicator_id, d.period_id
    FOR UPDATE OF d`.execute(trx);
  for (const row of r.rows) out.set(keyOf(row), row);
  return out;
}

/** A value to insert or the new state of one to update. */
export interface ValueWrite extends ValueKey {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  comment: string | null;
  submissionId: number | null;
  status: ValueStatus;
  isDemo: boolean;
}

/** Inserts new values (revision 1); returns them with their ids, in input order. */
export async function insertValues(
  trx: Db,
  rows: readonly ValueWrite[],
  by: number | null,
  at: Date,
): Promise<DataValueRecord[]> {
  if (rows.length === 0) return [];
  const r = await sql<DataValueRecord & { ord: number }>`
    INSERT INTO data_value (unit_id, indicator_id, period_id, numerator, denominator, value, comment,
      submission_id, status, revision, is_demo, updated_by, updated_at)
    SELECT unit_id, indicator_id, period_id, numerator, denominator, value, comment, submission_id, status, 1,
      is_demo, ${by}::bigint, ${at}::timestamptz
    FROM unnest(${rows.map((v) => v.unitId)}::bigint[], ${rows.map((v) => v.indicatorId)}::bigint[],
      ${rows.map((v) => v.periodId)}::text[], ${rows.map((v) => v.numerator)}::numeric[],
      ${rows.map((v) => v.denominator)}::numeric[], ${rows.map((v) => v.value)}::numeric[],
      ${rows.map((v) => v.comment)}::text[], ${rows.map((v) => v.submissionId)}::bigint[],
      ${rows.map((v) => v.status)}::text[], ${rows.map((v) => v.isDemo)}::boolean[])
      AS v(unit_id, indicator_id, period_id, numerator, denominator, value, comment, submission_id, status, is_demo)
    ORDER BY unit_id, indicator_id, period_id
    RETURNING id, unit_id AS "unitId", indicator_id AS "indicatorId", period_id AS "periodId", numerator,
      denominator, value, comment, submission_id AS "submissionId", status, revision, is_demo AS "isDemo",
      updated_by AS "updatedBy", updated_at AS "updatedAt"`.execute(trx);
  const byKey = new Map(r.rows.map((row) => [keyOf(row), row]));
  return rows.map((v) => byKey.get(keyOf(v)) as DataValueRecord);
}

/** Updates stored values by id to the given state, raising each revision by one; returns them. */
export async function updateValues(
  trx: Db,
  rows: ReadonlyArray<ValueWrite & { id: number }>,
  by: number | null,
  at: Date,
): Promise<DataValueRecord[]> {
  if (rows.length === 0) return [];
  const r = await sql<DataValueRecord>`
    UPDATE data_value d SET numerator = v.numerator, denominator = v.denominator, value = v.value,
      comment = v.comment, submission_id = v.submission_id, status = v.status, is_demo = v.is_demo,
      revision = d.revision + 1, updated_by = ${by}::bigint, updated_at = ${at}::timestamptz
    FROM unnest(${rows.map((v) => v.id)}::bigint[], ${rows.map((v) => v.numerator)}::numeric[],
      ${rows.map((v) => v.denominator)}::numeric[], ${rows.map((v) => v.value)}::numeric[],
      ${rows.map((v) => v.comment)}::text[], ${rows.map((v) => v.submissionId)}::bigint[],
      ${rows.map((v) => v.status)}::text[], ${rows.map((v) => v.isDemo)}::boolean[])
      AS v(id, numerator, denominator, value, comment, submission_id, status, is_demo)
    WHERE d.id = v.id
    RETURNING d.id, d.unit_id AS "unitId", d.indicator_id AS "indicatorId", d.period_id AS "periodId",
      d.numerator, d.denominator, d.value, d.comment, d.submission_id AS "submissionId", d.status,
      d.revision, d.is_demo AS "isDemo", d.updated_by AS "updatedBy", d.updated_at AS "updatedAt"`.execute(
    trx,
  );
  return r.rows;
}

/**
 * Sets the status of every value of a submission (a workflow step), raising
 * their revisions; returns the values as they were before and after.
 */
export async function setSubmissionValueStatus(
  trx: Db,
  submissionId: number,
  status: ValueStatus,
  by: number | null,
  at: Date,
): Promise<Array<{ before: DataValueRecord; after: DataValueRecord }>> {
  const before = await trx
    .selectFrom('dataValue')
    .select(columns)
    .where('submissionId', '=', submissionId)
    .orderBy('unitId')
    .orderBy('indicatorId')
    .orderBy('periodId')
    .forUpdate()
    .execute();
  if (before.length === 0) return [];
  const after = await trx
    .updateTable('dataValue')
    .set((eb) => ({ status, revision: eb('revision', '+', 1), updatedBy: by, updatedAt: at }))
    .where('submissionId', '=', submissionId)
    .returning(columns)
    .execute();
  const afterById = new Map(after.map((a) => [a.id, a as DataValueRecord]));
  return before.map((b) => ({ before: b as DataValueRecord, after: afterById.get(b.id) as DataValueRecord }));
}

/** A revision to record. */
export interface NewRevision {
  dataValueId: number;
  revision: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  comment: string | null;
  status: ValueStatus;
  reason: string | null;
  source: RevisionSource;
}

/** Records revisions (one statement for the batch). */
export async function insertRevisions(
  trx: Db,
  rows: readonly NewRevision[],
  by: number | null,
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO data_value_revision (data_value_id, revision, numerator, denominator, value, comment, status,
      reason, source, changed_by, changed_at)
    SELECT data_value_id, revision, numerator, denominator, value, comment, status, reason, source,
      ${by}::bigint, ${at}::timestamptz
    FROM unnest(${rows.map((r) => r.dataValueId)}::bigint[], ${rows.map((r) => r.revision)}::int[],
      ${rows.map((r) => r.numerator)}::numeric[], ${rows.map((r) => r.denominator)}::numeric[],
      ${rows.map((r) => r.value)}::numeric[], ${rows.map((r) => r.comment)}::text[],
      ${rows.map((r) => r.status)}::text[], ${rows.map((r) => r.reason)}::text[],
      ${rows.map((r) => r.source)}::text[])
      AS r(data_value_id, revision, numerator, denominator, value, comment, status, reason, source)`.execute(
    trx,
  );
}

/** What to read. Every filter is optional; at least one should be given. */
export interface ValueFilter {
  unitIds?: readonly number[];
  indicatorIds?: readonly number[];
  periodIds?: readonly string[];
  submissionIds?: readonly number[];
  statuses?: readonly ValueStatus[];
}

/** Values matching the filter, in key order. */
export async function findValues(db: Db, f: ValueFilter): Promise<DataValueRecord[]> {
  let q = db.selectFrom('dataValue').select(columns);
  if (f.unitIds)
    q = f.unitIds.length ? q.where('unitId', 'in', [...f.unitIds]) : q.where(sql<boolean>`false`);
  if (f.indicatorIds)
    q = f.indicatorIds.length
      ? q.where('indicatorId', 'in', [...f.indicatorIds])
      : q.where(sql<boolean>`false`);
  if (f.periodIds)
    q = f.periodIds.length ? q.where('periodId', 'in', [...f.periodIds]) : q.where(sql<boolean>`false`);
  if (f.submissionIds)
    q = f.submissionIds.length
      ? q.where('submissionId', 'in', [...f.submissionIds])
      : q.where(sql<boolean>`false`);
  if (f.statuses)
    q = f.statuses.length ? q.where('status', 'in', [...f.statuses]) : q.where(sql<boolean>`false`);
  return (await q
    .orderBy('unitId')
    .orderBy('indicatorId')
    .orderBy('periodId')
    .execute()) as DataValueRecord[];
}

/** One value by id. */
export async function findValueById(db: Db, id: number): Promise<DataValueRecord | undefined> {
  return (await db.selectFrom('dataValue').select(columns).where('id', '=', id).executeTakeFirst()) as
    | DataValueRecord
    | undefined;
}

/** A revision as the history of a field shows it. */
export interface RevisionRecord {
  revision: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  comment: string | null;
  status: string;
  reason: string | null;
  source: string;
  changedBy: number | null;
  changedByName: string | null;
  changedAt: Date;
}

/** The revisions of a value, newest first. */
export async function listRevisions(db: Db, dataValueId: number): Promise<RevisionRecord[]> {
  return db
    .selectFrom('dataValueRevision as r')
    .leftJoin('appUser as u', 'u.id', 'r.changedBy')
    .select([
      'r.revision',
      'r.numerator',
      'r.denominator',
      'r.value',
      'r.comment',
      'r.status',
      'r.reason',
      'r.source',
      'r.changedBy',
      'u.displayName as changedByName',
      'r.changedAt',
    ])
    .where('r.dataValueId', '=', dataValueId)
    .orderBy('r.revision', 'desc')
    .execute();
}

/** The names of people by id (for "changed by" in conflicts and histories). */
export async function personNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('appUser')
    .select(['id', 'displayName'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** True when any figure has been stored at all (first-start offer of demo data). */
export async function anyValueExists(db: Db): Promise<boolean> {
  const r = await db.selectFrom('dataValue').select('id').limit(1).executeTakeFirst();
  return r !== undefined;
}

/**
 * Sets the status of every value of several submissions (one workflow step
 * over many reports), raising their revisions; returns before and after.
 */
export async function setValueStatusOfSubmissions(
  trx: Db,
  changes: ReadonlyArray<{ submissionId: number; status: ValueStatus }>,
  by: number | null,
  at: Date,
): Promise<Array<{ before: DataValueRecord; after: DataValueRecord }>> {
  if (changes.length === 0) return [];
  const ids = changes.map((c) => c.submissionId);
  const before = (await trx
    .selectFrom('dataValue')
    .select(columns)
    .where('submissionId', 'in', ids)
    .orderBy('unitId')
    .orderBy('indicatorId')
    .orderBy('periodId')
    .forUpdate()
    .execute()) as DataValueRecord[];
  if (before.length === 0) return [];
  const r = await sql<DataValueRecord>`
    UPDATE data_value d SET status = v.status, revision = d.revision + 1, updated_by = ${by}::bigint,
      updated_at = ${at}::timestamptz
    FROM unnest(${ids}::bigint[], ${changes.map((c) => c.status)}::text[]) AS v(submission_id, status)
    WHERE d.submission_id = v.submission_id
    RETURNING d.id, d.unit_id AS "unitId", d.indicator_id AS "indicatorId", d.period_id AS "periodId",
      d.numerator, d.denominator, d.value, d.comment, d.submission_id AS "submissionId", d.status,
      d.revision, d.is_demo AS "isDemo", d.updated_by AS "updatedBy", d.updated_at AS "updatedAt"`.execute(
    trx,
  );
  const afterById = new Map(r.rows.map((a) => [a.id, a]));
  return before.map((b) => ({ before: b, after: afterById.get(b.id) as DataValueRecord }));
}
