/**
 * Where each confirmed target of a province stands (issue 6, part 1).
 *
 * Computed on read from the maintained roll-ups, never stored between
 * approvals: the roll-ups are current in the transaction of every approval,
 * a province's program is a few dozen targets whose series are read by
 * primary key in one query, and the status methods are pure — so a
 * judgement is never stale and an approval shows at once. What must stay as
 * it was is what a province *published*: `publishResults` stores each
 * judgement with its readings, inputs, formula, parameters and steps.
 *
 * - Scope: a target without a level is read at the province (roll-up `all`);
 *   a level target reads the level's rate (roll-up rows of its member kinds)
 *   and the share of the level's units meeting it (each unit's own roll-up).
 *   A level target on an indicator that does not add up as a rate (a count
 *   per district) is judged on the share of units meeting it.
 * - Baseline: the one the document states when the coordinator recorded it
 *   (`target_status_setting`), else the first reported period.
 * - Units of the time and today's: a province that ceased (Nam Định, 1 July
 *   2025) is followed in its own units, and — re-expressed through lineage —
 *   in its successor's (Ninh Bình, whose figures for periods before the merger
 *   add up every province merged into it). The first is the status shown and
 *   counted; both are returned.
 */
import type {
  DashboardProvince,
  Publication,
  StatusCounts,
  StatusSettings,
  TargetReading,
  TargetStatusItem,
  TargetStatusQuery,
  TargetStatusReport,
} from '../contracts/status';
import { actorUserId } from '../domain/auth/actor';
import { AppError, isAppError, notFound } from '../domain/errors';
import { levelUnitKinds } from '../domain/rollup/level-target';
import { isIncremental, readRollupState } from '../domain/rollup/rollup';
import {
  assessTargetStatus,
  readLevelTarget,
  type StatusMethod,
  type StatusParameterOverrides,
  type StatusResult,
  type TargetSpec,
  type TargetStatus,
  targetStatuses,
} from '../domain/status';
import { compareWithTarget } from '../domain/target/compare';
import { inTransaction } from '../repositories/db';
import { findRollups, type RollupRecord } from '../repositories/rollup.repository';
import { type UnitInfo, unitsOfProvince } from '../repositories/round.repository';
import {
  confirmedTargetsOf,
  deleteTargetStatusSetting,
  findProvinceStatusSetting,
  findPublication,
  findTargetStatusSettings,
  insertPublication,
  insertPublicationTargets,
  latestPublication,
  listPublications,
  ownValues,
  type ProgramTargetRecord,
  type PublicationRecord,
  periodsOfKind,
  provincesWithDemoData,
  publicationTargets,
  upsertProvinceStatusSetting,
  upsertTargetStatusSetting,
} from '../repositories/status.repository';
import { currentDocumentIds, findTarget } from '../repositories/target.repository';
import { findUnit, lineageOf, provincesByCode, type UnitRecord } from '../repositories/unit.repository';
import { recordAudit } from './audit';
import { hasPermission, requirePermission } from './authorize';
import type { ServiceContext } from './context';
import type { Db } from './db';

// ---------------------------------------------------------------- provinces

/** A province as the dashboards need it: itself, what it became, what went into it. */
export interface ProvinceContext {
  unit: UnitRecord;
  successor: { unit: UnitRecord; effectiveOn: string } | null;
  mergedFrom: Array<{ unit: UnitRecord; effectiveOn: string }>;
}

const todayOf = (ctx: ServiceContext) => ctx.now().toISOString().slice(0, 10);
const validOn = (u: { validFrom: string | null; validTo: string | null }, on: string) =>
  (u.validFrom === null || u.validFrom <= on) && (u.validTo === null || u.validTo > on);

/** The province of an official code (the one in force today, else the latest), with its lineage. */
export async function loadProvince(
  ctx: ServiceContext,
  code: string,
  db: Db = ctx.db,
): Promise<ProvinceContext> {
  const rows = await provincesByCode(db, code);
  const today = todayOf(ctx);
  const unit = rows.find((r) => validOn(r, today)) ?? rows[0];
  if (!unit) throw notFound('unit', code);
  return provinceContextOf(db, unit);
}

/** The lineage of a province row. */
export async function provinceContextOf(db: Db, unit: UnitRecord): Promise<ProvinceContext> {
  if (unit.kind !== 'province')
    throw new AppError('dashboard.not_a_province', { status: 404, params: { id: unit.id } });
  const lineage = await lineageOf(db, unit.id);
  const successor = lineage.successors.find((l) => l.unit.kind === 'province') ?? null;
  return {
    unit,
    successor: successor ? { unit: successor.unit, effectiveOn: successor.effectiveOn } : null,
    mergedFrom: lineage.predecessors
      .filter((l) => l.unit.kind === 'province')
      .map((l) => ({ unit: l.unit, effectiveOn: l.effectiveOn })),
  };
}

/** The province reference of an answer. */
export function dashboardProvince(p: ProvinceContext): DashboardProvince {
  return {
    id: p.unit.id,
    code: p.unit.code,
    name: p.unit.name,
    validFrom: p.unit.validFrom,
    validTo: p.unit.validTo,
    successor: p.successor
      ? {
          id: p.successor.unit.id,
          code: p.successor.unit.code,
          name: p.successor.unit.name,
          effectiveOn: p.successor.effectiveOn,
        }
      : null,
    mergedFrom: p.mergedFrom.map((m) => ({
      id: m.unit.id,
      code: m.unit.code,
      name: m.unit.name,
      effectiveOn: m.effectiveOn,
    })),
  };
}

/**
 * Whether the caller may see a province's figures before publication:
 * `figures.read` at the province, or at the province it went into (today's
 * coordinators follow the programs their province carried on).
 */
export async function canReadFiguresOf(
  ctx: ServiceContext,
  p: ProvinceContext,
  db: Db = ctx.db,
): Promise<boolean> {
  if (await hasPermission(ctx, 'figures.read', p.unit.id, db)) return true;
  return p.successor !== null && hasPermission(ctx, 'figures.read', p.successor.unit.id, db);
}

async function canManageProgramOf(
  ctx: ServiceContext,
  p: ProvinceContext,
  db: Db = ctx.db,
): Promise<boolean> {
  if (await hasPermission(ctx, 'program.manage', p.unit.id, db)) return true;
  return p.successor !== null && hasPermission(ctx, 'program.manage', p.successor.unit.id, db);
}

// ---------------------------------------------------------------- scopes and sums

/** Where a reading's figures come from. */
export interface ReadingScope {
  kind: 'time' | 'today';
  unit: UnitRecord;
  /** Provinces merged into `unit`: their figures count for periods that began before the merger. */
  mergedFrom: Array<{ unit: UnitRecord; effectiveOn: string }>;
}

export interface PeriodRef {
  id: string;
  startsOn: string;
  endsOn: string;
}

/** The provinces whose roll-ups make up a scope in a period. */
export function contributorsOf(scope: ReadingScope, period: PeriodRef): UnitRecord[] {
  return [scope.unit, ...scope.mergedFrom.filter((m) => period.startsOn < m.effectiveOn).map((m) => m.unit)];
}

export type MemberKind = RollupRecord['memberKind'];
export type ValueView = 'approved' | 'submitted';
export const statusesOf = (view: ValueView) =>
  view === 'approved' ? (['approved'] as const) : (['submitted', 'approved'] as const);

/** Roll-up rows by unit, period, indicator and member kind. */
export class RollupIndex {
  private readonly rows = new Map<string, RollupRecord>();
  constructor(records: readonly RollupRecord[]) {
    for (const r of records)
      this.rows.set(RollupIndex.key(r.unitId, r.periodId, r.indicatorId, r.memberKind), r);
  }
  static key(unitId: number, periodId: string, indicatorId: number, memberKind: string): string {
    return `${unitId}|${periodId}|${indicatorId}|${memberKind}`;
  }
  get(unitId: number, periodId: string, indicatorId: number, memberKind: string): RollupRecord | undefined {
    return this.rows.get(RollupIndex.key(unitId, periodId, indicatorId, memberKind));
  }
  /** The sums over several units and member kinds. */
  sum(unitIds: readonly number[], periodId: string, indicatorId: number, memberKinds: readonly string[]) {
    const s = { numeratorSum: 0, denominatorSum: 0, valueSum: 0, reportingUnits: 0 };
    for (const u of unitIds)
      for (const k of memberKinds) {
        const r = this.get(u, periodId, indicatorId, k);
        if (!r) continue;
        s.numeratorSum += r.numeratorSum;
        s.denominatorSum += r.denominatorSum;
        s.valueSum += r.valueSum;
        s.reportingUnits += r.reportingUnits;
      }
    return s;
  }
}

/** A figure read from roll-up sums: a percentage for ratios, Σ or mean values otherwise; null without data. */
export function figureOfSums(
  aggregation: string,
  s: { numeratorSum: number; denominatorSum: number; valueSum: number; reportingUnits: number },
): { value: number; numerator: number | null; denominator: number | null; reportingUnits: number } | null {
  if (!isIncremental(aggregation as 'ratio')) return null;
  const r = readRollupState(s, aggregation as 'ratio');
  if (r.value === null) return null;
  return {
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    reportingUnits: r.reportingUnits,
  };
}

const yearOf = (periodId: string) => Number(periodId.slice(0, 4));
const overlaps = (u: { validFrom: string | null; validTo: string | null }, p: PeriodRef) =>
  (u.validFrom === null || u.validFrom <= p.endsOn) && (u.validTo === null || u.validTo > p.startsOn);

// ---------------------------------------------------------------- judging

const emptyCounts = (): StatusCounts => ({ met: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 });

interface SettingsView {
  defaultMethod: StatusMethod;
  parameters: StatusParameterOverrides;
  targets: Map<
    number,
    { method: StatusMethod | null; baselineValue: number | null; baselineYear: number | null }
  >;
}

/** The target as a status method reads it. */
function specOf(t: ProgramTargetRecord, year: number): TargetSpec {
  const direction = t.direction ?? (t.comparator === 'top' ? 'lower_better' : 'higher_better');
  return { comparator: t.comparator, value: t.value, valueMax: t.valueMax, year, direction, unit: t.unit };
}

/** The year a target is judged against: its own, else the program's last horizon year (said in `yearAssumed`). */
function targetYearOf(t: ProgramTargetRecord): { year: number; assumed: boolean } {
  if (t.year !== null) return { year: t.year, assumed: false };
  const horizon = [...(t.horizonYears ?? [])].sort((a, b) => a - b).at(-1);
  return { year: horizon ?? 2030, assumed: true };
}

function safeAssess(
  spec: TargetSpec,
  observations: Array<{ year: number; value: number }>,
  baseline: { year: number; value: number } | null,
  asOf: number,
  method: StatusMethod,
  overrides: StatusParameterOverrides,
): StatusResult {
  try {
    return assessTargetStatus({ target: spec, observations, baseline, asOf }, method, overrides);
  } catch (e) {
    if (!isAppError(e)) throw e;
    // a malformed target (reviewed by hand) cannot be judged: say so rather than fail the page
    return {
      method,
      requestedMethod: method,
      fallback: null,
      status: 'no_data',
      reason: 'no_observation',
      inputs: { target: spec, baseline, current: null, observations, asOf },
      parameters: {},
      formula: {
        vi: 'Chỉ tiêu không hợp lệ, không đánh giá được.',
        en: 'The target is malformed and cannot be judged.',
      },
      outputs: {
        goal: null,
        aim: null,
        expectedNow: null,
        achievement: null,
        gapToPath: null,
        projectedValue: null,
        projectedMeets: null,
        annualChange: null,
        exceeded: false,
      },
      steps: [{ label: { vi: 'Lỗi', en: 'Error' }, formula: { vi: e.code, en: e.code } }],
    };
  }
}

/** Achievement (share of the way from baseline to target) and the gap still to go. */
function progressOf(
  spec: TargetSpec,
  current: number | null,
  baseline: number | null,
): { achievement: number | null; gap: number | null } {
  if (current === null) return { achievement: null, gap: null };
  try {
    const c = compareWithTarget(current, spec, spec.direction, { baseline });
    return { achievement: c.achievement, gap: c.gap };
  } catch {
    return { achievement: null, gap: null };
  }
}

interface ComputeOptions {
  asOf: number;
  view: ValueView;
}

/** Everything read from the database for one scope. */
interface ScopeData {
  periods: PeriodRef[];
  rollups: RollupIndex;
  own: Map<string, { numerator: number | null; denominator: number | null; value: number | null }>;
  /** Units of a level under a contributor on a date, with their own roll-ups/values, loaded on demand. */
  levelUnits: (contributor: UnitRecord, kinds: readonly string[], period: PeriodRef) => Promise<UnitInfo[]>;
  unitFigures: (
    unitIds: readonly number[],
    indicatorId: number,
    aggregation: string,
    periodId: string,
  ) => Promise<Map<number, number | null>>;
}

const dayBefore = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

async function loadScopeData(
  db: Db,
  scope: ReadingScope,
  targets: readonly ProgramTargetRecord[],
  periods: PeriodRef[],
  view: ValueView,
): Promise<ScopeData> {
  const indicatorIds = [...new Set(targets.map((t) => t.indicatorId).filter((x): x is number => x !== null))];
  const unitIds = [scope.unit.id, ...scope.mergedFrom.map((m) => m.unit.id)];
  const periodIds = periods.map((p) => p.id);
  // the whole program's series in one primary-key read
  const rollups = new RollupIndex(
    await findRollups(db, {
      unitIds,
      periodIds,
      indicatorIds,
      view,
      memberKinds: ['all', 'department', 'agency', 'district', 'commune'],
    }),
  );
  const noneIds = [
    ...new Set(
      targets
        .filter((t) => t.indicatorId !== null && t.aggregation !== null && !isIncremental(t.aggregation))
        .map((t) => t.indicatorId as number),
    ),
  ];
  const own = new Map<
    string,
    { numerator: number | null; denominator: number | null; value: number | null }
  >();
  for (const v of await ownValues(db, {
    unitIds: [scope.unit.id],
    indicatorIds: noneIds,
    periodIds,
    statuses: statusesOf(view),
  }))
    own.set(`${v.periodId}|${v.indicatorId}`, v);

  const unitCache = new Map<string, Promise<UnitInfo[]>>();
  const levelUnits = (contributor: UnitRecord, kinds: readonly string[], period: PeriodRef) => {
    // the units of the time at the end of the period (or on the contributor's last day)
    const end =
      contributor.validTo && contributor.validTo <= period.endsOn
        ? dayBefore(contributor.validTo)
        : period.endsOn;
    const key = `${contributor.id}|${kinds.join(',')}|${end}`;
    let p = unitCache.get(key);
    if (!p) {
      p = unitsOfProvince(db, contributor.id, kinds, end);
      unitCache.set(key, p);
    }
    return p;
  };
  const unitFigures = async (
    ids: readonly number[],
    indicatorId: number,
    aggregation: string,
    periodId: string,
  ) => {
    const out = new Map<number, number | null>();
    if (ids.length === 0) return out;
    if (isIncremental(aggregation as 'ratio')) {
      // each unit's own roll-up (its subtree): a district's count of smart communes is its communes' sum
      const rows = new RollupIndex(
        await findRollups(db, {
          unitIds: ids,
          periodIds: [periodId],
          indicatorIds: [indicatorId],
          view,
          memberKinds: ['all'],
        }),
      );
      for (const id of ids) {
        const r = rows.get(id, periodId, indicatorId, 'all');
        out.set(id, r ? (figureOfSums(aggregation, r)?.value ?? null) : null);
      }
      return out;
    }
    const values = await ownValues(db, {
      unitIds: ids,
      indicatorIds: [indicatorId],
      periodIds: [periodId],
      statuses: statusesOf(view),
    });
    for (const id of ids) out.set(id, null);
    for (const v of values) out.set(v.unitId, v.value);
    return out;
  };
  return { periods, rollups, own, levelUnits, unitFigures };
}

/** The value at a scope in a period for a target that is not read by level. */
function scopeFigure(
  data: ScopeData,
  scope: ReadingScope,
  t: ProgramTargetRecord,
  period: PeriodRef,
  memberKinds: readonly string[],
) {
  const indicatorId = t.indicatorId as number;
  const aggregation = t.aggregation ?? 'none';
  if (isIncremental(aggregation)) {
    const ids = contributorsOf(scope, period).map((u) => u.id);
    return figureOfSums(aggregation, data.rollups.sum(ids, period.id, indicatorId, memberKinds));
  }
  // ranks, growth rates, yes/no of the province: its own figure, never summed across provinces
  const v = data.own.get(`${period.id}|${indicatorId}`);
  if (!v) return null;
  const value =
    v.value ?? (v.numerator !== null && v.denominator ? (100 * v.numerator) / v.denominator : null);
  return value === null
    ? null
    : { value, numerator: v.numerator, denominator: v.denominator, reportingUnits: 1 };
}

/** The units of a level in a period (under every contributor that has figures then), with their readings. */
async function levelFigures(
  data: ScopeData,
  scope: ReadingScope,
  t: ProgramTargetRecord,
  period: PeriodRef,
): Promise<Array<{ unit: UnitInfo; value: number | null }>> {
  const kinds = levelUnitKinds[t.level as 'commune'];
  const indicatorId = t.indicatorId as number;
  const units: UnitInfo[] = [];
  for (const c of contributorsOf(scope, period)) {
    if (!overlaps(c, period)) continue;
    // a merged province without any figure for the period (reported by its successor) adds no units
    if (
      isIncremental(t.aggregation ?? 'none') &&
      data.rollups.sum([c.id], period.id, indicatorId, ['all']).reportingUnits === 0
    )
      continue;
    units.push(...(await data.levelUnits(c, kinds, period)));
  }
  const values = await data.unitFigures(
    units.map((u) => u.id),
    indicatorId,
    t.aggregation ?? 'none',
    period.id,
  );
  return units.map((unit) => ({ unit, value: values.get(unit.id) ?? null }));
}

/** Judges one target in one scope. */
async function judge(
  data: ScopeData,
  scope: ReadingScope,
  t: ProgramTargetRecord,
  year: number,
  options: ComputeOptions,
  method: StatusMethod,
  overrides: StatusParameterOverrides,
  stated: { year: number; value: number } | null,
): Promise<TargetReading> {
  const spec = specOf(t, year);
  const aggregation = t.aggregation ?? 'none';
  const scopeRef: TargetReading['scope'] = {
    kind: scope.kind,
    unitId: scope.unit.id,
    code: scope.unit.code,
    name: scope.unit.name,
    validTo: scope.unit.validTo,
    mergedFrom: scope.mergedFrom.map((m) => ({
      unitId: m.unit.id,
      code: m.unit.code,
      name: m.unit.name,
      effectiveOn: m.effectiveOn,
    })),
  };
  const periods = data.periods.filter((p) => yearOf(p.id) <= options.asOf);
  const series: TargetReading['series'] = [];
  let judgedOn: TargetReading['judgedOn'] = 'value';
  let judgedSpec = spec;

  // a level target on an indicator the level's units do not report (the share of communes with fibre,
  // compiled by the province) is read where it is reported
  const byLevel =
    t.level !== null &&
    ((t.unitKinds ?? []).length === 0 ||
      (t.unitKinds ?? []).some((k) => levelUnitKinds[t.level as 'commune'].includes(k as 'commune')));
  if (t.indicatorId !== null) {
    if (!byLevel) {
      for (const p of periods) {
        const f = scopeFigure(data, scope, t, p, ['all']);
        if (f) series.push({ periodId: p.id, year: yearOf(p.id), ...f });
      }
    } else if (aggregation === 'ratio') {
      judgedOn = 'rate';
      const kinds = levelUnitKinds[t.level ?? 'commune'];
      for (const p of periods) {
        const f = scopeFigure(data, scope, t, p, kinds);
        if (f) series.push({ periodId: p.id, year: yearOf(p.id), ...f });
      }
    } else {
      // "each district has at least one smart commune": met when every unit of the level meets it
      judgedOn = 'share';
      judgedSpec = { comparator: '>=', value: 100, year, direction: 'higher_better', unit: 'percent' };
      for (const p of periods) {
        const figures = await levelFigures(data, scope, t, p);
        const assessed = figures.filter((f) => f.value !== null);
        if (assessed.length === 0) continue;
        const meeting = assessed.filter((f) => compareSafe(f.value as number, spec)).length;
        series.push({
          periodId: p.id,
          year: yearOf(p.id),
          value: (100 * meeting) / assessed.length,
          numerator: meeting,
          denominator: assessed.length,
          reportingUnits: assessed.length,
        });
      }
    }
  }

  const observations = series.map((s) => ({ year: s.year, value: s.value }));
  // a stated baseline is the document's, for the units of its time; a series re-expressed starts from its own first year
  const baseline =
    stated && judgedOn !== 'share'
      ? { ...stated, source: 'stated' as const }
      : series[0]
        ? { year: series[0].year, value: series[0].value, source: 'first_reported' as const }
        : null;
  const result = safeAssess(
    judgedSpec,
    observations,
    baseline ? { year: baseline.year, value: baseline.value } : null,
    options.asOf,
    method,
    overrides,
  );
  const last = series.at(-1) ?? null;
  const current = last ? { periodId: last.periodId, year: last.year, value: last.value } : null;
  const progress = progressOf(judgedSpec, current?.value ?? null, baseline?.value ?? null);

  let level: TargetReading['level'] = null;
  if (byLevel && t.level !== null && t.indicatorId !== null && last) {
    const period = periods.find((p) => p.id === last.periodId) as PeriodRef;
    const figures = await levelFigures(data, scope, t, period);
    const sums =
      aggregation === 'ratio'
        ? data.rollups.sum(
            contributorsOf(scope, period).map((u) => u.id),
            period.id,
            t.indicatorId,
            levelUnitKinds[t.level],
          )
        : null;
    const reading = readLevelTarget(
      spec,
      figures.map((f) => ({ unitId: f.unit.id, unitName: f.unit.name, value: f.value })),
      {
        // unit values are already in the target's unit; the level's rate comes from its roll-up
        scale: 1,
        rollup: sums
          ? {
              numerator: 100 * sums.numeratorSum,
              denominator: sums.denominatorSum,
              reportingUnits: sums.reportingUnits,
            }
          : null,
      },
    );
    const byId = new Map(figures.map((f) => [f.unit.id, f.unit]));
    level = {
      level: t.level,
      periodId: period.id,
      rate: {
        numerator: sums ? sums.numeratorSum : reading.rate.numerator,
        denominator: reading.rate.denominator,
        value: reading.rate.value,
        meets: reading.rate.meets,
        unitsIncluded: reading.rate.unitsIncluded,
      },
      share: {
        unitsTotal: reading.share.unitsTotal,
        unitsAssessed: reading.share.unitsAssessed,
        unitsMeeting: reading.share.unitsMeeting,
        unitsNotMeeting: reading.share.unitsNotMeeting,
        unitsWithoutData: reading.share.unitsWithoutData,
        share: reading.share.share,
        shareOfAll: reading.share.shareOfAll,
      },
      units: reading.unitValues.map((u) => {
        const unit = byId.get(Number(u.unitId));
        return {
          unitId: Number(u.unitId),
          code: unit?.code ?? '',
          name: unit?.name ?? String(u.unitId),
          value: u.value,
          meets: u.meets,
        };
      }),
      explanation: levelExplanation(reading, sums),
    };
  }

  return {
    scope: scopeRef,
    view: options.view,
    judgedOn,
    series,
    baseline,
    current,
    achievement: progress.achievement,
    gap: progress.gap,
    projectedValue: typeof result.outputs.projectedValue === 'number' ? result.outputs.projectedValue : null,
    level,
    result,
  };
}

function compareSafe(value: number, spec: TargetSpec): boolean {
  try {
    return compareWithTarget(value, spec, spec.direction).met;
  } catch {
    return false;
  }
}

const fmt = (locale: 'vi' | 'en', n: number, digits = 2) =>
  new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits }).format(n);

/** The two readings in words, with the roll-up's sums (not the rescaled ones readLevelTarget was given). */
function levelExplanation(
  reading: ReturnType<typeof readLevelTarget>,
  sums: { numeratorSum: number; denominatorSum: number; reportingUnits: number } | null,
): { vi: string; en: string } {
  const s = reading.share;
  const text = (l: 'vi' | 'en') => {
    const rate =
      reading.rate.value === null
        ? l === 'vi'
          ? 'không có tỷ lệ chung (chỉ tiêu không cộng dồn thành tỷ lệ)'
          : 'no overall rate (the indicator does not add up to a rate)'
        : sums
          ? `${fmt(l, sums.numeratorSum)} ÷ ${fmt(l, sums.denominatorSum)} × 100 = ${fmt(l, reading.rate.value)}%`
          : fmt(l, reading.rate.value);
    const pct = s.share === null ? '—' : `${fmt(l, 100 * s.share, 1)}%`;
    return l === 'vi'
      ? `Tỷ lệ chung của ${reading.rate.unitsIncluded} đơn vị (tổng tử số ÷ tổng mẫu số, từ số liệu tổng hợp): ${rate}. Số đơn vị tự đạt: ${s.unitsMeeting}/${s.unitsAssessed} đơn vị có số liệu (${pct}); ${s.unitsWithoutData} đơn vị chưa có số liệu.`
      : `Overall rate of ${reading.rate.unitsIncluded} units (Σ numerators ÷ Σ denominators, from the roll-up): ${rate}. Units meeting it on their own: ${s.unitsMeeting}/${s.unitsAssessed} with data (${pct}); ${s.unitsWithoutData} without data.`;
  };
  return { vi: text('vi'), en: text('en') };
}

// ---------------------------------------------------------------- the report

async function loadSettings(db: Db, provinceId: number, targetIds: readonly number[]): Promise<SettingsView> {
  const [p, t] = await Promise.all([
    findProvinceStatusSetting(db, provinceId),
    findTargetStatusSettings(db, targetIds),
  ]);
  return {
    defaultMethod: p?.method ?? 'linear',
    parameters: (p?.parameters ?? {}) as StatusParameterOverrides,
    targets: new Map(
      [...t].map(([id, s]) => [
        id,
        { method: s.method, baselineValue: s.baselineValue, baselineYear: s.baselineYear },
      ]),
    ),
  };
}

function targetRef(t: ProgramTargetRecord): TargetStatusItem['target'] {
  const y = targetYearOf(t);
  return {
    id: t.id,
    documentId: t.documentId,
    documentKind: t.documentKind,
    documentNumber: t.documentNumber,
    documentTitle: t.documentTitle,
    section: t.sectionLabel,
    indicator:
      t.indicatorId === null
        ? null
        : {
            id: t.indicatorId,
            code: t.indicatorCode ?? '',
            nameVi: t.indicatorNameVi ?? '',
            nameEn: t.indicatorNameEn ?? '',
            pillar: t.pillar ?? 'foundation',
            aggregation: t.aggregation ?? 'none',
            direction: t.direction ?? 'higher_better',
            unitOfMeasure: t.unitOfMeasure ?? '',
            unitOfMeasureEn: t.unitOfMeasureEn,
          },
    year: y.year,
    yearAssumed: y.assumed,
    level: t.level,
    comparator: t.comparator,
    value: t.value,
    valueMax: t.valueMax,
    unit: t.unit,
    unitLabel: t.unitLabel,
    quote: t.quote,
  };
}

/** Counts by target year and in all. */
export function countStatuses(
  items: readonly { status: TargetStatus; target: { year: number } }[],
): Record<string, StatusCounts> {
  const out: Record<string, StatusCounts> = { all: emptyCounts() };
  for (const i of items) {
    const key = String(i.target.year);
    out[key] ??= emptyCounts();
    (out[key] as StatusCounts)[i.status] += 1;
    (out.all as StatusCounts)[i.status] += 1;
  }
  return out;
}

/**
 * Judges every confirmed target of a province now, from the maintained
 * roll-ups (no authorisation: callers decide who may see it).
 */
export async function computeTargetStatuses(
  db: Db,
  p: ProvinceContext,
  options: ComputeOptions,
): Promise<{ items: TargetStatusItem[]; defaultMethod: StatusMethod }> {
  const docIds = await currentDocumentIds(db, p.unit.id);
  const targets = await confirmedTargetsOf(db, docIds);
  const settings = await loadSettings(
    db,
    p.unit.id,
    targets.map((t) => t.id),
  );
  const periods = (await periodsOfKind(db, 'year')).filter((x) => yearOf(x.id) <= options.asOf);

  const ceased = p.unit.validTo !== null && p.successor !== null;
  const primaryScope: ReadingScope = {
    kind: ceased ? 'time' : 'today',
    unit: p.unit,
    mergedFrom: ceased ? [] : p.mergedFrom,
  };
  let todayScope: ReadingScope | null = null;
  if (ceased && p.successor) {
    const s = await provinceContextOf(db, p.successor.unit);
    todayScope = { kind: 'today', unit: s.unit, mergedFrom: s.mergedFrom };
  }
  const primaryData = await loadScopeData(db, primaryScope, targets, periods, options.view);
  const todayData = todayScope ? await loadScopeData(db, todayScope, targets, periods, options.view) : null;

  const items: TargetStatusItem[] = [];
  for (const t of targets) {
    const own = settings.targets.get(t.id);
    const method: StatusMethod = own?.method ?? settings.defaultMethod;
    const source = own?.method ? 'target' : settings.defaultMethod !== 'linear' ? 'province' : 'default';
    const stated =
      own && own.baselineYear !== null && own.baselineValue !== null
        ? { year: own.baselineYear, value: own.baselineValue }
        : null;
    const { year } = targetYearOf(t);
    const primary = await judge(
      primaryData,
      primaryScope,
      t,
      year,
      options,
      method,
      settings.parameters,
      stated,
    );
    const today =
      todayScope && todayData
        ? await judge(todayData, todayScope, t, year, options, method, settings.parameters, null)
        : null;
    items.push({
      target: targetRef(t),
      status: primary.result.status,
      method: { requested: method, source },
      primary,
      today,
    });
  }
  return { items, defaultMethod: settings.defaultMethod };
}

function toPublication(r: PublicationRecord): Publication {
  return {
    id: r.id,
    provinceId: r.provinceId,
    periodId: r.periodId,
    publishedAt: new Date(r.publishedAt).toISOString(),
    publishedBy: r.publishedByName,
    note: r.note,
    isDemo: r.isDemo,
  };
}

/**
 * Where a province's targets stand. Those who may read its figures get the
 * judgement of now from the roll-ups (`source: 'live'`, the default for them);
 * everyone else gets what the province published (`source: 'published'`),
 * or no items when it has published nothing yet.
 * @example await getTargetStatuses(ctx, '40', { year: 2025 })
 */
export async function getTargetStatuses(
  ctx: ServiceContext,
  code: string,
  query: TargetStatusQuery = {},
): Promise<TargetStatusReport> {
  const p = await loadProvince(ctx, code);
  const canReadLive = await canReadFiguresOf(ctx, p);
  const canManage = await canManageProgramOf(ctx, p);
  const demo = await provincesWithDemoData(ctx.db, [
    p.unit.id,
    ...(p.successor ? [p.successor.unit.id] : []),
  ]);
  const base = {
    province: dashboardProvince(p),
    canReadLive,
    canManage,
    isDemo: demo.size > 0,
  };
  if (query.view === 'submitted' && !canReadLive) throw new AppError('auth.forbidden', { status: 403 });
  if (canReadLive && query.source !== 'published') {
    const asOf = query.year ?? ctx.now().getUTCFullYear();
    const view = query.view ?? 'approved';
    const { items, defaultMethod } = await computeTargetStatuses(ctx.db, p, { asOf, view });
    return {
      ...base,
      source: 'live',
      publication: null,
      view,
      asOf,
      computedAt: ctx.now().toISOString(),
      defaultMethod,
      counts: countStatuses(items),
      items,
    };
  }
  return publishedReport(ctx, p, base, query.year ?? null);
}

async function publishedReport(
  ctx: ServiceContext,
  p: ProvinceContext,
  base: Pick<TargetStatusReport, 'province' | 'canReadLive' | 'canManage' | 'isDemo'>,
  year: number | null,
): Promise<TargetStatusReport> {
  const pub = await latestPublication(ctx.db, p.unit.id, year === null ? null : String(year));
  const settings = await findProvinceStatusSetting(ctx.db, p.unit.id);
  if (!pub) {
    return {
      ...base,
      source: 'published',
      publication: null,
      view: 'approved',
      asOf: year,
      computedAt: ctx.now().toISOString(),
      defaultMethod: settings?.method ?? 'linear',
      counts: countStatuses([]),
      items: [],
    };
  }
  const rows = await publicationTargets(ctx.db, pub.id);
  const items = rows.map((r) => r.result as TargetStatusItem);
  return {
    ...base,
    isDemo: base.isDemo || pub.isDemo,
    source: 'published',
    publication: toPublication(pub),
    view: 'approved',
    asOf: yearOf(pub.periodId),
    computedAt: new Date(pub.publishedAt).toISOString(),
    defaultMethod: settings?.method ?? 'linear',
    counts: countStatuses(items),
    items,
  };
}

// ---------------------------------------------------------------- publication

/**
 * Publishes a province's results for a year: every confirmed target judged
 * now on approved figures as of that year, stored with its whole explanation
 * (readings, inputs, formula, parameters, steps), so the public reads exactly
 * what was published, and the approved figures of that province and year
 * become public. `program.manage` at the province. Audited.
 */
export async function publishResults(
  ctx: ServiceContext,
  provinceId: number,
  input: { year: number; note?: string | null },
  extra: {
    /** Index scores to freeze with the statuses (filled by the index service). */
    indexScores?: (trx: Db, publicationId: number) => Promise<unknown>;
  } = {},
): Promise<Publication> {
  const unit = await findUnit(ctx.db, provinceId);
  if (!unit) throw notFound('unit', provinceId);
  await requirePermission(ctx, 'program.manage', provinceId);
  const periodId = String(input.year);
  return inTransaction(ctx.db, async (trx) => {
    const p = await provinceContextOf(trx, unit);
    if (input.year > ctx.now().getUTCFullYear())
      throw new AppError('publication.future_year', {
        status: 422,
        params: { year: input.year },
        details: [{ path: 'year', code: 'publication.future_year', params: { year: input.year } }],
      });
    await trx
      .insertInto('period')
      .values({ id: periodId, kind: 'year', startsOn: `${periodId}-01-01`, endsOn: `${periodId}-12-31` })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const { items } = await computeTargetStatuses(trx, p, { asOf: input.year, view: 'approved' });
    const demo = await provincesWithDemoData(trx, [p.unit.id, ...(p.successor ? [p.successor.unit.id] : [])]);
    const counts = countStatuses(items);
    const at = ctx.now();
    const id = await insertPublication(trx, {
      provinceId,
      periodId,
      publishedAt: at,
      publishedBy: actorUserId(ctx.actor),
      note: input.note?.trim() || null,
      isDemo: demo.size > 0,
      summary: { counts, targets: items.length },
    });
    await insertPublicationTargets(
      trx,
      items.map((i) => ({
        publicationId: id,
        targetId: i.target.id,
        status: i.status,
        method: i.primary.result.method,
        result: i,
      })),
    );
    if (extra.indexScores) await extra.indexScores(trx, id);
    await recordAudit(trx, ctx, {
      action: 'results.publish',
      entityType: 'publication',
      entityId: id,
      unitId: provinceId,
      after: { year: input.year, targets: items.length, counts: counts.all, note: input.note ?? null },
    });
    const stored = await findPublication(trx, id);
    return toPublication(stored as PublicationRecord);
  });
}

/** A province's publications, newest first. Public. */
export async function getPublications(
  ctx: ServiceContext,
  provinceId: number,
): Promise<{ items: Publication[] }> {
  return { items: (await listPublications(ctx.db, [provinceId])).map(toPublication) };
}

// ---------------------------------------------------------------- settings

/** The province's default method and every target's own setting. `figures.read` at the province. */
export async function getStatusSettings(ctx: ServiceContext, provinceId: number): Promise<StatusSettings> {
  await requirePermission(ctx, 'figures.read', provinceId);
  const p = await findProvinceStatusSetting(ctx.db, provinceId);
  const docIds = await currentDocumentIds(ctx.db, provinceId);
  const targets = await confirmedTargetsOf(ctx.db, docIds);
  const own = await findTargetStatusSettings(
    ctx.db,
    targets.map((t) => t.id),
  );
  return {
    provinceId,
    method: p?.method ?? 'linear',
    parameters: (p?.parameters ?? {}) as StatusSettings['parameters'],
    targets: [...own.values()].map((s) => ({
      targetId: s.targetId,
      method: s.method,
      baseline:
        s.baselineYear !== null && s.baselineValue !== null
          ? { year: s.baselineYear, value: s.baselineValue }
          : null,
      note: s.note,
    })),
  };
}

/** Sets the province's default method (and parameters). `program.manage`. Audited. */
export async function setProvinceStatusMethod(
  ctx: ServiceContext,
  provinceId: number,
  input: { method: StatusMethod; parameters?: StatusParameterOverrides },
): Promise<StatusSettings> {
  const unit = await findUnit(ctx.db, provinceId);
  if (unit?.kind !== 'province') throw notFound('unit', provinceId);
  await requirePermission(ctx, 'program.manage', provinceId);
  await inTransaction(ctx.db, async (trx) => {
    const before = await findProvinceStatusSetting(trx, provinceId);
    await upsertProvinceStatusSetting(trx, {
      provinceId,
      method: input.method,
      parameters: input.parameters ?? {},
      updatedBy: actorUserId(ctx.actor),
      at: ctx.now(),
    });
    await recordAudit(trx, ctx, {
      action: 'status.method_set',
      entityType: 'status_setting',
      entityId: provinceId,
      unitId: provinceId,
      before: before ? { method: before.method, parameters: before.parameters } : null,
      after: { method: input.method, parameters: input.parameters ?? {} },
    });
  });
  return getStatusSettings(ctx, provinceId);
}

/**
 * Sets a target's own method and the baseline its document states (null
 * for both: back to the province's default and the first reported period).
 * `program.manage` at the document's province. Audited.
 */
export async function setTargetStatusSetting(
  ctx: ServiceContext,
  targetId: number,
  input: {
    method: StatusMethod | null;
    baseline: { year: number; value: number } | null;
    note?: string | null;
  },
): Promise<StatusSettings> {
  const target = await findTarget(ctx.db, targetId);
  if (!target || target.provinceId === null) throw notFound('target', targetId);
  await requirePermission(ctx, 'program.manage', target.provinceId);
  const provinceId = target.provinceId;
  await inTransaction(ctx.db, async (trx) => {
    const before = (await findTargetStatusSettings(trx, [targetId])).get(targetId) ?? null;
    if (input.method === null && input.baseline === null && !input.note)
      await deleteTargetStatusSetting(trx, targetId);
    else
      await upsertTargetStatusSetting(trx, {
        targetId,
        method: input.method,
        baselineValue: input.baseline?.value ?? null,
        baselineYear: input.baseline?.year ?? null,
        note: input.note?.trim() || null,
        updatedBy: actorUserId(ctx.actor),
        at: ctx.now(),
      });
    await recordAudit(trx, ctx, {
      action: 'status.target_setting_set',
      entityType: 'target',
      entityId: targetId,
      unitId: provinceId,
      before: before
        ? { method: before.method, baselineYear: before.baselineYear, baselineValue: before.baselineValue }
        : null,
      after: { method: input.method, baseline: input.baseline, note: input.note ?? null },
    });
  });
  return getStatusSettings(ctx, provinceId);
}

/** The statuses a target can have, in display order (re-exported for pages' legends). */
export const statusOrder = targetStatuses;
