/**
 * Program documents, their sections and the links between them; and the few
 * unit look-ups a document needs (its province, the province's departments).
 */
import { sql } from 'kysely';
import type { DocumentLinkTable, ProgramDocumentTable } from '../db/schema';
import type { Db } from './db';

export type DocumentKind = ProgramDocumentTable['kind'];
export type DocumentRelation = DocumentLinkTable['relation'];

export interface NewDocument {
  kind: DocumentKind;
  number: string | null;
  issuer: string | null;
  issuedOn: string | null;
  provinceId: number | null;
  title: string;
  body: string;
  sourceFileName: string | null;
  sourceFormat: ProgramDocumentTable['sourceFormat'];
  sha256: string;
  version: number;
  supersedesId: number | null;
  horizonYears: number[];
  isSeed: boolean;
  readerVersion: string | null;
  readAt: Date;
  createdBy: number | null;
}

/** A document as lists and pages show it (without its text). */
export interface DocumentSummaryRow {
  id: number;
  kind: DocumentKind;
  number: string | null;
  issuer: string | null;
  issuedOn: string | null;
  provinceId: number | null;
  provinceName: string | null;
  provinceCode: string | null;
  title: string;
  isSeed: boolean;
  version: number;
  supersedesId: number | null;
  /** The newer version that replaces this one, if any. */
  supersededById: number | null;
  horizonYears: number[];
  sourceFileName: string | null;
  sourceFormat: ProgramDocumentTable['sourceFormat'];
  readerVersion: string | null;
  createdAt: Date;
}

export interface DocumentRow extends DocumentSummaryRow {
  body: string;
  sha256: string;
}

function summaryQuery(db: Db) {
  return db
    .selectFrom('programDocument as d')
    .leftJoin('unit as p', 'p.id', 'd.provinceId')
    .select((eb) => [
      'd.id',
      'd.kind',
      'd.number',
      'd.issuer',
      'd.issuedOn',
      'd.provinceId',
      'p.name as provinceName',
      'p.code as provinceCode',
      'd.title',
      'd.isSeed',
      'd.version',
      'd.supersedesId',
      'd.horizonYears',
      'd.sourceFileName',
      'd.sourceFormat',
      'd.readerVersion',
      'd.createdAt',
      eb
        .selectFrom('programDocument as n')
        .select('n.id')
        .whereRef('n.supersedesId', '=', 'd.id')
        .orderBy('n.id', 'desc')
        .limit(1)
        .as('supersededById'),
    ]);
}

/** Inserts a document; returns its id. */
export async function insertDocument(db: Db, doc: NewDocument): Promise<number> {
  const r = await db.insertInto('programDocument').values(doc).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** How many program documents are stored. */
export async function countDocuments(db: Db): Promise<number> {
  const r = await db
    .selectFrom('programDocument')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Lists documents, newest issue date first, optionally of a province and a kind. */
export async function listDocumentSummaries(
  db: Db,
  f: { provinceId?: number; kind?: DocumentKind; ids?: number[] } = {},
): Promise<DocumentSummaryRow[]> {
  let q = summaryQuery(db);
  if (f.provinceId !== undefined) q = q.where('d.provinceId', '=', f.provinceId);
  if (f.kind !== undefined) q = q.where('d.kind', '=', f.kind);
  if (f.ids !== undefined) {
    if (f.ids.length === 0) return [];
    q = q.where('d.id', 'in', f.ids);
  }
  const rows = await q.orderBy(sql`d.issued_on DESC NULLS LAST`).orderBy('d.id').execute();
  return rows.map((r) => ({ ...r, supersededById: r.supersededById ?? null }));
}

/** One document with its text, or undefined. */
export async function findDocument(db: Db, id: number): Promise<DocumentRow | undefined> {
  const row = await summaryQuery(db).select(['d.body', 'd.sha256']).where('d.id', '=', id).executeTakeFirst();
  return row ? { ...row, supersededById: row.supersededById ?? null } : undefined;
}

/** The document with this file content, if already stored. */
export async function findDocumentIdBySha(db: Db, sha256: string): Promise<number | undefined> {
  const r = await db
    .selectFrom('programDocument')
    .select('id')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return r?.id;
}

/** Every document that carries a number, for matching numbers as people type them. */
export async function listNumberedDocuments(db: Db): Promise<
  {
    id: number;
    number: string;
    kind: DocumentKind;
    provinceId: number | null;
    supersededById: number | null;
  }[]
> {
  const rows = await summaryQuery(db).where('d.number', 'is not', null).orderBy('d.id').execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number as string,
    kind: r.kind,
    provinceId: r.provinceId,
    supersededById: r.supersededById ?? null,
  }));
}

/** Sets the version fields of a document (used when it turns out to revise another). */
export async function updateDocumentMeta(
  db: Db,
  id: number,
  patch: Partial<Pick<NewDocument, 'title' | 'kind' | 'number' | 'issuer' | 'issuedOn' | 'provinceId'>>,
): Promise<void> {
  await db
    .updateTable('programDocument')
    .set({ ...patch, updatedAt: new Date() })
    .where('id', '=', id)
    .execute();
}

// ---- sections ----

export interface NewSection {
  /** Index of the parent in the same list, or null for a top-level section. */
  parentIndex: number | null;
  depth: number;
  label: string;
  path: string;
  heading: string;
  spanStart: number;
  spanEnd: number;
}

export interface SectionRow {
  id: number;
  parentId: number | null;
  ordinal: number;
  depth: number;
  label: string;
  path: string;
  heading: string;
  spanStart: number;
  spanEnd: number;
}

/** Inserts the sections of a document in order (parents before children); returns their ids in order. */
export async function insertSections(db: Db, documentId: number, sections: NewSection[]): Promise<number[]> {
  if (sections.length === 0) return [];
  // one statement: ids are taken from the sequence first so children can point at parents
  const idRows = await sql<{ id: number }>`
    SELECT nextval(pg_get_serial_sequence('document_section', 'id'))::bigint AS id
    FROM generate_series(1, ${sections.length})`.execute(db);
  const ids = idRows.rows.map((r) => Number(r.id));
  const values = sections.map((s, i) => ({
    id: ids[i]!,
    documentId,
    parentId: s.parentIndex === null ? null : (ids[s.parentIndex] ?? null),
    ordinal: i,
    depth: s.depth,
    label: s.label,
    path: s.path,
    heading: s.heading,
    spanStart: s.spanStart,
    spanEnd: s.spanEnd,
  }));
  await sql`INSERT INTO document_section (id, document_id, parent_id, ordinal, depth, label, path, heading, span_start, span_end)
    OVERRIDING SYSTEM VALUE VALUES ${sql.join(
      values.map(
        (v) =>
          sql`(${v.id}, ${v.documentId}, ${v.parentId}, ${v.ordinal}, ${v.depth}, ${v.label}, ${v.path}, ${v.heading}, ${v.spanStart}, ${v.spanEnd})`,
      ),
    )}`.execute(db);
  return ids;
}

/** The sections of a document in reading order. */
export async function listSections(db: Db, documentId: number): Promise<SectionRow[]> {
  return db
    .selectFrom('documentSection')
    .select(['id', 'parentId', 'ordinal', 'depth', 'label', 'path', 'heading', 'spanStart', 'spanEnd'])
    .where('documentId', '=', documentId)
    .orderBy('ordinal')
    .execute();
}

// ---- links ----

export interface LinkRow {
  fromDocumentId: number;
  toDocumentId: number | null;
  toReference: string;
  relation: DocumentRelation;
}

/** Adds links, ignoring ones already recorded. */
export async function insertLinks(db: Db, links: LinkRow[]): Promise<void> {
  if (links.length === 0) return;
  await db
    .insertInto('documentLink')
    .values(links)
    .onConflict((oc) => oc.columns(['fromDocumentId', 'relation', 'toReference']).doNothing())
    .execute();
}

/** Links from and to a document, with the other side's title where it is stored. */
export async function listLinks(
  db: Db,
  documentId: number,
): Promise<
  (LinkRow & {
    direction: 'out' | 'in';
    otherId: number | null;
    otherTitle: string | null;
    otherNumber: string | null;
    otherKind: DocumentKind | null;
  })[]
> {
  const out = await db
    .selectFrom('documentLink as l')
    .leftJoin('programDocument as o', 'o.id', 'l.toDocumentId')
    .select([
      'l.fromDocumentId',
      'l.toDocumentId',
      'l.toReference',
      'l.relation',
      'o.id as otherId',
      'o.title as otherTitle',
      'o.number as otherNumber',
      'o.kind as otherKind',
    ])
    .where('l.fromDocumentId', '=', documentId)
    .orderBy('l.relation')
    .orderBy('l.toReference')
    .execute();
  const incoming = await db
    .selectFrom('documentLink as l')
    .innerJoin('programDocument as o', 'o.id', 'l.fromDocumentId')
    .select([
      'l.fromDocumentId',
      'l.toDocumentId',
      'l.toReference',
      'l.relation',
      'o.id as otherId',
      'o.title as otherTitle',
      'o.number as otherNumber',
      'o.kind as otherKind',
    ])
    .where('l.toDocumentId', '=', documentId)
    .orderBy('l.relation')
    .orderBy('o.id')
    .execute();
  return [
    ...out.map((r) => ({ ...r, direction: 'out' as const })),
    ...incoming.map((r) => ({ ...r, direction: 'in' as const })),
  ];
}

/** Points links that named a document only by its number at the stored document. */
export async function attachDanglingLinks(db: Db, documentId: number, references: string[]): Promise<number> {
  if (references.length === 0) return 0;
  const r = await db
    .updateTable('documentLink')
    .set({ toDocumentId: documentId })
    .where('toDocumentId', 'is', null)
    .where('toReference', 'in', references)
    .where('fromDocumentId', '<>', documentId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The distinct references of links not pointing at a stored document. */
export async function listDanglingReferences(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('documentLink')
    .select('toReference')
    .distinct()
    .where('toDocumentId', 'is', null)
    .execute();
  return rows.map((r) => r.toReference);
}

// ---- units a document refers to ----

export interface UnitCandidate {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
}

const validAt = (date: string | null) =>
  date
    ? sql<boolean>`(u.valid_from IS NULL OR u.valid_from <= ${date}) AND (u.valid_to IS NULL OR u.valid_to > ${date})`
    : sql<boolean>`u.valid_to IS NULL`;

/** A province by its official code, valid at the date (or still valid when no date). */
export async function findProvinceByCode(
  db: Db,
  code: string,
  date: string | null,
): Promise<UnitCandidate | undefined> {
  const r = await sql<UnitCandidate>`
    SELECT u.id::int AS id, u.code, u.name, u.short_name AS "shortName", u.kind FROM unit u
    WHERE u.kind = 'province' AND u.code = ${code} AND ${validAt(date)}
    ORDER BY u.valid_from DESC NULLS LAST LIMIT 1`.execute(db);
  if (r.rows[0]) return r.rows[0];
  // a code given for a date outside its interval: the latest unit with that code
  const any = await sql<UnitCandidate>`
    SELECT u.id::int AS id, u.code, u.name, u.short_name AS "shortName", u.kind FROM unit u
    WHERE u.kind = 'province' AND u.code = ${code} ORDER BY u.valid_from DESC NULLS LAST LIMIT 1`.execute(db);
  return any.rows[0];
}

/** Provinces whose folded search text contains the folded name, valid at the date. */
export async function findProvincesByFoldedName(
  db: Db,
  folded: string,
  date: string | null,
): Promise<UnitCandidate[]> {
  const like = `%${folded.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const r = await sql<UnitCandidate>`
    SELECT u.id::int AS id, u.code, u.name, u.short_name AS "shortName", u.kind FROM unit u
    WHERE u.kind = 'province' AND u.search_text LIKE ${like} AND ${validAt(date)}
    ORDER BY u.valid_from DESC NULLS LAST, u.id`.execute(db);
  return r.rows;
}

/**
 * The units directly under a province (departments, agencies): those valid
 * at the date, or every one that ever existed when `date` is 'any'.
 */
export async function listProvinceUnits(
  db: Db,
  provinceId: number,
  date: string | 'any',
): Promise<UnitCandidate[]> {
  const when = date === 'any' ? sql<boolean>`TRUE` : validAt(date);
  const r = await sql<UnitCandidate>`
    SELECT u.id::int AS id, u.code, u.name, u.short_name AS "shortName", u.kind FROM unit u
    WHERE u.parent_id = ${provinceId} AND u.kind IN ('department', 'agency') AND ${when}
    ORDER BY u.valid_to DESC NULLS FIRST, u.name, u.id`.execute(db);
  return r.rows;
}

/** One unit as a candidate, or undefined. */
export async function findUnitCandidate(db: Db, id: number): Promise<UnitCandidate | undefined> {
  const r = await sql<UnitCandidate>`
    SELECT u.id::int AS id, u.code, u.name, u.short_name AS "shortName", u.kind FROM unit u WHERE u.id = ${id}`.execute(
    db,
  );
  return r.rows[0];
}

/** Names of units by id. */
export async function unitNames(
  db: Db,
  ids: number[],
): Promise<Map<number, { name: string; code: string; kind: string }>> {
  const out = new Map<number, { name: string; code: string; kind: string }>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('unit')
    .select(['id', 'name', 'code', 'kind'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  for (const r of rows) out.set(r.id, { name: r.name, code: r.code, kind: r.kind });
  return out;
}
