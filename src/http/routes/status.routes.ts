import {
  provinceCodeParamsSchema,
  provinceIdParamsSchema,
  provinceStatusSettingSchema,
  publicationListSchema,
  publicationSchema,
  publishBodySchema,
  statusSettingsSchema,
  targetIdParamsSchema,
  targetStatusQuerySchema,
  targetStatusReportSchema,
  targetStatusSettingSchema,
} from '../../contracts/status';
import { publishProvinceResults } from '../../services/dashboard.service';
import {
  getPublications,
  getStatusSettings,
  getTargetStatuses,
  setProvinceStatusMethod,
  setTargetStatusSetting,
} from '../../services/status.service';
import { defineRoute } from '../route';

const tags = ['status'];

/**
 * Where each target stands, the methods that judge them, and publication.
 * Published results are public; figures before publication need
 * `figures.read` at the province (the service decides which one a caller gets).
 */
export const statusRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/provinces/:code/target-status',
    summary:
      'Tình trạng từng chỉ tiêu của chương trình tỉnh, kèm cách đánh giá / Every target’s status with how it was judged',
    tags,
    access: 'public',
    example: { params: { code: '40' }, query: { year: 2025 } },
    params: provinceCodeParamsSchema,
    query: targetStatusQuerySchema,
    response: targetStatusReportSchema,
    handler: ({ params, query }, ctx) => getTargetStatuses(ctx, params.code, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/provinces/:id/status-settings',
    summary:
      'Phương pháp đánh giá của tỉnh và của từng chỉ tiêu / The status methods of a province and its targets',
    tags,
    access: 'signed-in',
    scope: { kind: 'unit', action: 'figures.read', unit: 'params.id', unitKind: 'province' },
    params: provinceIdParamsSchema,
    response: statusSettingsSchema,
    handler: ({ params }, ctx) => getStatusSettings(ctx, params.id),
  }),
  defineRoute({
    method: 'put',
    path: '/api/provinces/:id/status-settings',
    summary: 'Đặt phương pháp đánh giá mặc định của tỉnh / Set the province’s default status method',
    tags,
    access: 'signed-in',
    scope: { kind: 'unit', action: 'program.manage', unit: 'params.id', unitKind: 'province' },
    example: { body: { method: 'linear', parameters: { linear: { atRiskBand: 0.1 } } } },
    params: provinceIdParamsSchema,
    body: provinceStatusSettingSchema,
    response: statusSettingsSchema,
    handler: ({ params, body }, ctx) => setProvinceStatusMethod(ctx, params.id, body),
  }),
  defineRoute({
    method: 'put',
    path: '/api/targets/:id/status-setting',
    summary:
      'Phương pháp riêng và giá trị cơ sở văn bản nêu của một chỉ tiêu / A target’s own method and stated baseline',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'program.manage', entity: 'target', id: 'params.id' },
    example: {
      body: { method: 'cagr', baseline: { year: 2020, value: 42.5 }, note: 'Theo báo cáo năm 2020' },
    },
    params: targetIdParamsSchema,
    body: targetStatusSettingSchema,
    response: statusSettingsSchema,
    handler: ({ params, body }, ctx) => setTargetStatusSetting(ctx, params.id, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/provinces/:id/publications',
    summary: 'Các lần công bố kết quả của tỉnh / A province’s publications of results',
    tags,
    access: 'public',
    example: { params: { id: 1 } },
    params: provinceIdParamsSchema,
    response: publicationListSchema,
    handler: ({ params }, ctx) => getPublications(ctx, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/provinces/:id/publications',
    summary:
      'Công bố kết quả một năm (tình trạng chỉ tiêu, chỉ số) / Publish a year’s results (target statuses, index)',
    tags,
    access: 'signed-in',
    scope: { kind: 'unit', action: 'program.manage', unit: 'params.id', unitKind: 'province' },
    example: { body: { year: 2024, note: 'Kết quả thực hiện năm 2024' } },
    params: provinceIdParamsSchema,
    body: publishBodySchema,
    status: 201,
    response: publicationSchema,
    handler: ({ params, body }, ctx) => publishProvinceResults(ctx, params.id, body),
  }),
];
