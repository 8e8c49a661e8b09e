/**
 * Authorisation for many units at once (a batch of figures, a list of
 * reports to approve): the same rules as `requirePermission`
 * (services/authorize.ts), with every unit's ancestry read in one query.
 */
import type { Actor } from '../domain/auth/actor';
import { type Action, rolesFor, tokensMay } from '../domain/auth/permissions';
import { actorCovers, grantCovers, isAdmin } from '../domain/auth/scope';
import { AppError } from '../domain/errors';
import type { Db } from '../repositories/db';
import { ancestriesOf } from '../repositories/round.repository';
import { requireSignedIn } from './authorize';
import type { ServiceContext } from './context';

/** For each unit, whether the actor may do `action` there. */
export async function permissionsAt(
  ctx: ServiceContext,
  action: Action,
  unitIds: readonly number[],
  db: Db = ctx.db,
): Promise<Map<number, boolean>> {
  const out = new Map<number, boolean>();
  const unique = [...new Set(unitIds)];
  if (ctx.actor.kind === 'anonymous') return new Map(unique.map((id) => [id, false]));
  if (ctx.actor.kind === 'token' && !tokensMay(action)) return new Map(unique.map((id) => [id, false]));
  if (ctx.actor.kind === 'system' || isAdmin(ctx.actor)) return new Map(unique.map((id) => [id, true]));
  const ancestries = await ancestriesOf(db, unique);
  for (const id of unique) out.set(id, actorCovers(ctx.actor, rolesFor(action), ancestries.get(id) ?? []));
  return out;
}

/** 401/403 unless the actor may do `action` at every one of the units. */
export async function requirePermissionAtAll(
  ctx: ServiceContext,
  action: Action,
  unitIds: readonly number[],
  db: Db = ctx.db,
): Promise<void> {
  requireSignedIn(ctx);
  if (ctx.actor.kind === 'token' && !tokensMay(action))
    throw new AppError('auth.person_required', { status: 403 });
  const allowed = await permissionsAt(ctx, action, unitIds, db);
  if ([...allowed.values()].some((ok) => !ok)) throw new AppError('auth.forbidden', { status: 403 });
}

/**
 * How the actor stands to decide on reports of these units: a coordinator
 * (or administrator) covering the unit, and/or an approver held strictly
 * above it (see domain/submission/workflow.ts `approvalRefusal`).
 */
export async function decidersAt(
  ctx: ServiceContext,
  unitIds: readonly number[],
  db: Db = ctx.db,
): Promise<Map<number, { userId: number | null; isCoordinator: boolean; approvesFromAbove: boolean }>> {
  const actor: Actor = ctx.actor;
  const userId = actor.kind === 'user' || actor.kind === 'token' ? actor.userId : null;
  const unique = [...new Set(unitIds)];
  if (actor.kind === 'system' || isAdmin(actor)) {
    return new Map(unique.map((id) => [id, { userId, isCoordinator: true, approvesFromAbove: true }]));
  }
  const ancestries = await ancestriesOf(db, unique);
  const manage = rolesFor('rounds.manage');
  const approve = rolesFor('submissions.approve');
  const out = new Map<
    number,
    { userId: number | null; isCoordinator: boolean; approvesFromAbove: boolean }
  >();
  for (const id of unique) {
    const ancestry = ancestries.get(id) ?? [];
    const grants = actor.kind === 'user' || actor.kind === 'token' ? actor.grants : [];
    const tokenMayManage = actor.kind !== 'token' || tokensMay('rounds.manage');
    out.set(id, {
      userId,
      isCoordinator: tokenMayManage && actorCovers(actor, manage, ancestry),
      approvesFromAbove: grants.some((g) => grantCovers(g, approve, ancestry.slice(1))),
    });
  }
  return out;
}
