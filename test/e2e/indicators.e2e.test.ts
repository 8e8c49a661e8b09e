import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, screenshot, startServer, watchConsole } from './harness';

describe('the indicator catalog in the browser', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('searches "thanh toán", opens an e-payment indicator and shows how it is computed and rolled up', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems = watchConsole(page);
      await page.goto(server.url);
      await page.getByRole('link', { name: 'Chỉ tiêu', exact: true }).click();
      await page.waitForURL(/\/indicators$/);
      await expect(page.locator('h1').textContent()).resolves.toBe('Danh mục chỉ tiêu chuyển đổi số');
      // the whole catalog, with a tab per pillar
      await page.locator('.indicator-table tbody tr').first().waitFor();
      expect(await page.locator('.indicator-table tbody tr').count()).toBeGreaterThanOrEqual(55);
      expect(await page.getByRole('tab').allTextContents()).toEqual([
        expect.stringMatching(/^Tất cả\d+$/),
        expect.stringMatching(/^Chính quyền số\d+$/),
        expect.stringMatching(/^Kinh tế số\d+$/),
        expect.stringMatching(/^Xã hội số\d+$/),
        expect.stringMatching(/^Nền tảng\d+$/),
      ]);

      await page.getByLabel('Tìm chỉ tiêu').fill('thanh toán');
      await page.waitForURL(/q=thanh/);
      await page.waitForFunction(
        () => document.querySelectorAll('.indicator-table tbody tr').length < 15,
        undefined,
        { timeout: 10_000 },
      );
      const names = await page.locator('.indicator-table .indicator-name').allTextContents();
      expect(names).toContain('Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản thanh toán điện tử');
      expect(names.every((n) => /thanh toán|tiền mặt|tài khoản/i.test(n))).toBe(true);
      await screenshot(page, 'indicators-search');

      await page
        .getByRole('link', { name: 'Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản thanh toán điện tử' })
        .click();
      await page.waitForURL(/\/indicators\/SOC\.EPAYMENT_ACCOUNTS$/);
      await page.locator('.indicator-formula').waitFor();
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain('Tử số');
      expect(main).toContain('Mẫu số');
      expect(main).toContain('Dân số từ 15 tuổi trở lên');
      expect(main).toContain('Cộng tử số và mẫu số của các đơn vị, không lấy trung bình các tỷ lệ');
      expect(main).toContain('Quyết định 749/QĐ-TTg ngày 03/6/2020');
      expect(main).toContain('Ngân hàng Nhà nước');
      await screenshot(page, 'indicators');

      // the same page in English
      await page.getByRole('button', { name: 'EN' }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe(
        'Share of the population aged 15 and over with an e-payment account',
      );
      expect(await page.locator('main').textContent()).toContain('never average their percentages');
      await screenshot(page, 'indicators-en');

      // back to the list, filtered by pillar through its tab
      await page.getByRole('button', { name: 'VI' }).click();
      await page.getByRole('link', { name: 'Danh mục chỉ tiêu' }).click();
      await page.getByRole('tab', { name: /^Nền tảng/ }).click();
      await page.waitForURL(/pillar=foundation/);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.indicator-table tbody td:first-child')].every((td) =>
          td.textContent?.startsWith('FND.'),
        ),
      );
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('answers an unknown indicator with a clear message', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/indicators/GOV.KHONG_CO`);
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('Không tìm thấy chỉ tiêu GOV.KHONG_CO');
    } finally {
      await browser.close();
    }
  });
});
