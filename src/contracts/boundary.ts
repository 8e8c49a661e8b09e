/**
 * Province boundaries: the layouts of the map, the import's result and the
 * feature collection the maps draw.
 */
import { z } from 'zod';

/** The provinces of a map: the 34 since 1 July 2025, or the 63 before. */
export const boundaryLayoutSchema = z
  .enum(['34', '63'])
  .meta({ description: 'Map layout: 34 or 63 provinces' });
export type BoundaryLayout = z.infer<typeof boundaryLayoutSchema>;

export const boundaryLayoutParamsSchema = z.object({ layout: boundaryLayoutSchema });

const geometrySchema = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.array(z.number()))) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.array(z.number())))) }),
]);

/** The boundaries of one layout as GeoJSON; `complete` when every province of the layout has one. */
export const boundaryCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    layout: boundaryLayoutSchema,
    complete: z.boolean(),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({ code: z.string(), name: z.string(), unitId: z.number().int() }),
        geometry: geometrySchema,
      }),
    ),
  })
  .meta({ id: 'BoundaryCollection' });
export type BoundaryCollection = z.infer<typeof boundaryCollectionSchema>;

const provinceRefSchema = z.object({ unitId: z.number().int(), code: z.string(), name: z.string() });

/** What an import did. */
export const boundaryImportResultSchema = z
  .object({
    layout: boundaryLayoutSchema,
    fileName: z.string(),
    imported: z.array(provinceRefSchema.extend({ points: z.number().int() })),
    /** Provinces of the layout still without a boundary: the maps keep their tiles until there are none. */
    missing: z.array(provinceRefSchema),
    complete: z.boolean(),
  })
  .meta({ id: 'BoundaryImportResult' });
export type BoundaryImportResult = z.infer<typeof boundaryImportResultSchema>;
