/**
 * Real province boundaries for the maps: an administrator imports a GeoJSON
 * file for the 34 provinces (or the 63 before 1 July 2025); anyone reads
 * them. A file with any problem is refused whole, with every problem named
 * by feature; a file may cover part of a layout and another the rest.
 */
import { createHash } from 'node:crypto';
import type { BoundaryCollection, BoundaryImportResult, BoundaryLayout } from '../contracts/boundary';
import { actorUserId } from '../domain/auth/actor';
import { AppError } from '../domain/errors';
import { readBoundaries } from '../domain/geo/boundaries';
import { deleteBoundaries, findBoundaries, upsertBoundaries } from '../repositories/boundary.repository';
import { inTransaction } from '../repositories/db';
import { provincesAt } from '../repositories/unit.repository';
import { recordAudit } from './audit';
import { requireAdmin } from './authorize';
import type { ServiceContext } from './context';

/** The day whose provinces make up a layout. */
const layoutDate: Record<BoundaryLayout, string> = { '34': '2025-07-01', '63': '2025-06-30' };

async function layoutProvinces(ctx: ServiceContext, layout: BoundaryLayout) {
  return (await provincesAt(ctx.db, layoutDate[layout])).map((p) => ({
    id: Number(p.id),
    code: p.code,
    name: p.name,
  }));
}

/** Imports the boundaries of a GeoJSON file for the provinces of a layout. */
export async function importBoundaries(
  ctx: ServiceContext,
  input: { layout: BoundaryLayout; fileName: string; bytes: Uint8Array },
): Promise<BoundaryImportResult> {
  requireAdmin(ctx);
  const fileName = input.fileName.split(/[\\/]/).pop() || 'ranh-gioi.geojson';
  let json: unknown;
  try {
    if (input.bytes.byteLength === 0) throw new Error('empty');
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(input.bytes));
  } catch {
    throw new AppError('boundary.invalid', {
      details: [{ path: fileName, code: 'boundary.not_json' }],
    });
  }
  const provinces = await layoutProvinces(ctx, input.layout);
  const reading = readBoundaries(json, provinces);
  if (reading.issues.length > 0) {
    throw new AppError('boundary.invalid', {
      params: { file: fileName, count: reading.issues.length },
      details: reading.issues.map((d) => ({ ...d, path: `${fileName}:${d.path}` })),
    });
  }
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  await inTransaction(ctx.db, async (trx) => {
    await upsertBoundaries(trx, reading.boundaries, {
      fileName,
      sha256,
      importedBy: actorUserId(ctx.actor),
      at: ctx.now(),
    });
    await recordAudit(trx, ctx, {
      action: 'boundary.import',
      entityType: 'boundary',
      entityId: input.layout,
      after: {
        layout: input.layout,
        fileName,
        sha256,
        provinces: reading.boundaries.map((b) => b.code),
      },
    });
  });
  const stored = new Set(
    (
      await findBoundaries(
        ctx.db,
        provinces.map((p) => p.id),
      )
    ).map((b) => b.unitId),
  );
  const missing = provinces.filter((p) => !stored.has(p.id));
  return {
    layout: input.layout,
    fileName,
    imported: reading.boundaries.map((b) => ({
      unitId: b.unitId,
      code: b.code,
      name: b.name,
      points: b.points,
    })),
    missing: missing.map((p) => ({ unitId: p.id, code: p.code, name: p.name })),
    complete: missing.length === 0,
  };
}

/** The boundaries of a layout's provinces (public: boundaries are public facts). */
export async function getBoundaries(
  ctx: ServiceContext,
  layout: BoundaryLayout,
): Promise<BoundaryCollection> {
  const provinces = await layoutProvinces(ctx, layout);
  const byId = new Map(provinces.map((p) => [p.id, p]));
  const stored = await findBoundaries(
    ctx.db,
    provinces.map((p) => p.id),
  );
  return {
    type: 'FeatureCollection',
    layout,
    complete: provinces.length > 0 && stored.length === provinces.length,
    features: stored.map((b) => {
      const p = byId.get(b.unitId) as (typeof provinces)[number];
      return {
        type: 'Feature' as const,
        properties: { code: p.code, name: p.name, unitId: p.id },
        geometry: b.geometry,
      };
    }),
  };
}

/** Removes a layout's boundaries: the maps go back to the tiles. */
export async function removeBoundaries(
  ctx: ServiceContext,
  layout: BoundaryLayout,
): Promise<{ layout: BoundaryLayout; removed: number }> {
  requireAdmin(ctx);
  const provinces = await layoutProvinces(ctx, layout);
  return inTransaction(ctx.db, async (trx) => {
    const removed = await deleteBoundaries(
      trx,
      provinces.map((p) => p.id),
    );
    await recordAudit(trx, ctx, {
      action: 'boundary.remove',
      entityType: 'boundary',
      entityId: layout,
      before: { layout, provinces: removed },
    });
    return { layout, removed };
  });
}
