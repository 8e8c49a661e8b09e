import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import type { DatabaseHandle } from './connect';
import { migrate, readMigrations } from './migrate';

describe('migrate', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDatabase();
  });
  afterAll(() => h.close());

  it('records every migration file with its checksum', async () => {
    const rows = await h.db.selectFrom('schemaMigration').selectAll().orderBy('version').execute();
    const files = readMigrations();
    expect(rows.map((r) => [r.version, r.checksum])).toEqual(files.map((f) => [f.version, f.checksum]));
  });

  it('is a no-op when everything is applied', async () => {
    const result = await migrate(h.db);
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toBe(readMigrations().length);
  });

  it('refuses to start when an applied migration was edited', async () => {
    const files = readMigrations().map((f, i) => (i === 0 ? { ...f, checksum: 'edited' } : f));
    await expect(migrate(h.db, files)).rejects.toMatchObject({ code: 'migration.checksum_mismatch' });
  });

  it('refuses when an applied migration file is missing', async () => {
    await expect(migrate(h.db, readMigrations().slice(1))).rejects.toMatchObject({
      code: 'migration.missing_file',
    });
  });

  it('applies a new migration in its own transaction and rolls back a failing one', async () => {
    const files = readMigrations();
    const next = files.length + 100;
    const good = { version: next, name: 'extra', sql: 'CREATE TABLE extra_t (id int);', checksum: 'a' };
    const bad = {
      version: next + 1,
      name: 'bad',
      sql: 'CREATE TABLE bad_t (id int); SELECT 1/0;',
      checksum: 'b',
    };
    await expect(migrate(h.db, [...files, good, bad])).rejects.toThrow();
    const tables = await sql<{
      name: string;
    }>`SELECT tablename AS name FROM pg_tables WHERE tablename IN ('extra_t', 'bad_t')`.execute(h.db);
    expect(tables.rows.map((r) => r.name)).toEqual(['extra_t']);
  });

  it('enforces the domain constraints in the database', async () => {
    await expect(
      h.db
        .insertInto('unit')
        .values({ code: 'X', kind: 'province', name: ' ', searchText: 'x', parentId: null })
        .execute(),
    ).rejects.toThrow();
  });
});
