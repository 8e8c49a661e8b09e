/**
 * Text that looks like markup stays text: a unit named with a script tag and
 * an attribute breaker, and a comment typed by a person with the same, are
 * stored exactly as typed and shown as text on the pages that display them
 * (people and roles, API tokens, the audit trail) — no script runs, no
 * attribute appears.
 */
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../src/domain/text';
import { launchBrowser, type RunningServer, screenshot, startServer, watchConsole } from './harness';

const unitName = 'Xã <script>alert(1)</script> " onmouseover="alert(2)';
const comment = 'Ghi chú: <script>alert(1)</script> " onmouseover="alert(3)" x="';
const personName = 'Cán bộ <img src=x onerror=alert(4)> " onmouseover="alert(5)';

let server: RunningServer;
let browser: Browser;
let unitId = 0;

/** What must never happen on a page showing the payloads. */
async function assertInert(page: Page, dialogs: string[]) {
  const found = await page.evaluate(() => ({
    withHandler: document.querySelectorAll('[onmouseover], [onerror]').length,
    injectedImages: document.querySelectorAll('main img').length,
    inlineScripts: [...document.scripts].filter((s) => (s.textContent ?? '').includes('alert')).length,
  }));
  expect(found).toEqual({ withHandler: 0, injectedImages: 0, inlineScripts: 0 });
  expect(dialogs).toEqual([]);
}

describe('markup typed into names and comments', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('is stored as typed and rendered as text', async () => {
    // the first administrator, through the link printed at start
    const setup = /\/setup#token=[\w-]+/.exec(server.output.join(''))?.[0];
    expect(setup).toBeDefined();
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchConsole(page);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.url}${setup}`);
    await page.fill('#displayName', 'Quản trị viên');
    await page.fill('#email', 'quantri@thu.gov.vn');
    await page.fill('#password', 'mat-khau-quan-tri-dai');
    await page.fill('#confirm', 'mat-khau-quan-tri-dai');
    await page.click('button[type=submit]');
    await page.waitForURL(`${server.url}/users`);

    // a unit with markup in its name, written to the database as an import would
    const dataDir = server.dataDir;
    expect(await server.stop()).toBe(0);
    const pg = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
    const province = await pg.query<{ id: number }>(
      `SELECT id::int AS id FROM unit WHERE kind = 'province' AND valid_to IS NULL ORDER BY id LIMIT 1`,
    );
    const inserted = await pg.query<{ id: number }>(
      `INSERT INTO unit (code, code_system, kind, name, parent_id, search_text)
       VALUES ('XSS-1', 'internal', 'commune', $1, $2, $3) RETURNING id::int AS id`,
      [unitName, province.rows[0]?.id, foldVietnamese(`${unitName} XSS-1`)],
    );
    unitId = inserted.rows[0]?.id ?? 0;
    await pg.close();
    server = await startServer({ dataDir });

    // the session survived the restart (it lives in the database); while the server was
    // down (it comes back on another port) the old page's requests failed: forget those
    await page.goto(`${server.url}/users`);
    problems.length = 0;
    await page.click('text=Thêm người dùng');
    await page.fill('#new-name', personName);
    await page.fill('#new-email', 'canbo.xss@thu.gov.vn');
    await page.fill('#new-unit', 'script');
    await page.locator('.unit-picker__list button', { hasText: 'onmouseover' }).first().click();
    await page.selectOption('#new-role', 'reporter');
    await page.click('button:text-is("Tạo tài khoản")');
    await page.waitForSelector('[data-testid=secret]');
    await page.goto(`${server.url}/users`);
    await page.waitForSelector('.users-table');
    await expect(page.locator('.users-table').textContent()).resolves.toContain(unitName);
    await expect(page.locator('.users-table').textContent()).resolves.toContain(personName);
    await page.locator('.users-table td', { hasText: unitName }).first().hover();
    await assertInert(page, dialogs);
    await screenshot(page, 'xss-users');

    // a comment typed into a form: the name of an API token
    await page.goto(`${server.url}/tokens`);
    await page.fill('#token-name', comment);
    await page.selectOption('#token-role', 'viewer');
    await page.fill('#token-unit', 'onmouseover');
    await page.locator('.unit-picker__list button', { hasText: 'onmouseover' }).first().click();
    await page.click('button:text-is("Tạo mã")');
    await page.waitForSelector('[data-testid=secret]');
    await expect(page.locator('.tokens-table').textContent()).resolves.toContain(comment);
    await expect(page.locator('.tokens-table').textContent()).resolves.toContain(unitName);
    await page.locator('.tokens-table strong', { hasText: 'Ghi chú' }).hover();
    await assertInert(page, dialogs);
    await screenshot(page, 'xss-tokens');

    // stored exactly as typed
    const stored = await page.evaluate(() => fetch('/api/tokens').then((r) => r.json()));
    expect(stored.items.map((t: { name: string; unitName: string }) => [t.name, t.unitName])).toContainEqual([
      comment,
      unitName,
    ]);
    const unit = await fetch(`${server.url}/api/units/${unitId}`).then((r) => r.json());
    expect(JSON.stringify(unit)).toContain(JSON.stringify(unitName).slice(1, -1));

    // the audit trail shows the same text in its unit column and its before/after view
    await page.goto(`${server.url}/audit`);
    await page.waitForSelector('.audit-table');
    for (const row of await page.locator('.audit-table tr', { hasText: unitName }).all()) {
      const button = row.locator('button');
      if ((await button.count()) > 0) await button.click();
    }
    await expect(page.locator('.audit-table').textContent()).resolves.toContain(unitName);
    await expect(page.locator('.audit-diff').first().textContent()).resolves.toMatch(
      /Ghi chú: <script>|Cán bộ <img/,
    );
    await page.locator('.audit-table td', { hasText: unitName }).first().hover();
    await assertInert(page, dialogs);
    await screenshot(page, 'xss-audit');
    // browsers report no script or CSP violation either
    expect(problems).toEqual([]);
    await context.close();
  });
});
