/**
 * Reports (one unit in one round) and their workflow steps. A step carries
 * the version the caller saw (`{ version }`): a stale one gets 409.
 */

import { z } from 'zod';
import { idParamsSchema } from '../../contracts/common';
import {
  submissionListQuerySchema,
  submissionListSchema,
  submissionSchema,
  transitionSchema,
} from '../../contracts/submission';
import {
  approveReport,
  decideReports,
  getSubmission,
  listSubmissions,
  recallReport,
  reopenReport,
  returnReport,
  submitReport,
} from '../../services/submission.service';
import { defineRoute } from '../route';

const tags = ['submissions'];

export const submissionsRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/submissions',
    summary: 'Các báo cáo (lọc theo đợt, trạng thái) / Reports, by round and state',
    tags,
    access: 'signed-in',
    scope: { kind: 'list', action: 'figures.read', entity: 'submission' },
    query: submissionListQuerySchema,
    response: submissionListSchema,
    handler: ({ query }, ctx) => listSubmissions(ctx, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/submissions/:id',
    summary: 'Một báo cáo và lịch sử / One report and its history',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'figures.read', entity: 'submission', id: 'params.id' },
    params: idParamsSchema,
    response: submissionSchema,
    handler: ({ params }, ctx) => getSubmission(ctx, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/submissions/:id/submit',
    summary: 'Nộp báo cáo / Submit a report',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'figures.enter', entity: 'submission', id: 'params.id' },
    example: { body: {} },
    params: idParamsSchema,
    body: transitionSchema,
    response: submissionSchema,
    handler: ({ params, body }, ctx) => submitReport(ctx, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/submissions/:id/recall',
    summary: 'Rút lại báo cáo chưa được xử lý / Recall a report not yet decided',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'figures.enter', entity: 'submittedSubmission', id: 'params.id' },
    example: { body: {} },
    params: idParamsSchema,
    body: transitionSchema,
    response: submissionSchema,
    handler: ({ params, body }, ctx) => recallReport(ctx, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/submissions/:id/return',
    summary: 'Trả lại báo cáo kèm ý kiến / Return a report with a comment',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'submissions.approve', entity: 'submittedSubmission', id: 'params.id' },
    example: { body: { comment: 'Đề nghị kiểm tra lại số hồ sơ công việc' } },
    params: idParamsSchema,
    body: transitionSchema,
    response: submissionSchema,
    handler: ({ params, body }, ctx) => returnReport(ctx, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/submissions/:id/approve',
    summary: 'Duyệt báo cáo / Approve a report',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'submissions.approve', entity: 'submittedSubmission', id: 'params.id' },
    example: { body: {} },
    params: idParamsSchema,
    body: transitionSchema,
    response: submissionSchema,
    handler: ({ params, body }, ctx) => approveReport(ctx, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/submissions/:id/reopen',
    summary: 'Mở lại báo cáo đã duyệt (kèm lý do) / Reopen an approved report, with a reason',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'rounds.manage', entity: 'approvedSubmission', id: 'params.id' },
    example: { body: { comment: 'Sở KH&CN phát hiện số liệu trùng, mở lại để điều chỉnh' } },
    params: idParamsSchema,
    body: transitionSchema,
    response: submissionSchema,
    handler: ({ params, body }, ctx) => reopenReport(ctx, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/submissions/decide',
    summary: 'Duyệt hoặc trả lại nhiều báo cáo một lần / Approve or return many reports at once',
    tags,
    access: 'signed-in',
    scope: {
      kind: 'entity',
      action: 'submissions.approve',
      entity: 'submittedSubmission',
      id: 'body.items.0.id',
    },
    example: { body: { action: 'approve', items: [{ id: 1 }] } },
    body: z.object({
      action: z.enum(['approve', 'return']),
      items: z
        .array(
          z.object({
            id: z.number().int().positive(),
            version: z.number().int().positive().optional(),
            comment: z.string().trim().max(4000).optional(),
          }),
        )
        .max(2000),
    }),
    response: z.object({ count: z.number().int(), items: z.array(z.object({ id: z.number().int() })) }),
    handler: async ({ body }, ctx) => {
      const r = await decideReports(ctx, body.action, body.items);
      return { count: r.count, items: body.items.map((i) => ({ id: i.id })) };
    },
  }),
];
