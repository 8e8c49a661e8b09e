/**
 * Issue 5's "done when", in Chromium against the real server: a coordinator
 * of Ninh Bình opens the 2025 round (carrying on Nam Định's program); a
 * commune's reporter fills the form with the keyboard, pastes a column from
 * Excel, is stopped by a wrong rate, fixes it, submits; the province's
 * approver returns it with a comment; the reporter fixes and resubmits; the
 * approver approves; the province's total on the coordinator's page changes
 * at once. Screenshots: report-form.png, round-status.png.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitListsDir } from '../factories';
import {
  apiAs,
  launchBrowser,
  type RunningServer,
  root,
  screenshot,
  startServer,
  watchConsole,
} from './harness';

const password = 'Mat-khau-bao-cao-2025';
const people = {
  coordinator: { name: 'Đỗ Thị Lan', email: 'dieuphoi@ninhbinh.gov.vn' },
  approver: { name: 'Lê Văn Duyệt', email: 'duyet@ninhbinh.gov.vn' },
  reporter: { name: 'Nguyễn Văn Báo', email: 'vanphong.xa@ninhbinh.gov.vn' },
};

let server: RunningServer;
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), 'nhipso-e2e-reporting-'));

/** Calls the API with the context's session. */
const apiAsIn = <T>(context: BrowserContext, method: 'GET' | 'POST', path: string, data?: unknown) =>
  apiAs<T>(server, context, method, path, data);

/** A page of a context whose person is signed in (setting the password signed them in already). */
async function signIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  const me = await (await context.request.get(`${server.url}/api/auth/me`)).json();
  if (me.user?.email === email) return page;
  await page.goto(`${server.url}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  return page;
}

/** The form's field for an indicator part (the grid's inputs carry test ids). */
const field = (page: Page, code: string, part: string) => page.locator(`[data-testid="${code}.${part}"]`);

describe('a reporting round in the browser', () => {
  let admin: BrowserContext;
  let coordinator: BrowserContext;
  let reporter: BrowserContext;
  let approver: BrowserContext;
  let roundId = 0;
  let communeId = 0;
  let communeName = '';

  beforeAll(async () => {
    // the operator loads today's official unit list before starting (communes of 2025)
    const r = spawnSync(
      process.execPath,
      [join(root, 'bin/nhipso.mjs'), 'units', 'import', join(unitListsDir, 'dvhc-2025.csv')],
      {
        cwd: root,
        env: { ...process.env, NHIPSO_DATA_DIR: dataDir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 150_000,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    server = await startServer({ dataDir });
    browser = await launchBrowser();

    // the first administrator, through the link printed at start
    const token = /\/setup#token=([\w-]+)/.exec(server.output.join(''))?.[1];
    expect(token, server.output.join('')).toBeTruthy();
    admin = await browser.newContext();
    await admin.request.post(`${server.url}/api/auth/links/create-admin`, {
      headers: { Origin: server.url },
      data: { token, email: 'quantri@ninhbinh.gov.vn', displayName: 'Quản trị viên', password },
    });
    // the province and one of its communes
    const units = await apiAsIn<{ items: { id: number; name: string; kind: string }[] }>(
      admin,
      'GET',
      '/api/users/assignable-units?purpose=users&q=ninh%20binh',
    );
    const province = units.items.find((u) => u.name === 'Tỉnh Ninh Bình')!;
    const communes = await apiAsIn<{ items: { id: number; name: string; kind: string }[] }>(
      admin,
      'GET',
      `/api/users/assignable-units?purpose=users&q=${encodeURIComponent('Phường Nam Định')}`,
    );
    const commune = communes.items.find((u) => u.kind === 'commune')!;
    communeId = commune.id;
    communeName = commune.name;
    const contexts: Record<string, BrowserContext> = {};
    for (const [key, p, role, unitId] of [
      ['coordinator', people.coordinator, 'coordinator', province.id],
      ['approver', people.approver, 'approver', province.id],
      ['reporter', people.reporter, 'reporter', commune.id],
    ] as const) {
      const created = await apiAsIn<{ link: { path: string } }>(admin, 'POST', '/api/users', {
        email: p.email,
        displayName: p.name,
        unitId,
        roles: [{ role, unitId }],
      });
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const linkToken = /#token=([\w-]+)/.exec(created.link.path)?.[1];
      const res = await context.request.post(`${server.url}/api/auth/links/set-password`, {
        headers: { Origin: server.url },
        data: { token: linkToken, password },
      });
      expect(res.status(), await res.text()).toBe(200);
      contexts[key] = context;
    }
    coordinator = contexts.coordinator!;
    approver = contexts.approver!;
    reporter = contexts.reporter!;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets the coordinator propose, create and open the 2025 round of Ninh Bình', async () => {
    const page = await signIn(coordinator, people.coordinator.email);
    const problems = watchConsole(page);
    await page.goto(`${server.url}/rounds/new`);
    await page.fill('#round-period', '2025');
    // the proposal: Decree 09's cut-off, due before 1 December, Nam Định's program carried on
    await page.locator('#round-due').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('#round-due').inputValue(), { timeout: 20_000 }).toBe('2025-12-01');
    await expect(page.locator('main').textContent()).resolves.toContain('Tỉnh Nam Định');
    await expect(page.locator('main').textContent()).resolves.toContain('Tỷ lệ hộ gia đình');
    await screenshot(page, 'round-new');
    page.on('console', (m) => console.log('CONSOLE', m.text()));
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.waitForURL(/\/rounds\/\d+$/);
    roundId = Number(/\/rounds\/(\d+)$/.exec(page.url())?.[1]);
    await page.getByRole('button', { name: 'Mở đợt báo cáo' }).click();
    await expect.poll(() => page.locator('.round-page__actions .badge').textContent()).toBe('Đang mở');
    expect(problems).toEqual([]);
  });

  it('lets a commune reporter fill the form with the keyboard, stops a wrong rate, and submits', async () => {
    const page = await signIn(reporter, people.reporter.email);
    const problems = watchConsole(page);
    // the new round is announced in the app
    await page.goto(`${server.url}/rounds`);
    await page.locator('[data-testid=notifications]').waitFor();
    await expect(page.locator('[data-testid=notifications]').textContent()).resolves.toContain(communeName);
    await page.goto(`${server.url}/rounds/${roundId}/units/${communeId}`);
    await page.locator('[data-testid="GOV.WORKFILE_ONLINE.numerator"]').waitFor();

    // work files: type, Tab to the denominator, Tab on through the row
    await field(page, 'GOV.WORKFILE_ONLINE', 'numerator').click();
    await page.keyboard.type('1.240');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'GOV.WORKFILE_ONLINE.denominator',
    );
    await page.keyboard.type('1.860');
    await expect(page.locator('[data-testid="GOV.WORKFILE_ONLINE.rate"]').textContent()).resolves.toBe(
      '66,7%',
    );

    // households with fibre: a rate above 100% is stopped at once, on the field
    await field(page, 'SOC.FIBRE_HOUSEHOLDS', 'numerator').click();
    await page.keyboard.type('6200');
    await page.keyboard.press('Tab');
    await page.keyboard.type('5400');
    const fibreError = page.locator('td.is-error .data-grid__error').first();
    await expect(fibreError.textContent()).resolves.toContain('vượt quá 100%');

    // Enter moves down the column; a column pasted from Excel (decimal comma) fills the rows below
    await field(page, 'GOV.INSPECTION_DIGITAL', 'numerator').click();
    await page.keyboard.type('9');
    await page.keyboard.press('Enter');
    const below = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    expect(below).toMatch(/\.numerator$/);
    await field(page, 'SOC.EPAYMENT_ACCOUNTS', 'denominator').click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '18.430\r\n52\r\n');
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    await expect(field(page, 'SOC.EPAYMENT_ACCOUNTS', 'denominator').inputValue()).resolves.toBe('18.430');

    // fix the fibre figure: the error goes, the draft saves itself
    await field(page, 'SOC.FIBRE_HOUSEHOLDS', 'numerator').fill('4600');
    await expect.poll(() => page.locator('td.is-error').count()).toBe(0);
    await field(page, 'GOV.INSPECTION_DIGITAL', 'denominator').fill('15');
    await field(page, 'SOC.EPAYMENT_ACCOUNTS', 'numerator').fill('11.025');
    await field(page, 'SOC.SCHOOLS_ONLINE', 'numerator').fill('4');
    await field(page, 'SOC.SCHOOLS_ONLINE', 'denominator').fill('5');
    await expect
      .poll(() => page.locator('[data-testid=save-state]').textContent(), { timeout: 20_000 })
      .toMatch(/Đã lưu nháp lúc \d{2}:\d{2}/);
    await screenshot(page, 'report-form');

    await page.click('[data-testid=submit]');
    await expect
      .poll(() => page.locator('.report-form__status [data-state]').first().getAttribute('data-state'))
      .toBe('submitted');
    expect(problems).toEqual([]);
  });

  it('lets the approver return it with a comment, and the reporter correct and resubmit', async () => {
    const page = await signIn(approver, people.approver.email);
    await page.goto(`${server.url}/rounds/${roundId}/units/${communeId}`);
    await page.locator('[data-testid=return]').waitFor();
    // the field's history shows who entered what
    await page.click('[data-testid="history:SOC.FIBRE_HOUSEHOLDS"]');
    await expect(page.locator('[data-testid=value-history]').first().textContent()).resolves.toContain(
      people.reporter.name,
    );
    await page.fill(
      '#decision-comment',
      'Số hộ được phủ cáp quang cao hơn số liệu của doanh nghiệp viễn thông; đề nghị rà soát.',
    );
    await page.click('[data-testid=return]');
    await expect
      .poll(() => page.locator('.report-form__status [data-state]').first().getAttribute('data-state'))
      .toBe('returned');

    const r = await signIn(reporter, people.reporter.email);
    await r.goto(`${server.url}/rounds/${roundId}/units/${communeId}`);
    await expect(r.locator('[data-testid=returned-comment]').textContent()).resolves.toContain(
      'doanh nghiệp viễn thông',
    );
    await field(r, 'SOC.FIBRE_HOUSEHOLDS', 'numerator').fill('4380');
    await field(r, 'SOC.FIBRE_HOUSEHOLDS', 'comment').fill('Đã đối chiếu với số liệu của VNPT, Viettel.');
    await r.click('[data-testid=submit]');
    await expect
      .poll(() => r.locator('.report-form__status [data-state]').first().getAttribute('data-state'))
      .toBe('submitted');
  });

  it("changes the province's total on the coordinator's page as soon as the approver approves", async () => {
    const c = await coordinator.newPage();
    const problems = watchConsole(c);
    await c.goto(`${server.url}/rounds/${roundId}`);
    const approved = c.locator('[data-testid="total-approved:SOC.FIBRE_HOUSEHOLDS"] strong');
    await approved.waitFor();
    await expect(approved.textContent()).resolves.toBe('—');
    await expect(
      c.locator('[data-testid="total-submitted:SOC.FIBRE_HOUSEHOLDS"]').textContent(),
    ).resolves.toContain('81,1%');

    const a = await signIn(approver, people.approver.email);
    await a.goto(`${server.url}/rounds/${roundId}/units/${communeId}`);
    await a.click('[data-testid=approve]');
    await expect
      .poll(() => a.locator('.report-form__status [data-state]').first().getAttribute('data-state'))
      .toBe('approved');

    await c.reload();
    await c.locator('[data-testid="total-approved:SOC.FIBRE_HOUSEHOLDS"] strong').waitFor();
    // 4,380 / 5,400 households of the one approved commune
    await expect(
      c.locator('[data-testid="total-approved:SOC.FIBRE_HOUSEHOLDS"]').textContent(),
    ).resolves.toContain('81,1%');
    await expect(
      c.locator('[data-testid="total-approved:SOC.FIBRE_HOUSEHOLDS"]').textContent(),
    ).resolves.toContain('4.380 / 5.400');
    await expect(
      c.locator('[data-testid=round-units] tr[data-unit] [data-state=approved]').count(),
    ).resolves.toBe(1);
    await screenshot(c, 'round-status');
    expect(problems).toEqual([]);
  });
});
