/**
 * Data values at the boundary: what a caller sends to save figures (the web
 * form, an Excel upload, the API, a DHIS2 exchange), the import summary it
 * gets back, and values and their revisions as read.
 */
import { z } from 'zod';

const figure = z.number().finite().nullable().optional();

/** One figure to save; omitted parts keep what is stored, `null` clears a part. */
export const dataValueInputSchema = z
  .object({
    unitId: z.number().int().positive(),
    indicatorId: z.number().int().positive(),
    periodId: z.string().min(4).max(8),
    numerator: figure,
    denominator: figure,
    value: figure,
    comment: z.string().max(2000).nullable().optional(),
  })
  .meta({ id: 'DataValueInput' });
/** One figure to save (see `dataValueInputSchema`). */
export type DataValueInput = z.infer<typeof dataValueInputSchema>;

/** Where figures came from; kept with each revision. */
export const valueSources = ['form', 'excel', 'api', 'dhis2'] as const;
export type ValueSource = (typeof valueSources)[number];

/**
 * A batch of figures to save.
 * - `expectedRevisions[i]`: the revision of value i the caller last saw (null: it saw none);
 *   a different stored revision is a conflict `data_value.changed_by_other`. Omit to skip the check.
 * - `atomic` (default true): nothing is saved when any value has a conflict.
 * - `dryRun`: validate and count, save nothing.
 */
export const saveDataValuesSchema = z
  .object({
    values: z.array(dataValueInputSchema).max(50_000),
    source: z.enum(valueSources),
    dryRun: z.boolean().optional(),
    atomic: z.boolean().optional(),
    expectedRevisions: z.array(z.number().int().positive().nullable().optional()).optional(),
    reason: z.string().max(500).optional(),
  })
  .meta({ id: 'SaveDataValues' });
export type SaveDataValuesInput = Omit<z.infer<typeof saveDataValuesSchema>, 'source'> & {
  /** `demo`: the demo data set, written by the seeding service only (never taken from a request). */
  source: ValueSource | 'demo';
  /** Demo data (seeding only): marks the values `is_demo`. */
  isDemo?: boolean;
};

/** One value that was not saved, and why (DHIS2-style import conflict). */
export const dataValueConflictSchema = z.object({
  /** Position in the request's `values`. */
  index: z.number().int(),
  unitId: z.number().int(),
  indicatorId: z.number().int(),
  periodId: z.string(),
  /** The field it concerns, e.g. `values.SOC.FIBRE_HOUSEHOLDS.numerator`, when there is one. */
  path: z.string().optional(),
  code: z.string(),
  message: z.string(),
  /** The message's parameters (numbers stay numbers, for clients that format them). */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  /** For `data_value.changed_by_other`: what is stored now, who saved it and when. */
  current: z
    .object({
      revision: z.number().int(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      value: z.number().nullable(),
      comment: z.string().nullable(),
      updatedBy: z.string().nullable(),
      updatedAt: z.string(),
    })
    .optional(),
});
export type DataValueConflict = z.infer<typeof dataValueConflictSchema>;

/** A warning that did not stop the save (a large change without a comment yet, a rule to check). */
export const dataValueWarningSchema = z.object({
  index: z.number().int().nullable(),
  path: z.string(),
  code: z.string(),
  message: z.string(),
});

/** The outcome of a save: counts like DHIS2's import summary, conflicts with reasons. */
export const saveDataValuesResultSchema = z
  .object({
    /** `success`: all saved; `warning`: saved with warnings or, when not atomic, some refused; `error`: nothing saved. */
    status: z.enum(['success', 'warning', 'error']),
    dryRun: z.boolean(),
    imported: z.number().int(),
    updated: z.number().int(),
    /** Values identical to what is stored (nothing to change) or refused. */
    ignored: z.number().int(),
    conflicts: z.array(dataValueConflictSchema),
    warnings: z.array(dataValueWarningSchema),
    /** The saved values' new revisions, in request order (null when not saved). */
    revisions: z.array(z.number().int().nullable()),
    /** New versions of the submissions whose figures changed, by submission id. */
    submissionVersions: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'SaveDataValuesResult' });
export type SaveDataValuesResult = z.infer<typeof saveDataValuesResultSchema>;

/** A stored value as read. */
export const dataValueSchema = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    unitCode: z.string(),
    unitName: z.string(),
    indicatorId: z.number().int(),
    indicatorCode: z.string(),
    periodId: z.string(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    value: z.number().nullable(),
    comment: z.string().nullable(),
    status: z.enum(['draft', 'submitted', 'approved']),
    revision: z.number().int(),
    submissionId: z.number().int().nullable(),
    isDemo: z.boolean(),
    updatedBy: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DataValue' });
export type DataValue = z.infer<typeof dataValueSchema>;

export const dataValueListSchema = z.object({ items: z.array(dataValueSchema) });
export type DataValueList = z.infer<typeof dataValueListSchema>;

/** What to read: units (and optionally their subtrees), periods, indicators. */
export const dataValueQuerySchema = z.object({
  unitIds: z.array(z.number().int().positive()).min(1).max(5000),
  periodIds: z.array(z.string()).min(1).max(120),
  indicatorIds: z.array(z.number().int().positive()).optional(),
  statuses: z.array(z.enum(['draft', 'submitted', 'approved'])).optional(),
});
export type DataValueQuery = z.infer<typeof dataValueQuerySchema>;

/** One revision of a value, as the field's history shows it. */
export const valueRevisionSchema = z.object({
  revision: z.number().int(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  comment: z.string().nullable(),
  status: z.string(),
  reason: z.string().nullable(),
  source: z.string(),
  changedBy: z.string().nullable(),
  changedAt: z.string(),
});
export type ValueRevision = z.infer<typeof valueRevisionSchema>;

export const valueHistorySchema = z
  .object({
    dataValueId: z.number().int().nullable(),
    indicatorCode: z.string(),
    periodId: z.string(),
    items: z.array(valueRevisionSchema),
  })
  .meta({ id: 'ValueHistory' });
export type ValueHistory = z.infer<typeof valueHistorySchema>;
