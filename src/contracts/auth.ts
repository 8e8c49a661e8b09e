/**
 * Sign-in, the current user, sessions and one-time links.
 */
import { z } from 'zod';
import { roleNames } from '../domain/auth/actor';
import { actions } from '../domain/auth/permissions';
import { passwordRules } from '../domain/auth/policy';

/** An e-mail address as typed: trimmed and lower-cased. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, { message: 'validation.invalid_format' })
  .meta({ description: 'E-mail address', example: 'vanthu@ninhbinh.gov.vn' });

/** A new password: length limits only (passphrases welcome). */
export const newPasswordSchema = z
  .string()
  .min(passwordRules.minLength)
  .max(passwordRules.maxLength)
  .meta({ description: `Password, ${passwordRules.minLength}–${passwordRules.maxLength} characters` });

/** A person's display name. */
export const displayNameSchema = z.string().trim().min(1).max(200);

export const signInBodySchema = z
  .object({
    email: emailSchema,
    password: z.string().min(1).max(passwordRules.maxLength),
  })
  .strict();
export type SignInBody = z.infer<typeof signInBodySchema>;

/** A role held at a unit, with the unit's name. */
export const grantViewSchema = z.object({
  role: z.enum(roleNames),
  unitId: z.number().int(),
  unitName: z.string(),
  unitKind: z.string(),
  /** Names of the units above, from the province down. */
  unitPath: z.array(z.string()),
});
export type GrantView = z.infer<typeof grantViewSchema>;

/** The signed-in person (or the maker of the API token in use). */
export const currentUserSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string(),
    locale: z.enum(['vi', 'en']),
    unitId: z.number().int().nullable(),
    unitName: z.string().nullable(),
    grants: z.array(grantViewSchema),
    /** Actions of the permission table the person may do somewhere (to show the pages they may open). */
    actions: z.array(z.enum(actions)),
    /** How the request was authenticated. */
    via: z.enum(['session', 'token']),
    hasPassword: z.boolean(),
    oidcLinked: z.boolean(),
  })
  .meta({ id: 'CurrentUser' });
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const meSchema = z.object({ user: currentUserSchema.nullable() }).meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

/** What the sign-in page offers. */
export const signInOptionsSchema = z.object({
  password: z.literal(true),
  oidc: z.object({ enabled: z.boolean(), label: z.string().nullable() }),
  /** True while no administrator exists (the first-admin link is printed in the server log). */
  needsFirstAdmin: z.boolean(),
});
export type SignInOptions = z.infer<typeof signInOptionsSchema>;

export const changePasswordBodySchema = z
  .object({
    currentPassword: z.string().min(1).max(passwordRules.maxLength),
    newPassword: newPasswordSchema,
  })
  .strict();
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

/** A one-time link's secret (from the link's `#token=` part). */
export const linkTokenSchema = z.string().min(20).max(200);

export const linkInspectBodySchema = z.object({ token: linkTokenSchema }).strict();

export const linkInfoSchema = z.object({
  purpose: z.enum(['bootstrap', 'set_password']),
  valid: z.boolean(),
  /** Why it cannot be used: expired, used, unknown. */
  problem: z.enum(['expired', 'used', 'unknown', 'inactive']).nullable(),
  email: z.string().nullable(),
  displayName: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type LinkInfo = z.infer<typeof linkInfoSchema>;

export const setPasswordBodySchema = z
  .object({ token: linkTokenSchema, password: newPasswordSchema })
  .strict();
export type SetPasswordBody = z.infer<typeof setPasswordBodySchema>;

export const firstAdminBodySchema = z
  .object({
    token: linkTokenSchema,
    email: emailSchema,
    displayName: displayNameSchema,
    password: newPasswordSchema,
  })
  .strict();
export type FirstAdminBody = z.infer<typeof firstAdminBodySchema>;

/** One of the signed-in person's sessions. */
export const sessionViewSchema = z.object({
  /** A short reference (not the secret). */
  ref: z.string(),
  current: z.boolean(),
  authMethod: z.enum(['password', 'oidc', 'set_password']),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const sessionListSchema = z.object({ items: z.array(sessionViewSchema) });

export const oidcStartQuerySchema = z.object({
  returnTo: z.string().max(500).optional(),
});

export const oidcCallbackQuerySchema = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
  iss: z.string().max(500).optional(),
  session_state: z.string().max(500).optional(),
});

export const signedOutSchema = z.object({ ok: z.literal(true), ended: z.number().int() });
