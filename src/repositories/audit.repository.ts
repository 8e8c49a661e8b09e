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
export async function appendAuditEntry(
  trx: Db,
  entry: NewAuditEntry,
): Promise<{ seq: number; hash: string }> {
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
  await trx
    .updateTable('auditHead')
    .set({ lastSeq: content.seq, lastHash: hash })
    .where('id', '=', 1)
    .execute();
  return { seq: content.seq, hash };
}

export interface StoredAuditEntry extends AuditContent {
  id: number;
  prevHash: string;
  hash: string;
}

type AuditEventRow = Omit<StoredAuditEntry, 'at' | 'before' | 'after'> & {
  at: Date | string;
  before: unknown;
  after: unknown;
};

/** A row of audit_event as the chain hashes it: the time as ISO text, absent JSON as null. */
function toStoredEntry(r: AuditEventRow): StoredAuditEntry {
  return {
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
  };
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
  return rows.map(toStoredEntry);
}

/** The chain head as recorded (last sequence number and hash). */
export async function readAuditHead(db: Db): Promise<{ lastSeq: number; lastHash: string }> {
  return db
    .selectFrom('auditHead')
    .select(['lastSeq', 'lastHash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
}

/** Total entries (a cheap count for the UI). */
export async function countAuditEntries(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_event`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/** An entry by its hash (to tell a moved entry from a deleted one). */
export async function findAuditEntryByHash(
  db: Db,
  hash: string,
): Promise<{ id: number; seq: number } | undefined> {
  return db.selectFrom('auditEvent').select(['id', 'seq']).where('hash', '=', hash).executeTakeFirst();
}

export interface AuditListFilter {
  /** Units whose entries the caller may read; 'all' also shows entries with no unit. */
  within: 'all' | number[];
  /** Only these units (a subtree chosen in the filter). */
  unitIds?: number[];
  actorUserId?: number;
  /** Text in the actor label, case-insensitive. */
  actorText?: string;
  /** `user` matches `user.create`, `user.update`, …; `user.create` matches itself. */
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
}

export interface AuditListRow extends StoredAuditEntry {
  unitName: string | null;
}

/** Entries newest first, filtered. */
export async function listAuditEntries(db: Db, f: AuditListFilter): Promise<AuditListRow[]> {
  if (f.within !== 'all' && f.within.length === 0) return [];
  if (f.unitIds && f.unitIds.length === 0) return [];
  let q = db
    .selectFrom('auditEvent as e')
    .leftJoin('unit as u', 'u.id', 'e.unitId')
    .selectAll('e')
    .select('u.name as unitName');
  if (f.within !== 'all') q = q.where('e.unitId', 'in', f.within);
  if (f.unitIds) q = q.where('e.unitId', 'in', f.unitIds);
  if (f.actorUserId !== undefined) q = q.where('e.actorUserId', '=', f.actorUserId);
  if (f.actorText) {
    const like = `%${f.actorText.toLowerCase().replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
    q = q.where(sql`lower(e.actor_label)`, 'like', like);
  }
  if (f.action) {
    const action = f.action;
    q = q.where((eb) => eb.or([eb('e.action', '=', action), eb('e.action', 'like', `${action}.%`)]));
  }
  if (f.entityType) q = q.where('e.entityType', '=', f.entityType);
  if (f.entityId) q = q.where('e.entityId', '=', f.entityId);
  if (f.from) q = q.where('e.at', '>=', f.from);
  if (f.to) q = q.where('e.at', '<', f.to);
  if (f.beforeSeq !== undefined) q = q.where('e.seq', '<', f.beforeSeq);
  const rows = await q.orderBy('e.seq', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({ ...toStoredEntry(r), unitName: r.unitName }));
}
