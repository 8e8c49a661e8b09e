/**
 * Opening the database. One code path for both engines: Kysely over a
 * `pg.Pool`, which talks either to a PostgreSQL server (`DATABASE_URL`) or to
 * an embedded PGlite through its node-postgres adapter.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** Closes the pool and, for PGlite, the embedded database (flushes to disk). */
  close(): Promise<void>;
  /**
   * PGlite only: the whole data folder as a tarball. Tests keep a migrated
   * template this way, so each test file starts from a fresh copy quickly.
   */
  dumpDataDir?: (compression?: 'none' | 'gzip') => Promise<Blob>;
}

export type OpenOptions =
  | { engine: 'postgres'; url: string; poolSize?: number }
  | {
      engine: 'pglite';
      dataDir?: string;
      /** A data-folder tarball to start from (PGlite's dumpDataDir format). */
      loadDataDir?: Blob;
    };

let parsersInstalled = false;

/**
 * numeric and bigint come back as JS numbers (ids and figures stay far below
 * 2^53), dates as plain `YYYY-MM-DD` strings so that no time zone shifts them.
 */
function installTypeParsers(): void {
  if (parsersInstalled) return;
  parsersInstalled = true;
  const toNumber = (v: string) => Number(v);
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, toNumber);
  pg.types.setTypeParser(pg.types.builtins.INT8, toNumber);
  pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
  // arrays of numeric / int8 / date
  pg.types.setTypeParser(1231 as never, (v: string) => parseArray(v).map(toNumber));
  pg.types.setTypeParser(1016 as never, (v: string) => parseArray(v).map(toNumber));
  pg.types.setTypeParser(1182 as never, (v: string) => parseArray(v));
}

function parseArray(v: string): string[] {
  const inner = v.slice(1, -1);
  return inner === '' ? [] : inner.split(',');
}

function createKysely(pool: pg.Pool): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

/** Opens the database the options describe. */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  installTypeParsers();
  if (options.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    pool.on('error', () => {
      // an idle client lost its connection; the pool replaces it on next use
    });
    const db = createKysely(pool);
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = createKysely(pool);
  let closed = false;
  return {
    db,
    engine: 'pglite',
    dumpDataDir: (compression = 'none') => pglite.dumpDataDir(compression),
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await pglite.close();
    },
  };
}
