import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { levelUnitKinds } from './level-target';
import {
  applyChange,
  defaultAggregation,
  emptyRollupState,
  readRollupState,
  rollUp,
  type UnitFigure,
  unitReading,
} from './rollup';

const communes: UnitFigure[] = [
  { unitId: 1, numerator: 50, denominator: 100 }, // 50 %
  { unitId: 2, numerator: 30, denominator: 40 }, // 75 %
  { unitId: 3, numerator: 5, denominator: 5 }, // 100 %
];

describe('rolling up a ratio', () => {
  it('sums numerators and denominators, never averaging percentages', () => {
    const r = rollUp('ratio', communes);
    expect(r.numerator).toBe(85);
    expect(r.denominator).toBe(145);
    // 85 / 145 = 58.62 %, whereas the mean of 50, 75 and 100 would be 75 %
    expect(r.value).toBeCloseTo(58.6207, 4);
    expect(r.reportingUnits).toBe(3);
  });

  it('leaves out a unit that gave only one part and counts it as missing', () => {
    const r = rollUp('ratio', [...communes, { unitId: 4, numerator: 10, denominator: null }]);
    expect(r.numerator).toBe(85);
    expect(r.reportingUnits).toBe(3);
    expect(r.missingUnitIds).toEqual([4]);
  });

  it('lists the units asked that sent nothing', () => {
    const r = rollUp('ratio', communes, { expectedUnitIds: [1, 2, 3, 5, 6] });
    expect(r.expectedUnits).toBe(5);
    expect(r.missingUnitIds).toEqual([5, 6]);
    expect(r.reportingUnits).toBe(3);
  });

  it('ignores figures of units outside those asked', () => {
    const r = rollUp('ratio', communes, { expectedUnitIds: [1, 2] });
    expect([r.numerator, r.denominator]).toEqual([80, 140]);
  });

  it('gives no value, not zero, when nothing was reported or the denominators are all zero', () => {
    expect(rollUp('ratio', []).value).toBeNull();
    const zero = rollUp('ratio', [{ unitId: 1, numerator: 0, denominator: 0 }]);
    expect(zero.value).toBeNull();
    expect(zero.reportingUnits).toBe(1);
  });

  it('refuses a unit counted twice', () => {
    try {
      rollUp('ratio', [communes[0]!, communes[0]!]);
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('rollup.duplicate_unit');
    }
  });
});

describe('rolling up other aggregations', () => {
  const values: UnitFigure[] = [
    { unitId: 1, value: 4 },
    { unitId: 2, value: 10 },
    { unitId: 3, value: null },
    { unitId: 4, value: 1 },
  ];

  it('sums, averages over the reporting units, takes the minimum and the maximum', () => {
    expect(rollUp('sum', values).value).toBe(15);
    expect(rollUp('mean', values).value).toBe(5);
    expect(rollUp('min', values).value).toBe(1);
    expect(rollUp('max', values).value).toBe(10);
    expect(rollUp('mean', values).reportingUnits).toBe(3);
    expect(rollUp('sum', values).missingUnitIds).toEqual([3]);
  });

  it('does not add up an indicator that does not aggregate', () => {
    expect(rollUp('none', values).value).toBeNull();
  });

  it('gives no value when no unit reported, rather than 0', () => {
    expect(rollUp('sum', [{ unitId: 1, value: null }]).value).toBeNull();
  });

  it('picks the usual aggregation of each kind', () => {
    expect(defaultAggregation('ratio')).toBe('ratio');
    expect(defaultAggregation('count')).toBe('sum');
    expect(defaultAggregation('rank')).toBe('none');
  });
});

describe('maintaining running sums', () => {
  it('adds, revises and removes a unit figure', () => {
    let s = emptyRollupState();
    s = applyChange(s, 'ratio', null, { unitId: 1, numerator: 50, denominator: 100 });
    s = applyChange(s, 'ratio', null, { unitId: 2, numerator: 30, denominator: 40 });
    expect(s).toEqual({ numeratorSum: 80, denominatorSum: 140, valueSum: 0, reportingUnits: 2 });
    s = applyChange(
      s,
      'ratio',
      { unitId: 2, numerator: 30, denominator: 40 },
      { unitId: 2, numerator: 35, denominator: 40 },
    );
    expect(s).toEqual({ numeratorSum: 85, denominatorSum: 140, valueSum: 0, reportingUnits: 2 });
    s = applyChange(s, 'ratio', { unitId: 1, numerator: 50, denominator: 100 }, null);
    expect(s).toEqual({ numeratorSum: 35, denominatorSum: 40, valueSum: 0, reportingUnits: 1 });
    expect(readRollupState(s, 'ratio').value).toBe(87.5);
  });

  it('reads sums and means from the sums', () => {
    let s = emptyRollupState();
    s = applyChange(s, 'mean', null, { unitId: 1, value: 4 });
    s = applyChange(s, 'mean', null, { unitId: 2, value: 10 });
    expect(readRollupState(s, 'mean').value).toBe(7);
    expect(readRollupState(s, 'sum').value).toBe(14);
    expect(readRollupState(emptyRollupState(), 'sum').value).toBeNull();
  });

  it('refuses to read a minimum from sums', () => {
    expect(() => readRollupState(emptyRollupState(), 'min')).toThrow();
  });
});

describe('target levels', () => {
  it('has no reading for a unit whose denominator is zero', () => {
    expect(unitReading('ratio', { unitId: 1, numerator: 0, denominator: 0 })).toBeNull();
    expect(unitReading('ratio', { unitId: 1, numerator: 3, denominator: 4 })).toBe(75);
  });

  it('maps document levels to unit kinds', () => {
    expect(levelUnitKinds.commune).toEqual(['commune']);
    expect(levelUnitKinds.province).toEqual(['department', 'agency']);
  });
});
