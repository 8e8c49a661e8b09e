import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import {
  decree09MonthlyRegime,
  decree09QuarterlyRegime,
  decree09YearlyRegime,
  dxYearlyRegime,
  isOnTime,
  periodForDate,
  type ReportingRegime,
  reportingWindow,
  validateRegime,
} from './regime';

const calendarQuarterly: ReportingRegime = {
  code: 'CAL_Q',
  nameVi: 'Theo quý dương lịch',
  nameEn: 'Calendar quarter',
  periodKind: 'quarter',
  cutoffDay: 1,
  deadline: { kind: 'day_of_month', monthsAfter: 1, day: 10, before: false },
  legalBasis: null,
};

describe('Decree 09/2019 cut-off windows', () => {
  it('runs a month from the 15th of the previous month to the 14th', () => {
    const w = reportingWindow('2025-09', decree09MonthlyRegime);
    expect([w.start, w.end]).toEqual(['2025-08-15', '2025-09-14']);
    const jan = reportingWindow('2025-01', decree09MonthlyRegime);
    expect([jan.start, jan.end]).toEqual(['2024-12-15', '2025-01-14']);
  });

  it('runs a quarter from the 15th of the month before it to the 14th of its last month', () => {
    const w = reportingWindow('2025Q3', decree09QuarterlyRegime);
    expect([w.start, w.end]).toEqual(['2025-06-15', '2025-09-14']);
    const q1 = reportingWindow('2025Q1', decree09QuarterlyRegime);
    expect([q1.start, q1.end]).toEqual(['2024-12-15', '2025-03-14']);
  });

  it('runs a year from 15 December of the previous year to 14 December', () => {
    const w = reportingWindow('2025', decree09YearlyRegime);
    expect([w.start, w.end]).toEqual(['2024-12-15', '2025-12-14']);
    expect(w.dueOn).toBeNull();
    expect(w.lastDayOnTime).toBeNull();
  });

  it('puts a date after the cut-off into the next period', () => {
    expect(periodForDate('2025-12-14', decree09YearlyRegime).id).toBe('2025');
    expect(periodForDate('2025-12-15', decree09YearlyRegime).id).toBe('2026');
    expect(periodForDate('2025-09-20', decree09QuarterlyRegime).id).toBe('2025Q4');
    expect(periodForDate('2025-09-14', decree09QuarterlyRegime).id).toBe('2025Q3');
    expect(periodForDate('2025-01-15', decree09MonthlyRegime).id).toBe('2025-02');
  });
});

describe('deadlines are data', () => {
  it('gives the yearly DX report due before 1 December inside its window', () => {
    const w = reportingWindow('2025', dxYearlyRegime);
    expect(w).toEqual({
      periodId: '2025',
      start: '2024-12-15',
      end: '2025-12-14',
      dueOn: '2025-12-01',
      dueBefore: true,
      lastDayOnTime: '2025-11-30',
    });
    expect(isOnTime('2025-11-30', w)).toBe(true);
    expect(isOnTime('2025-12-01', w)).toBe(false);
  });

  it('follows another regime with its own deadline and a calendar window', () => {
    const w = reportingWindow('2025Q4', calendarQuarterly);
    expect(w).toMatchObject({
      start: '2025-10-01',
      end: '2025-12-31',
      dueOn: '2026-01-10',
      lastDayOnTime: '2026-01-10',
    });
  });

  it('counts days after the window end', () => {
    const regime: ReportingRegime = {
      ...decree09MonthlyRegime,
      code: 'M5',
      deadline: { kind: 'after_window', days: 5, before: false },
    };
    expect(reportingWindow('2025-02', regime).dueOn).toBe('2025-02-19');
  });

  it('clamps a day past the end of a short month', () => {
    const regime: ReportingRegime = {
      ...decree09MonthlyRegime,
      code: 'M31',
      deadline: { kind: 'day_of_month', monthsAfter: 0, day: 31, before: false },
    };
    expect(reportingWindow('2025-02', regime).dueOn).toBe('2025-02-28');
  });

  it('refuses a period of another kind than the regime', () => {
    try {
      reportingWindow('2025Q3', dxYearlyRegime);
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('regime.period_kind_mismatch');
    }
  });
});

describe('validating a regime', () => {
  it('lists every problem with its field', () => {
    const bad: ReportingRegime = {
      ...dxYearlyRegime,
      periodKind: 'month',
      cutoffDay: 30,
      deadline: { kind: 'fixed', month: 2, day: 31, yearOffset: 3, before: true },
    };
    expect(validateRegime(bad)).toEqual([
      { path: 'cutoffDay', code: 'regime.cutoff_day_out_of_range' },
      { path: 'deadline.kind', code: 'regime.fixed_deadline_needs_year' },
      { path: 'deadline.day', code: 'regime.deadline_day_out_of_range' },
      { path: 'deadline.yearOffset', code: 'regime.deadline_offset_out_of_range' },
    ]);
    expect(validateRegime(dxYearlyRegime)).toEqual([]);
  });
});
