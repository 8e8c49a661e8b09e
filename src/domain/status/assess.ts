/**
 * Judges one target: picks baseline and current value from the series,
 * settles the cases every method shares (no data, already met, deadline
 * passed, a single observation), then applies the chosen method — falling
 * back to linear, and saying so, when the method cannot be used.
 */
import { AppError, type ErrorDetail } from '../errors';
import { applyCagr } from './cagr';
import { applyEscap } from './escap';
import { bilingual } from './explain';
import { applyLinear } from './linear';
import type { MethodContext, MethodOutcome } from './method';
import { describeTarget, exceedsTarget, goalOf, meetsTarget } from './target-rule';
import {
  defaultStatusParameters,
  type Observation,
  type StatusInput,
  type StatusMethod,
  type StatusParameters,
  type StatusResult,
  type TargetSpec,
} from './types';

/** Partial overrides of the default parameters, per method. */
export type StatusParameterOverrides = { [K in keyof StatusParameters]?: Partial<StatusParameters[K]> };

/** Merges overrides into the defaults. */
export function resolveStatusParameters(overrides: StatusParameterOverrides = {}): StatusParameters {
  return {
    linear: { ...defaultStatusParameters.linear, ...overrides.linear },
    cagr: { ...defaultStatusParameters.cagr, ...overrides.cagr },
    escap: { ...defaultStatusParameters.escap, ...overrides.escap },
  };
}

function validate(input: StatusInput): void {
  const details: ErrorDetail[] = [];
  const t = input.target;
  if (!Number.isFinite(t.value)) details.push({ path: 'target.value', code: 'status.invalid_number' });
  if (!Number.isFinite(t.year)) details.push({ path: 'target.year', code: 'status.invalid_number' });
  if (t.comparator === 'range' && !(typeof t.valueMax === 'number' && t.valueMax >= t.value)) {
    details.push({ path: 'target.valueMax', code: 'status.range_without_upper_bound' });
  }
  if (t.comparator === 'top' && !(t.value >= 1))
    details.push({ path: 'target.value', code: 'status.rank_below_one' });
  input.observations.forEach((o, i) => {
    if (!Number.isFinite(o.year))
      details.push({ path: `observations.${i}.year`, code: 'status.invalid_number' });
    if (!Number.isFinite(o.value))
      details.push({ path: `observations.${i}.value`, code: 'status.invalid_number' });
  });
  if (input.baseline) {
    if (!Number.isFinite(input.baseline.year))
      details.push({ path: 'baseline.year', code: 'status.invalid_number' });
    if (!Number.isFinite(input.baseline.value))
      details.push({ path: 'baseline.value', code: 'status.invalid_number' });
  }
  if (details.length > 0) throw new AppError('status.invalid_input', { status: 422, details });
}

/** Sorted, one value per year (the last given wins), none after `asOf`. */
function cleanSeries(observations: readonly Observation[], asOf: number | null): Observation[] {
  const byYear = new Map<number, number>();
  for (const o of observations) if (asOf === null || o.year <= asOf) byYear.set(o.year, o.value);
  return [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, value]) => ({ year, value }));
}

function noMethodOutputs(target: TargetSpec, baseline: Observation | null, current: Observation | null) {
  const from = baseline?.value ?? current?.value ?? null;
  const g = from === null ? null : goalOf(target, from);
  return {
    goal: g?.goal ?? null,
    aim: g?.aim ?? null,
    expectedNow: null,
    achievement: null,
    gapToPath: null,
    projectedValue: null,
    projectedMeets: null,
    annualChange: null,
    exceeded: current !== null && exceedsTarget(current.value, target),
  };
}

/**
 * Judges a target with a method (default `linear`).
 * @example
 * assessTargetStatus({
 *   target: { comparator: '>=', value: 90, year: 2025, direction: 'higher_better', unit: 'percent' },
 *   baseline: { year: 2020, value: 40 },
 *   observations: [{ year: 2023, value: 70 }],
 * }).status // 'on_track' — the path expects 70 in 2023
 */
export function assessTargetStatus(
  input: StatusInput,
  method: StatusMethod = 'linear',
  overrides: StatusParameterOverrides = {},
): StatusResult {
  validate(input);
  const params = resolveStatusParameters(overrides);
  const { target } = input;
  const asOf = input.asOf ?? null;
  const observations = cleanSeries(input.observations, asOf);
  const current = observations.at(-1) ?? null;
  const baseline =
    input.baseline && (asOf === null || input.baseline.year <= asOf)
      ? input.baseline
      : (observations[0] ?? null);
  const inputs = { target, baseline, current, observations, asOf };
  const targetText = bilingual((f) => describeTarget(target, (n) => f(n)));
  const common = { requestedMethod: method, inputs, parameters: {} as Record<string, number | string> };

  if (current === null) {
    return {
      ...common,
      method,
      fallback: null,
      status: 'no_data',
      reason: 'no_observation',
      formula: { vi: 'Chưa có số liệu để đánh giá.', en: 'No figure to judge yet.' },
      outputs: noMethodOutputs(target, baseline, null),
      steps: [
        {
          label: { vi: 'Số liệu', en: 'Data' },
          formula: {
            vi: 'Chưa có số liệu thực tế cho chỉ tiêu này',
            en: 'No actual figure for this target yet',
          },
        },
      ],
    };
  }

  // a target already met is met, whatever the trend
  if (meetsTarget(current.value, target)) {
    return {
      ...common,
      method,
      fallback: null,
      status: 'met',
      reason: 'target_met',
      formula: {
        vi: 'Đạt khi giá trị thực tế thỏa mãn chỉ tiêu.',
        en: 'Met when the actual value satisfies the target.',
      },
      outputs: { ...noMethodOutputs(target, baseline, current), achievement: 1 },
      steps: [
        {
          label: { vi: 'So với chỉ tiêu', en: 'Against the target' },
          formula: bilingual((f, l) =>
            l === 'vi'
              ? `Thực tế ${f(current.year)}: ${f(current.value)}; chỉ tiêu ${targetText.vi} → đạt`
              : `Actual ${f(current.year)}: ${f(current.value)}; target ${targetText.en} → met`,
          ),
        },
      ],
    };
  }

  if (current.year >= target.year) {
    return {
      ...common,
      method,
      fallback: null,
      status: 'off_track',
      reason: 'deadline_passed',
      formula: {
        vi: 'Đến năm mục tiêu mà giá trị thực tế chưa thỏa mãn chỉ tiêu thì không đạt.',
        en: 'Not met when the target year has come and the actual value does not satisfy the target.',
      },
      outputs: noMethodOutputs(target, baseline, current),
      steps: [
        {
          label: { vi: 'So với chỉ tiêu', en: 'Against the target' },
          formula: bilingual((f, l) =>
            l === 'vi'
              ? `Năm ${f(current.year)} (năm mục tiêu ${f(target.year)}): ${f(current.value)}; chỉ tiêu ${targetText.vi} → không đạt`
              : `In ${f(current.year)} (target year ${f(target.year)}): ${f(current.value)}; target ${targetText.en} → not met`,
          ),
        },
      ],
    };
  }

  if (baseline === null || baseline.year >= current.year) {
    return {
      ...common,
      method,
      fallback: null,
      status: 'no_data',
      reason: 'single_observation',
      formula: {
        vi: 'Cần ít nhất hai thời điểm (giá trị cơ sở và giá trị hiện tại) để đánh giá tiến độ.',
        en: 'Judging progress needs at least two points in time (baseline and current value).',
      },
      outputs: noMethodOutputs(target, baseline, current),
      steps: [
        {
          label: { vi: 'Số liệu', en: 'Data' },
          formula: bilingual((f, l) =>
            l === 'vi'
              ? `Chỉ có một thời điểm (${f(current.year)}: ${f(current.value)}); chưa xác định được xu hướng`
              : `Only one point in time (${f(current.year)}: ${f(current.value)}); no trend can be established`,
          ),
        },
      ],
    };
  }

  // the trend of the ESCAP method uses every point, also those before the baseline year (as ESCAP does)
  const series = cleanSeries([baseline, ...observations.filter((o) => o.year !== baseline.year)], null);
  const ctx: MethodContext = { target, baseline, current, series };
  let applied: StatusMethod = method;
  let fallback: StatusResult['fallback'] = null;
  let outcome: MethodOutcome = runMethod(method, ctx, params);
  if (outcome.kind === 'fallback') {
    fallback = { from: method, reason: outcome.reason };
    applied = 'linear';
    outcome = runMethod('linear', ctx, params);
  }
  if (outcome.kind === 'fallback') throw new Error('the linear method never declines');
  const steps = fallback
    ? [
        {
          label: { vi: 'Đổi phương pháp', en: 'Method changed' },
          formula: fallbackText(fallback.from, fallback.reason),
        },
        ...outcome.steps,
      ]
    : outcome.steps;
  return {
    requestedMethod: method,
    method: applied,
    fallback,
    status: outcome.status,
    reason: outcome.reason,
    inputs,
    parameters: outcome.parameters,
    formula: outcome.formula,
    outputs: outcome.outputs,
    steps,
  };
}

function runMethod(method: StatusMethod, ctx: MethodContext, params: StatusParameters): MethodOutcome {
  switch (method) {
    case 'linear':
      return applyLinear(ctx, params.linear);
    case 'cagr':
      return applyCagr(ctx, params.cagr);
    case 'escap':
      return applyEscap(ctx, params.escap);
  }
}

function fallbackText(from: StatusMethod, reason: NonNullable<StatusResult['fallback']>['reason']) {
  const name = { linear: 'tuyến tính', cagr: 'CAGR', escap: 'ESCAP' }[from];
  const nameEn = { linear: 'linear', cagr: 'CAGR', escap: 'ESCAP' }[from];
  const why = {
    zero_or_negative_baseline: {
      vi: 'giá trị cơ sở bằng 0 hoặc âm nên tốc độ tăng trưởng không xác định',
      en: 'the baseline is zero or negative, so a growth rate is undefined',
    },
    zero_or_negative_value: {
      vi: 'giá trị hiện tại bằng 0 hoặc âm nên tốc độ tăng trưởng không xác định',
      en: 'the current value is zero or negative, so a growth rate is undefined',
    },
    zero_or_negative_target: {
      vi: 'giá trị chỉ tiêu bằng 0 hoặc âm nên tốc độ tăng trưởng cần thiết không xác định',
      en: 'the target value is zero or negative, so the required growth rate is undefined',
    },
    no_required_change: {
      vi: 'giá trị cơ sở đã bằng giá trị cần đạt nên không có mức thay đổi cần thiết để so sánh',
      en: 'the baseline already equals the value aimed at, so there is no required change to compare with',
    },
  }[reason];
  return {
    vi: `Không dùng được phương pháp ${name}: ${why.vi}. Áp dụng phương pháp tuyến tính.`,
    en: `The ${nameEn} method cannot be used: ${why.en}. The linear method is applied instead.`,
  };
}
