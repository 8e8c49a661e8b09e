/**
 * The workflow of one unit's report in one round, as a pure state machine:
 *
 * ```
 *   draft ──submit──▶ submitted ──approve──▶ approved
 *     ▲                 │  │                    │
 *     └────recall───────┘  └─return─▶ returned ◀┘ reopen (coordinator, with a reason)
 *                                        │
 *                                        └──submit──▶ submitted …
 * ```
 *
 * - `submit`: the unit sends its figures (from a draft or after a return);
 * - `recall`: the unit takes back a submission nobody has decided on yet;
 * - `return`: an approver sends it back with a comment saying what to fix;
 * - `approve`: an approver accepts it; its figures are then locked;
 * - `reopen`: a coordinator unlocks approved figures, with a reason.
 *
 * The figures follow the report: editable in `draft` and `returned`, counted
 * in the "submitted and approved" roll-up from `submitted`, and in the
 * "approved only" roll-up once `approved`.
 *
 * @example
 * nextState('draft', 'submit')      // 'submitted'
 * nextState('approved', 'submit')   // throws submission.invalid_transition
 * valueStatusOf('returned')         // 'draft'
 */
import type { Action } from '../auth/permissions';
import { AppError } from '../errors';

export const submissionStates = ['draft', 'submitted', 'returned', 'approved'] as const;
/** Where a unit's report stands in its round. */
export type SubmissionState = (typeof submissionStates)[number];

export const submissionActions = ['submit', 'recall', 'return', 'approve', 'reopen'] as const;
/** A step of the workflow. */
export type SubmissionAction = (typeof submissionActions)[number];

/** The status a data value carries, derived from its report's state. */
export type ValueStatus = 'draft' | 'submitted' | 'approved';

/** The two maintained roll-up views. */
export const rollupViews = ['approved', 'submitted'] as const;
/** `approved`: approved figures only; `submitted`: submitted and approved figures. */
export type RollupView = (typeof rollupViews)[number];

const transitions: Readonly<
  Record<SubmissionAction, { from: readonly SubmissionState[]; to: SubmissionState }>
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  recall: { from: ['submitted'], to: 'draft' },
  return: { from: ['submitted'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
  reopen: { from: ['approved'], to: 'returned' },
};

/**
 * The permission each step needs at the unit (domain/auth/permissions.ts).
 * Approving and returning need more than the permission: see `approvalRefusal`.
 */
export const actionPermission: Readonly<Record<SubmissionAction, Action>> = {
  submit: 'figures.enter',
  recall: 'figures.enter',
  return: 'submissions.approve',
  approve: 'submissions.approve',
  reopen: 'rounds.manage',
};

/** Steps that must say why (a return's comment, a reopening's reason). */
export const actionNeedsComment: Readonly<Record<SubmissionAction, boolean>> = {
  submit: false,
  recall: false,
  return: true,
  approve: false,
  reopen: true,
};

/** True when `action` may be taken from `state`. */
export function canTransition(state: SubmissionState, action: SubmissionAction): boolean {
  return transitions[action].from.includes(state);
}

/**
 * The state after a step.
 * @throws AppError `submission.invalid_transition` (409) when the step is not possible from `state`
 */
export function nextState(state: SubmissionState, action: SubmissionAction): SubmissionState {
  if (!canTransition(state, action)) {
    throw new AppError('submission.invalid_transition', { status: 409, params: { state, action } });
  }
  return transitions[action].to;
}

/** The steps possible from a state, in the order a screen would offer them. */
export function availableActions(state: SubmissionState): SubmissionAction[] {
  return submissionActions.filter((a) => canTransition(state, a));
}

/** True while the unit may change its figures (draft, or returned for correction). */
export function isEditable(state: SubmissionState): boolean {
  return state === 'draft' || state === 'returned';
}

/** The status of the report's data values in this state. */
export function valueStatusOf(state: SubmissionState): ValueStatus {
  if (state === 'submitted') return 'submitted';
  if (state === 'approved') return 'approved';
  return 'draft';
}

/**
 * The roll-up views a value of this status counts in.
 * @example viewsOf('approved') // ['approved', 'submitted']
 */
export function viewsOf(status: ValueStatus): RollupView[] {
  if (status === 'approved') return ['approved', 'submitted'];
  if (status === 'submitted') return ['submitted'];
  return [];
}

/** Who is deciding, as far as the approval rule cares. */
export interface Decider {
  /** The person (for a token: its maker); null for the system. */
  userId: number | null;
  /** True for administrators, the system, and coordinators covering the unit. */
  isCoordinator: boolean;
  /** True when the decider holds an approving role at a unit strictly above the report's unit. */
  approvesFromAbove: boolean;
}

/**
 * Why a decider may not approve or return a report, or null when they may.
 * An approver of an ancestor unit or a coordinator decides; never the person
 * who submitted it, and never an approver of the unit itself (the unit does
 * not approve its own report).
 * @example approvalRefusal({ userId: 7, isCoordinator: false, approvesFromAbove: true }, 7)
 * // 'submission.own_report'
 */
export function approvalRefusal(decider: Decider, submittedBy: number | null): string | null {
  if (decider.userId !== null && submittedBy !== null && decider.userId === submittedBy) {
    return 'submission.own_report';
  }
  if (!decider.isCoordinator && !decider.approvesFromAbove) return 'submission.approver_not_above';
  return null;
}
