/**
 * A unit's report in a round: the form it fills in, saving it, and the
 * workflow — submit, recall, return with a comment, approve, reopen with a
 * reason (domain/submission/workflow.ts). Each step is one transaction: the
 * report's state and version, its figures' status and revisions, the
 * roll-ups of every ancestor, the event, the audit entry and notifications.
 *
 * Approval is by an approver of an ancestor unit or a coordinator, never by
 * the person who submitted. A step carries the version the caller saw; if
 * someone changed the report since, the step is refused (409) saying who.
 */
import type {
  ReportForm,
  SaveReportFormInput,
  SaveReportFormResult,
  SubmissionList,
  SubmissionView,
  TransitionInput,
} from '../contracts/submission';
import { actorUserId } from '../domain/auth/actor';
import { rolesFor } from '../domain/auth/permissions';
import { grantCovers, isAdmin } from '../domain/auth/scope';
import { AppError, type ErrorDetail, notFound } from '../domain/errors';
import { formatPeriod, previousPeriod } from '../domain/period/period';
import { deadlineStanding, lastDayOnTime, vietnamDate } from '../domain/submission/deadline';
import {
  actionNeedsComment,
  actionPermission,
  approvalRefusal,
  canTransition,
  isEditable,
  nextState,
  type SubmissionAction,
  valueStatusOf,
} from '../domain/submission/workflow';
import { builtInConsistencyRules } from '../domain/validation/rules';
import {
  type AskedIndicator,
  type TaskInput,
  type ValueInput,
  validateReport,
} from '../domain/validation/validate';
import {
  type DataValueRecord,
  findValues,
  insertRevisions,
  setValueStatusOfSubmissions,
} from '../repositories/data-value.repository';
import { listEvidence } from '../repositories/data-value-evidence.repository';
import { type Db, inTransaction } from '../repositories/db';
import { findIndicators } from '../repositories/indicator.repository';
import {
  findRound,
  listRoundIndicators,
  listRoundTaskIds,
  listRoundUnits,
  predecessorsOf,
  roundUnitIds,
  unitsByIds,
} from '../repositories/round.repository';
import { insertNotifications, peopleOfSubmission } from '../repositories/round-notification.repository';
import {
  findSubmission,
  findSubmissionOf,
  insertSubmissionEvents,
  listSubmissionEvents,
  listSubmissionRows,
  lockSubmissions,
  type SubmissionRecord,
  updateSubmissions,
} from '../repositories/submission.repository';
import { findTaskUpdates } from '../repositories/task-update.repository';
import { unitAncestry } from '../repositories/unit-scope.repository';
import { recordAudit } from './audit';
import { hasPermission, permittedUnitIds, requirePermission, requireSignedIn } from './authorize';
import type { ServiceContext } from './context';
import { saveDataValues, throwIfConflicts } from './data-value.service';
import { toIndicator } from './indicator.service';
import { applyValueChanges } from './rollup.service';
import { roundTaskLeads } from './round.service';
import { decidersAt, requirePermissionAtAll } from './round-access.service';
import { saveTaskUpdates } from './task-update.service';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

async function loadSubmission(db: Db, id: number, lock = false): Promise<SubmissionRecord> {
  const s = await findSubmission(db, id, lock);
  if (!s) throw notFound('submission', id);
  return s;
}

/** Whether the actor decides from above: holds an approving role strictly above the unit, or manages rounds there. */
async function deciderFor(ctx: ServiceContext, unitId: number, db: Db) {
  const isCoordinator = await hasPermission(ctx, 'rounds.manage', unitId, db);
  let approvesFromAbove = false;
  if (ctx.actor.kind === 'user' || ctx.actor.kind === 'token') {
    const above = (await unitAncestry(db, unitId)).slice(1);
    const roles = rolesFor('submissions.approve');
    approvesFromAbove = ctx.actor.grants.some((g) => grantCovers(g, roles, above));
  }
  return {
    userId: actorUserId(ctx.actor),
    isCoordinator: isCoordinator || isAdmin(ctx.actor),
    approvesFromAbove,
  };
}

/** What the actor may do with a report now. */
async function permissionsOn(
  ctx: ServiceContext,
  s: SubmissionRecord,
  db: Db,
): Promise<SubmissionView['can']> {
  const open = s.roundState === 'open';
  const enter = open && (await hasPermission(ctx, 'figures.enter', s.unitId, db));
  const approve = await hasPermission(ctx, 'submissions.approve', s.unitId, db);
  const decides = approve && approvalRefusal(await deciderFor(ctx, s.unitId, db), s.submittedBy) === null;
  const manage = open && (await hasPermission(ctx, 'rounds.manage', s.unitId, db));
  return {
    edit: enter && isEditable(s.state),
    submit: enter && canTransition(s.state, 'submit'),
    recall: enter && canTransition(s.state, 'recall'),
    approve: decides && canTransition(s.state, 'approve'),
    return: decides && canTransition(s.state, 'return'),
    reopen: manage && canTransition(s.state, 'reopen'),
  };
}

async function toView(
  ctx: ServiceContext,
  s: SubmissionRecord,
  db: Db,
  withDetail: true,
): Promise<SubmissionView>;
async function toView(
  ctx: ServiceContext,
  s: SubmissionRecord,
  db: Db,
  withDetail: false,
): Promise<Omit<SubmissionView, 'events' | 'can'>>;
async function toView(ctx: ServiceContext, s: SubmissionRecord, db: Db, withDetail: boolean) {
  const round = (await findRound(db, s.roundId))!;
  const unit = (await unitsByIds(db, [s.unitId])).get(s.unitId)!;
  const names = await db
    .selectFrom('appUser')
    .select(['id', 'displayName'])
    .where('id', 'in', [s.submittedBy ?? 0, s.decidedBy ?? 0])
    .execute();
  const name = (id: number | null) => (id ? (names.find((n) => n.id === id)?.displayName ?? null) : null);
  const standing = deadlineStanding(
    {
      state: s.state,
      submittedOn: s.submittedAt ? vietnamDate(new Date(s.submittedAt)) : null,
      hasFigures: true,
    },
    { lastDayOnTime: lastDayOnTime(round.dueOn, round.dueBefore) },
    vietnamDate(ctx.now()),
  );
  const base = {
    id: s.id,
    roundId: s.roundId,
    roundName: round.name,
    roundState: round.state,
    periodId: s.periodId,
    unitId: s.unitId,
    unitName: unit.name,
    unitKind: unit.kind,
    state: s.state,
    version: s.version,
    submittedAt: iso(s.submittedAt),
    submittedBy: name(s.submittedBy),
    decidedAt: iso(s.decidedAt),
    decidedBy: name(s.decidedBy),
    comment: s.comment,
    isDemo: s.isDemo,
    late: round.state !== 'draft' && standing.late,
  };
  if (!withDetail) return base;
  const events = await listSubmissionEvents(db, s.id);
  return {
    ...base,
    events: events.map((e) => ({
      fromState: e.fromState,
      toState: e.toState,
      actor: e.actorName,
      comment: e.comment,
      at: new Date(e.at).toISOString(),
    })),
    can: await permissionsOn(ctx, s, db),
  };
}

/** A report with its history and what the caller may do. */
export async function getSubmission(ctx: ServiceContext, id: number): Promise<SubmissionView> {
  const s = await loadSubmission(ctx.db, id);
  await requirePermission(ctx, 'figures.read', s.unitId);
  return toView(ctx, s, ctx.db, true);
}

/** Reports of units the caller may read, optionally of one round or in one state (e.g. awaiting approval). */
export async function listSubmissions(
  ctx: ServiceContext,
  q: { roundId?: number; state?: SubmissionView['state'] },
): Promise<SubmissionList> {
  requireSignedIn(ctx);
  const allowed = await permittedUnitIds(ctx, 'figures.read');
  const rows = await listSubmissionRows(ctx.db, {
    ...(q.roundId ? { roundId: q.roundId } : {}),
    ...(q.state ? { state: q.state } : {}),
    unitIds: allowed === 'all' ? 'all' : [...allowed],
    limit: 1000,
  });
  const today = vietnamDate(ctx.now());
  return {
    items: rows.map((s) => ({
      id: s.id,
      roundId: s.roundId,
      roundName: s.roundName,
      roundState: s.roundState,
      periodId: s.periodId,
      unitId: s.unitId,
      unitName: s.unitName,
      unitKind: s.unitKind,
      state: s.state,
      version: s.version,
      submittedAt: iso(s.submittedAt),
      submittedBy: s.submittedByName,
      decidedAt: iso(s.decidedAt),
      decidedBy: s.decidedByName,
      comment: s.comment,
      isDemo: s.isDemo,
      late:
        s.roundState !== 'draft' &&
        deadlineStanding(
          {
            state: s.state,
            submittedOn: s.submittedAt ? vietnamDate(new Date(s.submittedAt)) : null,
            hasFigures: true,
          },
          { lastDayOnTime: lastDayOnTime(s.dueOn, s.dueBefore) },
          today,
        ).late,
    })),
  };
}

/** Last period's figures of a unit: its own, else re-expressed from the units it was made of. */
async function previousFigures(
  db: Db,
  unitId: number,
  periodId: string,
  indicators: ReadonlyArray<{ id: number; kind: string }>,
): Promise<Map<number, NonNullable<ReportForm['indicators'][number]['previous']>>> {
  const prev = previousPeriod(periodId).id;
  const out = new Map<number, NonNullable<ReportForm['indicators'][number]['previous']>>();
  const own = await findValues(db, {
    unitIds: [unitId],
    periodIds: [prev],
    indicatorIds: indicators.map((i) => i.id),
  });
  for (const v of own) {
    out.set(v.indicatorId, { ...pick(v), periodId: prev, source: 'own', approximate: false });
  }
  const missing = indicators.filter((i) => !out.has(i.id));
  if (missing.length === 0) return out;
  // a commune made on 1 July 2025 from old ones: add up its predecessors' figures
  const preds = (await predecessorsOf(db, [unitId])).get(unitId) ?? [];
  if (preds.length === 0) return out;
  const theirs = await findValues(db, {
    unitIds: preds.map((p) => p.unitId),
    periodIds: [prev],
    indicatorIds: missing.map((i) => i.id),
  });
  for (const ind of missing) {
    const rows = theirs.filter((v) => v.indicatorId === ind.id);
    if (rows.length === 0) continue;
    const partial = preds.some((p) => p.kind === 'partial') || rows.length < preds.length;
    const sum = (k: 'numerator' | 'denominator' | 'value') =>
      rows.every((r) => r[k] !== null) ? rows.reduce((a, r) => a + (r[k] as number), 0) : null;
    out.set(ind.id, {
      numerator: ind.kind === 'ratio' ? sum('numerator') : null,
      denominator: ind.kind === 'ratio' ? sum('denominator') : null,
      value: ind.kind === 'ratio' ? null : sum('value'),
      comment: null,
      periodId: prev,
      source: 'lineage',
      approximate: partial,
    });
  }
  return out;
}

const pick = (v: Pick<DataValueRecord, 'numerator' | 'denominator' | 'value' | 'comment'>) => ({
  numerator: v.numerator,
  denominator: v.denominator,
  value: v.value,
  comment: v.comment,
});

/**
 * The web form of one unit in one round: every indicator asked of its kind,
 * with its definition, the figure so far and last period's; every task it
 * leads with its update; evidence; the report's state and history.
 */
export async function getReportForm(
  ctx: ServiceContext,
  roundId: number,
  unitId: number,
): Promise<ReportForm> {
  await requirePermission(ctx, 'figures.read', unitId);
  const db = ctx.db;
  const s = await findSubmissionOf(db, roundId, unitId);
  const round = await findRound(db, roundId);
  if (!s || !round) throw notFound('submission', `${roundId}/${unitId}`);
  const unit = (await unitsByIds(db, [unitId])).get(unitId)!;
  const province = (await unitsByIds(db, [round.provinceId])).get(round.provinceId)!;
  const asked = (await listRoundIndicators(db, roundId)).filter((i) => i.unitKind === unit.kind);
  const catalog = new Map((await findIndicators(db)).map((r) => [r.id, r]));
  const values = await findValues(db, {
    unitIds: [unitId],
    periodIds: [round.periodId],
    indicatorIds: asked.map((a) => a.indicatorId),
  });
  const valueByIndicator = new Map(values.map((v) => [v.indicatorId, v]));
  const previous = await previousFigures(
    db,
    unitId,
    round.periodId,
    asked.map((a) => ({ id: a.indicatorId, kind: a.kind })),
  );
  const roundUnits = new Set((await listRoundUnits(db, roundId)).map((u) => u.unitId));
  const leads = await roundTaskLeads(db, await listRoundTaskIds(db, roundId), roundUnits);
  const myTasks = [...leads.entries()].filter(([, t]) => t.leads.includes(unitId));
  const updates = new Map(
    (
      await findTaskUpdates(db, {
        unitIds: [unitId],
        periodId: round.periodId,
        taskIds: myTasks.map(([id]) => id),
      })
    ).map((u) => [u.taskId, u]),
  );
  const evidence = await listEvidence(db, {
    dataValueIds: values.map((v) => v.id),
    taskUpdateIds: [...updates.values()].map((u) => u.id),
  });
  const editors = await db
    .selectFrom('appUser')
    .select(['id', 'displayName'])
    .where('id', 'in', [0, ...values.flatMap((v) => (v.updatedBy ? [v.updatedBy] : []))])
    .execute();
  return {
    round: {
      id: round.id,
      name: round.name,
      periodId: round.periodId,
      periodLabel: formatPeriod(round.periodId, ctx.locale),
      previousPeriodId: previousPeriod(round.periodId).id,
      state: round.state,
      dueOn: round.dueOn,
      lastDayOnTime: lastDayOnTime(round.dueOn, round.dueBefore),
      provinceId: province.id,
      provinceName: province.name,
      isDemo: round.isDemo,
    },
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
    submission: await toView(ctx, s, db, true),
    indicators: asked.map((a) => {
      const v = valueByIndicator.get(a.indicatorId);
      return {
        indicator: toIndicator(catalog.get(a.indicatorId)!),
        required: a.required,
        current: v
          ? {
              ...pick(v),
              id: v.id,
              revision: v.revision,
              status: v.status,
              updatedBy: editors.find((e) => e.id === v.updatedBy)?.displayName ?? null,
              updatedAt: new Date(v.updatedAt).toISOString(),
            }
          : null,
        previous: previous.get(a.indicatorId) ?? null,
        evidence: v ? (evidence.byValue.get(v.id) ?? []) : [],
      };
    }),
    tasks: myTasks.map(([taskId, t]) => {
      const u = updates.get(taskId);
      return {
        taskId,
        sectionLabel: t.sectionLabel,
        title: t.title,
        deadline: t.deadline,
        update: u
          ? {
              status: u.status,
              percent: u.percent,
              note: u.note,
              revision: u.revision,
              updatedAt: new Date(u.updatedAt).toISOString(),
            }
          : null,
        evidence: u ? (evidence.byTask.get(u.id) ?? []) : [],
      };
    }),
  };
}

/**
 * Saves the form: figures and task updates together, in one transaction.
 * `atomic` (default) refuses everything on any problem with one error
 * (409 when someone else changed a field meanwhile, else 422), each problem at
 * its field; the auto-save sends `atomic: false` and gets the problems back.
 */
export async function saveReportForm(
  ctx: ServiceContext,
  roundId: number,
  unitId: number,
  input: SaveReportFormInput,
): Promise<SaveReportFormResult> {
  await requirePermission(ctx, 'figures.enter', unitId);
  const atomic = input.atomic ?? true;
  return inTransaction(ctx.db, async (trx) => {
    const inner = { ...ctx, db: trx };
    const round = await findRound(trx, roundId);
    if (!round) throw notFound('round', roundId);
    const values = await saveDataValues(inner, {
      source: 'form',
      atomic,
      values: input.values.map((v) => ({
        unitId,
        indicatorId: v.indicatorId,
        periodId: round.periodId,
        ...(v.numerator !== undefined ? { numerator: v.numerator } : {}),
        ...(v.denominator !== undefined ? { denominator: v.denominator } : {}),
        ...(v.value !== undefined ? { value: v.value } : {}),
        ...(v.comment !== undefined ? { comment: v.comment } : {}),
      })),
      expectedRevisions: input.values.map((v) => v.expectedRevision),
    });
    if (atomic) throwIfConflicts(values);
    const tasks = await saveTaskUpdates(inner, { roundId, unitId, updates: input.tasks ?? [], atomic });
    if (atomic && tasks.conflicts.length) {
      const other = tasks.conflicts.some((c) => c.code === 'task_update.changed_by_other');
      throw new AppError(other ? 'data_value.conflict' : 'data_value.rejected', {
        status: other ? 409 : 422,
        details: tasks.conflicts.map((c) => ({ path: c.path, code: c.code })),
      });
    }
    const s = await findSubmissionOf(trx, roundId, unitId);
    return { values, tasks, version: s?.version ?? 0, savedAt: ctx.now().toISOString() };
  });
}

/**
 * Every problem that stops each report from being submitted, each at its
 * field — for many reports of a round at once (one read of each kind).
 */
async function submitProblems(
  db: Db,
  subs: readonly SubmissionRecord[],
): Promise<Map<number, ErrorDetail[]>> {
  const out = new Map<number, ErrorDetail[]>();
  const byRound = new Map<number, SubmissionRecord[]>();
  for (const s of subs) byRound.set(s.roundId, [...(byRound.get(s.roundId) ?? []), s]);
  const codeOf = new Map((await findIndicators(db)).map((i) => [i.id, i.code]));
  for (const [roundId, list] of byRound) {
    const periodId = list[0]!.periodId;
    const unitIds = list.map((s) => s.unitId);
    const [asked, values, previousValues, updates, roundUnits, taskIds] = await Promise.all([
      listRoundIndicators(db, roundId),
      findValues(db, { unitIds, periodIds: [periodId] }),
      findValues(db, { unitIds, periodIds: [previousPeriod(periodId).id] }),
      findTaskUpdates(db, { unitIds, periodId }),
      roundUnitIds(db, roundId),
      listRoundTaskIds(db, roundId),
    ]);
    const leads = await roundTaskLeads(db, taskIds, new Set(roundUnits));
    const byCode = (rows: readonly DataValueRecord[], unitId: number) => {
      const m: Record<string, ValueInput> = {};
      for (const v of rows) if (v.unitId === unitId) m[codeOf.get(v.indicatorId) ?? ''] = v;
      return m;
    };
    for (const s of list) {
      const indicators: AskedIndicator[] = asked
        .filter((i) => i.unitKind === s.unitKind)
        .map((a) => ({ code: a.code, kind: a.kind, required: a.required }));
      const tasks = [...leads.entries()]
        .filter(([, t]) => t.leads.includes(s.unitId))
        .map(([id]) => ({ id }));
      const taskUpdates: Record<string, TaskInput> = {};
      for (const u of updates) if (u.unitId === s.unitId) taskUpdates[String(u.taskId)] = u;
      const r = validateReport(
        {
          indicators,
          values: byCode(values, s.unitId),
          previous: byCode(previousValues, s.unitId),
          tasks,
          taskUpdates,
          rules: builtInConsistencyRules,
        },
        'submit',
      );
      const errors = r.issues
        .filter((i) => i.severity === 'error')
        .map(({ path, code, params }) => ({ path, code, ...(params ? { params } : {}) }));
      if (errors.length) out.set(s.id, errors);
    }
  }
  return out;
}

const eventOf: Record<SubmissionAction, 'submitted' | 'recalled' | 'returned' | 'approved' | 'reopened'> = {
  submit: 'submitted',
  recall: 'recalled',
  return: 'returned',
  approve: 'approved',
  reopen: 'reopened',
};

/** Up to this many reports, a step is audited report by report; above, as one entry listing them all. */
const AUDIT_ONE_BY_ONE = 20;

/** One report in a workflow step: the version the caller saw and its comment. */
export interface StepItem {
  id: number;
  version?: number;
  comment?: string;
}

/**
 * One workflow step over one or many reports, in one transaction: all are
 * taken or none (every refusal is listed, at `submissions.<id>…` for a batch).
 * Reports are locked in id order; then their figures, then the roll-ups.
 */
async function applyStep(
  ctx: ServiceContext,
  action: SubmissionAction,
  items: readonly StepItem[],
): Promise<void> {
  if (items.length === 0) return;
  const single = items.length === 1;
  await inTransaction(ctx.db, async (trx) => {
    const subs = await lockSubmissions(
      trx,
      items.map((i) => i.id),
    );
    const byId = new Map(subs.map((s) => [s.id, s]));
    const missing = items.find((i) => !byId.has(i.id));
    if (missing) throw notFound('submission', missing.id);
    await requirePermissionAtAll(
      ctx,
      actionPermission[action],
      subs.map((s) => s.unitId),
      trx,
    );
    const at = ctx.now();
    const by = actorUserId(ctx.actor);
    const where = (id: number, path = '') => (single ? path : `submissions.${id}${path ? `.${path}` : ''}`);
    const problems: ErrorDetail[] = [];
    const fail = (
      status: 403 | 409 | 422,
      code: string,
      details: ErrorDetail[],
      params: Record<string, string | number> = {},
    ) => {
      throw new AppError(code, { status, details, params });
    };
    const deciders =
      action === 'approve' || action === 'return'
        ? await decidersAt(
            ctx,
            subs.map((s) => s.unitId),
            trx,
          )
        : new Map();
    for (const item of items) {
      const s = byId.get(item.id)!;
      if (item.version !== undefined && item.version !== s.version) {
        const last = (await listSubmissionEvents(trx, s.id)).at(-1);
        const params = {
          by: last?.actorName ?? '?',
          at: last ? new Date(last.at).toISOString() : new Date(s.updatedAt).toISOString(),
          state: s.state,
          version: s.version,
        };
        if (single) fail(409, 'submission.version_conflict', [], params);
        problems.push({ path: where(s.id), code: 'submission.version_conflict', params });
        continue;
      }
      if (!canTransition(s.state, action)) {
        if (single) nextState(s.state, action);
        problems.push({
          path: where(s.id),
          code: 'submission.invalid_transition',
          params: { state: s.state, action },
        });
        continue;
      }
      const needsOpen = action === 'submit' || action === 'recall' || action === 'reopen';
      if (needsOpen && s.roundState !== 'open') {
        if (single) fail(409, 'submission.round_not_open', []);
        problems.push({ path: where(s.id), code: 'submission.round_not_open' });
        continue;
      }
      if (action === 'approve' || action === 'return') {
        const refusal = approvalRefusal(deciders.get(s.unitId)!, s.submittedBy);
        if (refusal) {
          if (single) fail(403, refusal, []);
          problems.push({ path: where(s.id), code: refusal });
          continue;
        }
      }
      if (actionNeedsComment[action] && !item.comment?.trim()) {
        if (single)
          fail(422, 'submission.comment_required', [
            { path: 'comment', code: 'submission.comment_required' },
          ]);
        problems.push({ path: where(s.id, 'comment'), code: 'submission.comment_required' });
      }
    }
    if (problems.length) fail(409, 'submission.batch_refused', problems);
    if (action === 'submit') {
      const found = await submitProblems(trx, subs);
      if (found.size) {
        throw new AppError('submission.invalid', {
          status: 422,
          details: [...found].flatMap(([id, details]) =>
            details.map((d) => ({ ...d, path: where(id, d.path) })),
          ),
        });
      }
    }

    const comments = new Map(items.map((i) => [i.id, i.comment?.trim() || null]));
    const next = new Map(subs.map((s) => [s.id, nextState(s.state, action)]));
    await updateSubmissions(
      trx,
      subs.map((s) => {
        const comment = comments.get(s.id) ?? null;
        const decided = action === 'approve' || action === 'return' || action === 'reopen';
        return {
          id: s.id,
          state: next.get(s.id)!,
          submittedAt: action === 'submit' ? at : action === 'recall' ? null : s.submittedAt,
          submittedBy: action === 'submit' ? by : action === 'recall' ? null : s.submittedBy,
          decidedAt: decided ? at : s.decidedAt,
          decidedBy: decided ? by : s.decidedBy,
          comment: action === 'submit' ? null : decided ? comment : s.comment,
        };
      }),
      at,
    );
    // the figures follow their reports: status, a revision each, the roll-ups
    const statusChanges = subs
      .filter((s) => valueStatusOf(next.get(s.id)!) !== valueStatusOf(s.state))
      .map((s) => ({ submissionId: s.id, status: valueStatusOf(next.get(s.id)!) }));
    const changed = await setValueStatusOfSubmissions(trx, statusChanges, by, at);
    await insertRevisions(
      trx,
      changed.map(({ after }) => {
        const comment = comments.get(after.submissionId ?? 0) ?? null;
        return {
          dataValueId: after.id,
          revision: after.revision,
          numerator: after.numerator,
          denominator: after.denominator,
          value: after.value,
          comment: after.comment,
          status: after.status,
          reason: comment ? `${eventOf[action]}: ${comment}` : eventOf[action],
          source: 'workflow',
        };
      }),
      by,
      at,
    );
    await applyValueChanges(
      trx,
      changed.map(({ before, after }) => ({
        unitId: after.unitId,
        indicatorId: after.indicatorId,
        periodId: after.periodId,
        before,
        after,
      })),
    );
    await insertSubmissionEvents(
      trx,
      subs.map((s) => ({
        submissionId: s.id,
        fromState: s.state,
        toState: next.get(s.id)!,
        actorId: by,
        comment: comments.get(s.id) ?? null,
        at,
      })),
    );
    await notifySteps(trx, subs, action, comments, at);
    if (subs.length <= AUDIT_ONE_BY_ONE) {
      for (const s of subs) {
        const comment = comments.get(s.id);
        await recordAudit(trx, ctx, {
          action: `submission.${action}`,
          entityType: 'submission',
          entityId: s.id,
          unitId: s.unitId,
          before: { state: s.state, version: s.version },
          after: { state: next.get(s.id), version: s.version + 1, ...(comment ? { comment } : {}) },
        });
      }
    } else {
      // a decision over a whole list is one act: one entry naming every report
      const provinces = new Set(subs.map((s) => s.provinceId));
      await recordAudit(trx, ctx, {
        action: `submission.${action}`,
        entityType: 'submission',
        entityId: null,
        unitId: provinces.size === 1 ? subs[0]!.provinceId : null,
        before: {
          reports: subs.map((s) => ({ id: s.id, unit: s.unitId, state: s.state, version: s.version })),
        },
        after: {
          reports: subs.map((s) => ({
            id: s.id,
            unit: s.unitId,
            state: next.get(s.id),
            version: s.version + 1,
            comment: comments.get(s.id) ?? null,
          })),
        },
      });
    }
  });
}

async function step(
  ctx: ServiceContext,
  id: number,
  action: SubmissionAction,
  input: TransitionInput,
): Promise<SubmissionView> {
  await applyStep(ctx, action, [{ id, ...input }]);
  return getSubmission(ctx, id);
}

/**
 * The same step for many reports at once (approvers approving a list,
 * the demo data): all or none; every refusal listed at `submissions.<id>`.
 * @example await decideReports(ctx, 'approve', [{ id: 12, version: 4 }, { id: 13, version: 2 }])
 */
export async function decideReports(
  ctx: ServiceContext,
  action: SubmissionAction,
  items: readonly StepItem[],
): Promise<{ count: number }> {
  await applyStep(ctx, action, items);
  return { count: new Set(items.map((i) => i.id)).size };
}

async function notifySteps(
  trx: Db,
  subs: readonly SubmissionRecord[],
  action: SubmissionAction,
  comments: ReadonlyMap<number, string | null>,
  at: Date,
) {
  if (action !== 'return' && action !== 'approve' && action !== 'reopen') return;
  const kind = action === 'return' ? 'returned' : action === 'approve' ? 'approved' : 'reopened';
  const rounds = new Map<number, string>();
  const units = await unitsByIds(
    trx,
    subs.map((s) => s.unitId),
  );
  const rows = [];
  for (const s of subs) {
    if (!rounds.has(s.roundId)) rounds.set(s.roundId, (await findRound(trx, s.roundId))!.name);
    for (const userId of await peopleOfSubmission(trx, s.id)) {
      rows.push({
        userId,
        unitId: s.unitId,
        roundId: s.roundId,
        kind,
        messageKey: `notify.${kind}`,
        params: {
          round: rounds.get(s.roundId)!,
          unit: units.get(s.unitId)!.name,
          comment: comments.get(s.id) ?? '',
        },
        link: `/rounds/${s.roundId}/units/${s.unitId}`,
        dedupeKey: null,
      } as const);
    }
  }
  await insertNotifications(trx, rows, at);
}

/** Sends the report for approval; refused (422) with every problem at its field while any remains. */
export const submitReport = (ctx: ServiceContext, id: number, input: TransitionInput = {}) =>
  step(ctx, id, 'submit', input);
/** Takes back a submitted report nobody has decided on yet. */
export const recallReport = (ctx: ServiceContext, id: number, input: TransitionInput = {}) =>
  step(ctx, id, 'recall', input);
/** Returns a report to the unit with a comment saying what to fix. */
export const returnReport = (ctx: ServiceContext, id: number, input: TransitionInput) =>
  step(ctx, id, 'return', input);
/** Approves a report: its figures count in the "approved" roll-ups and are locked. */
export const approveReport = (ctx: ServiceContext, id: number, input: TransitionInput = {}) =>
  step(ctx, id, 'approve', input);
/** A coordinator unlocks approved figures, with a reason; the report goes back to the unit. */
export const reopenReport = (ctx: ServiceContext, id: number, input: TransitionInput) =>
  step(ctx, id, 'reopen', input);
