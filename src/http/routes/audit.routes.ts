import { auditListSchema, auditQuerySchema, auditVerificationSchema } from '../../contracts/audit';
import { listAudit, verifyAuditChain } from '../../services/audit.service';
import { defineRoute } from '../route';

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/audit',
    summary: 'Nhật ký thay đổi / The audit trail, newest first, filtered by person, unit, kind and time',
    tags: ['audit'],
    access: 'signed-in',
    scope: { kind: 'list', action: 'audit.read', entity: 'auditEntry' },
    query: auditQuerySchema,
    response: auditListSchema,
    handler: async ({ query }, ctx) => listAudit(ctx, query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/audit/verify',
    summary: 'Kiểm tra chuỗi nhật ký / Verify the audit hash chain (names the first tampered entry)',
    tags: ['audit'],
    access: 'signed-in',
    scope: { kind: 'admin' },
    response: auditVerificationSchema,
    handler: async (_input, ctx) => verifyAuditChain(ctx),
  }),
];
