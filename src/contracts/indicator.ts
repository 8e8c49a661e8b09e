/**
 * The indicator catalog over HTTP: `GET /api/indicators?search=&pillar=&kind=`
 * and `GET /api/indicators/:code`. Public: the catalog is reference data.
 */
import { z } from 'zod';
import {
  aggregations,
  directions,
  INDICATOR_CODE_PATTERN,
  type IndicatorKind,
  indicatorKinds,
  type Pillar,
  pillars,
  reportingUnitKinds,
} from '../domain/indicator/indicator';

/** A text in Vietnamese, with its English translation when there is one. */
export const bilingualTextSchema = z.object({
  vi: z.string(),
  en: z.string().nullable(),
});
/** A text pair as the API gives it. */
export type BilingualText = z.infer<typeof bilingualTextSchema>;

/** An indicator as the API shows it. */
export const indicatorSchema = z
  .object({
    id: z.number().int(),
    code: z.string().meta({ example: 'GOV.WORKFILE_ONLINE' }),
    nameVi: z.string(),
    nameEn: z.string(),
    pillar: z.enum(pillars),
    kind: z.enum(indicatorKinds),
    unitOfMeasure: bilingualTextSchema,
    aggregation: z.enum(aggregations),
    direction: z.enum(directions),
    /** Ratios only: what is counted on top, and what it is divided by. */
    numerator: bilingualTextSchema.nullable(),
    denominator: bilingualTextSchema.nullable(),
    definition: bilingualTextSchema.nullable(),
    legalBasis: z.array(bilingualTextSchema),
    dataSource: bilingualTextSchema.nullable(),
    unitKinds: z.array(z.enum(reportingUnitKinds)),
    keywords: z.array(z.string()),
    /** True for the national catalog shipped with the product; false for a province's own indicator. */
    national: z.boolean(),
    ownerUnitId: z.number().int().nullable(),
  })
  .meta({ id: 'Indicator' });
/** An indicator as the API gives it. */
export type Indicator = z.infer<typeof indicatorSchema>;

/** Filters of the catalog list. `search` ignores diacritics and case. */
export const indicatorListQuerySchema = z.object({
  search: z.string().trim().max(200).optional().meta({
    description: 'Words of the name, code or keywords; diacritics and case ignored',
    example: 'thanh toan dien tu',
  }),
  // an empty parameter (`?pillar=`) means no filter, as forms send it
  pillar: z
    .union([z.enum(pillars), z.literal('')])
    .optional()
    .transform((v) => v || undefined),
  kind: z
    .union([z.enum(indicatorKinds), z.literal('')])
    .optional()
    .transform((v) => v || undefined),
});
/** The parsed filters (what the service takes). */
export interface IndicatorListQuery {
  search?: string;
  pillar?: Pillar;
  kind?: IndicatorKind;
}

/** The answer of the catalog list: matching indicators, best first, with counts for the pillar tabs. */
export const indicatorListSchema = z
  .object({
    items: z.array(indicatorSchema),
    /** Matches of the search and kind filter in each pillar (before the pillar filter), for tabs. */
    pillarCounts: z.object({
      government: z.number().int(),
      economy: z.number().int(),
      society: z.number().int(),
      foundation: z.number().int(),
    }),
    /** All indicators of the catalog, whatever the filters. */
    catalogSize: z.number().int(),
  })
  .meta({ id: 'IndicatorList' });
/** The answer of `GET /api/indicators`. */
export type IndicatorList = z.infer<typeof indicatorListSchema>;

/** `:code` of `/api/indicators/:code`; lower case is accepted. */
export const indicatorCodeParamsSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(INDICATOR_CODE_PATTERN, { message: 'indicator.invalid_code' })
    .meta({ example: 'SOC.EPAYMENT_ACCOUNTS' }),
});
