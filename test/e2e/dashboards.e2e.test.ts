/**
 * The dashboards in Chromium against the real server with the demo data
 * loaded (`nhipso seed demo`): the three seed provinces' overviews show every
 * confirmed target with a status and a one-click explanation; an indicator
 * page draws its trend, units and the map of the country; the tasks board
 * lists late tasks first; a visitor sees nothing before publication and the
 * published judgement after it. Screenshots: overview-36.png, overview-40.png,
 * overview-49.png, overview-40-phone.png, indicator-map.png, tasks-board.png,
 * national.png, unit-index.png.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, root, screenshot, startServer, watchConsole } from './harness';

const admin = { name: 'Lê Minh Quản', email: 'quantri@nhipso.gov.vn', password: 'Quan-tri-Nhip-So-2026' };

interface StatusReport {
  source: string;
  items: Array<{ target: { id: number }; status: string }>;
}

describe('the dashboards with the demo data', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  const dataDir = mkdtempSync(join(tmpdir(), 'nhipso-e2e-dashboards-'));

  beforeAll(async () => {
    // the operator loads the demo data set before starting (units, programs, five years of reports)
    const seeded = spawnSync(process.execPath, [join(root, 'bin/nhipso.mjs'), 'seed', 'demo'], {
      cwd: root,
      env: { ...process.env, NHIPSO_DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 900_000,
    });
    expect(seeded.status, `${seeded.stdout}\n${seeded.stderr}`).toBe(0);
    server = await startServer({ dataDir });
    browser = await launchBrowser();
    // the first administrator, through the one-time link printed at start
    const printed = /(http:\/\/localhost:\d+)(\/setup#token=[\w-]+)/.exec(server.output.join(''));
    expect(printed, server.output.join('')).not.toBeNull();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${printed?.[2]}`);
    await page.fill('#displayName', admin.name);
    await page.fill('#email', admin.email);
    await page.fill('#password', admin.password);
    await page.fill('#confirm', admin.password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${server.url}/users`);
    await page.close();
  }, 1_200_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function statusOf(code: string, ctx: BrowserContext = context): Promise<StatusReport> {
    const res = await ctx.request.get(`${server.url}/api/provinces/${code}/target-status`);
    expect(res.status()).toBe(200);
    return (await res.json()) as StatusReport;
  }

  async function openOverview(page: Page, code: string) {
    await page.goto(`${server.url}/provinces/${code}/overview`);
    await page.locator('.targets-table').waitFor();
  }

  for (const code of ['36', '40', '49']) {
    it(`shows every confirmed target of province ${code} with a status and a one-click explanation`, async () => {
      const api = await statusOf(code);
      expect(api.source).toBe('live');
      expect(api.items.length).toBeGreaterThan(20);
      const page = await context.newPage();
      const problems = watchConsole(page);
      await openOverview(page, code);
      await expect(page.locator('.demo-label').first().textContent()).resolves.toContain('Dữ liệu minh họa');
      // every target, year by year: one row each, a status badge and an explain button on every row
      const seen = new Set<number>();
      for (const tab of await page.locator('#all-targets ~ .tabs [role=tab], .card-head [role=tab]').all()) {
        await tab.click();
        for (const row of await page.locator('.targets-table .status-row').all()) {
          seen.add(Number(await row.getAttribute('data-target-id')));
          await expect(row.locator('.status-badge').first().textContent()).resolves.toMatch(
            /^(Đạt|Đúng tiến độ|Có nguy cơ|Chậm tiến độ|Chưa có số liệu)$/,
          );
          expect(await row.locator('button.explain-button').count()).toBe(1);
        }
      }
      expect([...seen].sort((a, b) => a - b)).toEqual(
        api.items.map((x) => x.target.id).sort((a, b) => a - b),
      );
      // one click explains: method, formula and the numbered steps with the numbers
      await page.locator('.card-head [role=tab]').first().click();
      await page.locator('.targets-table button.explain-button').first().click();
      const dialog = page.locator('dialog.explain-dialog[open]');
      await dialog.waitFor();
      await expect(dialog.locator('h2').first().textContent()).resolves.toBe('Cách đánh giá chỉ tiêu');
      expect(await dialog.locator('.reading__steps li').count()).toBeGreaterThan(0);
      await expect(dialog.textContent()).resolves.toMatch(/Công thức|Formula/);
      if (code === '36') {
        // Nam Định ceased on 1 July 2025: followed in its own units and in Ninh Bình's
        await expect(dialog.textContent()).resolves.toContain('Theo đơn vị thời đó: Tỉnh Nam Định');
        await expect(dialog.textContent()).resolves.toContain('Theo đơn vị hiện nay: Tỉnh Ninh Bình');
      }
      await screenshot(page, `overview-${code}-explanation`);
      await dialog.getByRole('button', { name: 'Đóng' }).click();
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `overview-${code}`);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('reads on a phone', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      storageState: await context.storageState(),
    });
    const page = await phone.newPage();
    await openOverview(page, '40');
    // the page's own content fits the width (wide tables scroll inside their frame)
    const overflow = await page.evaluate(() => {
      const main = document.querySelector('main') as HTMLElement;
      return main.scrollWidth - main.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'overview-40-phone');
    await phone.close();
  });

  it('draws an indicator: trend with targets and projection, units, the country on the map, CSV', async () => {
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${server.url}/provinces/40/indicators/GOV.WORKFILE_ONLINE`);
    await page.locator('.chart__canvas svg').first().waitFor();
    await page.locator('.tilemap__svg').waitFor();
    // Nghệ An is on the map with its value, in vi-VN format
    const tile = page.locator('.tilemap__province[aria-label^="Nghệ An"]');
    await expect(tile.getAttribute('aria-label')).resolves.toMatch(/^Nghệ An: \d+(,\d)?%$/);
    expect(
      await page.locator('#unit-table ~ .table-wrap tbody tr, .unit-table tbody tr').count(),
    ).toBeGreaterThan(50);
    const csv = await context.request.get(
      `${server.url}/api/provinces/40/indicators/GOV.WORKFILE_ONLINE/csv`,
    );
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).split('\n')[1]).toMatch(/^ma_tinh,ma_don_vi/);
    await screenshot(page, 'indicator-map');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists tasks by lead unit with the late ones first', async () => {
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${server.url}/provinces/36/tasks`);
    await page.locator('.task-group').first().waitFor();
    const states = await page
      .locator('.task-group')
      .first()
      .locator('.task-row .task-state')
      .allTextContents();
    expect(states.length).toBeGreaterThan(0);
    // within a lead unit, late tasks come before the others
    const firstOther = states.findIndex((s) => s !== 'Quá hạn');
    if (firstOther >= 0) expect(states.slice(firstOther)).not.toContain('Quá hạn');
    await screenshot(page, 'tasks-board');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('ranks the provinces and scores the units', async () => {
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${server.url}/national?indicator=GOV.WORKFILE_ONLINE`);
    await page.locator('.ranking-table tbody tr').first().waitFor();
    await screenshot(page, 'national');
    await page.goto(`${server.url}/provinces/40/index?year=2025`);
    await page.locator('.score-table tbody tr').first().waitFor();
    await page.locator('.score-table button', { hasText: 'Chi tiết' }).first().click();
    await page.locator('.score-detail').waitFor();
    await screenshot(page, 'unit-index');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a visitor nothing before publication and the published judgement after', async () => {
    const visitor = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await visitor.newPage();
    await page.goto(`${server.url}/provinces/40/overview`);
    await page.locator('.empty-state').waitFor();
    await expect(page.locator('.empty-state h2').textContent()).resolves.toBe('Chưa có kết quả công bố');
    // the coordinator (here the administrator) publishes 2024
    const admin = await context.newPage();
    await openOverview(admin, '40');
    await admin.selectOption('#publish ~ .publish-form select, .publish-form select', '2024');
    await admin.locator('.publish-form button').click();
    await admin.locator('.alert--info', { hasText: 'Đã công bố kết quả năm 2024' }).waitFor();
    await admin.close();
    await page.reload();
    await page.locator('.targets-table').waitFor();
    const published = await statusOf('40', visitor);
    expect(published.source).toBe('published');
    await expect(page.locator('.source-note').first().textContent()).resolves.toContain('Kết quả năm 2024');
    expect(await page.locator('.targets-table .status-row').count()).toBeGreaterThan(0);
    await visitor.close();
  });
  it('lets the coordinator choose how a target is judged, and the province default', async () => {
    const page = await context.newPage();
    const problems = watchConsole(page);
    await openOverview(page, '49');
    const row = page.locator('.targets-table .status-row').first();
    const targetId = Number(await row.getAttribute('data-target-id'));
    await row.locator('button.explain-button').click();
    const dialog = page.locator('dialog.explain-dialog[open]');
    const form = dialog.getByTestId('target-method-form');
    await form.waitFor();
    await form.getByLabel('Phương pháp').selectOption('cagr');
    await form.getByLabel('Năm cơ sở').fill('2020');
    await form.getByLabel('Giá trị cơ sở').fill('12,5');
    await form.getByLabel('Ghi chú (nguồn số liệu cơ sở)').fill('Báo cáo năm 2020 của tỉnh');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.getByText('Đã lưu; tình trạng đã được tính lại.').waitFor();
    await dialog.getByText('Phương pháp riêng của chỉ tiêu: Tăng trưởng kép (CAGR, Open SDG)').waitFor();
    const judged = (await statusOf('49')).items.find((x) => x.target.id === targetId) as unknown as {
      method: { requested: string; source: string };
    };
    expect(judged.method).toEqual({ requested: 'cagr', source: 'target' });
    await screenshot(page, 'target-method');

    // a wrong baseline is stopped where it is typed
    await form.getByLabel('Giá trị cơ sở').fill('mười hai');
    await form.getByText('Cần cả năm cơ sở').waitFor();
    expect(await form.getByRole('button', { name: 'Lưu' }).isDisabled()).toBe(true);
    // back to the province's default, no stated baseline
    await form.getByLabel('Phương pháp').selectOption('');
    await form.getByLabel('Năm cơ sở').fill('');
    await form.getByLabel('Giá trị cơ sở').fill('');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Phương pháp mặc định', { exact: false }).first().waitFor();
    await dialog.getByRole('button', { name: 'Đóng' }).click();

    // the province's default: ESCAP, then linear again
    const panel = page.locator('form.method-form', { hasText: 'Phương pháp đánh giá mặc định của tỉnh' });
    await panel.getByLabel('Phương pháp').selectOption('escap');
    await panel.getByRole('button', { name: 'Lưu' }).click();
    await panel.getByText('Đã lưu').waitFor();
    const escap = await statusOf('49');
    expect(
      escap.items.every(
        (x) => (x as unknown as { method: { requested: string } }).method.requested === 'escap',
      ),
    ).toBe(true);
    await panel.getByLabel('Phương pháp').selectOption('linear');
    await panel.getByRole('button', { name: 'Lưu' }).click();
    await expect
      .poll(async () =>
        (await statusOf('49')).items.every(
          (x) => (x as unknown as { method: { requested: string } }).method.requested === 'linear',
        ),
      )
      .toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
