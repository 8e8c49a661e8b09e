import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { deadlineStanding, dueReminder, lastDayOnTime, vietnamDate } from './deadline';
import {
  approvalRefusal,
  availableActions,
  isEditable,
  nextState,
  type SubmissionAction,
  type SubmissionState,
  valueStatusOf,
  viewsOf,
} from './workflow';

describe('the report workflow', () => {
  it('goes draft → submitted → approved, and returned → submitted again', () => {
    expect(nextState('draft', 'submit')).toBe('submitted');
    expect(nextState('submitted', 'approve')).toBe('approved');
    expect(nextState('submitted', 'return')).toBe('returned');
    expect(nextState('returned', 'submit')).toBe('submitted');
  });

  it('lets a coordinator reopen approved figures, back to the unit for correction', () => {
    expect(nextState('approved', 'reopen')).toBe('returned');
  });

  it('lets the unit recall a submission nobody has decided on', () => {
    expect(nextState('submitted', 'recall')).toBe('draft');
  });

  it('refuses every other step with a 409 naming the state and the step', () => {
    const refused: Array<[SubmissionState, SubmissionAction]> = [
      ['draft', 'approve'],
      ['draft', 'return'],
      ['approved', 'submit'],
      ['approved', 'approve'],
      ['returned', 'approve'],
      ['draft', 'reopen'],
      ['submitted', 'submit'],
    ];
    for (const [state, action] of refused) {
      try {
        nextState(state, action);
        expect.unreachable(`${state} --${action}--> should be refused`);
      } catch (e) {
        expect(isAppError(e) && e.code).toBe('submission.invalid_transition');
        expect(isAppError(e) && e.status).toBe(409);
        expect(isAppError(e) && e.params).toEqual({ state, action });
      }
    }
  });

  it('offers the steps possible from each state', () => {
    expect(availableActions('draft')).toEqual(['submit']);
    expect(availableActions('submitted')).toEqual(['recall', 'return', 'approve']);
    expect(availableActions('approved')).toEqual(['reopen']);
    expect(availableActions('returned')).toEqual(['submit']);
  });

  it('keeps figures editable only in draft and returned, and locks approved ones', () => {
    expect(isEditable('draft')).toBe(true);
    expect(isEditable('returned')).toBe(true);
    expect(isEditable('submitted')).toBe(false);
    expect(isEditable('approved')).toBe(false);
  });

  it('counts figures in the submitted view from submission and in the approved view once approved', () => {
    expect(viewsOf(valueStatusOf('draft'))).toEqual([]);
    expect(viewsOf(valueStatusOf('returned'))).toEqual([]);
    expect(viewsOf(valueStatusOf('submitted'))).toEqual(['submitted']);
    expect(viewsOf(valueStatusOf('approved'))).toEqual(['approved', 'submitted']);
  });
});

describe('who may approve', () => {
  it('accepts an approver of an ancestor unit and a coordinator', () => {
    expect(approvalRefusal({ userId: 2, isCoordinator: false, approvesFromAbove: true }, 1)).toBeNull();
    expect(approvalRefusal({ userId: 3, isCoordinator: true, approvesFromAbove: false }, 1)).toBeNull();
  });

  it('never lets the person who submitted approve, even a coordinator', () => {
    expect(approvalRefusal({ userId: 1, isCoordinator: true, approvesFromAbove: true }, 1)).toBe(
      'submission.own_report',
    );
  });

  it('refuses an approver held only at the unit itself', () => {
    expect(approvalRefusal({ userId: 2, isCoordinator: false, approvesFromAbove: false }, 1)).toBe(
      'submission.approver_not_above',
    );
  });
});

describe('standing against the deadline', () => {
  // Nam Định: the yearly report is due "before 1 December": the last day on time is 30 November
  const deadline = { lastDayOnTime: lastDayOnTime('2025-12-01', true) };

  it('reads "before 1 December" as 30 November being the last day on time', () => {
    expect(deadline.lastDayOnTime).toBe('2025-11-30');
    expect(lastDayOnTime('2025-12-01', false)).toBe('2025-12-01');
  });

  it('counts days left for a unit still working, and days late once past', () => {
    expect(
      deadlineStanding({ state: 'draft', submittedOn: null, hasFigures: true }, deadline, '2025-11-25'),
    ).toEqual({ progress: 'in_progress', late: false, daysLate: 0, daysLeft: 5 });
    expect(
      deadlineStanding({ state: 'draft', submittedOn: null, hasFigures: false }, deadline, '2025-12-03'),
    ).toEqual({ progress: 'not_started', late: true, daysLate: 3, daysLeft: null });
  });

  it('judges a submitted report by the day it was sent, not by today', () => {
    const onTime = deadlineStanding(
      { state: 'approved', submittedOn: '2025-11-30', hasFigures: true },
      deadline,
      '2026-01-10',
    );
    expect(onTime).toMatchObject({ progress: 'approved', late: false, daysLate: 0 });
    const late = deadlineStanding(
      { state: 'submitted', submittedOn: '2025-12-02', hasFigures: true },
      deadline,
      '2025-12-05',
    );
    expect(late).toMatchObject({ progress: 'submitted', late: true, daysLate: 2 });
  });

  it('treats a returned report as still owed', () => {
    const r = deadlineStanding(
      { state: 'returned', submittedOn: '2025-11-20', hasFigures: true },
      deadline,
      '2025-12-04',
    );
    expect(r).toMatchObject({ progress: 'returned', late: true, daysLate: 4 });
  });

  it('sends the nearest reminder that has come, never all of them, then one overdue notice', () => {
    const offsets = [7, 3, 1];
    expect(dueReminder(offsets, '2025-11-30', '2025-11-22')).toBeNull();
    expect(dueReminder(offsets, '2025-11-30', '2025-11-23')).toBe(7);
    expect(dueReminder(offsets, '2025-11-30', '2025-11-28')).toBe(3);
    expect(dueReminder(offsets, '2025-11-30', '2025-11-30')).toBe(1);
    expect(dueReminder(offsets, '2025-11-30', '2025-12-01')).toBe('overdue');
  });

  it('tells the date in Vietnam, seven hours ahead of UTC', () => {
    expect(vietnamDate(new Date('2025-11-30T17:30:00Z'))).toBe('2025-12-01');
    expect(vietnamDate(new Date('2025-11-30T16:59:00Z'))).toBe('2025-11-30');
  });
});
