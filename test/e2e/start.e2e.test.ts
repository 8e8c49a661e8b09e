import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, screenshot, startServer, watchConsole } from './harness';

describe('the server on a fresh data folder', () => {
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('starts, serves the Vietnamese web app and stops cleanly on Ctrl-C, keeping its data', async () => {
    server = await startServer();
    const health = await fetch(`${server.url}/api/health`).then((r) => r.json());
    expect(health).toMatchObject({ status: 'ok', engine: 'pglite' });

    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const problems = watchConsole(page);
      await page.goto(server.url);
      await expect(page.locator('h1').first().textContent()).resolves.toContain('Nhịp Số');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');
      await screenshot(page, 'home');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }

    expect(await server.stop('SIGINT')).toBe(0);
    expect(existsSync(join(server.dataDir, 'nhipso.lock'))).toBe(false);

    // the second start finds its data and needs no recovery
    const dataDir = server.dataDir;
    server = await startServer({ dataDir });
    expect(server.output.join('')).not.toMatch(/migrated/);
    const again = await fetch(`${server.url}/api/health`);
    expect(again.status).toBe(200);
  });
});
