import {
  indicatorViewParamsSchema,
  indicatorViewQuerySchema,
  indicatorViewSchema,
  nationalComparisonQuerySchema,
  nationalComparisonSchema,
  overviewQuerySchema,
  provinceOverviewSchema,
  scorecardQuerySchema,
  tasksBoardSchema,
  unitIdParamsSchema,
  unitScorecardSchema,
} from '../../contracts/dashboard';
import { provinceCodeParamsSchema } from '../../contracts/status';
import {
  getIndicatorView,
  getNationalComparison,
  getProvinceOverview,
  getTasksBoard,
  getUnitScorecard,
  indicatorCsv,
} from '../../services/dashboard.service';
import { fileResponse } from '../download';
import { defineRoute } from '../route';

const tags = ['dashboards'];

/**
 * The dashboards. All public: the services answer live for those who may
 * read a province's figures and with what the province published otherwise.
 */
export const dashboardRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/provinces/:code/overview',
    summary:
      'Tổng quan tỉnh: chỉ tiêu theo tình trạng, khoảng cách lớn nhất, nhiệm vụ chậm, chỉ số / Province overview',
    tags,
    access: 'public',
    example: { params: { code: '40' } },
    params: provinceCodeParamsSchema,
    query: overviewQuerySchema,
    response: provinceOverviewSchema,
    handler: ({ params, query }, ctx) => getProvinceOverview(ctx, params.code, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/provinces/:code/tasks-board',
    summary: 'Nhiệm vụ theo đơn vị chủ trì, chậm trước / Tasks by lead unit, late ones first',
    tags,
    access: 'public',
    example: { params: { code: '36' } },
    params: provinceCodeParamsSchema,
    query: overviewQuerySchema.pick({ view: true }),
    response: tasksBoardSchema,
    handler: ({ params, query }, ctx) => getTasksBoard(ctx, params.code, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/provinces/:code/indicators/:indicatorCode',
    summary:
      'Một chỉ tiêu của tỉnh: xu hướng, mục tiêu, dự báo, theo đơn vị, cả nước / One indicator of a province',
    tags,
    access: 'public',
    example: { params: { code: '40', indicatorCode: 'GOV.WORKFILE_ONLINE' } },
    params: indicatorViewParamsSchema,
    query: indicatorViewQuerySchema,
    response: indicatorViewSchema,
    handler: ({ params, query }, ctx) => getIndicatorView(ctx, params.code, params.indicatorCode, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/provinces/:code/indicators/:indicatorCode/csv',
    summary: 'Tải CSV số liệu theo đơn vị / Download the figures by unit as CSV',
    tags,
    access: 'public',
    example: { params: { code: '40', indicatorCode: 'GOV.WORKFILE_ONLINE' } },
    params: indicatorViewParamsSchema,
    query: indicatorViewQuerySchema,
    produces: 'text/csv',
    handler: async ({ params, query }, ctx) => {
      const f = await indicatorCsv(ctx, params.code, params.indicatorCode, query);
      return fileResponse(f.text, {
        fileName: f.fileName,
        mediaType: 'text/csv; charset=utf-8',
        private: false,
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/national/comparison',
    summary: 'So sánh các tỉnh theo một chỉ tiêu / Provinces ranked on an indicator',
    tags,
    access: 'public',
    example: { query: { indicator: 'GOV.WORKFILE_ONLINE' } },
    query: nationalComparisonQuerySchema,
    response: nationalComparisonSchema,
    handler: ({ query }, ctx) => getNationalComparison(ctx, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/units/:id/scorecard',
    summary: 'Phiếu đánh giá một đơn vị / A unit’s scorecard',
    tags,
    access: 'public',
    example: { params: { id: 1 } },
    params: unitIdParamsSchema,
    query: scorecardQuerySchema,
    response: unitScorecardSchema,
    handler: ({ params, query }, ctx) => getUnitScorecard(ctx, params.id, query),
  }),
];
