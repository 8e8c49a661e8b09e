/**
 * The coordinator's review of a document's proposed program: accept, edit or
 * reject each proposed target and task, link a target to another indicator,
 * add what the reader missed from a selection of the text. The confirmed
 * program is what reporting and dashboards read (`listConfirmedTargets`,
 * `listConfirmedTasks`). Every change is audited.
 */

import type {
  Target,
  TargetCreateInput,
  TargetPatchInput,
  Task,
  TaskCreateInput,
  TaskPatchInput,
} from '../contracts/review';
import { findQuoteAll, overlapLength, type Span } from '../domain/document/quote';
import { AppError, type ErrorDetail, notFound } from '../domain/errors';
import { keptValueMax } from '../domain/target';
import { foldVietnamese } from '../domain/text';
import { inTransaction } from '../repositories/db';
import { type DocumentRow, listProvinceUnits, type UnitCandidate } from '../repositories/document.repository';
import {
  currentDocumentIds,
  existingIndicatorIds,
  findTarget,
  indicatorIdsByCode,
  insertTargets,
  listTargets,
  listTargetsByIds,
  type NewTarget,
  type TargetPatch,
  type TargetRow,
  updateTargets,
} from '../repositories/target.repository';
import {
  findTask,
  insertTasks,
  listTasks,
  listTasksByIds,
  replaceTaskUnits,
  type TaskPatch,
  type TaskRow,
  updateTasks,
} from '../repositories/task.repository';
import { recordAudit } from './audit';
import type { ServiceContext } from './context';
import { loadDocument } from './document.service';
import { requireProgramManager, requireProposalReader } from './document-access.service';
import { matchMention, placeNamesOf } from './document-units.service';

type Db = ServiceContext['db'];
type StateFilter = 'proposed' | 'confirmed' | 'rejected' | 'all';

// ---------------------------------------------------------------- mapping

function toTarget(r: TargetRow): Target {
  return {
    id: r.id,
    documentId: r.documentId,
    sectionId: r.sectionId,
    indicator:
      r.indicatorId !== null && r.indicatorCode
        ? {
            id: r.indicatorId,
            code: r.indicatorCode,
            nameVi: r.indicatorNameVi ?? '',
            nameEn: r.indicatorNameEn ?? '',
            pillar: r.indicatorPillar ?? '',
          }
        : null,
    indicatorConfidence: r.indicatorConfidence,
    year: r.year,
    level: r.level,
    comparator: r.comparator,
    value: r.value,
    valueMax: r.valueMax,
    unit: r.unit,
    unitLabel: r.unitLabel,
    quote: r.quote,
    span: [r.spanStart, r.spanEnd],
    origin: r.origin,
    reviewState: r.reviewState,
    reviewedAt: r.reviewedAt ? new Date(r.reviewedAt).toISOString() : null,
    note: r.note,
    carriedFromId: r.carriedFromId,
  };
}

function toTask(r: TaskRow): Task {
  const ref = (u: TaskRow['units'][number]) => ({ unitId: u.unitId, name: u.name, code: u.code });
  return {
    id: r.id,
    documentId: r.documentId,
    parentId: r.parentId,
    section: r.sectionLabel,
    title: r.title,
    text: r.text,
    span: [r.spanStart, r.spanEnd],
    deadline: r.deadline,
    deadlineText: r.deadlineText,
    tags: r.tags,
    origin: r.origin,
    reviewState: r.reviewState,
    reviewedAt: r.reviewedAt ? new Date(r.reviewedAt).toISOString() : null,
    leads: r.units.filter((u) => u.role === 'lead').map(ref),
    cooperating: r.units.filter((u) => u.role === 'cooperating').map(ref),
    unresolvedLeads: r.unresolvedLeads,
    unresolvedCooperating: r.unresolvedCooperating,
    carriedFromId: r.carriedFromId,
  };
}

const statesOf = (state: StateFilter | undefined) =>
  state === undefined ? (['confirmed'] as const) : state === 'all' ? undefined : ([state] as const);

// ---------------------------------------------------------------- reading

/**
 * A document's targets. Confirmed ones are public; proposed, rejected or all
 * need a reviewer of the document's province.
 */
export async function listDocumentTargets(
  ctx: ServiceContext,
  documentId: number,
  state?: StateFilter,
): Promise<{ items: Target[] }> {
  const doc = await loadDocument(ctx.db, documentId);
  if (state !== undefined && state !== 'confirmed') await requireProposalReader(ctx, doc.provinceId);
  const states = statesOf(state);
  const rows = await listTargets(ctx.db, {
    documentIds: [documentId],
    ...(states ? { states: [...states] } : {}),
  });
  return { items: rows.map(toTarget) };
}

/** A document's tasks; same access rule as targets. */
export async function listDocumentTasks(
  ctx: ServiceContext,
  documentId: number,
  state?: StateFilter,
): Promise<{ items: Task[] }> {
  const doc = await loadDocument(ctx.db, documentId);
  if (state !== undefined && state !== 'confirmed') await requireProposalReader(ctx, doc.provinceId);
  const states = statesOf(state);
  const rows = await listTasks(ctx.db, {
    documentIds: [documentId],
    ...(states ? { states: [...states] } : {}),
  });
  return { items: rows.map(toTask) };
}

async function programDocumentIds(
  ctx: ServiceContext,
  scope: { provinceId?: number; documentId?: number },
): Promise<number[]> {
  if (scope.documentId !== undefined) {
    await loadDocument(ctx.db, scope.documentId);
    return [scope.documentId];
  }
  if (scope.provinceId !== undefined) return currentDocumentIds(ctx.db, scope.provinceId);
  throw new AppError('request.invalid', {
    status: 400,
    details: [{ path: 'provinceId', code: 'validation.required' }],
  });
}

/**
 * The confirmed targets of a province's program (every document of the
 * province that no newer version replaces) or of one document. This is what
 * reporting rounds, statuses and dashboards use. Public.
 * @example await listConfirmedTargets(ctx, { provinceId: 40 })
 */
export async function listConfirmedTargets(
  ctx: ServiceContext,
  scope: { provinceId?: number; documentId?: number },
): Promise<Target[]> {
  const ids = await programDocumentIds(ctx, scope);
  return (await listTargets(ctx.db, { documentIds: ids, states: ['confirmed'] })).map(toTarget);
}

/** The confirmed tasks of a province's program or of one document, with their lead units. Public. */
export async function listConfirmedTasks(
  ctx: ServiceContext,
  scope: { provinceId?: number; documentId?: number },
): Promise<Task[]> {
  const ids = await programDocumentIds(ctx, scope);
  return (await listTasks(ctx.db, { documentIds: ids, states: ['confirmed'] })).map(toTask);
}

// ---------------------------------------------------------------- target changes

function actorId(ctx: ServiceContext): number | null {
  return ctx.actor.kind === 'user' || ctx.actor.kind === 'token' ? ctx.actor.userId : null;
}

type NewState = 'confirmed' | 'rejected' | 'proposed';

interface TargetFields {
  year: number | null;
  level: TargetRow['level'];
  comparator: TargetRow['comparator'];
  value: number;
  valueMax: number | null;
  unit: TargetRow['unit'];
}

/** Every inconsistency of a target's fields, each with its field. */
function checkTargetFields(t: TargetFields, prefix = ''): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  if (t.comparator === 'range') {
    if (t.valueMax === null) issues.push({ path: `${prefix}valueMax`, code: 'target.range_needs_max' });
    else if (t.valueMax < t.value) issues.push({ path: `${prefix}valueMax`, code: 'target.max_below_value' });
  }
  if (t.comparator === 'top') {
    if (t.unit !== 'rank') issues.push({ path: `${prefix}unit`, code: 'target.top_needs_rank' });
    if (t.valueMax !== null && t.valueMax < t.value)
      issues.push({ path: `${prefix}valueMax`, code: 'target.max_below_value' });
    if (!Number.isInteger(t.value) || t.value < 1)
      issues.push({ path: `${prefix}value`, code: 'target.rank_positive' });
  }
  if (t.unit === 'percent' && (t.value < 0 || t.value > 100 || (t.valueMax ?? 0) > 100)) {
    issues.push({ path: `${prefix}value`, code: 'target.percent_out_of_range' });
  }
  return issues;
}

/**
 * Resolves the indicators of several inputs (by code or id) in two queries;
 * unknown ones become located problems.
 */
async function resolveIndicators(
  db: Db,
  inputs: { indicatorId?: number | null; indicatorCode?: string }[],
  issues: ErrorDetail[],
  prefix: (i: number) => string,
): Promise<(number | null | undefined)[]> {
  const codes = inputs.map((x) => x.indicatorCode).filter((c): c is string => c !== undefined);
  const byCode = await indicatorIdsByCode(db, codes);
  const known = await existingIndicatorIds(
    db,
    inputs.map((x) => x.indicatorId).filter((x): x is number => typeof x === 'number'),
  );
  return inputs.map((x, i) => {
    if (x.indicatorCode !== undefined) {
      const id = byCode.get(x.indicatorCode);
      if (id === undefined) {
        issues.push({
          path: `${prefix(i)}indicatorCode`,
          code: 'indicator.not_found',
          params: { id: x.indicatorCode },
        });
      }
      return id;
    }
    if (x.indicatorId === undefined || x.indicatorId === null) return x.indicatorId;
    if (!known.has(x.indicatorId)) {
      issues.push({
        path: `${prefix(i)}indicatorId`,
        code: 'indicator.not_found',
        params: { id: x.indicatorId },
      });
    }
    return x.indicatorId;
  });
}

function invalid(code: string, issues: ErrorDetail[]): AppError {
  return new AppError(code, { status: 422, details: issues });
}

const auditView = (r: TargetRow) => ({
  indicator: r.indicatorCode,
  year: r.year,
  level: r.level,
  comparator: r.comparator,
  value: r.value,
  valueMax: r.valueMax,
  unit: r.unit,
  reviewState: r.reviewState,
  note: r.note,
});

/** One change of one target: what the coordinator asks, and the audit verb. */
interface TargetChange {
  before: TargetRow;
  input: TargetPatchInput & { state?: NewState };
  action: string;
}

/** The fields a change sets, only those that differ from the row (so that equal changes share one statement). */
function targetPatchOf(
  ctx: ServiceContext,
  c: TargetChange,
  indicatorId: number | null | undefined,
): {
  patch: TargetPatch;
  fields: TargetFields;
} {
  const { before, input } = c;
  const comparator = input.comparator ?? before.comparator;
  const fields: TargetFields = {
    year: input.year !== undefined ? input.year : before.year,
    level: input.level !== undefined ? input.level : before.level,
    comparator,
    value: input.value ?? before.value,
    // leaving a range (or a rank band) drops its upper value
    valueMax: keptValueMax(comparator, input.valueMax !== undefined ? input.valueMax : before.valueMax),
    unit: input.unit ?? (comparator === 'top' ? 'rank' : before.unit),
  };
  const patch: TargetPatch = {};
  for (const k of Object.keys(fields) as (keyof TargetFields)[]) {
    if (fields[k] !== before[k]) (patch as Record<string, unknown>)[k] = fields[k];
  }
  if (indicatorId !== undefined && indicatorId !== before.indicatorId) {
    patch.indicatorId = indicatorId;
    // a person chose it: the reader's confidence no longer applies
    patch.indicatorConfidence = indicatorId === null ? null : 1;
  }
  if (input.unitLabel !== undefined && input.unitLabel !== before.unitLabel)
    patch.unitLabel = input.unitLabel;
  if (input.note !== undefined && input.note !== before.note) patch.note = input.note;
  const state = input.state ?? (input.confirm ? 'confirmed' : undefined);
  if (state) {
    patch.reviewState = state;
    patch.reviewedBy = state === 'proposed' ? null : actorId(ctx);
    patch.reviewedAt = state === 'proposed' ? null : ctx.now();
  }
  return { patch, fields };
}

/**
 * Applies changes to targets inside a transaction — the one code path of
 * every edit, confirmation and rejection, one at a time or a whole review.
 * Every problem of every change is reported at once; changes that set the
 * same fields share one statement. Returns the rows after, in input order.
 */
async function changeTargetsIn(trx: Db, ctx: ServiceContext, changes: TargetChange[]): Promise<TargetRow[]> {
  const issues: ErrorDetail[] = [];
  const prefix = (i: number) => (changes.length > 1 ? `targets.${i}.` : '');
  const indicatorIds = await resolveIndicators(
    trx,
    changes.map((c) => c.input),
    issues,
    prefix,
  );
  const planned = changes.map((c, i) => targetPatchOf(ctx, c, indicatorIds[i]));
  for (const [i, p] of planned.entries()) issues.push(...checkTargetFields(p.fields, prefix(i)));
  if (issues.length) throw invalid('target.invalid', issues);
  const groups = new Map<string, { patch: TargetPatch; ids: number[] }>();
  planned.forEach((p, i) => {
    if (Object.keys(p.patch).length === 0) return;
    const key = JSON.stringify(p.patch);
    const g = groups.get(key) ?? { patch: p.patch, ids: [] };
    g.ids.push(changes[i]!.before.id);
    groups.set(key, g);
  });
  for (const g of groups.values()) await updateTargets(trx, g.ids, g.patch);
  const after = new Map(
    (
      await listTargetsByIds(
        trx,
        changes.map((c) => c.before.id),
      )
    ).map((r) => [r.id, r]),
  );
  return changes.map((c) => after.get(c.before.id)!);
}

/** What one reviewed kind of item (targets, tasks) brings to the one-item change below. */
interface ReviewedKind<Row extends { id: number; provinceId: number | null }, Input, Out> {
  entityType: 'target' | 'task';
  find: (db: Db, id: number) => Promise<Row | undefined>;
  changeIn: (
    trx: Db,
    ctx: ServiceContext,
    changes: { before: Row; input: Input; action: string }[],
  ) => Promise<Row[]>;
  audit: (row: Row) => unknown;
  present: (row: Row) => Out;
}

/**
 * One item's change as a coordinator makes it: the item found, the actor a
 * manager of its province, the change and its audit entry (before and after)
 * in one transaction.
 */
async function changeOne<Row extends { id: number; provinceId: number | null }, Input, Out>(
  kind: ReviewedKind<Row, Input, Out>,
  ctx: ServiceContext,
  id: number,
  input: Input,
  action: string,
): Promise<Out> {
  const row = await kind.find(ctx.db, id);
  if (!row) throw notFound(kind.entityType, id);
  await requireProgramManager(ctx, row.provinceId);
  const after = await inTransaction(ctx.db, async (trx) => {
    const before = (await kind.find(trx, id))!;
    const [changed] = await kind.changeIn(trx, ctx, [{ before, input, action }]);
    await recordAudit(trx, ctx, {
      action,
      entityType: kind.entityType,
      entityId: id,
      unitId: before.provinceId,
      before: kind.audit(before),
      after: kind.audit(changed!),
    });
    return changed!;
  });
  return kind.present(after);
}

const targetKind: ReviewedKind<TargetRow, TargetChange['input'], Target> = {
  entityType: 'target',
  find: findTarget,
  changeIn: (trx, ctx, changes) => changeTargetsIn(trx, ctx, changes),
  audit: auditView,
  present: toTarget,
};

const targetChange = (ctx: ServiceContext, id: number, input: TargetChange['input'], action: string) =>
  changeOne(targetKind, ctx, id, input, action);

/** Accepts a proposed target as read (or as edited before). */
export function confirmTarget(ctx: ServiceContext, id: number): Promise<Target> {
  return targetChange(ctx, id, { state: 'confirmed' }, 'target.confirm');
}

/** Rejects a proposed target: it is not an objective of the program. */
export function rejectTarget(ctx: ServiceContext, id: number, note?: string): Promise<Target> {
  return targetChange(ctx, id, { state: 'rejected', ...(note ? { note } : {}) }, 'target.reject');
}

/** Returns a confirmed or rejected target to the proposals. */
export function reopenTarget(ctx: ServiceContext, id: number): Promise<Target> {
  return targetChange(ctx, id, { state: 'proposed' }, 'target.reopen');
}

/**
 * Edits a target (year, level, comparator, value, upper value, unit,
 * indicator, note); `confirm: true` also confirms it. Every invalid field is
 * reported at once.
 */
export function updateTarget(ctx: ServiceContext, id: number, patch: TargetPatchInput): Promise<Target> {
  return targetChange(ctx, id, patch, patch.confirm ? 'target.edit_confirm' : 'target.edit');
}

/** Trims a selection to its words and checks it lies in the text. */
function selection(body: string, span: Span, issues: ErrorDetail[], path = 'span'): Span {
  let [s, e] = span;
  if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= body.length && e > s)) {
    issues.push({ path, code: 'document.span_invalid', params: { length: body.length } });
    return span;
  }
  while (s < e && /\s/.test(body[s]!)) s++;
  while (e > s && /\s/.test(body[e - 1]!)) e--;
  if (e <= s) issues.push({ path, code: 'document.span_invalid', params: { length: body.length } });
  return [s, e];
}

/** Adds targets from selections of the text in one statement; the coordinator wrote them, so they are confirmed. */
async function addTargetsIn(
  trx: Db,
  ctx: ServiceContext,
  doc: DocumentRow,
  inputs: TargetCreateInput[],
): Promise<TargetRow[]> {
  if (inputs.length === 0) return [];
  const issues: ErrorDetail[] = [];
  const prefix = (i: number) => (inputs.length > 1 ? `targets.${i}.` : '');
  const spans = inputs.map((x, i) => selection(doc.body, x.span, issues, `${prefix(i)}span`));
  const indicatorIds = await resolveIndicators(trx, inputs, issues, prefix);
  const rows: NewTarget[] = inputs.map((input, i) => {
    const fields: TargetFields = {
      year: input.year,
      level: input.level,
      comparator: input.comparator,
      value: input.value,
      valueMax: keptValueMax(input.comparator, input.valueMax),
      unit: input.comparator === 'top' ? 'rank' : input.unit,
    };
    issues.push(...checkTargetFields(fields, prefix(i)));
    const span = spans[i]!;
    return {
      documentId: doc.id,
      sectionId: null,
      indicatorId: indicatorIds[i] ?? null,
      indicatorConfidence: indicatorIds[i] ? 1 : null,
      ...fields,
      unitLabel: input.unitLabel ?? null,
      quote: doc.body.slice(span[0], span[1]),
      spanStart: span[0],
      spanEnd: span[1],
      origin: 'manual',
      reviewState: 'confirmed',
      reviewedBy: actorId(ctx),
      reviewedAt: ctx.now(),
      note: input.note ?? null,
      carriedFromId: null,
    };
  });
  if (issues.length) throw invalid('target.invalid', issues);
  return listTargetsByIds(trx, await insertTargets(trx, rows));
}

/** Adds a target the reader missed; the selected words become its quote. */
export async function addTarget(
  ctx: ServiceContext,
  documentId: number,
  input: TargetCreateInput,
): Promise<Target> {
  const doc = await loadDocument(ctx.db, documentId);
  await requireProgramManager(ctx, doc.provinceId);
  const added = await inTransaction(ctx.db, async (trx) => {
    const [row] = await addTargetsIn(trx, ctx, doc, [input]);
    await recordAudit(trx, ctx, {
      action: 'target.add',
      entityType: 'target',
      entityId: row!.id,
      unitId: doc.provinceId,
      after: { ...auditView(row!), quote: row!.quote, span: [row!.spanStart, row!.spanEnd] },
    });
    return row!;
  });
  return toTarget(added);
}

// ---------------------------------------------------------------- task changes

const taskAuditView = (r: TaskRow) => ({
  section: r.sectionLabel,
  title: r.title,
  deadline: r.deadline,
  leads: r.units.filter((u) => u.role === 'lead').map((u) => u.name),
  cooperating: r.units.filter((u) => u.role === 'cooperating').map((u) => u.name),
  unresolvedLeads: r.unresolvedLeads,
  unresolvedCooperating: r.unresolvedCooperating,
  reviewState: r.reviewState,
});

async function provinceUnitIds(db: Db, provinceId: number | null): Promise<Set<number>> {
  if (provinceId === null) return new Set();
  return new Set((await listProvinceUnits(db, provinceId, 'any')).map((u) => u.id));
}

function checkUnits(
  ids: number[] | undefined,
  allowed: Set<number>,
  path: string,
  issues: ErrorDetail[],
): void {
  ids?.forEach((id, i) => {
    if (!allowed.has(id))
      issues.push({ path: `${path}.${i}`, code: 'task.unit_not_in_province', params: { id } });
  });
}

interface TaskChange {
  before: TaskRow;
  input: TaskPatchInput & { state?: NewState };
  action: string;
}

const sameList = (a: readonly (string | number)[], b: readonly (string | number)[]) =>
  JSON.stringify([...a].map(String).sort()) === JSON.stringify([...b].map(String).sort());

/** Applies changes to tasks inside a transaction (one or a whole review); returns the rows after, in input order. */
async function changeTasksIn(trx: Db, ctx: ServiceContext, changes: TaskChange[]): Promise<TaskRow[]> {
  const issues: ErrorDetail[] = [];
  const prefix = (i: number) => (changes.length > 1 ? `tasks.${i}.` : '');
  const byProvince = new Map<number | null, Set<number>>();
  for (const [i, c] of changes.entries()) {
    if (!c.input.leadUnitIds && !c.input.cooperatingUnitIds) continue;
    let allowed = byProvince.get(c.before.provinceId);
    if (!allowed) {
      allowed = await provinceUnitIds(trx, c.before.provinceId);
      byProvince.set(c.before.provinceId, allowed);
    }
    checkUnits(c.input.leadUnitIds, allowed, `${prefix(i)}leadUnitIds`, issues);
    checkUnits(c.input.cooperatingUnitIds, allowed, `${prefix(i)}cooperatingUnitIds`, issues);
  }
  if (issues.length) throw invalid('task.invalid', issues);

  const groups = new Map<string, { patch: TaskPatch; ids: number[] }>();
  const leads: { taskId: number; units: { unitId: number; mention: string | null }[] }[] = [];
  const cooperating: typeof leads = [];
  for (const { before, input } of changes) {
    const patch: TaskPatch = {};
    if (input.section !== undefined && input.section !== before.sectionLabel)
      patch.sectionLabel = input.section;
    if (input.title !== undefined && input.title !== before.title) patch.title = input.title;
    if (input.deadline !== undefined && input.deadline !== before.deadline) {
      patch.deadline = input.deadline;
      patch.deadlineText = null;
    }
    if (input.tags !== undefined && !sameList(input.tags, before.tags)) patch.tags = input.tags;
    if (input.unresolvedLeads !== undefined && !sameList(input.unresolvedLeads, before.unresolvedLeads)) {
      patch.unresolvedLeads = input.unresolvedLeads;
    }
    if (
      input.unresolvedCooperating !== undefined &&
      !sameList(input.unresolvedCooperating, before.unresolvedCooperating)
    ) {
      patch.unresolvedCooperating = input.unresolvedCooperating;
    }
    const state = input.state ?? (input.confirm ? 'confirmed' : undefined);
    if (state) {
      patch.reviewState = state;
      patch.reviewedBy = state === 'proposed' ? null : actorId(ctx);
      patch.reviewedAt = state === 'proposed' ? null : ctx.now();
    }
    if (Object.keys(patch).length) {
      const key = JSON.stringify(patch);
      const g = groups.get(key) ?? { patch, ids: [] };
      g.ids.push(before.id);
      groups.set(key, g);
    }
    // the words a unit was named by stay with it
    const mention = (id: number) => before.units.find((u) => u.unitId === id)?.mention ?? null;
    const current = (role: 'lead' | 'cooperating') =>
      before.units.filter((u) => u.role === role).map((u) => u.unitId);
    if (input.leadUnitIds && !sameList(input.leadUnitIds, current('lead'))) {
      leads.push({
        taskId: before.id,
        units: input.leadUnitIds.map((id) => ({ unitId: id, mention: mention(id) })),
      });
    }
    if (input.cooperatingUnitIds && !sameList(input.cooperatingUnitIds, current('cooperating'))) {
      cooperating.push({
        taskId: before.id,
        units: input.cooperatingUnitIds.map((id) => ({ unitId: id, mention: mention(id) })),
      });
    }
  }
  for (const g of groups.values()) await updateTasks(trx, g.ids, g.patch);
  await replaceTaskUnits(trx, 'lead', leads);
  await replaceTaskUnits(trx, 'cooperating', cooperating);
  const after = new Map(
    (
      await listTasksByIds(
        trx,
        changes.map((c) => c.before.id),
      )
    ).map((r) => [r.id, r]),
  );
  return changes.map((c) => after.get(c.before.id)!);
}

const taskKind: ReviewedKind<TaskRow, TaskChange['input'], Task> = {
  entityType: 'task',
  find: findTask,
  changeIn: (trx, ctx, changes) => changeTasksIn(trx, ctx, changes),
  audit: taskAuditView,
  present: toTask,
};

const taskChange = (ctx: ServiceContext, id: number, input: TaskChange['input'], action: string) =>
  changeOne(taskKind, ctx, id, input, action);

/** Accepts a proposed task as read. */
export function confirmTask(ctx: ServiceContext, id: number): Promise<Task> {
  return taskChange(ctx, id, { state: 'confirmed' }, 'task.confirm');
}

/** Rejects a proposed task. */
export function rejectTask(ctx: ServiceContext, id: number): Promise<Task> {
  return taskChange(ctx, id, { state: 'rejected' }, 'task.reject');
}

/** Returns a task to the proposals. */
export function reopenTask(ctx: ServiceContext, id: number): Promise<Task> {
  return taskChange(ctx, id, { state: 'proposed' }, 'task.reopen');
}

/** Edits a task (section, title, deadline, lead and cooperating units, tags); `confirm: true` also confirms it. */
export function updateTask(ctx: ServiceContext, id: number, patch: TaskPatchInput): Promise<Task> {
  return taskChange(ctx, id, patch, patch.confirm ? 'task.edit_confirm' : 'task.edit');
}

/** Adds tasks from selections of the text in one statement, confirmed as the coordinator wrote them. */
async function addTasksIn(
  trx: Db,
  ctx: ServiceContext,
  doc: DocumentRow,
  inputs: TaskCreateInput[],
): Promise<TaskRow[]> {
  if (inputs.length === 0) return [];
  const issues: ErrorDetail[] = [];
  const prefix = (i: number) => (inputs.length > 1 ? `tasks.${i}.` : '');
  const spans = inputs.map((x, i) => selection(doc.body, x.span, issues, `${prefix(i)}span`));
  if (inputs.some((x) => x.leadUnitIds?.length || x.cooperatingUnitIds?.length)) {
    const allowed = await provinceUnitIds(trx, doc.provinceId);
    inputs.forEach((x, i) => {
      checkUnits(x.leadUnitIds, allowed, `${prefix(i)}leadUnitIds`, issues);
      checkUnits(x.cooperatingUnitIds, allowed, `${prefix(i)}cooperatingUnitIds`, issues);
    });
  }
  if (issues.length) throw invalid('task.invalid', issues);
  const ids = await insertTasks(
    trx,
    inputs.map((input, i) => {
      const span = spans[i]!;
      const text = doc.body.slice(span[0], span[1]);
      const firstLine = text
        .split('\n')[0]!
        .replace(/[*_#]+/g, '')
        .trim();
      return {
        documentId: doc.id,
        parentIndex: null,
        sectionId: null,
        sectionLabel: input.section,
        title: (input.title ?? firstLine).slice(0, 1000),
        text,
        spanStart: span[0],
        spanEnd: span[1],
        deadline: input.deadline ?? null,
        deadlineText: null,
        tags: [],
        origin: 'manual' as const,
        reviewState: 'confirmed' as const,
        reviewedBy: actorId(ctx),
        reviewedAt: ctx.now(),
        unresolvedLeads: input.unresolvedLeads ?? [],
        unresolvedCooperating: [],
        carriedFromId: null,
        units: [
          ...(input.leadUnitIds ?? []).map((unitId) => ({ unitId, role: 'lead' as const, mention: null })),
          ...(input.cooperatingUnitIds ?? []).map((unitId) => ({
            unitId,
            role: 'cooperating' as const,
            mention: null,
          })),
        ],
      };
    }),
  );
  return listTasksByIds(trx, ids);
}

/** Adds a task the reader missed from a selection of the text. */
export async function addTask(
  ctx: ServiceContext,
  documentId: number,
  input: TaskCreateInput,
): Promise<Task> {
  const doc = await loadDocument(ctx.db, documentId);
  await requireProgramManager(ctx, doc.provinceId);
  const added = await inTransaction(ctx.db, async (trx) => {
    const [row] = await addTasksIn(trx, ctx, doc, [input]);
    await recordAudit(trx, ctx, {
      action: 'task.add',
      entityType: 'task',
      entityId: row!.id,
      unitId: doc.provinceId,
      after: { ...taskAuditView(row!), span: [row!.spanStart, row!.spanEnd] },
    });
    return row!;
  });
  return toTask(added);
}

// ---------------------------------------------------------------- a whole review at once

/** A coordinator's complete review of a document, e.g. the hand-checked annotation of a seed. */
export interface CoordinatorReview {
  targets: {
    year: number | null;
    level: TargetRow['level'];
    comparator: TargetRow['comparator'];
    value: number;
    valueMax: number | null;
    unit: TargetRow['unit'];
    /** Catalog code, or null. */
    indicator: string | null;
    /** The exact words of the target in the document. */
    quote: string;
  }[];
  taskGroups: {
    section: string;
    title: string;
    /** Unit names as the province names them ("Sở Y tế"); collective ones are kept as written. */
    leads: string[];
    cooperating: string[];
  }[];
}

export interface ReviewSummary {
  targets: { confirmed: number; edited: number; added: number; rejected: number; unlocated: string[] };
  tasks: { confirmed: number; edited: number; added: number; rejected: number; unlocated: string[] };
}

const sectionKey = (s: string) =>
  foldVietnamese(s)
    .replace(/[\s/]+/g, '')
    .replace(/[.)]+$/, '')
    .replace(/\.+/g, '.');

/** Whether a task's section lies inside a group's section ("II.5.1-3" inside "II.5.1"). */
function inside(section: string, group: string): boolean {
  const s = sectionKey(section);
  const g = sectionKey(group);
  return s.startsWith(`${g}.`) || s.startsWith(`${g}-`);
}

function sameTargetFields(
  t: TargetRow,
  g: CoordinatorReview['targets'][number],
  indicatorId: number | null,
): boolean {
  return (
    t.year === g.year &&
    t.level === g.level &&
    t.comparator === g.comparator &&
    t.value === g.value &&
    (t.valueMax ?? null) === keptValueMax(g.comparator, g.valueMax) &&
    t.unit === g.unit &&
    t.indicatorId === indicatorId
  );
}

/**
 * Applies a complete review to a document's proposals through the same
 * changes a coordinator makes one by one: each reviewed target confirms the
 * proposal on its words (edited where the reader read it differently) or is
 * added from its words; each task group confirms the proposed group of its
 * section with the reviewed lead units, or is added; tasks inside a confirmed
 * group are confirmed with it; every other proposal is rejected. One
 * transaction, one audit entry listing every change with its before and after.
 */
export async function applyCoordinatorReview(
  ctx: ServiceContext,
  documentId: number,
  review: CoordinatorReview,
): Promise<ReviewSummary> {
  const doc = await loadDocument(ctx.db, documentId);
  await requireProgramManager(ctx, doc.provinceId);
  return inTransaction(ctx.db, async (trx) => {
    const summary: ReviewSummary = {
      targets: { confirmed: 0, edited: 0, added: 0, rejected: 0, unlocated: [] },
      tasks: { confirmed: 0, edited: 0, added: 0, rejected: 0, unlocated: [] },
    };
    const indicatorIds = await indicatorIdsByCode(
      trx,
      review.targets.map((t) => t.indicator).filter((c): c is string => !!c),
    );

    // targets: decide everything first, then apply in a few statements
    const proposals = await listTargets(trx, { documentIds: [documentId], states: ['proposed'] });
    const used = new Set<number>();
    const claimed: Span[] = [];
    const targetChanges: TargetChange[] = [];
    const targetAdds: TargetCreateInput[] = [];
    for (const g of review.targets) {
      const occurrences = findQuoteAll(doc.body, g.quote);
      if (occurrences.length === 0) {
        summary.targets.unlocated.push(g.quote);
        continue;
      }
      const overlapping = (span: Span) =>
        proposals.filter((p) => !used.has(p.id) && overlapLength(span, [p.spanStart, p.spanEnd]) > 0);
      // the occurrence of the words that is not yet taken, preferably one the reader proposed
      const free = occurrences.filter((o) => !claimed.some((c) => c[0] === o[0] && c[1] === o[1]));
      const span = free.find((o) => overlapping(o).length > 0) ?? free[0] ?? occurrences[0]!;
      claimed.push(span);
      const indicatorId = g.indicator ? (indicatorIds.get(g.indicator) ?? null) : null;
      const score = (p: TargetRow) =>
        Number(p.level === g.level) * 4 + Number(p.value === g.value) * 2 + Number(p.year === g.year);
      const match = overlapping(span).sort(
        (a, b) =>
          score(b) - score(a) ||
          overlapLength(span, [b.spanStart, b.spanEnd]) - overlapLength(span, [a.spanStart, a.spanEnd]),
      )[0];
      const fields = {
        year: g.year,
        level: g.level,
        comparator: g.comparator,
        value: g.value,
        valueMax: keptValueMax(g.comparator, g.valueMax),
        unit: g.unit,
      };
      if (!match) {
        targetAdds.push({ span, ...fields, indicatorId });
        summary.targets.added++;
        continue;
      }
      used.add(match.id);
      if (sameTargetFields(match, g, indicatorId)) {
        targetChanges.push({ before: match, input: { state: 'confirmed' }, action: 'target.confirm' });
        summary.targets.confirmed++;
      } else {
        targetChanges.push({
          before: match,
          input: { ...fields, indicatorId, state: 'confirmed' },
          action: 'target.edit_confirm',
        });
        summary.targets.edited++;
      }
    }
    for (const p of proposals) {
      if (used.has(p.id)) continue;
      targetChanges.push({ before: p, input: { state: 'rejected' }, action: 'target.reject' });
      summary.targets.rejected++;
    }
    const changedTargets = await changeTargetsIn(trx, ctx, targetChanges);
    const addedTargets = await addTargetsIn(trx, ctx, doc, targetAdds);

    // task groups
    const units = doc.provinceId === null ? [] : await listProvinceUnits(trx, doc.provinceId, 'any');
    const places = await placeNamesOf(trx, doc.provinceId);
    const resolveNames = (names: string[]) => {
      const ids: number[] = [];
      const kept: string[] = [];
      for (const n of names) {
        const u: UnitCandidate | null = matchMention(n, units, places);
        if (u) {
          if (!ids.includes(u.id)) ids.push(u.id);
        } else if (!kept.includes(n)) kept.push(n);
      }
      return { ids, kept };
    };
    const tasks = await listTasks(trx, { documentIds: [documentId], states: ['proposed'] });
    const usedTasks = new Set<number>();
    const confirmedGroups: string[] = [];
    const taskChanges: TaskChange[] = [];
    const taskAdds: TaskCreateInput[] = [];
    for (const g of review.taskGroups) {
      const leads = resolveNames(g.leads);
      const coop = resolveNames(g.cooperating);
      const match = tasks.find(
        (t) => !usedTasks.has(t.id) && sectionKey(t.sectionLabel) === sectionKey(g.section),
      );
      if (match) {
        usedTasks.add(match.id);
        const ids = (role: 'lead' | 'cooperating') =>
          match.units.filter((u) => u.role === role).map((u) => u.unitId);
        const same =
          sameList(ids('lead'), leads.ids) &&
          sameList(ids('cooperating'), coop.ids) &&
          sameList(match.unresolvedLeads, leads.kept) &&
          sameList(match.unresolvedCooperating, coop.kept);
        if (same) {
          taskChanges.push({ before: match, input: { state: 'confirmed' }, action: 'task.confirm' });
          summary.tasks.confirmed++;
        } else {
          taskChanges.push({
            before: match,
            input: {
              leadUnitIds: leads.ids,
              cooperatingUnitIds: coop.ids,
              unresolvedLeads: leads.kept,
              unresolvedCooperating: coop.kept,
              state: 'confirmed',
            },
            action: 'task.edit_confirm',
          });
          summary.tasks.edited++;
        }
        confirmedGroups.push(g.section);
        continue;
      }
      // a group the reader missed: its heading's words in the text
      const at = findQuoteAll(doc.body, g.title)[0];
      if (!at) {
        summary.tasks.unlocated.push(`${g.section} ${g.title}`);
        continue;
      }
      taskAdds.push({
        span: at,
        section: g.section,
        title: g.title,
        leadUnitIds: leads.ids,
        cooperatingUnitIds: coop.ids,
        unresolvedLeads: leads.kept,
      });
      summary.tasks.added++;
      confirmedGroups.push(g.section);
    }
    // a task belongs to a confirmed group when the group is its parent (or further up), or by section number
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const underConfirmed = (t: TaskRow): boolean => {
      for (let p = t.parentId; p !== null; p = byId.get(p)?.parentId ?? null)
        if (usedTasks.has(p)) return true;
      return confirmedGroups.some(
        (g) => sectionKey(t.sectionLabel) === sectionKey(g) || inside(t.sectionLabel, g),
      );
    };
    for (const t of tasks) {
      if (usedTasks.has(t.id)) continue;
      if (underConfirmed(t)) {
        taskChanges.push({ before: t, input: { state: 'confirmed' }, action: 'task.confirm' });
        summary.tasks.confirmed++;
      } else {
        taskChanges.push({ before: t, input: { state: 'rejected' }, action: 'task.reject' });
        summary.tasks.rejected++;
      }
    }
    const changedTasks = await changeTasksIn(trx, ctx, taskChanges);
    const addedTasks = await addTasksIn(trx, ctx, doc, taskAdds);

    await recordAudit(trx, ctx, {
      action: 'document.review',
      entityType: 'program_document',
      entityId: documentId,
      unitId: doc.provinceId,
      after: {
        summary,
        targets: [
          ...targetChanges.map((c, i) => ({
            id: c.before.id,
            action: c.action,
            before: auditView(c.before),
            after: auditView(changedTargets[i]!),
          })),
          ...addedTargets.map((r) => ({
            id: r.id,
            action: 'target.add',
            after: { ...auditView(r), quote: r.quote },
          })),
        ],
        tasks: [
          ...taskChanges.map((c, i) => ({
            id: c.before.id,
            action: c.action,
            before: taskAuditView(c.before),
            after: taskAuditView(changedTasks[i]!),
          })),
          ...addedTasks.map((r) => ({ id: r.id, action: 'task.add', after: taskAuditView(r) })),
        ],
      },
    });
    return summary;
  });
}

/** What `confirmProposals` did. */
export interface ConfirmProposalsResult {
  targets: number;
  tasks: number;
  /** Targets left for one-by-one review: no catalog indicator, or one read with less confidence. */
  targetsLeft: number;
}

/**
 * Confirms in one step what the reader proposed and the coordinator accepts
 * as read: every proposed target whose catalog indicator was recognised with
 * at least `minConfidence` (others stay proposed, to be looked at one by
 * one), and with `tasks` every proposed task. The same changes as one by one;
 * one transaction, one audit entry listing each change.
 */
export async function confirmProposals(
  ctx: ServiceContext,
  documentId: number,
  input: { tasks: boolean; minConfidence: number },
): Promise<ConfirmProposalsResult> {
  const doc = await loadDocument(ctx.db, documentId);
  await requireProgramManager(ctx, doc.provinceId);
  return inTransaction(ctx.db, async (trx) => {
    const proposed = await listTargets(trx, { documentIds: [documentId], states: ['proposed'] });
    const sure = proposed.filter(
      (t) => t.indicatorId !== null && Number(t.indicatorConfidence ?? 0) >= input.minConfidence,
    );
    const targetChanges: TargetChange[] = sure.map((t) => ({
      before: t,
      input: { state: 'confirmed' },
      action: 'target.confirm',
    }));
    const taskChanges: TaskChange[] = input.tasks
      ? (await listTasks(trx, { documentIds: [documentId], states: ['proposed'] })).map((t) => ({
          before: t,
          input: { state: 'confirmed' },
          action: 'task.confirm',
        }))
      : [];
    const changedTargets = targetChanges.length ? await changeTargetsIn(trx, ctx, targetChanges) : [];
    const changedTasks = taskChanges.length ? await changeTasksIn(trx, ctx, taskChanges) : [];
    const result = {
      targets: targetChanges.length,
      tasks: taskChanges.length,
      targetsLeft: proposed.length - sure.length,
    };
    await recordAudit(trx, ctx, {
      action: 'document.confirm_proposals',
      entityType: 'program_document',
      entityId: documentId,
      unitId: doc.provinceId,
      after: {
        ...result,
        minConfidence: input.minConfidence,
        targets: targetChanges.map((c, i) => ({
          id: c.before.id,
          before: auditView(c.before),
          after: auditView(changedTargets[i]!),
        })),
        tasks: taskChanges.map((c, i) => ({
          id: c.before.id,
          before: taskAuditView(c.before),
          after: taskAuditView(changedTasks[i]!),
        })),
      },
    });
    return result;
  });
}
