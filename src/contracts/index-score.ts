/**
 * Index methods as stored versions, scores of units ranked among their peers
 * (with every sub-indicator's explanation), the national ranking of
 * provinces, manual evidence-backed items and reviewers' adjustments.
 */
import { z } from 'zod';
import type { IndexMethod, UnitIndexScore } from '../domain/index-method/types';
import { idSchema } from './common';
import { indexMethodShapeSchema } from './index-method';
import { dashboardProvinceSchema, publicationSchema } from './status';

const textSchema = z.object({ vi: z.string(), en: z.string() });
const year = z.coerce.number().int().min(2000).max(2100);
const codeSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'validation.invalid_format' });

/** A stored version of an index method. */
export const indexMethodRowSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    version: z.string(),
    name: textSchema,
    /** The province that made this version; null for the shipped ones. */
    ownerUnitId: z.number().int().nullable(),
    validFrom: z.number().int(),
    validTo: z.number().int().nullable(),
    isBuiltin: z.boolean(),
    /** Some parts are not checked against the official text yet. */
    provisional: z.boolean(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    note: z.string().nullable(),
    definition: indexMethodShapeSchema,
  })
  .meta({ id: 'IndexMethodRow' });
export type IndexMethodRow = Omit<z.infer<typeof indexMethodRowSchema>, 'definition'> & {
  definition: IndexMethod;
};

export const indexMethodListSchema = z.object({ items: z.array(indexMethodRowSchema) });
export const indexMethodListQuerySchema = z.object({
  provinceId: idSchema.optional().meta({ description: 'Also the versions this province made' }),
  code: codeSchema.optional(),
});

/** `POST /api/provinces/:id/index-methods`: a new version of the province's unit method. */
export const newIndexMethodSchema = z
  .object({
    method: z.unknown().meta({ description: 'The method (IndexMethod), validated in shape and coherence' }),
    note: z.string().trim().max(2000).optional(),
  })
  .meta({ id: 'NewIndexMethodVersion' });

const subScoreSchema = z.object({
  code: z.string(),
  name: textSchema,
  maxPoints: z.number(),
  ruleKind: z.string(),
  source: z.object({ kind: z.string() }).passthrough(),
  value: z.union([z.number(), z.boolean()]).nullable(),
  computedPoints: z.number(),
  points: z.number(),
  state: z.string(),
  adjusted: z.boolean(),
  evidenceCount: z.number().int(),
  provisional: z.boolean(),
  explanation: textSchema,
});

const pillarScoreSchema = z.object({
  code: z.string(),
  name: textSchema,
  scored: z.boolean(),
  points: z.number(),
  maxPoints: z.number(),
  normalized: z.number().nullable(),
  rank: z.number().int().nullable(),
});

/** One unit's score with every sub-indicator explained (domain UnitIndexScore). */
export const unitIndexScoreSchema = z
  .object({
    unit: z.object({
      id: z.union([z.string(), z.number()]),
      name: z.string(),
      code: z.string().optional(),
      kind: z.string().optional(),
      peerGroup: z.string().optional(),
    }),
    method: z.object({ code: z.string(), version: z.string() }),
    total: z.number(),
    maxTotal: z.number(),
    normalized: z.number(),
    coverage: z.number(),
    byPillar: z.array(pillarScoreSchema),
    byIndicator: z.array(
      z.object({
        code: z.string(),
        name: textSchema,
        points: z.number(),
        maxPoints: z.number(),
        normalized: z.number().nullable(),
        subIndicators: z.array(subScoreSchema),
      }),
    ),
    adjustments: z.array(
      z.object({
        subIndicator: z.string(),
        points: z.number(),
        reason: z.string(),
        by: z.string().optional(),
        at: z.string().optional(),
        fromPoints: z.number(),
        maxPoints: z.number(),
      }),
    ),
    rank: z.number().int(),
    peers: z.number().int(),
  })
  .meta({ id: 'UnitIndexScore' });

/** `GET /api/provinces/:code/index-scores`. */
export const indexScoresReportSchema = z
  .object({
    province: dashboardProvinceSchema,
    source: z.enum(['live', 'published']),
    publication: publicationSchema.nullable(),
    year: z.number().int().nullable(),
    canReadLive: z.boolean(),
    /** The figures are "Dữ liệu minh họa / demo data". */
    isDemo: z.boolean(),
    /** The caller may enter adjustments (reviewer of the province's units). */
    canAdjust: z.boolean(),
    method: indexMethodRowSchema.nullable(),
    items: z.array(unitIndexScoreSchema),
    /** Units of the province with no figure, item or adjustment for the year: not ranked. */
    withoutData: z.array(
      z.object({ unitId: z.number().int(), code: z.string(), name: z.string(), kind: z.string() }),
    ),
  })
  .meta({ id: 'IndexScoresReport' });
export type IndexScoresReport = Omit<z.infer<typeof indexScoresReportSchema>, 'method' | 'items'> & {
  method: IndexMethodRow | null;
  items: UnitIndexScore[];
};

export const indexScoresQuerySchema = z.object({
  year: year.optional(),
  method: codeSchema.optional().meta({ description: 'Method code (default UNIT_DX)' }),
  source: z.enum(['live', 'published']).optional(),
});

/** `GET /api/national/index`: provinces ranked on the national index. */
export const nationalIndexReportSchema = z
  .object({
    year: z.number().int(),
    years: z.array(z.number().int()),
    method: indexMethodRowSchema.nullable(),
    items: z.array(
      z.object({
        province: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
        /** False when the province's figures of the year are neither published nor readable by the caller. */
        visible: z.boolean(),
        total: z.number().nullable(),
        maxTotal: z.number().nullable(),
        normalized: z.number().nullable(),
        coverage: z.number().nullable(),
        rank: z.number().int().nullable(),
        peers: z.number().int().nullable(),
        byPillar: z.array(pillarScoreSchema),
      }),
    ),
  })
  .meta({ id: 'NationalIndexReport' });
export type NationalIndexReport = Omit<z.infer<typeof nationalIndexReportSchema>, 'method'> & {
  method: IndexMethodRow | null;
};

export const nationalIndexQuerySchema = z.object({ year: year.optional(), method: codeSchema.optional() });

/** `PUT /api/index-inputs`: a manual item's value for a unit and year, with a link as evidence. */
export const indexInputBodySchema = z
  .object({
    methodCode: codeSchema,
    unitId: idSchema,
    year: z.number().int().min(2000).max(2100),
    subIndicator: codeSchema,
    value: z.union([z.boolean(), z.number().finite()]),
    note: z.string().trim().max(2000).optional(),
    evidenceUrl: z
      .string()
      .trim()
      .max(500)
      .regex(/^https?:\/\/\S+$/, { message: 'index.evidence_url' })
      .optional(),
  })
  .meta({ id: 'IndexInput' });
export type IndexInputBody = z.infer<typeof indexInputBodySchema>;

export const indexInputsQuerySchema = z.object({
  methodCode: codeSchema,
  unitId: idSchema,
  year,
});

export const indexInputListSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      subIndicator: z.string(),
      value: z.union([z.number(), z.boolean()]).nullable(),
      note: z.string().nullable(),
      enteredBy: z.string().nullable(),
      enteredAt: z.string(),
      evidence: z.array(
        z.object({
          id: z.number().int(),
          url: z.string().nullable(),
          fileName: z.string().nullable(),
          mediaType: z.string().nullable(),
          sizeBytes: z.number().int().nullable(),
        }),
      ),
    }),
  ),
});

/** `PUT /api/index-adjustments`: a reviewer's points for a sub-indicator, with the reason; null points remove it. */
export const indexAdjustmentSchema = z
  .object({
    methodCode: codeSchema,
    unitId: idSchema,
    year: z.number().int().min(2000).max(2100),
    subIndicator: codeSchema,
    points: z.number().min(0).nullable(),
    reason: z.string().trim().min(1, { message: 'index.adjustment_reason_required' }).max(2000),
  })
  .meta({ id: 'IndexAdjustment' });
export type IndexAdjustmentInput = z.infer<typeof indexAdjustmentSchema>;
