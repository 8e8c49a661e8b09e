/**
 * Program documents, their proposed and confirmed programs, the review, and
 * the comparison of two programs.
 */
import { z } from 'zod';
import { idParamsSchema } from '../../contracts/common';
import {
  compareQuerySchema,
  comparisonSchema,
  coverageQuerySchema,
  coverageSchema,
} from '../../contracts/compare';
import {
  documentDetailSchema,
  documentImportResultSchema,
  documentListQuerySchema,
  documentListSchema,
  documentUnitsSchema,
  documentUploadFieldsSchema,
} from '../../contracts/document';
import {
  itemStateQuerySchema,
  programQuerySchema,
  rejectSchema,
  targetCreateSchema,
  targetListSchema,
  targetPatchSchema,
  targetSchema,
  taskCreateSchema,
  taskListSchema,
  taskPatchSchema,
  taskSchema,
} from '../../contracts/review';
import { checkTemplateCoverage, compareDocuments } from '../../services/compare.service';
import { getDocument, importDocument, listDocuments } from '../../services/document.service';
import { listDocumentUnits } from '../../services/document-units.service';
import {
  addTarget,
  addTask,
  confirmProposals,
  confirmTarget,
  confirmTask,
  listConfirmedTargets,
  listConfirmedTasks,
  listDocumentTargets,
  listDocumentTasks,
  rejectTarget,
  rejectTask,
  reopenTarget,
  reopenTask,
  updateTarget,
  updateTask,
} from '../../services/review.service';
import { invalidRequest } from '../errors';
import { defineRoute } from '../route';
import { readUploadForm } from '../upload';

const tags = ['documents'];
const reviewTags = ['review'];

const manageDocument = {
  kind: 'entity',
  action: 'program.manage',
  entity: 'document',
  id: 'params.id',
  unitKind: 'province',
} as const;
const manageTarget = {
  kind: 'entity',
  action: 'program.manage',
  entity: 'target',
  id: 'params.id',
  unitKind: 'province',
} as const;
const manageTask = {
  kind: 'entity',
  action: 'program.manage',
  entity: 'task',
  id: 'params.id',
  unitKind: 'province',
} as const;

// a small plan, enough for the reader to find a document in it
const EXAMPLE_PLAN = [
  'KẾ HOẠCH',
  'Chuyển đổi số tỉnh đến năm 2025',
  '',
  'I. MỤC TIÊU',
  '- Đến năm 2025, 90% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng.',
  '',
  'II. NHIỆM VỤ',
  '1. Phát triển hạ tầng số: Sở Thông tin và Truyền thông chủ trì.',
].join('\n');

export const documentRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/documents',
    summary: 'Danh sách văn bản chương trình / Program documents',
    tags,
    access: 'public',
    query: documentListQuerySchema,
    response: documentListSchema,
    handler: ({ query }, ctx) => listDocuments(ctx, query),
  }),
  defineRoute({
    method: 'post',
    path: '/api/documents',
    summary: 'Tải lên văn bản (TXT/MD, DOCX, PDF) / Upload a document',
    tags,
    access: 'signed-in',
    scope: { kind: 'unit', action: 'program.manage', unit: 'form.provinceId', unitKind: 'province' },
    example: {
      form: {
        provinceId: '$unit',
        kind: 'plan',
        file: { fileName: 'ke-hoach-cds.txt', type: 'text/plain', content: EXAMPLE_PLAN },
      },
    },
    bodyKind: 'multipart',
    status: 201,
    response: documentImportResultSchema,
    handler: async (_input, ctx, c) => {
      const form = await readUploadForm(c, 'document.file_required');
      const fields = documentUploadFieldsSchema.safeParse({
        province: form.text('province'),
        provinceId: form.text('provinceId'),
        kind: form.text('kind'),
        supersedesId: form.text('supersedesId'),
      });
      if (!fields.success) throw invalidRequest(fields.error.issues, 'form');
      return importDocument(ctx, {
        bytes: await form.bytes(),
        fileName: form.file.name || 'document',
        ...fields.data,
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents/:id',
    summary: 'Một văn bản: nội dung, mục, liên kết / One document with its sections and links',
    tags,
    access: 'public',
    params: idParamsSchema,
    response: documentDetailSchema,
    handler: ({ params }, ctx) => getDocument(ctx, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents/:id/targets',
    summary: 'Chỉ tiêu của văn bản / Targets of a document (confirmed unless a reviewer asks for more)',
    tags,
    access: 'public',
    params: idParamsSchema,
    query: itemStateQuerySchema,
    response: targetListSchema,
    handler: ({ params, query }, ctx) => listDocumentTargets(ctx, params.id, query.state),
  }),
  defineRoute({
    method: 'post',
    path: '/api/documents/:id/targets',
    summary: 'Thêm chỉ tiêu bị bỏ sót từ đoạn văn đã chọn / Add a missed target from a selection',
    tags: reviewTags,
    access: 'signed-in',
    scope: manageDocument,
    example: {
      body: { span: [0, 20], year: 2025, level: 'province', comparator: '>=', value: 90, unit: 'percent' },
    },
    params: idParamsSchema,
    body: targetCreateSchema,
    status: 201,
    response: targetSchema,
    handler: ({ params, body }, ctx) => addTarget(ctx, params.id, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents/:id/tasks',
    summary: 'Nhiệm vụ của văn bản / Tasks of a document',
    tags,
    access: 'public',
    params: idParamsSchema,
    query: itemStateQuerySchema,
    response: taskListSchema,
    handler: ({ params, query }, ctx) => listDocumentTasks(ctx, params.id, query.state),
  }),
  defineRoute({
    method: 'post',
    path: '/api/documents/:id/tasks',
    summary: 'Thêm nhiệm vụ bị bỏ sót / Add a missed task from a selection',
    tags: reviewTags,
    access: 'signed-in',
    scope: manageDocument,
    example: { body: { span: [0, 20], section: 'II.1', title: 'Phát triển hạ tầng số' } },
    params: idParamsSchema,
    body: taskCreateSchema,
    status: 201,
    response: taskSchema,
    handler: ({ params, body }, ctx) => addTask(ctx, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/documents/:id/confirm-proposals',
    summary:
      'Xác nhận một lần các đề xuất đủ tin cậy / Confirm at once the proposals read with enough confidence',
    tags: reviewTags,
    access: 'signed-in',
    scope: manageDocument,
    example: { body: { tasks: true, minConfidence: 0.8 } },
    params: idParamsSchema,
    body: z
      .object({
        tasks: z.boolean().default(false),
        minConfidence: z.number().min(0).max(1).default(0.8),
      })
      .meta({ id: 'ConfirmProposals' }),
    response: z.object({
      targets: z.number().int(),
      tasks: z.number().int(),
      targetsLeft: z.number().int(),
    }),
    handler: ({ params, body }, ctx) => confirmProposals(ctx, params.id, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents/:id/units',
    summary: 'Đơn vị có thể chủ trì, phối hợp / Units a task of the document may name',
    tags: reviewTags,
    access: 'public',
    params: idParamsSchema,
    response: documentUnitsSchema,
    handler: ({ params }, ctx) => listDocumentUnits(ctx, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents/:id/coverage',
    summary: 'Đối chiếu với nghị quyết mẫu / What a program lacks against the template',
    tags,
    access: 'public',
    params: idParamsSchema,
    query: coverageQuerySchema,
    response: coverageSchema,
    handler: ({ params, query }, ctx) => checkTemplateCoverage(ctx, params.id, query.template),
  }),
  defineRoute({
    method: 'get',
    path: '/api/compare',
    summary: 'So sánh hai chương trình / Where two programs disagree',
    tags,
    access: 'public',
    query: compareQuerySchema,
    response: comparisonSchema,
    handler: ({ query }, ctx) => compareDocuments(ctx, query.a, query.b),
  }),

  // the confirmed program, for reporting and dashboards
  defineRoute({
    method: 'get',
    path: '/api/targets',
    summary: 'Chỉ tiêu đã xác nhận của tỉnh hoặc văn bản / Confirmed targets of a province or document',
    tags,
    access: 'public',
    query: programQuerySchema,
    response: targetListSchema,
    handler: async ({ query }, ctx) => ({ items: await listConfirmedTargets(ctx, query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/tasks',
    summary: 'Nhiệm vụ đã xác nhận của tỉnh hoặc văn bản / Confirmed tasks of a province or document',
    tags,
    access: 'public',
    query: programQuerySchema,
    response: taskListSchema,
    handler: async ({ query }, ctx) => ({ items: await listConfirmedTasks(ctx, query) }),
  }),

  // review of one target
  defineRoute({
    method: 'patch',
    path: '/api/targets/:id',
    summary: 'Sửa chỉ tiêu (năm, cấp, so sánh, giá trị, đơn vị, chỉ số) / Edit a target',
    tags: reviewTags,
    access: 'signed-in',
    scope: manageTarget,
    example: { body: { value: 95, comparator: '>=' } },
    params: idParamsSchema,
    body: targetPatchSchema,
    response: targetSchema,
    handler: ({ params, body }, ctx) => updateTarget(ctx, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/targets/:id/confirm',
    summary: 'Xác nhận chỉ tiêu / Confirm a target',
    tags: reviewTags,
    access: 'signed-in',
    scope: manageTarget,
    params: idParamsSchema,
    response: targetSchema,
    handler: ({ params }, ctx) => confirmTarget(ctx, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/targets/:id/reject',
    summary: 'Loại chỉ tiêu; thân JSON { note } tùy chọn / Reject a target; optional JSON body { note }',
    tags: reviewTags,
    access: 'signed-in',
    scope: manageTarget,
    params: idParamsSchema,
    response: targetSchema,
    handler: async ({ params }, ctx, c) => {
      // the reason is optional: a bare POST rejects
      let note: string | undefined;
      if ((c.req.header('content-type') ?? '').includes('application/json')) {
        const parsed = rejectSchema.safeParse(await c.req.json().catch(() => ({})));
        if (!parsed.success) throw invalidRequest(parsed.error.issues, 'body');
        note = parsed.data.note;
      }
      return rejectTarget(ctx, params.id, note);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/targets/:id/reopen',
    summary: 'Đưa chỉ tiêu về trạng thái đề xuất / Reopen a target',
    tags: reviewTags,
    access: 'signed-in',
    scope: manageTarget,
    params: idParamsSchema,
    response: targetSchema,
    handler: ({ params }, ctx) => reopenTarget(ctx, params.id),
  }),

  // review of one task
  defineRoute({
    method: 'patch',
    path: '/api/tasks/:id',
    summary: 'Sửa nhiệm vụ (mục, tiêu đề, thời hạn, đơn vị chủ trì, phối hợp) / Edit a task',
    tags: reviewTags,
    access: 'signed-in',
    scope: manageTask,
    example: { body: { title: 'Phát triển hạ tầng số', deadline: '2025-12-31' } },
    params: idParamsSchema,
    body: taskPatchSchema,
    response: taskSchema,
    handler: ({ params, body }, ctx) => updateTask(ctx, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/tasks/:id/confirm',
    summary: 'Xác nhận nhiệm vụ / Confirm a task',
    tags: reviewTags,
    access: 'signed-in',
    scope: manageTask,
    params: idParamsSchema,
    response: taskSchema,
    handler: ({ params }, ctx) => confirmTask(ctx, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/tasks/:id/reject',
    summary: 'Loại nhiệm vụ / Reject a task',
    tags: reviewTags,
    access: 'signed-in',
    scope: manageTask,
    params: idParamsSchema,
    response: taskSchema,
    handler: ({ params }, ctx) => rejectTask(ctx, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/tasks/:id/reopen',
    summary: 'Đưa nhiệm vụ về trạng thái đề xuất / Reopen a task',
    tags: reviewTags,
    access: 'signed-in',
    scope: manageTask,
    params: idParamsSchema,
    response: taskSchema,
    handler: ({ params }, ctx) => reopenTask(ctx, params.id),
  }),
];
