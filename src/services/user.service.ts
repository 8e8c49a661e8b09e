/**
 * People and their roles. Admins manage everyone; a coordinator manages the
 * people of their subtree and grants roles only inside it, never admin.
 * A coordinator sees a person who works in their subtree or holds a role
 * there, but changes the person's details only when all of the person's roles
 * lie inside the subtree.
 */
import type {
  CreatedUser,
  CreateUserBody,
  PasswordLink,
  RoleAtUnit,
  UnitBriefView,
  UpdateUserBody,
  UserList,
  UserListQuery,
  UserView,
} from '../contracts/users';
import type { RoleName } from '../domain/auth/actor';
import { grantableRoles } from '../domain/auth/permissions';
import { isAdmin } from '../domain/auth/scope';
import { AppError } from '../domain/errors';
import { foldVietnamese } from '../domain/text';
import { type Db, inTransaction } from '../repositories/db';
import { deleteUserSessions } from '../repositories/session.repository';
import {
  rootUnitId,
  searchUnitsWithin,
  subtreeIds,
  unitAncestry,
  unitBriefs,
} from '../repositories/unit-scope.repository';
import {
  addGrant,
  countActiveAdmins,
  findUserByEmail,
  findUserById,
  type GrantRecord,
  insertUser,
  listGrants,
  listGrantsOf,
  listUsers as listUserRecords,
  removeGrant,
  type UserRecord,
  updateUser as updateUserRecord,
} from '../repositories/user.repository';
import { recordAudit } from './audit';
import { createOneTimeLink } from './auth.service';
import { permittedUnitIds, requireAdmin, requirePermission, requireSignedIn } from './authorize';
import type { ServiceContext } from './context';

type Scope = 'all' | Set<number>;

const inScope = (scope: Scope, unitId: number | null) =>
  scope === 'all' || (unitId !== null && scope.has(unitId));

/** The subtree where the caller manages people ('all' for admins); 403 when nowhere. */
async function manageScope(ctx: ServiceContext, db: Db = ctx.db): Promise<Scope> {
  requireSignedIn(ctx);
  const scope = await permittedUnitIds(ctx, 'users.manage', db);
  if (scope !== 'all' && scope.size === 0) throw new AppError('auth.forbidden', { status: 403 });
  return scope;
}

/** A person the caller can see: works in the scope or holds a role there. 404 otherwise. */
function assertVisible(
  scope: Scope,
  user: UserRecord | undefined,
  grants: GrantRecord[],
  id: number,
): UserRecord {
  if (!user) throw new AppError('user.not_found', { status: 404, params: { id } });
  if (scope === 'all' || inScope(scope, user.unitId) || grants.some((g) => scope.has(g.unitId))) return user;
  throw new AppError('user.not_found', { status: 404, params: { id } });
}

/** Whether the caller may change the person's details (not only their roles inside the scope). */
function mayEdit(scope: Scope, user: UserRecord, grants: GrantRecord[]): boolean {
  if (scope === 'all') return true;
  if (grants.some((g) => g.role === 'admin')) return false;
  return inScope(scope, user.unitId) && grants.every((g) => scope.has(g.unitId));
}

/**
 * 403 unless the caller may grant (or remove) `role` at `unitId`: they manage
 * people there and hold a role that may grant it (only admins grant admin,
 * and admin is held at the root of the tree).
 */
async function assertMayGrant(ctx: ServiceContext, db: Db, role: RoleName, unitId: number, path: string) {
  const unit = (await unitBriefs(db, [unitId])).get(unitId);
  if (!unit)
    throw new AppError('request.invalid', { status: 400, details: [{ path, code: 'user.unit_not_found' }] });
  await requirePermission(ctx, 'users.manage', unitId, db);
  if (role === 'admin') {
    requireAdmin(ctx);
    if (unitId !== (await rootUnitId(db))) {
      throw new AppError('request.invalid', { status: 400, details: [{ path, code: 'user.admin_at_root' }] });
    }
    return;
  }
  if (isAdmin(ctx.actor) || ctx.actor.kind === 'system') return;
  if (ctx.actor.kind !== 'user') throw new AppError('auth.person_required', { status: 403 });
  const ancestry = await unitAncestry(db, unitId);
  const may = ctx.actor.grants.some(
    (g) => ancestry.includes(g.unitId) && grantableRoles(g.role).includes(role),
  );
  if (!may) throw new AppError('user.cannot_grant', { status: 403, params: { role } });
}

async function toViews(db: Db, scope: Scope, users: UserRecord[]): Promise<UserView[]> {
  const grantsOf = await listGrantsOf(
    db,
    users.map((u) => u.id),
  );
  const unitIds = users.flatMap((u) => [
    ...(u.unitId ? [u.unitId] : []),
    ...(grantsOf.get(u.id) ?? []).map((g) => g.unitId),
  ]);
  const briefs = await unitBriefs(db, unitIds);
  return users.map((u) => {
    const grants = grantsOf.get(u.id) ?? [];
    const editable = mayEdit(scope, u, grants);
    const shown = grants.filter((g) => inScope(scope, g.unitId));
    const home = u.unitId ? briefs.get(u.unitId) : undefined;
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      unitId: u.unitId,
      unitName: home?.name ?? null,
      unitPath: home?.path ?? [],
      locale: u.locale,
      isActive: u.isActive,
      hasPassword: u.passwordHash !== null,
      oidcLinked: u.oidcSubject !== null,
      lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
      createdAt: u.createdAt.toISOString(),
      roles: shown.map((g) => ({
        role: g.role,
        unitId: g.unitId,
        unitName: g.unitName,
        unitKind: g.unitKind,
        unitPath: briefs.get(g.unitId)?.path ?? [],
        // only admins touch admin roles
        editable: g.role === 'admin' ? scope === 'all' : true,
      })),
      otherRoles: grants.length - shown.length,
      editable,
    };
  });
}

/** People the caller manages or who hold roles in the caller's subtree, filtered and paged. */
export async function listUsers(ctx: ServiceContext, q: UserListQuery): Promise<UserList> {
  const scope = await manageScope(ctx);
  const { total, items } = await listUserRecords(ctx.db, {
    within: scope === 'all' ? 'all' : [...scope],
    ...(q.q ? { q: q.q } : {}),
    ...(q.role ? { role: q.role } : {}),
    ...(q.unitId !== undefined ? { unitIds: await subtreeIds(ctx.db, [q.unitId]) } : {}),
    ...(q.active ? { active: q.active === 'true' } : {}),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { total, page: q.page, pageSize: q.pageSize, items: await toViews(ctx.db, scope, items) };
}

/** One person, as the caller may see them. */
export async function getUser(ctx: ServiceContext, id: number): Promise<UserView> {
  const scope = await manageScope(ctx);
  const user = assertVisible(scope, await findUserById(ctx.db, id), await listGrants(ctx.db, id), id);
  const [view] = await toViews(ctx.db, scope, [user]);
  return view as UserView;
}

function auditView(u: {
  email: string;
  displayName: string;
  unitId: number | null;
  locale: string;
  isActive: boolean;
}) {
  return {
    email: u.email,
    displayName: u.displayName,
    unitId: u.unitId,
    locale: u.locale,
    isActive: u.isActive,
  };
}

/**
 * Creates an account (no password: the person sets one through the returned
 * one-time link, or signs in through the province's single sign-on).
 */
export async function createUser(ctx: ServiceContext, body: CreateUserBody): Promise<CreatedUser> {
  requireSignedIn(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const scope = await manageScope(ctx, trx);
    if (body.unitId === null) requireAdmin(ctx);
    else await assertMayGrant(ctx, trx, 'viewer', body.unitId, 'body.unitId');
    for (const [i, r] of body.roles.entries())
      await assertMayGrant(ctx, trx, r.role, r.unitId, `body.roles.${i}.unitId`);
    if (await findUserByEmail(trx, body.email)) {
      throw new AppError('user.email_taken', {
        status: 409,
        params: { email: body.email },
        details: [{ path: 'body.email', code: 'user.email_taken', params: { email: body.email } }],
      });
    }
    const now = ctx.now();
    const id = await insertUser(trx, {
      email: body.email,
      displayName: body.displayName,
      unitId: body.unitId,
      locale: body.locale,
      now,
    });
    const createdBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    for (const r of body.roles)
      await addGrant(trx, { userId: id, role: r.role, unitId: r.unitId, createdBy, now });
    const link = await createOneTimeLink(trx, ctx, 'set_password', id);
    await recordAudit(trx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      unitId: body.unitId,
      after: {
        ...auditView({ ...body, isActive: true }),
        roles: body.roles.map((r) => ({ role: r.role, unitId: r.unitId })),
      },
    });
    const user = (await findUserById(trx, id)) as UserRecord;
    const [view] = await toViews(trx, scope, [user]);
    return { user: view as UserView, link: { path: link.path, expiresAt: link.expiresAt.toISOString() } };
  });
}

/** Changes a person's details; deactivating ends their sessions (their tokens stop working too). */
export async function updateUser(ctx: ServiceContext, id: number, body: UpdateUserBody): Promise<UserView> {
  requireSignedIn(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const scope = await manageScope(ctx, trx);
    const grants = await listGrants(trx, id);
    const user = assertVisible(scope, await findUserById(trx, id), grants, id);
    if (!mayEdit(scope, user, grants)) throw new AppError('user.not_editable', { status: 403 });
    if (body.unitId !== undefined && body.unitId !== user.unitId) {
      if (body.unitId === null) requireAdmin(ctx);
      else await assertMayGrant(ctx, trx, 'viewer', body.unitId, 'body.unitId');
    }
    if (body.email && body.email !== user.email) {
      const other = await findUserByEmail(trx, body.email);
      if (other && other.id !== id) {
        throw new AppError('user.email_taken', {
          status: 409,
          params: { email: body.email },
          details: [{ path: 'body.email', code: 'user.email_taken', params: { email: body.email } }],
        });
      }
    }
    if (body.isActive === false && user.isActive) {
      if (ctx.actor.kind === 'user' && ctx.actor.userId === id)
        throw new AppError('user.cannot_deactivate_self', { status: 409 });
      if (grants.some((g) => g.role === 'admin') && (await countActiveAdmins(trx)) <= 1) {
        throw new AppError('user.last_admin', { status: 409 });
      }
    }
    const now = ctx.now();
    await updateUserRecord(trx, id, body, now);
    if (body.isActive === false) await deleteUserSessions(trx, id);
    const after = { ...user, ...body };
    const before = auditView(user);
    const changedAfter = auditView(after);
    await recordAudit(trx, ctx, {
      action:
        body.isActive === false && user.isActive
          ? 'user.deactivate'
          : body.isActive && !user.isActive
            ? 'user.activate'
            : 'user.update',
      entityType: 'user',
      entityId: id,
      unitId: after.unitId,
      before,
      after: changedAfter,
    });
    const [view] = await toViews(trx, scope, [(await findUserById(trx, id)) as UserRecord]);
    return view as UserView;
  });
}

/** Gives a person a role at a unit (idempotent). */
export async function grantRole(ctx: ServiceContext, userId: number, r: RoleAtUnit): Promise<UserView> {
  requireSignedIn(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const scope = await manageScope(ctx, trx);
    const user = assertVisible(scope, await findUserById(trx, userId), await listGrants(trx, userId), userId);
    await assertMayGrant(ctx, trx, r.role, r.unitId, 'body.unitId');
    const added = await addGrant(trx, {
      userId,
      role: r.role,
      unitId: r.unitId,
      createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      now: ctx.now(),
    });
    if (added) {
      await recordAudit(trx, ctx, {
        action: 'user.grant',
        entityType: 'user',
        entityId: userId,
        unitId: r.unitId,
        after: { email: user.email, role: r.role, unitId: r.unitId },
      });
    }
    const [view] = await toViews(trx, scope, [user]);
    return view as UserView;
  });
}

/** Takes a role at a unit away from a person. The last active admin keeps theirs. */
export async function revokeRole(ctx: ServiceContext, userId: number, r: RoleAtUnit): Promise<UserView> {
  requireSignedIn(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const scope = await manageScope(ctx, trx);
    const user = assertVisible(scope, await findUserById(trx, userId), await listGrants(trx, userId), userId);
    await assertMayGrant(ctx, trx, r.role, r.unitId, 'body.unitId');
    if (r.role === 'admin' && user.isActive && (await countActiveAdmins(trx)) <= 1) {
      throw new AppError('user.last_admin', { status: 409 });
    }
    if (!(await removeGrant(trx, userId, r.role, r.unitId))) {
      throw new AppError('user.role_not_held', { status: 404, params: { role: r.role } });
    }
    await recordAudit(trx, ctx, {
      action: 'user.revoke',
      entityType: 'user',
      entityId: userId,
      unitId: r.unitId,
      before: { email: user.email, role: r.role, unitId: r.unitId },
    });
    const [view] = await toViews(trx, scope, [user]);
    return view as UserView;
  });
}

/**
 * A new one-time link for the person to set a password (their earlier link
 * stops working). Shown once to the caller, who passes it on.
 */
export async function issuePasswordLink(ctx: ServiceContext, userId: number): Promise<PasswordLink> {
  requireSignedIn(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const scope = await manageScope(ctx, trx);
    const grants = await listGrants(trx, userId);
    const user = assertVisible(scope, await findUserById(trx, userId), grants, userId);
    if (!mayEdit(scope, user, grants)) throw new AppError('user.not_editable', { status: 403 });
    if (!user.isActive) throw new AppError('user.inactive', { status: 409 });
    const link = await createOneTimeLink(trx, ctx, 'set_password', userId);
    await recordAudit(trx, ctx, {
      action: 'user.password_link',
      entityType: 'user',
      entityId: userId,
      unitId: user.unitId,
      after: { expiresAt: link.expiresAt.toISOString() },
    });
    return { path: link.path, expiresAt: link.expiresAt.toISOString() };
  });
}

/**
 * Units the caller may pick: where they manage people (`users`) or where they
 * may place an API token (`tokens`: anywhere under one of their roles).
 */
export async function searchAssignableUnits(
  ctx: ServiceContext,
  q: string,
  purpose: 'users' | 'tokens',
): Promise<UnitBriefView[]> {
  requireSignedIn(ctx);
  const scope = await permittedUnitIds(ctx, purpose === 'users' ? 'users.manage' : 'tokens.create');
  if (scope !== 'all' && scope.size === 0) throw new AppError('auth.forbidden', { status: 403 });
  const units = await searchUnitsWithin(ctx.db, {
    within: scope === 'all' ? 'all' : [...scope],
    q: foldVietnamese(q),
    limit: 30,
  });
  return units.map(({ parentId: _p, ...u }) => u);
}

/** A set-password link for the account of an e-mail address (operators, on the server). */
export async function passwordLinkForEmail(ctx: ServiceContext, email: string): Promise<PasswordLink> {
  if (ctx.actor.kind !== 'system') throw new AppError('auth.forbidden', { status: 403 });
  const user = await findUserByEmail(ctx.db, email.trim().toLowerCase());
  if (!user) throw new AppError('user.not_found', { status: 404, params: { id: email } });
  return issuePasswordLink(ctx, user.id);
}
