/**
 * Once per test run: builds a migrated template database with the production
 * migrator, so every test file gets a fresh, migrated database in well under
 * a second — an embedded PGlite restored from a tarball, or (when
 * TEST_DATABASE_URL is set) a PostgreSQL database created from a template.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/connect';
import { migrate } from '../src/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplateDb: string;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `nhipso_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await dropStale(admin);
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const handle = await openDatabase({ engine: 'postgres', url: withDatabase(url, name), poolSize: 2 });
    await migrate(handle.db);
    await handle.close();
    project.provide('pgTemplateDb', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'nhipso-test-'));
  const handle = await openDatabase({ engine: 'pglite' });
  await migrate(handle.db);
  const blob = await handle.dumpDataDir!();
  await handle.close();
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplateDb', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

/** Same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

// databases left behind by an interrupted run (older than an hour)
async function dropStale(admin: pg.Client) {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'nhipso\\_t%' AND datname NOT LIKE 'nhipso\\_tpl\\_${process.pid}'`,
  );
  for (const { datname } of rows) {
    const pid = /^nhipso_tpl_(\d+)$/.exec(datname)?.[1];
    if (pid && isAlive(Number(pid))) continue;
    if (/^nhipso_t_(\d+)_/.test(datname) && isAlive(Number(/^nhipso_t_(\d+)_/.exec(datname)?.[1]))) continue;
    await admin.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
