/**
 * Forward-only migrations: `migrations/NNNN_name.sql`, applied in order, each
 * in its own transaction, with the file's SHA-256 recorded. A migration whose
 * file changed after it was applied (or vanished) stops the start-up: the
 * database and the code no longer describe the same schema.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { AppError } from '../domain/errors';
import type { Database } from './schema';

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** Where the SQL files are: beside this module in the sources, `dist/migrations` in the build. */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('./migrations/', import.meta.url));
}

/** Reads and checksums the migration files of a folder, ordered by version. */
export function readMigrations(dir: string = defaultMigrationsDir()): MigrationFile[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  return files.map((file) => {
    const text = readFileSync(`${dir}/${file}`, 'utf8').replace(/\r\n/g, '\n');
    const version = Number(file.slice(0, 4));
    return {
      version,
      name: file.slice(5, -4),
      sql: text,
      checksum: createHash('sha256').update(text).digest('hex'),
    };
  });
}

// an arbitrary constant: the advisory lock that serialises concurrent migrators
const MIGRATION_LOCK = 7_270_2025;

/** Applies every pending migration; refuses if an applied one was edited or removed. */
export async function migrate(
  db: Kysely<Database>,
  files: MigrationFile[] = readMigrations(),
): Promise<MigrationResult> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migration (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);

  const applied: string[] = [];
  let alreadyApplied = 0;
  const rows = await db.selectFrom('schemaMigration').selectAll().execute();
  const byVersion = new Map(rows.map((r) => [r.version, r]));
  for (const row of rows) {
    if (!files.some((f) => f.version === row.version)) {
      throw new AppError('migration.missing_file', { status: 500, params: { version: row.version } });
    }
  }
  for (const file of files) {
    const done = byVersion.get(file.version);
    if (done) {
      if (done.checksum !== file.checksum) {
        throw new AppError('migration.checksum_mismatch', {
          status: 500,
          params: { version: file.version, name: file.name },
        });
      }
      alreadyApplied++;
      continue;
    }
    const ran = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
      // another process may have applied it while we waited for the lock
      const again = await trx
        .selectFrom('schemaMigration')
        .select('checksum')
        .where('version', '=', file.version)
        .executeTakeFirst();
      if (again) return false;
      await sql.raw(file.sql).execute(trx);
      await trx
        .insertInto('schemaMigration')
        .values({ version: file.version, name: file.name, checksum: file.checksum })
        .execute();
      return true;
    });
    if (ran) applied.push(`${String(file.version).padStart(4, '0')}_${file.name}`);
    else alreadyApplied++;
  }
  return { applied, alreadyApplied };
}
