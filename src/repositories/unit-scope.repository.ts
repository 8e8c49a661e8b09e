/**
 * Tree queries that authorisation needs: a unit's ancestry and whether a
 * unit lies in a subtree.
 */
import { sql } from 'kysely';
import type { Db } from './db';

/** The unit itself, then its parent, … up to the root. Empty when the unit does not exist. */
export async function unitAncestry(db: Db, unitId: number): Promise<number[]> {
  const r = await sql<{ id: number; depth: number }>`
    WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM unit WHERE id = ${unitId}
      UNION ALL
      SELECT u.id, u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id WHERE up.depth < 20
    )
    SELECT id::int AS id, depth FROM up ORDER BY depth`.execute(db);
  return r.rows.map((row) => Number(row.id));
}

/** Ids of every unit in the subtrees of the given roots (roots included). */
export async function subtreeIds(db: Db, roots: number[]): Promise<number[]> {
  if (roots.length === 0) return [];
  const r = await sql<{ id: number }>`
    WITH RECURSIVE down(id, depth) AS (
      SELECT id, 0 FROM unit WHERE id IN (${sql.join(roots)})
      UNION ALL
      SELECT u.id, down.depth + 1 FROM unit u JOIN down ON u.parent_id = down.id WHERE down.depth < 20
    )
    SELECT DISTINCT id::int AS id FROM down`.execute(db);
  return r.rows.map((row) => Number(row.id));
}

/** A unit as the account pages show it: name, kind and the names of the units above it. */
export interface UnitBrief {
  id: number;
  name: string;
  kind: string;
  code: string;
  parentId: number | null;
  /** Names from the province (or the first unit under the nation) down to the parent. */
  path: string[];
}

/** Units by id with the names above them (unknown ids are left out). */
export async function unitBriefs(db: Db, ids: number[]): Promise<Map<number, UnitBrief>> {
  const out = new Map<number, UnitBrief>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const r = await sql<{
    id: number;
    name: string;
    kind: string;
    code: string;
    parentId: number | null;
    path: string[] | null;
  }>`
    WITH RECURSIVE up(start_id, id, parent_id, kind, name, depth) AS (
      SELECT id, id, parent_id, kind, name, 0 FROM unit WHERE id IN (${sql.join(unique)})
      UNION ALL
      SELECT up.start_id, u.id, u.parent_id, u.kind, u.name, up.depth + 1
      FROM unit u JOIN up ON u.id = up.parent_id WHERE up.depth < 20
    )
    SELECT u.id::int AS id, u.name, u.kind, u.code, u.parent_id::int AS "parentId",
      (SELECT array_agg(a.name ORDER BY a.depth DESC) FROM up a
        WHERE a.start_id = u.id AND a.depth > 0 AND a.kind <> 'nation') AS path
    FROM unit u WHERE u.id IN (${sql.join(unique)})`.execute(db);
  for (const row of r.rows) {
    out.set(Number(row.id), {
      id: Number(row.id),
      name: row.name,
      kind: row.kind,
      code: row.code,
      parentId: row.parentId === null ? null : Number(row.parentId),
      path: row.path ?? [],
    });
  }
  return out;
}

/**
 * Units still in force whose name or code matches `q` (diacritics ignored),
 * limited to the given subtrees ('all' for admins), provinces first.
 */
export async function searchUnitsWithin(
  db: Db,
  f: { within: 'all' | number[]; q: string; limit: number },
): Promise<UnitBrief[]> {
  if (f.within !== 'all' && f.within.length === 0) return [];
  const like = `%${f.q.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
  const withinSql = f.within === 'all' ? sql`TRUE` : sql`u.id IN (${sql.join(f.within)})`;
  const r = await sql<{ id: number }>`
    SELECT u.id::int AS id FROM unit u
    WHERE ${withinSql} AND u.valid_to IS NULL
      AND (u.search_text LIKE ${like} OR u.code = ${f.q})
    ORDER BY CASE u.kind WHEN 'nation' THEN 0 WHEN 'province' THEN 1 WHEN 'department' THEN 2
      WHEN 'district' THEN 3 WHEN 'agency' THEN 4 ELSE 5 END, u.name, u.id
    LIMIT ${f.limit}`.execute(db);
  const briefs = await unitBriefs(
    db,
    r.rows.map((row) => Number(row.id)),
  );
  return r.rows.map((row) => briefs.get(Number(row.id))).filter((u): u is UnitBrief => u !== undefined);
}

/** The root of the unit tree (the nation), if the tree exists. */
export async function rootUnitId(db: Db): Promise<number | null> {
  const r = await sql<{
    id: number;
  }>`SELECT id::int AS id FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1`.execute(db);
  return r.rows[0] ? Number(r.rows[0].id) : null;
}
