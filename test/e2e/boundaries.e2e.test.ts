/**
 * Real boundaries on the maps, in Chromium against the real server: the
 * national map draws tiles; an administrator imports a GeoJSON file on
 * /boundaries — a file with a stray feature is refused with the feature
 * named, a good one is taken — and the national map then draws the
 * boundaries. Screenshots: boundaries-import.png, national-boundaries.png.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provinceTiles2025 } from '../../src/domain/reference/province-tiles';
import {
  createFirstAdmin,
  launchBrowser,
  type RunningServer,
  screenshot,
  startServer,
  watchConsole,
} from './harness';

/** One rough shape per province, placed by its tile on a lon/lat grid: a stand-in for a real boundary file. */
function boundaryFile(extra: unknown[] = []): Buffer {
  const features = provinceTiles2025.map((p, i) => {
    // north up: a row of tiles is a degree of latitude
    const x = 102 + p.col * 1.3;
    const y = 23 - p.row * 1.0;
    const ring = [
      [x, y],
      [x + 1.2, y + 0.1],
      [x + 1.1, y + 0.9],
      [x + 0.4, y + 0.8],
      [x, y],
    ];
    return {
      type: 'Feature',
      properties: i % 2 ? { ma_tinh: p.code } : { ten_tinh: p.name },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  });
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [...features, ...extra] }));
}

describe('province boundaries on the maps', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  const dataDir = mkdtempSync(join(tmpdir(), 'nhipso-e2e-boundaries-'));

  beforeAll(async () => {
    server = await startServer({ dataDir });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await createFirstAdmin(server, context, {
      name: 'Quản trị bản đồ',
      email: 'bando@nhipso.gov.vn',
      password: 'Ban-do-Nhip-So-2026',
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('draws tiles, refuses a file with a stray feature, then draws the imported boundaries', async () => {
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${server.url}/national`);
    await page.locator('.tilemap__tile').first().waitFor();
    expect(await page.locator('.tilemap__shape').count()).toBe(0);

    await page.getByRole('link', { name: 'Ranh giới bản đồ' }).click();
    await page.waitForURL(`${server.url}/boundaries`);
    const card = page.getByTestId('boundaries-34');
    await card.getByText('Đã có ranh giới 0/34 tỉnh').waitFor();

    const stray = {
      type: 'Feature',
      properties: { name: 'Đảo không tên' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [112, 16],
            [112.2, 16],
            [112.2, 16.2],
            [112, 16],
          ],
        ],
      },
    };
    await card.locator('input[type=file]').setInputFiles({
      name: 'ranh-gioi.geojson',
      mimeType: 'application/geo+json',
      buffer: boundaryFile([stray]),
    });
    await card.getByRole('button', { name: 'Nạp ranh giới' }).click();
    const alert = card.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'Đối tượng thứ 35 {name: "Đảo không tên"}: không khớp với tỉnh nào',
    );
    await card.getByText('Đã có ranh giới 0/34 tỉnh').waitFor();

    await card.locator('input[type=file]').setInputFiles({
      name: 'ranh-gioi.geojson',
      mimeType: 'application/geo+json',
      buffer: boundaryFile(),
    });
    await card.getByRole('button', { name: 'Nạp ranh giới' }).click();
    await card.getByText('Đã nạp ranh giới 34 tỉnh từ ranh-gioi.geojson.').waitFor();
    await card.getByText('Đã có ranh giới 34/34 tỉnh').waitFor();
    expect(await card.locator('.tilemap__shape').count()).toBe(34);
    await screenshot(page, 'boundaries-import');

    await page.goto(`${server.url}/national`);
    await page.locator('.tilemap__shape').first().waitFor();
    expect(await page.locator('.tilemap__shape').count()).toBe(34);
    expect(await page.locator('.tilemap__tile').count()).toBe(0);
    // each province still has its accessible name
    expect(await page.locator('[data-code="40"]').getAttribute('aria-label')).toContain('Nghệ An');
    await screenshot(page, 'national-boundaries');
    // the refused upload is the one failed request the browser reports
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  });
});
