/**
 * Single sign-on against a real OpenID Connect provider started in the test
 * (test/e2e/oidc-provider.ts), without a browser: the test follows the
 * redirects itself, signs in on the provider's pages and hands the callback
 * to the app. Runs on PGlite and PostgreSQL.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, createPerson, type World } from '../../test/auth-world';
import { createTestDatabase } from '../../test/db';
import { type RunningProvider, startOidcProvider } from '../../test/e2e/oidc-provider';
import type { DatabaseHandle } from '../db/connect';
import { createApp } from '../http/app';
import { type OidcSettings, oidcSettingsFromEnv, safeReturnPath } from './oidc.service';

const CALLBACK = 'http://nhipso.test/api/auth/oidc/callback';

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

/** Plays the browser at the provider: follows redirects with a cookie jar and fills its two pages. */
async function throughProvider(authorizeUrl: string, login: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizeUrl;
  let init: RequestInit = {};
  for (let step = 0; step < 20; step++) {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', ...value] = pair.split('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value.join('='));
    }
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url).href;
      if (next.startsWith(CALLBACK)) return next;
      url = next;
      init = {};
      continue;
    }
    const html = await res.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`provider page without a form (${res.status}): ${html.slice(0, 300)}`);
    const body = action.endsWith('/login') ? new URLSearchParams({ login, password }).toString() : '';
    url = new URL(action, url).href;
    init = { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('too many redirects at the provider');
}

let h: DatabaseHandle;
let w: World;
let provider: RunningProvider;
let settings: OidcSettings;

beforeAll(async () => {
  h = await createTestDatabase();
  w = await buildWorld(h.db);
  const port = await freePort();
  provider = await startOidcProvider({
    port,
    redirectUri: CALLBACK,
    accounts: [
      {
        sub: 'cccd-001',
        password: 'p1',
        email: 'linh@ninhbinh.gov.vn',
        emailVerified: true,
        name: 'Vũ Thuỳ Linh',
      },
      {
        sub: 'cccd-002',
        password: 'p2',
        email: 'chuaxacminh@ninhbinh.gov.vn',
        emailVerified: false,
        name: 'Chưa Xác Minh',
      },
      {
        sub: 'cccd-003',
        password: 'p3',
        email: 'moi@ninhbinh.gov.vn',
        emailVerified: true,
        name: 'Người Mới',
      },
    ],
  });
  settings = {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    redirectUrl: CALLBACK,
    scopes: 'openid email profile',
    autoCreate: false,
    label: null,
    tokenAuth: 'client_secret_basic',
  };
});
afterAll(async () => {
  await provider?.stop();
  await h?.close();
});

/** The whole sign-in: start at the app, through the provider, back to the app's callback. */
async function signInWith(s: OidcSettings, login: string, password: string, tamperState = false) {
  const app = createApp({ db: h.db, engine: h.engine, version: 't', oidc: s });
  const start = await app.request('/api/auth/oidc/start?returnTo=%2Faccount');
  expect(start.status).toBe(302);
  const state = /nhipso_oidc=([^;]+)/.exec(start.headers.getSetCookie().join('\n'))?.[1] ?? '';
  const authorize = new URL(start.headers.get('location') ?? '');
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('nonce')).toBeTruthy();
  expect(authorize.searchParams.get('state')).toBe(state);
  const back = new URL(await throughProvider(authorize.href, login, password));
  const res = await app.request(`${back.pathname}${back.search}`, {
    headers: { cookie: `nhipso_oidc=${tamperState ? 'autre' : state}` },
  });
  const session = /nhipso_session=([^;]+)/.exec(res.headers.getSetCookie().join('\n'))?.[1];
  const me = session
    ? ((await (
        await app.request('/api/auth/me', { headers: { cookie: `nhipso_session=${session}` } })
      ).json()) as {
        user: { id: number; email: string; oidcLinked: boolean } | null;
      })
    : { user: null };
  return { status: res.status, location: res.headers.get('location') ?? '', user: me.user };
}

describe('single sign-on through OpenID Connect', () => {
  it('links an existing account by its verified e-mail, then finds it by the provider’s subject', async () => {
    const person = await createPerson(h.db, {
      email: 'linh@ninhbinh.gov.vn',
      name: 'Vũ Thuỳ Linh',
      grants: [{ role: 'reporter', unitId: w.c1 }],
    });
    const first = await signInWith(settings, 'cccd-001', 'p1');
    expect(first.location).toBe('/account');
    expect(first.user).toMatchObject({ id: person.id, oidcLinked: true });
    const stored = await h.db
      .selectFrom('appUser')
      .select(['oidcIssuer', 'oidcSubject'])
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ oidcIssuer: provider.issuer, oidcSubject: 'cccd-001' });
    const link = await h.db
      .selectFrom('auditEvent')
      .select(['actorUserId', 'actorLabel'])
      .where('action', '=', 'user.oidc_link')
      .executeTakeFirstOrThrow();
    expect(link).toEqual({ actorUserId: person.id, actorLabel: 'Vũ Thuỳ Linh <linh@ninhbinh.gov.vn>' });
    // the address changes in Nhịp Số: the identity still finds the account
    await h.db
      .updateTable('appUser')
      .set({ email: 'linh.vt@ninhbinh.gov.vn' })
      .where('id', '=', person.id)
      .execute();
    const second = await signInWith(settings, 'cccd-001', 'p1');
    expect(second.user?.id).toBe(person.id);
  });

  it('refuses to link an address the provider has not verified', async () => {
    await createPerson(h.db, {
      email: 'chuaxacminh@ninhbinh.gov.vn',
      grants: [{ role: 'viewer', unitId: w.c1 }],
    });
    const r = await signInWith(settings, 'cccd-002', 'p2');
    expect(r.location).toBe('/sign-in?error=auth.oidc_email_unverified');
    expect(r.user).toBeNull();
  });

  it('tells an unknown person there is no account, or creates one with no roles when allowed', async () => {
    const refused = await signInWith(settings, 'cccd-003', 'p3');
    expect(refused.location).toBe('/sign-in?error=auth.oidc_no_account&email=moi%40ninhbinh.gov.vn');
    const created = await signInWith({ ...settings, autoCreate: true }, 'cccd-003', 'p3');
    expect(created.user).toMatchObject({ email: 'moi@ninhbinh.gov.vn', oidcLinked: true });
    const roles = await h.db
      .selectFrom('roleAssignment')
      .select('role')
      .where('userId', '=', created.user?.id as number)
      .execute();
    expect(roles).toEqual([]);
  });

  it('refuses a callback whose state does not match the browser’s cookie', async () => {
    const r = await signInWith(settings, 'cccd-001', 'p1', true);
    expect(r.location).toBe('/sign-in?error=auth.oidc_state_invalid');
    expect(r.user).toBeNull();
  });
});

describe('OpenID Connect settings', () => {
  it('are read from the environment, with the callback derived from the public address', () => {
    expect(
      oidcSettingsFromEnv(
        {
          NHIPSO_OIDC_ISSUER: 'https://sso.ninhbinh.gov.vn/realms/tinh',
          NHIPSO_OIDC_CLIENT_ID: 'nhipso',
          NHIPSO_OIDC_CLIENT_SECRET: 's',
          NHIPSO_OIDC_AUTO_CREATE: 'true',
        },
        'https://cds.ninhbinh.gov.vn/',
      ),
    ).toEqual({
      issuer: 'https://sso.ninhbinh.gov.vn/realms/tinh',
      clientId: 'nhipso',
      clientSecret: 's',
      redirectUrl: 'https://cds.ninhbinh.gov.vn/api/auth/oidc/callback',
      scopes: 'openid email profile',
      autoCreate: true,
      label: null,
      tokenAuth: 'client_secret_basic',
    });
    expect(oidcSettingsFromEnv({}, null)).toBeNull();
  });

  it('refuse a plain-http provider that is not on this machine, and a missing client id', () => {
    expect(() =>
      oidcSettingsFromEnv({ NHIPSO_OIDC_ISSUER: 'http://sso.example.vn', NHIPSO_OIDC_CLIENT_ID: 'x' }, null),
    ).toThrow(/https/);
    expect(() => oidcSettingsFromEnv({ NHIPSO_OIDC_ISSUER: 'https://sso.example.vn' }, null)).toThrow(
      /CLIENT_ID/,
    );
  });

  it('return only to a path of this site', () => {
    expect(safeReturnPath('/users?id=3')).toBe('/users?id=3');
    expect(safeReturnPath('//evil.example/x')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
  });
});
