/**
 * Schemas shared by many endpoints: ids, dates, the error body, paging.
 */
import { z } from 'zod';

/** A positive integer id, from a path segment or JSON. */
export const idSchema = z.coerce.number().int().positive().meta({ description: 'Numeric id' });

/** An ISO calendar date `YYYY-MM-DD`. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.invalid_format' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { message: 'validation.invalid_format' })
  .meta({ description: 'Date, YYYY-MM-DD', example: '2025-07-01' });

export const idParamsSchema = z.object({ id: idSchema });

/** One located problem of an error response. */
export const errorDetailSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});

/** The body of every error response. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'unit.not_found' }),
      message: z.string(),
      details: z.array(errorDetailSchema),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBodySchema>;

export const healthSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    engine: z.enum(['pglite', 'postgres']),
    time: z.string(),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof healthSchema>;
