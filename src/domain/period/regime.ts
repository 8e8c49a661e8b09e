/**
 * Reporting regimes as data. A regime says which kind of period it reports
 * on, where its figures are cut off, and when the report is due — nothing of
 * this is hard-coded, because each regime (a national decree, a province's
 * plan) states its own.
 *
 * Cut-off (Decree 09/2019/NĐ-CP): with `cutoffDay` D > 1 the window of a
 * period runs from day D of the month before the period's first month to day
 * D−1 of its last month — a month from the 15th of the previous month to the
 * 14th; a quarter from the 15th of the month before the quarter to the 14th
 * of its last month; a year from 15 December of the previous year to
 * 14 December. `cutoffDay` 1 means the calendar period itself.
 *
 * @example
 * reportingWindow('2025', dxYearlyRegime)
 * // { start: '2024-12-15', end: '2025-12-14', dueOn: '2025-12-01', dueBefore: true, lastDayOnTime: '2025-11-30' }
 */
import type { ErrorDetail } from '../errors';
import { AppError } from '../errors';
import {
  addDays,
  daysInMonth,
  isoDate,
  makePeriod,
  monthOfOrdinal,
  type Period,
  type PeriodKind,
  parsePeriod,
  periodEnd,
  periodMonthSpan,
  periodStart,
} from './period';

/**
 * When a report is due, relative to its period.
 * - `fixed`: a calendar day of the period's year (+ `yearOffset`); yearly regimes only.
 *   "trước ngày 01/12 hằng năm" is `{ kind: 'fixed', month: 12, day: 1, yearOffset: 0, before: true }`.
 * - `day_of_month`: day `day` of the month `monthsAfter` months after the period's last month
 *   (0 = the last month itself); a day past the month's end means its last day.
 * - `after_window`: `days` days after the cut-off window ends.
 * `before: true` means the report must arrive *before* that date (the day itself is late).
 */
export type DeadlineRule =
  | { kind: 'fixed'; month: number; day: number; yearOffset: number; before: boolean }
  | { kind: 'day_of_month'; monthsAfter: number; day: number; before: boolean }
  | { kind: 'after_window'; days: number; before: boolean };

/** A reporting regime (chế độ báo cáo): its period, cut-off and deadline. */
export interface ReportingRegime {
  /** Stable code, e.g. `ND09_YEARLY`. */
  code: string;
  nameVi: string;
  nameEn: string;
  periodKind: PeriodKind;
  /** 1 = calendar window; 2–28 = window from day D of the previous month to day D−1 (Decree 09: 15). */
  cutoffDay: number;
  /** Null when each round sets its own due date. */
  deadline: DeadlineRule | null;
  legalBasis: string | null;
}

/** The dates one period of one regime covers, and when its report is due. */
export interface ReportingWindow {
  periodId: string;
  /** First day whose figures belong to the period (ISO date). */
  start: string;
  /** Last day whose figures belong to the period (ISO date). */
  end: string;
  /** The due date as the regime states it; null when the regime leaves it to the round. */
  dueOn: string | null;
  /** True when the report must arrive before `dueOn` (the day itself is late). */
  dueBefore: boolean;
  /** The last day on which a report is on time; null without a deadline. */
  lastDayOnTime: string | null;
}

// Decree 09/2019 periodic-report regimes (cut-off on the 15th). Their
// deadlines are set by each report, so rounds under them set a due date.
const decree09 =
  'Nghị định 09/2019/NĐ-CP ngày 24/01/2019 quy định về chế độ báo cáo của cơ quan hành chính nhà nước';

/** Monthly report, Decree 09/2019 cut-off: the 15th of the previous month to the 14th. */
export const decree09MonthlyRegime: ReportingRegime = {
  code: 'ND09_MONTHLY',
  nameVi: 'Báo cáo định kỳ hằng tháng (Nghị định 09/2019/NĐ-CP)',
  nameEn: 'Monthly periodic report (Decree 09/2019/NĐ-CP)',
  periodKind: 'month',
  cutoffDay: 15,
  deadline: null,
  legalBasis: decree09,
};

/** Quarterly report, Decree 09/2019 cut-off: the 15th of the month before the quarter to the 14th of its last month. */
export const decree09QuarterlyRegime: ReportingRegime = {
  code: 'ND09_QUARTERLY',
  nameVi: 'Báo cáo định kỳ hằng quý (Nghị định 09/2019/NĐ-CP)',
  nameEn: 'Quarterly periodic report (Decree 09/2019/NĐ-CP)',
  periodKind: 'quarter',
  cutoffDay: 15,
  deadline: null,
  legalBasis: decree09,
};

/** Yearly report, Decree 09/2019 cut-off: 15 December of the previous year to 14 December. */
export const decree09YearlyRegime: ReportingRegime = {
  code: 'ND09_YEARLY',
  nameVi: 'Báo cáo định kỳ hằng năm (Nghị định 09/2019/NĐ-CP)',
  nameEn: 'Yearly periodic report (Decree 09/2019/NĐ-CP)',
  periodKind: 'year',
  cutoffDay: 15,
  deadline: null,
  legalBasis: decree09,
};

/**
 * The yearly DX report of a province's plan: Decree 09 cut-off, due before
 * 1 December (Nam Định's plan: "Định kỳ báo cáo … trước ngày 01/12 hàng năm").
 */
export const dxYearlyRegime: ReportingRegime = {
  code: 'DX_YEARLY',
  nameVi: 'Báo cáo kết quả chuyển đổi số hằng năm (trước ngày 01/12)',
  nameEn: 'Yearly digital-transformation report (due before 1 December)',
  periodKind: 'year',
  cutoffDay: 15,
  deadline: { kind: 'fixed', month: 12, day: 1, yearOffset: 0, before: true },
  legalBasis:
    'Kế hoạch chuyển đổi số của tỉnh thực hiện Quyết định 749/QĐ-TTg (ví dụ Kế hoạch của UBND tỉnh Nam Định: báo cáo trước ngày 01/12 hằng năm); thời gian chốt số liệu theo Nghị định 09/2019/NĐ-CP',
};

/** The regimes the product knows out of the box; provinces may define others. */
export const builtInRegimes: readonly ReportingRegime[] = [
  decree09MonthlyRegime,
  decree09QuarterlyRegime,
  decree09YearlyRegime,
  dxYearlyRegime,
];

/**
 * Every problem of a regime definition, each with the field it concerns.
 * @example validateRegime({ ...dxYearlyRegime, periodKind: 'month' })
 * // [{ path: 'deadline.kind', code: 'regime.fixed_deadline_needs_year' }]
 */
export function validateRegime(regime: ReportingRegime): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  if (!regime.code.trim()) issues.push({ path: 'code', code: 'validation.required' });
  if (!Number.isInteger(regime.cutoffDay) || regime.cutoffDay < 1 || regime.cutoffDay > 28) {
    issues.push({ path: 'cutoffDay', code: 'regime.cutoff_day_out_of_range' });
  }
  const d = regime.deadline;
  if (d?.kind === 'fixed') {
    if (regime.periodKind !== 'year')
      issues.push({ path: 'deadline.kind', code: 'regime.fixed_deadline_needs_year' });
    if (!Number.isInteger(d.month) || d.month < 1 || d.month > 12) {
      issues.push({ path: 'deadline.month', code: 'regime.deadline_month_out_of_range' });
    } else if (!Number.isInteger(d.day) || d.day < 1 || d.day > daysInMonth(2024, d.month)) {
      issues.push({ path: 'deadline.day', code: 'regime.deadline_day_out_of_range' });
    }
    if (!Number.isInteger(d.yearOffset) || d.yearOffset < 0 || d.yearOffset > 1) {
      issues.push({ path: 'deadline.yearOffset', code: 'regime.deadline_offset_out_of_range' });
    }
  } else if (d?.kind === 'day_of_month') {
    if (!Number.isInteger(d.day) || d.day < 1 || d.day > 31) {
      issues.push({ path: 'deadline.day', code: 'regime.deadline_day_out_of_range' });
    }
    if (!Number.isInteger(d.monthsAfter) || d.monthsAfter < 0 || d.monthsAfter > 12) {
      issues.push({ path: 'deadline.monthsAfter', code: 'regime.deadline_offset_out_of_range' });
    }
  } else if (d?.kind === 'after_window') {
    if (!Number.isInteger(d.days) || d.days < 0 || d.days > 366) {
      issues.push({ path: 'deadline.days', code: 'regime.deadline_offset_out_of_range' });
    }
  }
  return issues;
}

function dueDate(rule: DeadlineRule, p: Period, windowEnd: string): string {
  if (rule.kind === 'after_window') return addDays(windowEnd, rule.days);
  if (rule.kind === 'fixed') {
    const year = p.year + rule.yearOffset;
    return isoDate(year, rule.month, Math.min(rule.day, daysInMonth(year, rule.month)));
  }
  const { year, month } = monthOfOrdinal(periodMonthSpan(p).last + rule.monthsAfter);
  return isoDate(year, month, Math.min(rule.day, daysInMonth(year, month)));
}

/**
 * The cut-off window and deadline of a period under a regime.
 * @example reportingWindow('2025-09', decree09MonthlyRegime) // start 2025-08-15, end 2025-09-14
 * @example reportingWindow('2025Q3', decree09QuarterlyRegime) // start 2025-06-15, end 2025-09-14
 * @example reportingWindow('2025', decree09YearlyRegime)      // start 2024-12-15, end 2025-12-14
 * @throws AppError `regime.period_kind_mismatch` when the period is not of the regime's kind
 */
export function reportingWindow(period: Period | string, regime: ReportingRegime): ReportingWindow {
  const p = typeof period === 'string' ? parsePeriod(period) : period;
  if (p.kind !== regime.periodKind) {
    throw new AppError('regime.period_kind_mismatch', {
      params: { period: p.id, regime: regime.code, kind: regime.periodKind },
    });
  }
  const issues = validateRegime(regime);
  if (issues.length > 0) {
    throw new AppError('regime.invalid', { params: { regime: regime.code }, details: issues });
  }
  let start: string;
  let end: string;
  if (regime.cutoffDay === 1) {
    start = periodStart(p);
    end = periodEnd(p);
  } else {
    const span = periodMonthSpan(p);
    const before = monthOfOrdinal(span.first - 1);
    const last = monthOfOrdinal(span.last);
    start = isoDate(before.year, before.month, regime.cutoffDay);
    end = isoDate(last.year, last.month, regime.cutoffDay - 1);
  }
  if (!regime.deadline)
    return { periodId: p.id, start, end, dueOn: null, dueBefore: false, lastDayOnTime: null };
  const dueOn = dueDate(regime.deadline, p, end);
  const dueBefore = regime.deadline.before;
  return {
    periodId: p.id,
    start,
    end,
    dueOn,
    dueBefore,
    lastDayOnTime: dueBefore ? addDays(dueOn, -1) : dueOn,
  };
}

/**
 * True when a report sent on `sentOn` (ISO date) is on time for the window;
 * always true when the regime sets no deadline.
 */
export function isOnTime(sentOn: string, window: ReportingWindow): boolean {
  return window.lastDayOnTime === null || sentOn <= window.lastDayOnTime;
}

/**
 * The period (of the regime's kind) whose window holds a date — with a
 * 15th cut-off, 20 December 2025 already belongs to 2026.
 * @example periodForDate('2025-12-20', decree09YearlyRegime).id // "2026"
 */
export function periodForDate(iso: string, regime: ReportingRegime): Period {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new AppError('period.invalid_date', { params: { date: iso } });
  let ordinal = Number(m[1]) * 12 + Number(m[2]) - 1;
  // on or after the cut-off day the date counts toward the next month
  if (regime.cutoffDay > 1 && Number(m[3]) >= regime.cutoffDay) ordinal += 1;
  const { year, month } = monthOfOrdinal(ordinal);
  if (regime.periodKind === 'month') return makePeriod('month', year, month);
  if (regime.periodKind === 'quarter') return makePeriod('quarter', year, Math.ceil(month / 3));
  return makePeriod('year', year);
}
