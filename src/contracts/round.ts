/**
 * Reporting rounds at the boundary: opening one (period, cut-off window,
 * deadline, units, indicators by kind of unit, tasks), reading it, and the
 * coordinator's live list of who has reported.
 */
import { z } from 'zod';
import { isoDateSchema } from './common';

/** Kinds of units a round can ask ('province': the province's own report). */
export const askedUnitKinds = ['province', 'department', 'agency', 'district', 'commune'] as const;
export type AskedUnitKindInput = (typeof askedUnitKinds)[number];

export const roundStates = ['draft', 'open', 'closed'] as const;

const indicatorAskSchema = z.object({
  indicatorId: z.number().int().positive().optional(),
  code: z.string().optional(),
  unitKind: z.enum(askedUnitKinds),
  required: z.boolean().optional(),
});

/**
 * A new round. Omitted parts are proposed: the window and deadline from the
 * regime (Decree 09's cut-off; Nam Định's "before 1 December"), the
 * indicators from the province's confirmed targets (and the catalog's
 * reporting kinds), the tasks its units lead.
 */
export const createRoundSchema = z
  .object({
    provinceId: z.number().int().positive(),
    name: z.string().trim().min(3).max(300),
    description: z.string().max(4000).optional(),
    periodId: z.string().regex(/^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/, { message: 'period.invalid_format' }),
    regimeCode: z.string().optional(),
    windowStart: isoDateSchema.optional(),
    windowEnd: isoDateSchema.optional(),
    dueOn: isoDateSchema.optional(),
    dueBefore: z.boolean().optional(),
    reminderDays: z.array(z.number().int().min(0).max(60)).max(6).optional(),
    units: z
      .object({
        kinds: z.array(z.enum(askedUnitKinds)).optional(),
        ids: z.array(z.number().int().positive()).optional(),
      })
      .refine((u) => (u.kinds?.length ?? 0) + (u.ids?.length ?? 0) > 0, { message: 'round.units_required' }),
    indicators: z.array(indicatorAskSchema).optional(),
    taskIds: z.array(z.number().int().positive()).optional(),
  })
  .meta({ id: 'CreateRound' });
export type CreateRoundInput = z.infer<typeof createRoundSchema>;

/** Changes to a round: all in draft; the deadline, reminders, name and description while open. */
export const updateRoundSchema = z
  .object({
    name: z.string().trim().min(3).max(300).optional(),
    description: z.string().max(4000).nullable().optional(),
    dueOn: isoDateSchema.optional(),
    dueBefore: z.boolean().optional(),
    reminderDays: z.array(z.number().int().min(0).max(60)).max(6).optional(),
    units: z
      .object({
        kinds: z.array(z.enum(askedUnitKinds)).optional(),
        ids: z.array(z.number().int().positive()).optional(),
      })
      .optional(),
    indicators: z.array(indicatorAskSchema).optional(),
    taskIds: z.array(z.number().int().positive()).optional(),
  })
  .meta({ id: 'UpdateRound' });
export type UpdateRoundInput = z.infer<typeof updateRoundSchema>;

const unitBrief = z.object({ id: z.number(), code: z.string(), name: z.string(), kind: z.string() });

/** A round as lists show it. */
export const roundSummarySchema = z
  .object({
    id: z.number().int(),
    provinceId: z.number().int(),
    provinceName: z.string(),
    name: z.string(),
    periodId: z.string(),
    periodLabel: z.string(),
    state: z.enum(roundStates),
    windowStart: z.string(),
    windowEnd: z.string(),
    dueOn: z.string(),
    dueBefore: z.boolean(),
    lastDayOnTime: z.string(),
    isDemo: z.boolean(),
    unitCount: z.number().int(),
    counts: z.object({
      draft: z.number(),
      submitted: z.number(),
      returned: z.number(),
      approved: z.number(),
    }),
  })
  .meta({ id: 'RoundSummary' });
export type RoundSummary = z.infer<typeof roundSummarySchema>;

export const roundListSchema = z.object({ items: z.array(roundSummarySchema) });
export type RoundList = z.infer<typeof roundListSchema>;

export const roundListQuerySchema = z.object({
  provinceId: z.coerce.number().int().positive().optional(),
  periodId: z.string().optional(),
  state: z.enum(roundStates).optional(),
});

/** An indicator asked, as the round page lists it. */
export const roundIndicatorSchema = z.object({
  indicatorId: z.number().int(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  kind: z.string(),
  unitKind: z.enum(askedUnitKinds),
  required: z.boolean(),
  /** True when a confirmed target of the program names this indicator. */
  fromTargets: z.boolean(),
});

export const roundTaskSchema = z.object({
  taskId: z.number().int(),
  sectionLabel: z.string(),
  title: z.string(),
  deadline: z.string().nullable(),
  leads: z.array(unitBrief),
});

/** A round with what it asks. */
export const roundDetailSchema = roundSummarySchema
  .extend({
    description: z.string().nullable(),
    regime: z
      .object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), legalBasis: z.string().nullable() })
      .nullable(),
    reminderDays: z.array(z.number()),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    unitKinds: z.record(z.string(), z.number()),
    indicators: z.array(roundIndicatorSchema),
    tasks: z.array(roundTaskSchema),
    /** What the caller may do with it. */
    can: z.object({ manage: z.boolean(), approve: z.boolean() }),
  })
  .meta({ id: 'RoundDetail' });
export type RoundDetail = z.infer<typeof roundDetailSchema>;

/** A proposal for a new round, before the coordinator adjusts it. */
export const roundProposalSchema = z
  .object({
    provinceId: z.number().int(),
    periodId: z.string(),
    name: z.string(),
    regimeCode: z.string(),
    windowStart: z.string(),
    windowEnd: z.string(),
    dueOn: z.string(),
    dueBefore: z.boolean(),
    /** The programs the proposal reads: the province's own and its predecessors' (2025 mergers). */
    programProvinces: z.array(unitBrief),
    units: z.array(unitBrief.extend({ parentName: z.string().nullable() })),
    indicators: z.array(roundIndicatorSchema),
    tasks: z.array(roundTaskSchema),
    regimes: z.array(
      z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), periodKind: z.string() }),
    ),
  })
  .meta({ id: 'RoundProposal' });
export type RoundProposal = z.infer<typeof roundProposalSchema>;

export const roundProposalQuerySchema = z.object({
  provinceId: z.coerce.number().int().positive(),
  periodId: z.string().regex(/^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/, { message: 'period.invalid_format' }),
  regimeCode: z.string().optional(),
});

/** One unit's line in the coordinator's live list. */
export const roundStatusRowSchema = z.object({
  unitId: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  parentName: z.string().nullable(),
  submissionId: z.number().int().nullable(),
  state: z.enum(['draft', 'submitted', 'returned', 'approved']).nullable(),
  progress: z.enum(['not_started', 'in_progress', 'submitted', 'returned', 'approved']),
  late: z.boolean(),
  daysLate: z.number().int(),
  daysLeft: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  valueCount: z.number().int(),
  expectedValues: z.number().int(),
  taskCount: z.number().int(),
  taskUpdateCount: z.number().int(),
});
export type RoundStatusRow = z.infer<typeof roundStatusRowSchema>;

/** The province's figure for one indicator, from the maintained roll-ups. */
export const roundTotalSchema = z.object({
  indicatorId: z.number().int(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  kind: z.string(),
  unitOfMeasure: z.string(),
  approved: z.object({
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    value: z.number().nullable(),
    reportingUnits: z.number().int(),
  }),
  submitted: z.object({
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    value: z.number().nullable(),
    reportingUnits: z.number().int(),
  }),
  askedUnits: z.number().int(),
});
export type RoundTotal = z.infer<typeof roundTotalSchema>;

/** The live list: every unit asked, where it stands, and the province's totals so far. */
export const roundStatusSchema = z
  .object({
    roundId: z.number().int(),
    today: z.string(),
    lastDayOnTime: z.string(),
    summary: z.object({
      units: z.number().int(),
      notStarted: z.number().int(),
      inProgress: z.number().int(),
      submitted: z.number().int(),
      returned: z.number().int(),
      approved: z.number().int(),
      late: z.number().int(),
    }),
    rows: z.array(roundStatusRowSchema),
    totals: z.array(roundTotalSchema),
    email: z.object({ configured: z.boolean() }),
  })
  .meta({ id: 'RoundStatus' });
export type RoundStatus = z.infer<typeof roundStatusSchema>;

/** A message for a person in the app. */
export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  message: z.string(),
  link: z.string().nullable(),
  unitId: z.number().int().nullable(),
  roundId: z.number().int().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  emailSentAt: z.string().nullable(),
});
export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;
