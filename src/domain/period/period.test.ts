import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import {
  childPeriods,
  comparePeriods,
  formatPeriod,
  isPeriodId,
  nextPeriod,
  parentPeriod,
  parsePeriod,
  periodContains,
  periodEnd,
  periodOfDate,
  periodSequence,
  periodStart,
  previousPeriod,
  shiftPeriod,
  tryParsePeriod,
} from './period';

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isAppError(e) ? e.code : 'not-an-app-error';
  }
  return undefined;
}

describe('parsing period ids', () => {
  it('reads years, quarters and months', () => {
    expect(parsePeriod('2025')).toEqual({ id: '2025', kind: 'year', year: 2025, index: 1 });
    expect(parsePeriod('2025Q3')).toEqual({ id: '2025Q3', kind: 'quarter', year: 2025, index: 3 });
    expect(parsePeriod('2025-09')).toEqual({ id: '2025-09', kind: 'month', year: 2025, index: 9 });
  });

  it('tolerates spaces and a lower-case q but returns the canonical id', () => {
    expect(parsePeriod(' 2025q4 ').id).toBe('2025Q4');
    expect(isPeriodId('2025q4')).toBe(false);
    expect(isPeriodId('2025Q4')).toBe(true);
  });

  it('says precisely what is wrong', () => {
    expect(errorCode(() => parsePeriod('09/2025'))).toBe('period.invalid_format');
    expect(errorCode(() => parsePeriod('2025-9'))).toBe('period.invalid_format');
    expect(errorCode(() => parsePeriod(''))).toBe('period.invalid_format');
    expect(errorCode(() => parsePeriod('2025Q5'))).toBe('period.quarter_out_of_range');
    expect(errorCode(() => parsePeriod('2025Q0'))).toBe('period.quarter_out_of_range');
    expect(errorCode(() => parsePeriod('2025-13'))).toBe('period.month_out_of_range');
    expect(errorCode(() => parsePeriod('2025-00'))).toBe('period.month_out_of_range');
    expect(errorCode(() => parsePeriod('1999'))).toBe('period.year_out_of_range');
    expect(tryParsePeriod('abc')).toBeNull();
  });

  it('keeps the offending text in the error parameters', () => {
    try {
      parsePeriod('2025Q7');
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.params).toMatchObject({ id: '2025Q7' });
    }
  });
});

describe('formatting periods', () => {
  it('writes Vietnamese the official way', () => {
    expect(formatPeriod('2025', 'vi')).toBe('Năm 2025');
    expect(formatPeriod('2025Q1', 'vi')).toBe('Quý I/2025');
    expect(formatPeriod('2025Q3', 'vi')).toBe('Quý III/2025');
    expect(formatPeriod('2025Q4', 'vi')).toBe('Quý IV/2025');
    expect(formatPeriod('2025-09', 'vi')).toBe('Tháng 09/2025');
  });

  it('writes English', () => {
    expect(formatPeriod('2025', 'en')).toBe('Year 2025');
    expect(formatPeriod('2025Q3', 'en')).toBe('Q3 2025');
    expect(formatPeriod('2025-09', 'en')).toBe('September 2025');
  });
});

describe('period dates', () => {
  it('gives the first and last day', () => {
    expect([periodStart('2025'), periodEnd('2025')]).toEqual(['2025-01-01', '2025-12-31']);
    expect([periodStart('2025Q3'), periodEnd('2025Q3')]).toEqual(['2025-07-01', '2025-09-30']);
    expect([periodStart('2025Q1'), periodEnd('2025Q1')]).toEqual(['2025-01-01', '2025-03-31']);
    expect([periodStart('2025-09'), periodEnd('2025-09')]).toEqual(['2025-09-01', '2025-09-30']);
  });

  it('knows February of leap years', () => {
    expect(periodEnd('2024-02')).toBe('2024-02-29');
    expect(periodEnd('2025-02')).toBe('2025-02-28');
    expect(periodEnd('2100-02')).toBe('2100-02-28');
  });

  it('finds the period of a date', () => {
    expect(periodOfDate('2025-09-14', 'quarter').id).toBe('2025Q3');
    expect(periodOfDate('2025-10-01', 'quarter').id).toBe('2025Q4');
    expect(periodOfDate('2025-09-14', 'month').id).toBe('2025-09');
    expect(periodOfDate('2025-09-14', 'year').id).toBe('2025');
  });
});

describe('ordering and containment', () => {
  it('orders by start, a longer period before those it starts with', () => {
    const sorted = ['2025-02', '2025Q1', '2024Q4', '2025', '2025-01', '2024-12'].sort(comparePeriods);
    expect(sorted).toEqual(['2024Q4', '2024-12', '2025', '2025Q1', '2025-01', '2025-02']);
  });

  it('year contains quarter contains month', () => {
    expect(periodContains('2025', '2025Q3')).toBe(true);
    expect(periodContains('2025Q3', '2025-09')).toBe(true);
    expect(periodContains('2025', '2025-09')).toBe(true);
    expect(periodContains('2025Q3', '2025Q3')).toBe(true);
    expect(periodContains('2025Q3', '2025-10')).toBe(false);
    expect(periodContains('2025Q3', '2025')).toBe(false);
    expect(periodContains('2024', '2025-01')).toBe(false);
  });
});

describe('stepping through periods', () => {
  it('steps back across year ends', () => {
    expect(previousPeriod('2025-01').id).toBe('2024-12');
    expect(previousPeriod('2025Q1').id).toBe('2024Q4');
    expect(previousPeriod('2025').id).toBe('2024');
    expect(nextPeriod('2024-12').id).toBe('2025-01');
    expect(nextPeriod('2024Q4').id).toBe('2025Q1');
    expect(shiftPeriod('2025-03', -15).id).toBe('2023-12');
  });

  it('lists a sequence of years and of months across years', () => {
    expect(periodSequence('2021', '2025').map((p) => p.id)).toEqual(['2021', '2022', '2023', '2024', '2025']);
    expect(periodSequence('2024-11', '2025-02').map((p) => p.id)).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(periodSequence('2025Q2', '2025Q2').map((p) => p.id)).toEqual(['2025Q2']);
  });

  it('refuses a sequence of mixed kinds or in reverse', () => {
    expect(errorCode(() => periodSequence('2025', '2025-03'))).toBe('period.kind_mismatch');
    expect(errorCode(() => periodSequence('2025', '2021'))).toBe('period.reversed_range');
  });

  it('goes up and down the hierarchy', () => {
    expect(parentPeriod('2025-09')?.id).toBe('2025Q3');
    expect(parentPeriod('2025Q3')?.id).toBe('2025');
    expect(parentPeriod('2025')).toBeNull();
    expect(childPeriods('2025', 'quarter').map((p) => p.id)).toEqual([
      '2025Q1',
      '2025Q2',
      '2025Q3',
      '2025Q4',
    ]);
    expect(childPeriods('2025Q3', 'month').map((p) => p.id)).toEqual(['2025-07', '2025-08', '2025-09']);
    expect(errorCode(() => childPeriods('2025-09', 'year'))).toBe('period.kind_mismatch');
  });
});
