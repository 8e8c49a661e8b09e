/**
 * The audit trail as the audit page and the API show it.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';

export const auditQuerySchema = z.object({
  /** A person's id. */
  actorUserId: idSchema.optional(),
  /** Text found in the actor's label (name, e-mail, token). */
  actor: z.string().trim().max(200).optional(),
  /** Entries of this unit and every unit below it. */
  unitId: idSchema.optional(),
  /** An action (`user.create`) or its area (`user`). */
  action: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z_]+(\.[a-z_]+)*$/, { message: 'validation.invalid_format' })
    .optional(),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  /** From this day (Vietnam time), inclusive. */
  from: isoDateSchema.optional(),
  /** To this day (Vietnam time), inclusive. */
  to: isoDateSchema.optional(),
  /** Entries before this sequence number (the next page). */
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    seq: z.number().int(),
    at: z.string(),
    actorUserId: z.number().int().nullable(),
    actorLabel: z.string(),
    actorIp: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    unitId: z.number().int().nullable(),
    unitName: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditListSchema = z.object({
  items: z.array(auditEntrySchema),
  /** Pass as `beforeSeq` for the next page; null at the end. */
  nextBeforeSeq: z.number().int().nullable(),
});
export type AuditList = z.infer<typeof auditListSchema>;

export const auditProblemKinds = ['edited', 'deleted', 'reordered', 'inserted'] as const;

export const auditVerificationSchema = z
  .object({
    ok: z.boolean(),
    /** Entries checked. */
    checked: z.number().int(),
    /** The last sequence number the chain head records. */
    headSeq: z.number().int(),
    problem: z
      .object({
        kind: z.enum(auditProblemKinds),
        /** The position in the chain where the problem is. */
        seq: z.number().int(),
        /** The row (audit_event.id) named, when it still exists. */
        id: z.number().int().nullable(),
        message: z.string(),
        /** The values in the message, to say it in another language (`audit.chain.<kind>`). */
        params: z.record(z.string(), z.union([z.string(), z.number()])),
      })
      .nullable(),
  })
  .meta({ id: 'AuditVerification' });
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
