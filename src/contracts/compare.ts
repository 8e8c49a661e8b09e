/**
 * Where two programs disagree, and what a program lacks against the
 * ministry's template.
 */
import { z } from 'zod';
import { documentListItemSchema } from './document';
import { comparators, targetLevels, targetUnits } from './document-read';
import { indicatorRefSchema } from './review';

/** `GET /api/compare?a=&b=`: documents by id or by number ("09-NQ/TU"). */
export const compareQuerySchema = z.object({
  a: z.string().trim().min(1).max(60),
  b: z.string().trim().min(1).max(60),
});

/** A target as a comparison shows it. */
export const comparedTargetSchema = z.object({
  id: z.number().int(),
  year: z.number().int().nullable(),
  level: z.enum(targetLevels).nullable(),
  comparator: z.enum(comparators),
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.enum(targetUnits),
  unitLabel: z.string().nullable(),
  quote: z.string(),
  span: z.tuple([z.number().int(), z.number().int()]),
});
export type ComparedTarget = z.infer<typeof comparedTargetSchema>;

/** An indicator as named in a comparison: from the catalog, or only its code when the catalog lacks it. */
export const comparedIndicatorSchema = indicatorRefSchema.extend({ id: z.number().int().nullable() });

const objectiveSchema = z.object({
  indicator: comparedIndicatorSchema,
  level: z.enum(targetLevels).nullable(),
  year: z.number().int().nullable(),
});

export const matchedObjectiveSchema = objectiveSchema.extend({
  a: z.array(comparedTargetSchema),
  b: z.array(comparedTargetSchema),
  levelInferred: z.boolean(),
});

export const differenceSchema = matchedObjectiveSchema.extend({
  kind: z.enum(['value', 'comparator', 'unit']),
});

export const targetGroupSchema = objectiveSchema.extend({ targets: z.array(comparedTargetSchema) });

/** Which targets a side was compared on: the confirmed program, or the reader's proposals when none is confirmed yet. */
export const compareBasisSchema = z.enum(['confirmed', 'proposed']);

export const coverageItemSchema = z.object({
  indicator: comparedIndicatorSchema,
  covered: z.boolean(),
  /** What the template says: its targets on the indicator, or the words that name it as required. */
  template: z.array(comparedTargetSchema),
  named: z.array(z.object({ text: z.string(), span: z.tuple([z.number().int(), z.number().int()]) })),
  program: z.array(comparedTargetSchema),
});

/** `GET /api/documents/:id/coverage`. */
export const coverageSchema = z
  .object({
    template: documentListItemSchema,
    program: documentListItemSchema,
    basis: compareBasisSchema,
    required: z.number().int(),
    covered: z.number().int(),
    items: z.array(coverageItemSchema),
    missing: z.array(comparedIndicatorSchema),
  })
  .meta({ id: 'TemplateCoverage' });
export type Coverage = z.infer<typeof coverageSchema>;

export const comparisonSchema = z
  .object({
    a: documentListItemSchema,
    b: documentListItemSchema,
    basis: z.object({ a: compareBasisSchema, b: compareBasisSchema }),
    differing: z.array(differenceSchema),
    agreeing: z.array(matchedObjectiveSchema),
    onlyInA: z.array(targetGroupSchema),
    onlyInB: z.array(targetGroupSchema),
    unlinkedA: z.array(comparedTargetSchema),
    unlinkedB: z.array(comparedTargetSchema),
    /** When one side is a template: what the other side lacks against it. */
    coverage: coverageSchema.nullable(),
  })
  .meta({ id: 'Comparison' });
export type Comparison = z.infer<typeof comparisonSchema>;

export const coverageQuerySchema = z.object({
  /** The template to check against (id or number); the stored template by default. */
  template: z.string().trim().min(1).max(60).optional(),
});
