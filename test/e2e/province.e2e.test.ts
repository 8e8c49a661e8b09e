import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitListsDir } from '../factories';
import { launchBrowser, type RunningServer, root, screenshot, startServer, watchConsole } from './harness';

describe('the provinces and a province in the browser', () => {
  let server: RunningServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'nhipso-e2e-province-'));
  beforeAll(async () => {
    // the operator loads the official lists (before and after 1 July 2025, and the lineage) before starting
    const files = ['dvhc-2025.csv', 'dvhc-2024.csv', 'lineage-2025-07-01.csv'].map((f) =>
      join(unitListsDir, f),
    );
    const r = spawnSync(process.execPath, [join(root, 'bin/nhipso.mjs'), 'units', 'import', ...files], {
      cwd: root,
      env: { ...process.env, NHIPSO_DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 150_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('3.321 xã');
    expect(r.stdout).toContain('10.047 xã');
    server = await startServer({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens Nghệ An from the header, shows its departments and communes on two dates, and finds a ward', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems = watchConsole(page);
      await page.goto(server.url);
      const picker = page.getByRole('combobox', { name: 'Chọn tỉnh, thành phố' });
      await picker.locator('option[value="40"]').first().waitFor({ state: 'attached' });
      await picker.selectOption('40');
      await page.waitForURL(/\/provinces\/40$/);
      await expect(page.locator('h1').textContent()).resolves.toBe('Tỉnh Nghệ An');
      await page.locator('.unit-tree__section').first().waitFor();
      await expect(page.locator('main').textContent()).resolves.toContain('Mã ĐVHC 40');

      const tree = page.locator('.unit-tree');
      const text = (await tree.textContent()) ?? '';
      expect(text).toContain('Sở Khoa học và Công nghệ');
      expect(text).toContain('Công an tỉnh');
      // Sở Thông tin và Truyền thông went into Sở Khoa học và Công nghệ on 1 March 2025
      expect(text).not.toContain('Sở Thông tin và Truyền thông');
      await expect(page.locator('.unit-tree__group').allTextContents()).resolves.toEqual([
        expect.stringMatching(/^Sở, ban, ngành\s*14$/),
        expect.stringMatching(/^Cơ quan, tổ chức khác\s*17$/),
        expect.stringMatching(/^Xã, phường, thị trấn, đặc khu\s*130$/),
      ]);
      await screenshot(page, 'province-nghe-an');
      await page.getByRole('button', { name: 'Xem tất cả 130' }).click();
      await page.getByRole('link', { name: 'Phường Thành Vinh', exact: true }).waitFor();

      // before the reorganisation: the districts of the time, and their communes when opened
      await page.getByRole('button', { name: /Trước sắp xếp/ }).click();
      await page.getByRole('button', { name: 'Mở: Thành phố Vinh' }).click();
      await page.getByRole('link', { name: 'Phường Hưng Bình', exact: true }).waitFor();
      await expect(tree.textContent()).resolves.not.toContain('Phường Thành Vinh');
      await screenshot(page, 'province-nghe-an-2024');

      // search within the province, diacritics ignored
      await page.getByRole('button', { name: /Hôm nay/ }).click();
      await page.getByPlaceholder('Tìm trong tỉnh: sở, xã, phường…').fill('thanh vinh');
      await page.locator('.unit-tree__results li').first().waitFor();
      const first = page.locator('.unit-tree__results .unit-tree__name').first();
      await expect(first.textContent()).resolves.toBe('Phường Thành Vinh');
      await first.click();
      await page.waitForURL(/\/units\/\d+$/);
      await expect(page.locator('h1').textContent()).resolves.toBe('Phường Thành Vinh');
      await expect(page.locator('.breadcrumbs').textContent()).resolves.toContain('Tỉnh Nghệ An');
      // the wards it was formed from on 1 July 2025
      const lineage = (await page.locator('.lineage-list').first().textContent()) ?? '';
      expect(lineage).toContain('Phường Hưng Bình');
      expect(lineage).toContain('Xã Hưng Chính');
      await screenshot(page, 'unit-thanh-vinh');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('lists the 34 provinces and the 63 of before, with the 2025 merges', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems = watchConsole(page);
      await page.goto(server.url);
      await page.getByRole('link', { name: 'Tỉnh, thành', exact: true }).click();
      await page.waitForURL(/\/provinces$/);
      await expect(page.locator('h1').textContent()).resolves.toBe('Tỉnh, thành phố');
      await page.locator('.province-table tbody tr').first().waitFor();
      expect(await page.locator('.province-table tbody tr').count()).toBe(34);
      await page.locator('.province-card').first().waitFor();
      const program = await page.locator('.province-card__name').allTextContents();
      expect(program).toEqual(['Tỉnh Nam Định', 'Tỉnh Nghệ An', 'Tỉnh Quảng Nam']);
      const cards = (await page.locator('.province-cards').textContent()) ?? '';
      expect(cards).toContain('Nam Định → Ninh Bình (từ 01/07/2025)');
      expect(cards).toContain('Quảng Nam → Đà Nẵng (từ 01/07/2025)');
      await screenshot(page, 'provinces');

      await page.getByRole('tab', { name: '63 tỉnh, thành phố (đến 30/06/2025)' }).click();
      await page.waitForURL(/view=before/);
      await page.waitForFunction(() => document.querySelectorAll('.province-table tbody tr').length === 63);
      const namDinh = page.locator('.province-table tbody tr', { hasText: 'Tỉnh Nam Định' });
      await expect(namDinh.textContent()).resolves.toContain('Nam Định → Ninh Bình (từ 01/07/2025)');
      await screenshot(page, 'provinces-63');

      await namDinh.getByRole('link', { name: 'Tỉnh Nam Định' }).click();
      await page.waitForURL(/\/provinces\/36$/);
      await expect(page.locator('.lineage-alert').first().textContent()).resolves.toContain('Tỉnh Ninh Bình');
      await page.getByRole('link', { name: 'Sở Y tế', exact: true }).waitFor();
      await screenshot(page, 'province-nam-dinh');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
