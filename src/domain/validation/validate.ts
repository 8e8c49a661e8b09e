/**
 * Validation of a unit's report — the same functions run in the browser as
 * the reporter types and on the server before anything is saved or
 * submitted, so the two can never disagree.
 *
 * Every issue points at its field with a path the form knows:
 * `values.SOC.FIBRE_HOUSEHOLDS.numerator`, `values.GOV.OPEN_DATA.value`,
 * `values.SOC.FIBRE_HOUSEHOLDS.comment`, `tasks.12.percent`.
 *
 * Two modes: `draft` (while typing and on auto-save: what is filled in must
 * be right, blanks are fine, a large change without a comment is a warning)
 * and `submit` (required fields filled, a large change explained, rules
 * that block submission enforced).
 *
 * @example
 * validateValue({ code: 'SOC.FIBRE_HOUSEHOLDS', kind: 'ratio', required: true },
 *   { numerator: 120, denominator: 100 }, { mode: 'draft' })
 * // [{ path: 'values.SOC.FIBRE_HOUSEHOLDS.numerator', code: 'validation.rate_over_100',
 * //    severity: 'error', params: { rate: 120, numerator: 120, denominator: 100 } }]
 */
import type { ErrorDetail } from '../errors';
import type { IndicatorKind } from '../indicator/indicator';
import {
  type ConsistencyRule,
  defaultOutlierThresholds,
  type OutlierThresholds,
  type ParsedRule,
  parseRule,
  type RuleTerm,
} from './rules';

export type Severity = 'error' | 'warning';
export type ValidationMode = 'draft' | 'submit';

/** A located problem with how serious it is. */
export interface ValidationIssue extends ErrorDetail {
  severity: Severity;
}

/** What the form asks of one indicator. */
export interface AskedIndicator {
  code: string;
  kind: IndicatorKind;
  required: boolean;
}

/** A figure as entered (any part may be blank). */
export interface ValueInput {
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
  comment?: string | null;
}

export const taskStatuses = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
/** Progress of a task the unit leads. */
export type TaskStatus = (typeof taskStatuses)[number];

/** A task update as entered. */
export interface TaskInput {
  status?: TaskStatus | null;
  percent?: number | null;
  note?: string | null;
}

const present = (v: number | null | undefined): v is number => v !== null && v !== undefined;
const blank = (s: string | null | undefined) => !s || s.trim() === '';

/** The path of a field of an indicator's figure. */
export function valuePath(code: string, field: keyof ValueInput): string {
  return `values.${code}.${field}`;
}

/** The percentage a ratio figure reads as, or null without both parts or with a zero denominator. */
export function rateOf(v: ValueInput): number | null {
  if (!present(v.numerator) || !present(v.denominator) || v.denominator === 0) return null;
  return (100 * v.numerator) / v.denominator;
}

/** The single number that represents a figure (a ratio's rate, else its value). */
export function readingOf(kind: IndicatorKind, v: ValueInput | null | undefined): number | null {
  if (!v) return null;
  return kind === 'ratio' ? rateOf(v) : present(v.value) ? v.value : null;
}

/** True when nothing is filled in (comment aside). */
export function isEmptyValue(v: ValueInput | null | undefined): boolean {
  return !v || (!present(v.numerator) && !present(v.denominator) && !present(v.value));
}

function thresholdsFor(code: string, t: OutlierThresholds): Omit<OutlierThresholds, 'byIndicator'> {
  return {
    ratioPoints: t.ratioPoints,
    relative: t.relative,
    minAbsolute: t.minAbsolute,
    ...t.byIndicator?.[code],
  };
}

/**
 * True when the change from the previous period is large enough to need a
 * comment (see `OutlierThresholds`). False when either reading is missing.
 * @example isOutlier('ratio', { numerator: 90, denominator: 100 }, { numerator: 40, denominator: 100 }) // true (50 points)
 */
export function isOutlier(
  kind: IndicatorKind,
  current: ValueInput,
  previous: ValueInput | null | undefined,
  thresholds: OutlierThresholds = defaultOutlierThresholds,
  code = '',
): boolean {
  const now = readingOf(kind, current);
  const before = readingOf(kind, previous);
  if (now === null || before === null || kind === 'rank' || kind === 'boolean') return false;
  const t = thresholdsFor(code, thresholds);
  if (kind === 'ratio') return Math.abs(now - before) > t.ratioPoints;
  const change = Math.abs(now - before);
  return change > t.minAbsolute && change > t.relative * Math.max(Math.abs(before), 1);
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Every problem of one indicator's figure. Checks, for what is filled in:
 * numbers are finite and not negative, a ratio's numerator is not above its
 * denominator (a rate within 0–100 %), a count is whole, a rank ≥ 1, a yes/no
 * is 0 or 1, a ratio takes parts not a value and the others a value not parts;
 * then required parts (on submit), and a large change from the last period
 * without a comment.
 */
export function validateValue(
  indicator: AskedIndicator,
  input: ValueInput | null | undefined,
  options: { mode: ValidationMode; previous?: ValueInput | null; thresholds?: OutlierThresholds },
): ValidationIssue[] {
  const v = input ?? {};
  const code = indicator.code;
  const issues: ValidationIssue[] = [];
  const add = (
    field: keyof ValueInput,
    c: string,
    params?: ErrorDetail['params'],
    severity: Severity = 'error',
  ) => issues.push({ path: valuePath(code, field), code: c, severity, ...(params ? { params } : {}) });
  const finite = (field: 'numerator' | 'denominator' | 'value') => {
    const x = v[field];
    if (present(x) && !Number.isFinite(x)) {
      add(field, 'validation.not_a_number');
      return false;
    }
    return present(x);
  };

  if (indicator.kind === 'ratio') {
    const hasN = finite('numerator');
    const hasD = finite('denominator');
    const n = v.numerator as number;
    const d = v.denominator as number;
    if (hasN && n < 0) add('numerator', 'validation.negative');
    if (hasD && d < 0) add('denominator', 'validation.negative');
    if (hasN && hasD && n >= 0 && d >= 0 && n > d) {
      add('numerator', 'validation.rate_over_100', {
        rate: d > 0 ? round1((100 * n) / d) : '∞',
        numerator: n,
        denominator: d,
      });
    }
    if (present(v.value)) add('value', 'validation.ratio_takes_parts');
    const needParts = options.mode === 'submit' && (indicator.required || hasN || hasD);
    if (needParts && !present(v.numerator)) add('numerator', 'validation.required');
    if (needParts && !present(v.denominator)) add('denominator', 'validation.required');
  } else {
    if (present(v.numerator) || present(v.denominator)) add('value', 'validation.value_takes_no_parts');
    if (finite('value')) {
      const x = v.value as number;
      if (indicator.kind === 'count' && (!Number.isInteger(x) || x < 0))
        add('value', 'validation.not_a_count');
      else if (indicator.kind === 'rank' && (!Number.isInteger(x) || x < 1))
        add('value', 'validation.not_a_rank');
      else if (indicator.kind === 'boolean' && x !== 0 && x !== 1) add('value', 'validation.not_a_boolean');
    } else if (options.mode === 'submit' && indicator.required) {
      add('value', 'validation.required');
    }
  }

  const hasErrors = issues.some((i) => i.severity === 'error');
  if (
    !hasErrors &&
    blank(v.comment) &&
    isOutlier(indicator.kind, v, options.previous, options.thresholds, code)
  ) {
    const before = readingOf(indicator.kind, options.previous) as number;
    const now = readingOf(indicator.kind, v) as number;
    add(
      'comment',
      indicator.kind === 'ratio'
        ? 'validation.outlier_rate_needs_comment'
        : 'validation.outlier_needs_comment',
      { previous: round1(before), current: round1(now) },
      options.mode === 'submit' ? 'error' : 'warning',
    );
  }
  return issues;
}

/**
 * Every problem of a task update: a status is needed on submit; the percent
 * is within 0–100; "done" means 100 %, "not started" 0 %; a cancelled task
 * says why in its note.
 */
export function validateTaskUpdate(
  taskId: number | string,
  input: TaskInput | null | undefined,
  options: { mode: ValidationMode },
): ValidationIssue[] {
  const u = input ?? {};
  const issues: ValidationIssue[] = [];
  const add = (field: keyof TaskInput, code: string) =>
    issues.push({ path: `tasks.${taskId}.${field}`, code, severity: 'error' });
  if (!u.status) {
    if (options.mode === 'submit') add('status', 'validation.required');
  } else if (!(taskStatuses as readonly string[]).includes(u.status)) {
    add('status', 'validation.invalid_value');
  }
  if (present(u.percent)) {
    if (!Number.isFinite(u.percent) || u.percent < 0 || u.percent > 100)
      add('percent', 'validation.percent_range');
    else if (u.status === 'done' && u.percent !== 100) add('percent', 'validation.done_is_100');
    else if (u.status === 'not_started' && u.percent !== 0) add('percent', 'validation.not_started_is_0');
  } else if (options.mode === 'submit' && u.status === 'in_progress') {
    add('percent', 'validation.required');
  }
  if (u.status === 'cancelled' && blank(u.note)) add('note', 'validation.cancel_needs_note');
  return issues;
}

function sumTerms(
  terms: RuleTerm[],
  values: Readonly<Record<string, ValueInput | undefined>>,
): number | null {
  let total = 0;
  for (const t of terms) {
    if (t.indicator === null || t.part === null) {
      total += t.factor;
      continue;
    }
    const x = values[t.indicator]?.[t.part];
    if (!present(x) || !Number.isFinite(x)) return null;
    total += t.factor * x;
  }
  return total;
}

function holds(op: ParsedRule['op'], a: number, b: number, tolerance: number): boolean {
  switch (op) {
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '=':
      return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
  }
}

const parsedCache = new Map<string, ParsedRule>();

/**
 * Checks the consistency rules whose figures are all present; a rule with a
 * blank figure is skipped (required-field checks report blanks). Each breach
 * points at the first field of the rule's left side.
 */
export function evaluateRules(
  rules: readonly ConsistencyRule[],
  values: Readonly<Record<string, ValueInput | undefined>>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const rule of rules) {
    let parsed = parsedCache.get(rule.expression);
    if (!parsed) {
      parsed = parseRule(rule.expression);
      parsedCache.set(rule.expression, parsed);
    }
    const left = sumTerms(parsed.left, values);
    const right = sumTerms(parsed.right, values);
    if (left === null || right === null) continue;
    if (holds(parsed.op, left, right, rule.tolerance ?? 0)) continue;
    const at = parsed.left.find((t) => t.indicator) ?? parsed.right.find((t) => t.indicator);
    issues.push({
      path: at?.indicator && at.part ? valuePath(at.indicator, at.part) : 'values',
      code: rule.code,
      severity: rule.severity,
      params: { left, right },
    });
  }
  return issues;
}

/** A whole report: the indicators and tasks asked, what was entered, last period's figures. */
export interface ReportInput {
  indicators: readonly AskedIndicator[];
  values: Readonly<Record<string, ValueInput | undefined>>;
  previous?: Readonly<Record<string, ValueInput | undefined>>;
  tasks?: readonly { id: number }[];
  taskUpdates?: Readonly<Record<string, TaskInput | undefined>>;
  rules?: readonly ConsistencyRule[];
  thresholds?: OutlierThresholds;
}

/** The outcome of validating a report. */
export interface ReportValidation {
  issues: ValidationIssue[];
  /** Codes of indicators whose change from the last period is large (explained or not). */
  outliers: string[];
  /** True when nothing blocks: no issue of severity `error`. */
  ok: boolean;
}

/**
 * Validates a whole report in one pass: every figure, every task, every
 * consistency rule — all problems at once, each at its field.
 */
export function validateReport(input: ReportInput, mode: ValidationMode): ReportValidation {
  const issues: ValidationIssue[] = [];
  const outliers: string[] = [];
  for (const ind of input.indicators) {
    const v = input.values[ind.code];
    const previous = input.previous?.[ind.code] ?? null;
    issues.push(
      ...validateValue(ind, v, {
        mode,
        previous,
        ...(input.thresholds ? { thresholds: input.thresholds } : {}),
      }),
    );
    if (v && isOutlier(ind.kind, v, previous, input.thresholds, ind.code)) outliers.push(ind.code);
  }
  for (const task of input.tasks ?? []) {
    issues.push(...validateTaskUpdate(task.id, input.taskUpdates?.[String(task.id)], { mode }));
  }
  const asked = new Set(input.indicators.map((i) => i.code));
  const applicable = (input.rules ?? []).filter((r) => {
    const p = parsedCache.get(r.expression) ?? parseRule(r.expression);
    return [...p.left, ...p.right].every((t) => t.indicator === null || asked.has(t.indicator));
  });
  issues.push(...evaluateRules(applicable, input.values));
  return { issues, outliers, ok: !issues.some((i) => i.severity === 'error') };
}
