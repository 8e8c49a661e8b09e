/**
 * An index method as JSON, validated at the boundary so that a coordinator
 * can edit one (or import a new DTI version) safely: the shape by zod, the
 * coherence (points adding up, unique codes, usable rules, catalog codes) by
 * the domain's `validateIndexMethod`, every problem with its path.
 * Also the inputs of a scoring run: values, evidence and reviewer adjustments.
 */
import { z } from 'zod';
import type { IndexAdjustment, IndexMethod, UnitIndexInput } from '../domain/index-method/types';
import { validateIndexMethod } from '../domain/index-method/validate';

const textSchema = z.object({ vi: z.string().trim().min(1), en: z.string() });
const codeSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'validation.invalid_format' })
  .meta({ description: 'Stable code: letters, digits, `_`, `.`, `-`', example: 'DTI22.GV1.1' });
const directionSchema = z.enum(['higher_better', 'lower_better']);
const pointsSchema = z.number().min(0);

/** A scoring rule: ratio, tiered, yes/no or rank. */
export const scoringRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ratio'),
    full: z
      .number()
      .meta({ description: 'Value earning full points (1 for a 0–1 ratio, 100 for a percentage)' }),
    zero: z.number().optional().meta({ description: 'Value earning zero points (default 0)' }),
    percent: z
      .boolean()
      .optional()
      .meta({ description: 'Turn numerator/denominator inputs into a percentage' }),
  }),
  z.object({
    kind: z.literal('tiered'),
    direction: directionSchema,
    tiers: z.array(z.object({ threshold: z.number(), points: pointsSchema })).min(1),
  }),
  z.object({ kind: z.literal('boolean') }),
  z.discriminatedUnion('mode', [
    z.object({ kind: z.literal('rank'), mode: z.literal('peer_value'), direction: directionSchema }),
    z.object({ kind: z.literal('rank'), mode: z.literal('given_rank'), outOf: z.number().int().min(2) }),
  ]),
]);

const sourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('catalog'), indicator: z.string().min(1) }),
  z.object({ kind: z.literal('manual'), hint: textSchema.optional() }),
]);

const subIndicatorSchema = z.object({
  code: codeSchema,
  name: textSchema,
  maxPoints: pointsSchema,
  rule: scoringRuleSchema,
  source: sourceSchema,
  evidenceRequired: z.boolean().optional(),
  appliesTo: z.array(z.string().min(1)).optional(),
  provisional: z.boolean().optional(),
  note: textSchema.optional(),
});

const mainIndicatorSchema = z.object({
  code: codeSchema,
  name: textSchema,
  maxPoints: pointsSchema,
  subIndicators: z.array(subIndicatorSchema).min(1),
  provisional: z.boolean().optional(),
  note: textSchema.optional(),
});

const pillarSchema = z.object({
  code: codeSchema,
  name: textSchema,
  maxPoints: pointsSchema,
  scored: z.boolean(),
  weight: z.number().min(0).optional(),
  group: textSchema.optional(),
  officialSubIndicatorCount: z.number().int().min(0).optional(),
  mainIndicators: z.array(mainIndicatorSchema).min(1),
  provisional: z.boolean().optional(),
  note: textSchema.optional(),
});

const year = z.number().int().min(2000).max(2100);

/** The shape of an index method, before the coherence checks. */
export const indexMethodShapeSchema = z.object({
  code: codeSchema,
  version: z.string().trim().min(1).max(40),
  name: textSchema,
  legalBasis: textSchema.optional(),
  validFrom: year,
  validTo: year.nullable(),
  subjectKinds: z.array(z.string().min(1)).min(1),
  maxPoints: pointsSchema,
  pillars: z.array(pillarSchema).min(1),
  provisional: z.boolean().optional(),
  note: textSchema.optional(),
});

function toPath(path: string): (string | number)[] {
  return path.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

/**
 * An index method validated in full. `knownIndicators`: the catalog codes
 * catalog-fed sub-indicators may use (the national catalog plus the
 * province's own); without it, catalog codes are not checked.
 */
export function indexMethodSchemaFor(knownIndicators?: ReadonlySet<string>) {
  return indexMethodShapeSchema
    .superRefine((method, ctx) => {
      for (const problem of validateIndexMethod(method, knownIndicators)) {
        ctx.addIssue({
          code: 'custom',
          message: problem.code,
          path: toPath(problem.path),
          params: problem.params ?? {},
        });
      }
    })
    .meta({ id: 'IndexMethod' });
}

/** An index method validated in shape and coherence (catalog codes unchecked). */
export const indexMethodSchema = indexMethodSchemaFor();
export type IndexMethodData = z.infer<typeof indexMethodSchema>;

const evidenceSchema = z.object({
  ref: z.string().trim().min(1).max(500),
  note: z.string().max(2000).optional(),
});

/** One unit's value for one sub-indicator. */
export const indexInputSchema = z.object({
  value: z.union([z.number(), z.boolean()]).nullable().optional(),
  numerator: z.number().min(0).nullable().optional(),
  denominator: z.number().min(0).nullable().optional(),
  evidence: z.array(evidenceSchema).max(50).optional(),
  note: z.string().max(2000).optional(),
});

/** A reviewer's override of a sub-indicator's points; the reason is required. */
export const indexAdjustmentSchema = z.object({
  subIndicator: codeSchema,
  points: pointsSchema,
  reason: z.string().trim().min(1, { message: 'index.adjustment_reason_required' }).max(2000),
  by: z.string().optional(),
  at: z.string().optional(),
});

/** Everything known about one unit for a scoring run. */
export const unitIndexInputSchema = z.object({
  unit: z.object({
    id: z.union([z.string(), z.number()]),
    name: z.string().min(1),
    code: z.string().optional(),
    kind: z.string().optional(),
    peerGroup: z.string().optional(),
  }),
  inputs: z.record(codeSchema, indexInputSchema),
  adjustments: z.array(indexAdjustmentSchema).optional(),
});

// compile-time proof that validated data is what the domain engine takes
const _method: (m: IndexMethodData) => IndexMethod = (m) => m;
const _unit: (u: z.infer<typeof unitIndexInputSchema>) => UnitIndexInput = (u) => u;
const _adjustment: (a: z.infer<typeof indexAdjustmentSchema>) => IndexAdjustment = (a) => a;
void _method;
void _unit;
void _adjustment;
