/**
 * The coordinator's review of a document's proposed program: targets and
 * tasks as read, and the edits, confirmations and rejections made on them.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';
import { comparators, targetLevels, targetUnits } from './document-read';

export const reviewStates = ['proposed', 'confirmed', 'rejected'] as const;
export const reviewStateSchema = z.enum(reviewStates);
export type ReviewStateName = z.infer<typeof reviewStateSchema>;

const spanSchema = z.tuple([z.number().int(), z.number().int()]).meta({
  description: '[start, end) offsets in the document text (JavaScript string indices)',
});

export const indicatorRefSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  pillar: z.string(),
});
export type IndicatorRef = z.infer<typeof indicatorRefSchema>;

/** A target of a document, proposed or reviewed. */
export const targetSchema = z
  .object({
    id: z.number().int(),
    documentId: z.number().int(),
    sectionId: z.number().int().nullable(),
    indicator: indicatorRefSchema.nullable(),
    indicatorConfidence: z.number().nullable(),
    year: z.number().int().nullable(),
    level: z.enum(targetLevels).nullable(),
    comparator: z.enum(comparators),
    value: z.number(),
    valueMax: z.number().nullable(),
    unit: z.enum(targetUnits),
    unitLabel: z.string().nullable(),
    quote: z.string(),
    span: spanSchema,
    origin: z.enum(['reader', 'manual']),
    reviewState: reviewStateSchema,
    reviewedAt: z.string().nullable(),
    note: z.string().nullable(),
    /** Set when the item was kept from an earlier version of the document. */
    carriedFromId: z.number().int().nullable(),
  })
  .meta({ id: 'Target' });
export type Target = z.infer<typeof targetSchema>;

export const taskUnitRefSchema = z.object({ unitId: z.number().int(), name: z.string(), code: z.string() });

/** A task (or task group) of a document. */
export const taskSchema = z
  .object({
    id: z.number().int(),
    documentId: z.number().int(),
    parentId: z.number().int().nullable(),
    section: z.string().meta({ description: 'Section number as the document writes it, e.g. "II.5.1"' }),
    title: z.string(),
    text: z.string(),
    span: spanSchema,
    deadline: z.string().nullable(),
    deadlineText: z.string().nullable(),
    tags: z.array(z.string()),
    origin: z.enum(['reader', 'manual']),
    reviewState: reviewStateSchema,
    reviewedAt: z.string().nullable(),
    leads: z.array(taskUnitRefSchema),
    cooperating: z.array(taskUnitRefSchema),
    /** Units named in the text that are not units of the province, kept as written. */
    unresolvedLeads: z.array(z.string()),
    unresolvedCooperating: z.array(z.string()),
    carriedFromId: z.number().int().nullable(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof taskSchema>;

export const itemStateQuerySchema = z.object({
  state: z
    .union([reviewStateSchema, z.literal('all')])
    .optional()
    .meta({
      description: 'confirmed (default for the public), proposed, rejected or all',
    }),
});

export const targetListSchema = z.object({ items: z.array(targetSchema) }).meta({ id: 'TargetList' });
export const taskListSchema = z.object({ items: z.array(taskSchema) }).meta({ id: 'TaskList' });

/** `GET /api/targets` / `GET /api/tasks`: the confirmed program of a province or a document. */
export const programQuerySchema = z.object({
  provinceId: idSchema.optional(),
  documentId: idSchema.optional(),
});

const targetFields = {
  year: z.number().int().min(2000).max(2100).nullable(),
  level: z.enum(targetLevels).nullable(),
  comparator: z.enum(comparators),
  value: z.number().finite(),
  valueMax: z.number().finite().nullable(),
  unit: z.enum(targetUnits),
  unitLabel: z.string().trim().max(60).nullable(),
  /** The indicator by id, or by catalog code. */
  indicatorId: idSchema.nullable(),
  indicatorCode: z.string().trim().min(1).max(60),
  note: z.string().trim().max(2000).nullable(),
};

/** `PATCH /api/targets/:id`: any of the fields; `confirm` also confirms it. */
export const targetPatchSchema = z
  .object({ ...targetFields, confirm: z.boolean() })
  .partial()
  .meta({ id: 'TargetPatch' });
export type TargetPatchInput = z.infer<typeof targetPatchSchema>;

/** `POST /api/documents/:id/targets`: a target the reader missed, from a selection of the text. */
export const targetCreateSchema = z
  .object({
    span: spanSchema,
    year: targetFields.year,
    level: targetFields.level,
    comparator: targetFields.comparator,
    value: targetFields.value,
    valueMax: targetFields.valueMax.optional(),
    unit: targetFields.unit,
    unitLabel: targetFields.unitLabel.optional(),
    indicatorId: targetFields.indicatorId.optional(),
    indicatorCode: targetFields.indicatorCode.optional(),
    note: targetFields.note.optional(),
  })
  .meta({ id: 'TargetCreate' });
export type TargetCreateInput = z.infer<typeof targetCreateSchema>;

/** `POST …/reject`: why (optional). */
export const rejectSchema = z.object({ note: z.string().trim().max(2000).optional() }).meta({ id: 'Reject' });

/** `PATCH /api/tasks/:id`. */
export const taskPatchSchema = z
  .object({
    section: z.string().trim().min(1).max(40),
    title: z.string().trim().min(1).max(1000),
    deadline: isoDateSchema.nullable(),
    leadUnitIds: z.array(idSchema).max(50),
    cooperatingUnitIds: z.array(idSchema).max(50),
    /** Collective or outside units kept as written ("Ủy ban nhân dân cấp xã"). */
    unresolvedLeads: z.array(z.string().trim().min(1).max(200)).max(20),
    unresolvedCooperating: z.array(z.string().trim().min(1).max(200)).max(20),
    tags: z.array(z.string().trim().min(1).max(40)).max(20),
    confirm: z.boolean(),
  })
  .partial()
  .meta({ id: 'TaskPatch' });
export type TaskPatchInput = z.infer<typeof taskPatchSchema>;

/** `POST /api/documents/:id/tasks`: a task the reader missed, from a selection of the text. */
export const taskCreateSchema = z
  .object({
    span: spanSchema,
    section: z.string().trim().min(1).max(40),
    title: z.string().trim().min(1).max(1000).optional(),
    deadline: isoDateSchema.nullable().optional(),
    leadUnitIds: z.array(idSchema).max(50).optional(),
    cooperatingUnitIds: z.array(idSchema).max(50).optional(),
    unresolvedLeads: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  })
  .meta({ id: 'TaskCreate' });
export type TaskCreateInput = z.infer<typeof taskCreateSchema>;
