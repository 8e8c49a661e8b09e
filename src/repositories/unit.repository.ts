/**
 * Reading the unit tree: search, one unit, children, ancestry, lineage,
 * provinces of a date, subtrees.
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import type { UnitKind } from '../domain/unit/unit';
import type { Db } from './db';

/** A unit row as the read side returns it. */
export interface UnitRecord {
  id: number;
  code: string;
  codeSystem: 'dvhc' | 'internal';
  kind: UnitKind;
  subkind: string | null;
  name: string;
  nameEn: string | null;
  shortName: string | null;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
}

const cols = [
  'u.id',
  'u.code',
  'u.codeSystem',
  'u.kind',
  'u.subkind',
  'u.name',
  'u.nameEn',
  'u.shortName',
  'u.parentId',
  'u.validFrom',
  'u.validTo',
] as const;

/** SQL: the unit aliased `alias` is in force on `at`. */
function validAt(alias: string, at: string): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.valid_from`)} IS NULL OR ${sql.ref(`${alias}.valid_from`)} <= ${at}::date)
    AND (${sql.ref(`${alias}.valid_to`)} IS NULL OR ${sql.ref(`${alias}.valid_to`)} > ${at}::date)`;
}

const kindRank = sql<number>`CASE u.kind WHEN 'nation' THEN 0 WHEN 'province' THEN 1 WHEN 'department' THEN 2
  WHEN 'agency' THEN 3 WHEN 'district' THEN 4 ELSE 5 END`;

/** One unit by id. */
export async function findUnit(db: Db, id: number): Promise<UnitRecord | undefined> {
  return db.selectFrom('unit as u').select(cols).where('u.id', '=', id).executeTakeFirst();
}

/** Units by id (unknown ids are left out). */
export async function findUnits(db: Db, ids: readonly number[]): Promise<UnitRecord[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('unit as u')
    .select(cols)
    .where('u.id', 'in', [...ids])
    .execute();
}

/** A search hit with the names and kinds of the two units above it. */
export interface UnitSearchRow extends UnitRecord {
  parentName: string | null;
  parentKind: UnitKind | null;
  grandName: string | null;
  grandKind: UnitKind | null;
}

/**
 * Units whose folded search text holds every term (`terms` already folded),
 * the whole phrase first, then units in force, then by kind and name.
 */
export async function searchUnits(
  db: Db,
  f: {
    terms: string[];
    phrase: string;
    kind?: UnitKind;
    parentId?: number;
    withinId?: number;
    at?: string;
    limit: number;
  },
): Promise<UnitSearchRow[]> {
  const like = (s: string) => `%${s.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
  let q = db
    .selectFrom('unit as u')
    .leftJoin('unit as p', 'p.id', 'u.parentId')
    .leftJoin('unit as g', 'g.id', 'p.parentId')
    .select(cols)
    .select(['p.name as parentName', 'p.kind as parentKind', 'g.name as grandName', 'g.kind as grandKind']);
  for (const term of f.terms) {
    q = q.where((eb) => eb.or([eb('u.searchText', 'like', like(term)), eb('u.code', '=', term)]));
  }
  if (f.kind) q = q.where('u.kind', '=', f.kind);
  if (f.parentId !== undefined) q = q.where('u.parentId', '=', f.parentId);
  if (f.withinId !== undefined) {
    q = q.where(
      sql<SqlBool>`u.id IN (
        WITH RECURSIVE down(id, depth) AS (
          SELECT id, 0 FROM unit WHERE parent_id = ${f.withinId}
          UNION ALL
          SELECT c.id, down.depth + 1 FROM unit c JOIN down ON c.parent_id = down.id WHERE down.depth < 20
        ) SELECT id FROM down)`,
    );
  }
  if (f.at) q = q.where(validAt('u', f.at));
  const phrase = f.phrase ? like(f.phrase) : '%';
  return q
    .orderBy(sql`CASE WHEN u.code = ${f.phrase} THEN 0 WHEN u.search_text LIKE ${phrase} THEN 1 ELSE 2 END`)
    .orderBy(sql`CASE WHEN u.valid_to IS NULL THEN 0 ELSE 1 END`)
    .orderBy(kindRank)
    .orderBy('u.name')
    .orderBy('u.id')
    .limit(f.limit)
    .execute();
}

/** A child with the number of its own children in force on the same date. */
export interface UnitChildRow extends UnitRecord {
  childCount: number;
}

/** The children of a unit in force on `at`, each with its number of children then. */
export async function childrenOf(
  db: Db,
  parentId: number,
  f: { at: string; kind?: UnitKind; terms?: string[] },
): Promise<UnitChildRow[]> {
  let q = db
    .selectFrom('unit as u')
    .select(cols)
    .select((eb) =>
      eb
        .selectFrom('unit as c')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('c.parentId', '=', 'u.id')
        .where(validAt('c', f.at))
        .as('childCount'),
    )
    .where('u.parentId', '=', parentId)
    .where(validAt('u', f.at));
  if (f.kind) q = q.where('u.kind', '=', f.kind);
  for (const term of f.terms ?? [])
    q = q.where('u.searchText', 'like', `%${term.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`);
  const rows = await q.orderBy(kindRank).execute();
  return rows.map((r) => ({ ...r, childCount: Number(r.childCount ?? 0) }));
}

/** How many units of each kind lie below a unit (at any depth) in force on `at`. */
export async function countDescendantsByKind(
  db: Db,
  rootId: number,
  at: string,
): Promise<Record<string, number>> {
  const r = await sql<{ kind: string; n: number }>`
    WITH RECURSIVE down(id, kind, depth) AS (
      SELECT u.id, u.kind, 1 FROM unit u WHERE u.parent_id = ${rootId}
        AND (u.valid_from IS NULL OR u.valid_from <= ${at}::date) AND (u.valid_to IS NULL OR u.valid_to > ${at}::date)
      UNION ALL
      SELECT u.id, u.kind, down.depth + 1 FROM unit u JOIN down ON u.parent_id = down.id
      WHERE down.depth < 20
        AND (u.valid_from IS NULL OR u.valid_from <= ${at}::date) AND (u.valid_to IS NULL OR u.valid_to > ${at}::date)
    )
    SELECT kind, count(*)::int AS n FROM down GROUP BY kind`.execute(db);
  return Object.fromEntries(r.rows.map((x) => [x.kind, Number(x.n)]));
}

/** The ancestors of a unit, from the root down to its parent. */
export async function ancestorsOf(db: Db, id: number): Promise<UnitRecord[]> {
  const r = await sql<{ id: number; depth: number }>`
    WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM unit WHERE id = ${id}
      UNION ALL
      SELECT u.id, u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id WHERE up.depth < 20
    )
    SELECT id, depth FROM up WHERE depth > 0 ORDER BY depth DESC`.execute(db);
  const byId = new Map(
    (
      await findUnits(
        db,
        r.rows.map((x) => Number(x.id)),
      )
    ).map((u) => [u.id, u]),
  );
  return r.rows.map((x) => byId.get(Number(x.id))).filter((u): u is UnitRecord => u !== undefined);
}

/** A lineage link with the unit at its other end. */
export interface LineageRow {
  id: number;
  effectiveOn: string;
  kind: 'full' | 'partial' | 'rename';
  share: number | null;
  source: string | null;
  unit: UnitRecord;
}

/** The links into a unit (its predecessors) and out of it (its successors). */
export async function lineageOf(
  db: Db,
  id: number,
): Promise<{ predecessors: LineageRow[]; successors: LineageRow[] }> {
  const links = await db
    .selectFrom('unitLineage')
    .select(['id', 'fromUnitId', 'toUnitId', 'effectiveOn', 'kind', 'share', 'source'])
    .where((eb) => eb.or([eb('fromUnitId', '=', id), eb('toUnitId', '=', id)]))
    .orderBy('effectiveOn')
    .orderBy('id')
    .execute();
  const others = new Map(
    (
      await findUnits(
        db,
        links.map((l) => (l.fromUnitId === id ? l.toUnitId : l.fromUnitId)),
      )
    ).map((u) => [u.id, u]),
  );
  const row = (l: (typeof links)[number], other: number): LineageRow | null => {
    const unit = others.get(other);
    return unit
      ? { id: l.id, effectiveOn: l.effectiveOn, kind: l.kind, share: l.share, source: l.source, unit }
      : null;
  };
  return {
    predecessors: links
      .filter((l) => l.toUnitId === id)
      .map((l) => row(l, l.fromUnitId))
      .filter((x): x is LineageRow => x !== null),
    successors: links
      .filter((l) => l.fromUnitId === id)
      .map((l) => row(l, l.toUnitId))
      .filter((x): x is LineageRow => x !== null),
  };
}

/**
 * Which of the given provinces have a program: program documents, or bodies on
 * record since before our records (the seed provinces' departments).
 */
export async function provincesWithProgram(db: Db, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const r = await sql<{ id: number }>`
    SELECT u.id FROM unit u WHERE u.id IN (${sql.join([...ids])}) AND (
      EXISTS (SELECT 1 FROM program_document d WHERE d.province_id = u.id)
      OR EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = u.id AND c.kind IN ('department', 'agency') AND c.valid_from IS NULL))`.execute(
    db,
  );
  return new Set(r.rows.map((x) => Number(x.id)));
}

/** The provinces in force on `at`, in code order. */
export async function provincesAt(db: Db, at: string): Promise<UnitRecord[]> {
  return db
    .selectFrom('unit as u')
    .select(cols)
    .where('u.kind', '=', 'province')
    .where(validAt('u', at))
    .orderBy('u.code')
    .execute();
}

/** Every province → province lineage link. */
export async function provinceLinks(
  db: Db,
): Promise<Array<{ fromUnitId: number; toUnitId: number; effectiveOn: string }>> {
  return db
    .selectFrom('unitLineage as l')
    .innerJoin('unit as f', 'f.id', 'l.fromUnitId')
    .innerJoin('unit as t', 't.id', 'l.toUnitId')
    .select(['l.fromUnitId', 'l.toUnitId', 'l.effectiveOn'])
    .where('f.kind', '=', 'province')
    .where('t.kind', '=', 'province')
    .orderBy('l.effectiveOn')
    .execute();
}

/** Every province row that has had this code, newest first. */
export async function provincesByCode(db: Db, code: string): Promise<UnitRecord[]> {
  return db
    .selectFrom('unit as u')
    .select(cols)
    .where('u.kind', '=', 'province')
    .where('u.code', '=', code)
    .orderBy(sql`coalesce(u.valid_from, DATE '0001-01-01')`, 'desc')
    .execute();
}

/** The root of the tree (the nation), if any. */
export async function findNationUnit(db: Db): Promise<UnitRecord | undefined> {
  return db
    .selectFrom('unit as u')
    .select(cols)
    .where('u.kind', '=', 'nation')
    .orderBy('u.id')
    .executeTakeFirst();
}

/**
 * The units below `rootId` in force on `at`, down to `depth` levels, with each
 * unit's depth; at most `limit` rows (the shallowest first).
 */
export async function subtreeRows(
  db: Db,
  f: { rootId: number; depth: number; at: string; limit: number },
): Promise<Array<UnitRecord & { depth: number }>> {
  const r = await sql<{ id: number; depth: number }>`
    WITH RECURSIVE down(id, depth) AS (
      SELECT ${f.rootId}::bigint, 0
      UNION ALL
      SELECT u.id, down.depth + 1 FROM unit u JOIN down ON u.parent_id = down.id
      WHERE down.depth < ${f.depth}
        AND (u.valid_from IS NULL OR u.valid_from <= ${f.at}::date) AND (u.valid_to IS NULL OR u.valid_to > ${f.at}::date)
    )
    SELECT id, depth FROM down WHERE depth > 0 ORDER BY depth, id LIMIT ${f.limit}`.execute(db);
  const depthOf = new Map(r.rows.map((x) => [Number(x.id), Number(x.depth)]));
  const rows = await findUnits(db, [...depthOf.keys()]);
  return rows.map((u) => ({ ...u, depth: depthOf.get(u.id) ?? 0 }));
}

/** Children counts (in force on `at`) of many units at once. */
export async function childCounts(db: Db, ids: readonly number[], at: string): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('unit as u')
    .select(['u.parentId', sql<number>`count(*)::int`.as('n')])
    .where('u.parentId', 'in', [...ids])
    .where(validAt('u', at))
    .groupBy('u.parentId')
    .execute();
  return new Map(rows.map((r) => [Number(r.parentId), Number(r.n)]));
}
