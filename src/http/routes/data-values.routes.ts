/**
 * Figures by id (units, indicators, periods), their history, and the
 * maintained roll-ups. Figures are pushed by code (JSON, CSV, DHIS2
 * dataValueSets) through exchange.routes.ts, on the same `saveDataValues`.
 */
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../contracts/common';
import { dataValueListSchema, valueHistorySchema } from '../../contracts/data-value';
import { getDataValues, getValueHistoryById } from '../../services/data-value.service';
import { getRollups } from '../../services/rollup.service';
import { defineRoute } from '../route';

const tags = ['data-values'];

const idList = z
  .string()
  .regex(/^\d+(,\d+)*$/, { message: 'validation.invalid_format' })
  .transform((s) => s.split(',').map(Number));
const periodList = z
  .string()
  .regex(/^\d{4}(Q[1-4]|-\d{2})?(,\d{4}(Q[1-4]|-\d{2})?)*$/, { message: 'period.invalid_format' })
  .transform((s) => s.split(','));

const rollupSchema = z.object({
  unitId: z.number().int(),
  periodId: z.string(),
  indicatorId: z.number().int(),
  view: z.enum(['approved', 'submitted']),
  memberKind: z.string(),
  numeratorSum: z.number(),
  denominatorSum: z.number(),
  valueSum: z.number(),
  reportingUnits: z.number().int(),
});

export const dataValuesRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/data-values',
    summary: 'Số liệu của một đơn vị / The figures of a unit',
    tags,
    access: 'signed-in',
    scope: { kind: 'unit', action: 'figures.read', unit: 'query.unitId' },
    example: { query: { unitId: '$unit', periodIds: '2024,2025' } },
    query: z.object({ unitId: idSchema, periodIds: periodList, indicatorIds: idList.optional() }),
    response: dataValueListSchema,
    handler: ({ query }, ctx) =>
      getDataValues(ctx, {
        unitIds: [query.unitId],
        periodIds: query.periodIds,
        ...(query.indicatorIds ? { indicatorIds: query.indicatorIds } : {}),
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/data-values/:id/history',
    summary: 'Lịch sử thay đổi của một số liệu / Every revision of a figure',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'figures.read', entity: 'dataValue', id: 'params.id' },
    params: idParamsSchema,
    response: valueHistorySchema,
    handler: ({ params }, ctx) => getValueHistoryById(ctx, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/rollups',
    summary: 'Tổng hợp theo cây đơn vị (duy trì liên tục) / Maintained roll-ups of a unit',
    tags,
    access: 'signed-in',
    scope: { kind: 'unit', action: 'figures.read', unit: 'query.unitId' },
    example: { query: { unitId: '$unit', periodIds: '2025', view: 'approved' } },
    query: z.object({
      unitId: idSchema,
      periodIds: periodList,
      indicatorIds: idList.optional(),
      view: z.enum(['approved', 'submitted']).default('approved'),
      memberKind: z.enum(['all', 'province', 'department', 'agency', 'district', 'commune']).default('all'),
    }),
    response: z.object({ items: z.array(rollupSchema) }),
    handler: async ({ query }, ctx) => ({
      items: await getRollups(ctx, {
        unitIds: [query.unitId],
        periodIds: query.periodIds,
        ...(query.indicatorIds ? { indicatorIds: query.indicatorIds } : {}),
        view: query.view,
        memberKinds: [query.memberKind],
      }),
    }),
  }),
];
