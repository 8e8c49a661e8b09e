/**
 * Browser-test harness: starts the built server as a real process on a free
 * port with its own fresh data folder, and Debian's Chromium through
 * playwright-core. Screenshots go to test-results/screenshots/.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const root = resolve(import.meta.dirname, '../..');
export const screenshotDir = join(root, 'test-results', 'screenshots');

export interface RunningServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: string[];
  /** Sends SIGINT and waits for a clean exit; returns the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? ok(addr.port) : fail(new Error('no port'))));
    });
  });
}

/** Starts `node dist/server.js` and resolves once it prints its address. */
export async function startServer(
  options: { dataDir?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'nhipso-e2e-'));
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      NHIPSO_DATA_DIR: dataDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`server did not start in time:\n${output.join('')}`)),
      options.timeoutMs ?? 60_000,
    );
    const onData = (buf: Buffer) => {
      output.push(buf.toString());
      if (/is running at/.test(output.join(''))) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (b: Buffer) => output.push(b.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${output.join('')}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    process: child,
    output,
    async stop(signal: NodeJS.Signals = 'SIGINT') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** Collects console errors and failed requests of a page, to assert there were none. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Creates the first administrator through the one-time link the server
 * printed at start, as a person would, in a page of `context` (left signed in).
 */
export async function createFirstAdmin(
  server: RunningServer,
  context: BrowserContext,
  admin: { name: string; email: string; password: string },
): Promise<void> {
  const setup = /\/setup#token=[\w-]+/.exec(server.output.join(''))?.[0];
  if (!setup) throw new Error(`no set-up link printed:\n${server.output.join('')}`);
  const page = await context.newPage();
  await page.goto(`${server.url}${setup}`);
  await page.fill('#displayName', admin.name);
  await page.fill('#email', admin.email);
  await page.fill('#password', admin.password);
  await page.fill('#confirm', admin.password);
  await page.click('button[type=submit]');
  await page.waitForURL(`${server.url}/users`);
  await page.close();
}

/** Calls the API with a browser context's session (cookie and CSRF header); fails the test on an error status. */
export async function apiAs<T>(
  server: RunningServer,
  context: BrowserContext,
  method: 'GET' | 'POST',
  path: string,
  data?: unknown,
): Promise<T> {
  const csrf = (await context.cookies()).find((c) => c.name === 'nhipso_csrf')?.value ?? '';
  const res = await context.request.fetch(`${server.url}${path}`, {
    method,
    headers: { 'X-CSRF-Token': decodeURIComponent(csrf), Origin: server.url },
    ...(data === undefined ? {} : { data }),
  });
  if (res.status() >= 300) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}
