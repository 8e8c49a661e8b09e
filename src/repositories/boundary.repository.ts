/** Stored province boundaries (`unit_boundary`). */
import { sql } from 'kysely';
import type { BoundaryGeometry } from '../domain/geo/boundaries';
import type { Db } from './db';

export interface StoredBoundary {
  unitId: number;
  geometry: BoundaryGeometry;
  points: number;
}

/** Writes one boundary per province, replacing what a province had. */
export async function upsertBoundaries(
  db: Db,
  rows: ReadonlyArray<{ unitId: number; geometry: BoundaryGeometry; points: number }>,
  source: { fileName: string; sha256: string; importedBy: number | null; at: Date },
): Promise<void> {
  for (const r of rows) {
    await db
      .insertInto('unitBoundary')
      .values({
        unitId: r.unitId,
        geometry: JSON.stringify(r.geometry),
        sourceFile: source.fileName,
        sourceSha256: source.sha256,
        points: r.points,
        importedBy: source.importedBy,
        importedAt: source.at,
      })
      .onConflict((oc) =>
        oc.column('unitId').doUpdateSet({
          geometry: sql`excluded.geometry`,
          sourceFile: sql`excluded.source_file`,
          sourceSha256: sql`excluded.source_sha256`,
          points: sql`excluded.points`,
          importedBy: sql`excluded.imported_by`,
          importedAt: sql`excluded.imported_at`,
        }),
      )
      .execute();
  }
}

/** The boundaries of these units. */
export async function findBoundaries(db: Db, unitIds: readonly number[]): Promise<StoredBoundary[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('unitBoundary')
    .select(['unitId', 'geometry', 'points'])
    .where('unitId', 'in', [...unitIds])
    .orderBy('unitId')
    .execute();
  return rows.map((r) => ({
    unitId: Number(r.unitId),
    geometry: (typeof r.geometry === 'string' ? JSON.parse(r.geometry) : r.geometry) as BoundaryGeometry,
    points: r.points,
  }));
}

/** Removes the boundaries of these units; returns how many there were. */
export async function deleteBoundaries(db: Db, unitIds: readonly number[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const r = await db
    .deleteFrom('unitBoundary')
    .where('unitId', 'in', [...unitIds])
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
