/**
 * Authorisation where the data is: every service calls one of these before
 * it reads or writes anything that is not public. The rules come from the
 * permission table (domain/auth/permissions.ts): `requirePermission(ctx,
 * 'figures.enter', unitId)` passes when the actor holds a role allowing that
 * action at the unit or above it.
 *
 * Inside a transaction pass the transaction as `db` (PGlite has one connection).
 */
import type { RoleName } from '../domain/auth/actor';
import { type Action, rolesFor, tokensMay } from '../domain/auth/permissions';
import { actorCovers, isAdmin, scopeRoots } from '../domain/auth/scope';
import { AppError } from '../domain/errors';
import type { Db } from '../repositories/db';
import { subtreeIds, unitAncestry } from '../repositories/unit-scope.repository';
import type { ServiceContext } from './context';

/** 401 for an anonymous caller. */
export function requireSignedIn(ctx: ServiceContext): void {
  if (ctx.actor.kind === 'anonymous') throw new AppError('auth.required', { status: 401 });
}

/** 401/403 unless the actor is an admin (or the system). */
export function requireAdmin(ctx: ServiceContext): void {
  requireSignedIn(ctx);
  if (!isAdmin(ctx.actor)) throw new AppError('auth.forbidden', { status: 403 });
}

/**
 * 401/403 unless the caller is a person (signed in with a session), not an
 * API token: for one's own password, sessions and tokens. Returns the person's id.
 */
export function requirePerson(ctx: ServiceContext): number {
  requireSignedIn(ctx);
  if (ctx.actor.kind !== 'user') throw new AppError('auth.person_required', { status: 403 });
  return ctx.actor.userId;
}

/** 401/403 unless the actor holds one of `roles` at the unit or above it. */
export async function requireRoleAt(
  ctx: ServiceContext,
  roles: readonly RoleName[],
  unitId: number,
  db: Db = ctx.db,
): Promise<void> {
  requireSignedIn(ctx);
  if (ctx.actor.kind === 'system' || isAdmin(ctx.actor)) return;
  const ancestry = await unitAncestry(db, unitId);
  if (!actorCovers(ctx.actor, roles, ancestry)) throw new AppError('auth.forbidden', { status: 403 });
}

/** Whether the actor holds one of `roles` at the unit or above it (no throw). */
export async function hasRoleAt(
  ctx: ServiceContext,
  roles: readonly RoleName[],
  unitId: number,
  db: Db = ctx.db,
): Promise<boolean> {
  if (ctx.actor.kind === 'anonymous') return false;
  if (ctx.actor.kind === 'system' || isAdmin(ctx.actor)) return true;
  return actorCovers(ctx.actor, roles, await unitAncestry(db, unitId));
}

/** The unit ids an actor may see with these roles, or 'all'. For filtering lists. */
export async function visibleUnitIds(
  ctx: ServiceContext,
  roles: readonly RoleName[],
  db: Db = ctx.db,
): Promise<'all' | Set<number>> {
  const roots = scopeRoots(ctx.actor, roles);
  if (roots === 'all') return 'all';
  return new Set(await subtreeIds(db, roots));
}

/**
 * 401/403 unless the actor may do `action` at the unit (a role of the
 * permission table held at the unit or above it).
 * @example await requirePermission(ctx, 'submissions.approve', submission.unitId)
 */
export async function requirePermission(
  ctx: ServiceContext,
  action: Action,
  unitId: number,
  db: Db = ctx.db,
): Promise<void> {
  requireSignedIn(ctx);
  if (ctx.actor.kind === 'token' && !tokensMay(action))
    throw new AppError('auth.person_required', { status: 403 });
  await requireRoleAt(ctx, rolesFor(action), unitId, db);
}

/** Whether the actor may do `action` at the unit (no throw). */
export async function hasPermission(
  ctx: ServiceContext,
  action: Action,
  unitId: number,
  db: Db = ctx.db,
): Promise<boolean> {
  if (ctx.actor.kind === 'token' && !tokensMay(action)) return false;
  return hasRoleAt(ctx, rolesFor(action), unitId, db);
}

/**
 * The units where the actor may do `action` ('all' for admins), to filter lists.
 * @example const units = await permittedUnitIds(ctx, 'figures.read'); // then WHERE unit_id IN units
 */
export async function permittedUnitIds(
  ctx: ServiceContext,
  action: Action,
  db: Db = ctx.db,
): Promise<'all' | Set<number>> {
  if (ctx.actor.kind === 'token' && !tokensMay(action)) return new Set();
  return visibleUnitIds(ctx, rolesFor(action), db);
}
