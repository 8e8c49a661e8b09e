/**
 * Where a province's targets stand: each confirmed target with its current
 * value at its scope, achievement, projection and status, judged by a stated
 * method whose inputs, formula, parameters and steps come with the answer —
 * live from the maintained roll-ups for those who may read figures, or as
 * published for everyone else. Also the method settings and publication.
 */
import { z } from 'zod';
import { statusMethods, targetStatuses } from '../domain/status/types';
import { idSchema } from './common';

const textSchema = z.object({ vi: z.string(), en: z.string() });

/** A status method: linear (default), CAGR (Open SDG), ESCAP. */
export const statusMethodSchema = z.enum(statusMethods);
/** A target status. */
export const targetStatusSchema = z.enum(targetStatuses);

/** The judgement of one reading, as `assessTargetStatus` returns it (domain/status). */
export const statusResultSchema = z
  .object({
    method: statusMethodSchema,
    requestedMethod: statusMethodSchema,
    fallback: z.object({ from: statusMethodSchema, reason: z.string() }).nullable(),
    status: targetStatusSchema,
    reason: z.string().meta({ description: 'i18n key under status.reason.' }),
    inputs: z.object({
      target: z.object({
        comparator: z.string(),
        value: z.number(),
        valueMax: z.number().nullable().optional(),
        year: z.number(),
        direction: z.string(),
        unit: z.string().optional(),
      }),
      baseline: z.object({ year: z.number(), value: z.number() }).nullable(),
      current: z.object({ year: z.number(), value: z.number() }).nullable(),
      observations: z.array(z.object({ year: z.number(), value: z.number() })),
      asOf: z.number().nullable(),
    }),
    parameters: z.record(z.string(), z.union([z.number(), z.string()])),
    formula: textSchema,
    outputs: z.object({
      goal: z.number().nullable(),
      aim: z.enum(['up', 'down']).nullable(),
      expectedNow: z.number().nullable(),
      achievement: z.number().nullable(),
      gapToPath: z.number().nullable(),
      projectedValue: z.number().nullable(),
      projectedMeets: z.boolean().nullable(),
      annualChange: z.number().nullable(),
      exceeded: z.boolean(),
      observedGrowth: z.number().nullable().optional(),
      requiredGrowth: z.number().nullable().optional(),
      growthRatio: z.number().nullable().optional(),
      cagrCategory: z.string().nullable().optional(),
      trendSlope: z.number().nullable().optional(),
      trendIntercept: z.number().nullable().optional(),
      trendWeights: z.array(z.number()).optional(),
      anticipatedProgressRatio: z.number().nullable().optional(),
      progressGap: z.number().nullable().optional(),
      escapCategory: z.string().nullable().optional(),
    }),
    steps: z.array(z.object({ label: textSchema, formula: textSchema })),
  })
  .meta({ id: 'StatusResult' });

/** Where a reading's figures come from: one province, plus those merged into it for periods before the merger. */
export const readingScopeSchema = z.object({
  kind: z.enum(['time', 'today']).meta({
    description:
      '`time`: the units of the target’s time (a province that has since ceased); `today`: today’s units, earlier periods re-expressed through lineage',
  }),
  unitId: z.number().int(),
  code: z.string(),
  name: z.string(),
  validTo: z.string().nullable(),
  /** Provinces whose figures are added for periods that began before they merged into this one. */
  mergedFrom: z.array(
    z.object({ unitId: z.number().int(), code: z.string(), name: z.string(), effectiveOn: z.string() }),
  ),
});

/** One period of the series a status is judged on. */
export const seriesPointSchema = z.object({
  periodId: z.string(),
  year: z.number().int(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  reportingUnits: z.number().int(),
});

/** The two readings of a level target for the current period. */
export const levelReadingSchema = z.object({
  level: z.enum(['province', 'district', 'commune']),
  periodId: z.string(),
  rate: z.object({
    numerator: z.number(),
    denominator: z.number(),
    value: z.number().nullable(),
    meets: z.boolean().nullable(),
    unitsIncluded: z.number().int(),
  }),
  share: z.object({
    unitsTotal: z.number().int(),
    unitsAssessed: z.number().int(),
    unitsMeeting: z.number().int(),
    unitsNotMeeting: z.number().int(),
    unitsWithoutData: z.number().int(),
    share: z.number().nullable().meta({ description: '0–1, of the units with a figure' }),
    shareOfAll: z
      .number()
      .nullable()
      .meta({ description: '0–1, units without a figure counted as not meeting' }),
  }),
  units: z.array(
    z.object({
      unitId: z.number().int(),
      code: z.string(),
      name: z.string(),
      value: z.number().nullable(),
      meets: z.boolean().nullable(),
    }),
  ),
  explanation: textSchema,
});

/** A target judged in one scope. */
export const targetReadingSchema = z.object({
  scope: readingScopeSchema,
  view: z.enum(['approved', 'submitted']),
  /** What the status is judged on: the value at the scope, the level's rate, or the share of units meeting it. */
  judgedOn: z.enum(['value', 'rate', 'share']),
  series: z.array(seriesPointSchema),
  baseline: z
    .object({ year: z.number(), value: z.number(), source: z.enum(['stated', 'first_reported']) })
    .nullable(),
  current: z.object({ periodId: z.string(), year: z.number(), value: z.number() }).nullable(),
  /** Share of the way from the baseline to the target covered (1 = all); null without a baseline and a current value. */
  achievement: z.number().nullable(),
  /** Still to go to meet the target, signed in the target's unit (0 when met). */
  gap: z.number().nullable(),
  projectedValue: z.number().nullable(),
  level: levelReadingSchema.nullable(),
  result: statusResultSchema,
});

/** A confirmed target as the status pages show it. */
export const statusTargetSchema = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  documentKind: z.string(),
  documentNumber: z.string().nullable(),
  documentTitle: z.string(),
  section: z.string().nullable(),
  indicator: z
    .object({
      id: z.number().int(),
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      pillar: z.string(),
      aggregation: z.string(),
      direction: z.string(),
      unitOfMeasure: z.string(),
      unitOfMeasureEn: z.string().nullable(),
    })
    .nullable(),
  year: z.number().int(),
  /** True when the document states no year and the program's last horizon year is used. */
  yearAssumed: z.boolean(),
  level: z.enum(['province', 'district', 'commune']).nullable(),
  comparator: z.string(),
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string(),
  unitLabel: z.string().nullable(),
  quote: z.string(),
});

/** One target with its status: the reading that counts, and the other one for a province that has ceased. */
export const targetStatusItemSchema = z
  .object({
    target: statusTargetSchema,
    status: targetStatusSchema,
    method: z.object({
      requested: statusMethodSchema,
      source: z.enum(['target', 'province', 'default']),
    }),
    /** The reading the status comes from. */
    primary: targetReadingSchema,
    /** For a province that ceased: the same target followed in today's units (its successor). */
    today: targetReadingSchema.nullable(),
  })
  .meta({ id: 'TargetStatusItem' });
export type TargetStatusItem = z.infer<typeof targetStatusItemSchema>;
export type TargetReading = z.infer<typeof targetReadingSchema>;

const countsSchema = z.object({
  met: z.number().int(),
  on_track: z.number().int(),
  at_risk: z.number().int(),
  off_track: z.number().int(),
  no_data: z.number().int(),
});
export type StatusCounts = z.infer<typeof countsSchema>;

/** A publication: a province's results for a year made public. */
export const publicationSchema = z
  .object({
    id: z.number().int(),
    provinceId: z.number().int(),
    periodId: z.string(),
    publishedAt: z.string(),
    publishedBy: z.string().nullable(),
    note: z.string().nullable(),
    isDemo: z.boolean(),
  })
  .meta({ id: 'Publication' });
export type Publication = z.infer<typeof publicationSchema>;

/** A province's reference as the dashboards show it. */
export const dashboardProvinceSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  successor: z
    .object({ id: z.number().int(), code: z.string(), name: z.string(), effectiveOn: z.string() })
    .nullable(),
  mergedFrom: z.array(
    z.object({ id: z.number().int(), code: z.string(), name: z.string(), effectiveOn: z.string() }),
  ),
});
export type DashboardProvince = z.infer<typeof dashboardProvinceSchema>;

/** `GET /api/provinces/:code/target-status`. */
export const targetStatusReportSchema = z
  .object({
    province: dashboardProvinceSchema,
    /** `live`: computed now from the maintained roll-ups; `published`: as the province published it. */
    source: z.enum(['live', 'published']),
    publication: publicationSchema.nullable(),
    view: z.enum(['approved', 'submitted']),
    asOf: z.number().int().nullable(),
    computedAt: z.string(),
    isDemo: z.boolean(),
    defaultMethod: statusMethodSchema,
    /** Whether the caller may see live figures (and switch to them). */
    canReadLive: z.boolean(),
    canManage: z.boolean(),
    counts: z.record(z.string(), countsSchema).meta({ description: 'By target year, and `all`' }),
    items: z.array(targetStatusItemSchema),
  })
  .meta({ id: 'TargetStatusReport' });
export type TargetStatusReport = z.infer<typeof targetStatusReportSchema>;

export const provinceCodeParamsSchema = z.object({
  code: z.string().regex(/^\d{2}$/, { message: 'validation.invalid_format' }),
});

/** Options of a status read. */
export const targetStatusQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({
    description:
      'Judge as of this year (default: this year); with `source=published`, the publication of that year',
  }),
  source: z.enum(['live', 'published']).optional(),
  view: z.enum(['approved', 'submitted']).optional().meta({
    description: '`approved` (default) or `submitted` (approved and awaiting approval); live only',
  }),
});
export type TargetStatusQuery = z.infer<typeof targetStatusQuerySchema>;

/** `PUT /api/provinces/:id/status-settings`: the province's default method. */
export const provinceStatusSettingSchema = z
  .object({
    method: statusMethodSchema,
    parameters: z
      .object({
        linear: z.object({ atRiskBand: z.number().min(0).max(1) }).partial(),
        cagr: z
          .object({
            onTrack: z.number().min(0).max(2),
            needsAcceleration: z.number().min(0).max(2),
            limitedProgress: z.number().min(-1).max(2),
          })
          .partial(),
        escap: z
          .object({ atRiskMin: z.number().min(0).max(1), weighting: z.enum(['linear', 'equal']) })
          .partial(),
      })
      .partial()
      .optional(),
  })
  .meta({ id: 'ProvinceStatusSetting' });
export type ProvinceStatusSettingInput = z.infer<typeof provinceStatusSettingSchema>;

/** `PUT /api/targets/:id/status-setting`: a target's own method and the baseline its document states. */
export const targetStatusSettingSchema = z
  .object({
    method: statusMethodSchema.nullable().meta({ description: 'null: the province’s default' }),
    baseline: z
      .object({ year: z.number().int().min(2000).max(2100), value: z.number().finite() })
      .nullable()
      .meta({ description: 'The baseline the document states; null: the first reported period' }),
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .meta({ id: 'TargetStatusSetting' });
export type TargetStatusSettingInput = z.infer<typeof targetStatusSettingSchema>;

export const targetIdParamsSchema = z.object({ id: idSchema });
export const provinceIdParamsSchema = z.object({ id: idSchema });

/** The settings as stored. */
export const statusSettingsSchema = z.object({
  provinceId: z.number().int(),
  method: statusMethodSchema,
  parameters: z.record(z.string(), z.record(z.string(), z.union([z.number(), z.string()]))),
  targets: z.array(
    z.object({
      targetId: z.number().int(),
      method: statusMethodSchema.nullable(),
      baseline: z.object({ year: z.number(), value: z.number() }).nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type StatusSettings = z.infer<typeof statusSettingsSchema>;

/** `POST /api/provinces/:id/publications`: publish the results of a year. */
export const publishBodySchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    note: z.string().trim().max(2000).optional(),
  })
  .meta({ id: 'PublishResults' });
export type PublishInput = z.infer<typeof publishBodySchema>;

export const publicationListSchema = z.object({ items: z.array(publicationSchema) });
