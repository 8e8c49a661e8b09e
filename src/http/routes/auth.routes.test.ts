import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, createPerson, personWithSession, type World } from '../../../test/auth-world';
import { createTestDatabase } from '../../../test/db';
import type { DatabaseHandle } from '../../db/connect';
import { hashPassword } from '../../services/auth-secrets';
import { createApp } from '../app';

const T0 = new Date('2025-12-01T02:00:00Z');

/** The cookies a response sets, by name, with their attributes. */
function setCookies(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) out.set(line.split('=')[0] as string, line);
  return out;
}

function cookieValue(line: string | undefined): string {
  return (line ?? '').split(';')[0]?.split('=').slice(1).join('=') ?? '';
}

describe('password sign-in, sessions and CSRF', () => {
  let h: DatabaseHandle;
  let w: World;
  let now = T0;
  let app: ReturnType<typeof createApp>;
  const password = 'Ninh-Binh-2025-chuyen-doi-so';
  let email: string;

  beforeAll(async () => {
    h = await createTestDatabase();
    w = await buildWorld(h.db);
    ({ email } = await createPerson(h.db, {
      name: 'Trần Văn Bình',
      grants: [{ role: 'reporter', unitId: w.c1 }],
      passwordHash: await hashPassword(password),
    }));
    app = createApp({ db: h.db, engine: h.engine, version: 't', now: () => now, trustedProxies: 1 });
  });
  afterAll(() => h.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7', ...headers },
      body: JSON.stringify(body),
    });

  it('refuses a wrong password with a Vietnamese message and sets no cookie', async () => {
    const res = await post('/api/auth/sign-in', { email, password: 'sai mật khẩu' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'Email hoặc mật khẩu không đúng',
    );
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('signs in: an httpOnly SameSite=Lax session cookie, a readable CSRF cookie, a session stored by hash', async () => {
    const res = await post('/api/auth/sign-in', { email: email.toUpperCase(), password });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      user: { email: string; grants: { role: string; unitName: string }[] };
    };
    expect(body.user.email).toBe(email);
    expect(body.user.grants).toEqual([
      expect.objectContaining({ role: 'reporter', unitName: 'Xã Yên Bình' }),
    ]);
    const cookies = setCookies(res);
    const session = cookies.get('nhipso_session') ?? '';
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/);
    const csrf = cookies.get('nhipso_csrf') ?? '';
    expect(csrf).not.toMatch(/HttpOnly/);
    const token = cookieValue(session);
    const stored = await h.db.selectFrom('userSession').select(['id', 'csrfToken']).execute();
    expect(stored.map((s) => s.id)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(stored.map((s) => s.id)).not.toContain(token);
    expect(stored.find((s) => s.csrfToken === cookieValue(csrf))).toBeDefined();
  });

  it('marks the cookies Secure when the request came over HTTPS through a proxy', async () => {
    const res = await post('/api/auth/sign-in', { email, password }, { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    for (const line of setCookies(res).values()) expect(line).toMatch(/Secure/);
  });

  it('requires the CSRF header on a state-changing request made with the cookie', async () => {
    const res = await post('/api/auth/sign-in', { email, password });
    const cookies = setCookies(res);
    const token = cookieValue(cookies.get('nhipso_session'));
    const csrf = cookieValue(cookies.get('nhipso_csrf'));
    const cookie = `nhipso_session=${token}; nhipso_csrf=${csrf}`;
    const without = await post('/api/auth/sessions/end-others', {}, { cookie });
    expect(without.status).toBe(403);
    expect(((await without.json()) as { error: { code: string } }).error.code).toBe('auth.csrf_invalid');
    const wrong = await post('/api/auth/sessions/end-others', {}, { cookie, 'x-csrf-token': `${csrf}x` });
    expect(wrong.status).toBe(403);
    const right = await post('/api/auth/sessions/end-others', {}, { cookie, 'x-csrf-token': csrf });
    expect(right.status).toBe(200);
    // GET needs no header
    const me = await app.request('/api/auth/me', { headers: { cookie } });
    expect(((await me.json()) as { user: { email: string } | null }).user?.email).toBe(email);
  });

  it('refuses a state-changing request from another origin, even a sign-in', async () => {
    const res = await post('/api/auth/sign-in', { email, password }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('auth.origin_invalid');
    const same = await post('/api/auth/sign-in', { email, password }, { origin: 'http://localhost' });
    expect(same.status).toBe(200);
  });

  it('ends a session after eight idle hours and clears its cookies', async () => {
    const res = await post('/api/auth/sign-in', { email, password });
    const token = cookieValue(setCookies(res).get('nhipso_session'));
    const cookie = `nhipso_session=${token}`;
    now = new Date(T0.getTime() + 7 * 3600_000);
    expect(
      ((await (await app.request('/api/auth/me', { headers: { cookie } })).json()) as { user: unknown }).user,
    ).not.toBeNull();
    // the request above counted as activity; eight hours of silence from then end it
    now = new Date(now.getTime() + 8 * 3600_000 + 1000);
    const late = await app.request('/api/auth/me', { headers: { cookie } });
    expect(((await late.json()) as { user: unknown }).user).toBeNull();
    expect(setCookies(late).get('nhipso_session')).toMatch(/Max-Age=0/);
    now = T0;
  });

  it('ends a session after seven days however active it is', async () => {
    const res = await post('/api/auth/sign-in', { email, password });
    const cookie = `nhipso_session=${cookieValue(setCookies(res).get('nhipso_session'))}`;
    for (let hours = 6; hours < 7 * 24; hours += 6) {
      now = new Date(T0.getTime() + hours * 3600_000);
      await app.request('/api/auth/me', { headers: { cookie } });
    }
    now = new Date(T0.getTime() + 7 * 24 * 3600_000 + 1000);
    const res2 = await app.request('/api/auth/me', { headers: { cookie } });
    expect(((await res2.json()) as { user: unknown }).user).toBeNull();
    now = T0;
  });

  it('signs out: the session row is gone and the cookie no longer works', async () => {
    const res = await post('/api/auth/sign-in', { email, password });
    const cookies = setCookies(res);
    const token = cookieValue(cookies.get('nhipso_session'));
    const csrf = cookieValue(cookies.get('nhipso_csrf'));
    const cookie = `nhipso_session=${token}; nhipso_csrf=${csrf}`;
    const out = await post('/api/auth/sign-out', {}, { cookie, 'x-csrf-token': csrf });
    expect(out.status).toBe(204);
    expect(setCookies(out).get('nhipso_session')).toMatch(/Max-Age=0/);
    const id = createHash('sha256').update(token).digest('hex');
    expect(await h.db.selectFrom('userSession').select('id').where('id', '=', id).execute()).toEqual([]);
    const me = await app.request('/api/auth/me', { headers: { cookie } });
    expect(((await me.json()) as { user: unknown }).user).toBeNull();
  });

  it('changes a password only with the current one, and ends the other sessions', async () => {
    const other = await personWithSession(h.db, { grants: [{ role: 'viewer', unitId: w.p2 }] }, now);
    await h.db
      .updateTable('appUser')
      .set({ passwordHash: await hashPassword('mat-khau-cu-rat-dai') })
      .where('id', '=', other.userId)
      .execute();
    const elsewhere = await personWithSession(h.db, {}, now);
    // a second session of the same person
    const second = await (await import('../../../test/auth-world')).openSessionFor(h.db, other.userId, now);
    void elsewhere;
    const wrong = await post(
      '/api/auth/password',
      { currentPassword: 'khong-dung', newPassword: 'mat-khau-moi-rat-dai' },
      other.headers,
    );
    expect(wrong.status).toBe(400);
    const wrongBody = (await wrong.json()) as { error: { details: { path: string; code: string }[] } };
    expect(wrongBody.error.details).toEqual([
      expect.objectContaining({ path: 'body.currentPassword', code: 'auth.wrong_password' }),
    ]);
    const short = await post(
      '/api/auth/password',
      { currentPassword: 'x', newPassword: 'ngan' },
      other.headers,
    );
    expect(short.status).toBe(400);
    const ok = await post(
      '/api/auth/password',
      { currentPassword: 'mat-khau-cu-rat-dai', newPassword: 'mat-khau-moi-rat-dai' },
      other.headers,
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ endedSessions: 1 });
    const me2 = await app.request('/api/auth/me', { headers: second.headers });
    expect(((await me2.json()) as { user: unknown }).user).toBeNull();
    const me1 = await app.request('/api/auth/me', { headers: other.headers });
    expect(((await me1.json()) as { user: { id: number } }).user.id).toBe(other.userId);
  });

  it('believes X-Forwarded-For only as far as the declared proxies reach', async () => {
    const forged = { 'x-forwarded-for': '6.6.6.6, 198.51.100.9' };
    const body = JSON.stringify({ email: 'khong-co@thu.gov.vn', password: 'x' });
    const init = { method: 'POST', headers: { 'content-type': 'application/json', ...forged }, body };
    await app.request('/api/auth/sign-in', init);
    const direct = createApp({ db: h.db, engine: h.engine, version: 't', now: () => now });
    await direct.request('/api/auth/sign-in', init);
    const ips = await h.db
      .selectFrom('signInAttempt')
      .select('ip')
      .where('email', '=', 'khong-co@thu.gov.vn')
      .orderBy('id')
      .execute();
    // behind one proxy: the address that proxy saw; with none: not the header at all
    expect(ips.map((r) => r.ip)).toEqual(['198.51.100.9', 'unknown']);
  });

  it('limits the body of a sign-in to a few kilobytes', async () => {
    const res = await post('/api/auth/sign-in', { email, password: 'x'.repeat(40_000) });
    expect(res.status).toBe(413);
  });
});

describe('sign-in backoff', () => {
  let h: DatabaseHandle;
  let now = T0;
  let email: string;
  beforeAll(async () => {
    h = await createTestDatabase();
    ({ email } = await createPerson(h.db, { passwordHash: await hashPassword('dung-mat-khau-roi') }));
  });
  afterAll(() => h.close());

  const attempt = (app: ReturnType<typeof createApp>, body: unknown, ip = '198.51.100.4') =>
    app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, 'accept-language': 'en' },
      body: JSON.stringify(body),
    });

  it('lets five wrong passwords through, then makes each next attempt wait twice as long; the eleventh waits 32 s', async () => {
    const app = createApp({ db: h.db, engine: h.engine, version: 't', now: () => now, trustedProxies: 1 });
    for (let i = 1; i <= 5; i++) {
      const r = await attempt(app, { email, password: `sai-${i}` });
      expect(r.status).toBe(401);
    }
    const waits: number[] = [];
    for (let i = 6; i <= 10; i++) {
      const blocked = await attempt(app, { email, password: `sai-${i}` });
      expect(blocked.status).toBe(429);
      const wait = Number(blocked.headers.get('retry-after'));
      waits.push(wait);
      now = new Date(now.getTime() + wait * 1000);
      expect((await attempt(app, { email, password: `sai-${i}` })).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16]);
    const eleventh = await attempt(app, { email, password: 'dung-mat-khau-roi' });
    expect(eleventh.status).toBe(429);
    expect(eleventh.headers.get('retry-after')).toBe('32');
    expect(((await eleventh.json()) as { error: { message: string } }).error.message).toBe(
      'Too many failed attempts. Please try again in 32 seconds.',
    );
  });

  it('remembers the failures across a restart (a new app on the same database)', async () => {
    const restarted = createApp({
      db: h.db,
      engine: h.engine,
      version: 't',
      now: () => now,
      trustedProxies: 1,
    });
    const r = await attempt(restarted, { email, password: 'dung-mat-khau-roi' });
    expect(r.status).toBe(429);
    now = new Date(now.getTime() + 32_000);
    const after = await attempt(restarted, { email, password: 'dung-mat-khau-roi' });
    expect(after.status).toBe(200);
  });

  it('slows down an address that tries many accounts', async () => {
    const app = createApp({ db: h.db, engine: h.engine, version: 't', now: () => now, trustedProxies: 1 });
    for (let i = 0; i < 20; i++) {
      expect(
        (await attempt(app, { email: `khong-co-${i}@thu.gov.vn`, password: 'x' }, '192.0.2.50')).status,
      ).toBe(401);
    }
    const r = await attempt(app, { email: 'khong-co-moi@thu.gov.vn', password: 'x' }, '192.0.2.50');
    expect(r.status).toBe(429);
    // another address is not affected
    expect(
      (await attempt(app, { email: 'khong-co-moi@thu.gov.vn', password: 'x' }, '192.0.2.51')).status,
    ).toBe(401);
  });
});
