/**
 * Figures in and out by file and by API, at the boundary: the JSON and CSV
 * push by codes with its import summary (shaped like DHIS2's), the Excel or
 * CSV upload with its preview (every bad cell located, every change shown
 * old → new) and the progress events a long upload streams.
 */
import { z } from 'zod';

/** The columns of the CSV push and upload, in this order in the header row. */
export const figureCsvColumns = [
  'unitCode',
  'indicatorCode',
  'period',
  'numerator',
  'denominator',
  'value',
  'comment',
] as const;
/** One column of the CSV format. */
export type FigureCsvColumn = (typeof figureCsvColumns)[number];

/** The parts of a figure a row may carry. */
export const figureFields = ['numerator', 'denominator', 'value', 'comment'] as const;
/** One part of a figure. */
export type FigureField = (typeof figureFields)[number];

const figurePart = z
  .union([z.number(), z.string().max(64)])
  .nullable()
  .optional();

/**
 * One figure pushed by codes. The unit by its official (ĐVHC) or internal code
 * (`unitId` is accepted too), the indicator by its catalog code, the period as
 * `2025`, `2025Q3` or `2025-09`. Numbers may be JSON numbers or text in the
 * Vietnamese way (`"1.234,5"`). An omitted part keeps what is stored, `null`
 * clears it.
 */
export const pushValueSchema = z
  .object({
    unitCode: z.string().trim().min(1).max(64).optional(),
    unitId: z.number().int().positive().optional(),
    indicatorCode: z.string().trim().min(1).max(64).optional(),
    indicatorId: z.number().int().positive().optional(),
    period: z.string().trim().min(4).max(10).optional(),
    /** Same as `period` (the id-based push names it so). */
    periodId: z.string().trim().min(4).max(10).optional(),
    numerator: figurePart,
    denominator: figurePart,
    value: figurePart,
    comment: z.string().max(2000).nullable().optional(),
  })
  .meta({ id: 'PushValue' });
/** One figure pushed by codes. */
export type PushValue = z.infer<typeof pushValueSchema>;

/**
 * The JSON push. Each item of `values` is checked on its own (see
 * `pushValueSchema`), so one bad item is one conflict, not a refused request.
 */
export const pushBodySchema = z
  .object({
    values: z.array(z.unknown()).max(50_000),
    dryRun: z.boolean().optional(),
    atomic: z.boolean().optional(),
  })
  .meta({ id: 'PushValues' });

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((s) => s === 'true' || s === '1')
  .optional();

/** Options of a push: `?dryRun=true`, `?atomic=true`, `?unitId=` (only figures of that unit's subtree). */
export const pushQuerySchema = z.object({
  dryRun: flag,
  atomic: flag,
  /** DHIS2's spelling of `atomic=true`. */
  atomicMode: z.enum(['ALL', 'NONE']).optional(),
  unitId: z.coerce.number().int().positive().optional(),
});

/** One figure that was not saved, and why — like a DHIS2 import conflict. */
export const importConflictSchema = z.object({
  /** What it is about: `unitCode/indicatorCode/period`, or the code that was not found. */
  object: z.string(),
  /** The value sent, as text, when the problem is with a value. */
  value: z.string().nullable(),
  /** Why, in the request's language. */
  reason: z.string(),
  /** A stable dotted code (also the message key). */
  code: z.string(),
  /** Position of the figure in `values` (0-based); for CSV, the data row (0 = first after the header). */
  index: z.number().int(),
  /** CSV only: the line of the file (the header is line 1). */
  line: z.number().int().optional(),
  /** The field it concerns, when one: `unitCode`, `period`, `numerator`, … */
  field: z.string().optional(),
});
/** One refused figure. */
export type ImportConflict = z.infer<typeof importConflictSchema>;

/** A remark that did not stop a figure (a large change without a comment, a consistency rule). */
export const importWarningSchema = z.object({
  object: z.string(),
  reason: z.string(),
  code: z.string(),
  index: z.number().int().nullable(),
});

/**
 * What a push did, like DHIS2's import summary: `SUCCESS` (everything
 * saved), `WARNING` (saved, with refused figures or remarks), `ERROR`
 * (nothing saved). A dry run counts what would happen and saves nothing.
 */
export const importSummarySchema = z
  .object({
    status: z.enum(['SUCCESS', 'WARNING', 'ERROR']),
    dryRun: z.boolean(),
    description: z.string(),
    importCount: z.object({
      imported: z.number().int(),
      updated: z.number().int(),
      /** Figures identical to what is stored, and refused ones. */
      ignored: z.number().int(),
      /** Figures whose numbers were all cleared. */
      deleted: z.number().int(),
    }),
    conflicts: z.array(importConflictSchema),
    warnings: z.array(importWarningSchema),
  })
  .meta({ id: 'ImportSummary' });
/** The summary of a push. */
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** A message in both languages (the upload page shows both). */
export const bilingualSchema = z.object({ vi: z.string(), en: z.string() });

/** One bad cell (or row, or file-level problem) of an upload. */
export const uploadProblemSchema = z.object({
  /** The worksheet; for a CSV, the file name. */
  sheet: z.string().nullable(),
  /** The row as the spreadsheet numbers it (CSV: the line). */
  row: z.number().int().nullable(),
  /** The column letter, e.g. `H`. */
  column: z.string().nullable(),
  /** The column's header, e.g. `Tử số / Numerator`. */
  columnLabel: z.string().nullable(),
  /** The cell address, e.g. `H12`. */
  cell: z.string().nullable(),
  /** What the cell holds, as text. */
  value: z.string().nullable(),
  code: z.string(),
  reason: bilingualSchema,
});
/** One bad cell of an upload. */
export type UploadProblem = z.infer<typeof uploadProblemSchema>;

/** A figure's numbers and comment. */
export const figureStateSchema = z.object({
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  comment: z.string().nullable(),
});
/** A figure's numbers and comment. */
export type FigureState = z.infer<typeof figureStateSchema>;

/** How an uploaded row compares with what is stored. */
export const changeKinds = ['new', 'changed', 'unchanged', 'cleared'] as const;
/** How an uploaded row compares with what is stored. */
export type ChangeKind = (typeof changeKinds)[number];

/** One figure an upload would add, change or clear (unchanged ones are only counted). */
export const uploadChangeSchema = z.object({
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  unitCode: z.string(),
  unitName: z.string(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  indicatorKind: z.string(),
  periodId: z.string(),
  change: z.enum(changeKinds),
  before: figureStateSchema.nullable(),
  after: figureStateSchema,
});
/** One change of an upload. */
export type UploadChange = z.infer<typeof uploadChangeSchema>;

/** A remark of an upload that does not stop it. */
export const uploadWarningSchema = z.object({
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  cell: z.string().nullable(),
  code: z.string(),
  reason: bilingualSchema,
});

/** The round a template belongs to, as read from its hidden sheet. */
export const uploadTemplateSchema = z.object({
  version: z.number().int(),
  roundId: z.number().int(),
  roundName: z.string(),
  periodId: z.string(),
  periodLabel: z.string(),
  provinceName: z.string(),
  generatedAt: z.string(),
});

/**
 * The answer to an upload.
 * - `invalid`: problems listed, nothing saved;
 * - `ready`: the preview; confirm with the same file and `previewToken`;
 * - `saved`: confirmed and saved in one transaction;
 * - `stale`: figures changed since the preview (by someone else): here is the new preview, confirm again;
 * - `empty`: the file holds no figure to change.
 */
export const uploadResultSchema = z
  .object({
    status: z.enum(['invalid', 'ready', 'saved', 'stale', 'empty']),
    file: z.object({
      name: z.string(),
      format: z.enum(['xlsx', 'csv']),
      size: z.number().int(),
      sha256: z.string(),
    }),
    template: uploadTemplateSchema.nullable(),
    counts: z.object({
      rows: z.number().int(),
      new: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      cleared: z.number().int(),
      problems: z.number().int(),
    }),
    problems: z.array(uploadProblemSchema),
    changes: z.array(uploadChangeSchema),
    warnings: z.array(uploadWarningSchema),
    /** Send it back with the same file to confirm; it names the preview the person saw. */
    previewToken: z.string().nullable(),
    saved: z.object({ imported: z.number().int(), updated: z.number().int() }).nullable(),
  })
  .meta({ id: 'UploadResult' });
/** The answer to an upload. */
export type UploadResult = z.infer<typeof uploadResultSchema>;

/** The steps of an upload the progress bar shows. */
export const uploadPhases = ['read', 'check', 'save'] as const;
/** A step of an upload. */
export type UploadPhase = (typeof uploadPhases)[number];

/**
 * One line of a streamed upload answer (`Accept: application/x-ndjson`):
 * progress of a step — `read` in bytes of the file parsed, `check` in
 * figures checked, `save` without a total (one transaction) — then the
 * result or an error in the API's error model.
 */
export const uploadEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    phase: z.enum(uploadPhases),
    done: z.number().int(),
    total: z.number().int().nullable(),
  }),
  z.object({ type: z.literal('result'), result: uploadResultSchema }),
  z.object({
    type: z.literal('error'),
    status: z.number().int(),
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
    }),
  }),
]);
/** One line of a streamed upload answer. */
export type UploadEvent = z.infer<typeof uploadEventSchema>;

/** What a problem points at in a figure row: one of its parts, its unit, indicator or period, or the row. */
export type ProblemField = FigureField | 'unit' | 'indicator' | 'period' | 'row';

/**
 * A figure as read from a request or a file, before its codes are resolved.
 * An omitted part keeps what is stored; `null` clears it.
 */
export interface FigureRow {
  /** Position among the rows read (0-based). */
  index: number;
  unitCode?: string;
  unitId?: number;
  indicatorCode?: string;
  indicatorId?: number;
  period?: string;
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
  comment?: string | null;
  /** The revision the sender saw (an Excel template's); another stored revision is a conflict. */
  expectedRevision?: number | null;
}

/** Where a figure row sits in a file: the sheet, the row and the column of each field. */
export interface RowLocation {
  sheet: string | null;
  row: number | null;
  columns: Partial<Record<ProblemField, { letter: string; label: string }>>;
}

/** A problem found while reading or checking figures. */
export interface RowProblem {
  /** The figure row (`FigureRow.index`), or null for a problem of the file or of a row that gave none. */
  index: number | null;
  field: ProblemField | null;
  code: string;
  params?: Record<string, string | number | boolean | null>;
  /** The value concerned, as sent. */
  value?: string | null;
  /** Where in the file, when the reader knows it without a figure row. */
  at?: { sheet: string | null; row: number | null; column: string | null; columnLabel: string | null };
}
