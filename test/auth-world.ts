/**
 * A small unit tree and people for authorisation tests:
 *
 *   nation
 *   ├── province P1 ── department D1, commune C1
 *   └── province P2 ── commune C2
 *
 * plus helpers to create a person with roles and open a session or an API
 * token for them, so a test can call the app as that person.
 * @example const w = await buildWorld(db); const s = await personWithSession(db, { grants: [{ role: 'reporter', unitId: w.c1 }] });
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { RoleGrant } from '../src/domain/auth/actor';
import type { TokenRole } from '../src/domain/auth/permissions';
import { foldVietnamese } from '../src/domain/text';
import type { Db } from '../src/repositories/db';

export interface World {
  nation: number;
  p1: number;
  p2: number;
  d1: number;
  c1: number;
  c2: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function unit(
  db: Db,
  u: {
    code: string;
    kind: 'nation' | 'province' | 'department' | 'commune';
    name: string;
    parentId: number | null;
  },
): Promise<number> {
  const r = await db
    .insertInto('unit')
    .values({
      code: u.code,
      codeSystem: 'internal',
      kind: u.kind,
      name: u.name,
      parentId: u.parentId,
      searchText: foldVietnamese(`${u.name} ${u.code}`),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Builds the tree under the existing root (or a new nation). Codes are unique per call. */
export async function buildWorld(db: Db, tag = randomBytes(3).toString('hex')): Promise<World> {
  const root = await sql<{
    id: number;
  }>`SELECT id::int AS id FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1`.execute(db);
  const nation =
    root.rows[0]?.id ??
    (await unit(db, { code: `VN-${tag}`, kind: 'nation', name: 'Việt Nam', parentId: null }));
  const p1 = await unit(db, {
    code: `T1-${tag}`,
    kind: 'province',
    name: 'Tỉnh Thử Nghiệm Một',
    parentId: nation,
  });
  const p2 = await unit(db, {
    code: `T2-${tag}`,
    kind: 'province',
    name: 'Tỉnh Thử Nghiệm Hai',
    parentId: nation,
  });
  const d1 = await unit(db, {
    code: `S1-${tag}`,
    kind: 'department',
    name: 'Sở Khoa học và Công nghệ',
    parentId: p1,
  });
  const c1 = await unit(db, { code: `X1-${tag}`, kind: 'commune', name: 'Xã Yên Bình', parentId: p1 });
  const c2 = await unit(db, { code: `X2-${tag}`, kind: 'commune', name: 'Phường Đông Hải', parentId: p2 });
  return { nation, p1, p2, d1, c1, c2 };
}

let counter = 0;

/** Creates a person (active, optional password hash) with the given roles; returns the id. */
export async function createPerson(
  db: Db,
  p: {
    grants?: RoleGrant[];
    unitId?: number | null;
    email?: string;
    name?: string;
    passwordHash?: string | null;
  },
): Promise<{ id: number; email: string }> {
  counter++;
  const email = p.email ?? `nguoi${counter}.${randomBytes(3).toString('hex')}@thu.gov.vn`;
  const r = await db
    .insertInto('appUser')
    .values({
      email,
      displayName: p.name ?? `Người thử ${counter}`,
      unitId: p.unitId ?? p.grants?.[0]?.unitId ?? null,
      passwordHash: p.passwordHash ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const g of p.grants ?? []) {
    await db.insertInto('roleAssignment').values({ userId: r.id, role: g.role, unitId: g.unitId }).execute();
  }
  return { id: r.id, email };
}

/** Headers that authenticate a request as the holder of a session. */
export interface Credentials {
  userId: number;
  headers: Record<string, string>;
}

/** Opens a session for a person directly in the database; returns the cookie and CSRF headers. */
export async function openSessionFor(db: Db, userId: number, now = new Date()): Promise<Credentials> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  await db
    .insertInto('userSession')
    .values({
      id: sha256(token),
      userId,
      csrfToken: csrf,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 7 * 24 * 3600_000),
    })
    .execute();
  return {
    userId,
    headers: { cookie: `nhipso_session=${token}; nhipso_csrf=${csrf}`, 'x-csrf-token': csrf },
  };
}

/** A person with roles and an open session. */
export async function personWithSession(
  db: Db,
  p: { grants?: RoleGrant[]; unitId?: number | null; email?: string; name?: string },
  now = new Date(),
): Promise<Credentials> {
  const { id } = await createPerson(db, p);
  return openSessionFor(db, id, now);
}

/** An API token for a role at a unit, made by a fresh person holding that role there. */
export async function tokenFor(
  db: Db,
  role: TokenRole,
  unitId: number,
): Promise<Credentials & { tokenId: number }> {
  const maker = await createPerson(db, { grants: [{ role, unitId }] });
  const token = `nhs_${randomBytes(30).toString('base64url')}`;
  const r = await db
    .insertInto('apiToken')
    .values({
      name: `Máy thử ${role}`,
      tokenHash: sha256(token),
      prefix: token.slice(0, 10),
      role,
      unitId,
      createdBy: maker.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { userId: maker.id, tokenId: r.id, headers: { authorization: `Bearer ${token}` } };
}
