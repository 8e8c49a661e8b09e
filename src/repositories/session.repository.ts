/**
 * Server-side sessions (the id is the SHA-256 of the cookie's token, never
 * the token) and the OpenID Connect sign-ins in flight.
 */
import type { Db } from './db';

export interface SessionRecord {
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
  authMethod: 'password' | 'oidc' | 'set_password';
}

const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

export async function insertSession(db: Db, s: Omit<SessionRecord, 'lastSeenAt'>): Promise<void> {
  await db
    .insertInto('userSession')
    .values({
      id: s.id,
      userId: s.userId,
      csrfToken: s.csrfToken,
      createdAt: s.createdAt,
      lastSeenAt: s.createdAt,
      expiresAt: s.expiresAt,
      ip: s.ip,
      userAgent: s.userAgent,
      authMethod: s.authMethod,
    })
    .execute();
}

export async function findSession(db: Db, id: string): Promise<SessionRecord | undefined> {
  const r = await db.selectFrom('userSession').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    r && {
      ...r,
      createdAt: toDate(r.createdAt),
      lastSeenAt: toDate(r.lastSeenAt),
      expiresAt: toDate(r.expiresAt),
    }
  );
}

export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('userSession').set({ lastSeenAt: now }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('userSession').where('id', '=', id).execute();
}

/** Ends a person's sessions, but the one given; returns how many ended. */
export async function deleteUserSessions(db: Db, userId: number, exceptId?: string): Promise<number> {
  let q = db.deleteFrom('userSession').where('userId', '=', userId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function listUserSessions(db: Db, userId: number): Promise<SessionRecord[]> {
  const rows = await db
    .selectFrom('userSession')
    .selectAll()
    .where('userId', '=', userId)
    .orderBy('lastSeenAt', 'desc')
    .execute();
  return rows.map((r) => ({
    ...r,
    createdAt: toDate(r.createdAt),
    lastSeenAt: toDate(r.lastSeenAt),
    expiresAt: toDate(r.expiresAt),
  }));
}

/** Removes sessions past their absolute expiry or idle too long, and stale OIDC sign-ins. */
export async function deleteExpiredSessions(db: Db, now: Date, idleMs: number): Promise<number> {
  const r = await db
    .deleteFrom('userSession')
    .where((eb) =>
      eb.or([eb('expiresAt', '<=', now), eb('lastSeenAt', '<=', new Date(now.getTime() - idleMs))]),
    )
    .executeTakeFirst();
  await db.deleteFrom('oidcRequest').where('expiresAt', '<=', now).execute();
  return Number(r.numDeletedRows);
}

// OpenID Connect sign-ins in flight

export interface OidcRequestRecord {
  stateHash: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: Date;
}

export async function insertOidcRequest(db: Db, r: OidcRequestRecord & { now: Date }): Promise<void> {
  await db
    .insertInto('oidcRequest')
    .values({
      stateHash: r.stateHash,
      nonce: r.nonce,
      codeVerifier: r.codeVerifier,
      returnTo: r.returnTo,
      createdAt: r.now,
      expiresAt: r.expiresAt,
    })
    .execute();
}

/** Removes and returns the sign-in of this state: a state can be used once. */
export async function takeOidcRequest(db: Db, stateHash: string): Promise<OidcRequestRecord | undefined> {
  const r = await db
    .deleteFrom('oidcRequest')
    .where('stateHash', '=', stateHash)
    .returning(['stateHash', 'nonce', 'codeVerifier', 'returnTo', 'expiresAt'])
    .executeTakeFirst();
  return r && { ...r, expiresAt: toDate(r.expiresAt) };
}
