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
