/**
 * API tokens: a machine's credential with one role at one unit.
 */
import { z } from 'zod';
import { tokenRoles } from '../domain/auth/permissions';
import { idSchema, isoDateSchema } from './common';

export const createTokenBodySchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    role: z.enum(tokenRoles),
    unitId: idSchema,
    /** Last day of validity (Vietnam time); none = until revoked. */
    expiresOn: isoDateSchema.nullable().default(null),
  })
  .strict();
export type CreateTokenBody = z.infer<typeof createTokenBodySchema>;

export const tokenViewSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    /** The first characters, to tell tokens apart (`nhs_Ab12Cd…`). */
    prefix: z.string(),
    role: z.enum(tokenRoles),
    unitId: z.number().int(),
    unitName: z.string(),
    createdBy: z.number().int(),
    createdByName: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
    /** Made by the caller. */
    mine: z.boolean(),
  })
  .meta({ id: 'ApiToken' });
export type TokenView = z.infer<typeof tokenViewSchema>;

export const tokenListQuerySchema = z.object({
  includeRevoked: z.enum(['true', 'false']).default('false'),
});

export const tokenListSchema = z.object({ items: z.array(tokenViewSchema) });

/** The created token: the secret is in this response only. */
export const createdTokenSchema = z.object({ token: z.string(), item: tokenViewSchema });
export type CreatedToken = z.infer<typeof createdTokenSchema>;
