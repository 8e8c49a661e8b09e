/**
 * Recording a change in the audit trail, inside the change's transaction.
 * Every service that writes calls `recordAudit(trx, ctx, …)` before it commits.
 */
import { actorLabel, actorUserId } from '../domain/auth/actor';
import { appendAuditEntry } from '../repositories/audit.repository';
import type { Db } from '../repositories/db';
import type { ServiceContext } from './context';

export interface AuditInput {
  /** Dotted verb, e.g. `unit.import`, `target.confirm`, `submission.approve`. */
  action: string;
  entityType: string;
  entityId?: string | number | null;
  /** The unit whose scope the change belongs to (for filtering the trail). */
  unitId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one audit entry in the given transaction. */
export async function recordAudit(trx: Db, ctx: ServiceContext, input: AuditInput): Promise<void> {
  if (!trx.isTransaction) throw new Error('recordAudit must run inside the transaction of the change');
  await appendAuditEntry(trx, {
    at: ctx.now(),
    actorUserId: actorUserId(ctx.actor),
    actorLabel: actorLabel(ctx.actor),
    actorIp: ctx.ip ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId === undefined || input.entityId === null ? null : String(input.entityId),
    unitId: input.unitId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
  });
}
