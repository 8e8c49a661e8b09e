import { describe, expect, it } from 'vitest';
import { compareWithTarget } from '../target/compare';
import { exceedsTarget, goalOf, meetsTarget } from './target-rule';
import type { Comparator, Direction, TargetSpec } from './types';

const spec = (
  comparator: Comparator,
  value: number,
  direction: Direction,
  valueMax?: number,
): TargetSpec => ({
  comparator,
  value,
  valueMax: valueMax ?? null,
  year: 2025,
  direction,
});

describe('what satisfies a target', () => {
  it('reads each comparator as documents write it', () => {
    expect(meetsTarget(90, spec('>=', 90, 'higher_better'))).toBe(true);
    expect(meetsTarget(90, spec('>', 90, 'higher_better'))).toBe(false);
    expect(meetsTarget(5, spec('<=', 5, 'lower_better'))).toBe(true);
    expect(meetsTarget(5, spec('<', 5, 'lower_better'))).toBe(false);
    expect(meetsTarget(20, spec('top', 20, 'lower_better'))).toBe(true);
    expect(meetsTarget(21, spec('top', 20, 'lower_better'))).toBe(false);
    // "đạt 100%" is reached by 100; "= 3 centres" is also satisfied by 4 when more is better
    expect(meetsTarget(100, spec('=', 100, 'higher_better'))).toBe(true);
    expect(meetsTarget(4, spec('=', 3, 'higher_better'))).toBe(true);
    expect(meetsTarget(4, spec('=', 3, 'lower_better'))).toBe(false);
  });

  it('tolerates floating-point noise at the bound', () => {
    // 0.1 + 0.2 = 0.30000000000000004
    expect(meetsTarget(0.1 + 0.2, spec('<=', 0.3, 'lower_better'))).toBe(true);
    expect(meetsTarget(89.99999999999999, spec('>=', 90, 'higher_better'))).toBe(true);
  });

  it('agrees with the target comparison of the indicator domain on met and exceeded', () => {
    const cases: [number, TargetSpec][] = [];
    for (const direction of ['higher_better', 'lower_better'] as const)
      for (const v of [0, 5, 8, 9, 10, 11, 20, 21, 95])
        for (const s of [
          spec('>=', 10, direction),
          spec('>', 10, direction),
          spec('<=', 10, direction),
          spec('<', 10, direction),
          spec('=', 10, direction),
          spec('range', 8, direction, 10),
          spec('top', 20, 'lower_better'),
        ])
          if (!(s.comparator === 'top' && v < 1)) cases.push([v, s]);
    for (const [v, s] of cases) {
      const theirs = compareWithTarget(
        v,
        { comparator: s.comparator, value: s.value, valueMax: s.valueMax },
        s.direction,
      );
      expect([v, s.comparator, s.direction, meetsTarget(v, s)]).toEqual([
        v,
        s.comparator,
        s.direction,
        theirs.met,
      ]);
      if (theirs.met)
        expect([v, s.comparator, exceedsTarget(v, s)]).toEqual([v, s.comparator, theirs.exceeded]);
    }
  });

  it('aims at the nearer bound of a range, from where the series starts', () => {
    expect(goalOf(spec('range', 8, 'higher_better', 10), 4)).toEqual({ goal: 8, aim: 'up' });
    expect(goalOf(spec('range', 8, 'lower_better', 10), 14)).toEqual({ goal: 10, aim: 'down' });
    expect(goalOf(spec('=', 50, 'higher_better'), 70)).toEqual({ goal: 50, aim: 'down' });
  });
});
