/**
 * Figures by code, from any channel — the Excel template, CSV, the JSON push,
 * DHIS2 `dataValueSets` — into the one data-value service (`saveDataValues`),
 * which validates with the shared rules, checks the open round and the lock,
 * and writes values, revisions, roll-ups and the audit entry in one
 * transaction.
 *
 * `importFigures` is the common core: it resolves unit codes (official or
 * internal, the unit in force at the period's end), indicator codes and
 * periods; refuses units the caller may not enter figures for; compares each
 * figure with what is stored (new, changed, unchanged, cleared); then asks
 * `saveDataValues` to check (dry run) or save, and maps every conflict back to
 * the row and field it concerns. The channels shape the answer: the API's
 * import summary (`pushFigures`), DHIS2's ImportSummary (`importDataValueSet`),
 * the upload's preview (value-import.service.ts).
 */
import type {
  ChangeKind,
  FigureField,
  FigureRow,
  FigureState,
  ImportConflict,
  ImportSummary,
  ProblemField,
  PushValue,
  RowProblem,
} from '../contracts/exchange';
import { pushValueSchema } from '../contracts/exchange';
import {
  type Dhis2DataValue,
  type Dhis2ImportSummary,
  type Dhis2Mapping,
  type Dhis2Part,
  dataElementsOf,
  dhis2AggregationType,
  dhis2DataSets,
  dhis2DataValueSchema,
  dhis2ValueType,
  fromDhis2Period,
  isDefaultCombo,
  splitDataElement,
} from '../contracts/exchange-dhis2';
import { AppError, type ErrorParams } from '../domain/errors';
import type { IndicatorKind } from '../domain/indicator/indicator';
import { periodEnd, periodStart, tryParsePeriod } from '../domain/period/period';
import { type Locale, t } from '../i18n';
import { formatNumber } from '../i18n/format';
import { readFigureCsv } from '../importers/spreadsheet/figure-csv.reader';
import { findValues } from '../repositories/data-value.repository';
import { inTransaction } from '../repositories/db';
import { type CodedUnit, unitsByCodes } from '../repositories/exchange.repository';
import { findIndicators, type IndicatorRow } from '../repositories/indicator.repository';
import { unitsByIds } from '../repositories/round.repository';
import { subtreeIds } from '../repositories/unit-scope.repository';
import { hasPermission, requirePermission, requireSignedIn } from './authorize';
import type { ServiceContext } from './context';
import { saveDataValues } from './data-value.service';

/** One figure row after checking: what it names, how it compares with what is stored, what is wrong. */
export interface FigureCheck {
  index: number;
  unit: { id: number; code: string; name: string; kind: string } | null;
  indicator: { id: number; code: string; nameVi: string; nameEn: string; kind: IndicatorKind } | null;
  periodId: string | null;
  /** What is stored now (null: nothing). */
  before: FigureState | null;
  /** What will be stored (omitted parts keep what is stored). */
  after: FigureState | null;
  storedRevision: number | null;
  /** Null when the row is refused. */
  change: ChangeKind | null;
  problems: RowProblem[];
}

/** A remark that does not stop a figure. */
export interface FigureWarning {
  index: number | null;
  field: ProblemField | null;
  code: string;
  params: ErrorParams;
}

/** What `importFigures` did (or would do, in a dry run). */
export interface FigureImportResult {
  dryRun: boolean;
  /** Something was saved. */
  written: boolean;
  /** A `beforeSave` check stopped the save. */
  stopped: boolean;
  rows: FigureCheck[];
  /** Problems of rows and of the file (index null), in input order. */
  problems: RowProblem[];
  warnings: FigureWarning[];
  counts: { imported: number; updated: number; ignored: number; deleted: number };
}

/** How `importFigures` runs. */
export interface FigureImportOptions {
  rows: FigureRow[];
  /** Problems found while reading; their rows are not saved. */
  problems?: RowProblem[];
  source: 'excel' | 'api' | 'dhis2';
  dryRun: boolean;
  /** Nothing is saved when any row has a problem. */
  atomic: boolean;
  /** Only figures of this unit's subtree; the caller must enter figures there (403 otherwise). */
  withinUnitId?: number;
  /** Called in the transaction before saving; returning false saves nothing (`stopped`). */
  beforeSave?: (rows: FigureCheck[]) => boolean;
  /** Progress of the check and the save. */
  onProgress?: (phase: 'check' | 'save', done: number, total: number | null) => void;
}

const FIELDS: readonly FigureField[] = ['numerator', 'denominator', 'value', 'comment'];
const NUMBER_PARTS = ['numerator', 'denominator', 'value'] as const;
/** Dry runs are split by unit into chunks of about this many figures, to show progress. */
const CHECK_CHUNK = 2000;

const blankToNull = (s: string | null | undefined) =>
  s === undefined ? undefined : s === null || s.trim() === '' ? null : s.trim();

const sameNumber = (a: number | null, b: number | null) =>
  a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-9);

/** True when the two states hold the same numbers and comment. */
export function sameFigure(a: FigureState, b: FigureState): boolean {
  return (
    sameNumber(a.numerator, b.numerator) &&
    sameNumber(a.denominator, b.denominator) &&
    sameNumber(a.value, b.value) &&
    (a.comment ?? null) === (b.comment ?? null)
  );
}

const noNumbers = (s: FigureState) => s.numerator === null && s.denominator === null && s.value === null;

/** How a figure compares with what is stored. */
export function classifyChange(before: FigureState | null, after: FigureState): ChangeKind {
  if (!before) return noNumbers(after) && after.comment === null ? 'unchanged' : 'new';
  if (sameFigure(before, after)) return 'unchanged';
  if (noNumbers(after) && !noNumbers(before)) return 'cleared';
  return 'changed';
}

/** The field a saveDataValues conflict path points at (`values.CODE.numerator` → numerator). */
function fieldOfPath(path: string | undefined): FigureField | null {
  const last = path?.split('.').pop();
  return last && (FIELDS as readonly string[]).includes(last) ? (last as FigureField) : null;
}

/** Where unit/indicator/scope codes point: these are about the row, not a number. */
const ROW_CODES: Record<string, ProblemField> = {
  'auth.forbidden': 'unit',
  'data_value.unit_not_found': 'unit',
  'data_value.no_open_round': 'unit',
  'data_value.locked': 'row',
  'data_value.indicator_not_found': 'indicator',
  'data_value.indicator_not_asked': 'indicator',
  'period.invalid_format': 'period',
  'data_value.duplicate_in_batch': 'row',
  'data_value.changed_by_other': 'row',
};

/** Picks the unit a code names for a period: the one in force at its end, else the only one overlapping it. */
function pickUnit(
  candidates: CodedUnit[],
  periodId: string | null,
): { unit: CodedUnit } | { code: 'exchange.unit_not_found' | 'exchange.unit_ambiguous' } {
  if (candidates.length === 0) return { code: 'exchange.unit_not_found' };
  if (candidates.length === 1) return { unit: candidates[0]! };
  const p = periodId ? tryParsePeriod(periodId) : null;
  if (!p) return { code: 'exchange.unit_ambiguous' };
  const start = periodStart(p);
  const end = periodEnd(p);
  const inForce = (u: CodedUnit, day: string) =>
    (u.validFrom === null || u.validFrom <= day) && (u.validTo === null || u.validTo > day);
  const atEnd = candidates.filter((u) => inForce(u, end));
  if (atEnd.length === 1) return { unit: atEnd[0]! };
  const overlapping = candidates.filter(
    (u) => (u.validFrom === null || u.validFrom <= end) && (u.validTo === null || u.validTo > start),
  );
  if (overlapping.length === 1) return { unit: overlapping[0]! };
  return { code: 'exchange.unit_ambiguous' };
}

/**
 * Checks figure rows and saves them through `saveDataValues` (or checks only,
 * in a dry run). With `atomic`, any problem means nothing is saved, and every
 * problem is still listed.
 */
export async function importFigures(
  ctx: ServiceContext,
  o: FigureImportOptions,
): Promise<FigureImportResult> {
  requireSignedIn(ctx);
  if (o.withinUnitId !== undefined) await requirePermission(ctx, 'figures.enter', o.withinUnitId);
  return inTransaction(ctx.db, async (trx) => {
    const rows = o.rows;
    const checks: FigureCheck[] = rows.map((r) => ({
      index: r.index,
      unit: null,
      indicator: null,
      periodId: null,
      before: null,
      after: null,
      storedRevision: null,
      change: null,
      problems: [],
    }));
    const byIndex = new Map(checks.map((c, i) => [rows[i]!.index, c]));
    const rowOf = new Map(checks.map((c, i) => [c, rows[i]!]));
    const fileProblems: RowProblem[] = [];
    for (const p of o.problems ?? []) {
      const c = p.index === null ? undefined : byIndex.get(p.index);
      if (c) c.problems.push(p);
      else fileProblems.push(p);
    }
    const add = (
      c: FigureCheck,
      field: ProblemField | null,
      code: string,
      params: ErrorParams = {},
      value?: string | null,
    ) =>
      c.problems.push({
        index: c.index,
        field,
        code,
        ...(Object.keys(params).length ? { params: params as RowProblem['params'] } : {}),
        ...(value !== undefined ? { value } : {}),
      });

    // periods first: a unit code is resolved for its period
    rows.forEach((r, i) => {
      const c = checks[i]!;
      const raw = r.period?.trim() ?? '';
      const p = raw === '' ? null : tryParsePeriod(raw);
      if (raw === '') add(c, 'period', 'validation.required', {}, '');
      else if (!p) add(c, 'period', 'period.invalid_format', { id: raw }, raw);
      else c.periodId = p.id;
    });

    const coded = await unitsByCodes(
      trx,
      rows.flatMap((r) => (r.unitCode ? [r.unitCode.trim()] : [])),
    );
    const byCode = new Map<string, CodedUnit[]>();
    for (const u of coded) byCode.set(u.code, [...(byCode.get(u.code) ?? []), u]);
    const byId = await unitsByIds(
      trx,
      rows.flatMap((r) => (r.unitId !== undefined ? [r.unitId] : [])),
    );
    const catalog = await findIndicators(trx);
    const indicatorByCode = new Map(catalog.map((x) => [x.code, x]));
    const indicatorById = new Map(catalog.map((x) => [x.id, x]));

    rows.forEach((r, i) => {
      const c = checks[i]!;
      if (r.unitId !== undefined && !r.unitCode) {
        const u = byId.get(r.unitId);
        if (!u) add(c, 'unit', 'exchange.unit_not_found', { code: String(r.unitId) }, String(r.unitId));
        else c.unit = { id: u.id, code: u.code, name: u.name, kind: u.kind };
      } else if (!r.unitCode?.trim()) {
        add(c, 'unit', 'validation.required', {}, '');
      } else {
        const code = r.unitCode.trim();
        const pick = pickUnit(byCode.get(code) ?? [], c.periodId);
        if ('unit' in pick)
          c.unit = { id: pick.unit.id, code: pick.unit.code, name: pick.unit.name, kind: pick.unit.kind };
        else add(c, 'unit', pick.code, { code }, code);
      }
      let ind: IndicatorRow | undefined;
      if (r.indicatorId !== undefined && !r.indicatorCode) {
        ind = indicatorById.get(r.indicatorId);
        if (!ind)
          add(
            c,
            'indicator',
            'exchange.indicator_not_found',
            { code: String(r.indicatorId) },
            String(r.indicatorId),
          );
      } else if (!r.indicatorCode?.trim()) {
        add(c, 'indicator', 'validation.required', {}, '');
      } else {
        const code = r.indicatorCode.trim();
        ind = indicatorByCode.get(code) ?? indicatorByCode.get(code.toUpperCase());
        if (!ind) add(c, 'indicator', 'exchange.indicator_not_found', { code }, code);
      }
      if (ind)
        c.indicator = { id: ind.id, code: ind.code, nameVi: ind.nameVi, nameEn: ind.nameEn, kind: ind.kind };
      if (r.comment && r.comment.length > 2000)
        add(c, 'comment', 'exchange.comment_too_long', { max: 2000, length: r.comment.length });
    });

    // units the caller may not enter figures for: refused before anything is compared with what is stored
    const may = new Map<number, boolean>();
    for (const id of new Set(checks.flatMap((c) => (c.unit ? [c.unit.id] : []))))
      may.set(id, await hasPermission(ctx, 'figures.enter', id, trx));
    const within = o.withinUnitId !== undefined ? new Set(await subtreeIds(trx, [o.withinUnitId])) : null;
    const forbidden = new Map<number, string>();
    for (const c of checks) {
      if (!c.unit) continue;
      if (!may.get(c.unit.id)) forbidden.set(c.unit.id, `${c.unit.name} (${c.unit.code})`);
      else if (within && !within.has(c.unit.id))
        add(c, 'unit', 'exchange.unit_outside', { unit: c.unit.name, code: c.unit.code }, c.unit.code);
    }
    // figures of units outside the caller's scope: the whole batch is refused, saying which
    if (forbidden.size) {
      const names = [...forbidden.values()];
      throw new AppError('exchange.units_out_of_scope', {
        status: 403,
        params: {
          units: names.slice(0, 10).join('; ') + (names.length > 10 ? '; …' : ''),
          count: names.length,
        },
      });
    }

    // the same figure twice: the second is refused, naming the first
    const seen = new Map<string, number>();
    for (const c of checks) {
      if (!c.unit || !c.indicator || !c.periodId) continue;
      const key = `${c.unit.id}:${c.indicator.id}:${c.periodId}`;
      const first = seen.get(key);
      if (first !== undefined) add(c, 'row', 'exchange.duplicate', { first: first + 1 });
      else seen.set(key, c.index);
    }

    // compare with what is stored (for rows the caller may enter)
    const resolvable = checks.filter(
      (c) => c.unit && c.indicator && c.periodId && !c.problems.some((p) => p.field === 'unit'),
    );
    const stored = resolvable.length
      ? await findValues(trx, {
          unitIds: [...new Set(resolvable.map((c) => c.unit!.id))],
          indicatorIds: [...new Set(resolvable.map((c) => c.indicator!.id))],
          periodIds: [...new Set(resolvable.map((c) => c.periodId!))],
        })
      : [];
    const storedByKey = new Map(stored.map((s) => [`${s.unitId}:${s.indicatorId}:${s.periodId}`, s]));
    for (const c of resolvable) {
      const r = rowOf.get(c)!;
      const s = storedByKey.get(`${c.unit!.id}:${c.indicator!.id}:${c.periodId}`);
      c.before = s
        ? { numerator: s.numerator, denominator: s.denominator, value: s.value, comment: s.comment }
        : null;
      c.storedRevision = s?.revision ?? null;
      const pick = (k: (typeof NUMBER_PARTS)[number]) =>
        r[k] !== undefined ? (r[k] as number | null) : (s?.[k] ?? null);
      const comment = blankToNull(r.comment);
      c.after = {
        numerator: pick('numerator'),
        denominator: pick('denominator'),
        value: pick('value'),
        comment: comment !== undefined ? comment : (s?.comment ?? null),
      };
      c.change = classifyChange(c.before, c.after);
    }

    const refused = (c: FigureCheck) => c.problems.length > 0;
    // unchanged figures need no saving: they are counted, not sent
    const toSend = checks.filter((c) => !refused(c) && c.change !== null && c.change !== 'unchanged');
    const anyProblem = () => fileProblems.length > 0 || checks.some(refused);
    const warnings: FigureWarning[] = [];
    let stopped = false;
    let written = false;

    const send = async (batch: FigureCheck[], dryRun: boolean) => {
      if (batch.length === 0) return;
      const res = await saveDataValues(
        { ...ctx, db: trx },
        {
          source: o.source,
          dryRun,
          atomic: o.atomic,
          values: batch.map((c) => {
            const r = rowOf.get(c)!;
            return {
              unitId: c.unit!.id,
              indicatorId: c.indicator!.id,
              periodId: c.periodId!,
              ...(r.numerator !== undefined ? { numerator: r.numerator } : {}),
              ...(r.denominator !== undefined ? { denominator: r.denominator } : {}),
              ...(r.value !== undefined ? { value: r.value } : {}),
              ...(r.comment !== undefined ? { comment: r.comment } : {}),
            };
          }),
          expectedRevisions: batch.map((c) => rowOf.get(c)!.expectedRevision),
        },
      );
      for (const k of res.conflicts) {
        const c = batch[k.index];
        if (!c) continue;
        add(c, fieldOfPath(k.path) ?? ROW_CODES[k.code] ?? null, k.code, {
          ...(k.params ?? {}),
          ...(k.current
            ? { by: k.current.updatedBy, at: k.current.updatedAt, revision: k.current.revision }
            : {}),
        });
      }
      for (const w of res.warnings) {
        const c = w.index === null ? undefined : batch[w.index];
        warnings.push({
          index: c ? c.index : null,
          field: fieldOfPath(w.path),
          code: w.code,
          // the service gives the message only; keep the path for a reader of the summary
          params: { path: w.path, message: w.message },
        });
      }
      if (!dryRun && (res.imported > 0 || res.updated > 0)) written = true;
    };

    let checkOnly = o.dryRun || (o.atomic && anyProblem());
    if (!checkOnly && o.beforeSave && !o.beforeSave(checks)) {
      // not what the person confirmed: check again, so the answer is a complete new preview
      stopped = true;
      checkOnly = true;
    }
    if (checkOnly) {
      // split by unit so that consistency rules over a unit's report stay together
      const chunks: FigureCheck[][] = [];
      let cur: FigureCheck[] = [];
      let lastUnit = -1;
      for (const c of [...toSend].sort((a, b) => a.unit!.id - b.unit!.id || a.index - b.index)) {
        if (cur.length >= CHECK_CHUNK && c.unit!.id !== lastUnit) {
          chunks.push(cur);
          cur = [];
        }
        cur.push(c);
        lastUnit = c.unit!.id;
      }
      if (cur.length) chunks.push(cur);
      let done = 0;
      o.onProgress?.('check', 0, toSend.length);
      for (const chunk of chunks) {
        await send(chunk, true);
        done += chunk.length;
        o.onProgress?.('check', done, toSend.length);
      }
    } else {
      o.onProgress?.('save', 0, null);
      await send(toSend, false);
      o.onProgress?.('save', toSend.length, toSend.length);
    }

    const saved = written;
    const counts = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
    const wouldWrite = (o.dryRun || stopped) && !(o.atomic && anyProblem());
    for (const c of checks) {
      const counted = !refused(c) && (saved || wouldWrite) && c.change !== null;
      if (counted && c.change === 'new') counts.imported++;
      else if (counted && c.change === 'changed') counts.updated++;
      else if (counted && c.change === 'cleared') counts.deleted++;
      else counts.ignored++;
    }
    const problems = [...fileProblems, ...checks.flatMap((c) => c.problems)];
    return { dryRun: o.dryRun, written: saved, stopped, rows: checks, problems, warnings, counts };
  });
}

/** Parameters that are figures: written the way the reader writes numbers (1.530 in Vietnamese). */
const FIGURE_PARAMS = new Set([
  'numerator',
  'denominator',
  'rate',
  'value',
  'previous',
  'current',
  'left',
  'right',
]);

/** The message of a problem in a language, its figures in that language's number format. */
export function problemMessage(locale: Locale, p: { code: string; params?: ErrorParams }): string {
  const params: ErrorParams = { ...(p.params ?? {}) };
  for (const [k, v] of Object.entries(params))
    if (FIGURE_PARAMS.has(k) && typeof v === 'number') params[k] = formatNumber(v, locale, 4);
  return t(locale, p.code, params);
}

const FIELD_NAMES: Record<ProblemField, string> = {
  unit: 'unitCode',
  indicator: 'indicatorCode',
  period: 'period',
  numerator: 'numerator',
  denominator: 'denominator',
  value: 'value',
  comment: 'comment',
  row: 'row',
};

function summaryStatus(r: FigureImportResult): ImportSummary['status'] {
  const saving = r.dryRun
    ? !(r.problems.length > 0 && r.counts.imported + r.counts.updated + r.counts.deleted === 0)
    : r.written;
  if (r.problems.length === 0) return r.warnings.length ? 'WARNING' : 'SUCCESS';
  return saving && r.counts.imported + r.counts.updated + r.counts.deleted > 0 ? 'WARNING' : 'ERROR';
}

/** Turns the core's result into the API's import summary. */
function toImportSummary(
  ctx: ServiceContext,
  rows: FigureRow[],
  r: FigureImportResult,
  lines?: Map<number, number>,
): ImportSummary {
  const rowByIndex = new Map(rows.map((x) => [x.index, x]));
  const objectOf = (index: number | null) => {
    if (index === null) return '—';
    const row = rowByIndex.get(index);
    return [
      row?.unitCode ?? row?.unitId ?? '?',
      row?.indicatorCode ?? row?.indicatorId ?? '?',
      row?.period ?? '?',
    ].join('/');
  };
  const offendingValue = (x: RowProblem) => {
    if (x.value !== undefined) return x.value;
    const row = x.index === null ? undefined : rowByIndex.get(x.index);
    if (!row || !x.field || !(FIELDS as readonly string[]).includes(x.field)) return null;
    const v = row[x.field as FigureField];
    return v === undefined || v === null ? null : String(v);
  };
  const conflicts: ImportConflict[] = r.problems.map((p) => ({
    object: objectOf(p.index),
    value: offendingValue(p),
    reason: problemMessage(ctx.locale, p),
    code: p.code,
    index: p.index ?? -1,
    ...(p.index !== null && lines?.has(p.index) ? { line: lines.get(p.index)! } : {}),
    ...(p.field ? { field: FIELD_NAMES[p.field] } : {}),
  }));
  const status = summaryStatus(r);
  return {
    status,
    dryRun: r.dryRun,
    description: t(ctx.locale, `exchange.summary.${status.toLowerCase()}${r.dryRun ? '_dry' : ''}`, {
      ...r.counts,
      conflicts: conflicts.length,
    }),
    importCount: r.counts,
    conflicts,
    warnings: r.warnings.map((w) => ({
      object: objectOf(w.index),
      reason: String(w.params.message ?? t(ctx.locale, w.code, w.params)),
      code: w.code,
      index: w.index,
    })),
  };
}

/**
 * The JSON push: `{ values: [{ unitCode, indicatorCode, period, numerator?, denominator?, value?, comment? }] }`.
 * Each value is checked alone; by default good values are saved and bad ones
 * listed (like DHIS2); `atomic` saves nothing unless all are good.
 * @example await pushFigures(ctx, { values: [{ unitCode: '40.STTTT', indicatorCode: 'GOV.OPEN_DATA', period: '2025', value: 12 }] }, { dryRun: true })
 */
export async function pushFigures(
  ctx: ServiceContext,
  body: { values: unknown[] },
  opts: { dryRun?: boolean; atomic?: boolean; withinUnitId?: number },
): Promise<ImportSummary> {
  requireSignedIn(ctx);
  const rows: FigureRow[] = [];
  const problems: RowProblem[] = [];
  body.values.forEach((raw, index) => {
    const parsed = pushValueSchema.safeParse(raw);
    if (!parsed.success) {
      rows.push({ index });
      for (const issue of parsed.error.issues)
        problems.push({
          index,
          field: pushFieldOf(String(issue.path[0] ?? '')),
          code: 'exchange.value_invalid',
          params: { field: issue.path.join('.') || 'value' },
        });
      return;
    }
    const { row, bad } = pushRow(parsed.data, index);
    rows.push(row);
    problems.push(...bad);
  });
  const result = await importFigures(ctx, {
    rows,
    problems,
    source: 'api',
    dryRun: opts.dryRun ?? false,
    atomic: opts.atomic ?? false,
    ...(opts.withinUnitId !== undefined ? { withinUnitId: opts.withinUnitId } : {}),
  });
  return toImportSummary(ctx, rows, result);
}

function pushFieldOf(key: string): ProblemField | null {
  if (key === 'unitCode' || key === 'unitId') return 'unit';
  if (key === 'indicatorCode' || key === 'indicatorId') return 'indicator';
  if (key === 'period' || key === 'periodId') return 'period';
  if ((FIELDS as readonly string[]).includes(key)) return key as FigureField;
  return null;
}

/** A pushed value as a figure row: numbers given as text are read the Vietnamese way. */
function pushRow(v: PushValue, index: number): { row: FigureRow; bad: RowProblem[] } {
  const bad: RowProblem[] = [];
  const row: FigureRow = { index };
  if (v.unitCode !== undefined) row.unitCode = v.unitCode;
  else if (v.unitId !== undefined) row.unitId = v.unitId;
  if (v.indicatorCode !== undefined) row.indicatorCode = v.indicatorCode;
  else if (v.indicatorId !== undefined) row.indicatorId = v.indicatorId;
  const period = v.period ?? v.periodId;
  if (period !== undefined) row.period = period;
  for (const k of NUMBER_PARTS) {
    const x = v[k];
    if (x === undefined) continue;
    if (x === null) row[k] = null;
    else if (typeof x === 'number') {
      if (Number.isFinite(x)) row[k] = x;
      else bad.push({ index, field: k, code: 'validation.not_a_number', value: String(x) });
    } else {
      const n = readLooseNumber(x);
      if (n === undefined) bad.push({ index, field: k, code: 'validation.not_a_number', value: x });
      else row[k] = n;
    }
  }
  if (v.comment !== undefined) row.comment = v.comment;
  return { row, bad };
}

/** A number sent as text: `""` clears, `12.5` (a program's) and `1.234,5` (a person's) are read. */
function readLooseNumber(s: string): number | null | undefined {
  const x = s.trim();
  if (x === '') return null;
  if (/^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/.test(x) && !/^\d{1,3}(\.\d{3})+$/.test(x)) return Number(x);
  const vi = /^[+-]?\d{1,3}(\.\d{3})*(,\d+)?$|^[+-]?\d+(,\d+)?$/.test(x)
    ? Number(x.replace(/\./g, '').replace(',', '.'))
    : Number.NaN;
  return Number.isFinite(vi) ? vi : undefined;
}

/**
 * The CSV push (`text/csv`, header `unitCode,indicatorCode,period,numerator,denominator,value,comment`).
 * Conflicts carry the line of the file.
 */
export async function pushFiguresCsv(
  ctx: ServiceContext,
  bytes: Uint8Array,
  opts: { dryRun?: boolean; atomic?: boolean; withinUnitId?: number },
): Promise<ImportSummary> {
  requireSignedIn(ctx);
  const read = readFigureCsv(bytes, 'data-values.csv');
  const rows = read.rows.map((r) => r.row);
  const lines = new Map(read.rows.map((r) => [r.row.index, r.at.row ?? 0]));
  const result = await importFigures(ctx, {
    rows,
    problems: read.problems,
    source: 'api',
    dryRun: opts.dryRun ?? false,
    atomic: opts.atomic ?? false,
    ...(opts.withinUnitId !== undefined ? { withinUnitId: opts.withinUnitId } : {}),
  });
  return toImportSummary(ctx, rows, result, lines);
}

/** Where each DHIS2 data value went: the figure row and the part it carries. */
interface Dhis2Source {
  dvIndex: number;
  rowIndex: number;
  part: Dhis2Part;
  carriesComment: boolean;
}

/** A DHIS2 value as a number: DHIS2 writes a decimal point; BOOLEAN is `true`/`false`; empty clears. */
function dhis2Number(v: Dhis2DataValue['value']): number | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const s = v.trim();
  if (s === '') return null;
  if (s.toLowerCase() === 'true') return 1;
  if (s.toLowerCase() === 'false') return 0;
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : undefined;
}

/**
 * Imports a DHIS2 data value set mapped by codes (see contracts/exchange-dhis2.ts).
 * A ratio's `CODE.NUM` and `CODE.DEN` make one figure. Counts are of DHIS2
 * data values, as DHIS2 counts them. Good values are saved and bad ones listed
 * unless `atomicMode=ALL`.
 */
export async function importDataValueSet(
  ctx: ServiceContext,
  set: {
    dataSet?: string | undefined;
    period?: string | undefined;
    orgUnit?: string | undefined;
    attributeOptionCombo?: string | undefined;
    dataValues: unknown[];
  },
  opts: {
    dryRun?: boolean;
    atomicMode?: 'ALL' | 'NONE';
    withinUnitId?: number;
    idSchemes?: Array<string | undefined>;
  },
): Promise<Dhis2ImportSummary> {
  requireSignedIn(ctx);
  for (const scheme of opts.idSchemes ?? []) {
    if (scheme !== undefined && scheme.toUpperCase() !== 'CODE')
      throw new AppError('dhis2.id_scheme_unsupported', { status: 400, params: { scheme } });
  }
  const atomic = opts.atomicMode === 'ALL';
  const dryRun = opts.dryRun ?? false;
  const catalog = new Map((await findIndicators(ctx.db)).map((i) => [i.code, i]));
  const rows: FigureRow[] = [];
  const rowByKey = new Map<string, FigureRow>();
  const sources: Dhis2Source[] = [];
  const filledParts = new Set<string>();
  const dvConflicts: Array<{
    dvIndex: number;
    object: string;
    code: string;
    params: ErrorParams;
    property?: string;
  }> = [];

  for (const [dvIndex, raw] of set.dataValues.entries()) {
    const bad = (object: string, code: string, params: ErrorParams = {}, property?: string) => {
      dvConflicts.push({ dvIndex, object, code, params, ...(property ? { property } : {}) });
    };
    const parsed = dhis2DataValueSchema.safeParse(raw);
    if (!parsed.success) {
      bad(`dataValues[${dvIndex}]`, 'dhis2.data_value_invalid', {
        field: String(parsed.error.issues[0]?.path.join('.') ?? ''),
      });
      continue;
    }
    const dv = parsed.data;
    const de = dv.dataElement?.trim() ?? '';
    const orgUnit = (dv.orgUnit ?? set.orgUnit ?? '').trim();
    const periodText = (dv.period ?? set.period ?? '').trim();
    const periodId = periodText === '' ? null : fromDhis2Period(periodText);
    const aoc = dv.attributeOptionCombo ?? set.attributeOptionCombo;
    const { indicatorCode, part } = splitDataElement(de);
    const ind = de === '' ? undefined : (catalog.get(de) ?? catalog.get(indicatorCode));
    // a code that is itself an indicator's carries its value; `.NUM` / `.DEN` carry a ratio's parts
    const realPart: Dhis2Part = ind && ind.code === de ? 'value' : part;
    const number = dv.deleted ? null : dhis2Number(dv.value);
    if (de === '') bad(`dataValues[${dvIndex}]`, 'dhis2.data_element_required', {}, 'dataElement');
    else if (orgUnit === '') bad(de, 'dhis2.org_unit_required', {}, 'orgUnit');
    else if (periodText === '') bad(de, 'dhis2.period_required', {}, 'period');
    else if (!periodId) bad(periodText, 'dhis2.period_unsupported', { period: periodText }, 'period');
    else if (!isDefaultCombo(dv.categoryOptionCombo))
      bad(
        dv.categoryOptionCombo ?? '',
        'dhis2.combo_not_default',
        { combo: dv.categoryOptionCombo ?? '' },
        'categoryOptionCombo',
      );
    else if (!isDefaultCombo(aoc))
      bad(aoc ?? '', 'dhis2.combo_not_default', { combo: aoc ?? '' }, 'attributeOptionCombo');
    else if (!ind) bad(de, 'dhis2.data_element_not_found', { code: de }, 'dataElement');
    else if (ind.kind === 'ratio' && realPart === 'value')
      bad(
        de,
        'dhis2.ratio_needs_parts',
        { code: de, num: `${ind.code}.NUM`, den: `${ind.code}.DEN` },
        'dataElement',
      );
    else if (ind.kind !== 'ratio' && realPart !== 'value')
      bad(de, 'dhis2.not_a_ratio', { code: ind.code }, 'dataElement');
    else if (number === undefined) bad(de, 'dhis2.value_not_a_number', { value: String(dv.value) }, 'value');
    if (dvConflicts.at(-1)?.dvIndex === dvIndex || !ind || !periodId || number === undefined) continue;

    const key = `${orgUnit}|${ind.code}|${periodId}`;
    let row = rowByKey.get(key);
    if (!row) {
      row = { index: rows.length, unitCode: orgUnit, indicatorCode: ind.code, period: periodId };
      rows.push(row);
      rowByKey.set(key, row);
    }
    const partKey = `${row.index}:${realPart}`;
    if (filledParts.has(partKey)) {
      bad(de, 'dhis2.duplicate', { code: de, orgUnit, period: periodText }, 'dataElement');
      continue;
    }
    row[realPart] = number;
    const comment = dv.comment?.trim();
    const carriesComment = !!comment && row.comment === undefined;
    if (carriesComment) row.comment = comment;
    filledParts.add(partKey);
    sources.push({ dvIndex, rowIndex: row.index, part: realPart, carriesComment });
  }

  const result = await importFigures(ctx, {
    rows,
    source: 'dhis2',
    dryRun: dryRun || (atomic && dvConflicts.length > 0),
    atomic,
    ...(opts.withinUnitId !== undefined ? { withinUnitId: opts.withinUnitId } : {}),
  });
  const checkOf = new Map(result.rows.map((c) => [c.index, c]));

  // counts per DHIS2 data value, as DHIS2 counts them
  const count = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
  const blocked = atomic && (dvConflicts.length > 0 || result.problems.length > 0);
  const happens = !blocked && (result.written || dryRun);
  const refusedDv = new Set(dvConflicts.map((c) => c.dvIndex));
  const sourceOf = new Map(sources.map((s) => [s.dvIndex, s]));
  const sourcesOfRow = new Map<number, Dhis2Source[]>();
  for (const s of sources) sourcesOfRow.set(s.rowIndex, [...(sourcesOfRow.get(s.rowIndex) ?? []), s]);
  for (let dvIndex = 0; dvIndex < set.dataValues.length; dvIndex++) {
    const src = sourceOf.get(dvIndex);
    const c = src ? checkOf.get(src.rowIndex) : undefined;
    if (!src || !c || refusedDv.has(dvIndex) || c.problems.length > 0 || !happens || !c.after) {
      count.ignored++;
      continue;
    }
    const before = c.before?.[src.part] ?? null;
    const after = c.after[src.part];
    const commentChanged = src.carriesComment && (c.before?.comment ?? null) !== c.after.comment;
    if (c.before === null || (before === null && after !== null))
      count[after === null && !commentChanged ? 'ignored' : 'imported']++;
    else if (after === null && before !== null) count.deleted++;
    else if (!sameNumber(before, after) || commentChanged) count.updated++;
    else count.ignored++;
  }

  const conflicts: Dhis2ImportSummary['conflicts'] = dvConflicts.map((k) => ({
    object: k.object,
    value: t(ctx.locale, k.code, k.params),
    errorCode: k.code,
    ...(k.property ? { property: k.property } : {}),
    indexes: [k.dvIndex],
  }));
  for (const p of result.problems) {
    const row = p.index === null ? undefined : rows[p.index];
    const mine = p.index === null ? [] : (sourcesOfRow.get(p.index) ?? []);
    const hit =
      p.field === 'numerator' || p.field === 'denominator' || p.field === 'value'
        ? mine.filter((s) => s.part === p.field)
        : p.field === 'comment'
          ? mine.filter((s) => s.carriesComment)
          : mine;
    const indexes = (hit.length ? hit : mine).map((s) => s.dvIndex);
    const de = (s: Dhis2Source | undefined) =>
      s && row?.indicatorCode
        ? (dataElementsOf(row.indicatorCode, catalog.get(row.indicatorCode)?.kind ?? 'count').find(
            (d) => d.part === s.part,
          )?.code ?? row.indicatorCode)
        : (row?.indicatorCode ?? '');
    conflicts.push({
      object:
        p.field === 'unit'
          ? (row?.unitCode ?? '')
          : p.field === 'period'
            ? (row?.period ?? '')
            : de(hit[0] ?? mine[0]),
      value: problemMessage(ctx.locale, p),
      errorCode: p.code,
      ...(p.field ? { property: dhis2Property(p.field) } : {}),
      indexes,
    });
  }
  conflicts.sort((a, b) => (a.indexes[0] ?? 0) - (b.indexes[0] ?? 0));
  const changed = count.imported + count.updated + count.deleted;
  const status: Dhis2ImportSummary['status'] =
    conflicts.length === 0
      ? result.warnings.length
        ? 'WARNING'
        : 'SUCCESS'
      : changed > 0
        ? 'WARNING'
        : 'ERROR';
  return {
    responseType: 'ImportSummary',
    status,
    description: t(ctx.locale, `exchange.summary.${status.toLowerCase()}${dryRun ? '_dry' : ''}`, {
      ...count,
      conflicts: conflicts.length,
    }),
    importOptions: {
      dryRun,
      atomicMode: atomic ? 'ALL' : 'NONE',
      importStrategy: 'CREATE_AND_UPDATE',
      idSchemes: { idScheme: 'CODE' },
    },
    importCount: count,
    conflicts,
    dataSetComplete: 'false',
  };
}

function dhis2Property(field: ProblemField): string {
  if (field === 'unit') return 'orgUnit';
  if (field === 'indicator' || field === 'row') return 'dataElement';
  if (field === 'numerator' || field === 'denominator') return 'value';
  return field;
}

/**
 * The mapping table an administrator reads: every indicator of the catalog
 * with its DHIS2 data elements, value types and data set; the period formats.
 */
export async function getDhis2Mapping(ctx: ServiceContext): Promise<Dhis2Mapping> {
  const catalog = await findIndicators(ctx.db);
  return {
    periods: [
      { nhipSo: '2025', dhis2: '2025', kind: 'Yearly' },
      { nhipSo: '2025Q3', dhis2: '2025Q3', kind: 'Quarterly' },
      { nhipSo: '2025-09', dhis2: '202509', kind: 'Monthly' },
    ],
    dataSets: Object.values(dhis2DataSets),
    items: catalog.map((i) => ({
      indicatorCode: i.code,
      nameVi: i.nameVi,
      nameEn: i.nameEn,
      kind: i.kind,
      unitOfMeasure: i.unitOfMeasure,
      dataSet: dhis2DataSets[i.pillar].code,
      dataElements: dataElementsOf(i.code, i.kind).map((d) => ({
        code: d.code,
        part: d.part,
        valueType: dhis2ValueType(i.kind, d.part),
        aggregationType: dhis2AggregationType(i.aggregation, d.part),
        nameVi:
          d.part === 'numerator'
            ? `${i.nameVi} — tử số: ${i.numeratorVi ?? ''}`
            : d.part === 'denominator'
              ? `${i.nameVi} — mẫu số: ${i.denominatorVi ?? ''}`
              : i.nameVi,
        nameEn:
          d.part === 'numerator'
            ? `${i.nameEn} — numerator: ${i.numeratorEn ?? ''}`
            : d.part === 'denominator'
              ? `${i.nameEn} — denominator: ${i.denominatorEn ?? ''}`
              : i.nameEn,
      })),
      indicatorFormula: i.kind === 'ratio' ? `#{${i.code}.NUM} / #{${i.code}.DEN} × 100` : null,
    })),
  };
}
