/**
 * Reporting rounds: a coordinator proposes and opens a round for a period,
 * with its cut-off window and deadline (from a reporting regime, data not
 * code), the units asked (all departments and communes, by kind or picked),
 * the indicators asked of each kind of unit (from the province's confirmed
 * targets and the catalog's reporting kinds) and the tasks asked of their
 * lead units; then follows who has reported on a live list.
 *
 * A province merged in 2025 (Nam Định into Ninh Bình, Quảng Nam into Đà
 * Nẵng) carries on its predecessors' programs: the proposal reads the
 * confirmed targets and tasks of the province and of the provinces that went
 * into it, and maps tasks led by a former department to its successor.
 */
import type {
  CreateRoundInput,
  RoundDetail,
  RoundList,
  RoundProposal,
  RoundStatus,
  RoundSummary,
  UpdateRoundInput,
} from '../contracts/round';
import { actorUserId } from '../domain/auth/actor';
import { AppError, type ErrorDetail, notFound } from '../domain/errors';
import {
  builtInRegimes,
  type DeadlineRule,
  formatPeriod,
  parsePeriod,
  periodEnd,
  periodStart,
  type ReportingRegime,
  reportingWindow,
  tryParsePeriod,
} from '../domain/period';
import { deadlineStanding, lastDayOnTime, vietnamDate } from '../domain/submission/deadline';
import type { Db } from '../repositories/db';
import { inTransaction } from '../repositories/db';
import { findIndicators } from '../repositories/indicator.repository';
import { findRollups } from '../repositories/rollup.repository';
import {
  type AskedUnitKind,
  ensurePeriods,
  findRound,
  indicatorsByCodes,
  insertRound,
  listRegimes,
  listRoundIndicators,
  listRounds as listRoundRows,
  listRoundTaskIds,
  listRoundUnits,
  overlappingOpenRounds,
  predecessorProvinces,
  programIndicators,
  programTasks,
  type RoundRecord,
  replaceRoundIndicators,
  replaceRoundTasks,
  replaceRoundUnits,
  successorsOf,
  tasksWithLeads,
  type UnitInfo,
  unitsByIds,
  unitsOfProvince,
  updateRound as updateRoundRow,
  upsertRegimes,
} from '../repositories/round.repository';
import { insertNotifications, reportersOf } from '../repositories/round-notification.repository';
import { createDraftSubmissions } from '../repositories/submission.repository';
import { unitAncestry } from '../repositories/unit-scope.repository';
import { recordAudit } from './audit';
import { hasPermission, permittedUnitIds, requirePermission, requireSignedIn } from './authorize';
import type { ServiceContext } from './context';

const KIND_ORDER: Record<string, number> = { province: 0, department: 1, agency: 2, district: 3, commune: 4 };

/** The shipped regimes, in the database by code (idempotent). */
export async function ensureRegimes(db: Db): Promise<Map<string, number>> {
  return upsertRegimes(
    db,
    builtInRegimes.map((r) => ({
      code: r.code,
      nameVi: r.nameVi,
      nameEn: r.nameEn,
      periodKind: r.periodKind,
      cutoffDay: r.cutoffDay,
      deadline: r.deadline,
      deadlineMonth: r.deadline?.kind === 'fixed' ? r.deadline.month : null,
      deadlineDay:
        r.deadline?.kind === 'fixed' || r.deadline?.kind === 'day_of_month' ? r.deadline.day : null,
      legalBasis: r.legalBasis,
    })),
  );
}

function defaultRegimeCode(periodId: string): string {
  const kind = parsePeriod(periodId).kind;
  return kind === 'year' ? 'DX_YEARLY' : kind === 'quarter' ? 'ND09_QUARTERLY' : 'ND09_MONTHLY';
}

async function regimeByCode(db: Db, code: string): Promise<{ id: number; regime: ReportingRegime }> {
  await ensureRegimes(db);
  const row = (await listRegimes(db)).find((r) => r.code === code);
  if (!row) throw new AppError('round.unknown_regime', { status: 400, params: { code } });
  return {
    id: row.id,
    regime: {
      code: row.code,
      nameVi: row.nameVi,
      nameEn: row.nameEn,
      periodKind: row.periodKind,
      cutoffDay: row.cutoffDay,
      deadline: (row.deadline as DeadlineRule | null) ?? null,
      legalBasis: row.legalBasis,
    },
  };
}

async function loadProvince(db: Db, provinceId: number): Promise<UnitInfo> {
  const p = (await unitsByIds(db, [provinceId])).get(provinceId);
  if (p?.kind !== 'province') throw notFound('unit', provinceId);
  return p;
}

const isValidOn = (u: Pick<UnitInfo, 'validFrom' | 'validTo'>, on: string) =>
  (u.validFrom === null || u.validFrom <= on) && (u.validTo === null || u.validTo > on);

/** The date a round's units are taken at: the end of its window (the units that exist when it closes). */
function unitsDate(windowEnd: string): string {
  return windowEnd;
}

interface Plan {
  units: UnitInfo[];
  indicators: Array<{ indicatorId: number; unitKind: AskedUnitKind; required: boolean }>;
  taskIds: number[];
}

/** The units a selection names: all of some kinds in the province, plus picked ones inside it. */
async function resolveUnits(
  db: Db,
  province: UnitInfo,
  selection: { kinds?: readonly string[]; ids?: readonly number[] },
  on: string,
): Promise<UnitInfo[]> {
  const kinds = (selection.kinds ?? []).filter((k) => k !== 'province');
  const units = await unitsOfProvince(db, province.id, kinds, on);
  if (selection.kinds?.includes('province')) units.unshift(province);
  const picked = await unitsByIds(db, selection.ids ?? []);
  const issues: ErrorDetail[] = [];
  for (const [i, id] of (selection.ids ?? []).entries()) {
    const u = picked.get(id);
    if (!u) {
      issues.push({ path: `units.ids.${i}`, code: 'round.unit_not_found', params: { id } });
      continue;
    }
    const inside = u.id === province.id || (await unitAncestry(db, u.id)).includes(province.id);
    if (!inside)
      issues.push({ path: `units.ids.${i}`, code: 'round.unit_outside_province', params: { unit: u.name } });
    else if (!isValidOn(u, on))
      issues.push({
        path: `units.ids.${i}`,
        code: 'round.unit_not_valid',
        params: { unit: u.name, date: on },
      });
    else if (!units.some((x) => x.id === u.id)) units.push(u);
  }
  if (issues.length) throw new AppError('round.invalid', { status: 422, details: issues });
  return units.sort(
    (a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || a.code.localeCompare(b.code),
  );
}

/** The program a round reads: the province's own and, after a merger, its predecessors'. */
async function programProvinces(db: Db, province: UnitInfo): Promise<UnitInfo[]> {
  return [province, ...(await predecessorProvinces(db, province.id))];
}

/**
 * Indicators to ask of each kind of unit present: those of confirmed targets
 * whose catalog entry says that kind reports them; for a kind no target
 * covers, the catalog's indicators for that kind.
 */
async function proposeIndicators(
  db: Db,
  provinces: readonly UnitInfo[],
  provinceId: number,
  kinds: readonly string[],
): Promise<Array<{ indicatorId: number; unitKind: AskedUnitKind; required: boolean; fromTargets: boolean }>> {
  const fromTargets = new Set(
    (
      await programIndicators(
        db,
        provinces.map((p) => p.id),
      )
    ).map((x) => x.indicatorId),
  );
  const catalog = (await findIndicators(db)).filter(
    (i) => i.ownerUnitId === null || i.ownerUnitId === provinceId,
  );
  const out: Array<{
    indicatorId: number;
    unitKind: AskedUnitKind;
    required: boolean;
    fromTargets: boolean;
  }> = [];
  // the province reports for itself only what none of its units report (no figure counted twice)
  const ordered = [...kinds.filter((k) => k !== 'province'), ...kinds.filter((k) => k === 'province')];
  for (const kind of ordered) {
    const askedOfUnits = new Set(out.map((o) => o.indicatorId));
    const reportable = catalog.filter(
      (i) => i.unitKinds.includes(kind) && (kind !== 'province' || !askedOfUnits.has(i.id)),
    );
    const targeted = reportable.filter((i) => fromTargets.has(i.id));
    const chosen = targeted.length > 0 ? targeted : reportable;
    for (const i of chosen) {
      out.push({
        indicatorId: i.id,
        unitKind: kind as AskedUnitKind,
        required: true,
        fromTargets: fromTargets.has(i.id),
      });
    }
  }
  return out;
}

/** Confirmed tasks whose lead units (or their successors) are among the round's units. */
async function proposeTasks(
  db: Db,
  provinces: readonly UnitInfo[],
  units: readonly UnitInfo[],
): Promise<number[]> {
  const tasks = await programTasks(
    db,
    provinces.map((p) => p.id),
  );
  const asked = new Set(units.map((u) => u.id));
  const successors = await successorsOf(
    db,
    tasks.flatMap((t) => t.leadUnitIds),
  );
  return tasks
    .filter((t) =>
      t.leadUnitIds.some((id) => asked.has(id) || (successors.get(id) ?? []).some((s) => asked.has(s))),
    )
    .map((t) => t.taskId);
}

/**
 * The lead units of tasks as the round knows them: the lead itself when the
 * round asks it, else its successor that the round asks (a Nam Định
 * department's task is carried by the Ninh Bình department it went into).
 */
export async function roundTaskLeads(
  db: Db,
  taskIds: readonly number[],
  roundUnitIds: ReadonlySet<number>,
): Promise<Map<number, { sectionLabel: string; title: string; deadline: string | null; leads: number[] }>> {
  const tasks = await tasksWithLeads(db, taskIds);
  const successors = await successorsOf(
    db,
    tasks.flatMap((t) => t.leadUnitIds),
  );
  const out = new Map<
    number,
    { sectionLabel: string; title: string; deadline: string | null; leads: number[] }
  >();
  for (const t of tasks) {
    const leads = new Set<number>();
    for (const id of t.leadUnitIds) {
      if (roundUnitIds.has(id)) leads.add(id);
      else for (const s of successors.get(id) ?? []) if (roundUnitIds.has(s)) leads.add(s);
    }
    out.set(t.taskId, {
      sectionLabel: t.sectionLabel,
      title: t.title,
      deadline: t.deadline,
      leads: [...leads],
    });
  }
  return out;
}

async function resolveIndicators(
  db: Db,
  asks: NonNullable<CreateRoundInput['indicators']>,
): Promise<Plan['indicators']> {
  const byCode = await indicatorsByCodes(
    db,
    asks.flatMap((a) => (a.code ? [a.code] : [])),
  );
  const issues: ErrorDetail[] = [];
  const out: Plan['indicators'] = [];
  const seen = new Set<string>();
  for (const [i, a] of asks.entries()) {
    const id = a.indicatorId ?? (a.code ? byCode.get(a.code)?.id : undefined);
    if (!id) {
      issues.push({
        path: `indicators.${i}`,
        code: 'round.indicator_not_found',
        params: { code: a.code ?? String(a.indicatorId) },
      });
      continue;
    }
    const key = `${id}:${a.unitKind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ indicatorId: id, unitKind: a.unitKind, required: a.required ?? true });
  }
  if (issues.length) throw new AppError('round.invalid', { status: 422, details: issues });
  return out;
}

function checkDates(windowStart: string, windowEnd: string, dueOn: string): void {
  const issues: ErrorDetail[] = [];
  if (windowEnd < windowStart) issues.push({ path: 'windowEnd', code: 'round.window_reversed' });
  if (dueOn < windowStart) issues.push({ path: 'dueOn', code: 'round.due_before_window' });
  if (issues.length) throw new AppError('round.invalid', { status: 422, details: issues });
}

/**
 * What a new round for a province and period would ask, before the
 * coordinator adjusts it: window and deadline from the regime, all
 * departments, agencies and communes (and districts before 1 July 2025), the
 * indicators by kind and the tasks they lead.
 */
export async function proposeRound(
  ctx: ServiceContext,
  q: { provinceId: number; periodId: string; regimeCode?: string },
): Promise<RoundProposal> {
  await requirePermission(ctx, 'rounds.manage', q.provinceId);
  const period = parsePeriod(q.periodId);
  const province = await loadProvince(ctx.db, q.provinceId);
  const code = q.regimeCode ?? defaultRegimeCode(period.id);
  const { regime } = await regimeByCode(ctx.db, code);
  const window = reportingWindow(period, regime);
  const on = unitsDate(window.end);
  const kinds = ['department', 'agency', 'district', 'commune'];
  const units = await resolveUnits(ctx.db, province, { kinds }, on);
  const provinces = await programProvinces(ctx.db, province);
  // the province's own report is offered too (what only the province as a whole can give)
  const presentKinds = [...new Set([...units.map((u) => u.kind), 'province'])];
  const indicators = await proposeIndicators(ctx.db, provinces, province.id, presentKinds);
  const taskIds = await proposeTasks(ctx.db, provinces, units);
  const detail = await describeAsks(ctx.db, indicators, taskIds, new Set(units.map((u) => u.id)));
  const parents = await unitsByIds(
    ctx.db,
    units.flatMap((u) => (u.parentId ? [u.parentId] : [])),
  );
  return {
    provinceId: province.id,
    periodId: period.id,
    name: `Báo cáo kết quả chuyển đổi số ${formatPeriod(period, 'vi').toLowerCase()} — ${province.name}`,
    regimeCode: regime.code,
    windowStart: window.start,
    windowEnd: window.end,
    dueOn: window.dueOn ?? window.end,
    dueBefore: window.dueBefore,
    programProvinces: provinces.map(brief),
    units: units.map((u) => ({
      ...brief(u),
      parentName: u.parentId ? (parents.get(u.parentId)?.name ?? null) : null,
    })),
    indicators: detail.indicators,
    tasks: detail.tasks,
    regimes: (await listRegimes(ctx.db)).map((r) => ({
      code: r.code,
      nameVi: r.nameVi,
      nameEn: r.nameEn,
      periodKind: r.periodKind,
    })),
  };
}

const brief = (u: UnitInfo) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind });

async function describeAsks(
  db: Db,
  indicators: ReadonlyArray<{
    indicatorId: number;
    unitKind: AskedUnitKind;
    required: boolean;
    fromTargets?: boolean;
  }>,
  taskIds: readonly number[],
  roundUnitIds: ReadonlySet<number>,
): Promise<Pick<RoundDetail, 'indicators' | 'tasks'>> {
  const rows = await db
    .selectFrom('indicator')
    .select(['id', 'code', 'nameVi', 'nameEn', 'kind'])
    .where('id', 'in', indicators.length ? [...new Set(indicators.map((i) => i.indicatorId))] : [0])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const leads = await roundTaskLeads(db, taskIds, roundUnitIds);
  const leadUnits = await unitsByIds(
    db,
    [...leads.values()].flatMap((t) => t.leads),
  );
  return {
    indicators: indicators.map((i) => {
      const r = byId.get(i.indicatorId)!;
      return {
        indicatorId: i.indicatorId,
        code: r.code,
        nameVi: r.nameVi,
        nameEn: r.nameEn,
        kind: r.kind,
        unitKind: i.unitKind,
        required: i.required,
        fromTargets: i.fromTargets ?? false,
      };
    }),
    tasks: taskIds.flatMap((id) => {
      const t = leads.get(id);
      if (!t) return [];
      return [
        {
          taskId: id,
          sectionLabel: t.sectionLabel,
          title: t.title,
          deadline: t.deadline,
          leads: t.leads.flatMap((u) => (leadUnits.get(u) ? [brief(leadUnits.get(u)!)] : [])),
        },
      ];
    }),
  };
}

/**
 * Creates a round in draft: nothing is asked of anyone until it is opened.
 * Omitted window, deadline, indicators and tasks are proposed (see `proposeRound`).
 * @example await createRound(ctx, { provinceId, name: 'Báo cáo CĐS năm 2025', periodId: '2025', units: { kinds: ['department', 'commune'] } })
 */
export async function createRound(
  ctx: ServiceContext,
  input: CreateRoundInput,
  options: { isDemo?: boolean } = {},
): Promise<RoundDetail> {
  await requirePermission(ctx, 'rounds.manage', input.provinceId);
  const period = tryParsePeriod(input.periodId);
  if (!period || period.id !== input.periodId)
    throw new AppError('period.invalid_format', { status: 400, params: { id: input.periodId } });
  const roundId = await inTransaction(ctx.db, async (trx) => {
    const province = await loadProvince(trx, input.provinceId);
    const { id: regimeId, regime } = await regimeByCode(
      trx,
      input.regimeCode ?? defaultRegimeCode(period.id),
    );
    const window = reportingWindow(period, regime);
    const windowStart = input.windowStart ?? window.start;
    const windowEnd = input.windowEnd ?? window.end;
    const dueOn = input.dueOn ?? window.dueOn ?? window.end;
    const dueBefore = input.dueBefore ?? (input.dueOn ? false : window.dueBefore);
    checkDates(windowStart, windowEnd, dueOn);
    const on = unitsDate(windowEnd);
    if (!isValidOn(province, on)) {
      throw new AppError('round.province_not_valid', {
        status: 422,
        params: { province: province.name, date: on },
      });
    }
    const units = await resolveUnits(trx, province, input.units, on);
    const provinces = await programProvinces(trx, province);
    const indicators = input.indicators
      ? await resolveIndicators(trx, input.indicators)
      : await proposeIndicators(trx, provinces, province.id, [...new Set(units.map((u) => u.kind))]);
    const taskIds = input.taskIds ?? (await proposeTasks(trx, provinces, units));
    await ensurePeriods(trx, [
      { id: period.id, kind: period.kind, startsOn: periodStart(period), endsOn: periodEnd(period) },
    ]);
    const id = await insertRound(
      trx,
      {
        provinceId: province.id,
        name: input.name,
        description: input.description ?? null,
        periodId: period.id,
        regimeId,
        windowStart,
        windowEnd,
        dueOn,
        dueBefore,
        reminderDays: input.reminderDays ?? [7, 3, 1],
        isDemo: options.isDemo ?? false,
        createdBy: actorUserId(ctx.actor),
      },
      ctx.now(),
    );
    await replaceRoundUnits(
      trx,
      id,
      units.map((u) => u.id),
    );
    await replaceRoundIndicators(trx, id, indicators);
    await replaceRoundTasks(trx, id, taskIds);
    await recordAudit(trx, ctx, {
      action: 'round.create',
      entityType: 'reporting_round',
      entityId: id,
      unitId: province.id,
      after: {
        name: input.name,
        periodId: period.id,
        regime: regime.code,
        windowStart,
        windowEnd,
        dueOn,
        dueBefore,
        units: units.length,
        indicators: indicators.length,
        tasks: taskIds.length,
        isDemo: options.isDemo ?? false,
      },
    });
    return id;
  });
  return getRound(ctx, roundId);
}

async function loadRound(db: Db, id: number, lock = false): Promise<RoundRecord> {
  const r = await findRound(db, id, lock);
  if (!r) throw notFound('round', id);
  return r;
}

/**
 * Changes a round. In draft everything may change; once open only the name,
 * description, deadline and reminders (units and indicators are fixed, so
 * nobody's report changes under them); a closed round does not change.
 */
export async function updateRound(
  ctx: ServiceContext,
  id: number,
  patch: UpdateRoundInput,
): Promise<RoundDetail> {
  await inTransaction(ctx.db, async (trx) => {
    const round = await loadRound(trx, id, true);
    await requirePermission(ctx, 'rounds.manage', round.provinceId, trx);
    if (round.state === 'closed') throw new AppError('round.closed', { status: 409 });
    const structural =
      patch.units !== undefined || patch.indicators !== undefined || patch.taskIds !== undefined;
    if (structural && round.state !== 'draft') throw new AppError('round.fixed_once_open', { status: 409 });
    const dueOn = patch.dueOn ?? round.dueOn;
    checkDates(round.windowStart, round.windowEnd, dueOn);
    await updateRoundRow(
      trx,
      id,
      {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.dueOn !== undefined ? { dueOn: patch.dueOn } : {}),
        ...(patch.dueBefore !== undefined ? { dueBefore: patch.dueBefore } : {}),
        ...(patch.reminderDays !== undefined ? { reminderDays: patch.reminderDays } : {}),
      },
      ctx.now(),
    );
    if (patch.units) {
      const province = await loadProvince(trx, round.provinceId);
      const units = await resolveUnits(trx, province, patch.units, unitsDate(round.windowEnd));
      await replaceRoundUnits(
        trx,
        id,
        units.map((u) => u.id),
      );
    }
    if (patch.indicators)
      await replaceRoundIndicators(trx, id, await resolveIndicators(trx, patch.indicators));
    if (patch.taskIds) await replaceRoundTasks(trx, id, patch.taskIds);
    await recordAudit(trx, ctx, {
      action: 'round.update',
      entityType: 'reporting_round',
      entityId: id,
      unitId: round.provinceId,
      before: {
        name: round.name,
        dueOn: round.dueOn,
        dueBefore: round.dueBefore,
        reminderDays: round.reminderDays,
      },
      after: patch,
    });
  });
  return getRound(ctx, id);
}

/**
 * Opens a round: every unit gets a draft report and its reporters a
 * notification. Refused when it asks nothing, or when another open round
 * already asks one of its units for the same period (a figure belongs to one
 * report).
 */
export async function openRound(ctx: ServiceContext, id: number): Promise<RoundDetail> {
  await inTransaction(ctx.db, async (trx) => {
    const round = await loadRound(trx, id, true);
    await requirePermission(ctx, 'rounds.manage', round.provinceId, trx);
    if (round.state !== 'draft')
      throw new AppError('round.not_draft', { status: 409, params: { state: round.state } });
    const units = await listRoundUnits(trx, id);
    const indicators = await listRoundIndicators(trx, id);
    const tasks = await listRoundTaskIds(trx, id);
    if (units.length === 0) throw new AppError('round.no_units', { status: 422 });
    if (indicators.length === 0 && tasks.length === 0)
      throw new AppError('round.nothing_asked', { status: 422 });
    const overlap = await overlappingOpenRounds(trx, id, round.periodId);
    if (overlap.length) {
      throw new AppError('round.overlap', {
        status: 409,
        details: overlap.map((o) => ({
          path: `rounds.${o.roundId}`,
          code: 'round.overlap_with',
          params: { name: o.name, units: o.unitCount },
        })),
      });
    }
    const now = ctx.now();
    await updateRoundRow(trx, id, { state: 'open', openedAt: now }, now);
    const created = await createDraftSubmissions(trx, id, now);
    const reporters = await reportersOf(
      trx,
      units.map((u) => u.unitId),
    );
    await insertNotifications(
      trx,
      units.flatMap((u) =>
        (reporters.get(u.unitId) ?? []).map((userId) => ({
          userId,
          unitId: u.unitId,
          roundId: id,
          kind: 'round_opened' as const,
          messageKey: 'notify.round_opened',
          params: { round: round.name, unit: u.name, due: lastDayOnTime(round.dueOn, round.dueBefore) },
          link: `/rounds/${id}/units/${u.unitId}`,
          dedupeKey: `round_opened:${id}:${u.unitId}:${userId}`,
        })),
      ),
      now,
    );
    await recordAudit(trx, ctx, {
      action: 'round.open',
      entityType: 'reporting_round',
      entityId: id,
      unitId: round.provinceId,
      before: { state: round.state },
      after: { state: 'open', submissions: created },
    });
  });
  return getRound(ctx, id);
}

/** Closes an open round: no more figures or submissions; approvals of what was sent go on. */
export async function closeRound(ctx: ServiceContext, id: number): Promise<RoundDetail> {
  await inTransaction(ctx.db, async (trx) => {
    const round = await loadRound(trx, id, true);
    await requirePermission(ctx, 'rounds.manage', round.provinceId, trx);
    if (round.state !== 'open')
      throw new AppError('round.not_open', { status: 409, params: { state: round.state } });
    await updateRoundRow(trx, id, { state: 'closed', closedAt: ctx.now() }, ctx.now());
    await recordAudit(trx, ctx, {
      action: 'round.close',
      entityType: 'reporting_round',
      entityId: id,
      unitId: round.provinceId,
      before: { state: 'open' },
      after: { state: 'closed' },
    });
  });
  return getRound(ctx, id);
}

/**
 * May the actor read this round? Those who may read figures at its province,
 * and those who may read figures of one of its units (a commune's reporter
 * sees the round that asks their commune). Returns the units they may read,
 * or 'all'.
 */
async function roundReadScope(ctx: ServiceContext, round: RoundRecord, db: Db): Promise<'all' | Set<number>> {
  requireSignedIn(ctx);
  if (await hasPermission(ctx, 'figures.read', round.provinceId, db)) return 'all';
  const allowed = await permittedUnitIds(ctx, 'figures.read', db);
  if (allowed === 'all') return 'all';
  const mine = new Set(
    (await listRoundUnits(db, round.id)).map((u) => u.unitId).filter((id) => allowed.has(id)),
  );
  if (mine.size === 0) throw new AppError('auth.forbidden', { status: 403 });
  return mine;
}

function toSummary(
  r: RoundRecord & { provinceName: string; unitCount: number; counts: RoundSummary['counts'] },
  locale: 'vi' | 'en',
): RoundSummary {
  return {
    id: r.id,
    provinceId: r.provinceId,
    provinceName: r.provinceName,
    name: r.name,
    periodId: r.periodId,
    periodLabel: formatPeriod(r.periodId, locale),
    state: r.state,
    windowStart: r.windowStart,
    windowEnd: r.windowEnd,
    dueOn: r.dueOn,
    dueBefore: r.dueBefore,
    lastDayOnTime: lastDayOnTime(r.dueOn, r.dueBefore),
    isDemo: r.isDemo,
    unitCount: r.unitCount,
    counts: r.counts,
  };
}

/** Rounds the caller may see: of provinces where they read figures, or asking one of their units. */
export async function listRounds(
  ctx: ServiceContext,
  q: { provinceId?: number; periodId?: string; state?: 'draft' | 'open' | 'closed' },
): Promise<RoundList> {
  requireSignedIn(ctx);
  const allowed = await permittedUnitIds(ctx, 'figures.read');
  let rows = await listRoundRows(ctx.db, {
    provinceIds: allowed === 'all' ? 'all' : [...allowed],
    unitIds: allowed === 'all' ? 'all' : [...allowed],
    ...(q.periodId ? { periodId: q.periodId } : {}),
    ...(q.state ? { state: q.state } : {}),
  });
  if (q.provinceId) rows = rows.filter((r) => r.provinceId === q.provinceId);
  return { items: rows.map((r) => toSummary(r, ctx.locale)) };
}

/** A round with what it asks and what the caller may do with it. */
export async function getRound(ctx: ServiceContext, id: number): Promise<RoundDetail> {
  const round = await loadRound(ctx.db, id);
  const scope = await roundReadScope(ctx, round, ctx.db);
  const [units, indicators, taskIds, regimes, province] = await Promise.all([
    listRoundUnits(ctx.db, id),
    listRoundIndicators(ctx.db, id),
    listRoundTaskIds(ctx.db, id),
    listRegimes(ctx.db),
    loadProvince(ctx.db, round.provinceId),
  ]);
  const counts = { draft: 0, submitted: 0, returned: 0, approved: 0 };
  for (const u of units) if (u.state) counts[u.state]++;
  const unitKinds: Record<string, number> = {};
  for (const u of units) unitKinds[u.kind] = (unitKinds[u.kind] ?? 0) + 1;
  const targetIndicators = new Set(
    (
      await programIndicators(
        ctx.db,
        (await programProvinces(ctx.db, province)).map((p) => p.id),
      )
    ).map((x) => x.indicatorId),
  );
  const asks = await describeAsks(
    ctx.db,
    indicators.map((i) => ({ ...i, fromTargets: targetIndicators.has(i.indicatorId) })),
    taskIds,
    new Set(units.map((u) => u.unitId)),
  );
  const regime = regimes.find((r) => r.id === round.regimeId);
  return {
    ...toSummary({ ...round, provinceName: province.name, unitCount: units.length, counts }, ctx.locale),
    description: round.description,
    regime: regime
      ? { code: regime.code, nameVi: regime.nameVi, nameEn: regime.nameEn, legalBasis: regime.legalBasis }
      : null,
    reminderDays: round.reminderDays,
    openedAt: round.openedAt ? new Date(round.openedAt).toISOString() : null,
    closedAt: round.closedAt ? new Date(round.closedAt).toISOString() : null,
    unitKinds,
    indicators: asks.indicators,
    tasks: asks.tasks,
    can: {
      manage: scope === 'all' && (await hasPermission(ctx, 'rounds.manage', round.provinceId)),
      approve: scope === 'all' && (await hasPermission(ctx, 'submissions.approve', round.provinceId)),
    },
  };
}

/**
 * The coordinator's live list: every unit asked, how far it got, whether it
 * is late against the deadline and today's date in Vietnam; and the
 * province's totals of each indicator so far, read from the maintained
 * roll-ups (so an approval shows at once). A reader scoped to some units
 * sees only their lines.
 */
export async function getRoundStatus(
  ctx: ServiceContext,
  id: number,
  options: { emailConfigured: boolean },
): Promise<RoundStatus> {
  const round = await loadRound(ctx.db, id);
  const scope = await roundReadScope(ctx, round, ctx.db);
  const [allUnits, indicators, taskIds] = await Promise.all([
    listRoundUnits(ctx.db, id),
    listRoundIndicators(ctx.db, id),
    listRoundTaskIds(ctx.db, id),
  ]);
  const units = scope === 'all' ? allUnits : allUnits.filter((u) => scope.has(u.unitId));
  const today = vietnamDate(ctx.now());
  const last = lastDayOnTime(round.dueOn, round.dueBefore);
  const requiredByKind = new Map<string, number>();
  for (const i of indicators)
    if (i.required) requiredByKind.set(i.unitKind, (requiredByKind.get(i.unitKind) ?? 0) + 1);
  const leads = await roundTaskLeads(ctx.db, taskIds, new Set(allUnits.map((u) => u.unitId)));
  const tasksOf = new Map<number, number>();
  for (const t of leads.values()) for (const u of t.leads) tasksOf.set(u, (tasksOf.get(u) ?? 0) + 1);
  const rows = units.map((u) => {
    const submittedOn = u.submittedAt ? vietnamDate(new Date(u.submittedAt)) : null;
    const standing = deadlineStanding(
      { state: u.state ?? 'draft', submittedOn, hasFigures: u.valueCount + u.taskUpdateCount > 0 },
      { lastDayOnTime: last },
      today,
    );
    return {
      unitId: u.unitId,
      code: u.code,
      name: u.name,
      kind: u.kind,
      parentName: u.parentName,
      submissionId: u.submissionId,
      state: u.state,
      ...standing,
      // a draft round has no reports yet: nobody is late for it
      late: round.state === 'draft' ? false : standing.late,
      submittedAt: u.submittedAt ? new Date(u.submittedAt).toISOString() : null,
      decidedAt: u.decidedAt ? new Date(u.decidedAt).toISOString() : null,
      comment: u.comment,
      valueCount: u.valueCount,
      expectedValues: requiredByKind.get(u.kind) ?? 0,
      taskCount: tasksOf.get(u.unitId) ?? 0,
      taskUpdateCount: u.taskUpdateCount,
    };
  });
  const summary = {
    units: rows.length,
    notStarted: rows.filter((r) => r.progress === 'not_started').length,
    inProgress: rows.filter((r) => r.progress === 'in_progress').length,
    submitted: rows.filter((r) => r.progress === 'submitted').length,
    returned: rows.filter((r) => r.progress === 'returned').length,
    approved: rows.filter((r) => r.progress === 'approved').length,
    late: rows.filter((r) => r.late).length,
  };
  return {
    roundId: id,
    today,
    lastDayOnTime: last,
    summary,
    rows,
    totals: scope === 'all' ? await provinceTotals(ctx.db, round, indicators, allUnits) : [],
    email: { configured: options.emailConfigured },
  };
}

async function provinceTotals(
  db: Db,
  round: RoundRecord,
  indicators: Awaited<ReturnType<typeof listRoundIndicators>>,
  units: Awaited<ReturnType<typeof listRoundUnits>>,
): Promise<RoundStatus['totals']> {
  const ids = [...new Set(indicators.map((i) => i.indicatorId))];
  if (ids.length === 0) return [];
  const [approved, submitted, info] = await Promise.all([
    findRollups(db, {
      unitIds: [round.provinceId],
      periodIds: [round.periodId],
      indicatorIds: ids,
      view: 'approved',
    }),
    findRollups(db, {
      unitIds: [round.provinceId],
      periodIds: [round.periodId],
      indicatorIds: ids,
      view: 'submitted',
    }),
    db
      .selectFrom('indicator')
      .select(['id', 'code', 'nameVi', 'nameEn', 'kind', 'unitOfMeasure'])
      .where('id', 'in', ids)
      .execute(),
  ]);
  const infoById = new Map(info.map((i) => [i.id, i]));
  const read = (rows: typeof approved, indicatorId: number, kind: string) => {
    const r = rows.find((x) => x.indicatorId === indicatorId);
    if (!r || r.reportingUnits === 0)
      return { numerator: null, denominator: null, value: null, reportingUnits: 0 };
    return kind === 'ratio'
      ? {
          numerator: r.numeratorSum,
          denominator: r.denominatorSum,
          value: null,
          reportingUnits: r.reportingUnits,
        }
      : { numerator: null, denominator: null, value: r.valueSum, reportingUnits: r.reportingUnits };
  };
  return ids.map((indicatorId) => {
    const i = infoById.get(indicatorId)!;
    const kinds = new Set(indicators.filter((x) => x.indicatorId === indicatorId).map((x) => x.unitKind));
    return {
      indicatorId,
      code: i.code,
      nameVi: i.nameVi,
      nameEn: i.nameEn,
      kind: i.kind,
      unitOfMeasure: i.unitOfMeasure,
      approved: read(approved, indicatorId, i.kind),
      submitted: read(submitted, indicatorId, i.kind),
      askedUnits: units.filter((u) => kinds.has(u.kind as AskedUnitKind)).length,
    };
  });
}
