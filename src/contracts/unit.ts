/**
 * Requests and responses of the unit endpoints: search, one unit with its
 * ancestry and lineage, children, a subtree, the provinces of a date, the
 * import of official unit lists.
 */
import { z } from 'zod';
import { unitKinds } from '../domain/unit/unit';
import { idSchema, isoDateSchema } from './common';

/** A kind of unit. */
export const unitKindSchema = z
  .enum(unitKinds)
  .meta({ description: 'nation, province, department, agency, district, commune' });

const nullableDate = isoDateSchema.nullable();

/** A unit as lists show it. */
export const unitSummarySchema = z
  .object({
    id: z.number().int(),
    code: z
      .string()
      .meta({ description: 'Official code (`40`, `16681`) or internal code (`40.SYT`)', example: '40' }),
    codeSystem: z.enum(['dvhc', 'internal']),
    kind: unitKindSchema,
    subkind: z
      .string()
      .nullable()
      .meta({ description: 'tỉnh / thành phố, quận / huyện / thị xã, xã / phường / thị trấn / đặc khu' }),
    name: z.string().meta({ example: 'Tỉnh Nghệ An' }),
    nameEn: z.string().nullable(),
    shortName: z.string().nullable().meta({ example: 'Nghệ An' }),
    parentId: z.number().int().nullable(),
    validFrom: nullableDate.meta({ description: 'First day in force; null = since before our records' }),
    validTo: nullableDate.meta({ description: 'First day no longer in force; null = still in force' }),
  })
  .meta({ id: 'UnitSummary' });
/** A unit as lists show it. */
export type UnitSummary = z.infer<typeof unitSummarySchema>;

/** A search hit: the unit and the names of the units above it (province first, the nation left out). */
export const unitSearchItemSchema = unitSummarySchema.extend({
  path: z.array(z.string()).meta({ example: ['Tỉnh Nghệ An'] }),
});
export type UnitSearchItem = z.infer<typeof unitSearchItemSchema>;

/** `GET /api/units` query. */
export const unitSearchQuerySchema = z.object({
  search: z
    .string()
    .trim()
    .max(120)
    .optional()
    .meta({ description: 'Words of the name or the code; diacritics and case ignored' }),
  kind: unitKindSchema.optional(),
  parentId: idSchema.optional(),
  withinId: idSchema.optional().meta({ description: 'Only units below this one (any depth)' }),
  at: isoDateSchema.optional().meta({ description: 'Only units in force on this date' }),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type UnitSearchQuery = z.infer<typeof unitSearchQuerySchema>;

export const unitSearchResponseSchema = z
  .object({ items: z.array(unitSearchItemSchema) })
  .meta({ id: 'UnitSearchResult' });
export type UnitSearchResponse = z.infer<typeof unitSearchResponseSchema>;

/** A successor or predecessor link of a unit, with the unit at its other end. */
export const lineageLinkSchema = z
  .object({
    id: z.number().int(),
    effectiveOn: isoDateSchema,
    kind: z
      .enum(['full', 'partial', 'rename'])
      .meta({ description: 'full: the whole unit; partial: a part of it; rename' }),
    share: z.number().nullable(),
    source: z.string().nullable().meta({ example: 'Nghị quyết 202/2025/QH15' }),
    unit: unitSummarySchema,
  })
  .meta({ id: 'UnitLineageLink' });
export type LineageLink = z.infer<typeof lineageLinkSchema>;

/** Counts of the units below a unit (any depth) in force on a date, by kind. */
export const childCountsSchema = z.object({
  department: z.number().int(),
  agency: z.number().int(),
  district: z.number().int(),
  commune: z.number().int(),
});

/** One unit with its place in the tree and its history. */
export const unitDetailSchema = unitSummarySchema
  .extend({
    parent: unitSummarySchema.nullable(),
    ancestors: z.array(unitSummarySchema).meta({ description: 'From the nation down to the parent' }),
    viewDate: isoDateSchema.meta({
      description: 'The date children are counted at: today while the unit is in force, else its last day',
    }),
    childCounts: childCountsSchema.meta({ description: 'Units below, at any depth, in force on viewDate' }),
    predecessors: z.array(lineageLinkSchema).meta({ description: 'Units that went into this one' }),
    successors: z.array(lineageLinkSchema).meta({ description: 'Units this one went into' }),
    hasProgram: z.boolean().meta({
      description:
        'A province with program documents, or with bodies on record from before 2025 (the seed provinces)',
    }),
  })
  .meta({ id: 'UnitDetail' });
export type UnitDetail = z.infer<typeof unitDetailSchema>;

/** `GET /api/units/:id/children` query. */
export const unitChildrenQuerySchema = z.object({
  at: isoDateSchema
    .optional()
    .meta({ description: 'Default: today while the unit is in force, else its last day' }),
  kind: unitKindSchema.optional(),
  search: z.string().trim().max(120).optional(),
});

/** A child with the number of its own children in force on the same date. */
export const unitChildSchema = unitSummarySchema.extend({ childCount: z.number().int() });
export type UnitChild = z.infer<typeof unitChildSchema>;

export const unitChildrenResponseSchema = z
  .object({ at: isoDateSchema, items: z.array(unitChildSchema) })
  .meta({ id: 'UnitChildren' });
export type UnitChildrenResponse = z.infer<typeof unitChildrenResponseSchema>;

/** A node of `GET /api/units/tree`. */
export type UnitTreeNode = UnitChild & { children: UnitTreeNode[] };
export const unitTreeNodeSchema: z.ZodType<UnitTreeNode> = unitChildSchema
  .extend({
    get children(): z.ZodArray<z.ZodType<UnitTreeNode>> {
      return z.array(unitTreeNodeSchema);
    },
  })
  .meta({ id: 'UnitTreeNode' });

/** `GET /api/units/tree` query. */
export const unitTreeQuerySchema = z.object({
  rootId: idSchema.optional().meta({ description: 'Default: the nation' }),
  depth: z.coerce.number().int().min(1).max(3).default(1),
  at: isoDateSchema.optional(),
});

export const unitTreeResponseSchema = z
  .object({
    at: isoDateSchema,
    /** More than the node limit was in the subtree: deeper levels were cut. */
    truncated: z.boolean(),
    root: unitTreeNodeSchema,
  })
  .meta({ id: 'UnitTree' });
export type UnitTreeResponse = z.infer<typeof unitTreeResponseSchema>;

/** A province at the other end of a merge. */
export const provinceRefSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  effectiveOn: isoDateSchema,
  hasProgram: z.boolean(),
});
export type ProvinceRef = z.infer<typeof provinceRefSchema>;

/** A province of the list of a date. */
export const provinceItemSchema = unitSummarySchema.extend({
  hasProgram: z.boolean(),
  predecessors: z.array(provinceRefSchema),
  successors: z.array(provinceRefSchema),
});
export type ProvinceItem = z.infer<typeof provinceItemSchema>;

export const provincesQuerySchema = z.object({
  at: isoDateSchema.optional().meta({ description: 'Default: today; 2025-06-30 gives the 63' }),
});

export const provincesResponseSchema = z
  .object({ at: isoDateSchema, items: z.array(provinceItemSchema) })
  .meta({ id: 'Provinces' });
export type ProvincesResponse = z.infer<typeof provincesResponseSchema>;

export const provinceCodeParamsSchema = z.object({
  code: z
    .string()
    .regex(/^\d{2}$/, { message: 'validation.invalid_format' })
    .meta({ example: '40' }),
});

/** A province by code: the row in force (or the latest), and the other provinces that code has named. */
export const provinceDetailSchema = unitDetailSchema
  .extend({
    sameCode: z
      .array(unitSummarySchema)
      .meta({ description: 'Other provinces with this code at other times' }),
  })
  .meta({ id: 'ProvinceDetail' });
export type ProvinceDetail = z.infer<typeof provinceDetailSchema>;

const warningSchema = z.object({ path: z.string(), code: z.string(), message: z.string() });

/** The outcome of `POST /api/units/import`. */
export const unitImportResultSchema = z
  .object({
    status: z.enum(['imported', 'unchanged']),
    list: z.object({
      id: z.number().int(),
      layout: z.enum(['dvhc3', 'dvhc2', 'lineage']),
      effectiveOn: nullableDate,
      fileName: z.string(),
      format: z.enum(['csv', 'xlsx']),
      rowCount: z.number().int(),
    }),
    replaced: z.number().int(),
    counts: z.object({
      provinces: z.number().int(),
      districts: z.number().int(),
      communes: z.number().int(),
      links: z.number().int(),
    }),
    changes: z.object({
      units: z.object({ inserted: z.number().int(), updated: z.number().int(), removed: z.number().int() }),
      lineage: z.object({
        added: z.number().int(),
        updated: z.number().int(),
        removed: z.number().int(),
        pending: z.number().int(),
        pendingExamples: z.array(z.string()),
      }),
    }),
    warnings: z.array(warningSchema),
  })
  .meta({ id: 'UnitImportResult' });
export type UnitImportResultBody = z.infer<typeof unitImportResultSchema>;

/** The optional form field of `POST /api/units/import` besides the file. */
export const unitImportFormSchema = z.object({
  validFrom: isoDateSchema
    .optional()
    .meta({ description: 'First day the list describes (overrides the default)' }),
});

/** A stored list (imported, or shipped with the product). */
export const unitListItemSchema = z.object({
  id: z.number().int(),
  layout: z.enum(['dvhc3', 'dvhc2', 'builtin-provinces', 'lineage']),
  effectiveOn: nullableDate,
  fileName: z.string(),
  rowCount: z.number().int(),
  importedAt: z.string(),
  builtin: z.boolean(),
});
export const unitListsResponseSchema = z
  .object({ items: z.array(unitListItemSchema) })
  .meta({ id: 'UnitLists' });
export type UnitListsResponse = z.infer<typeof unitListsResponseSchema>;
