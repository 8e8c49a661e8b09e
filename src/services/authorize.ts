/**
 * Authorisation where the data is: every service calls one of these before
 * it reads or writes anything that is not public.
 */
import type { RoleName } from '../domain/auth/actor';
import { actorCovers, isAdmin, scopeRoots } from '../domain/auth/scope';
import { AppError } from '../domain/errors';
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

/** 401/403 unless the actor holds one of `roles` at the unit or above it. */
export async function requireRoleAt(ctx: ServiceContext, roles: readonly RoleName[], unitId: number): Promise<void> {
  requireSignedIn(ctx);
  if (ctx.actor.kind === 'system' || isAdmin(ctx.actor)) return;
  const ancestry = await unitAncestry(ctx.db, unitId);
  if (!actorCovers(ctx.actor, roles, ancestry)) throw new AppError('auth.forbidden', { status: 403 });
}

/** Whether the actor holds one of `roles` at the unit or above it (no throw). */
export async function hasRoleAt(ctx: ServiceContext, roles: readonly RoleName[], unitId: number): Promise<boolean> {
  if (ctx.actor.kind === 'anonymous') return false;
  if (ctx.actor.kind === 'system' || isAdmin(ctx.actor)) return true;
  return actorCovers(ctx.actor, roles, await unitAncestry(ctx.db, unitId));
}

/** The unit ids an actor may see with these roles, or 'all'. For filtering lists. */
export async function visibleUnitIds(ctx: ServiceContext, roles: readonly RoleName[]): Promise<'all' | Set<number>> {
  const roots = scopeRoots(ctx.actor, roles);
  if (roots === 'all') return 'all';
  return new Set(await subtreeIds(ctx.db, roots));
}
