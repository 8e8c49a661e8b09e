/**
 * Scope rules: a role held at a unit covers that unit and everything below
 * it. `admin` covers every role. Pure functions over a unit's ancestry
 * (the unit itself first, then its parent, … up to the nation).
 */
import type { Actor, RoleGrant, RoleName } from './actor';

/** True when one of the actor's grants of the given roles sits on the unit's ancestry. */
export function actorCovers(actor: Actor, roles: readonly RoleName[], ancestry: readonly number[]): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return false;
  return actor.grants.some((g) => grantCovers(g, roles, ancestry));
}

/** True when this grant is one of `roles` (or admin) at a unit of the ancestry. */
export function grantCovers(
  grant: RoleGrant,
  roles: readonly RoleName[],
  ancestry: readonly number[],
): boolean {
  return (grant.role === 'admin' || roles.includes(grant.role)) && ancestry.includes(grant.unitId);
}

/** True when the actor holds admin anywhere (admins are granted at the nation). */
export function isAdmin(actor: Actor): boolean {
  return (
    actor.kind === 'system' ||
    ((actor.kind === 'user' || actor.kind === 'token') && actor.grants.some((g) => g.role === 'admin'))
  );
}

/**
 * The roots of the subtrees an actor may see with the given roles: `'all'`
 * for the system and admins, else the units where such a grant is held.
 */
export function scopeRoots(actor: Actor, roles: readonly RoleName[]): 'all' | number[] {
  if (isAdmin(actor)) return 'all';
  if (actor.kind === 'anonymous') return [];
  if (actor.kind === 'system') return 'all';
  return [...new Set(actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitId))];
}
