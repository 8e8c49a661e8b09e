/**
 * What "satisfying a target" means for each comparator, and which value a
 * method should aim at. Kept apart from the methods so that "a target already
 * met is met, whatever the trend" is decided in one place.
 */
import type { Direction, TargetSpec } from './types';

/** Relative tolerance for equality of decimal figures (0.1 + 0.2 vs 0.3). */
const EPS = 1e-9;

function tolerance(reference: number): number {
  return EPS * Math.max(1, Math.abs(reference));
}

/** The upper bound of a range target (the value itself when not a range). */
export function upperBound(target: TargetSpec): number {
  return target.comparator === 'range' && target.valueMax !== null && target.valueMax !== undefined
    ? target.valueMax
    : target.value;
}

/**
 * True when `value` satisfies the target. For `=` and `range`, a value beyond
 * the target on the indicator's better side also satisfies it (an "đạt 100%"
 * target is not missed by 100%, and exceeding "8–10% of GRDP" is not a failure).
 * @example meetsTarget(91, { comparator: '>=', value: 90, year: 2025, direction: 'higher_better' }) // true
 */
export function meetsTarget(value: number, target: TargetSpec): boolean {
  const t = target.value;
  const tol = tolerance(t);
  switch (target.comparator) {
    case '>=':
      return value >= t - tol;
    case '>':
      return value > t + tol;
    case '<=':
      return value <= t + tol;
    case '<':
      return value < t - tol;
    case 'top':
      // rank N or better: 1 is the best rank
      return value <= t + tol;
    case '=':
      return Math.abs(value - t) <= tol || beyondOnBetterSide(value, t, t, target.direction);
    case 'range': {
      const hi = upperBound(target);
      return (
        (value >= t - tol && value <= hi + tolerance(hi)) ||
        beyondOnBetterSide(value, t, hi, target.direction)
      );
    }
  }
}

function beyondOnBetterSide(value: number, lo: number, hi: number, direction: Direction): boolean {
  return direction === 'higher_better' ? value > hi + tolerance(hi) : value < lo - tolerance(lo);
}

/**
 * True when `value` is strictly beyond the target on its better side ("vượt chỉ tiêu").
 * A strict target ("trên 50%", "dưới 5%") asks to be beyond, so it is met but never exceeded.
 */
export function exceedsTarget(value: number, target: TargetSpec): boolean {
  switch (target.comparator) {
    case '>':
    case '<':
      return false;
    case '>=':
      return value > target.value + tolerance(target.value);
    case '<=':
    case 'top':
      return value < target.value - tolerance(target.value);
    case '=':
    case 'range':
      return beyondOnBetterSide(value, target.value, upperBound(target), target.direction);
  }
}

/**
 * The value to aim at from a starting value, and which way to move.
 * `>=`/`>` aim up, `<=`/`<`/`top` aim down; `=` and `range` aim at the nearer
 * bound from where the series starts (from inside a range: toward the better side).
 */
export function goalOf(target: TargetSpec, from: number): { goal: number; aim: 'up' | 'down' } {
  switch (target.comparator) {
    case '>=':
    case '>':
      return { goal: target.value, aim: 'up' };
    case '<=':
    case '<':
    case 'top':
      return { goal: target.value, aim: 'down' };
    case '=':
      if (from < target.value) return { goal: target.value, aim: 'up' };
      if (from > target.value) return { goal: target.value, aim: 'down' };
      return { goal: target.value, aim: target.direction === 'higher_better' ? 'up' : 'down' };
    case 'range': {
      const hi = upperBound(target);
      if (from < target.value) return { goal: target.value, aim: 'up' };
      if (from > hi) return { goal: hi, aim: 'down' };
      return target.direction === 'higher_better'
        ? { goal: target.value, aim: 'up' }
        : { goal: hi, aim: 'down' };
    }
  }
}

/** Human-readable form of a target: `≥ 90`, `8–10`, `top 20`. */
export function describeTarget(target: TargetSpec, format: (n: number) => string): string {
  const v = format(target.value);
  switch (target.comparator) {
    case '>=':
      return `≥ ${v}`;
    case '>':
      return `> ${v}`;
    case '<=':
      return `≤ ${v}`;
    case '<':
      return `< ${v}`;
    case '=':
      return `= ${v}`;
    case 'range':
      return `${v}–${format(upperBound(target))}`;
    case 'top':
      return `top ${v}`;
  }
}
