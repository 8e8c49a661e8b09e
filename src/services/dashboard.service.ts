/**
 * The dashboards (issue 6, part 3): a province's overview, an indicator
 * across time, units and the country, a unit's scorecard, the tasks board,
 * the national comparison — and publishing a province's results.
 *
 * Figures are read from the maintained roll-ups only (an index lookup by
 * unit, period and indicator), never by a GROUP BY over the values. Who sees
 * what: a person who may read a province's figures sees them live (approved,
 * or also those awaiting approval); everyone else sees what the province
 * published — its frozen judgements, and the approved figures of the years it
 * published. Demo data is flagged wherever it appears.
 */
import type {
  DashboardIndicator,
  IndicatorView,
  NationalComparison,
  ProvinceOverview,
  TaskBoardCounts,
  TaskBoardItem,
  TaskBoardState,
  TasksBoard,
  UnitScorecard,
} from '../contracts/dashboard';
import { taskBoardStates } from '../contracts/dashboard';
import type { Task } from '../contracts/review';
import type { Publication, TargetStatusItem, TargetStatusQuery } from '../contracts/status';
import { AppError, notFound } from '../domain/errors';
import type { UnitIndexScore } from '../domain/index-method';
import { rankCompetition } from '../domain/index-method/ranking';
import { hasProvisionalParts } from '../domain/index-method/score';
import { isIncremental } from '../domain/rollup/rollup';
import { compareWithTarget } from '../domain/target/compare';
import { documentsMeta, latestTaskUpdates } from '../repositories/dashboard.repository';
import { findIndexMethod, findPublishedScores } from '../repositories/index.repository';
import type { IndicatorRow } from '../repositories/indicator.repository';
import { findIndicatorByCode } from '../repositories/indicator.repository';
import { findRollups } from '../repositories/rollup.repository';
import { successorsOf, unitsByIds, unitsOfProvince } from '../repositories/round.repository';
import {
  confirmedTargetsOf,
  latestPublication,
  listPublications,
  ownValues,
  periodsOfKind,
  provincesWithDemoData,
  publishedPeriods,
} from '../repositories/status.repository';
import { currentDocumentIds } from '../repositories/target.repository';
import { ancestorsOf, findUnit, type UnitRecord } from '../repositories/unit.repository';
import { hasPermission } from './authorize';
import type { ServiceContext } from './context';
import type { Db } from './db';
import {
  computeUnitScores,
  ensureBuiltinIndexMethods,
  methodInForce,
  provinceIndexTrend,
  provincesOn,
  publishIndexScores,
  readableProvinces,
} from './index-score.service';
import { listConfirmedTasks } from './review.service';
import {
  canReadFiguresOf,
  computeTargetStatuses,
  contributorsOf,
  dashboardProvince,
  figureOfSums,
  getTargetStatuses,
  loadProvince,
  type PeriodRef,
  type ProvinceContext,
  provinceContextOf,
  publishResults,
  type ReadingScope,
  RollupIndex,
  statusesOf,
  type ValueView,
} from './status.service';

const todayOf = (ctx: ServiceContext) => ctx.now().toISOString().slice(0, 10);
const yearOf = (periodId: string) => Number(periodId.slice(0, 4));
const dayBefore = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};
/** The last day a unit's figures of a period can be read on: the period's end, or the unit's last day. */
const lastDayIn = (u: { validTo: string | null }, period: { endsOn: string }) =>
  u.validTo && u.validTo <= period.endsOn ? dayBefore(u.validTo) : period.endsOn;

/** The scope a province's figures are read in: today's (with merged provinces) unless it ceased. */
function scopeOf(p: ProvinceContext): ReadingScope {
  const ceased = p.unit.validTo !== null && p.successor !== null;
  return { kind: ceased ? 'time' : 'today', unit: p.unit, mergedFrom: ceased ? [] : p.mergedFrom };
}

function indicatorRef(i: IndicatorRow): DashboardIndicator {
  return {
    id: i.id,
    code: i.code,
    nameVi: i.nameVi,
    nameEn: i.nameEn,
    pillar: i.pillar,
    kind: i.kind,
    aggregation: i.aggregation,
    direction: i.direction,
    unitOfMeasure: i.unitOfMeasure,
    unitOfMeasureEn: i.unitOfMeasureEn ?? null,
    unitKinds: i.unitKinds ?? [],
  };
}

async function loadIndicator(db: Db, code: string): Promise<IndicatorRow> {
  const i = await findIndicatorByCode(db, code);
  if (!i) throw notFound('indicator', code);
  return i;
}

async function isDemoProvince(db: Db, p: ProvinceContext): Promise<boolean> {
  const ids = [
    p.unit.id,
    ...p.mergedFrom.map((m) => m.unit.id),
    ...(p.successor ? [p.successor.unit.id] : []),
  ];
  return (await provincesWithDemoData(db, ids)).size > 0;
}

/** The periods whose figures the caller may see at a province: all when live, the published years otherwise. */
async function visiblePeriodFilter(
  ctx: ServiceContext,
  p: ProvinceContext,
  live: boolean,
): Promise<(periodId: string) => boolean> {
  if (live) return () => true;
  const published = (await publishedPeriods(ctx.db, [p.unit.id])).get(p.unit.id) ?? new Set<string>();
  return (periodId) => published.has(String(yearOf(periodId)));
}

// ---------------------------------------------------------------- tasks board

const emptyBoardCounts = (): TaskBoardCounts =>
  Object.fromEntries(taskBoardStates.map((s) => [s, 0])) as TaskBoardCounts;

/** Behind when the reported progress trails the elapsed time by more than this many points. */
const BEHIND_MARGIN = 15;

interface BoardOptions {
  asOf: string;
  view: ValueView;
  upToPeriod: string | null;
  /** Only reports of these years (a visitor's published years); null: all. */
  years?: readonly string[] | null;
}

/**
 * Tasks by lead unit with what each lead last reported. A task is due on its
 * own deadline, else at the end of its program's first horizon year (a
 * 2021–2025 plan's tasks by 31/12/2025); it is late when that day has passed
 * and it is neither done nor cancelled, and behind when its progress trails
 * the time elapsed since the program was issued by more than 15 points.
 */
export async function computeTasksBoard(
  ctx: ServiceContext,
  p: ProvinceContext,
  options: BoardOptions,
): Promise<Pick<TasksBoard, 'counts' | 'groups' | 'withoutLead'>> {
  const db = ctx.db;
  const tasks = await listConfirmedTasks(ctx, { provinceId: p.unit.id });
  const docs = await documentsMeta(
    db,
    tasks.map((t) => t.documentId),
  );
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const hasLeadAbove = (t: Task): boolean => {
    for (
      let a = t.parentId ? byId.get(t.parentId) : undefined, n = 0;
      a && n < 10;
      a = a.parentId ? byId.get(a.parentId) : undefined, n++
    )
      if (a.leads.length > 0 || a.unresolvedLeads.length > 0) return true;
    return false;
  };
  const leadIds = [...new Set(tasks.flatMap((t) => t.leads.map((l) => l.unitId)))];
  const successors = await successorsOf(db, leadIds);
  const updates = await latestTaskUpdates(
    db,
    tasks.filter((t) => t.leads.length > 0).map((t) => t.id),
    options.view,
    options.upToPeriod,
    options.years ?? null,
  );
  const reporters = await unitsByIds(
    db,
    updates.map((u) => u.unitId),
  );

  const groups = new Map<string, TasksBoard['groups'][number]>();
  const withoutLead: TasksBoard['withoutLead'] = [];
  const counts = emptyBoardCounts();
  const add = (key: string, lead: TaskBoardItem['lead'], collective: boolean, item: TaskBoardItem) => {
    let g = groups.get(key);
    if (!g) {
      g = { key, lead, collective, counts: emptyBoardCounts(), items: [] };
      groups.set(key, g);
    }
    g.items.push(item);
    g.counts[item.state] += 1;
    counts[item.state] += 1;
  };

  for (const t of tasks) {
    const doc = docs.get(t.documentId);
    const due = dueOf(t, doc?.horizonYears ?? [], doc?.issuedOn ?? null);
    const expected = expectedPercent(doc?.issuedOn ?? null, due.date, options.asOf);
    const base = {
      taskId: t.id,
      documentId: t.documentId,
      documentNumber: doc?.number ?? null,
      section: t.section,
      title: t.title,
      due: due.date,
      dueSource: due.source,
      expectedPercent: expected,
    };
    if (t.leads.length === 0 && t.unresolvedLeads.length === 0) {
      if (!hasLeadAbove(t))
        withoutLead.push({
          taskId: t.id,
          section: t.section,
          title: t.title,
          documentNumber: doc?.number ?? null,
        });
      continue;
    }
    for (const lead of t.leads) {
      // the lead's own report, or its successor's (a department merged in 2025 carries its tasks)
      const candidates = new Set([lead.unitId, ...(successors.get(lead.unitId) ?? [])]);
      const latest = updates
        .filter((u) => u.taskId === t.id && candidates.has(u.unitId))
        .sort((a, b) => b.periodId.localeCompare(a.periodId))[0];
      const reported = latest
        ? {
            periodId: latest.periodId,
            status: latest.status,
            percent: latest.percent,
            note: latest.note,
            unitId: latest.unitId,
            unitName: reporters.get(latest.unitId)?.name ?? '',
          }
        : null;
      const leadRef = { unitId: lead.unitId, code: lead.code, name: lead.name };
      add(`unit:${lead.unitId}`, leadRef, false, {
        ...base,
        lead: leadRef,
        reported,
        state: boardState(reported, due.date, expected, options.asOf),
      });
    }
    for (const mention of t.unresolvedLeads) {
      const leadRef = { unitId: null, code: null, name: mention };
      add(`mention:${mention.toLowerCase()}`, leadRef, true, {
        ...base,
        lead: leadRef,
        reported: null,
        state: boardState(null, due.date, expected, options.asOf),
      });
    }
  }
  const order = (s: TaskBoardState) => taskBoardStates.indexOf(s);
  const sorted = [...groups.values()]
    .map((g) => ({
      ...g,
      items: g.items.sort(
        (a, b) => order(a.state) - order(b.state) || a.section.localeCompare(b.section, 'vi'),
      ),
    }))
    .sort(
      (a, b) =>
        b.counts.late - a.counts.late ||
        b.counts.behind - a.counts.behind ||
        Number(a.collective) - Number(b.collective) ||
        a.lead.name.localeCompare(b.lead.name, 'vi'),
    );
  return { counts, groups: sorted, withoutLead };
}

function dueOf(
  t: Task,
  horizonYears: readonly number[],
  issuedOn: string | null,
): { date: string | null; source: TaskBoardItem['dueSource'] } {
  if (t.deadline) return { date: t.deadline, source: 'task' };
  const issuedYear = issuedOn ? Number(issuedOn.slice(0, 4)) : null;
  const horizon = [...horizonYears].sort((a, b) => a - b).find((y) => issuedYear === null || y >= issuedYear);
  return horizon ? { date: `${horizon}-12-31`, source: 'horizon' } : { date: null, source: 'none' };
}

function expectedPercent(start: string | null, due: string | null, asOf: string): number | null {
  if (!start || !due) return null;
  const s = Date.parse(`${start}T00:00:00Z`);
  const d = Date.parse(`${due}T00:00:00Z`);
  const now = Date.parse(`${asOf}T00:00:00Z`);
  if (!(d > s)) return null;
  return Math.round(Math.min(100, Math.max(0, (100 * (now - s)) / (d - s))));
}

function boardState(
  reported: TaskBoardItem['reported'],
  due: string | null,
  expected: number | null,
  asOf: string,
): TaskBoardState {
  if (reported?.status === 'done') return 'done';
  if (reported?.status === 'cancelled') return 'cancelled';
  if (due !== null && due < asOf) return 'late';
  if (!reported) return 'no_report';
  if (expected !== null && (reported.percent ?? 0) < expected - BEHIND_MARGIN) return 'behind';
  return reported.status === 'not_started' ? 'not_started' : 'in_progress';
}

/** The last period whose reports the caller may read: any when live, the latest published year otherwise. */
async function readablePeriodLimit(
  ctx: ServiceContext,
  p: ProvinceContext,
  live: boolean,
): Promise<string | null | false> {
  if (live) return null;
  const pub = await latestPublication(ctx.db, p.unit.id);
  // `false`: nothing is published, so no report is shown
  return pub ? `${pub.periodId}\uffff` : false;
}

/** The task reports the caller may see: all when live, else only those of the published years. */
async function readableReports(
  ctx: ServiceContext,
  p: ProvinceContext,
  live: boolean,
): Promise<Pick<BoardOptions, 'upToPeriod' | 'years'>> {
  if (live) return { upToPeriod: null, years: null };
  const years = [...((await publishedPeriods(ctx.db, [p.unit.id])).get(p.unit.id) ?? [])];
  // nothing published: a period no report can have
  return years.length ? { upToPeriod: null, years } : { upToPeriod: '0000', years: [] };
}

/** `GET /api/provinces/:code/tasks-board`: tasks by lead unit, late ones first. Public (reports as published). */
export async function getTasksBoard(
  ctx: ServiceContext,
  code: string,
  q: { view?: ValueView } = {},
): Promise<TasksBoard> {
  const p = await loadProvince(ctx, code);
  const live = await canReadFiguresOf(ctx, p);
  if (q.view === 'submitted' && !live) throw new AppError('auth.forbidden', { status: 403 });
  const limit = await readablePeriodLimit(ctx, p, live);
  const asOf = todayOf(ctx);
  const board = await computeTasksBoard(ctx, p, {
    asOf,
    view: q.view ?? 'approved',
    ...(await readableReports(ctx, p, live)),
  });
  return {
    province: dashboardProvince(p),
    source: live ? 'live' : 'published',
    asOf,
    upToPeriod: limit === false ? null : limit === null ? null : limit.slice(0, -1),
    canReadLive: live,
    isDemo: await isDemoProvince(ctx.db, p),
    ...board,
  };
}

// ---------------------------------------------------------------- overview

const pillarOrder = ['government', 'economy', 'society', 'foundation', 'other'];

/** `GET /api/provinces/:code/overview`: where the province stands, in one answer. Public (as published). */
export async function getProvinceOverview(
  ctx: ServiceContext,
  code: string,
  q: TargetStatusQuery = {},
): Promise<ProvinceOverview> {
  await ensureBuiltinIndexMethods(ctx);
  const status = await getTargetStatuses(ctx, code, q);
  const p = await loadProvince(ctx, code);
  const live = status.source === 'live';

  const pillars = new Map<string, ProvinceOverview['pillars'][number]>();
  for (const i of status.items) {
    const key = i.target.indicator?.pillar ?? 'other';
    const entry = pillars.get(key) ?? {
      pillar: key,
      targets: 0,
      counts: { met: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 },
    };
    entry.targets += 1;
    entry.counts[i.status] += 1;
    pillars.set(key, entry);
  }

  const gaps = status.items
    .filter((i) => i.status === 'at_risk' || i.status === 'off_track')
    .map((i) => ({
      targetId: i.target.id,
      status: i.status,
      remaining: i.primary.achievement === null ? null : 1 - i.primary.achievement,
      gap: i.primary.gap,
    }))
    .sort((a, b) => (b.remaining ?? -Infinity) - (a.remaining ?? -Infinity))
    .slice(0, 8);

  const board = await computeTasksBoard(ctx, p, {
    asOf: todayOf(ctx),
    view: status.view,
    ...(await readableReports(ctx, p, live)),
  });
  const allTasks = board.groups.flatMap((g) => g.items);

  // the index: Nhịp Số's computation with the national method, and the official rank as reported
  const trend = await provinceIndexTrend(ctx, p);
  const latestYear = trend.at(-1)?.year ?? ctx.now().getUTCFullYear();
  const m =
    (await methodInForce(ctx.db, 'DTI_PROVINCE', latestYear, null)) ??
    (await methodInForce(ctx.db, 'DTI_PROVINCE', 2024, null));
  const officialRank = await officialRankSeries(ctx, p, live);

  return {
    status,
    pillars: pillarOrder.flatMap((k) => {
      const e = pillars.get(k);
      return e ? [e] : [];
    }),
    gaps,
    tasks: {
      counts: board.counts,
      late: allTasks.filter((t) => t.state === 'late').slice(0, 10),
      total: allTasks.length,
    },
    index: {
      method: m
        ? {
            code: m.method.code,
            version: m.method.version,
            name: m.method.name,
            provisional: hasProvisionalParts(m.method),
          }
        : null,
      trend,
      officialRank,
    },
    publications: (await listPublications(ctx.db, [p.unit.id])).map((r) => ({
      id: r.id,
      provinceId: r.provinceId,
      periodId: r.periodId,
      publishedAt: new Date(r.publishedAt).toISOString(),
      publishedBy: r.publishedByName,
      note: r.note,
      isDemo: r.isDemo,
    })),
  };
}

async function officialRankSeries(
  ctx: ServiceContext,
  p: ProvinceContext,
  live: boolean,
): Promise<Array<{ year: number; value: number }>> {
  const indicator = await findIndicatorByCode(ctx.db, 'GOV.DTI_RANK');
  if (!indicator) return [];
  const visible = await visiblePeriodFilter(ctx, p, live);
  const periods = (await periodsOfKind(ctx.db, 'year')).filter((x) => visible(x.id));
  const rows = await ownValues(ctx.db, {
    unitIds: [p.unit.id, ...(p.successor ? [] : p.mergedFrom.map((m) => m.unit.id))],
    indicatorIds: [indicator.id],
    periodIds: periods.map((x) => x.id),
    statuses: statusesOf('approved'),
  });
  // the province's own rank first; a merged province's rank does not carry over
  const own = rows.filter((r) => r.unitId === p.unit.id && r.value !== null);
  return own
    .map((r) => ({ year: yearOf(r.periodId), value: r.value as number }))
    .sort((a, b) => a.year - b.year);
}

// ---------------------------------------------------------------- one indicator

/** The figure of a scope (with merged provinces) in a period, or a province's own value when it does not add up. */
function scopeValue(
  rollups: RollupIndex,
  own: Map<string, { value: number | null; numerator: number | null; denominator: number | null }>,
  scope: ReadingScope,
  period: PeriodRef,
  indicator: IndicatorRow,
) {
  if (isIncremental(indicator.aggregation)) {
    return figureOfSums(
      indicator.aggregation,
      rollups.sum(
        contributorsOf(scope, period).map((u) => u.id),
        period.id,
        indicator.id,
        ['all'],
      ),
    );
  }
  const v = own.get(`${scope.unit.id}|${period.id}`);
  return v && v.value !== null
    ? { value: v.value, numerator: null, denominator: null, reportingUnits: 1 }
    : null;
}

/** The kind of unit whose figures make a sensible table by unit for an indicator. */
function defaultUnitKind(i: IndicatorRow): string | null {
  const kinds = i.unitKinds ?? [];
  for (const k of ['commune', 'department', 'district', 'agency']) if (kinds.includes(k)) return k;
  return null;
}

/** `GET /api/provinces/:code/indicators/:indicatorCode`: trend, targets, units, the country. Public (as published). */
export async function getIndicatorView(
  ctx: ServiceContext,
  code: string,
  indicatorCode: string,
  q: { period?: string; periodKind?: 'year' | 'quarter' | 'month'; unitKind?: string; view?: ValueView } = {},
): Promise<IndicatorView> {
  const p = await loadProvince(ctx, code);
  const indicator = await loadIndicator(ctx.db, indicatorCode);
  const live = await canReadFiguresOf(ctx, p);
  if (q.view === 'submitted' && !live) throw new AppError('auth.forbidden', { status: 403 });
  const view: ValueView = live ? (q.view ?? 'approved') : 'approved';
  const visible = await visiblePeriodFilter(ctx, p, live);
  const thisYear = ctx.now().getUTCFullYear();
  const periods = (await periodsOfKind(ctx.db, q.periodKind ?? 'year')).filter(
    (x) => visible(x.id) && yearOf(x.id) <= thisYear,
  );
  const scope = scopeOf(p);
  const unitIds = [scope.unit.id, ...scope.mergedFrom.map((m) => m.unit.id)];
  const rollups = new RollupIndex(
    await findRollups(ctx.db, {
      unitIds,
      periodIds: periods.map((x) => x.id),
      indicatorIds: [indicator.id],
      view,
      memberKinds: ['all'],
    }),
  );
  const own = new Map<
    string,
    { value: number | null; numerator: number | null; denominator: number | null }
  >();
  if (!isIncremental(indicator.aggregation))
    for (const v of await ownValues(ctx.db, {
      unitIds: [scope.unit.id],
      indicatorIds: [indicator.id],
      periodIds: periods.map((x) => x.id),
      statuses: statusesOf(view),
    }))
      own.set(`${v.unitId}|${v.periodId}`, v);
  const trend: IndicatorView['trend'] = [];
  for (const period of periods) {
    const f = scopeValue(rollups, own, scope, period, indicator);
    if (f) trend.push({ periodId: period.id, ...f });
  }

  // the targets on this indicator, with the projection their method makes
  let items: TargetStatusItem[];
  if (live) items = (await computeTargetStatuses(ctx.db, p, { asOf: thisYear, view })).items;
  else items = (await getTargetStatuses(ctx, code, { source: 'published' })).items;
  const targets: IndicatorView['targets'] = items
    .filter((i) => i.target.indicator?.id === indicator.id)
    .map((i) => {
      const cur = i.primary.current;
      const proj = i.primary.projectedValue;
      return {
        targetId: i.target.id,
        year: i.target.year,
        yearAssumed: i.target.yearAssumed,
        level: i.target.level,
        comparator: i.target.comparator,
        value: i.target.value,
        valueMax: i.target.valueMax,
        status: i.status,
        method: i.primary.result.method,
        documentNumber: i.target.documentNumber,
        series: i.primary.series.map((x) => ({ periodId: x.periodId, value: x.value })),
        judgedOn: i.primary.judgedOn,
        projection:
          cur && proj !== null && cur.year < i.target.year && i.primary.judgedOn !== 'share'
            ? { fromYear: cur.year, fromValue: cur.value, year: i.target.year, value: proj }
            : null,
      };
    });

  const withData = trend.map((t) => t.periodId);
  const period = q.period && withData.includes(q.period) ? q.period : (withData.at(-1) ?? null);
  const periodRef = periods.find((x) => x.id === period) ?? null;

  // the table by unit: units of one kind under the province (and the provinces merged into it)
  const unitKind = q.unitKind ?? defaultUnitKind(indicator);
  let unitItems: IndicatorView['units']['items'] = [];
  if (periodRef && unitKind) {
    const units = [];
    for (const c of contributorsOf(scope, periodRef)) {
      if (c.validFrom && c.validFrom > periodRef.endsOn) continue;
      units.push(...(await unitsOfProvince(ctx.db, c.id, [unitKind], lastDayIn(c, periodRef))));
    }
    const ids = units.map((u) => u.id);
    const unitRollups = isIncremental(indicator.aggregation)
      ? new RollupIndex(
          await findRollups(ctx.db, {
            unitIds: ids,
            periodIds: [periodRef.id],
            indicatorIds: [indicator.id],
            view,
            memberKinds: ['all'],
          }),
        )
      : null;
    const unitOwn = unitRollups
      ? []
      : await ownValues(ctx.db, {
          unitIds: ids,
          indicatorIds: [indicator.id],
          periodIds: [periodRef.id],
          statuses: statusesOf(view),
        });
    unitItems = units.map((u) => {
      const r = unitRollups?.get(u.id, periodRef.id, indicator.id, 'all');
      const f = r ? figureOfSums(indicator.aggregation, r) : null;
      const o = unitOwn.find((x) => x.unitId === u.id);
      return {
        unitId: u.id,
        code: u.code,
        name: u.name,
        kind: u.kind,
        value: f?.value ?? o?.value ?? null,
        numerator: f?.numerator ?? null,
        denominator: f?.denominator ?? null,
        reportingUnits: f?.reportingUnits ?? (o ? 1 : 0),
      };
    });
    const sign = indicator.direction === 'lower_better' ? 1 : -1;
    unitItems.sort(
      (a, b) =>
        (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) ||
        sign * ((a.value ?? 0) - (b.value ?? 0)) ||
        a.name.localeCompare(b.name, 'vi'),
    );
  }

  const national = period ? await nationalValues(ctx, indicator, period) : null;
  return {
    province: dashboardProvince(p),
    indicator: indicatorRef(indicator),
    source: live ? 'live' : 'published',
    canReadLive: live,
    isDemo: await isDemoProvince(ctx.db, p),
    view,
    trend,
    targets,
    periods: withData,
    period,
    units: { kind: unitKind, items: unitItems },
    national: national
      ? {
          layout: national.layout,
          items: national.items.map((x) => ({
            code: x.province.code,
            name: x.province.name,
            value: x.value,
            visible: x.visible,
          })),
        }
      : { layout: '34', items: [] },
  };
}

/**
 * An indicator's value in every province of a period (the 63 before 1 July
 * 2025, the 34 after, with the provinces merged into them), for provinces
 * whose figures the caller may use; ranked by the indicator's direction.
 */
async function nationalValues(
  ctx: ServiceContext,
  indicator: IndicatorRow,
  periodId: string,
): Promise<{ layout: '34' | '63'; items: NationalComparison['items'] }> {
  const period = (await periodsOfKind(ctx.db, periodKindOf(periodId))).find((x) => x.id === periodId);
  if (!period) return { layout: '34', items: [] };
  const on = period.endsOn;
  const layout = on < '2025-07-01' ? '63' : '34';
  const provinces = await provincesOn(ctx.db, on);
  const readable = await readableProvinces(ctx, provinces, yearOf(periodId));
  const scopes = provinces.map((p) => ({
    p,
    scope: { kind: 'today' as const, unit: p.unit, mergedFrom: p.mergedFrom },
  }));
  const ids = [...new Set(scopes.flatMap((s) => [s.p.unit.id, ...s.p.mergedFrom.map((m) => m.unit.id)]))];
  const rollups = new RollupIndex(
    await findRollups(ctx.db, {
      unitIds: ids,
      periodIds: [periodId],
      indicatorIds: [indicator.id],
      view: 'approved',
      memberKinds: ['all'],
    }),
  );
  const own = new Map<
    string,
    { value: number | null; numerator: number | null; denominator: number | null }
  >();
  if (!isIncremental(indicator.aggregation))
    for (const v of await ownValues(ctx.db, {
      unitIds: ids,
      indicatorIds: [indicator.id],
      periodIds: [periodId],
      statuses: statusesOf('approved'),
    }))
      own.set(`${v.unitId}|${v.periodId}`, v);
  const demo = await provincesWithDemoData(ctx.db, ids);
  const rows = scopes.map(({ p, scope }) => {
    const shown = readable.has(p.unit.id);
    const f = shown ? scopeValue(rollups, own, scope, period, indicator) : null;
    return {
      province: { id: p.unit.id, code: p.unit.code, name: p.unit.name },
      visible: shown,
      value: f?.value ?? null,
      numerator: f?.numerator ?? null,
      denominator: f?.denominator ?? null,
      rank: null as number | null,
      isDemo: [p.unit.id, ...p.mergedFrom.map((m) => m.unit.id)].some((id) => demo.has(id)),
    };
  });
  const ranks = rankCompetition(rows, (r) => r.value, indicator.direction);
  rows.forEach((r, i) => {
    r.rank = ranks[i] ?? null;
  });
  rows.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.province.code.localeCompare(b.province.code));
  return { layout, items: rows };
}

const periodKindOf = (id: string): 'year' | 'quarter' | 'month' =>
  id.includes('Q') ? 'quarter' : id.includes('-') ? 'month' : 'year';

/** `GET /api/national/comparison?indicator=`: provinces ranked on an indicator. Public (published figures). */
export async function getNationalComparison(
  ctx: ServiceContext,
  q: { indicator: string; period?: string },
): Promise<NationalComparison> {
  const indicator = await loadIndicator(ctx.db, q.indicator);
  const thisYear = ctx.now().getUTCFullYear();
  const years = (await periodsOfKind(ctx.db, 'year'))
    .filter((x) => yearOf(x.id) <= thisYear)
    .map((x) => x.id);
  let period = q.period ?? null;
  let result = period ? await nationalValues(ctx, indicator, period) : null;
  if (!period) {
    // the latest year with any visible figure
    for (const y of [...years].reverse()) {
      const r = await nationalValues(ctx, indicator, y);
      if (r.items.some((i) => i.value !== null)) {
        period = y;
        result = r;
        break;
      }
    }
    period ??= years.at(-1) ?? null;
    result ??= period ? await nationalValues(ctx, indicator, period) : null;
  }
  return {
    indicator: indicatorRef(indicator),
    period,
    periods: years,
    layout: result?.layout ?? '34',
    items: result?.items ?? [],
  };
}

/** The table by unit of an indicator as CSV (UTF-8 with BOM, comma-separated, dot decimals). */
export async function indicatorCsv(
  ctx: ServiceContext,
  code: string,
  indicatorCode: string,
  q: Parameters<typeof getIndicatorView>[3] = {},
): Promise<{ fileName: string; text: string }> {
  const v = await getIndicatorView(ctx, code, indicatorCode, q);
  const cell = (x: string | number | null) => {
    if (x === null) return '';
    const s = String(x);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const en = ctx.locale === 'en';
  const header = en
    ? [
        'province_code',
        'unit_code',
        'unit_name',
        'unit_kind',
        'indicator_code',
        'period',
        'value',
        'numerator',
        'denominator',
        'reporting_units',
        'status',
      ]
    : [
        'ma_tinh',
        'ma_don_vi',
        'ten_don_vi',
        'loai_don_vi',
        'ma_chi_tieu',
        'ky',
        'gia_tri',
        'tu_so',
        'mau_so',
        'so_don_vi_bao_cao',
        'trang_thai_so_lieu',
      ];
  const status =
    v.source === 'live' ? (v.view === 'approved' ? 'approved' : 'submitted+approved') : 'published';
  const total = v.trend.find((t) => t.periodId === v.period);
  const lines = [header.join(',')];
  if (total)
    lines.push(
      [
        v.province.code,
        v.province.code,
        v.province.name,
        'province',
        v.indicator.code,
        v.period,
        total.value,
        total.numerator,
        total.denominator,
        total.reportingUnits,
        status,
      ]
        .map(cell)
        .join(','),
    );
  for (const u of v.units.items)
    lines.push(
      [
        v.province.code,
        u.code,
        u.name,
        u.kind,
        v.indicator.code,
        v.period,
        u.value,
        u.numerator,
        u.denominator,
        u.reportingUnits,
        status,
      ]
        .map(cell)
        .join(','),
    );
  const demo = v.isDemo ? (en ? '# demo data (Dữ liệu minh họa)\n' : '# Dữ liệu minh họa (demo data)\n') : '';
  return {
    fileName: `${v.province.code}_${v.indicator.code}_${v.period ?? 'no-data'}.csv`,
    text: `\ufeff${demo}${lines.join('\r\n')}\r\n`,
  };
}

// ---------------------------------------------------------------- unit scorecard

/** The level of a province's targets that a kind of unit belongs to. */
const levelOfKind: Record<string, string> = {
  commune: 'commune',
  district: 'district',
  department: 'province',
  agency: 'province',
};

/** `GET /api/units/:id/scorecard`: a unit's figures against its level's targets, its index score, its tasks. */
export async function getUnitScorecard(
  ctx: ServiceContext,
  unitId: number,
  q: { year?: number } = {},
): Promise<UnitScorecard> {
  await ensureBuiltinIndexMethods(ctx);
  const unit = await findUnit(ctx.db, unitId);
  if (!unit) throw notFound('unit', unitId);
  const ancestors = await ancestorsOf(ctx.db, unitId);
  const provinceRow =
    unit.kind === 'province' ? unit : (ancestors.find((a) => a.kind === 'province') ?? null);
  const parent = ancestors.at(-1) ?? null;
  const p = provinceRow ? await provinceContextOf(ctx.db, provinceRow) : null;
  const live = await hasPermission(ctx, 'figures.read', unitId);
  const visible = p ? await visiblePeriodFilter(ctx, p, live) : () => live;
  const thisYear = ctx.now().getUTCFullYear();
  const yearPeriods = (await periodsOfKind(ctx.db, 'year')).filter(
    (x) => yearOf(x.id) <= thisYear && visible(x.id),
  );
  const unitRollups = await findRollups(ctx.db, {
    unitIds: [unitId],
    periodIds: yearPeriods.map((x) => x.id),
    view: 'approved',
    memberKinds: ['all'],
  });
  const years = [
    ...new Set(unitRollups.filter((r) => r.reportingUnits > 0).map((r) => yearOf(r.periodId))),
  ].sort();
  const year = q.year ?? years.at(-1) ?? thisYear;
  const isDemo = p ? await isDemoProvince(ctx.db, p) : false;
  const base = {
    unit: {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      validFrom: unit.validFrom,
      validTo: unit.validTo,
      parent: parent ? { id: parent.id, name: parent.name } : null,
      province: provinceRow ? { id: provinceRow.id, code: provinceRow.code, name: provinceRow.name } : null,
    },
    year,
    years,
    source: (live ? 'live' : 'published') as 'live' | 'published',
    canReadLive: live,
    isDemo,
  };
  if (!visible(String(year))) return { ...base, figures: [], index: null, indexMethod: null, tasks: [] };

  // figures of the year and the year before, the province's for comparison
  const ids = [...new Set(unitRollups.map((r) => r.indicatorId))];
  const indicators = ids.length
    ? await ctx.db
        .selectFrom('indicator')
        .selectAll()
        .where('id', 'in', ids)
        .orderBy('pillar')
        .orderBy('position')
        .execute()
    : [];
  const mine = new RollupIndex(unitRollups);
  const provinceRollups =
    p && p.unit.id !== unitId
      ? new RollupIndex(
          await findRollups(ctx.db, {
            unitIds: [p.unit.id, ...p.mergedFrom.map((m) => m.unit.id)],
            periodIds: [String(year)],
            indicatorIds: ids,
            view: 'approved',
            memberKinds: ['all'],
          }),
        )
      : null;
  const level = levelOfKind[unit.kind] ?? null;
  const targets = p ? await confirmedTargetsOf(ctx.db, await currentDocumentIds(ctx.db, p.unit.id)) : [];
  const figures: UnitScorecard['figures'] = [];
  for (const ind of indicators as IndicatorRow[]) {
    const now = mine.get(unitId, String(year), ind.id, 'all');
    const f = now ? figureOfSums(ind.aggregation, now) : null;
    if (!f) continue;
    const prevRow = mine.get(unitId, String(year - 1), ind.id, 'all');
    const prev = prevRow ? figureOfSums(ind.aggregation, prevRow) : null;
    const pv =
      provinceRollups && p
        ? figureOfSums(
            ind.aggregation,
            provinceRollups.sum(
              contributorsOf(scopeOf(p), {
                id: String(year),
                startsOn: `${year}-01-01`,
                endsOn: `${year}-12-31`,
              }).map((u) => u.id),
              String(year),
              ind.id,
              ['all'],
            ),
          )
        : null;
    // the province's target for this unit's level, the nearest year not before this one
    const candidates = targets
      .filter(
        (t) =>
          t.indicatorId === ind.id && (t.level === level || (t.level === null && unit.kind === 'province')),
      )
      .sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999));
    const t = candidates.find((x) => (x.year ?? 9999) >= year) ?? candidates.at(-1);
    let target: UnitScorecard['figures'][number]['target'] = null;
    if (t) {
      let meets: boolean | null = null;
      let gap: number | null = null;
      try {
        const c = compareWithTarget(
          f.value,
          { comparator: t.comparator, value: t.value, valueMax: t.valueMax },
          ind.direction,
        );
        meets = c.met;
        gap = c.gap;
      } catch {
        // a malformed target: shown without a judgement
      }
      target = {
        targetId: t.id,
        comparator: t.comparator,
        value: t.value,
        valueMax: t.valueMax,
        year: t.year ?? 2030,
        level: t.level,
        meets,
        gap,
      };
    }
    figures.push({
      indicator: indicatorRef(ind),
      value: f.value,
      numerator: f.numerator,
      denominator: f.denominator,
      previous: prev ? { periodId: String(year - 1), value: prev.value } : null,
      provinceValue: pv?.value ?? null,
      target,
    });
  }

  // the index score among its peers
  let index: UnitIndexScore | null = null;
  let indexMethod: UnitScorecard['indexMethod'] = null;
  if (p && unit.kind !== 'province') {
    if (live) {
      const r = await computeUnitScores(ctx.db, p, year);
      index = r?.scores.find((s) => Number(s.unit.id) === unitId) ?? null;
      if (r)
        indexMethod = { id: r.row.id, code: r.method.code, version: r.method.version, name: r.method.name };
    } else {
      const pub = await latestPublication(ctx.db, p.unit.id, String(year));
      const stored = pub ? await findPublishedScores(ctx.db, [pub.id], 'UNIT_DX') : [];
      const s = stored.find((x) => x.unitId === unitId);
      index = (s?.result as UnitIndexScore | undefined) ?? null;
      const row = s ? await findIndexMethod(ctx.db, s.methodId) : undefined;
      if (row) {
        const d = row.definition as { name: { vi: string; en: string } };
        indexMethod = { id: row.id, code: row.code, version: row.version, name: d.name };
      }
    }
  }

  // the tasks it leads (or carries for a unit merged into it)
  let tasks: TaskBoardItem[] = [];
  if (p) {
    const board = await computeTasksBoard(ctx, p, {
      asOf: todayOf(ctx),
      view: 'approved',
      ...(await readableReports(ctx, p, live)),
    });
    tasks = board.groups
      .flatMap((g) => g.items)
      .filter((i) => i.lead.unitId === unitId || i.reported?.unitId === unitId);
  }
  return { ...base, figures, index, indexMethod, tasks };
}

// ---------------------------------------------------------------- publishing

/**
 * Publishes a province's results of a year: target statuses with their
 * explanations, the index scores of its units and its own national score.
 * `program.manage` at the province. Audited (see status.service).
 */
export async function publishProvinceResults(
  ctx: ServiceContext,
  provinceId: number,
  input: { year: number; note?: string | null },
): Promise<Publication> {
  await ensureBuiltinIndexMethods(ctx);
  return publishResults(ctx, provinceId, input, {
    indexScores: async (trx, publicationId) => {
      const unit = (await findUnit(trx, provinceId)) as UnitRecord;
      return publishIndexScores(trx, await provinceContextOf(trx, unit), input.year, publicationId);
    },
  });
}
