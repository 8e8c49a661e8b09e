import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildWorld, createPerson, type World } from '../../test/auth-world';
import { createTestDatabase } from '../../test/db';
import { auditCommands } from '../cli/commands/audit.commands';
import type { DatabaseHandle } from '../db/connect';
import { systemActor } from '../domain/auth/actor';
import { inTransaction } from '../repositories/db';
import { recordAudit } from './audit';
import { describeVerification, listAudit, verifyAuditChain } from './audit.service';
import type { ServiceContext } from './context';

let h: DatabaseHandle;
let ctx: ServiceContext;
let w: World;

beforeEach(async () => {
  h = await createTestDatabase();
  w = await buildWorld(h.db);
  let t = Date.parse('2025-11-20T01:00:00Z');
  const tick = () => {
    t += 60_000;
    return new Date(t);
  };
  ctx = { db: h.db, actor: systemActor('kiểm thử'), now: tick, locale: 'vi', ip: null };
  // six entries: #1 … #6
  for (let i = 1; i <= 6; i++) {
    await inTransaction(h.db, (trx) =>
      recordAudit(trx, ctx, {
        action: 'unit.rename',
        entityType: 'unit',
        entityId: w.c1,
        unitId: i % 2 ? w.c1 : w.c2,
        before: { name: `Tên ${i - 1}` },
        after: { name: `Tên ${i}` },
      }),
    );
  }
});
afterEach(() => h.close());

/** Tampering as a database superuser would: the append-only trigger switched off first. */
async function tamper(statement: ReturnType<typeof sql>) {
  await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change`.execute(h.db);
  await statement.execute(h.db);
  await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_change`.execute(h.db);
}

async function idOfSeq(seq: number): Promise<number> {
  const r = await h.db.selectFrom('auditEvent').select('id').where('seq', '=', seq).executeTakeFirstOrThrow();
  return r.id;
}

describe('verifying the audit chain', () => {
  it('finds an untouched chain intact', async () => {
    const v = await verifyAuditChain(ctx);
    expect(v).toEqual({ ok: true, checked: 6, headSeq: 6, problem: null });
    expect(describeVerification('vi', v)).toBe('Chuỗi nhật ký nguyên vẹn: đã kiểm tra 6 mục');
  });

  it('refuses UPDATE and DELETE on the audit table while the trigger is on', async () => {
    await expect(sql`UPDATE audit_event SET actor_label = 'x' WHERE seq = 2`.execute(h.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_event WHERE seq = 2`.execute(h.db)).rejects.toThrow(/append-only/);
  });

  it('names the entry whose content was edited', async () => {
    const id = await idOfSeq(3);
    await tamper(sql`UPDATE audit_event SET after = '{"name":"Tên giả"}'::jsonb WHERE seq = 3`);
    const v = await verifyAuditChain(ctx);
    expect(v.ok).toBe(false);
    expect(v.problem).toMatchObject({ kind: 'edited', seq: 3, id });
    expect(v.problem?.message).toContain(`Mục nhật ký #3 (dòng id ${id}, unit.rename`);
    expect(v.problem?.message).toContain('đã bị sửa');
  });

  it('names the entry whose time was moved', async () => {
    const id = await idOfSeq(5);
    await tamper(sql`UPDATE audit_event SET at = at - interval '1 day' WHERE seq = 5`);
    const v = await verifyAuditChain(ctx);
    expect(v.problem).toMatchObject({ kind: 'edited', seq: 5, id });
  });

  it('names the position of a deleted entry and the row after the gap', async () => {
    const next = await idOfSeq(5);
    await tamper(sql`DELETE FROM audit_event WHERE seq = 4`);
    const v = await verifyAuditChain(ctx);
    expect(v.problem).toMatchObject({ kind: 'deleted', seq: 4, id: null });
    expect(describeVerification('en', v)).toBe(
      `Audit entry #4 was deleted: the chain jumps from #3 to #5 (row id ${next})`,
    );
  });

  it('notices the first and the last entries deleted', async () => {
    await tamper(sql`DELETE FROM audit_event WHERE seq = 1`);
    expect((await verifyAuditChain(ctx)).problem).toMatchObject({ kind: 'deleted', seq: 1 });
    h.close();
    h = await createTestDatabase();
    ctx = { ...ctx, db: h.db };
    for (let i = 0; i < 3; i++) {
      await inTransaction(h.db, (trx) => recordAudit(trx, ctx, { action: 'x.y', entityType: 'x' }));
    }
    await tamper(sql`DELETE FROM audit_event WHERE seq = 3`);
    expect((await verifyAuditChain(ctx)).problem).toMatchObject({ kind: 'deleted', seq: 3 });
  });

  it('names an entry swapped with its neighbour as out of order', async () => {
    const third = await idOfSeq(3);
    const fourth = await idOfSeq(4);
    // swap the positions of #3 and #4 (through a free number: seq is unique)
    await tamper(sql`UPDATE audit_event SET seq = -1 WHERE seq = 3`);
    await tamper(sql`UPDATE audit_event SET seq = 3 WHERE seq = 4`);
    await tamper(sql`UPDATE audit_event SET seq = 4 WHERE seq = -1`);
    const v = await verifyAuditChain(ctx);
    expect(v.problem).toMatchObject({ kind: 'reordered', seq: 3, id: fourth });
    expect(v.problem?.message).toContain(`nó vốn đứng ngay sau dòng id ${third}`);
  });

  it('names an entry appended behind the application’s back', async () => {
    await tamper(sql`INSERT INTO audit_event (seq, at, actor_label, action, entity_type, prev_hash, hash)
      SELECT 7, now(), 'kẻ gian', 'user.grant', 'user', hash, repeat('f', 64) FROM audit_event WHERE seq = 6`);
    const id = await idOfSeq(7);
    const v = await verifyAuditChain(ctx);
    expect(v.problem).toMatchObject({ kind: 'edited', seq: 7, id });
  });

  it('the CLI command prints the problem in Vietnamese and English and exits 1', async () => {
    const id = await idOfSeq(2);
    await tamper(sql`UPDATE audit_event SET actor_label = 'người khác' WHERE seq = 2`);
    const out: string[] = [];
    const err: string[] = [];
    const code = await auditCommands[0]?.run({ positionals: [], options: {} }, ctx, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    expect(code).toBe(1);
    expect(err[0]).toContain(`Mục nhật ký #2 (dòng id ${id}`);
    expect(err[1]).toContain(`Audit entry #2 (row id ${id}`);
  });

  it('only admins and operators may verify', async () => {
    const viewer = await createPerson(h.db, { grants: [{ role: 'coordinator', unitId: w.p1 }] });
    const as = {
      ...ctx,
      actor: {
        kind: 'user' as const,
        userId: viewer.id,
        label: 'c',
        grants: [{ role: 'coordinator' as const, unitId: w.p1 }],
      },
    };
    await expect(verifyAuditChain(as)).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});

describe('reading the audit trail', () => {
  it('shows a coordinator the entries of their subtree only, newest first, and filters by unit, kind, person and day', async () => {
    const coordinator = {
      ...ctx,
      actor: {
        kind: 'user' as const,
        userId: 1,
        label: 'c',
        grants: [{ role: 'coordinator' as const, unitId: w.p1 }],
      },
    };
    const mine = await listAudit(coordinator, { limit: 50 });
    expect(mine.items.map((e) => e.seq)).toEqual([5, 3, 1]);
    expect(mine.items[0]?.unitName).toBe('Xã Yên Bình');
    const all = await listAudit(ctx, { limit: 50, unitId: w.p2 });
    expect(all.items.map((e) => e.seq)).toEqual([6, 4, 2]);
    expect((await listAudit(ctx, { limit: 50, action: 'unit' })).items).toHaveLength(6);
    expect((await listAudit(ctx, { limit: 50, action: 'unit.create' })).items).toHaveLength(0);
    expect((await listAudit(ctx, { limit: 50, actor: 'KIỂM' })).items).toHaveLength(6);
    expect((await listAudit(ctx, { limit: 50, from: '2025-11-21' })).items).toHaveLength(0);
    expect((await listAudit(ctx, { limit: 50, from: '2025-11-20', to: '2025-11-20' })).items).toHaveLength(6);
    const page = await listAudit(ctx, { limit: 4 });
    expect(page.items.map((e) => e.seq)).toEqual([6, 5, 4, 3]);
    expect(page.nextBeforeSeq).toBe(3);
    expect((await listAudit(ctx, { limit: 4, beforeSeq: 3 })).items.map((e) => e.seq)).toEqual([2, 1]);
  });

  it('refuses people without the audit action', async () => {
    const reporter = {
      ...ctx,
      actor: {
        kind: 'user' as const,
        userId: 1,
        label: 'r',
        grants: [{ role: 'reporter' as const, unitId: w.p1 }],
      },
    };
    await expect(listAudit(reporter, { limit: 10 })).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
