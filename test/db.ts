/**
 * A fresh, migrated database for a test file: PGlite in memory by default,
 * a throw-away PostgreSQL database when TEST_DATABASE_URL is set.
 * @example const t = await createTestDatabase(); … await t.close();
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/db/connect';

export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = inject('pgTemplateDb');
    const name = `nhipso_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await admin.end();
    }
    const u = new URL(url);
    u.pathname = `/${name}`;
    const handle = await openDatabase({ engine: 'postgres', url: u.toString(), poolSize: 4 });
    return {
      ...handle,
      async close() {
        await handle.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => a.end());
      },
    };
  }
  const file = inject('pgliteTemplate');
  return openDatabase({ engine: 'pglite', loadDataDir: new Blob([readFileSync(file)]) });
}
