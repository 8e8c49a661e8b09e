/**
 * Where a unit stands against its round's deadline, for the coordinator's
 * live list: not started, in progress, submitted, returned, approved — and
 * whether it is late. A report is late when it was not submitted by the end
 * of the due date (or, for a deadline "before" a date, by the day before);
 * one still unsent after that is overdue now.
 *
 * @example
 * deadlineStanding({ state: 'draft', submittedAt: null, hasFigures: false },
 *   { lastDayOnTime: '2025-11-30' }, '2025-12-03')
 * // { progress: 'not_started', late: true, daysLate: 3 }
 */
import { addDays } from '../period/period';
import type { SubmissionState } from './workflow';

/** How far a unit got, as the live list shows it. */
export type ReportProgress = 'not_started' | 'in_progress' | 'submitted' | 'returned' | 'approved';

export interface ReportFacts {
  state: SubmissionState;
  /** When it was (last) submitted, as an ISO date in the province's time; null if never. */
  submittedOn: string | null;
  /** True when at least one figure or task update was entered. */
  hasFigures: boolean;
}

export interface DeadlineStanding {
  progress: ReportProgress;
  /** Submitted after the last day on time, or still not submitted after it. */
  late: boolean;
  /** Days past the last day on time (0 when on time). */
  daysLate: number;
  /** Days left until the last day on time, when not yet submitted and not late. */
  daysLeft: number | null;
}

function daysBetween(from: string, to: string): number {
  const a = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  const b = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)));
  return Math.round((b - a) / 86_400_000);
}

/**
 * The last day a report is on time: the due date itself, or the day before
 * when the rule says "before" (Nam Định: "trước ngày 01/12").
 */
export function lastDayOnTime(dueOn: string, dueBefore: boolean): string {
  return dueBefore ? addDays(dueOn, -1) : dueOn;
}

/**
 * A unit's standing on `today` (ISO date, the province's time).
 * Returned reports count as not submitted for lateness: the unit still owes them.
 */
export function deadlineStanding(
  facts: ReportFacts,
  deadline: { lastDayOnTime: string },
  today: string,
): DeadlineStanding {
  const progress: ReportProgress =
    facts.state === 'draft'
      ? facts.hasFigures
        ? 'in_progress'
        : 'not_started'
      : (facts.state as Exclude<SubmissionState, 'draft'>);
  const sent = facts.state === 'submitted' || facts.state === 'approved';
  const last = deadline.lastDayOnTime;
  if (sent) {
    const on = facts.submittedOn ?? today;
    const late = on > last;
    return { progress, late, daysLate: late ? daysBetween(last, on) : 0, daysLeft: null };
  }
  const late = today > last;
  return {
    progress,
    late,
    daysLate: late ? daysBetween(last, today) : 0,
    daysLeft: late ? null : daysBetween(today, last),
  };
}

/**
 * The reminder a unit that has not submitted should have received by
 * `today`: the nearest of the round's reminder offsets (days before the last
 * day on time) whose date has come, or `'overdue'` once the last day has
 * passed; null when none is due yet. Sending is made idempotent by the caller
 * (one notification per round, unit and reminder), so a server that was down
 * on the day still sends the one that matters, and never all of them at once.
 * @example dueReminder([7, 3, 1], '2025-11-30', '2025-11-28') // 3
 * @example dueReminder([7, 3, 1], '2025-11-30', '2025-12-01') // 'overdue'
 */
export function dueReminder(
  offsets: readonly number[],
  lastDay: string,
  today: string,
): number | 'overdue' | null {
  if (today > lastDay) return 'overdue';
  const reached = offsets.filter((d) => d >= 0 && addDays(lastDay, -d) <= today);
  return reached.length ? Math.min(...reached) : null;
}

/** Today's date (ISO) in Vietnam's time zone (UTC+7), whatever the server's zone. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
