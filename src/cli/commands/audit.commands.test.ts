import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'nhipso-cli-audit-'));

function nhipso(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/nhipso.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, NHIPSO_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('nhipso audit verify on an embedded database', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('passes on an intact chain and fails, naming the row, after an edit by SQL', {
    timeout: 240_000,
  }, async () => {
    // two commands that write to the audit trail
    expect(nhipso('users', 'create-admin-link').code).toBe(0);
    expect(nhipso('users', 'create-admin-link').code).toBe(0);
    const ok = nhipso('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Chuỗi nhật ký nguyên vẹn: đã kiểm tra \d+ mục/);

    const pg = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
    await pg.exec(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change;
      UPDATE audit_event SET actor_label = 'người khác' WHERE seq = 2;`);
    const { rows } = await pg.query<{ id: number }>('SELECT id FROM audit_event WHERE seq = 2');
    await pg.close();

    const bad = nhipso('audit', 'verify');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`Mục nhật ký #2 (dòng id ${rows[0]?.id}`);
    expect(bad.err).toContain(`Audit entry #2 (row id ${rows[0]?.id}`);
  });
});
