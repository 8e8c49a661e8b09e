/**
 * Targets of program documents (proposed by the reader or added by hand,
 * then confirmed or rejected), with the indicator each measures.
 */
import { sql } from 'kysely';
import type { ReviewState, TargetTable } from '../db/schema';
import type { Db } from './db';

export interface NewTarget {
  documentId: number;
  sectionId: number | null;
  indicatorId: number | null;
  indicatorConfidence: number | null;
  year: number | null;
  level: TargetTable['level'];
  comparator: TargetTable['comparator'];
  value: number;
  valueMax: number | null;
  unit: TargetTable['unit'];
  unitLabel: string | null;
  quote: string;
  spanStart: number;
  spanEnd: number;
  origin: 'reader' | 'manual';
  reviewState: ReviewState;
  reviewedBy: number | null;
  reviewedAt: Date | null;
  note: string | null;
  carriedFromId: number | null;
}

export interface TargetRow extends NewTarget {
  id: number;
  indicatorCode: string | null;
  indicatorNameVi: string | null;
  indicatorNameEn: string | null;
  indicatorPillar: string | null;
  provinceId: number | null;
  updatedAt: Date;
}

export type TargetPatch = Partial<
  Pick<
    NewTarget,
    | 'indicatorId'
    | 'indicatorConfidence'
    | 'year'
    | 'level'
    | 'comparator'
    | 'value'
    | 'valueMax'
    | 'unit'
    | 'unitLabel'
    | 'reviewState'
    | 'reviewedBy'
    | 'reviewedAt'
    | 'note'
    | 'sectionId'
  >
>;

function targetQuery(db: Db) {
  return db
    .selectFrom('target as t')
    .innerJoin('programDocument as d', 'd.id', 't.documentId')
    .leftJoin('indicator as i', 'i.id', 't.indicatorId')
    .select([
      't.id',
      't.documentId',
      't.sectionId',
      't.indicatorId',
      't.indicatorConfidence',
      't.year',
      't.level',
      't.comparator',
      't.value',
      't.valueMax',
      't.unit',
      't.unitLabel',
      't.quote',
      't.spanStart',
      't.spanEnd',
      't.origin',
      't.reviewState',
      't.reviewedBy',
      't.reviewedAt',
      't.note',
      't.carriedFromId',
      't.updatedAt',
      'i.code as indicatorCode',
      'i.nameVi as indicatorNameVi',
      'i.nameEn as indicatorNameEn',
      'i.pillar as indicatorPillar',
      'd.provinceId',
    ]);
}

/** Inserts targets in one statement; returns their ids in order. */
export async function insertTargets(db: Db, rows: NewTarget[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const r = await db.insertInto('target').values(rows).returning('id').execute();
  return r.map((x) => x.id);
}

/** Targets of documents, in text order, optionally in given review states. */
export async function listTargets(
  db: Db,
  f: { documentIds: number[]; states?: ReviewState[] },
): Promise<TargetRow[]> {
  if (f.documentIds.length === 0) return [];
  let q = targetQuery(db).where('t.documentId', 'in', f.documentIds);
  if (f.states) q = q.where('t.reviewState', 'in', f.states);
  return q.orderBy('t.documentId').orderBy('t.spanStart').orderBy('t.id').execute();
}

/** Targets by id, in text order. */
export async function listTargetsByIds(db: Db, ids: number[]): Promise<TargetRow[]> {
  if (ids.length === 0) return [];
  return targetQuery(db)
    .where('t.id', 'in', [...new Set(ids)])
    .orderBy('t.spanStart')
    .orderBy('t.id')
    .execute();
}

/** One target, or undefined. */
export async function findTarget(db: Db, id: number): Promise<TargetRow | undefined> {
  return targetQuery(db).where('t.id', '=', id).executeTakeFirst();
}

/** Changes a target's fields. */
export async function updateTarget(db: Db, id: number, patch: TargetPatch): Promise<void> {
  await updateTargets(db, [id], patch);
}

/** Sets the same fields on several targets in one statement. */
export async function updateTargets(db: Db, ids: number[], patch: TargetPatch): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('target')
    .set({ ...patch, updatedAt: new Date() })
    .where('id', 'in', ids)
    .execute();
}

/** Ids of the catalog's indicators by code (unknown codes are absent). */
export async function indicatorIdsByCode(db: Db, codes: string[]): Promise<Map<string, number>> {
  const unique = [...new Set(codes)];
  const out = new Map<string, number>();
  if (unique.length === 0) return out;
  const rows = await db.selectFrom('indicator').select(['id', 'code']).where('code', 'in', unique).execute();
  for (const r of rows) out.set(r.code, r.id);
  return out;
}

/** Which of these indicator ids exist, in one query. */
export async function existingIndicatorIds(db: Db, ids: number[]): Promise<Set<number>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await db.selectFrom('indicator').select('id').where('id', 'in', unique).execute();
  return new Set(rows.map((r) => r.id));
}

/** An indicator's code and names, or undefined. */
export async function findIndicatorBrief(
  db: Db,
  id: number,
): Promise<{ id: number; code: string; nameVi: string; nameEn: string; pillar: string } | undefined> {
  return db
    .selectFrom('indicator')
    .select(['id', 'code', 'nameVi', 'nameEn', 'pillar'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Names and pillars of indicators by code, for labelling comparisons. */
export async function indicatorBriefsByCode(
  db: Db,
  codes: string[],
): Promise<Map<string, { code: string; nameVi: string; nameEn: string; pillar: string }>> {
  const unique = [...new Set(codes)];
  const out = new Map<string, { code: string; nameVi: string; nameEn: string; pillar: string }>();
  if (unique.length === 0) return out;
  const rows = await db
    .selectFrom('indicator')
    .select(['code', 'nameVi', 'nameEn', 'pillar'])
    .where('code', 'in', unique)
    .execute();
  for (const r of rows) out.set(r.code, r);
  return out;
}

/**
 * Documents whose confirmed program is in force for a province: its own
 * documents that no newer version replaces.
 */
export async function currentDocumentIds(db: Db, provinceId: number): Promise<number[]> {
  const r = await sql<{ id: number }>`
    SELECT d.id::int AS id FROM program_document d
    WHERE d.province_id = ${provinceId}
      AND NOT EXISTS (SELECT 1 FROM program_document n WHERE n.supersedes_id = d.id)
    ORDER BY d.id`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

/** Counts of targets per review state for documents. */
export async function countTargetsByState(
  db: Db,
  documentIds: number[],
): Promise<Map<number, Record<ReviewState, number>>> {
  const out = new Map<number, Record<ReviewState, number>>();
  if (documentIds.length === 0) return out;
  const rows = await db
    .selectFrom('target')
    .select(['documentId', 'reviewState', (eb) => eb.fn.countAll<number>().as('n')])
    .where('documentId', 'in', documentIds)
    .groupBy(['documentId', 'reviewState'])
    .execute();
  for (const r of rows) {
    const c = out.get(r.documentId) ?? { proposed: 0, confirmed: 0, rejected: 0 };
    c[r.reviewState] = Number(r.n);
    out.set(r.documentId, c);
  }
  return out;
}
