import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { compareWithTarget, targetOrientation, validateTargetSpec } from './compare';

describe('comparing with an at-least target (>=)', () => {
  const target = { comparator: '>=' as const, value: 90 };

  it('is not met below, with the distance left and the ratio of progress', () => {
    expect(compareWithTarget(72, target, 'higher_better')).toEqual({
      met: false,
      exceeded: false,
      gap: 18,
      achievement: 0.8,
    });
  });

  it('is met on the value itself, and exceeded above it', () => {
    expect(compareWithTarget(90, target, 'higher_better')).toEqual({
      met: true,
      exceeded: false,
      gap: 0,
      achievement: 1,
    });
    const above = compareWithTarget(99, target, 'higher_better');
    expect(above).toMatchObject({ met: true, exceeded: true, gap: 0 });
    expect(above.achievement).toBeCloseTo(1.1, 10);
  });

  it('measures progress from a baseline when one is given', () => {
    // 42.5 % in 2020, 66.25 % now, 90 % aimed: half of the way (23.75 of 47.5)
    expect(compareWithTarget(66.25, target, 'higher_better', { baseline: 42.5 }).achievement).toBeCloseTo(
      0.5,
      10,
    );
    // moving away from the target is negative progress: (40 − 42.5) / 47.5
    expect(compareWithTarget(40, target, 'higher_better', { baseline: 42.5 }).achievement).toBeCloseTo(
      -0.052632,
      5,
    );
  });

  it('ignores floating-point noise at the bound', () => {
    expect(compareWithTarget(89.99999999999999, target, 'higher_better')).toMatchObject({
      met: true,
      gap: 0,
    });
    expect(compareWithTarget(90.00000000000001, target, 'higher_better').exceeded).toBe(false);
    expect(compareWithTarget(50.00000000000001, { comparator: '>', value: 50 }, 'higher_better').met).toBe(
      false,
    );
  });

  it('treats a zero target as met by any non-negative value', () => {
    expect(compareWithTarget(0, { comparator: '>=', value: 0 }, 'higher_better')).toEqual({
      met: true,
      exceeded: false,
      gap: 0,
      achievement: 1,
    });
  });
});

describe('comparing with a strict target (> and <)', () => {
  it('is not met exactly on the bound ("trên 50%" needs more than 50)', () => {
    expect(compareWithTarget(50, { comparator: '>', value: 50 }, 'higher_better')).toMatchObject({
      met: false,
      gap: 0,
    });
    expect(compareWithTarget(50.5, { comparator: '>', value: 50 }, 'higher_better')).toMatchObject({
      met: true,
      exceeded: false,
      gap: 0,
    });
  });

  it('"dưới 5" needs less than 5', () => {
    expect(compareWithTarget(5, { comparator: '<', value: 5 }, 'lower_better').met).toBe(false);
    expect(compareWithTarget(4, { comparator: '<', value: 5 }, 'lower_better').met).toBe(true);
  });
});

describe('comparing with an at-most target (<=)', () => {
  it('gives a negative gap: the value must still fall', () => {
    const r = compareWithTarget(8, { comparator: '<=', value: 5 }, 'lower_better');
    expect(r).toMatchObject({ met: false, exceeded: false, gap: -3 });
    expect(r.achievement).toBeCloseTo(0.625, 10);
  });

  it('is exceeded below the value', () => {
    expect(compareWithTarget(4, { comparator: '<=', value: 5 }, 'lower_better')).toMatchObject({
      met: true,
      exceeded: true,
      gap: 0,
    });
  });

  it('counts 0 as complete progress', () => {
    expect(compareWithTarget(0, { comparator: '<=', value: 5 }, 'lower_better').achievement).toBe(1);
  });
});

describe('comparing with a stated value (=)', () => {
  it('is met by reaching the value or going beyond it the better way', () => {
    expect(compareWithTarget(96, { comparator: '=', value: 100 }, 'higher_better')).toEqual({
      met: false,
      exceeded: false,
      gap: 4,
      achievement: 0.96,
    });
    expect(compareWithTarget(100, { comparator: '=', value: 100 }, 'higher_better')).toMatchObject({
      met: true,
      exceeded: false,
    });
    expect(compareWithTarget(22, { comparator: '=', value: 20 }, 'higher_better')).toMatchObject({
      met: true,
      exceeded: true,
    });
  });

  it('follows the indicator when less is better', () => {
    expect(compareWithTarget(12, { comparator: '=', value: 10 }, 'lower_better')).toMatchObject({
      met: false,
      gap: -2,
    });
    expect(targetOrientation('=', 'lower_better')).toBe('down');
  });
});

describe('comparing with a range', () => {
  // "Kinh tế số chiếm từ 08 - 10% GRDP"
  const range = { comparator: 'range' as const, value: 8, valueMax: 10 };

  it('is short below the near end', () => {
    expect(compareWithTarget(7, range, 'higher_better')).toEqual({
      met: false,
      exceeded: false,
      gap: 1,
      achievement: 0.875,
    });
  });

  it('is met inside, exceeded beyond the far end the better way', () => {
    expect(compareWithTarget(9, range, 'higher_better')).toMatchObject({
      met: true,
      exceeded: false,
      gap: 0,
    });
    expect(compareWithTarget(10, range, 'higher_better')).toMatchObject({ met: true, exceeded: false });
    expect(compareWithTarget(12, range, 'higher_better')).toMatchObject({ met: true, exceeded: true });
  });

  it('reads from the upper end when less is better', () => {
    const r = compareWithTarget(6, { comparator: 'range', value: 3, valueMax: 5 }, 'lower_better');
    expect(r).toMatchObject({ met: false, gap: -1 });
    expect(r.achievement).toBeCloseTo(5 / 6, 10);
    expect(
      compareWithTarget(2, { comparator: 'range', value: 3, valueMax: 5 }, 'lower_better').exceeded,
    ).toBe(true);
  });
});

describe('comparing a rank with a top-N target', () => {
  // "thuộc nhóm 20 địa phương dẫn đầu"
  const top20 = { comparator: 'top' as const, value: 20 };

  it('needs a rank of N or better, with the places still to climb as a negative gap', () => {
    expect(compareWithTarget(25, top20, 'lower_better')).toEqual({
      met: false,
      exceeded: false,
      gap: -5,
      achievement: 0.8,
    });
    expect(compareWithTarget(20, top20, 'lower_better')).toMatchObject({
      met: true,
      exceeded: false,
      gap: 0,
    });
    expect(compareWithTarget(12, top20, 'lower_better')).toMatchObject({ met: true, exceeded: true });
  });

  it('measures progress from a baseline rank', () => {
    // from 40th to 30th, aiming at the top 20: half of the way
    expect(compareWithTarget(30, top20, 'lower_better', { baseline: 40 }).achievement).toBeCloseTo(0.5, 10);
  });

  it('refuses a rank below 1', () => {
    expect(() => compareWithTarget(0, top20, 'lower_better')).toThrow();
  });
});

describe('malformed targets', () => {
  it('lists every problem', () => {
    expect(validateTargetSpec({ comparator: 'range', value: 10, valueMax: 8 })).toEqual([
      { path: 'valueMax', code: 'target.range_reversed' },
    ]);
    expect(validateTargetSpec({ comparator: 'range', value: 10 })).toEqual([
      { path: 'valueMax', code: 'target.range_needs_max' },
    ]);
    expect(validateTargetSpec({ comparator: 'top', value: 2.5 })).toEqual([
      { path: 'value', code: 'target.top_needs_positive_whole_number' },
    ]);
  });

  it('throws with the details when comparing against one', () => {
    try {
      compareWithTarget(5, { comparator: 'range', value: 10, valueMax: 8 }, 'higher_better');
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('target.invalid');
      expect(isAppError(e) && e.details.map((d) => d.path)).toEqual(['valueMax']);
    }
  });

  it('refuses a value that is not a number', () => {
    expect(() => compareWithTarget(Number.NaN, { comparator: '>=', value: 1 }, 'higher_better')).toThrow();
  });
});
