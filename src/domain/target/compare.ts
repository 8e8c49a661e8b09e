/**
 * Comparing a value with a target: is it met (đạt), exceeded (vượt), how far
 * is left to go, and how much of the way has been covered.
 *
 * Comparators, as documents write them:
 * - `>=` "tối thiểu / ít nhất / từ … trở lên", `>` "trên", `<=` "tối đa / không quá", `<` "dưới";
 * - `=` "đạt / khoảng / bằng" or a bare value: reaching the value counts, and so
 *   does going beyond it in the better direction ("đạt 90%" is met by 95%);
 * - `range` [value, valueMax] "từ 08 - 10%": met from the near end on; beyond the
 *   far end in the better direction is exceeded, not missed;
 * - `top` N "nhóm 20 địa phương dẫn đầu": a rank (1 = best) of N or better.
 *
 * Results:
 * - Values within a billionth of the bound count as on it (floating-point noise
 *   of a Σ numerators ÷ Σ denominators must not turn "met" into "not met").
 * - `gap` is signed, in the indicator's unit: how much the value must still
 *   move to meet the target — positive: rise, negative: fall; 0 when met. (For a
 *   strict `>`/`<` target a value exactly on the bound is not met, gap 0.)
 * - `achievement` is the ratio of progress: actual ÷ target when more is
 *   better, target ÷ actual when less is (N ÷ rank for `top`); with a baseline,
 *   the share of the distance from the baseline to the target covered so far
 *   (negative when the value moved the wrong way). 1 or more means met.
 *
 * @example compareWithTarget(72, { comparator: '>=', value: 90 }, 'higher_better')
 * // { met: false, exceeded: false, gap: 18, achievement: 0.8 }
 * @example compareWithTarget(25, { comparator: 'top', value: 20 }, 'lower_better')
 * // { met: false, exceeded: false, gap: -5, achievement: 0.8 }
 */
import { AppError, type ErrorDetail } from '../errors';
import type { Direction } from '../indicator/indicator';

/** Every comparator a target may use. */
export const comparators = ['>=', '>', '<=', '<', '=', 'range', 'top'] as const;
/** How a target's value is read. */
export type Comparator = (typeof comparators)[number];

/** The comparable part of a target. */
export interface TargetSpec {
  comparator: Comparator;
  /** The target value; for `range` its lower end; for `top` the N. */
  value: number;
  /** The upper end of a `range`; ignored otherwise. */
  valueMax?: number | null;
}

/** The outcome of comparing one value with one target. */
export interface TargetComparison {
  met: boolean;
  /** Met and strictly beyond the target (beyond the far end of a range). */
  exceeded: boolean;
  /** Signed distance still to go; 0 when met. */
  gap: number;
  /** Ratio of progress; ≥ 1 when met. Null when it cannot be defined (e.g. baseline equals target). */
  achievement: number | null;
}

/**
 * Every problem of a target specification, with its field.
 * @example validateTargetSpec({ comparator: 'range', value: 10, valueMax: 8 })
 * // [{ path: 'valueMax', code: 'target.range_reversed' }]
 */
export function validateTargetSpec(spec: TargetSpec): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  if (!(comparators as readonly string[]).includes(spec.comparator)) {
    issues.push({ path: 'comparator', code: 'validation.invalid_value' });
  }
  if (!Number.isFinite(spec.value)) issues.push({ path: 'value', code: 'value.not_a_number' });
  if (spec.comparator === 'range') {
    if (spec.valueMax === null || spec.valueMax === undefined || !Number.isFinite(spec.valueMax)) {
      issues.push({ path: 'valueMax', code: 'target.range_needs_max' });
    } else if (spec.valueMax < spec.value) {
      issues.push({ path: 'valueMax', code: 'target.range_reversed' });
    }
  }
  if (spec.comparator === 'top' && (!Number.isInteger(spec.value) || spec.value < 1)) {
    issues.push({ path: 'value', code: 'target.top_needs_positive_whole_number' });
  }
  return issues;
}

/** Which way the value must go for a comparator: up for `>=`, down for `<=`, the indicator's way for `=`/range. */
export function targetOrientation(comparator: Comparator, direction: Direction): 'up' | 'down' {
  if (comparator === '>=' || comparator === '>') return 'up';
  if (comparator === '<=' || comparator === '<' || comparator === 'top') return 'down';
  return direction === 'higher_better' ? 'up' : 'down';
}

/**
 * Compares an actual value with a target for an indicator of the given direction.
 * @param options.baseline the value at the start, to measure progress from it
 * @throws AppError `target.invalid` when the target is malformed, `value.not_a_number` for a non-finite value
 */
export function compareWithTarget(
  actual: number,
  target: TargetSpec,
  direction: Direction,
  options: { baseline?: number | null } = {},
): TargetComparison {
  const issues = validateTargetSpec(target);
  if (issues.length > 0) throw new AppError('target.invalid', { details: issues });
  if (!Number.isFinite(actual))
    throw new AppError('value.not_a_number', { params: { value: String(actual) } });
  if (target.comparator === 'top' && actual < 1) {
    throw new AppError('value.not_a_rank', { params: { value: actual } });
  }
  const orientation = targetOrientation(target.comparator, direction);
  const max = target.valueMax ?? target.value;
  // the bound to reach, and the far bound beyond which the target is exceeded
  const near = target.comparator === 'range' && orientation === 'down' ? max : target.value;
  const far = target.comparator === 'range' ? (orientation === 'up' ? max : target.value) : near;
  const strict = target.comparator === '>' || target.comparator === '<';

  // roll-ups divide: 89.99999999999999 must count as reaching 90
  const eps = 1e-9 * Math.max(1, Math.abs(near), Math.abs(far));
  let met: boolean;
  if (orientation === 'up') met = strict ? actual > near + eps : actual >= near - eps;
  else met = strict ? actual < near - eps : actual <= near + eps;

  const beyondFar = orientation === 'up' ? actual > far + eps : actual < far - eps;
  const exceeded = met && !strict && beyondFar;
  const gap = met ? 0 : near - actual;

  return {
    met,
    exceeded,
    gap: gap === 0 ? 0 : gap,
    achievement: achievementOf(actual, near, orientation, met, options.baseline),
  };
}

function achievementOf(
  actual: number,
  bound: number,
  orientation: 'up' | 'down',
  met: boolean,
  baseline: number | null | undefined,
): number | null {
  if (baseline !== null && baseline !== undefined && Number.isFinite(baseline)) {
    if (baseline === bound) return met ? 1 : null;
    return orientation === 'up'
      ? (actual - baseline) / (bound - baseline)
      : (baseline - actual) / (baseline - bound);
  }
  if (orientation === 'up') {
    if (bound > 0) return actual / bound;
    return met ? 1 : 0;
  }
  // less is better: a value of 0 is as good as it gets
  if (actual > 0) return bound / actual;
  return 1;
}
