/**
 * What the document reader produces for one file: the document's identity,
 * its proposed targets and tasks. The JSON of `nhipso document read --json`
 * (documented in docs/document-json.md) is exactly this shape.
 */
import { z } from 'zod';

export const documentKinds = ['resolution', 'plan', 'outline', 'template', 'decision', 'other'] as const;
export const targetLevels = ['province', 'district', 'commune'] as const;
export const comparators = ['>=', '>', '<=', '<', '=', 'range', 'top'] as const;
export const targetUnits = ['percent', 'count', 'rank', 'amount', 'other'] as const;

export const readDocumentInfoSchema = z.object({
  kind: z.enum(documentKinds),
  /** Number and symbol, e.g. `09-NQ/TU`, `46-CV/BCSD`; null when not stated. */
  number: z.string().nullable(),
  /** Issuing body as written, e.g. `Ban Chấp hành Đảng bộ tỉnh Nam Định`. */
  issuer: z.string().nullable(),
  /** Date of issue, `YYYY-MM-DD`. */
  date: z.string().nullable(),
  /** The province's name as written (e.g. `Nam Định`), null for national documents. */
  province: z.string().nullable(),
  title: z.string(),
});

export const readTargetSchema = z.object({
  year: z.number().int().nullable(),
  level: z.enum(targetLevels).nullable(),
  comparator: z.enum(comparators),
  /** Percent as 90 (not 0.9); for `top`, the N of top-N. */
  value: z.number(),
  /** Upper value of a range, else null. */
  valueMax: z.number().nullable(),
  unit: z.enum(targetUnits),
  /** Code of the catalog indicator it measures, null when none fits. */
  indicator: z.string().nullable(),
  /** 0–1: how sure the reader is of the indicator. */
  confidence: z.number().min(0).max(1),
  /** The exact words the target came from. */
  quote: z.string(),
  /** [start, end) offsets of `quote` in the text as read from the file (JS string indices). */
  span: z.tuple([z.number().int(), z.number().int()]),
});

export const readTaskSchema = z.object({
  /** Section number as written in the document, e.g. `II.5.1` or `5.1`. */
  section: z.string(),
  title: z.string(),
  text: z.string(),
  /** Lead units, by their names as resolved to the province's units (or as written when unresolved). */
  leads: z.array(z.string()),
  cooperating: z.array(z.string()),
  /** `YYYY-MM-DD` or a year `YYYY` when only the year is stated; null when none. */
  deadline: z.string().nullable(),
  span: z.tuple([z.number().int(), z.number().int()]),
});

export const readResultSchema = z.object({
  document: readDocumentInfoSchema,
  targets: z.array(readTargetSchema),
  tasks: z.array(readTaskSchema),
});

export type ReadDocumentInfo = z.infer<typeof readDocumentInfoSchema>;
export type ReadTarget = z.infer<typeof readTargetSchema>;
export type ReadTask = z.infer<typeof readTaskSchema>;
export type ReadResult = z.infer<typeof readResultSchema>;
