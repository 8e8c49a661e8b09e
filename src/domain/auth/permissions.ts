/**
 * The permission table: which role may do which action. A role is held at a
 * unit and the action is allowed on that unit's whole subtree. Services ask
 * `rolesFor(action)` (through `requirePermission` in services/authorize.ts);
 * route declarations name the same actions, so the access-matrix test and the
 * services read one table.
 */
import type { RoleName } from './actor';

/** Everything a person or a token may be allowed to do, by area. */
export const actions = [
  /** Read figures, submissions and roll-ups before they are published. */
  'figures.read',
  /** Enter and correct figures, upload templates, submit a unit's report. */
  'figures.enter',
  /** Approve a submission or return it with a comment. */
  'submissions.approve',
  /** Open, change and close reporting rounds. */
  'rounds.manage',
  /** Read proposed (not yet confirmed) targets and tasks of a program. */
  'program.read',
  /** Import program documents, review and confirm their targets and tasks. */
  'program.manage',
  /** Add and change units below a province (departments, agencies). */
  'units.manage',
  /** A province's own indicators. */
  'indicators.manage',
  /** People and their roles in the subtree (never admin). */
  'users.manage',
  /** Create API tokens that act with one of one's own roles. */
  'tokens.create',
  /** See and revoke other people's API tokens in the subtree. */
  'tokens.manage',
  /** Read the audit trail of the subtree. */
  'audit.read',
  /** Country-wide administration: official unit lists, the national catalog, the audit chain. */
  'system.manage',
] as const;

/** One action of the permission table. */
export type Action = (typeof actions)[number];

/**
 * The table. `admin` may do everything everywhere; the others are listed.
 * A coordinator runs a province's program: everything but country-wide administration.
 */
export const permissionTable: Readonly<Record<RoleName, readonly Action[]>> = {
  admin: actions,
  coordinator: actions.filter((a) => a !== 'system.manage'),
  approver: ['figures.read', 'submissions.approve', 'program.read', 'tokens.create'],
  reporter: ['figures.read', 'figures.enter', 'program.read', 'tokens.create'],
  viewer: ['figures.read', 'program.read', 'tokens.create'],
};

/**
 * Actions a machine never does with an API token, whatever the token's role:
 * managing people and tokens stays with people (a leaked token cannot mint
 * more tokens or accounts).
 */
export const personOnlyActions: readonly Action[] = ['users.manage', 'tokens.create', 'tokens.manage'];

/** True when an API token may be used for the action at all (its role still decides where). */
export function tokensMay(action: Action): boolean {
  return !personOnlyActions.includes(action);
}

/** True when the role allows the action (on the subtree of the unit where it is held). */
export function roleAllows(role: RoleName, action: Action): boolean {
  return permissionTable[role].includes(action);
}

/**
 * The roles that allow an action, admin included.
 * @example rolesFor('submissions.approve') // ['admin', 'coordinator', 'approver']
 */
export function rolesFor(action: Action): RoleName[] {
  return (Object.keys(permissionTable) as RoleName[]).filter((r) => roleAllows(r, action));
}

/**
 * True when everything `inner` allows, `outer` allows too. A person may give
 * an API token a role only if one of their own roles includes it.
 * @example roleIncludes('coordinator', 'reporter') // true
 * @example roleIncludes('approver', 'reporter') // false: approvers do not enter figures
 */
export function roleIncludes(outer: RoleName, inner: RoleName): boolean {
  return permissionTable[inner].every((a) => permissionTable[outer].includes(a));
}

/**
 * The roles a holder of `role` may grant to others inside their subtree.
 * Only an admin makes admins; a coordinator grants the province roles.
 */
export function grantableRoles(role: RoleName): RoleName[] {
  if (role === 'admin') return ['admin', 'coordinator', 'approver', 'reporter', 'viewer'];
  if (role === 'coordinator') return ['coordinator', 'approver', 'reporter', 'viewer'];
  return [];
}

/** Roles an API token may carry: any but admin (a leaked token must never run the country). */
export const tokenRoles = [
  'coordinator',
  'approver',
  'reporter',
  'viewer',
] as const satisfies readonly RoleName[];
/** A role an API token may carry. */
export type TokenRole = (typeof tokenRoles)[number];
