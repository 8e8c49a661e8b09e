import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, createPerson, openSessionFor, type World } from '../../test/auth-world';
import { createTestDatabase } from '../../test/db';
import type { DatabaseHandle } from '../db/connect';
import { type Actor, type RoleGrant, systemActor } from '../domain/auth/actor';
import { createApiToken, listApiTokens, revokeApiToken } from './api-token.service';
import {
  createAdminWithLink,
  ensureFirstAdminLink,
  inspectLink,
  resolveApiToken,
  resolveSession,
  setPasswordWithLink,
  signInWithPassword,
} from './auth.service';
import type { ServiceContext } from './context';
import {
  createUser,
  getUser,
  grantRole,
  issuePasswordLink,
  listUsers,
  passwordLinkForEmail,
  revokeRole,
  updateUser,
} from './user.service';

let h: DatabaseHandle;
let w: World;
const now = new Date('2025-12-01T02:00:00Z');

function as(userId: number, grants: RoleGrant[]): ServiceContext {
  return {
    db: h.db,
    actor: { kind: 'user', userId, label: `u${userId}`, grants },
    now: () => now,
    locale: 'vi',
    ip: '10.0.0.1',
  };
}
const system: () => ServiceContext = () => ({
  db: h.db,
  actor: systemActor('test'),
  now: () => now,
  locale: 'vi',
  ip: null,
});
const tokenOf = (link: { path: string }) => link.path.split('#token=')[1] as string;

beforeAll(async () => {
  h = await createTestDatabase();
  w = await buildWorld(h.db);
});
afterAll(() => h.close());

describe('the first administrator', () => {
  it('is created through the one-time link printed at start, held at the root, and the link works once', async () => {
    const link = await ensureFirstAdminLink(system());
    expect(link?.path).toMatch(/^\/setup#token=[\w-]{40,}$/);
    const spare = await ensureFirstAdminLink(system());
    const info = await inspectLink(system(), tokenOf(link as { path: string }));
    expect(info).toMatchObject({ purpose: 'bootstrap', valid: true });
    const session = await createAdminWithLink(system(), {
      token: tokenOf(link as { path: string }),
      email: 'QuanTri@NinhBinh.gov.vn'.toLowerCase(),
      displayName: 'Quản trị viên tỉnh',
      password: 'mot-mat-khau-dai-du',
      userAgent: null,
    });
    const resolved = await resolveSession(h.db, session.token, now);
    expect(resolved?.actor.grants).toEqual([{ role: 'admin', unitId: w.nation }]);
    await expect(
      createAdminWithLink(system(), {
        token: tokenOf(link as { path: string }),
        email: 'khac@ninhbinh.gov.vn',
        displayName: 'Khác',
        password: 'mot-mat-khau-dai-du',
        userAgent: null,
      }),
    ).rejects.toMatchObject({ code: 'auth.link_used' });
    // the link printed at another start died with the first admin
    expect((await inspectLink(system(), tokenOf(spare as { path: string }))).valid).toBe(false);
    expect(await ensureFirstAdminLink(system())).toBeNull();
  });
});

describe('people and roles', () => {
  let coordinator: ServiceContext;
  let coordinatorId: number;
  beforeAll(async () => {
    const c = await createPerson(h.db, { grants: [{ role: 'coordinator', unitId: w.p1 }] });
    coordinatorId = c.id;
    coordinator = as(c.id, [{ role: 'coordinator', unitId: w.p1 }]);
  });

  it('lets a coordinator create a reporter of a commune of their province, with a set-password link', async () => {
    const created = await createUser(coordinator, {
      email: 'vanthu.yenbinh@thu.gov.vn',
      displayName: 'Lê Thị Thu',
      unitId: w.c1,
      locale: 'vi',
      roles: [{ role: 'reporter', unitId: w.c1 }],
    });
    expect(created.user).toMatchObject({ unitName: 'Xã Yên Bình', hasPassword: false, editable: true });
    expect(created.user.roles).toEqual([expect.objectContaining({ role: 'reporter', unitId: w.c1 })]);
    expect(created.link.path).toMatch(/^\/set-password#token=/);
    const audit = await h.db
      .selectFrom('auditEvent')
      .selectAll()
      .where('action', '=', 'user.create')
      .where('entityId', '=', String(created.user.id))
      .executeTakeFirstOrThrow();
    expect(audit.unitId).toBe(w.c1);
    expect(audit.actorUserId).toBe(coordinatorId);

    // the person sets a password through the link and can then sign in with it
    const opened = await setPasswordWithLink(system(), {
      token: tokenOf(created.link),
      password: 'mat-khau-cua-thu-2025',
      userAgent: null,
    });
    expect(opened.userId).toBe(created.user.id);
    await expect(
      setPasswordWithLink(system(), {
        token: tokenOf(created.link),
        password: 'mat-khau-khac-2025',
        userAgent: null,
      }),
    ).rejects.toMatchObject({ code: 'auth.link_used' });
    const signedIn = await signInWithPassword(system(), {
      email: 'vanthu.yenbinh@thu.gov.vn',
      password: 'mat-khau-cua-thu-2025',
      userAgent: null,
    });
    expect(signedIn.userId).toBe(created.user.id);
  });

  it('refuses a coordinator roles outside the province, the admin role, and people of no unit', async () => {
    const base = { displayName: 'X', locale: 'vi' as const };
    await expect(
      createUser(coordinator, {
        ...base,
        email: 'a@thu.gov.vn',
        unitId: w.c1,
        roles: [{ role: 'viewer', unitId: w.c2 }],
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      createUser(coordinator, { ...base, email: 'b@thu.gov.vn', unitId: w.c2, roles: [] }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      createUser(coordinator, {
        ...base,
        email: 'c@thu.gov.vn',
        unitId: w.c1,
        roles: [{ role: 'admin', unitId: w.nation }],
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      createUser(coordinator, { ...base, email: 'd@thu.gov.vn', unitId: null, roles: [] }),
    ).rejects.toMatchObject({
      status: 403,
    });
    const reporter = as(1, [{ role: 'reporter', unitId: w.p1 }]);
    await expect(
      createUser(reporter, { ...base, email: 'e@thu.gov.vn', unitId: w.c1, roles: [] }),
    ).rejects.toMatchObject({
      status: 403,
    });
  });

  it('shows a person from another province who holds a role here, with only the roles here, and does not let the coordinator change them', async () => {
    const guest = await createPerson(h.db, {
      name: 'Thanh tra Bộ',
      unitId: w.c2,
      grants: [
        { role: 'viewer', unitId: w.c2 },
        { role: 'viewer', unitId: w.d1 },
      ],
    });
    const list = await listUsers(coordinator, { q: 'thanh tra', page: 1, pageSize: 50 });
    expect(list.items.map((u) => u.id)).toEqual([guest.id]);
    expect(list.items[0]).toMatchObject({ editable: false, otherRoles: 1 });
    expect(list.items[0]?.roles.map((r) => r.unitId)).toEqual([w.d1]);
    await expect(updateUser(coordinator, guest.id, { displayName: 'Đổi tên' })).rejects.toMatchObject({
      code: 'user.not_editable',
    });
    await expect(issuePasswordLink(coordinator, guest.id)).rejects.toMatchObject({
      code: 'user.not_editable',
    });
    // roles inside the province stay the coordinator's to give and take
    const more = await grantRole(coordinator, guest.id, { role: 'approver', unitId: w.d1 });
    expect(more.roles.map((r) => r.role).sort()).toEqual(['approver', 'viewer']);
    await revokeRole(coordinator, guest.id, { role: 'approver', unitId: w.d1 });
    await revokeRole(coordinator, guest.id, { role: 'viewer', unitId: w.d1 });
    // no role here any more: the person is out of sight
    await expect(getUser(coordinator, guest.id)).rejects.toMatchObject({
      code: 'user.not_found',
      status: 404,
    });
  });

  it('searches names without diacritics', async () => {
    const list = await listUsers(coordinator, { q: 'le thi thu', page: 1, pageSize: 50 });
    expect(list.items.map((u) => u.displayName)).toEqual(['Lê Thị Thu']);
  });

  it('keeps the admin role at the root, and the last administrator in place', async () => {
    const admin = as(0, [{ role: 'admin', unitId: w.nation }]);
    const person = await createPerson(h.db, { unitId: w.p1 });
    await expect(grantRole(admin, person.id, { role: 'admin', unitId: w.p1 })).rejects.toMatchObject({
      details: [expect.objectContaining({ code: 'user.admin_at_root' })],
    });
    const [onlyAdmin] = await h.db
      .selectFrom('roleAssignment')
      .select('userId')
      .where('role', '=', 'admin')
      .execute();
    await expect(updateUser(admin, onlyAdmin?.userId as number, { isActive: false })).rejects.toMatchObject({
      code: 'user.last_admin',
    });
    await expect(
      revokeRole(admin, onlyAdmin?.userId as number, { role: 'admin', unitId: w.nation }),
    ).rejects.toMatchObject({ code: 'user.last_admin' });
  });

  it('ends the sessions of a person who is disabled', async () => {
    const person = await createPerson(h.db, { grants: [{ role: 'viewer', unitId: w.c1 }] });
    const creds = await openSessionFor(h.db, person.id, now);
    const token = /nhipso_session=([^;]+)/.exec(creds.headers.cookie ?? '')?.[1] as string;
    expect(await resolveSession(h.db, token, now)).not.toBeNull();
    await updateUser(coordinator, person.id, { isActive: false });
    expect(await resolveSession(h.db, token, now)).toBeNull();
  });
});

describe('API tokens', () => {
  it('may carry only a role the maker holds at the unit or above, and act with exactly that role there', async () => {
    const maker = await createPerson(h.db, { grants: [{ role: 'approver', unitId: w.p1 }] });
    const ctx = as(maker.id, [{ role: 'approver', unitId: w.p1 }]);
    await expect(
      createApiToken(ctx, { name: 'Nhập số liệu', role: 'reporter', unitId: w.c1, expiresOn: null }),
    ).rejects.toMatchObject({
      code: 'token.role_not_held',
    });
    await expect(
      createApiToken(ctx, { name: 'Ngoài tỉnh', role: 'viewer', unitId: w.c2, expiresOn: null }),
    ).rejects.toMatchObject({
      code: 'token.role_not_held',
    });
    const made = await createApiToken(ctx, {
      name: 'Hệ thống Sở KH&CN',
      role: 'viewer',
      unitId: w.d1,
      expiresOn: null,
    });
    expect(made.token).toMatch(/^nhs_[\w-]{40}$/);
    expect(made.item).toMatchObject({
      prefix: made.token.slice(0, 10),
      status: 'active',
      mine: true,
      lastUsedAt: null,
    });
    const stored = await h.db
      .selectFrom('apiToken')
      .select('tokenHash')
      .where('id', '=', made.item.id)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash).not.toContain(made.token.slice(4));

    const actor = await resolveApiToken(h.db, made.token, now);
    expect(actor).toMatchObject({
      kind: 'token',
      userId: maker.id,
      grants: [{ role: 'viewer', unitId: w.d1 }],
    });
    const listed = await listApiTokens(ctx, false);
    expect(listed.find((t) => t.id === made.item.id)?.lastUsedAt).toBe(now.toISOString());
  });

  it('stops working when revoked, expired, or when the maker loses the role or the account', async () => {
    const maker = await createPerson(h.db, { grants: [{ role: 'reporter', unitId: w.c1 }] });
    const ctx = as(maker.id, [{ role: 'reporter', unitId: w.c1 }]);
    const a = await createApiToken(ctx, { name: 'A', role: 'reporter', unitId: w.c1, expiresOn: null });
    const b = await createApiToken(ctx, {
      name: 'B',
      role: 'reporter',
      unitId: w.c1,
      expiresOn: '2025-12-31',
    });
    const c = await createApiToken(ctx, { name: 'C', role: 'viewer', unitId: w.c1, expiresOn: null });
    await revokeApiToken(ctx, a.item.id);
    await expect(resolveApiToken(h.db, a.token, now)).rejects.toMatchObject({
      code: 'auth.token_invalid',
      status: 401,
    });
    // valid through the last day, Vietnam time
    expect((await resolveApiToken(h.db, b.token, new Date('2025-12-31T16:59:00Z'))).kind).toBe('token');
    await expect(resolveApiToken(h.db, b.token, new Date('2025-12-31T17:00:00Z'))).rejects.toMatchObject({
      code: 'auth.token_invalid',
    });
    await h.db.deleteFrom('roleAssignment').where('userId', '=', maker.id).execute();
    await expect(resolveApiToken(h.db, c.token, now)).rejects.toMatchObject({ code: 'auth.token_invalid' });
    await expect(resolveApiToken(h.db, 'nhs_khong-ton-tai', now)).rejects.toMatchObject({
      code: 'auth.token_invalid',
    });
  });

  it('shows a coordinator the tokens of the province, a viewer only their own, and lets neither touch others’ elsewhere', async () => {
    const viewer = await createPerson(h.db, { grants: [{ role: 'viewer', unitId: w.c1 }] });
    const vctx = as(viewer.id, [{ role: 'viewer', unitId: w.c1 }]);
    const mine = await createApiToken(vctx, {
      name: 'Của tôi',
      role: 'viewer',
      unitId: w.c1,
      expiresOn: null,
    });
    const outsider = await createPerson(h.db, { grants: [{ role: 'viewer', unitId: w.c2 }] });
    const octx = as(outsider.id, [{ role: 'viewer', unitId: w.c2 }]);
    const theirs = await createApiToken(octx, {
      name: 'Tỉnh khác',
      role: 'viewer',
      unitId: w.c2,
      expiresOn: null,
    });
    const coordinator = as(999, [{ role: 'coordinator', unitId: w.p1 }]);
    const seen = (await listApiTokens(coordinator, false)).map((t) => t.id);
    expect(seen).toContain(mine.item.id);
    expect(seen).not.toContain(theirs.item.id);
    expect((await listApiTokens(vctx, false)).map((t) => t.id)).toEqual([mine.item.id]);
    await expect(revokeApiToken(vctx, theirs.item.id)).rejects.toMatchObject({ code: 'token.not_found' });
    await expect(revokeApiToken(coordinator, theirs.item.id)).rejects.toMatchObject({
      code: 'token.not_found',
    });
    expect((await revokeApiToken(coordinator, mine.item.id)).status).toBe('revoked');
  });

  it('cannot be made or listed by a token', async () => {
    const actor: Actor = {
      kind: 'token',
      tokenId: 1,
      userId: 1,
      label: 't',
      grants: [{ role: 'coordinator', unitId: w.p1 }],
    };
    const ctx = { ...system(), actor };
    await expect(
      createApiToken(ctx, { name: 'x', role: 'viewer', unitId: w.c1, expiresOn: null }),
    ).rejects.toMatchObject({
      code: 'auth.person_required',
    });
    await expect(listApiTokens(ctx, false)).rejects.toMatchObject({ code: 'auth.person_required' });
  });
});

describe('operator links', () => {
  it('give an operator on the server a set-password link for an address, and nobody else', async () => {
    const person = await createPerson(h.db, { unitId: w.c2, grants: [{ role: 'viewer', unitId: w.c2 }] });
    const link = await passwordLinkForEmail(system(), person.email.toUpperCase());
    expect(await inspectLink(system(), tokenOf(link))).toMatchObject({ valid: true, email: person.email });
    await expect(
      passwordLinkForEmail(as(1, [{ role: 'admin', unitId: w.nation }]), person.email),
    ).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await expect(passwordLinkForEmail(system(), 'khong-co@thu.gov.vn')).rejects.toMatchObject({
      code: 'user.not_found',
    });
  });
});

describe('one-time links', () => {
  it('say when they have expired', async () => {
    const person = await createPerson(h.db, { unitId: w.c1, grants: [{ role: 'viewer', unitId: w.c1 }] });
    const link = await issuePasswordLink(system(), person.id);
    const later = { ...system(), now: () => new Date(now.getTime() + 73 * 3600_000) };
    expect(await inspectLink(later, tokenOf(link))).toMatchObject({ valid: false, problem: 'expired' });
    await expect(
      setPasswordWithLink(later, { token: tokenOf(link), password: 'mat-khau-dai-du-roi', userAgent: null }),
    ).rejects.toMatchObject({
      code: 'auth.link_expired',
    });
    // a new link replaces the old one
    const again = await issuePasswordLink(system(), person.id);
    expect((await inspectLink(system(), tokenOf(link))).valid).toBe(false);
    expect(await inspectLink(system(), tokenOf(again))).toMatchObject({ valid: true, email: person.email });
  });
});
