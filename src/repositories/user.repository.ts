/**
 * People, their roles at units, and one-time links (first admin, set password).
 */
import { sql } from 'kysely';
import type { RoleGrant, RoleName } from '../domain/auth/actor';
import { foldVietnamese } from '../domain/text';
import type { Db } from './db';

// lower-case Vietnamese letters with diacritics and what they fold to, for SQL translate()
const foldFrom = 'áàảãạăắằẳẵặâấầẩẫậđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵ';
const foldTo = [...foldFrom].map((ch) => foldVietnamese(ch)).join('');

export interface UserRecord {
  id: number;
  email: string;
  displayName: string;
  passwordHash: string | null;
  oidcIssuer: string | null;
  oidcSubject: string | null;
  locale: 'vi' | 'en';
  isActive: boolean;
  unitId: number | null;
  lastSignInAt: Date | null;
  passwordChangedAt: Date | null;
  createdAt: Date;
}

/** A role held at a unit, with the unit's name for display. */
export interface GrantRecord extends RoleGrant {
  id: number;
  unitName: string;
  unitKind: string;
  createdAt: Date;
}

const toDate = (v: Date | string | null): Date | null =>
  v === null ? null : v instanceof Date ? v : new Date(v);

function toUser(r: {
  id: number;
  email: string;
  displayName: string;
  passwordHash: string | null;
  oidcIssuer: string | null;
  oidcSubject: string | null;
  locale: 'vi' | 'en';
  isActive: boolean;
  unitId: number | null;
  lastSignInAt: Date | string | null;
  passwordChangedAt: Date | string | null;
  createdAt: Date;
}): UserRecord {
  return {
    ...r,
    lastSignInAt: toDate(r.lastSignInAt),
    passwordChangedAt: toDate(r.passwordChangedAt),
    createdAt: toDate(r.createdAt) as Date,
  };
}

const userColumns = [
  'id',
  'email',
  'displayName',
  'passwordHash',
  'oidcIssuer',
  'oidcSubject',
  'locale',
  'isActive',
  'unitId',
  'lastSignInAt',
  'passwordChangedAt',
  'createdAt',
] as const;

export async function findUserById(db: Db, id: number): Promise<UserRecord | undefined> {
  const r = await db.selectFrom('appUser').select(userColumns).where('id', '=', id).executeTakeFirst();
  return r && toUser(r);
}

/** By e-mail address (stored in lower case). */
export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | undefined> {
  const r = await db
    .selectFrom('appUser')
    .select(userColumns)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return r && toUser(r);
}

/** By the identity an OpenID Connect provider vouches for. */
export async function findUserByOidc(
  db: Db,
  issuer: string,
  subject: string,
): Promise<UserRecord | undefined> {
  const r = await db
    .selectFrom('appUser')
    .select(userColumns)
    .where('oidcIssuer', '=', issuer)
    .where('oidcSubject', '=', subject)
    .executeTakeFirst();
  return r && toUser(r);
}

export interface NewUser {
  email: string;
  displayName: string;
  unitId: number | null;
  passwordHash?: string | null;
  locale?: 'vi' | 'en';
  oidcIssuer?: string | null;
  oidcSubject?: string | null;
  now: Date;
}

export async function insertUser(db: Db, u: NewUser): Promise<number> {
  const r = await db
    .insertInto('appUser')
    .values({
      email: u.email.toLowerCase(),
      displayName: u.displayName,
      unitId: u.unitId,
      passwordHash: u.passwordHash ?? null,
      passwordChangedAt: u.passwordHash ? u.now : null,
      locale: u.locale ?? 'vi',
      oidcIssuer: u.oidcIssuer ?? null,
      oidcSubject: u.oidcSubject ?? null,
      createdAt: u.now,
      updatedAt: u.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export interface UserPatch {
  email?: string;
  displayName?: string;
  unitId?: number | null;
  passwordHash?: string | null;
  passwordChangedAt?: Date;
  locale?: 'vi' | 'en';
  isActive?: boolean;
  oidcIssuer?: string | null;
  oidcSubject?: string | null;
  lastSignInAt?: Date;
}

export async function updateUser(db: Db, id: number, patch: UserPatch, now: Date): Promise<void> {
  await db
    .updateTable('appUser')
    .set({ ...patch, ...(patch.email ? { email: patch.email.toLowerCase() } : {}), updatedAt: now })
    .where('id', '=', id)
    .execute();
}

/** The roles a person holds, with unit names, admin first. */
export async function listGrants(db: Db, userId: number): Promise<GrantRecord[]> {
  const rows = await db
    .selectFrom('roleAssignment as r')
    .innerJoin('unit as u', 'u.id', 'r.unitId')
    .select(['r.id', 'r.role', 'r.unitId', 'r.createdAt', 'u.name as unitName', 'u.kind as unitKind'])
    .where('r.userId', '=', userId)
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ ...r, createdAt: toDate(r.createdAt) as Date }));
}

/** Grants of many people at once (for lists). */
export async function listGrantsOf(db: Db, userIds: number[]): Promise<Map<number, GrantRecord[]>> {
  const out = new Map<number, GrantRecord[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('roleAssignment as r')
    .innerJoin('unit as u', 'u.id', 'r.unitId')
    .select([
      'r.id',
      'r.userId',
      'r.role',
      'r.unitId',
      'r.createdAt',
      'u.name as unitName',
      'u.kind as unitKind',
    ])
    .where('r.userId', 'in', userIds)
    .orderBy('r.id')
    .execute();
  for (const { userId, ...g } of rows) {
    const list = out.get(userId) ?? [];
    list.push({ ...g, createdAt: toDate(g.createdAt) as Date });
    out.set(userId, list);
  }
  return out;
}

/** Adds a role at a unit; returns false when the person already holds it there. */
export async function addGrant(
  db: Db,
  g: { userId: number; role: RoleName; unitId: number; createdBy: number | null; now: Date },
): Promise<boolean> {
  const r = await db
    .insertInto('roleAssignment')
    .values({ userId: g.userId, role: g.role, unitId: g.unitId, createdBy: g.createdBy, createdAt: g.now })
    .onConflict((oc) => oc.columns(['userId', 'role', 'unitId']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Removes a role at a unit; returns false when it was not held. */
export async function removeGrant(db: Db, userId: number, role: RoleName, unitId: number): Promise<boolean> {
  const r = await db
    .deleteFrom('roleAssignment')
    .where('userId', '=', userId)
    .where('role', '=', role)
    .where('unitId', '=', unitId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Active people holding admin. */
export async function countActiveAdmins(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(DISTINCT u.id)::int AS n FROM app_user u
    JOIN role_assignment r ON r.user_id = u.id AND r.role = 'admin'
    WHERE u.is_active`.execute(db);
  return r.rows[0]?.n ?? 0;
}

export interface UserListFilter {
  /** Units whose people and roles the caller may see; 'all' for admins. */
  within: 'all' | number[];
  /** Text matched against name and e-mail, without regard to diacritics or case. */
  q?: string;
  role?: RoleName;
  /** Only people who work at or hold a role at one of these units. */
  unitIds?: number[];
  active?: boolean;
  limit: number;
  offset: number;
}

/**
 * People whose unit lies in `within` or who hold a role there, newest first,
 * with the total for paging.
 */
export async function listUsers(db: Db, f: UserListFilter): Promise<{ total: number; items: UserRecord[] }> {
  let q = db.selectFrom('appUser as a');
  const inUnits = (ids: number[]) =>
    q.where((eb) =>
      eb.or([
        eb('a.unitId', 'in', ids),
        eb.exists(
          eb
            .selectFrom('roleAssignment as r')
            .select(sql`1`.as('one'))
            .whereRef('r.userId', '=', 'a.id')
            .where('r.unitId', 'in', ids),
        ),
      ]),
    );
  if (f.within !== 'all') {
    if (f.within.length === 0) return { total: 0, items: [] };
    q = inUnits(f.within);
  }
  if (f.unitIds) {
    if (f.unitIds.length === 0) return { total: 0, items: [] };
    q = inUnits(f.unitIds);
  }
  if (f.q) {
    const like = `%${foldVietnamese(f.q).replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(a.email)`, 'like', like),
        eb(sql`translate(lower(a.display_name), ${foldFrom}, ${foldTo})`, 'like', like),
      ]),
    );
  }
  if (f.role) {
    const role = f.role;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('roleAssignment as r2')
          .select(sql`1`.as('one'))
          .whereRef('r2.userId', '=', 'a.id')
          .where('r2.role', '=', role),
      ),
    );
  }
  if (f.active !== undefined) q = q.where('a.isActive', '=', f.active);
  const total = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(userColumns.map((c) => `a.${c}` as const))
    .orderBy('a.displayName')
    .orderBy('a.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total.n), items: rows.map(toUser) };
}

// one-time links

export interface OneTimeTokenRecord {
  tokenHash: string;
  purpose: 'bootstrap' | 'set_password';
  userId: number | null;
  expiresAt: Date;
  usedAt: Date | null;
}

export async function insertOneTimeToken(
  db: Db,
  t: {
    tokenHash: string;
    purpose: 'bootstrap' | 'set_password';
    userId: number | null;
    now: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('oneTimeToken')
    .values({
      tokenHash: t.tokenHash,
      purpose: t.purpose,
      userId: t.userId,
      createdAt: t.now,
      expiresAt: t.expiresAt,
    })
    .execute();
}

/** Locks and returns a one-time token (so that two tabs cannot use it twice). */
export async function findOneTimeTokenForUpdate(
  db: Db,
  tokenHash: string,
): Promise<OneTimeTokenRecord | undefined> {
  const r = await db
    .selectFrom('oneTimeToken')
    .select(['tokenHash', 'purpose', 'userId', 'expiresAt', 'usedAt'])
    .where('tokenHash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
  return r && { ...r, expiresAt: toDate(r.expiresAt) as Date, usedAt: toDate(r.usedAt) };
}

export async function markOneTimeTokenUsed(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('oneTimeToken').set({ usedAt: now }).where('tokenHash', '=', tokenHash).execute();
}

/** Ends every unused link of a purpose (for one person, or the bootstrap links). */
export async function expireOneTimeTokens(
  db: Db,
  purpose: 'bootstrap' | 'set_password',
  userId: number | null,
  now: Date,
): Promise<void> {
  let q = db
    .updateTable('oneTimeToken')
    .set({ expiresAt: now })
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now);
  q = userId === null ? q.where('userId', 'is', null) : q.where('userId', '=', userId);
  await q.execute();
}
