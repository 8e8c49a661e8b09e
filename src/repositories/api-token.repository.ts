/**
 * API tokens for machines: one role at one unit, stored as a SHA-256 hash.
 */
import type { TokenRole } from '../domain/auth/permissions';
import type { Db } from './db';

export interface ApiTokenRecord {
  id: number;
  name: string;
  prefix: string;
  role: TokenRole;
  unitId: number;
  unitName: string;
  createdBy: number;
  createdByName: string;
  createdByEmail: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const toDate = (v: Date | string | null): Date | null =>
  v === null ? null : v instanceof Date ? v : new Date(v);

function base(db: Db) {
  return db
    .selectFrom('apiToken as t')
    .innerJoin('unit as u', 'u.id', 't.unitId')
    .innerJoin('appUser as a', 'a.id', 't.createdBy')
    .select([
      't.id',
      't.name',
      't.prefix',
      't.role',
      't.unitId',
      'u.name as unitName',
      't.createdBy',
      'a.displayName as createdByName',
      'a.email as createdByEmail',
      't.createdAt',
      't.expiresAt',
      't.lastUsedAt',
      't.revokedAt',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toRecord(r: Row): ApiTokenRecord {
  return {
    ...r,
    createdAt: toDate(r.createdAt) as Date,
    expiresAt: toDate(r.expiresAt),
    lastUsedAt: toDate(r.lastUsedAt),
    revokedAt: toDate(r.revokedAt),
  };
}

export async function insertApiToken(
  db: Db,
  t: {
    name: string;
    tokenHash: string;
    prefix: string;
    role: TokenRole;
    unitId: number;
    createdBy: number;
    now: Date;
    expiresAt: Date | null;
  },
): Promise<number> {
  const r = await db
    .insertInto('apiToken')
    .values({
      name: t.name,
      tokenHash: t.tokenHash,
      prefix: t.prefix,
      role: t.role,
      unitId: t.unitId,
      createdBy: t.createdBy,
      createdAt: t.now,
      expiresAt: t.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function findApiToken(db: Db, id: number): Promise<ApiTokenRecord | undefined> {
  const r = await base(db).where('t.id', '=', id).executeTakeFirst();
  return r && toRecord(r);
}

/** The token a bearer presents, with whether its maker can still act. */
export async function findApiTokenByHash(
  db: Db,
  tokenHash: string,
): Promise<(ApiTokenRecord & { creatorActive: boolean }) | undefined> {
  const r = await base(db)
    .select('a.isActive as creatorActive')
    .where('t.tokenHash', '=', tokenHash)
    .executeTakeFirst();
  return r && { ...toRecord(r), creatorActive: r.creatorActive };
}

/**
 * Tokens made by `createdBy`, plus (when given) the tokens at units of
 * `units` ('all' for admins); newest first.
 */
export async function listApiTokens(
  db: Db,
  f: { createdBy: number | null; units: 'all' | number[] | null; includeRevoked: boolean },
): Promise<ApiTokenRecord[]> {
  let q = base(db);
  q = q.where((eb) => {
    const ors = [];
    if (f.createdBy !== null) ors.push(eb('t.createdBy', '=', f.createdBy));
    if (f.units === 'all') ors.push(eb.lit(true));
    else if (f.units && f.units.length > 0) ors.push(eb('t.unitId', 'in', f.units));
    return ors.length ? eb.or(ors) : eb.lit(false);
  });
  if (!f.includeRevoked) q = q.where('t.revokedAt', 'is', null);
  const rows = await q.orderBy('t.createdAt', 'desc').orderBy('t.id', 'desc').limit(500).execute();
  return rows.map(toRecord);
}

export async function revokeApiToken(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('apiToken').set({ revokedAt: now }).where('id', '=', id).execute();
}

export async function touchApiToken(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('apiToken').set({ lastUsedAt: now }).where('id', '=', id).execute();
}

/** Revokes every live token a person made (when the person is deactivated). */
export async function revokeTokensOf(db: Db, userId: number, now: Date): Promise<number> {
  const r = await db
    .updateTable('apiToken')
    .set({ revokedAt: now })
    .where('createdBy', '=', userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
