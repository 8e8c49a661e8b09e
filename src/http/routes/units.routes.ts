/**
 * Units: public reads of the organisation tree (search, one unit, children,
 * subtree, provinces of a date) and the admin import of official unit lists.
 */
import { idParamsSchema } from '../../contracts/common';
import {
  provinceCodeParamsSchema,
  provinceDetailSchema,
  provincesQuerySchema,
  provincesResponseSchema,
  unitChildrenQuerySchema,
  unitChildrenResponseSchema,
  unitDetailSchema,
  unitImportFormSchema,
  unitImportResultSchema,
  unitListsResponseSchema,
  unitSearchQuerySchema,
  unitSearchResponseSchema,
  unitTreeQuerySchema,
  unitTreeResponseSchema,
} from '../../contracts/unit';
import {
  getProvinceByCode,
  getUnit,
  getUnitTree,
  listChildren,
  listProvinces,
  listStoredUnitLists,
  searchUnits,
} from '../../services/unit.service';
import { importUnitList } from '../../services/unit-import.service';
import { invalidRequest } from '../errors';
import { defineRoute } from '../route';
import { readUploadForm } from '../upload';

const tags = ['units'];

const EXAMPLE_LIST = 'Mã tỉnh,Tên tỉnh,Mã xã,Tên xã,Cấp\n40,Tỉnh Nghệ An,16681,Phường Thành Vinh,Phường\n';

export const unitRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/units',
    summary: 'Tìm đơn vị theo tên hoặc mã / Search units by name or code',
    tags,
    access: 'public',
    query: unitSearchQuerySchema,
    response: unitSearchResponseSchema,
    handler: ({ query }, ctx) => searchUnits(ctx, query),
  }),
  // before /api/units/:id, which would otherwise take "tree" and "lists" for an id
  defineRoute({
    method: 'get',
    path: '/api/units/tree',
    summary: 'Cây đơn vị tại một ngày / The unit tree on a date',
    tags,
    access: 'public',
    query: unitTreeQuerySchema,
    response: unitTreeResponseSchema,
    handler: ({ query }, ctx) => getUnitTree(ctx, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/units/lists',
    summary: 'Các danh mục đơn vị đã nạp / The unit lists the tree is built from',
    tags,
    access: 'public',
    response: unitListsResponseSchema,
    handler: (_input, ctx) => listStoredUnitLists(ctx),
  }),
  defineRoute({
    method: 'post',
    path: '/api/units/import',
    summary: 'Nạp danh mục đơn vị hành chính (CSV/XLSX) / Import an official unit list',
    tags,
    access: 'signed-in',
    scope: { kind: 'admin' },
    example: {
      form: {
        validFrom: '2025-07-01',
        file: { fileName: 'dvhc-2025.csv', type: 'text/csv', content: EXAMPLE_LIST },
      },
    },
    bodyKind: 'multipart',
    response: unitImportResultSchema,
    handler: async (_input, ctx, c) => {
      const form = await readUploadForm(c, 'unit_import.file_required');
      const fields = unitImportFormSchema.safeParse({ validFrom: form.text('validFrom') });
      if (!fields.success) throw invalidRequest(fields.error.issues, 'form');
      return importUnitList(ctx, {
        fileName: form.file.name || 'unit-list.csv',
        bytes: await form.bytes(),
        validFrom: fields.data.validFrom ?? null,
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/units/:id',
    summary: 'Một đơn vị: cấp trên, hiệu lực, kế thừa / One unit with its ancestry, validity and lineage',
    tags,
    access: 'public',
    params: idParamsSchema,
    response: unitDetailSchema,
    handler: ({ params }, ctx) => getUnit(ctx, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/units/:id/children',
    summary: 'Đơn vị trực thuộc tại một ngày / Children of a unit on a date',
    tags,
    access: 'public',
    params: idParamsSchema,
    query: unitChildrenQuerySchema,
    response: unitChildrenResponseSchema,
    handler: ({ params, query }, ctx) => listChildren(ctx, params.id, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/provinces',
    summary: 'Các tỉnh, thành phố tại một ngày / The provinces on a date (34 today, 63 before 01/07/2025)',
    tags,
    access: 'public',
    query: provincesQuerySchema,
    response: provincesResponseSchema,
    handler: ({ query }, ctx) => listProvinces(ctx, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/provinces/:code',
    summary: 'Một tỉnh, thành phố theo mã / A province by its official code',
    tags,
    access: 'public',
    params: provinceCodeParamsSchema,
    response: provinceDetailSchema,
    handler: ({ params }, ctx) => getProvinceByCode(ctx, params.code),
  }),
];
