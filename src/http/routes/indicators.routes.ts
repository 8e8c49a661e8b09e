import {
  indicatorCodeParamsSchema,
  indicatorListQuerySchema,
  indicatorListSchema,
  indicatorSchema,
} from '../../contracts/indicator';
import { getIndicator, listIndicators } from '../../services/indicator.service';
import { defineRoute } from '../route';

/** The indicator catalog: public reference data. */
export const indicatorRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/indicators',
    summary:
      'Danh mục chỉ tiêu, tìm không phân biệt dấu / The indicator catalog, searched without diacritics',
    tags: ['indicators'],
    access: 'public',
    example: { query: { search: 'thanh toan dien tu', pillar: 'society' } },
    query: indicatorListQuerySchema,
    response: indicatorListSchema,
    handler: ({ query }, ctx) => listIndicators(ctx, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/indicators/:code',
    summary: 'Một chỉ tiêu theo mã / One indicator by code',
    tags: ['indicators'],
    access: 'public',
    example: { params: { code: 'SOC.EPAYMENT_ACCOUNTS' } },
    params: indicatorCodeParamsSchema,
    response: indicatorSchema,
    handler: ({ params }, ctx) => getIndicator(ctx, params.code),
  }),
];
