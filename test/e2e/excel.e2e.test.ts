/**
 * The Excel round trip in Chromium against the real server (issue 5): an
 * administrator opens a 2025 round for Nghệ An's departments, downloads the
 * whole round's template from the upload page, fills it in (exceljs) with
 * one bad cell, uploads it and sees the cell named with its reason; fixes
 * it, uploads again, sees the preview of the changes, confirms, and the
 * figures are stored. Screenshots: excel-upload-errors.png, excel-upload.png,
 * excel-upload-saved.png.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  type RunningServer,
  screenshot,
  screenshotDir,
  startServer,
  watchConsole,
} from './harness';

const SHEET = 'Sở ban ngành - Departments';
const admin = {
  name: 'Phan Thị Thu Trang',
  email: 'quantri@nghean.gov.vn',
  password: 'Quan-tri-So-lieu-2025',
};

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let roundId: number;
let departments: Array<{ unitId: number; code: string; name: string }>;
const work = mkdtempSync(join(tmpdir(), 'nhipso-excel-'));

/** An API call from the signed-in browser context (its cookies, the CSRF token echoed). */
async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const csrf = (await context.cookies()).find((c) => c.name === 'nhipso_csrf')?.value ?? '';
  const res = await context.request.fetch(`${server.url}${path}`, {
    method,
    headers: { 'x-csrf-token': decodeURIComponent(csrf), 'content-type': 'application/json' },
    ...(body !== undefined ? { data: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${text}`);
  return JSON.parse(text) as T;
}

function rowOf(ws: ExcelJS.Worksheet, unitCode: string, indicatorCode: string): ExcelJS.Row {
  for (let r = 5; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.getCell('B').value === unitCode && row.getCell('D').value === indicatorCode) return row;
  }
  throw new Error(`no row ${unitCode} ${indicatorCode}`);
}

async function upload(page: Page, file: string): Promise<void> {
  await page.setInputFiles('#x-file', file);
  await page.click('button:has-text("Kiểm tra tệp")');
  await page.waitForSelector('.upload-preview .alert');
}

describe('the Excel template round trip in the browser', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const printed = /(\/setup#token=[\w-]+)/.exec(server.output.join(''));
    expect(printed, server.output.join('')).not.toBeNull();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.url}${printed?.[1]}`);
    await page.fill('#displayName', admin.name);
    await page.fill('#email', admin.email);
    await page.fill('#password', admin.password);
    await page.fill('#confirm', admin.password);
    await page.click('button[type=submit]');
    await page.waitForURL((url) => !url.hash.includes('token'));
    await page.close();

    const ngheAn = await call<{ id: number }>('GET', '/api/provinces/40');
    const round = await call<{ id: number }>('POST', '/api/rounds', {
      provinceId: ngheAn.id,
      name: 'Báo cáo chuyển đổi số năm 2025',
      periodId: '2025',
      units: { kinds: ['department'] },
      indicators: [
        { code: 'GOV.WORKFILE_ONLINE', unitKind: 'department', required: false },
        { code: 'GOV.OPEN_DATA', unitKind: 'department', required: false },
      ],
    });
    roundId = round.id;
    await call('POST', `/api/rounds/${roundId}/open`, {});
    const status = await call<{ rows: Array<{ unitId: number; code: string; name: string }> }>(
      'GET',
      `/api/rounds/${roundId}/status`,
    );
    departments = status.rows;
    expect(departments.length).toBeGreaterThan(5);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('names the bad cell of an upload and saves nothing; a good file is previewed, confirmed and saved', async () => {
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${server.url}/exchange?round=${roundId}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Nhập số liệu từ Excel, CSV và DHIS2');
    await expect(page.locator('.main-nav a.active').textContent()).resolves.toBe('Nhập số liệu');

    // the whole round's template, from the page's download link
    await page.waitForSelector(`#x-unit option:nth-child(${departments.length + 1})`, { state: 'attached' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a:has-text("Tải biểu mẫu")'),
    ]);
    const templatePath = join(work, download.suggestedFilename());
    await download.saveAs(templatePath);
    expect(download.suggestedFilename()).toMatch(/^bieu-mau-bao-cao-chuyen-doi-so-nam-2025-2025\.xlsx$/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(templatePath);
    const ws = wb.getWorksheet(SHEET)!;
    const [first, second, third] = departments;
    const fill = (unit: { code: string }, n: number, d: number, openData: number) => {
      const r = rowOf(ws, unit.code, 'GOV.WORKFILE_ONLINE');
      r.getCell('H').value = n;
      r.getCell('I').value = d;
      rowOf(ws, unit.code, 'GOV.OPEN_DATA').getCell('K').value = openData;
    };
    fill(first!, 1290, 1300, 12);
    fill(second!, 845, 910, 4);
    fill(third!, 1530, 1480, 7); // the bad cell: more files processed online than files
    const badRow = rowOf(ws, third!.code, 'GOV.WORKFILE_ONLINE').number;
    const badFile = join(work, 'so-lieu-co-loi.xlsx');
    writeFileSync(badFile, Buffer.from(await wb.xlsx.writeBuffer()));

    await upload(page, badFile);
    const problemRows = page.locator('table.problems tbody tr');
    await expect(problemRows.count()).resolves.toBe(1);
    const problem = (await problemRows.first().textContent()) ?? '';
    expect(problem).toContain(SHEET);
    expect(problem).toContain(`H${badRow}`);
    expect(problem).toContain('Tử số / Numerator');
    expect(problem).toContain('vượt quá 100%');
    expect(problem).toContain('cannot exceed the denominator');
    await expect(page.locator('.upload-preview .alert--error').textContent()).resolves.toContain(
      'chưa lưu số liệu nào',
    );
    expect(await page.locator('button:has-text("Xác nhận lưu")').count()).toBe(0);
    await screenshot(page, 'excel-upload-errors');
    const stored = async () =>
      (await call<{ items: unknown[] }>('GET', `/api/data-values?unitId=${third!.unitId}&periodIds=2025`))
        .items.length;
    expect(await stored()).toBe(0);

    // fixed: the preview shows each figure, then it is saved on confirmation
    rowOf(ws, third!.code, 'GOV.WORKFILE_ONLINE').getCell('H').value = 1430;
    const goodFile = join(work, 'so-lieu.xlsx');
    writeFileSync(goodFile, Buffer.from(await wb.xlsx.writeBuffer()));
    await upload(page, goodFile);
    await expect(page.locator('.upload-preview .alert').first().textContent()).resolves.toContain(
      'Tệp hợp lệ',
    );
    await expect(page.locator('table.changes tbody tr').count()).resolves.toBe(6);
    const changes = (await page.locator('table.changes').textContent()) ?? '';
    expect(changes).toContain(third!.name);
    expect(changes).toContain('1.430 / 1.480 (96,6%)');
    const confirm = page.locator('button:has-text("Xác nhận lưu 6 số liệu")');
    await expect(confirm.count()).resolves.toBe(1);
    await screenshot(page, 'excel-upload');

    await confirm.click();
    await page.waitForSelector('.upload-preview .alert--ok');
    await expect(page.locator('.upload-preview .alert--ok').textContent()).resolves.toContain(
      'Đã lưu: 6 số liệu mới, 0 số liệu cập nhật.',
    );
    await screenshot(page, 'excel-upload-saved');
    const saved = await call<{
      items: Array<{ indicatorCode: string; numerator: number | null; value: number | null }>;
    }>('GET', `/api/data-values?unitId=${third!.unitId}&periodIds=2025`);
    expect(saved.items.map((v) => [v.indicatorCode, v.numerator ?? v.value]).sort()).toEqual([
      ['GOV.OPEN_DATA', 7],
      ['GOV.WORKFILE_ONLINE', 1430],
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the progress of an upload on a slow line, then that nothing differs from what is stored', async () => {
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${server.url}/exchange?round=${roundId}`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // about 25 KB at 4 KB/s: a few seconds of "sending the file"
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 4 * 1024,
    });
    await page.setInputFiles('#x-file', join(work, 'so-lieu.xlsx'));
    await page.click('button:has-text("Kiểm tra tệp")');
    await page.waitForSelector('.upload-progress progress');
    await expect(page.locator('.upload-progress__label').textContent()).resolves.toContain('Đang gửi tệp');
    await screenshot(page, 'excel-upload-progress');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.waitForSelector('.upload-preview .alert', { timeout: 60_000 });
    await expect(page.locator('.upload-preview .alert').first().textContent()).resolves.toContain(
      'Tệp không có số liệu nào khác với số liệu đã lưu.',
    );
    // the DHIS2 mapping an administrator sets DHIS2 up with
    await page.click('summary:has-text("Bảng ánh xạ DHIS2")');
    await page.waitForSelector('.mapping-table tbody tr');
    const mapping = (await page.locator('.mapping-table').textContent()) ?? '';
    expect(mapping).toContain('SOC.FIBRE_HOUSEHOLDS.NUM');
    expect(mapping).toContain('SOC.FIBRE_HOUSEHOLDS.DEN');
    expect(mapping).toContain('INTEGER_ZERO_OR_POSITIVE');
    await page.locator('.mapping-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'dhis2-mapping.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
