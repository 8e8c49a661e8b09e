/**
 * Reporting rounds, the report form of a unit in a round, evidence files,
 * and each person's notifications.
 */
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../contracts/common';
import {
  createRoundSchema,
  notificationListSchema,
  roundDetailSchema,
  roundListQuerySchema,
  roundListSchema,
  roundProposalQuerySchema,
  roundProposalSchema,
  roundStatusSchema,
  updateRoundSchema,
} from '../../contracts/round';
import {
  evidenceSchema,
  reportFormSchema,
  saveReportFormResultSchema,
  saveReportFormSchema,
} from '../../contracts/submission';
import { demoJobState, startDemoJob } from '../../jobs/demo.job';
import { emailConfigured } from '../../jobs/reminders.job';
import { deleteEvidence, downloadEvidence, uploadEvidence } from '../../services/data-value-evidence.service';
import { demoStatus } from '../../services/demo.service';
import {
  closeRound,
  createRound,
  getRound,
  getRoundStatus,
  listRounds,
  openRound,
  proposeRound,
  updateRound,
} from '../../services/round.service';
import { listMyNotifications, markMyNotificationsRead } from '../../services/round-notification.service';
import { getReportForm, saveReportForm } from '../../services/submission.service';
import { fileResponse } from '../download';
import { invalidRequest } from '../errors';
import { defineRoute } from '../route';
import { readUploadForm } from '../upload';

const tags = ['rounds'];

const demoStateSchema = z.object({
  hasFigures: z.boolean(),
  demoLoaded: z.boolean(),
  canLoad: z.boolean(),
  job: z.object({
    running: z.boolean(),
    progress: z
      .object({ phase: z.string(), done: z.number(), total: z.number(), message: z.string() })
      .nullable(),
    result: z
      .object({
        rounds: z.number(),
        reports: z.number(),
        values: z.number(),
        taskUpdates: z.number(),
        seconds: z.number(),
      })
      .nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    startedAt: z.string().nullable(),
  }),
});
const roundUnitParams = z.object({ roundId: idSchema, unitId: idSchema });

// a one-page PDF, enough for the content check
const EXAMPLE_PDF =
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

export const roundsRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/rounds',
    summary: 'Các đợt báo cáo / Reporting rounds',
    tags,
    access: 'signed-in',
    scope: { kind: 'list', action: 'figures.read', entity: 'round', unitKind: 'province' },
    query: roundListQuerySchema,
    response: roundListSchema,
    handler: ({ query }, ctx) => listRounds(ctx, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/round-proposals',
    summary: 'Đề xuất nội dung đợt báo cáo mới / What a new round would ask',
    tags,
    access: 'signed-in',
    scope: { kind: 'unit', action: 'rounds.manage', unit: 'query.provinceId', unitKind: 'province' },
    example: { query: { provinceId: '$unit', periodId: '2025' } },
    query: roundProposalQuerySchema,
    response: roundProposalSchema,
    handler: ({ query }, ctx) => proposeRound(ctx, query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rounds',
    summary: 'Tạo đợt báo cáo (bản nháp) / Create a reporting round (draft)',
    tags,
    access: 'signed-in',
    scope: { kind: 'unit', action: 'rounds.manage', unit: 'body.provinceId', unitKind: 'province' },
    example: {
      body: {
        provinceId: '$unit',
        name: 'Báo cáo kết quả chuyển đổi số năm 2025',
        periodId: '2025',
        units: { kinds: ['department', 'commune'] },
        indicators: [],
      },
    },
    body: createRoundSchema,
    status: 201,
    response: roundDetailSchema,
    handler: ({ body }, ctx) => createRound(ctx, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/rounds/:id',
    summary: 'Một đợt báo cáo / One reporting round',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'figures.read', entity: 'round', id: 'params.id', unitKind: 'province' },
    params: idParamsSchema,
    response: roundDetailSchema,
    handler: ({ params }, ctx) => getRound(ctx, params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/rounds/:id',
    summary: 'Sửa đợt báo cáo / Change a reporting round',
    tags,
    access: 'signed-in',
    scope: {
      kind: 'entity',
      action: 'rounds.manage',
      entity: 'round',
      id: 'params.id',
      unitKind: 'province',
    },
    example: { body: { name: 'Báo cáo kết quả chuyển đổi số năm 2025 (điều chỉnh)' } },
    params: idParamsSchema,
    body: updateRoundSchema,
    response: roundDetailSchema,
    handler: ({ params, body }, ctx) => updateRound(ctx, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rounds/:id/open',
    summary: 'Mở đợt báo cáo / Open a round',
    tags,
    access: 'signed-in',
    scope: {
      kind: 'entity',
      action: 'rounds.manage',
      entity: 'round',
      id: 'params.id',
      unitKind: 'province',
    },
    params: idParamsSchema,
    response: roundDetailSchema,
    handler: ({ params }, ctx) => openRound(ctx, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rounds/:id/close',
    summary: 'Đóng đợt báo cáo / Close a round',
    tags,
    access: 'signed-in',
    scope: {
      kind: 'entity',
      action: 'rounds.manage',
      entity: 'openRound',
      id: 'params.id',
      unitKind: 'province',
    },
    params: idParamsSchema,
    response: roundDetailSchema,
    handler: ({ params }, ctx) => closeRound(ctx, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/rounds/:id/status',
    summary: 'Tình hình nộp báo cáo và tổng hợp của tỉnh / Who has reported, and the province totals',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'figures.read', entity: 'round', id: 'params.id', unitKind: 'province' },
    params: idParamsSchema,
    response: roundStatusSchema,
    handler: ({ params }, ctx) => getRoundStatus(ctx, params.id, { emailConfigured: emailConfigured() }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/rounds/:roundId/units/:unitId/form',
    summary: 'Biểu mẫu báo cáo của một đơn vị / The report form of one unit',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'figures.read', entity: 'roundUnit', id: 'params.roundId' },
    params: roundUnitParams,
    response: reportFormSchema,
    handler: ({ params }, ctx) => getReportForm(ctx, params.roundId, params.unitId),
  }),
  defineRoute({
    method: 'put',
    path: '/api/rounds/:roundId/units/:unitId/form',
    summary: 'Lưu biểu mẫu (số liệu và tiến độ nhiệm vụ) / Save the form (figures and task progress)',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'figures.enter', entity: 'roundUnit', id: 'params.roundId' },
    example: { body: { values: [], tasks: [] } },
    params: roundUnitParams,
    body: saveReportFormSchema,
    response: saveReportFormResultSchema,
    handler: ({ params, body }, ctx) => saveReportForm(ctx, params.roundId, params.unitId, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rounds/:roundId/units/:unitId/evidence',
    summary: 'Đính kèm minh chứng (PDF, ảnh, DOCX, XLSX ≤ 10 MB) / Attach evidence',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'figures.enter', entity: 'roundUnit', id: 'params.roundId' },
    example: { form: { file: { fileName: 'bien-ban.pdf', type: 'application/pdf', content: EXAMPLE_PDF } } },
    params: roundUnitParams,
    bodyKind: 'multipart',
    maxBodyBytes: 11 * 1024 * 1024,
    status: 201,
    response: evidenceSchema,
    handler: async ({ params }, ctx, c) => {
      const form = await readUploadForm(c, 'validation.required');
      const fields = z.object({ indicatorId: idSchema.optional(), taskId: idSchema.optional() }).safeParse({
        indicatorId: form.text('indicatorId'),
        taskId: form.text('taskId'),
      });
      if (!fields.success) throw invalidRequest(fields.error.issues, 'form');
      return uploadEvidence(ctx, {
        roundId: params.roundId,
        unitId: params.unitId,
        ...fields.data,
        fileName: form.file.name,
        bytes: await form.bytes(),
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/evidence/:id',
    summary: 'Tải tệp minh chứng / Download an evidence file',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'figures.read', entity: 'evidence', id: 'params.id' },
    params: idParamsSchema,
    produces: 'application/octet-stream',
    handler: async ({ params }, ctx) => {
      const f = await downloadEvidence(ctx, params.id);
      return fileResponse(f.content, { fileName: f.fileName, mediaType: f.mediaType });
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/evidence/:id',
    summary: 'Xóa tệp minh chứng / Remove an evidence file',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'figures.enter', entity: 'evidence', id: 'params.id' },
    params: idParamsSchema,
    status: 204,
    handler: async ({ params }, ctx) => {
      await deleteEvidence(ctx, params.id);
      return {};
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/notifications',
    summary: 'Thông báo của tôi (nhắc hạn, trả lại, duyệt) / My notifications',
    tags,
    access: 'signed-in',
    scope: { kind: 'self' },
    response: notificationListSchema,
    handler: (_input, ctx) => listMyNotifications(ctx),
  }),
  defineRoute({
    method: 'post',
    path: '/api/notifications/read',
    summary: 'Đánh dấu đã đọc / Mark notifications read',
    tags,
    access: 'signed-in',
    scope: { kind: 'self' },
    example: { body: { ids: 'all' } },
    body: z.object({ ids: z.union([z.literal('all'), z.array(z.number().int().positive()).max(500)]) }),
    response: z.object({ marked: z.number().int() }),
    handler: ({ body }, ctx) => markMyNotificationsRead(ctx, body.ids),
  }),
  defineRoute({
    method: 'get',
    path: '/api/demo',
    summary:
      'Dữ liệu minh họa: đã có số liệu chưa, tiến độ nạp / Demo data: figures present, loading progress',
    tags,
    access: 'signed-in',
    scope: { kind: 'self' },
    response: demoStateSchema,
    handler: async (_input, ctx) => ({ ...(await demoStatus(ctx)), job: demoJobState() }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/demo',
    summary: 'Nạp dữ liệu minh họa (chạy nền) / Load the demo data (in the background)',
    tags,
    access: 'signed-in',
    scope: { kind: 'admin' },
    response: demoStateSchema,
    handler: async (_input, ctx) => {
      const job = startDemoJob(ctx);
      return { ...(await demoStatus(ctx)), job };
    },
  }),
];
