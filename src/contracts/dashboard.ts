/**
 * The dashboards leaders read: a province's overview, one indicator across
 * time, units and the country, a unit's scorecard, the tasks board, and the
 * national comparison. Every figure comes from the maintained roll-ups;
 * every judgement carries its explanation (see contracts/status.ts).
 */
import { z } from 'zod';
import type { UnitIndexScore } from '../domain/index-method/types';
import { idSchema } from './common';
import { unitIndexScoreSchema } from './index-score';
import {
  dashboardProvinceSchema,
  publicationSchema,
  statusMethodSchema,
  targetStatusReportSchema,
  targetStatusSchema,
} from './status';

const textSchema = z.object({ vi: z.string(), en: z.string() });
const year = z.coerce.number().int().min(2000).max(2100);

const countsSchema = z.object({
  met: z.number().int(),
  on_track: z.number().int(),
  at_risk: z.number().int(),
  off_track: z.number().int(),
  no_data: z.number().int(),
});

/** The state of a task on the board; late ones come first. */
export const taskBoardStates = [
  'late',
  'behind',
  'no_report',
  'not_started',
  'in_progress',
  'done',
  'cancelled',
] as const;
export type TaskBoardState = (typeof taskBoardStates)[number];

/** One task as the board shows it: when it is due, what its lead last reported, and whether it is late. */
export const taskBoardItemSchema = z.object({
  taskId: z.number().int(),
  documentId: z.number().int(),
  documentNumber: z.string().nullable(),
  section: z.string(),
  title: z.string(),
  /** The task's own deadline, else the end of its program's first horizon year. */
  due: z.string().nullable(),
  dueSource: z.enum(['task', 'horizon', 'none']),
  state: z.enum(taskBoardStates),
  /** Share of the time from the program's start to the due date already elapsed (0–100). */
  expectedPercent: z.number().nullable(),
  lead: z.object({ unitId: z.number().int().nullable(), code: z.string().nullable(), name: z.string() }),
  reported: z
    .object({
      periodId: z.string(),
      status: z.enum(['not_started', 'in_progress', 'done', 'cancelled']),
      percent: z.number().nullable(),
      note: z.string().nullable(),
      unitId: z.number().int(),
      unitName: z.string(),
    })
    .nullable(),
});
export type TaskBoardItem = z.infer<typeof taskBoardItemSchema>;

const boardCountsSchema = z.record(z.enum(taskBoardStates), z.number().int());
export type TaskBoardCounts = Record<TaskBoardState, number>;

/** `GET /api/provinces/:code/tasks-board`. */
export const tasksBoardSchema = z
  .object({
    province: dashboardProvinceSchema,
    source: z.enum(['live', 'published']),
    asOf: z.string().meta({ description: 'The date lateness is judged on' }),
    /** The last period whose reports are read (published ones only for visitors). */
    upToPeriod: z.string().nullable(),
    canReadLive: z.boolean(),
    isDemo: z.boolean(),
    counts: boardCountsSchema,
    groups: z.array(
      z.object({
        key: z.string(),
        lead: z.object({
          unitId: z.number().int().nullable(),
          code: z.string().nullable(),
          name: z.string(),
        }),
        /** A collective lead as the document writes it ("UBND cấp xã"), not a unit of the province. */
        collective: z.boolean(),
        counts: boardCountsSchema,
        items: z.array(taskBoardItemSchema),
      }),
    ),
    /** Tasks without any lead unit, not asked of anyone. */
    withoutLead: z.array(
      z.object({
        taskId: z.number().int(),
        section: z.string(),
        title: z.string(),
        documentNumber: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'TasksBoard' });
export type TasksBoard = z.infer<typeof tasksBoardSchema>;

/** A point of an index trend. */
export const indexTrendPointSchema = z.object({
  year: z.number().int(),
  total: z.number(),
  maxTotal: z.number(),
  normalized: z.number(),
  rank: z.number().int(),
  peers: z.number().int(),
  coverage: z.number(),
});

/** `GET /api/provinces/:code/overview`. */
export const provinceOverviewSchema = z
  .object({
    status: targetStatusReportSchema,
    pillars: z.array(z.object({ pillar: z.string(), targets: z.number().int(), counts: countsSchema })),
    /** Targets behind, by how much of the way from their baseline is left, the largest first. */
    gaps: z.array(
      z.object({
        targetId: z.number().int(),
        status: targetStatusSchema,
        remaining: z.number().nullable().meta({ description: '1 − achievement' }),
        gap: z.number().nullable(),
      }),
    ),
    tasks: z.object({
      counts: boardCountsSchema,
      late: z.array(taskBoardItemSchema),
      total: z.number().int(),
    }),
    index: z.object({
      method: z
        .object({ code: z.string(), version: z.string(), name: textSchema, provisional: z.boolean() })
        .nullable(),
      trend: z.array(indexTrendPointSchema),
      /** The official DTI rank as reported (indicator GOV.DTI_RANK), by year. */
      officialRank: z.array(z.object({ year: z.number().int(), value: z.number() })),
    }),
    publications: z.array(publicationSchema),
  })
  .meta({ id: 'ProvinceOverview' });
export type ProvinceOverview = z.infer<typeof provinceOverviewSchema>;

export const overviewQuerySchema = z.object({
  year: year.optional(),
  source: z.enum(['live', 'published']).optional(),
  view: z.enum(['approved', 'submitted']).optional(),
});

export const dashboardIndicatorSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  pillar: z.string(),
  kind: z.string(),
  aggregation: z.string(),
  direction: z.string(),
  unitOfMeasure: z.string(),
  unitOfMeasureEn: z.string().nullable(),
  unitKinds: z.array(z.string()),
});
export type DashboardIndicator = z.infer<typeof dashboardIndicatorSchema>;

const pointSchema = z.object({
  periodId: z.string(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  reportingUnits: z.number().int(),
});

/** `GET /api/provinces/:code/indicators/:indicatorCode`. */
export const indicatorViewSchema = z
  .object({
    province: dashboardProvinceSchema,
    indicator: dashboardIndicatorSchema,
    source: z.enum(['live', 'published']),
    canReadLive: z.boolean(),
    isDemo: z.boolean(),
    view: z.enum(['approved', 'submitted']),
    /** At the province: its own figures with those of the provinces merged into it for earlier periods. */
    trend: z.array(pointSchema),
    targets: z.array(
      z.object({
        targetId: z.number().int(),
        year: z.number().int(),
        yearAssumed: z.boolean(),
        level: z.string().nullable(),
        comparator: z.string(),
        value: z.number(),
        valueMax: z.number().nullable(),
        status: targetStatusSchema,
        method: statusMethodSchema,
        documentNumber: z.string().nullable(),
        /** The series the target is judged on (the level's rate for a level target). */
        series: z.array(z.object({ periodId: z.string(), value: z.number() })),
        judgedOn: z.enum(['value', 'rate', 'share']),
        /** From the last value to the value projected for the target year by the target's method. */
        projection: z
          .object({ fromYear: z.number(), fromValue: z.number(), year: z.number(), value: z.number() })
          .nullable(),
      }),
    ),
    periods: z.array(z.string()),
    period: z.string().nullable(),
    units: z.object({
      kind: z.string().nullable(),
      items: z.array(
        z.object({
          unitId: z.number().int(),
          code: z.string(),
          name: z.string(),
          kind: z.string(),
          value: z.number().nullable(),
          numerator: z.number().nullable(),
          denominator: z.number().nullable(),
          reportingUnits: z.number().int(),
        }),
      ),
    }),
    national: z.object({
      layout: z.enum(['34', '63']),
      items: z.array(
        z.object({ code: z.string(), name: z.string(), value: z.number().nullable(), visible: z.boolean() }),
      ),
    }),
  })
  .meta({ id: 'IndicatorView' });
export type IndicatorView = z.infer<typeof indicatorViewSchema>;

export const indicatorViewParamsSchema = z.object({
  code: z.string().regex(/^\d{2}$/, { message: 'validation.invalid_format' }),
  indicatorCode: z.string().regex(/^[A-Z0-9][A-Z0-9._-]*$/, { message: 'validation.invalid_format' }),
});
export const indicatorViewQuerySchema = z.object({
  period: z
    .string()
    .regex(/^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/, { message: 'validation.invalid_format' })
    .optional(),
  periodKind: z.enum(['year', 'quarter', 'month']).optional(),
  unitKind: z.enum(['department', 'agency', 'district', 'commune']).optional(),
  view: z.enum(['approved', 'submitted']).optional(),
});

/** `GET /api/national/comparison`: provinces ranked on an indicator. */
export const nationalComparisonSchema = z
  .object({
    indicator: dashboardIndicatorSchema,
    period: z.string().nullable(),
    periods: z.array(z.string()),
    layout: z.enum(['34', '63']),
    items: z.array(
      z.object({
        province: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
        visible: z.boolean(),
        value: z.number().nullable(),
        numerator: z.number().nullable(),
        denominator: z.number().nullable(),
        rank: z.number().int().nullable(),
        isDemo: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'NationalComparison' });
export type NationalComparison = z.infer<typeof nationalComparisonSchema>;

export const nationalComparisonQuerySchema = z.object({
  indicator: z.string().regex(/^[A-Z0-9][A-Z0-9._-]*$/, { message: 'validation.invalid_format' }),
  period: z
    .string()
    .regex(/^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/, { message: 'validation.invalid_format' })
    .optional(),
});

/** `GET /api/units/:id/scorecard`. */
export const unitScorecardSchema = z
  .object({
    unit: z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      validFrom: z.string().nullable(),
      validTo: z.string().nullable(),
      parent: z.object({ id: z.number().int(), name: z.string() }).nullable(),
      province: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
    }),
    year: z.number().int(),
    years: z.array(z.number().int()),
    source: z.enum(['live', 'published']),
    canReadLive: z.boolean(),
    isDemo: z.boolean(),
    figures: z.array(
      z.object({
        indicator: dashboardIndicatorSchema,
        value: z.number().nullable(),
        numerator: z.number().nullable(),
        denominator: z.number().nullable(),
        previous: z.object({ periodId: z.string(), value: z.number() }).nullable(),
        /** The province's value, for comparison. */
        provinceValue: z.number().nullable(),
        /** The province's target for this unit's level on the indicator, and whether the unit meets it alone. */
        target: z
          .object({
            targetId: z.number().int(),
            comparator: z.string(),
            value: z.number(),
            valueMax: z.number().nullable(),
            year: z.number().int(),
            level: z.string().nullable(),
            meets: z.boolean().nullable(),
            gap: z.number().nullable(),
          })
          .nullable(),
      }),
    ),
    index: unitIndexScoreSchema.nullable(),
    indexMethod: z
      .object({ id: z.number().int(), code: z.string(), version: z.string(), name: textSchema })
      .nullable(),
    tasks: z.array(taskBoardItemSchema),
  })
  .meta({ id: 'UnitScorecard' });
export type UnitScorecard = Omit<z.infer<typeof unitScorecardSchema>, 'index'> & {
  index: UnitIndexScore | null;
};

export const scorecardQuerySchema = z.object({ year: year.optional() });
export const unitIdParamsSchema = z.object({ id: idSchema });
