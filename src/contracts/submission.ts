/**
 * A unit's report in a round at the boundary: the form (indicators with
 * their definitions, figures, last period's figures, tasks, evidence), saving
 * it, the workflow steps and the report's history.
 */
import { z } from 'zod';
import { saveDataValuesResultSchema } from './data-value';
import { indicatorSchema } from './indicator';

export const submissionStateSchema = z.enum(['draft', 'submitted', 'returned', 'approved']);
export const taskStatusSchema = z.enum(['not_started', 'in_progress', 'done', 'cancelled']);

/** One step of a report's history. */
export const submissionEventSchema = z.object({
  fromState: submissionStateSchema.nullable(),
  toState: submissionStateSchema,
  actor: z.string().nullable(),
  comment: z.string().nullable(),
  at: z.string(),
});

/** What the caller may do with a report now. */
export const submissionCanSchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  recall: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  reopen: z.boolean(),
});

/** A report (one unit in one round). */
export const submissionSchema = z
  .object({
    id: z.number().int(),
    roundId: z.number().int(),
    roundName: z.string(),
    roundState: z.enum(['draft', 'open', 'closed']),
    periodId: z.string(),
    unitId: z.number().int(),
    unitName: z.string(),
    unitKind: z.string(),
    state: submissionStateSchema,
    version: z.number().int(),
    submittedAt: z.string().nullable(),
    submittedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    comment: z.string().nullable(),
    isDemo: z.boolean(),
    late: z.boolean(),
    events: z.array(submissionEventSchema),
    can: submissionCanSchema,
  })
  .meta({ id: 'Submission' });
export type SubmissionView = z.infer<typeof submissionSchema>;

export const submissionListItemSchema = submissionSchema.omit({ events: true, can: true });
export const submissionListSchema = z.object({ items: z.array(submissionListItemSchema) });
export type SubmissionList = z.infer<typeof submissionListSchema>;
export const submissionListQuerySchema = z.object({
  roundId: z.coerce.number().int().positive().optional(),
  state: submissionStateSchema.optional(),
});

/** A workflow step's input: the version the caller saw, and a comment (required to return or reopen). */
export const transitionSchema = z
  .object({
    version: z.number().int().positive().optional(),
    comment: z.string().trim().max(4000).optional(),
  })
  .meta({ id: 'SubmissionTransition' });
export type TransitionInput = z.infer<typeof transitionSchema>;

/** An evidence file attached to a figure or a task update. */
export const evidenceSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

const figureSchema = z.object({
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  comment: z.string().nullable(),
});

/** One indicator of the form. */
export const formIndicatorSchema = z.object({
  indicator: indicatorSchema,
  required: z.boolean(),
  current: figureSchema
    .extend({
      /** The stored value's id (its history: GET /api/data-values/:id/history). */
      id: z.number().int(),
      revision: z.number().int(),
      status: z.string(),
      updatedBy: z.string().nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
  /** Last period's figure: the unit's own, or re-expressed from the units it was made of (2025). */
  previous: figureSchema
    .extend({ periodId: z.string(), source: z.enum(['own', 'lineage']), approximate: z.boolean() })
    .nullable(),
  evidence: z.array(evidenceSchema),
});

/** One task the unit leads. */
export const formTaskSchema = z.object({
  taskId: z.number().int(),
  sectionLabel: z.string(),
  title: z.string(),
  deadline: z.string().nullable(),
  update: z
    .object({
      status: taskStatusSchema,
      percent: z.number().nullable(),
      note: z.string().nullable(),
      revision: z.number().int(),
      updatedAt: z.string(),
    })
    .nullable(),
  evidence: z.array(evidenceSchema),
});

/** The web form of one unit in one round. */
export const reportFormSchema = z
  .object({
    round: z.object({
      id: z.number().int(),
      name: z.string(),
      periodId: z.string(),
      periodLabel: z.string(),
      previousPeriodId: z.string(),
      state: z.enum(['draft', 'open', 'closed']),
      dueOn: z.string(),
      lastDayOnTime: z.string(),
      provinceId: z.number().int(),
      provinceName: z.string(),
      isDemo: z.boolean(),
    }),
    unit: z.object({ id: z.number().int(), code: z.string(), name: z.string(), kind: z.string() }),
    submission: submissionSchema,
    indicators: z.array(formIndicatorSchema),
    tasks: z.array(formTaskSchema),
  })
  .meta({ id: 'ReportForm' });
export type ReportForm = z.infer<typeof reportFormSchema>;

const optionalFigure = z.number().finite().nullable().optional();

/** Saving the form (auto-save or "Save"): figures and task updates with the revisions the form saw. */
export const saveReportFormSchema = z
  .object({
    values: z
      .array(
        z.object({
          indicatorId: z.number().int().positive(),
          numerator: optionalFigure,
          denominator: optionalFigure,
          value: optionalFigure,
          comment: z.string().max(2000).nullable().optional(),
          /** The revision the form last saw (null: none yet). */
          expectedRevision: z.number().int().positive().nullable().optional(),
        }),
      )
      .max(500),
    tasks: z
      .array(
        z.object({
          taskId: z.number().int().positive(),
          status: taskStatusSchema.nullable().optional(),
          percent: z.number().finite().nullable().optional(),
          note: z.string().max(4000).nullable().optional(),
          expectedRevision: z.number().int().positive().nullable().optional(),
        }),
      )
      .max(500)
      .optional(),
    /** false: save what is valid, list the rest (auto-save); true (default): all or nothing. */
    atomic: z.boolean().optional(),
  })
  .meta({ id: 'SaveReportForm' });
export type SaveReportFormInput = z.infer<typeof saveReportFormSchema>;

/** The outcome of saving task updates. */
export const saveTaskUpdatesResultSchema = z.object({
  updated: z.number().int(),
  ignored: z.number().int(),
  conflicts: z.array(
    z.object({
      taskId: z.number().int(),
      path: z.string(),
      code: z.string(),
      message: z.string(),
      current: z
        .object({
          status: taskStatusSchema,
          percent: z.number().nullable(),
          note: z.string().nullable(),
          revision: z.number().int(),
          updatedBy: z.string().nullable(),
          updatedAt: z.string(),
        })
        .optional(),
    }),
  ),
  revisions: z.record(z.string(), z.number().int()),
});
export type SaveTaskUpdatesResult = z.infer<typeof saveTaskUpdatesResultSchema>;

export const saveReportFormResultSchema = z
  .object({
    values: saveDataValuesResultSchema,
    tasks: saveTaskUpdatesResultSchema,
    /** The report's version after the save (send it with the next step). */
    version: z.number().int(),
    savedAt: z.string(),
  })
  .meta({ id: 'SaveReportFormResult' });
export type SaveReportFormResult = z.infer<typeof saveReportFormResultSchema>;
