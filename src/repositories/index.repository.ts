/**
 * Index methods as rows (shipped and provinces' own versions), the manual,
 * evidence-backed items units enter, the reviewers' adjustments, and the
 * index scores a publication froze.
 */
import { sql } from 'kysely';
import type { Db } from './db';

/** A stored version of an index method. */
export interface IndexMethodRecord {
  id: number;
  code: string;
  version: string;
  ownerUnitId: number | null;
  validFrom: number;
  validTo: number | null;
  definition: unknown;
  isBuiltin: boolean;
  builtinHash: string | null;
  note: string | null;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: Date;
}

function methodQuery(db: Db) {
  return db
    .selectFrom('indexMethod as m')
    .leftJoin('appUser as a', 'a.id', 'm.createdBy')
    .select([
      'm.id',
      'm.code',
      'm.version',
      'm.ownerUnitId',
      'm.validFrom',
      'm.validTo',
      'm.definition',
      'm.isBuiltin',
      'm.builtinHash',
      'm.note',
      'm.createdBy',
      'a.displayName as createdByName',
      'm.createdAt',
    ]);
}

/** Methods shipped nationally (owner null) and those owned by the given units, by code then start. */
export async function listIndexMethods(
  db: Db,
  filter: { ownerUnitIds?: readonly number[]; code?: string } = {},
): Promise<IndexMethodRecord[]> {
  let q = methodQuery(db);
  const owners = filter.ownerUnitIds ?? [];
  q = q.where((eb) =>
    owners.length > 0
      ? eb.or([eb('m.ownerUnitId', 'is', null), eb('m.ownerUnitId', 'in', [...owners])])
      : eb('m.ownerUnitId', 'is', null),
  );
  if (filter.code) q = q.where('m.code', '=', filter.code);
  return (await q.orderBy('m.code').orderBy('m.validFrom').orderBy('m.id').execute()) as IndexMethodRecord[];
}

export async function findIndexMethod(db: Db, id: number): Promise<IndexMethodRecord | undefined> {
  return (await methodQuery(db).where('m.id', '=', id).executeTakeFirst()) as IndexMethodRecord | undefined;
}

export async function insertIndexMethod(
  db: Db,
  m: {
    code: string;
    version: string;
    ownerUnitId: number | null;
    validFrom: number;
    validTo: number | null;
    definition: unknown;
    isBuiltin: boolean;
    builtinHash: string | null;
    note: string | null;
    createdBy: number | null;
  },
): Promise<number> {
  const r = await db
    .insertInto('indexMethod')
    .values({ ...m, definition: JSON.stringify(m.definition) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Replaces a shipped version's definition when the product ships a changed one. */
export async function updateBuiltinMethod(
  db: Db,
  id: number,
  m: { validFrom: number; validTo: number | null; definition: unknown; builtinHash: string },
): Promise<void> {
  await db
    .updateTable('indexMethod')
    .set({ ...m, definition: JSON.stringify(m.definition) })
    .where('id', '=', id)
    .execute();
}

/** Ends a version's validity (a newer version starts). */
export async function setMethodValidTo(db: Db, id: number, validTo: number): Promise<void> {
  await db.updateTable('indexMethod').set({ validTo }).where('id', '=', id).execute();
}

// ---------------------------------------------------------------- manual items

/** A manual item's value with its evidence. */
export interface IndexInputRecord {
  id: number;
  methodCode: string;
  unitId: number;
  year: number;
  subIndicator: string;
  valueNumber: number | null;
  valueBoolean: boolean | null;
  note: string | null;
  enteredBy: number | null;
  enteredByName: string | null;
  enteredAt: Date;
  evidence: Array<{
    id: number;
    url: string | null;
    fileName: string | null;
    mediaType: string | null;
    sizeBytes: number | null;
  }>;
}

/** The manual items of units for a method and a year, with their evidence (without file contents). */
export async function findIndexInputs(
  db: Db,
  q: { methodCode: string; unitIds: readonly number[]; years: readonly number[] },
): Promise<IndexInputRecord[]> {
  if (q.unitIds.length === 0 || q.years.length === 0) return [];
  const rows = await db
    .selectFrom('indexInput as i')
    .leftJoin('appUser as a', 'a.id', 'i.enteredBy')
    .select([
      'i.id',
      'i.methodCode',
      'i.unitId',
      'i.year',
      'i.subIndicator',
      'i.valueNumber',
      'i.valueBoolean',
      'i.note',
      'i.enteredBy',
      'a.displayName as enteredByName',
      'i.enteredAt',
    ])
    .where('i.methodCode', '=', q.methodCode)
    .where('i.unitId', 'in', [...new Set(q.unitIds)])
    .where('i.year', 'in', [...new Set(q.years)])
    .orderBy('i.id')
    .execute();
  const evidence =
    rows.length === 0
      ? []
      : await db
          .selectFrom('indexEvidence')
          .select(['id', 'inputId', 'url', 'fileName', 'mediaType', 'sizeBytes'])
          .where(
            'inputId',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('id')
          .execute();
  return rows.map((r) => ({
    ...r,
    evidence: evidence.filter((e) => e.inputId === r.id).map(({ inputId: _inputId, ...e }) => e),
  })) as IndexInputRecord[];
}

/** Sets a manual item's value (creating it), returns its id. */
export async function upsertIndexInput(
  db: Db,
  i: {
    methodCode: string;
    unitId: number;
    year: number;
    subIndicator: string;
    valueNumber: number | null;
    valueBoolean: boolean | null;
    note: string | null;
    enteredBy: number | null;
    at: Date;
  },
): Promise<number> {
  const values = {
    valueNumber: i.valueNumber,
    valueBoolean: i.valueBoolean,
    note: i.note,
    enteredBy: i.enteredBy,
    enteredAt: i.at,
  };
  const r = await db
    .insertInto('indexInput')
    .values({
      methodCode: i.methodCode,
      unitId: i.unitId,
      year: i.year,
      subIndicator: i.subIndicator,
      ...values,
    })
    .onConflict((oc) => oc.columns(['methodCode', 'unitId', 'year', 'subIndicator']).doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteIndexInput(db: Db, id: number): Promise<void> {
  await db.deleteFrom('indexInput').where('id', '=', id).execute();
}

export async function insertIndexEvidence(
  db: Db,
  e: {
    inputId: number;
    url: string | null;
    fileName: string | null;
    mediaType: string | null;
    sizeBytes: number | null;
    sha256: string | null;
    content: Buffer | null;
    uploadedBy: number | null;
  },
): Promise<number> {
  const r = await db.insertInto('indexEvidence').values(e).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** One piece of evidence with the item it belongs to (and its file, when `withContent`). */
export async function findIndexEvidence(
  db: Db,
  id: number,
  withContent = false,
): Promise<
  | {
      id: number;
      inputId: number;
      unitId: number;
      url: string | null;
      fileName: string | null;
      mediaType: string | null;
      content: Buffer | null;
    }
  | undefined
> {
  const row = await db
    .selectFrom('indexEvidence as e')
    .innerJoin('indexInput as i', 'i.id', 'e.inputId')
    .select(['e.id', 'e.inputId', 'i.unitId', 'e.url', 'e.fileName', 'e.mediaType'])
    .$if(withContent, (q) => q.select('e.content'))
    .where('e.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return { content: null, ...row } as never;
}

export async function deleteIndexEvidence(db: Db, id: number): Promise<void> {
  await db.deleteFrom('indexEvidence').where('id', '=', id).execute();
}

// ---------------------------------------------------------------- adjustments

export interface IndexAdjustmentRecord {
  id: number;
  methodCode: string;
  unitId: number;
  year: number;
  subIndicator: string;
  points: number;
  reason: string;
  adjustedBy: number | null;
  adjustedByName: string | null;
  adjustedAt: Date;
}

export async function findIndexAdjustments(
  db: Db,
  q: { methodCode: string; unitIds: readonly number[]; years: readonly number[] },
): Promise<IndexAdjustmentRecord[]> {
  if (q.unitIds.length === 0 || q.years.length === 0) return [];
  return (await db
    .selectFrom('indexAdjustment as j')
    .leftJoin('appUser as a', 'a.id', 'j.adjustedBy')
    .select([
      'j.id',
      'j.methodCode',
      'j.unitId',
      'j.year',
      'j.subIndicator',
      'j.points',
      'j.reason',
      'j.adjustedBy',
      'a.displayName as adjustedByName',
      'j.adjustedAt',
    ])
    .where('j.methodCode', '=', q.methodCode)
    .where('j.unitId', 'in', [...new Set(q.unitIds)])
    .where('j.year', 'in', [...new Set(q.years)])
    .orderBy('j.id')
    .execute()) as IndexAdjustmentRecord[];
}

export async function upsertIndexAdjustment(
  db: Db,
  j: {
    methodCode: string;
    unitId: number;
    year: number;
    subIndicator: string;
    points: number;
    reason: string;
    adjustedBy: number | null;
    at: Date;
  },
): Promise<void> {
  const values = { points: j.points, reason: j.reason, adjustedBy: j.adjustedBy, adjustedAt: j.at };
  await db
    .insertInto('indexAdjustment')
    .values({
      methodCode: j.methodCode,
      unitId: j.unitId,
      year: j.year,
      subIndicator: j.subIndicator,
      ...values,
    })
    .onConflict((oc) => oc.columns(['methodCode', 'unitId', 'year', 'subIndicator']).doUpdateSet(values))
    .execute();
}

export async function deleteIndexAdjustment(
  db: Db,
  key: { methodCode: string; unitId: number; year: number; subIndicator: string },
): Promise<number> {
  const r = await db
    .deleteFrom('indexAdjustment')
    .where('methodCode', '=', key.methodCode)
    .where('unitId', '=', key.unitId)
    .where('year', '=', key.year)
    .where('subIndicator', '=', key.subIndicator)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

// ---------------------------------------------------------------- published scores

export async function insertPublishedScores(
  db: Db,
  rows: ReadonlyArray<{
    publicationId: number;
    methodId: number;
    unitId: number;
    total: number;
    maxTotal: number;
    normalized: number;
    rank: number | null;
    peers: number;
    result: unknown;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  // a province has a few hundred units: in chunks, one statement each
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('publicationIndexScore')
      .values(rows.slice(i, i + 200).map((r) => ({ ...r, result: JSON.stringify(r.result) })))
      .execute();
  }
}

export async function findPublishedScores(
  db: Db,
  publicationIds: readonly number[],
  methodCode: string,
): Promise<Array<{ publicationId: number; methodId: number; unitId: number; result: unknown }>> {
  if (publicationIds.length === 0) return [];
  const r = await sql<{ publicationId: number; methodId: number; unitId: number; result: unknown }>`
    SELECT s.publication_id AS "publicationId", s.method_id AS "methodId", s.unit_id AS "unitId", s.result
    FROM publication_index_score s JOIN index_method m ON m.id = s.method_id
    WHERE s.publication_id IN (${sql.join([...publicationIds])}) AND m.code = ${methodCode}
    ORDER BY s.rank NULLS LAST, s.unit_id`.execute(db);
  return r.rows.map((x) => ({
    ...x,
    publicationId: Number(x.publicationId),
    methodId: Number(x.methodId),
    unitId: Number(x.unitId),
  }));
}
