import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../contracts/common';
import {
  indexAdjustmentSchema,
  indexInputBodySchema,
  indexInputListSchema,
  indexInputsQuerySchema,
  indexMethodListQuerySchema,
  indexMethodListSchema,
  indexMethodRowSchema,
  indexScoresQuerySchema,
  indexScoresReportSchema,
  nationalIndexQuerySchema,
  nationalIndexReportSchema,
  newIndexMethodSchema,
} from '../../contracts/index-score';
import { provinceCodeParamsSchema, provinceIdParamsSchema } from '../../contracts/status';
import {
  adjustIndexScore,
  attachIndexEvidenceFile,
  createIndexMethodVersion,
  downloadIndexEvidence,
  getIndexInputs,
  getIndexMethod,
  getNationalIndex,
  getUnitIndexScores,
  listIndexMethods,
  removeIndexEvidence,
  saveIndexInput,
} from '../../services/index-score.service';
import { fileResponse } from '../download';
import { invalidRequest } from '../errors';
import { defineRoute } from '../route';
import { readUploadForm } from '../upload';

const tags = ['index'];
const EXAMPLE_PDF = '%PDF-1.4\n% Quyết định công nhận sáng kiến\n';

/** Index methods (versions), scores with drill-down, manual items with evidence, adjustments. */
export const indexRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/index-methods',
    summary: 'Các phương pháp chỉ số và phiên bản / Index methods and their versions',
    tags,
    access: 'public',
    query: indexMethodListQuerySchema,
    response: indexMethodListSchema,
    handler: ({ query }, ctx) => listIndexMethods(ctx, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/index-methods/:id',
    summary: 'Một phiên bản phương pháp chỉ số / One version of an index method',
    tags,
    access: 'public',
    example: { params: { id: 1 } },
    params: idParamsSchema,
    response: indexMethodRowSchema,
    handler: ({ params }, ctx) => getIndexMethod(ctx, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/provinces/:id/index-methods',
    summary:
      'Phiên bản mới của bộ chỉ số đánh giá sở, ngành và xã của tỉnh / A new version of the province’s unit method',
    tags,
    access: 'signed-in',
    scope: { kind: 'unit', action: 'program.manage', unit: 'params.id', unitKind: 'province' },
    example: {
      body: {
        method: {
          code: 'UNIT_DX',
          version: '2030.1',
          name: { vi: 'Bộ chỉ số chuyển đổi số của sở, ngành và xã', en: 'Unit DX index' },
          validFrom: 2030,
          validTo: null,
          subjectKinds: ['department', 'commune'],
          maxPoints: 100,
          pillars: [
            {
              code: 'UNIT.LEADERSHIP',
              name: { vi: 'Nhận thức và chỉ đạo', en: 'Awareness and leadership' },
              maxPoints: 100,
              scored: true,
              mainIndicators: [
                {
                  code: 'UNIT.LD1',
                  name: { vi: 'Kế hoạch và đầu mối', en: 'Plan and focal point' },
                  maxPoints: 100,
                  subIndicators: [
                    {
                      code: 'UNIT.LD1.1',
                      name: { vi: 'Kế hoạch chuyển đổi số năm được ban hành', en: 'Annual DX plan issued' },
                      maxPoints: 100,
                      rule: { kind: 'boolean' },
                      source: {
                        kind: 'manual',
                        hint: { vi: 'Số, ngày kế hoạch', en: 'Number and date of the plan' },
                      },
                    },
                  ],
                },
              ],
            },
          ],
        },
        note: 'Điều chỉnh trọng số theo kế hoạch năm 2030',
      },
    },
    params: provinceIdParamsSchema,
    body: newIndexMethodSchema,
    status: 201,
    response: indexMethodRowSchema,
    handler: ({ params, body }, ctx) =>
      createIndexMethodVersion(ctx, params.id, { method: body.method, note: body.note ?? null }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/provinces/:code/index-scores',
    summary:
      'Điểm chỉ số của sở, ngành và xã, xếp hạng trong nhóm / Unit index scores ranked among peers, with drill-down',
    tags,
    access: 'public',
    example: { params: { code: '40' }, query: { year: 2025 } },
    params: provinceCodeParamsSchema,
    query: indexScoresQuerySchema,
    response: indexScoresReportSchema,
    handler: ({ params, query }, ctx) => getUnitIndexScores(ctx, params.code, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/national/index',
    summary: 'Xếp hạng các tỉnh theo chỉ số DTI / Provinces ranked on the DTI',
    tags,
    access: 'public',
    example: { query: { year: 2024 } },
    query: nationalIndexQuerySchema,
    response: nationalIndexReportSchema,
    handler: ({ query }, ctx) => getNationalIndex(ctx, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/index-inputs',
    summary: 'Các tiêu chí nhập tay của một đơn vị / A unit’s manual index items',
    tags,
    access: 'signed-in',
    scope: { kind: 'unit', action: 'figures.read', unit: 'query.unitId' },
    example: { query: { methodCode: 'UNIT_DX', unitId: '$unit', year: 2025 } },
    query: indexInputsQuerySchema,
    response: indexInputListSchema,
    handler: ({ query }, ctx) => getIndexInputs(ctx, query),
  }),
  defineRoute({
    method: 'put',
    path: '/api/index-inputs',
    summary: 'Nhập giá trị tiêu chí kèm minh chứng / Enter a manual item with evidence',
    tags,
    access: 'signed-in',
    scope: { kind: 'unit', action: 'figures.enter', unit: 'body.unitId' },
    example: {
      body: {
        methodCode: 'UNIT_DX',
        unitId: '$unit',
        year: 2025,
        subIndicator: 'UNIT.LD1.1',
        value: true,
        evidenceUrl: 'https://example.gov.vn/ke-hoach-chuyen-doi-so-2025.pdf',
      },
    },
    body: indexInputBodySchema,
    response: z.object({ id: z.number().int() }),
    handler: ({ body }, ctx) => saveIndexInput(ctx, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/index-inputs/evidence',
    summary: 'Đính kèm tệp minh chứng cho tiêu chí (PDF, ảnh, DOCX, XLSX ≤ 10 MB) / Attach an evidence file',
    tags,
    access: 'signed-in',
    scope: { kind: 'unit', action: 'figures.enter', unit: 'form.unitId' },
    example: {
      form: {
        methodCode: 'UNIT_DX',
        unitId: '$unit',
        year: '2025',
        subIndicator: 'UNIT.LD1.1',
        value: 'true',
        file: { fileName: 'ke-hoach.pdf', type: 'application/pdf', content: EXAMPLE_PDF },
      },
    },
    bodyKind: 'multipart',
    maxBodyBytes: 11 * 1024 * 1024,
    status: 201,
    response: z.object({ id: z.number().int(), inputId: z.number().int() }),
    handler: async (_input, ctx, c) => {
      const { file, text, bytes } = await readUploadForm(c, 'validation.required');
      const fields = z
        .object({
          methodCode: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'validation.invalid_format' }),
          unitId: idSchema,
          year: z.coerce.number().int().min(2000).max(2100),
          subIndicator: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'validation.invalid_format' }),
          value: z
            .string()
            .optional()
            .transform((v) =>
              v === undefined ? undefined : v === 'true' ? true : v === 'false' ? false : Number(v),
            )
            .refine((v) => v === undefined || typeof v === 'boolean' || Number.isFinite(v), {
              message: 'index.value_number',
            }),
        })
        .safeParse({
          methodCode: text('methodCode'),
          unitId: text('unitId'),
          year: text('year'),
          subIndicator: text('subIndicator'),
          value: text('value'),
        });
      if (!fields.success) throw invalidRequest(fields.error.issues, 'form');
      return attachIndexEvidenceFile(ctx, {
        ...fields.data,
        ...(fields.data.value === undefined ? {} : { value: fields.data.value }),
        fileName: file.name,
        bytes: await bytes(),
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/index-evidence/:id',
    summary: 'Tải minh chứng của tiêu chí / Download an index item’s evidence',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'figures.read', entity: 'indexEvidence', id: 'params.id' },
    params: idParamsSchema,
    produces: 'application/octet-stream',
    handler: async ({ params }, ctx) => {
      const f = await downloadIndexEvidence(ctx, params.id);
      if ('url' in f) return Response.redirect(f.url, 302);
      return fileResponse(f.content, { fileName: f.fileName, mediaType: f.mediaType });
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/index-evidence/:id',
    summary: 'Xóa minh chứng của tiêu chí / Remove an index item’s evidence',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'figures.enter', entity: 'indexEvidence', id: 'params.id' },
    params: idParamsSchema,
    status: 204,
    handler: async ({ params }, ctx) => {
      await removeIndexEvidence(ctx, params.id);
      return new Response(null, { status: 204 });
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/index-adjustments',
    summary:
      'Điều chỉnh điểm một tiêu chí, nêu lý do (null: bỏ điều chỉnh) / Adjust a sub-indicator’s points with a reason',
    tags,
    access: 'signed-in',
    scope: { kind: 'unit', action: 'program.manage', unit: 'body.unitId' },
    example: {
      body: {
        methodCode: 'UNIT_DX',
        unitId: '$unit',
        year: 2025,
        subIndicator: 'UNIT.LD2.1',
        points: 40,
        reason: 'Nộp báo cáo ngày 25/11/2025, trước hạn',
      },
    },
    body: indexAdjustmentSchema,
    response: z.object({ removed: z.boolean() }),
    handler: ({ body }, ctx) => adjustIndexScore(ctx, body),
  }),
];
