/**
 * Signing in, in Chromium against the real server: the first administrator
 * through the link printed at start, an account created by the administrator
 * and its set-password link, password sign-in, single sign-on through a real
 * OpenID Connect provider, the backoff after wrong passwords, and every
 * account page passing the Content-Security-Policy without console errors.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  freePort,
  launchBrowser,
  type RunningServer,
  screenshot,
  startServer,
  watchConsole,
} from './harness';
import { type RunningProvider, startOidcProvider } from './oidc-provider';

const admin = {
  name: 'Phạm Quốc Hưng',
  email: 'quantri@ninhbinh.gov.vn',
  password: 'Quan-tri-Ninh-Binh-2025',
};
const coordinator = {
  name: 'Đỗ Thị Lan',
  email: 'dieuphoi@ninhbinh.gov.vn',
  password: 'Dieu-phoi-chuyen-doi-so',
};
const ssoPerson = {
  sub: 'vneid-0381',
  password: 'mat-khau-cong',
  email: 'tranminh@ninhbinh.gov.vn',
  name: 'Trần Văn Minh',
};

let server: RunningServer;
let provider: RunningProvider;
let browser: Browser;

/** Calls the API with the context's session. */
const apiAsIn = <T>(context: BrowserContext, method: 'GET' | 'POST', path: string, data?: unknown) =>
  apiAs<T>(server, context, method, path, data);

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${server.url}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
}

describe('signing in', () => {
  let adminContext: BrowserContext;

  beforeAll(async () => {
    const providerPort = await freePort();
    server = await startServer({
      env: {
        NHIPSO_OIDC_ISSUER: `http://127.0.0.1:${providerPort}`,
        NHIPSO_OIDC_CLIENT_ID: 'nhipso-test',
        NHIPSO_OIDC_CLIENT_SECRET: 'bi-mat-cua-ung-dung-thu-nghiem-0123456789',
        NHIPSO_OIDC_LABEL: 'Cổng một cửa (thử nghiệm)',
      },
    });
    provider = await startOidcProvider({
      port: providerPort,
      redirectUri: `${server.url}/api/auth/oidc/callback`,
      accounts: [
        { ...ssoPerson, emailVerified: true },
        {
          sub: 'nguoi-la',
          password: 'mat-khau-cong',
          email: 'nguoila@example.vn',
          emailVerified: true,
          name: 'Người Lạ',
        },
      ],
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await provider?.stop();
    await server?.stop();
  });

  it('creates the first administrator through the one-time link printed at start', async () => {
    const printed = /(http:\/\/localhost:\d+)(\/setup#token=[\w-]+)/.exec(server.output.join(''));
    expect(printed, server.output.join('')).not.toBeNull();
    adminContext = await browser.newContext();
    const page = await adminContext.newPage();
    const problems = watchConsole(page);
    // the sign-in page says where the link is while no administrator exists
    await page.goto(`${server.url}/sign-in`);
    await expect(page.locator('.alert--info').textContent()).resolves.toContain(
      'Hệ thống chưa có quản trị viên',
    );
    await page.goto(`${server.url}${printed?.[2]}`);
    await page.fill('#displayName', admin.name);
    await page.fill('#email', admin.email);
    await page.fill('#password', admin.password);
    await page.fill('#confirm', admin.password);
    await screenshot(page, 'auth-setup');
    await page.click('button[type=submit]');
    await page.waitForURL(`${server.url}/users`);
    await expect(page.locator('.account-menu__name').textContent()).resolves.toBe(admin.name);
    // the link worked once
    const again = await browser.newPage();
    await again.goto(`${server.url}${printed?.[2]}`);
    await expect(again.locator('.alert--error').textContent()).resolves.toContain('đã được sử dụng');
    await again.close();
    expect(problems).toEqual([]);
  });

  it('lets the administrator create a coordinator, who sets a password through the link and signs in with it', async () => {
    const page = await adminContext.newPage();
    const problems = watchConsole(page);
    await page.goto(`${server.url}/users`);
    await page.click('text=Thêm người dùng');
    await page.fill('#new-name', coordinator.name);
    await page.fill('#new-email', coordinator.email);
    await page.fill('#new-unit', 'Ninh Bình');
    await page.locator('.unit-picker__list button', { hasText: 'Tỉnh Ninh Bình' }).first().click();
    await page.selectOption('#new-role', 'coordinator');
    await page.click('text=Tạo tài khoản');
    const link = await page.locator('[data-testid=secret]').textContent();
    expect(link).toMatch(/\/set-password#token=/);
    await screenshot(page, 'auth-users-created');

    const other = await browser.newContext();
    const p2 = await other.newPage();
    await p2.goto(link as string);
    await expect(p2.locator('.auth-card p.muted').textContent()).resolves.toContain(coordinator.email);
    await p2.fill('#password', coordinator.password);
    await p2.fill('#confirm', coordinator.password);
    await screenshot(p2, 'auth-set-password');
    await p2.click('button[type=submit]');
    await p2.waitForURL(`${server.url}/account`);
    await expect(p2.locator('.role-list').textContent()).resolves.toContain('Điều phối viên');
    await screenshot(p2, 'auth-account');
    // sign out, then in again with the new password
    await p2.click('.account-menu__button');
    await screenshot(p2, 'auth-account-menu');
    await p2.click('text=Đăng xuất');
    await p2.waitForURL(`${server.url}/sign-in`);
    await signIn(p2, coordinator.email, coordinator.password);
    await p2.waitForURL(`${server.url}/`);
    await expect(p2.locator('.account-menu__name').textContent()).resolves.toBe(coordinator.name);
    // a coordinator sees the people page and the audit page in the navigation
    await expect(p2.locator('.main-nav').textContent()).resolves.toContain('Người dùng');
    await other.close();
    expect(problems).toEqual([]);
  });

  it('signs in through the OpenID Connect provider, and tells an unknown person there is no account', async () => {
    // the administrator creates the account; the provider vouches for the same verified address
    const units = await apiAsIn<{ items: { id: number; name: string }[] }>(
      adminContext,
      'GET',
      '/api/users/assignable-units?purpose=users&q=ninh%20binh',
    );
    const province = units.items.find((u) => u.name === 'Tỉnh Ninh Bình');
    await apiAsIn(adminContext, 'POST', '/api/users', {
      email: ssoPerson.email,
      displayName: ssoPerson.name,
      unitId: province?.id,
      roles: [{ role: 'viewer', unitId: province?.id }],
    });

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in?returnTo=%2Faccount`);
    await screenshot(page, 'auth-sign-in');
    await page.click('text=Đăng nhập bằng Cổng một cửa (thử nghiệm)');
    await page.waitForURL(/127\.0\.0\.1:\d+\/interaction\//);
    expect(new URL(page.url()).port).toBe(new URL(provider.issuer).port);
    await page.fill('input[name=login]', ssoPerson.sub);
    await page.fill('input[name=password]', ssoPerson.password);
    await page.click('button[type=submit]');
    await page.click('text=Đồng ý');
    await page.waitForURL(`${server.url}/account`);
    await expect(page.locator('.account-menu__name').textContent()).resolves.toBe(ssoPerson.name);
    await expect(page.locator('.account-facts').textContent()).resolves.toContain('Đăng nhập một cửa');
    const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
    expect(me.user).toMatchObject({ email: ssoPerson.email, oidcLinked: true, via: 'session' });
    await context.close();

    const stranger = await browser.newContext();
    const p2 = await stranger.newPage();
    await p2.goto(`${server.url}/sign-in`);
    await p2.click('text=Đăng nhập bằng Cổng một cửa (thử nghiệm)');
    await p2.fill('input[name=login]', 'nguoi-la');
    await p2.fill('input[name=password]', 'mat-khau-cong');
    await p2.click('button[type=submit]');
    await p2.click('text=Đồng ý');
    await p2.waitForURL(/\/sign-in\?error=auth\.oidc_no_account/);
    await expect(p2.locator('[data-testid=sign-in-error]').textContent()).resolves.toContain(
      'Chưa có tài khoản Nhịp Số cho danh tính này',
    );
    await screenshot(p2, 'auth-oidc-no-account');
    await stranger.close();
  });

  it('slows down a wrong password typed ten times in a row: the eleventh attempt must wait', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.fill('#email', coordinator.email);
    const submit = page.locator('form button[type=submit]');
    let failures = 0;
    while (failures < 10) {
      // the page disables the button while the server asks to wait
      await expect.poll(() => submit.isEnabled(), { timeout: 40_000, interval: 250 }).toBe(true);
      await page.fill('#password', `sai-mat-khau-${failures}`);
      const [res] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in')),
        submit.click(),
      ]);
      if (res.status() === 401) failures++;
      else expect(res.status()).toBe(429);
    }
    // the eleventh, at once
    await expect.poll(() => submit.isEnabled(), { timeout: 40_000, interval: 250 }).toBe(true);
    await page.fill('#password', coordinator.password);
    const [eleventh] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in')),
      submit.click(),
    ]);
    expect(eleventh.status()).toBe(429);
    expect(Number(eleventh.headers()['retry-after'])).toBeGreaterThanOrEqual(30);
    await expect(page.locator('[data-testid=sign-in-error]').textContent()).resolves.toMatch(
      /Bạn đã nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ giây\./,
    );
    await expect(submit.isDisabled()).resolves.toBe(true);
    await screenshot(page, 'auth-sign-in-slowed');
    // the same page in English, the wait still counting down
    await page.click('button:text-is("EN")');
    await expect(page.locator('h1').textContent()).resolves.toBe('Sign in');
    await expect(page.locator('[data-testid=sign-in-error]').textContent()).resolves.toMatch(
      /Too many failed attempts\. Please try again in \d+ seconds\./,
    );
    await screenshot(page, 'auth-sign-in-en');
    await context.close();
  });

  it('shows the account, people, token and audit pages without a console error under the CSP', async () => {
    const page = await adminContext.newPage();
    const problems = watchConsole(page);
    page.on('dialog', (d) => void d.accept());
    for (const path of ['/', '/account', '/users', '/audit']) {
      await page.goto(`${server.url}${path}`);
      await page.waitForSelector('main h1');
      await page.waitForLoadState('networkidle');
    }
    // the audit page: the coordinator's creation with its fields
    await page.locator('.audit-table tr', { hasText: 'Tạo tài khoản' }).last().locator('button').click();
    await expect(page.locator('.audit-diff').first().textContent()).resolves.toContain(coordinator.email);
    await screenshot(page, 'auth-audit');
    await page.click('text=Kiểm tra tính toàn vẹn');
    await expect(page.locator('[data-testid=verify-result]').textContent()).resolves.toMatch(
      /Chuỗi nhật ký nguyên vẹn: đã kiểm tra \d+ mục/,
    );
    // tokens: created, shown once, listed, used, revoked
    await page.goto(`${server.url}/tokens`);
    await page.fill('#token-name', 'Phần mềm báo cáo Sở Y tế');
    await page.selectOption('#token-role', 'viewer');
    await page.fill('#token-unit', 'ninh binh');
    await page.locator('.unit-picker__list button', { hasText: 'Tỉnh Ninh Bình' }).first().click();
    await page.click('button:text-is("Tạo mã")');
    const token = (await page.locator('[data-testid=secret]').textContent()) ?? '';
    expect(token).toMatch(/^nhs_/);
    const used = await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await used.json()) as { user: { via: string } }).user.via).toBe('token');
    await page.reload();
    await expect(page.locator('.tokens-table').textContent()).resolves.toContain('Phần mềm báo cáo Sở Y tế');
    await expect(page.locator('.tokens-table').textContent()).resolves.not.toContain('Chưa dùng');
    await screenshot(page, 'auth-tokens');
    await page.click('button[aria-label="Thu hồi mã Phần mềm báo cáo Sở Y tế"]');
    await expect
      .poll(
        async () =>
          (await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } }))
            .status,
      )
      .toBe(401);
    await page.goto(`${server.url}/users`);
    await page.click(`text=${coordinator.name}`);
    await page.waitForSelector('.user-panel');
    await screenshot(page, 'auth-users');
    expect(problems).toEqual([]);
  });
});
