/**
 * Real province boundaries for the maps: read by anyone, imported (GeoJSON)
 * and removed by an administrator.
 */
import { z } from 'zod';
import {
  boundaryCollectionSchema,
  boundaryImportResultSchema,
  boundaryLayoutParamsSchema,
  boundaryLayoutSchema,
} from '../../contracts/boundary';
import { getBoundaries, importBoundaries, removeBoundaries } from '../../services/boundary.service';
import { defineRoute } from '../route';
import { readUploadForm } from '../upload';

const tags = ['boundaries'];

/** One province as a square around Hà Nội: a file the import takes. */
const EXAMPLE_GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { ma_tinh: '01', ten_tinh: 'Thành phố Hà Nội' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [105.3, 20.6],
            [106.0, 20.6],
            [106.0, 21.4],
            [105.3, 21.4],
            [105.3, 20.6],
          ],
        ],
      },
    },
  ],
});

export const boundaryRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/boundaries/:layout',
    summary: 'Ranh giới tỉnh cho bản đồ (GeoJSON) / Province boundaries for the maps (GeoJSON)',
    tags,
    access: 'public',
    example: { params: { layout: '34' } },
    params: boundaryLayoutParamsSchema,
    response: boundaryCollectionSchema,
    handler: ({ params }, ctx) => getBoundaries(ctx, params.layout),
  }),
  defineRoute({
    method: 'post',
    path: '/api/boundaries/:layout',
    summary: 'Nạp ranh giới tỉnh từ tệp GeoJSON / Import province boundaries from a GeoJSON file',
    tags,
    access: 'signed-in',
    scope: { kind: 'admin' },
    example: {
      params: { layout: '34' },
      form: {
        file: { fileName: 'ranh-gioi.geojson', type: 'application/geo+json', content: EXAMPLE_GEOJSON },
      },
    },
    params: boundaryLayoutParamsSchema,
    bodyKind: 'multipart',
    maxBodyBytes: 60 * 1024 * 1024,
    response: boundaryImportResultSchema,
    handler: async ({ params }, ctx, c) => {
      const form = await readUploadForm(c, 'boundary.file_required', { nonEmpty: true });
      return importBoundaries(ctx, {
        layout: params.layout,
        fileName: form.file.name || 'ranh-gioi.geojson',
        bytes: await form.bytes(),
      });
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/boundaries/:layout',
    summary: 'Xóa ranh giới (bản đồ trở lại dạng ô) / Remove the boundaries (the maps go back to tiles)',
    tags,
    access: 'signed-in',
    scope: { kind: 'admin' },
    example: { params: { layout: '63' } },
    params: boundaryLayoutParamsSchema,
    response: z.object({ layout: boundaryLayoutSchema, removed: z.number().int() }),
    handler: ({ params }, ctx) => removeBoundaries(ctx, params.layout),
  }),
];
