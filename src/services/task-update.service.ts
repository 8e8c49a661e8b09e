/**
 * Progress of the tasks a unit leads, reported in its round: status (not
 * started, in progress, done, cancelled), percent, note. Same rules as
 * figures: only into an open round that asks the task of the unit, while the
 * report is editable, validated with the shared rules, with optimistic
 * revisions so two people never overwrite each other silently.
 */
import type { SaveTaskUpdatesResult } from '../contracts/submission';
import { actorUserId } from '../domain/auth/actor';
import { AppError, notFound } from '../domain/errors';
import { isEditable } from '../domain/submission/workflow';
import { type TaskStatus, validateTaskUpdate } from '../domain/validation/validate';
import { t } from '../i18n';
import { personNames } from '../repositories/data-value.repository';
import { inTransaction } from '../repositories/db';
import { listRoundTaskIds, listRoundUnits } from '../repositories/round.repository';
import { findSubmissionOf, touchSubmissions } from '../repositories/submission.repository';
import { findTaskUpdates, insertTaskUpdate, updateTaskUpdate } from '../repositories/task-update.repository';
import { recordAudit } from './audit';
import { requirePermission } from './authorize';
import type { ServiceContext } from './context';
import { roundTaskLeads } from './round.service';

/** One task update to save; omitted fields keep what is stored. */
export interface TaskUpdateInput {
  taskId: number;
  status?: TaskStatus | null;
  percent?: number | null;
  note?: string | null;
  /** The revision the form last saw (null: none yet); omit to skip the check. */
  expectedRevision?: number | null;
}

function inferStatus(percent: number | null): TaskStatus {
  if (percent === 100) return 'done';
  return percent !== null && percent > 0 ? 'in_progress' : 'not_started';
}

/**
 * Saves a unit's task updates in a round. With `atomic` (default) nothing is
 * saved when any update has a problem; the problems come back as conflicts
 * (each at `tasks.<taskId>.<field>`).
 */
export async function saveTaskUpdates(
  ctx: ServiceContext,
  input: { roundId: number; unitId: number; updates: readonly TaskUpdateInput[]; atomic?: boolean },
): Promise<SaveTaskUpdatesResult> {
  await requirePermission(ctx, 'figures.enter', input.unitId);
  const atomic = input.atomic ?? true;
  return inTransaction(ctx.db, async (trx) => {
    const at = ctx.now();
    const by = actorUserId(ctx.actor);
    const sub = await findSubmissionOf(trx, input.roundId, input.unitId, true);
    if (!sub) throw notFound('submission', `${input.roundId}/${input.unitId}`);
    const result: SaveTaskUpdatesResult = { updated: 0, ignored: 0, conflicts: [], revisions: {} };
    if (input.updates.length === 0) return result;
    if (sub.roundState !== 'open') throw new AppError('submission.round_not_open', { status: 409 });
    if (!isEditable(sub.state))
      throw new AppError('data_value.locked', { status: 409, params: { state: sub.state } });

    const roundUnits = new Set((await listRoundUnits(trx, input.roundId)).map((u) => u.unitId));
    const leads = await roundTaskLeads(trx, await listRoundTaskIds(trx, input.roundId), roundUnits);
    const stored = new Map(
      (
        await findTaskUpdates(
          trx,
          { unitIds: [input.unitId], periodId: sub.periodId, taskIds: input.updates.map((u) => u.taskId) },
          true,
        )
      ).map((r) => [r.taskId, r]),
    );
    const names = await personNames(
      trx,
      [...stored.values()].flatMap((s) => (s.updatedBy ? [s.updatedBy] : [])),
    );
    const conflict = (
      taskId: number,
      path: string,
      code: string,
      params: Record<string, string | number> = {},
    ) => result.conflicts.push({ taskId, path, code, message: t(ctx.locale, code, params) });

    let unchanged = 0;
    const writes: Array<{ taskId: number; status: TaskStatus; percent: number | null; note: string | null }> =
      [];
    for (const u of input.updates) {
      if (!leads.get(u.taskId)?.leads.includes(input.unitId)) {
        conflict(u.taskId, `tasks.${u.taskId}`, 'task_update.not_led');
        continue;
      }
      const s = stored.get(u.taskId);
      if (u.expectedRevision !== undefined && (s?.revision ?? null) !== u.expectedRevision) {
        result.conflicts.push({
          taskId: u.taskId,
          path: `tasks.${u.taskId}`,
          code: 'task_update.changed_by_other',
          message: t(ctx.locale, 'task_update.changed_by_other', {
            by: s?.updatedBy ? (names.get(s.updatedBy) ?? '?') : '?',
          }),
          ...(s
            ? {
                current: {
                  status: s.status,
                  percent: s.percent,
                  note: s.note,
                  revision: s.revision,
                  updatedBy: s.updatedBy ? (names.get(s.updatedBy) ?? null) : null,
                  updatedAt: new Date(s.updatedAt).toISOString(),
                },
              }
            : {}),
        });
        continue;
      }
      const percent = u.percent !== undefined ? u.percent : (s?.percent ?? null);
      const note = u.note !== undefined ? (u.note?.trim() ? u.note.trim() : null) : (s?.note ?? null);
      const status = u.status ?? s?.status ?? inferStatus(percent);
      const issues = validateTaskUpdate(u.taskId, { status, percent, note }, { mode: 'draft' });
      if (issues.length) {
        for (const i of issues)
          result.conflicts.push({
            taskId: u.taskId,
            path: i.path,
            code: i.code,
            message: t(ctx.locale, i.code, i.params),
          });
        continue;
      }
      if (s && s.status === status && s.percent === percent && s.note === note) {
        unchanged++;
        result.revisions[String(u.taskId)] = s.revision;
        continue;
      }
      writes.push({ taskId: u.taskId, status, percent, note });
    }
    if (result.conflicts.length && atomic) {
      result.ignored = input.updates.length;
      result.revisions = {};
      return result;
    }
    for (const w of writes) {
      const s = stored.get(w.taskId);
      const row = s
        ? await updateTaskUpdate(
            trx,
            s.id,
            { status: w.status, percent: w.percent, note: w.note, submissionId: sub.id, updatedBy: by },
            at,
          )
        : await insertTaskUpdate(
            trx,
            { ...w, unitId: input.unitId, periodId: sub.periodId, submissionId: sub.id, updatedBy: by },
            at,
          );
      result.revisions[String(w.taskId)] = row.revision;
      result.updated++;
    }
    result.ignored = unchanged + new Set(result.conflicts.map((c) => c.taskId)).size;
    if (writes.length) {
      await touchSubmissions(trx, [sub.id], at);
      await recordAudit(trx, ctx, {
        action: 'task_update.save',
        entityType: 'submission',
        entityId: sub.id,
        unitId: input.unitId,
        before: {
          tasks: writes.map((w) => {
            const s = stored.get(w.taskId);
            return { task: w.taskId, ...(s ? { status: s.status, percent: s.percent, note: s.note } : {}) };
          }),
        },
        after: {
          tasks: writes.map((w) => ({ task: w.taskId, status: w.status, percent: w.percent, note: w.note })),
        },
      });
    }
    return result;
  });
}
