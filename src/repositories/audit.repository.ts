/**
 * Appending to and reading the hash-chained audit trail.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { type AuditContent, auditHashInput, canonicalJson } from '../domain/auth/audit-chain';
import type { Db } from './db';

export interface NewAuditEntry {
  at: Date;
  actorUserId: number | null;
  actorLabel: string;
  actorIp: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: number | null;
  before: unknown;
  after: unknown;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Appends one entry. Must run inside the transaction of the change it records;
 * locking the chain head serialises concurrent writers.
 */
export async function appendAuditEntry(trx: Db, entry: NewAuditEntry): Promise<{ seq: number; hash: string }> {
  const head = await trx
    .selectFrom('auditHead')
    .select(['lastSeq', 'lastHash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // round-trip through JSON so that what is hashed equals what jsonb gives back
  const before = entry.before === undefined ? null : JSON.parse(canonicalJson(entry.before));
  const after = entry.after === undefined ? null : JSON.parse(canonicalJson(entry.after));
  const content: AuditContent = {
    seq: head.lastSeq + 1,
    at: entry.at.toISOString(),
    actorUserId: entry.actorUserId,
    actorLabel: entry.actorLabel,
    actorIp: entry.actorIp,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    unitId: entry.unitId,
    before,
    after,
  };
  const hash = sha256Hex(auditHashInput(head.lastHash, content));
  await trx
    .insertInto('auditEvent')
    .values({
      ...content,
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
      prevHash: head.lastHash,
      hash,
    })
    .execute();
  await trx.updateTable('auditHead').set({ lastSeq: content.seq, lastHash: hash }).where('id', '=', 1).execute();
  return { seq: content.seq, hash };
}

export interface StoredAuditEntry extends AuditContent {
  id: number;
  prevHash: string;
  hash: string;
}

/** Reads entries in chain order, a page at a time (for verification and listing). */
export async function readAuditChain(db: Db, afterSeq: number, limit: number): Promise<StoredAuditEntry[]> {
  const rows = await db
    .selectFrom('auditEvent')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    at: (r.at instanceof Date ? r.at : new Date(r.at)).toISOString(),
    actorUserId: r.actorUserId,
    actorLabel: r.actorLabel,
    actorIp: r.actorIp,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    unitId: r.unitId,
    before: r.before ?? null,
    after: r.after ?? null,
    prevHash: r.prevHash,
    hash: r.hash,
  }));
}

/** The chain head as recorded (last sequence number and hash). */
export async function readAuditHead(db: Db): Promise<{ lastSeq: number; lastHash: string }> {
  return db.selectFrom('auditHead').select(['lastSeq', 'lastHash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Total entries (a cheap count for the UI). */
export async function countAuditEntries(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_event`.execute(db);
  return r.rows[0]?.n ?? 0;
}
