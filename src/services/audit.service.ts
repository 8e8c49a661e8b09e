/**
 * Reading the audit trail within one's scope, and verifying its hash chain:
 * the walk names the first entry that was edited, deleted, moved or added
 * outside the application.
 */
import type { AuditList, AuditQuery, AuditVerification } from '../contracts/audit';
import { type AuditContent, auditHashInput } from '../domain/auth/audit-chain';
import { AppError } from '../domain/errors';
import { type Locale, t } from '../i18n';
import { formatDateTime } from '../i18n/format';
import {
  findAuditEntryByHash,
  listAuditEntries,
  readAuditChain,
  readAuditHead,
  type StoredAuditEntry,
} from '../repositories/audit.repository';
import { subtreeIds } from '../repositories/unit-scope.repository';
import { sha256Hex } from './auth-secrets';
import { permittedUnitIds, requireAdmin, requireSignedIn } from './authorize';
import type { ServiceContext } from './context';

const GENESIS = '0'.repeat(64);

/** The start of a day in Vietnam (UTC+7, no daylight saving). */
function vietnamDayStart(isoDate: string, addDays = 0): Date {
  const d = new Date(`${isoDate}T00:00:00+07:00`);
  return new Date(d.getTime() + addDays * 86_400_000);
}

/**
 * The audit trail, newest first, filtered by person, unit (with its subtree),
 * kind and time. Admins read everything; coordinators the entries of their
 * subtree; others may not read it.
 */
export async function listAudit(ctx: ServiceContext, q: AuditQuery): Promise<AuditList> {
  requireSignedIn(ctx);
  const scope = await permittedUnitIds(ctx, 'audit.read');
  if (scope !== 'all' && scope.size === 0) throw new AppError('auth.forbidden', { status: 403 });
  const rows = await listAuditEntries(ctx.db, {
    within: scope === 'all' ? 'all' : [...scope],
    ...(q.unitId !== undefined ? { unitIds: await subtreeIds(ctx.db, [q.unitId]) } : {}),
    ...(q.actorUserId !== undefined ? { actorUserId: q.actorUserId } : {}),
    ...(q.actor ? { actorText: q.actor } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(q.entityType ? { entityType: q.entityType } : {}),
    ...(q.entityId ? { entityId: q.entityId } : {}),
    ...(q.from ? { from: vietnamDayStart(q.from) } : {}),
    ...(q.to ? { to: vietnamDayStart(q.to, 1) } : {}),
    ...(q.beforeSeq !== undefined ? { beforeSeq: q.beforeSeq } : {}),
    limit: q.limit + 1,
  });
  const more = rows.length > q.limit;
  const items = rows.slice(0, q.limit).map(({ prevHash: _p, hash: _h, ...r }) => r);
  return { items, nextBeforeSeq: more ? (items[items.length - 1]?.seq ?? null) : null };
}

function contentOf(r: StoredAuditEntry): AuditContent {
  return {
    seq: r.seq,
    at: r.at,
    actorUserId: r.actorUserId,
    actorLabel: r.actorLabel,
    actorIp: r.actorIp,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    unitId: r.unitId,
    before: r.before,
    after: r.after,
  };
}

type Problem = NonNullable<AuditVerification['problem']>;

/**
 * Walks the whole chain in order and checks each entry's hash, its link to
 * the entry before it and its position; then the chain head. Returns the
 * first problem found, in the context's language. Admins and operators only.
 */
export async function verifyAuditChain(ctx: ServiceContext): Promise<AuditVerification> {
  requireAdmin(ctx);
  const db = ctx.db;
  const head = await readAuditHead(db);
  const describe = (r: StoredAuditEntry) => ({
    seq: r.seq,
    id: r.id,
    action: r.action,
    at: formatDateTime(r.at),
  });
  const problem = (
    kind: Problem['kind'],
    seq: number,
    id: number | null,
    params: Record<string, string | number>,
  ) => ({
    kind,
    seq,
    id,
    message: t(ctx.locale, `audit.chain.${kind}`, params),
    params,
  });
  let prev: StoredAuditEntry | null = null;
  let checked = 0;
  const pageSize = 1000;
  for (;;) {
    const page = await readAuditChain(db, prev?.seq ?? 0, pageSize);
    if (prev === null && page.length === 0 && head.lastSeq > 0) {
      return fail(
        problem('deleted', 1, null, { seq: 1, prevSeq: 0, nextSeq: head.lastSeq + 1, nextId: '—' }),
      );
    }
    for (const r of page) {
      const expectedPrev = prev?.hash ?? GENESIS;
      const contentOk = sha256Hex(auditHashInput(r.prevHash, contentOf(r))) === r.hash;
      if (r.prevHash !== expectedPrev) {
        const followed = await findAuditEntryByHash(db, r.prevHash);
        if (followed) {
          return fail(
            problem('reordered', r.seq, r.id, {
              ...describe(r),
              followsId: followed.id,
              followsSeq: followed.seq,
            }),
          );
        }
        if (contentOk) {
          const missing = (prev?.seq ?? 0) + 1;
          return fail(
            problem('deleted', missing, null, {
              seq: missing,
              prevSeq: prev?.seq ?? 0,
              nextSeq: r.seq,
              nextId: r.id,
            }),
          );
        }
        return fail(problem('edited', r.seq, r.id, describe(r)));
      }
      if (!contentOk || r.seq !== (prev?.seq ?? 0) + 1) {
        return fail(problem('edited', r.seq, r.id, describe(r)));
      }
      prev = r;
      checked++;
    }
    if (page.length < pageSize) break;
  }
  const lastSeq = prev?.seq ?? 0;
  if (head.lastSeq > lastSeq) {
    const missing = lastSeq + 1;
    return fail(
      problem('deleted', missing, null, {
        seq: missing,
        prevSeq: lastSeq,
        nextSeq: head.lastSeq + 1,
        nextId: '—',
      }),
    );
  }
  if (prev && head.lastSeq < lastSeq) {
    const extra = await readAuditChain(db, head.lastSeq, 1);
    const r = extra[0] ?? prev;
    return fail(problem('inserted', r.seq, r.id, { ...describe(r), headSeq: head.lastSeq }));
  }
  if (prev && head.lastHash !== prev.hash) {
    return fail(problem('edited', prev.seq, prev.id, describe(prev)));
  }
  return { ok: true, checked, headSeq: head.lastSeq, problem: null };

  function fail(p: Problem): AuditVerification {
    return { ok: false, checked, headSeq: head.lastSeq, problem: p };
  }
}

/** The summary line of a verification in a language. */
export function describeVerification(locale: Locale, v: AuditVerification): string {
  return v.problem
    ? t(locale, `audit.chain.${v.problem.kind}`, v.problem.params)
    : t(locale, 'audit.chain.ok', { checked: v.checked });
}
