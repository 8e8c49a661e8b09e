/**
 * People and their roles, as the users page and the API show them.
 */
import { z } from 'zod';
import { roleNames } from '../domain/auth/actor';
import { displayNameSchema, emailSchema } from './auth';
import { idSchema } from './common';

/** A unit as a picker shows it. */
export const unitBriefSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.string(),
  code: z.string(),
  path: z.array(z.string()),
});
export type UnitBriefView = z.infer<typeof unitBriefSchema>;

export const roleAtUnitSchema = z.object({ role: z.enum(roleNames), unitId: idSchema }).strict();
export type RoleAtUnit = z.infer<typeof roleAtUnitSchema>;

export const userRoleViewSchema = z.object({
  role: z.enum(roleNames),
  unitId: z.number().int(),
  unitName: z.string(),
  unitKind: z.string(),
  unitPath: z.array(z.string()),
  /** Whether the caller may remove this role. */
  editable: z.boolean(),
});

export const userViewSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string(),
    /** The unit the person works at. */
    unitId: z.number().int().nullable(),
    unitName: z.string().nullable(),
    unitPath: z.array(z.string()),
    locale: z.enum(['vi', 'en']),
    isActive: z.boolean(),
    hasPassword: z.boolean(),
    oidcLinked: z.boolean(),
    lastSignInAt: z.string().nullable(),
    createdAt: z.string(),
    /** Roles inside the caller's scope (others are not shown). */
    roles: z.array(userRoleViewSchema),
    /** Roles held outside the caller's scope, counted only. */
    otherRoles: z.number().int(),
    /** Whether the caller may change the person's details, deactivate them or send a set-password link. */
    editable: z.boolean(),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof userViewSchema>;

export const userListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  role: z.enum(roleNames).optional(),
  unitId: idSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const userListSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(userViewSchema.extend({ unitId: z.number().int().nullable() })),
});
export type UserList = z.infer<typeof userListSchema>;

export const createUserBodySchema = z
  .object({
    email: emailSchema,
    displayName: displayNameSchema,
    unitId: idSchema.nullable(),
    locale: z.enum(['vi', 'en']).default('vi'),
    roles: z.array(roleAtUnitSchema).max(50).default([]),
  })
  .strict();
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const updateUserBodySchema = z
  .object({
    email: emailSchema.optional(),
    displayName: displayNameSchema.optional(),
    unitId: idSchema.nullable().optional(),
    locale: z.enum(['vi', 'en']).optional(),
    isActive: z.boolean().optional(),
  })
  .strict();
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

/** A set-password link, shown once to the person who asked for it. */
export const passwordLinkSchema = z.object({
  /** Path with the secret in the fragment, e.g. `/set-password#token=…`; prefix with the site address. */
  path: z.string(),
  expiresAt: z.string(),
});
export type PasswordLink = z.infer<typeof passwordLinkSchema>;

export const createdUserSchema = z.object({ user: userViewSchema, link: passwordLinkSchema });
export type CreatedUser = z.infer<typeof createdUserSchema>;

export const assignableUnitsQuerySchema = z.object({
  q: z.string().trim().max(200).default(''),
  /** users: units where the caller manages people; tokens: units where the caller may place a token. */
  purpose: z.enum(['users', 'tokens']).default('users'),
});

export const unitBriefListSchema = z.object({ items: z.array(unitBriefSchema) });
