/**
 * Who is acting. Every service receives an actor and checks its scope; routes
 * only pass it in. A role is held at a unit and covers that unit's subtree.
 */

export const roleNames = ['admin', 'coordinator', 'approver', 'reporter', 'viewer'] as const;
/** A role a person (or a machine token) may hold at a unit. */
export type RoleName = (typeof roleNames)[number];

/** One role held at one unit (its subtree is the scope). */
export interface RoleGrant {
  role: RoleName;
  unitId: number;
}

/** The acting party of a request, a CLI command or a background job. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: number; label: string; grants: RoleGrant[] }
  | { kind: 'token'; tokenId: number; userId: number; label: string; grants: RoleGrant[] }
  /** The system itself: start-up seeding, migrations, the CLI run by an operator on the server. */
  | { kind: 'system'; label: string };

export const anonymous: Actor = { kind: 'anonymous' };

/** The system actor used by start-up tasks and operator commands. */
export function systemActor(label = 'system'): Actor {
  return { kind: 'system', label };
}

/** A short human label for the audit trail. */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'anonymous' ? 'anonymous' : actor.label;
}

/** The person behind an actor, if any (tokens act for the person who made them). */
export function actorUserId(actor: Actor): number | null {
  return actor.kind === 'user' || actor.kind === 'token' ? actor.userId : null;
}
