/**
 * Reporting periods. A period id is ISO-like and says its own kind:
 * `2025` (a year), `2025Q3` (a quarter), `2025-09` (a month). Periods are
 * calendar periods; the reporting *window* of a regime (Decree 09/2019's
 * 15th-to-14th cut-off) is a separate notion, see `regime.ts`.
 *
 * @example
 * const q = parsePeriod('2025Q3');
 * formatPeriod(q, 'vi');              // "Quý III/2025"
 * periodStart(q); periodEnd(q);       // "2025-07-01", "2025-09-30"
 * periodContains(parsePeriod('2025'), q); // true
 */
import { AppError } from '../errors';

/** The kinds of period, longest first. */
export const periodKinds = ['year', 'quarter', 'month'] as const;
/** How long a period is. */
export type PeriodKind = (typeof periodKinds)[number];

/** A parsed period. `index` is the quarter (1–4) or month (1–12); 1 for a year. */
export interface Period {
  readonly id: string;
  readonly kind: PeriodKind;
  readonly year: number;
  readonly index: number;
}

/** The first year a period may name (the program's history starts in the 2000s). */
export const MIN_PERIOD_YEAR = 2000;
/** The last year a period may name (targets reach 2030 and beyond). */
export const MAX_PERIOD_YEAR = 2100;

const PERIOD_PATTERN = /^(\d{4})(?:Q(\d)|-(\d{2}))?$/;
const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Months in a period of each kind. */
const MONTHS_IN: Record<PeriodKind, number> = { year: 12, quarter: 3, month: 1 };

function buildId(kind: PeriodKind, year: number, index: number): string {
  if (kind === 'year') return String(year);
  if (kind === 'quarter') return `${year}Q${index}`;
  return `${year}-${String(index).padStart(2, '0')}`;
}

/** Builds a period from its parts (no validation beyond the ranges). */
export function makePeriod(kind: PeriodKind, year: number, index = 1): Period {
  if (!Number.isInteger(year) || year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) {
    throw new AppError('period.year_out_of_range', {
      params: { id: buildId(kind, year, index), minYear: MIN_PERIOD_YEAR, maxYear: MAX_PERIOD_YEAR },
    });
  }
  const maxIndex = kind === 'year' ? 1 : kind === 'quarter' ? 4 : 12;
  if (!Number.isInteger(index) || index < 1 || index > maxIndex) {
    throw new AppError(kind === 'quarter' ? 'period.quarter_out_of_range' : 'period.month_out_of_range', {
      params: { id: buildId(kind, year, index) },
    });
  }
  return { id: buildId(kind, year, index), kind, year, index };
}

/**
 * Parses a period id; throws an AppError that says what is wrong.
 * Surrounding spaces and a lower-case `q` are accepted (`" 2025q3 "`).
 * @example parsePeriod('2025-09') // { id: '2025-09', kind: 'month', year: 2025, index: 9 }
 * @example parsePeriod('2025Q5')  // throws period.quarter_out_of_range
 * @example parsePeriod('09/2025') // throws period.invalid_format
 */
export function parsePeriod(text: string): Period {
  const raw = String(text ?? '').trim();
  const m = PERIOD_PATTERN.exec(raw.toUpperCase());
  if (!m) throw new AppError('period.invalid_format', { params: { id: raw } });
  const year = Number(m[1]);
  if (m[2] !== undefined) return makePeriod('quarter', year, Number(m[2]));
  if (m[3] !== undefined) return makePeriod('month', year, Number(m[3]));
  return makePeriod('year', year);
}

/** Like `parsePeriod` but returns null instead of throwing. */
export function tryParsePeriod(text: string): Period | null {
  try {
    return parsePeriod(text);
  } catch {
    return null;
  }
}

/** True when `text` is a valid period id in canonical form. */
export function isPeriodId(text: string): boolean {
  return tryParsePeriod(text)?.id === text;
}

function asPeriod(p: Period | string): Period {
  return typeof p === 'string' ? parsePeriod(p) : p;
}

/**
 * How a period is written for people.
 * @example formatPeriod('2025', 'vi')    // "Năm 2025"
 * @example formatPeriod('2025Q3', 'vi')  // "Quý III/2025"
 * @example formatPeriod('2025-09', 'vi') // "Tháng 09/2025"
 * @example formatPeriod('2025Q3', 'en')  // "Q3 2025"
 * @example formatPeriod('2025-09', 'en') // "September 2025"
 */
export function formatPeriod(period: Period | string, locale: 'vi' | 'en' = 'vi'): string {
  const p = asPeriod(period);
  if (locale === 'vi') {
    if (p.kind === 'year') return `Năm ${p.year}`;
    if (p.kind === 'quarter') return `Quý ${ROMAN[p.index - 1]}/${p.year}`;
    return `Tháng ${String(p.index).padStart(2, '0')}/${p.year}`;
  }
  if (p.kind === 'year') return `Year ${p.year}`;
  if (p.kind === 'quarter') return `Q${p.index} ${p.year}`;
  return `${MONTHS_EN[p.index - 1]} ${p.year}`;
}

/** The first month of a period as a month count since year 0 (for arithmetic). */
function firstMonthOrdinal(p: Period): number {
  const month = p.kind === 'year' ? 1 : p.kind === 'quarter' ? (p.index - 1) * 3 + 1 : p.index;
  return p.year * 12 + (month - 1);
}

function lastMonthOrdinal(p: Period): number {
  return firstMonthOrdinal(p) + MONTHS_IN[p.kind] - 1;
}

/** The calendar month (year, month 1–12) of a month ordinal. */
export function monthOfOrdinal(ordinal: number): { year: number; month: number } {
  return { year: Math.floor(ordinal / 12), month: (ordinal % 12) + 1 };
}

/** Days in a calendar month (leap years included). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An ISO date `YYYY-MM-DD` from its parts. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Adds (or subtracts) whole days to an ISO date, with no time zone involved. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The first day of a period. @example periodStart('2025Q3') // "2025-07-01" */
export function periodStart(period: Period | string): string {
  const { year, month } = monthOfOrdinal(firstMonthOrdinal(asPeriod(period)));
  return isoDate(year, month, 1);
}

/** The last day of a period. @example periodEnd('2024-02') // "2024-02-29" */
export function periodEnd(period: Period | string): string {
  const { year, month } = monthOfOrdinal(lastMonthOrdinal(asPeriod(period)));
  return isoDate(year, month, daysInMonth(year, month));
}

/** First and last month ordinals, for callers that need month arithmetic (regimes). */
export function periodMonthSpan(period: Period | string): { first: number; last: number } {
  const p = asPeriod(period);
  return { first: firstMonthOrdinal(p), last: lastMonthOrdinal(p) };
}

/**
 * Orders periods: by start, and a longer period before the shorter ones it
 * starts with (2025, 2025Q1, 2025-01, 2025-02 …). Usable with `Array.sort`.
 * @example ['2025-02', '2025', '2024Q4'].sort(comparePeriods) // ['2024Q4', '2025', '2025-02']
 */
export function comparePeriods(a: Period | string, b: Period | string): number {
  const pa = asPeriod(a);
  const pb = asPeriod(b);
  const byStart = firstMonthOrdinal(pa) - firstMonthOrdinal(pb);
  if (byStart !== 0) return byStart;
  return MONTHS_IN[pb.kind] - MONTHS_IN[pa.kind];
}

/**
 * True when `inner` lies wholly inside `outer` (a period contains itself).
 * @example periodContains('2025', '2025Q3')    // true
 * @example periodContains('2025Q3', '2025-09') // true
 * @example periodContains('2025Q3', '2025')    // false
 */
export function periodContains(outer: Period | string, inner: Period | string): boolean {
  const o = asPeriod(outer);
  const i = asPeriod(inner);
  return firstMonthOrdinal(i) >= firstMonthOrdinal(o) && lastMonthOrdinal(i) <= lastMonthOrdinal(o);
}

/** The period of the same kind `steps` later (negative: earlier). */
export function shiftPeriod(period: Period | string, steps: number): Period {
  const p = asPeriod(period);
  if (p.kind === 'year') return makePeriod('year', p.year + steps);
  const perYear = p.kind === 'quarter' ? 4 : 12;
  const n = p.year * perYear + (p.index - 1) + steps;
  return makePeriod(p.kind, Math.floor(n / perYear), (((n % perYear) + perYear) % perYear) + 1);
}

/**
 * The period just before. @example previousPeriod('2025-01') // 2024-12
 * @example previousPeriod('2025Q1') // 2024Q4
 */
export function previousPeriod(period: Period | string): Period {
  return shiftPeriod(period, -1);
}

/** The period just after. @example nextPeriod('2024Q4') // 2025Q1 */
export function nextPeriod(period: Period | string): Period {
  return shiftPeriod(period, 1);
}

/**
 * Every period from `from` to `to`, both included; both must be of the same
 * kind and `from` must not come after `to`.
 * @example periodSequence('2021', '2025').map(p => p.id) // ['2021', …, '2025']
 * @example periodSequence('2024-11', '2025-02').map(p => p.id) // ['2024-11', '2024-12', '2025-01', '2025-02']
 */
export function periodSequence(from: Period | string, to: Period | string): Period[] {
  const a = asPeriod(from);
  const b = asPeriod(to);
  if (a.kind !== b.kind) {
    throw new AppError('period.kind_mismatch', { params: { from: a.id, to: b.id } });
  }
  if (comparePeriods(a, b) > 0)
    throw new AppError('period.reversed_range', { params: { from: a.id, to: b.id } });
  const out: Period[] = [];
  for (let p = a; comparePeriods(p, b) <= 0; p = nextPeriod(p)) out.push(p);
  return out;
}

/**
 * The period of a kind that contains a date.
 * @example periodOfDate('2025-09-14', 'quarter') // 2025Q3
 */
export function periodOfDate(iso: string, kind: PeriodKind): Period {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new AppError('period.invalid_date', { params: { date: iso } });
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (kind === 'year') return makePeriod('year', year);
  if (kind === 'quarter') return makePeriod('quarter', year, Math.ceil(month / 3));
  return makePeriod('month', year, month);
}

/**
 * The enclosing period of the next longer kind: a month's quarter, a
 * quarter's year; null for a year.
 * @example parentPeriod('2025-09')?.id // "2025Q3"
 */
export function parentPeriod(period: Period | string): Period | null {
  const p = asPeriod(period);
  if (p.kind === 'year') return null;
  if (p.kind === 'quarter') return makePeriod('year', p.year);
  return makePeriod('quarter', p.year, Math.ceil(p.index / 3));
}

/**
 * The periods of a shorter kind inside a period.
 * @example childPeriods('2025', 'quarter').map(p => p.id) // ['2025Q1', '2025Q2', '2025Q3', '2025Q4']
 */
export function childPeriods(period: Period | string, kind: PeriodKind): Period[] {
  const p = asPeriod(period);
  if (MONTHS_IN[kind] > MONTHS_IN[p.kind]) {
    throw new AppError('period.kind_mismatch', { params: { from: p.id, to: kind } });
  }
  return periodSequence(periodOfDate(periodStart(p), kind), periodOfDate(periodEnd(p), kind));
}
