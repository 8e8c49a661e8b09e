/**
 * The server process: configuration → database (migrated) → bootstrap →
 * HTTP. Stops cleanly on SIGINT/SIGTERM so the embedded database needs no
 * recovery on the next start.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from '../http/app';
import { smtpFromEnv, startReminderJob } from '../jobs/reminders.job';
import { oidcSettingsFromEnv } from '../services/oidc.service';
import { bootstrap } from './bootstrap';
import { loadConfig } from './config';
import { openConfiguredDatabase } from './database';
import { productVersion } from './version';

/** The built web app: dist/web beside the bundle, or ../../dist/web from the sources. */
function findWebRoot(): string | undefined {
  for (const rel of ['./web/', '../../dist/web/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}index.html`)) return dir;
  }
  return undefined;
}

export async function startServer(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const handle = await openConfiguredDatabase(config);
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`;
  console.log(
    `Cơ sở dữ liệu / Database: ${where}${handle.migrated.length ? `, migrated ${handle.migrated.join(', ')}` : ''}`,
  );
  const baseUrl = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  for (const line of await bootstrap(handle.db)) console.log(line.replaceAll('{publicUrl}', baseUrl));

  const app = createApp({
    db: handle.db,
    engine: handle.engine,
    version: productVersion(),
    webRoot: findWebRoot(),
    publicUrl: config.publicUrl ?? undefined,
    oidc: oidcSettingsFromEnv(process.env, config.publicUrl),
    trustedProxies: config.trustedProxies,
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const url = config.publicUrl ?? `http://localhost:${info.port}`;
    console.log(`Nhịp Số đang chạy tại / is running at ${url}  (${Date.now() - started} ms)`);
  });

  // reminders before reporting deadlines: in the app, and by e-mail where SMTP is configured
  const smtp = smtpFromEnv();
  const stopReminders = startReminderJob(handle.db, { publicUrl: baseUrl, smtp, log: (l) => console.log(l) });
  if (!smtp)
    console.log(
      'E-mail nhắc hạn: chưa cấu hình NHIPSO_SMTP_URL (chỉ nhắc trong ứng dụng) / reminder e-mail off',
    );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: đang dừng / stopping…`);
    server.close();
    stopReminders();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
