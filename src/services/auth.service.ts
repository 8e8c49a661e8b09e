/**
 * Signing in and out: password sign-in with backoff, server-side sessions,
 * API tokens presented as bearers, changing a password, one-time links (the
 * first admin, set-password) and the current user.
 */
import type {
  ChangePasswordBody,
  CurrentUser,
  FirstAdminBody,
  LinkInfo,
  SessionView,
} from '../contracts/auth';
import type { Actor, RoleGrant } from '../domain/auth/actor';
import { actions, roleIncludes, rolesFor } from '../domain/auth/permissions';
import {
  oneTimeTokenTtlMs,
  retryAfterMs,
  sessionExpired,
  sessionPolicy,
  signInThrottle,
} from '../domain/auth/policy';
import { isAdmin } from '../domain/auth/scope';
import { AppError } from '../domain/errors';
import { findApiTokenByHash, touchApiToken } from '../repositories/api-token.repository';
import { type Db, inTransaction } from '../repositories/db';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSession,
  insertSession,
  listUserSessions,
  type SessionRecord,
  touchSession,
} from '../repositories/session.repository';
import {
  accountFailures,
  addressFailures,
  deleteSignInAttemptsBefore,
  recordSignInAttempt,
} from '../repositories/sign-in.repository';
import { rootUnitId, unitAncestry, unitBriefs } from '../repositories/unit-scope.repository';
import {
  addGrant,
  countActiveAdmins,
  expireOneTimeTokens,
  findOneTimeTokenForUpdate,
  findUserByEmail,
  findUserById,
  insertOneTimeToken,
  insertUser,
  listGrants,
  markOneTimeTokenUsed,
  type UserRecord,
  updateUser,
} from '../repositories/user.repository';
import { recordAudit } from './audit';
import {
  apiTokenPrefix,
  checkPassword,
  hashPassword,
  newSecret,
  secretsEqual,
  sha256Hex,
} from './auth-secrets';
import { requirePerson } from './authorize';
import type { ServiceContext } from './context';

/** What the HTTP layer puts in the cookies after a sign-in. */
export interface OpenedSession {
  /** The secret of the `nhipso_session` cookie (the database keeps its SHA-256). */
  token: string;
  /** The value of the `nhipso_csrf` cookie, echoed in `X-CSRF-Token`. */
  csrfToken: string;
  expiresAt: Date;
  userId: number;
}

/** The actor of a valid session, with what the CSRF check needs. */
export interface ResolvedSession {
  actor: Extract<Actor, { kind: 'user' }>;
  sessionId: string;
  csrfToken: string;
}

/** How a person appears in the audit trail. */
export function personLabel(u: { displayName: string; email: string }): string {
  return `${u.displayName} <${u.email}>`;
}

/** The actor of a person acting for themselves (signing in, setting a password) before a session exists. */
export function userActor(u: UserRecord, grants: RoleGrant[]): Extract<Actor, { kind: 'user' }> {
  return {
    kind: 'user',
    userId: u.id,
    label: personLabel(u),
    grants: grants.map((g) => ({ role: g.role, unitId: g.unitId })),
  };
}

/** Opens a session for a person inside the caller's transaction. */
async function openSession(
  trx: Db,
  ctx: ServiceContext,
  userId: number,
  authMethod: SessionRecord['authMethod'],
  userAgent: string | null,
): Promise<OpenedSession> {
  const token = newSecret();
  const csrfToken = newSecret();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + sessionPolicy.absoluteMs);
  await insertSession(trx, {
    id: sha256Hex(token),
    userId,
    csrfToken,
    createdAt: now,
    expiresAt,
    ip: ctx.ip ?? null,
    userAgent: userAgent?.slice(0, 400) ?? null,
    authMethod,
  });
  await updateUser(trx, userId, { lastSignInAt: now }, now);
  return { token, csrfToken, expiresAt, userId };
}

/**
 * The person behind a session cookie, or null when the session is unknown,
 * expired (idle or too old) or the account was deactivated.
 */
export async function resolveSession(db: Db, token: string, now: Date): Promise<ResolvedSession | null> {
  if (token.length < 20 || token.length > 200) return null;
  const id = sha256Hex(token);
  const session = await findSession(db, id);
  if (!session) return null;
  const user = await findUserById(db, session.userId);
  if (!user?.isActive || sessionExpired(session, now)) {
    await deleteSession(db, id);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= sessionPolicy.touchEveryMs)
    await touchSession(db, id, now);
  const grants = await listGrants(db, user.id);
  return { actor: userActor(user, grants), sessionId: id, csrfToken: session.csrfToken };
}

/**
 * The actor of an API token presented as `Authorization: Bearer nhs_…`.
 * A token acts for the person who made it: it stops working when that person
 * is deactivated or no longer holds a role that includes the token's role.
 */
export async function resolveApiToken(
  db: Db,
  token: string,
  now: Date,
): Promise<Extract<Actor, { kind: 'token' }>> {
  const invalid = () => new AppError('auth.token_invalid', { status: 401 });
  if (!token.startsWith(apiTokenPrefix) || token.length > 200) throw invalid();
  const rec = await findApiTokenByHash(db, sha256Hex(token));
  if (!rec || rec.revokedAt || !rec.creatorActive) throw invalid();
  if (rec.expiresAt && rec.expiresAt.getTime() <= now.getTime()) throw invalid();
  const creatorGrants = await listGrants(db, rec.createdBy);
  const ancestry = await unitAncestry(db, rec.unitId);
  const stillCovered = creatorGrants.some(
    (g) => ancestry.includes(g.unitId) && (g.role === 'admin' || roleIncludes(g.role, rec.role)),
  );
  if (!stillCovered) throw invalid();
  if (!rec.lastUsedAt || now.getTime() - rec.lastUsedAt.getTime() >= 60_000)
    await touchApiToken(db, rec.id, now);
  return {
    kind: 'token',
    tokenId: rec.id,
    userId: rec.createdBy,
    label: `API token "${rec.name}" (${rec.prefix}…) — ${rec.createdByName} <${rec.createdByEmail}>`,
    grants: [{ role: rec.role, unitId: rec.unitId }],
  };
}

/** Throws 429 with the wait in seconds when this account or address must slow down. */
async function enforceThrottle(ctx: ServiceContext, email: string, ip: string): Promise<void> {
  const now = ctx.now();
  const [account, address] = await Promise.all([
    accountFailures(ctx.db, email, new Date(now.getTime() - signInThrottle.account.windowMs)),
    addressFailures(ctx.db, ip, new Date(now.getTime() - signInThrottle.address.windowMs)),
  ]);
  const waitMs = Math.max(
    retryAfterMs(account, signInThrottle.account, now),
    retryAfterMs(address, signInThrottle.address, now),
  );
  if (waitMs > 0) {
    throw new AppError('auth.too_many_attempts', {
      status: 429,
      params: { seconds: Math.ceil(waitMs / 1000) },
    });
  }
}

/**
 * Signs in with e-mail and password. Wrong passwords are remembered per
 * account and per address; after a few in a row the next attempt must wait
 * (429 with the seconds to wait), doubling with each further failure.
 */
export async function signInWithPassword(
  ctx: ServiceContext,
  input: { email: string; password: string; userAgent: string | null },
): Promise<OpenedSession> {
  const email = input.email.trim().toLowerCase();
  const ip = ctx.ip ?? 'unknown';
  await enforceThrottle(ctx, email, ip);
  const user = await findUserByEmail(ctx.db, email);
  const ok = await checkPassword(user?.passwordHash, input.password);
  if (!ok || !user) {
    await recordSignInAttempt(ctx.db, { email, ip, succeeded: false, at: ctx.now() });
    throw new AppError('auth.invalid_credentials', { status: 401 });
  }
  if (!user.isActive) {
    await recordSignInAttempt(ctx.db, { email, ip, succeeded: false, at: ctx.now() });
    throw new AppError('auth.account_disabled', { status: 403 });
  }
  // a sign-in is a good moment to forget what no longer matters (no job runner needed)
  await purgeExpiredAuthState(ctx);
  return inTransaction(ctx.db, async (trx) => {
    await recordSignInAttempt(trx, { email, ip, succeeded: true, at: ctx.now() });
    const session = await openSession(trx, ctx, user.id, 'password', input.userAgent);
    await recordAudit(
      trx,
      { ...ctx, actor: userActor(user, []) },
      {
        action: 'auth.sign_in',
        entityType: 'user',
        entityId: user.id,
        unitId: user.unitId,
        after: { method: 'password' },
      },
    );
    return session;
  });
}

/**
 * Signs a person in after another proof of identity (OpenID Connect): opens
 * the session and records it. The caller has matched the person already.
 */
export async function signInVerifiedUser(
  ctx: ServiceContext,
  user: UserRecord,
  method: 'oidc',
  userAgent: string | null,
  detail: Record<string, unknown>,
): Promise<OpenedSession> {
  if (!user.isActive) throw new AppError('auth.account_disabled', { status: 403 });
  return inTransaction(ctx.db, async (trx) => {
    const session = await openSession(trx, ctx, user.id, method, userAgent);
    await recordAudit(
      trx,
      { ...ctx, actor: userActor(user, []) },
      {
        action: 'auth.sign_in',
        entityType: 'user',
        entityId: user.id,
        unitId: user.unitId,
        after: { method, ...detail },
      },
    );
    return session;
  });
}

/** Ends the session of this cookie (if any). */
export async function signOut(ctx: ServiceContext, sessionToken: string | undefined): Promise<void> {
  if (!sessionToken) return;
  const id = sha256Hex(sessionToken);
  await inTransaction(ctx.db, async (trx) => {
    const session = await findSession(trx, id);
    if (!session) return;
    await deleteSession(trx, id);
    await recordAudit(trx, ctx, {
      action: 'auth.sign_out',
      entityType: 'user',
      entityId: session.userId,
    });
  });
}

/**
 * Changes one's own password: the current one is required, and every other
 * session of the person ends (a stolen session dies with the old password).
 */
export async function changePassword(
  ctx: ServiceContext,
  input: ChangePasswordBody,
  currentSessionId: string | null,
): Promise<{ endedSessions: number }> {
  const userId = requirePerson(ctx);
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new AppError('auth.required', { status: 401 });
  if (!user.passwordHash) throw new AppError('auth.password_not_set', { status: 409 });
  const ip = ctx.ip ?? 'unknown';
  await enforceThrottle(ctx, user.email, ip);
  if (!(await checkPassword(user.passwordHash, input.currentPassword))) {
    await recordSignInAttempt(ctx.db, { email: user.email, ip, succeeded: false, at: ctx.now() });
    throw new AppError('auth.wrong_password', {
      status: 400,
      details: [{ path: 'body.currentPassword', code: 'auth.wrong_password' }],
    });
  }
  assertPasswordAcceptable(input.newPassword, user.email, 'body.newPassword');
  if (input.newPassword === input.currentPassword) {
    throw new AppError('request.invalid', {
      status: 400,
      details: [{ path: 'body.newPassword', code: 'auth.password_unchanged' }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(ctx.db, async (trx) => {
    const now = ctx.now();
    await updateUser(trx, userId, { passwordHash, passwordChangedAt: now }, now);
    const ended = await deleteUserSessions(trx, userId, currentSessionId ?? undefined);
    await expireOneTimeTokens(trx, 'set_password', userId, now);
    await recordAudit(trx, ctx, {
      action: 'user.password_change',
      entityType: 'user',
      entityId: userId,
      unitId: user.unitId,
      after: { endedSessions: ended },
    });
    return { endedSessions: ended };
  });
}

/** Refuses passwords that are the e-mail address or one character repeated. */
function assertPasswordAcceptable(password: string, email: string, path: string): void {
  const lower = password.toLowerCase();
  if (
    lower === email.toLowerCase() ||
    lower === email.split('@')[0]?.toLowerCase() ||
    /^(.)\1*$/.test(password)
  ) {
    throw new AppError('request.invalid', { status: 400, details: [{ path, code: 'auth.password_weak' }] });
  }
}

/** One's own sessions, the current one marked. */
export async function listMySessions(
  ctx: ServiceContext,
  currentSessionId: string | null,
): Promise<SessionView[]> {
  const userId = requirePerson(ctx);
  const sessions = await listUserSessions(ctx.db, userId);
  const now = ctx.now();
  return sessions
    .filter((s) => !sessionExpired(s, now))
    .map((s) => ({
      ref: s.id.slice(0, 8),
      current: s.id === currentSessionId,
      authMethod: s.authMethod,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
    }));
}

/** Ends every session of the caller but the current one. */
export async function signOutOtherSessions(
  ctx: ServiceContext,
  currentSessionId: string | null,
): Promise<number> {
  const userId = requirePerson(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const ended = await deleteUserSessions(trx, userId, currentSessionId ?? undefined);
    await recordAudit(trx, ctx, {
      action: 'auth.sign_out_others',
      entityType: 'user',
      entityId: userId,
      after: { endedSessions: ended },
    });
    return ended;
  });
}

/** The signed-in person with roles and the actions they may do somewhere; null when anonymous. */
export async function getCurrentUser(ctx: ServiceContext): Promise<CurrentUser | null> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' && actor.kind !== 'token') return null;
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) return null;
  const briefs = await unitBriefs(ctx.db, [
    ...actor.grants.map((g) => g.unitId),
    ...(user.unitId ? [user.unitId] : []),
  ]);
  const grants = actor.grants.map((g) => {
    const u = briefs.get(g.unitId);
    return {
      role: g.role,
      unitId: g.unitId,
      unitName: u?.name ?? '',
      unitKind: u?.kind ?? '',
      unitPath: u?.path ?? [],
    };
  });
  const held = new Set(actor.grants.map((g) => g.role));
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    unitId: user.unitId,
    unitName: user.unitId ? (briefs.get(user.unitId)?.name ?? null) : null,
    grants,
    actions: actions.filter((a) => isAdmin(actor) || rolesFor(a).some((r) => held.has(r))),
    via: actor.kind === 'token' ? 'token' : 'session',
    hasPassword: user.passwordHash !== null,
    oidcLinked: user.oidcSubject !== null,
  };
}

// one-time links

/** A new one-time link for a purpose; returns the secret (only its hash is stored). */
export async function createOneTimeLink(
  trx: Db,
  ctx: ServiceContext,
  purpose: 'bootstrap' | 'set_password',
  userId: number | null,
): Promise<{ token: string; path: string; expiresAt: Date }> {
  const now = ctx.now();
  // a person has one live set-password link; bootstrap links may coexist (each start prints one)
  if (purpose === 'set_password') await expireOneTimeTokens(trx, purpose, userId, now);
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + oneTimeTokenTtlMs[purpose]);
  await insertOneTimeToken(trx, { tokenHash: sha256Hex(token), purpose, userId, now, expiresAt });
  // the secret travels in the fragment: browsers never send it to a server or a log
  const path = purpose === 'bootstrap' ? `/setup#token=${token}` : `/set-password#token=${token}`;
  return { token, path, expiresAt };
}

/**
 * On a database with no active administrator, a fresh link to create the
 * first one; otherwise nothing. Links of earlier starts stay valid until one
 * is used or they expire.
 */
export async function ensureFirstAdminLink(
  ctx: ServiceContext,
): Promise<{ path: string; expiresAt: Date } | null> {
  return inTransaction(ctx.db, async (trx) => {
    if ((await countActiveAdmins(trx)) > 0) return null;
    const link = await createOneTimeLink(trx, ctx, 'bootstrap', null);
    await recordAudit(trx, ctx, {
      action: 'auth.first_admin_link',
      entityType: 'one_time_token',
      after: { expiresAt: link.expiresAt.toISOString() },
    });
    return link;
  });
}

/**
 * A link to create an administrator, made by an operator on the server
 * (`nhipso users create-admin-link`), also when administrators exist.
 */
export async function createAdminLink(ctx: ServiceContext): Promise<{ path: string; expiresAt: Date }> {
  if (ctx.actor.kind !== 'system') throw new AppError('auth.forbidden', { status: 403 });
  return inTransaction(ctx.db, async (trx) => {
    const link = await createOneTimeLink(trx, ctx, 'bootstrap', null);
    await recordAudit(trx, ctx, {
      action: 'auth.admin_link',
      entityType: 'one_time_token',
      after: { expiresAt: link.expiresAt.toISOString() },
    });
    return link;
  });
}

async function loadLink(trx: Db, token: string) {
  return findOneTimeTokenForUpdate(trx, sha256Hex(token));
}

/** What a one-time link is for and whether it can still be used (for the page that opens it). */
export async function inspectLink(ctx: ServiceContext, token: string): Promise<LinkInfo> {
  return inTransaction(ctx.db, async (trx) => {
    const link = await loadLink(trx, token);
    if (!link) {
      return {
        purpose: 'set_password',
        valid: false,
        problem: 'unknown',
        email: null,
        displayName: null,
        expiresAt: null,
      };
    }
    const user = link.userId ? await findUserById(trx, link.userId) : undefined;
    const problem = link.usedAt
      ? 'used'
      : link.expiresAt.getTime() <= ctx.now().getTime()
        ? 'expired'
        : user && !user.isActive
          ? 'inactive'
          : null;
    return {
      purpose: link.purpose,
      valid: problem === null,
      problem,
      email: user?.email ?? null,
      displayName: user?.displayName ?? null,
      expiresAt: link.expiresAt.toISOString(),
    };
  });
}

function linkUnusable(
  link: { usedAt: Date | null; expiresAt: Date } | undefined,
  now: Date,
): AppError | null {
  if (!link) return new AppError('auth.link_invalid', { status: 400 });
  if (link.usedAt) return new AppError('auth.link_used', { status: 409 });
  if (link.expiresAt.getTime() <= now.getTime()) return new AppError('auth.link_expired', { status: 400 });
  return null;
}

/**
 * Sets a password through a one-time link and signs the person in. Every
 * other session of the person ends.
 */
export async function setPasswordWithLink(
  ctx: ServiceContext,
  input: { token: string; password: string; userAgent: string | null },
): Promise<OpenedSession> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx.db, async (trx) => {
    const link = await loadLink(trx, input.token);
    const problem = linkUnusable(link, ctx.now());
    if (problem || !link) throw problem;
    if (link.purpose !== 'set_password' || !link.userId)
      throw new AppError('auth.link_invalid', { status: 400 });
    const user = await findUserById(trx, link.userId);
    if (!user?.isActive) throw new AppError('auth.account_disabled', { status: 403 });
    assertPasswordAcceptable(input.password, user.email, 'body.password');
    const now = ctx.now();
    await markOneTimeTokenUsed(trx, link.tokenHash, now);
    await updateUser(trx, user.id, { passwordHash, passwordChangedAt: now }, now);
    await deleteUserSessions(trx, user.id);
    const actorCtx = { ...ctx, actor: userActor(user, []) };
    await recordAudit(trx, actorCtx, {
      action: 'user.password_set',
      entityType: 'user',
      entityId: user.id,
      unitId: user.unitId,
      after: { via: 'one_time_link' },
    });
    return openSession(trx, actorCtx, user.id, 'set_password', input.userAgent);
  });
}

/**
 * Creates an administrator through a bootstrap link (the first admin, or one
 * an operator made a link for) and signs them in. Admins hold their role at
 * the root of the unit tree.
 */
export async function createAdminWithLink(
  ctx: ServiceContext,
  input: FirstAdminBody & { userAgent: string | null },
): Promise<OpenedSession> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx.db, async (trx) => {
    const link = await loadLink(trx, input.token);
    const problem = linkUnusable(link, ctx.now());
    if (problem || !link) throw problem;
    if (link.purpose !== 'bootstrap') throw new AppError('auth.link_invalid', { status: 400 });
    assertPasswordAcceptable(input.password, input.email, 'body.password');
    const root = await rootUnitId(trx);
    if (root === null) throw new AppError('auth.no_unit_tree', { status: 409 });
    const now = ctx.now();
    let user = await findUserByEmail(trx, input.email);
    if (user) {
      // an operator's link may promote an existing account; it also resets its password
      await updateUser(
        trx,
        user.id,
        { passwordHash, passwordChangedAt: now, isActive: true, displayName: input.displayName },
        now,
      );
    } else {
      const id = await insertUser(trx, {
        email: input.email,
        displayName: input.displayName,
        unitId: null,
        passwordHash,
        now,
      });
      user = await findUserById(trx, id);
    }
    if (!user) throw new Error('user vanished');
    await addGrant(trx, { userId: user.id, role: 'admin', unitId: root, createdBy: null, now });
    await markOneTimeTokenUsed(trx, link.tokenHash, now);
    // the other links printed at earlier starts must not make more admins
    await expireOneTimeTokens(trx, 'bootstrap', null, now);
    await deleteUserSessions(trx, user.id);
    const actorCtx = { ...ctx, actor: userActor({ ...user, displayName: input.displayName }, []) };
    await recordAudit(trx, actorCtx, {
      action: 'user.create_admin',
      entityType: 'user',
      entityId: user.id,
      unitId: root,
      after: { email: user.email, displayName: input.displayName, role: 'admin', unitId: root },
    });
    return openSession(trx, actorCtx, user.id, 'set_password', input.userAgent);
  });
}

/** Whether a first administrator is still missing (the sign-in page says where the link is). */
export async function needsFirstAdmin(ctx: ServiceContext): Promise<boolean> {
  return (await countActiveAdmins(ctx.db)) === 0;
}

/** Forgets ended sessions, finished OIDC sign-ins and sign-in attempts older than a day. */
export async function purgeExpiredAuthState(ctx: ServiceContext): Promise<void> {
  const now = ctx.now();
  await deleteExpiredSessions(ctx.db, now, sessionPolicy.idleMs);
  await deleteSignInAttemptsBefore(ctx.db, new Date(now.getTime() - 24 * 3600_000));
}

/** A session id from its cookie secret (to mark "this session" in lists). */
export function sessionIdOf(token: string | undefined): string | null {
  return token ? sha256Hex(token) : null;
}

/** Constant-time check of the CSRF header against the session's token. */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  return !!given && secretsEqual(expected, given);
}

/**
 * The accounts step of every start: forgets ended sessions and old attempts,
 * and on a database without an administrator returns the line with a
 * one-time link to create the first one (`{publicUrl}` is replaced by the
 * server's address when printed).
 */
export async function accountsAtStart(ctx: ServiceContext): Promise<string | undefined> {
  await purgeExpiredAuthState(ctx);
  const link = await ensureFirstAdminLink(ctx);
  if (!link) return undefined;
  return [
    'Chưa có quản trị viên. Mở liên kết dùng một lần sau (hiệu lực 24 giờ) để tạo tài khoản quản trị đầu tiên:',
    'No administrator yet. Open this one-time link (valid for 24 hours) to create the first administrator account:',
    `  {publicUrl}${link.path}`,
  ].join('\n');
}
