/**
 * Figures in and out by file and API: the round's Excel template (one unit,
 * or every unit the caller may read), the upload with its preview and
 * confirmation (progress streamed as NDJSON when asked), the JSON and CSV
 * push by codes, and DHIS2 `dataValueSets` both ways. See docs/exchange.md.
 */
import { PassThrough, Readable } from 'node:stream';
import type { Context } from 'hono';
import { z } from 'zod';
import { idParamsSchema, idSchema } from '../../contracts/common';
import {
  importSummarySchema,
  pushBodySchema,
  pushQuerySchema,
  type UploadEvent,
  type UploadPhase,
  uploadResultSchema,
} from '../../contracts/exchange';
import {
  dhis2DataValueSetSchema,
  dhis2ExportQuerySchema,
  dhis2ImportQuerySchema,
  dhis2ImportSummarySchema,
  dhis2MappingSchema,
} from '../../contracts/exchange-dhis2';
import { AppError } from '../../domain/errors';
import {
  getDhis2Mapping,
  importDataValueSet,
  pushFigures,
  pushFiguresCsv,
} from '../../services/exchange.service';
import {
  type PreparedTemplate,
  prepareRoundTemplate,
  writeRoundTemplate,
} from '../../services/template.service';
import { exportDataValueSet } from '../../services/value-export.service';
import { processUpload, type UploadInput } from '../../services/value-import.service';
import { fileResponse } from '../download';
import { invalidRequest, toErrorBody } from '../errors';
import { defineRoute } from '../route';
import { readUploadForm } from '../upload';

const tags = ['exchange'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Streams a template as the response body, written row by row. */
function templateResponse(prepared: PreparedTemplate): Response {
  const out = new PassThrough();
  writeRoundTemplate(prepared, out).catch((e: unknown) => {
    console.error(e);
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  return fileResponse(Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>, {
    fileName: prepared.fileName,
    mediaType: XLSX,
    headers: { 'X-Template-Rows': String(prepared.rowCount) },
  });
}

const uploadFieldsSchema = z.object({
  confirm: z
    .enum(['true', 'false', '1', '0'])
    .transform((s) => s === 'true' || s === '1')
    .optional(),
  previewToken: z.string().max(200).optional(),
  roundId: idSchema.optional(),
  unitId: idSchema.optional(),
});

async function readUpload(c: Context): Promise<UploadInput> {
  const { file, text, bytes } = await readUploadForm(c, 'exchange.upload_file_required', { nonEmpty: true });
  const fields = uploadFieldsSchema.safeParse({
    confirm: text('confirm'),
    previewToken: text('previewToken'),
    roundId: text('roundId'),
    unitId: text('unitId'),
  });
  if (!fields.success) throw invalidRequest(fields.error.issues, 'form');
  return {
    bytes: await bytes(),
    fileName: file.name || 'upload',
    confirm: fields.data.confirm ?? false,
    ...(fields.data.previewToken ? { previewToken: fields.data.previewToken } : {}),
    ...(fields.data.roundId ? { roundId: fields.data.roundId } : {}),
    ...(fields.data.unitId ? { withinUnitId: fields.data.unitId } : {}),
  };
}

/**
 * The upload's answer as NDJSON: progress lines (at most one per step every
 * 150 ms), then the result or the error. One request, so any app process
 * behind a load balancer can serve it; nothing is kept on the server.
 */
function streamedUpload(
  c: Context,
  run: (progress: (p: UploadPhase, d: number, t: number | null) => void) => Promise<unknown>,
) {
  const locale = c.get('ctx').locale;
  const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (e: UploadEvent) => controller.enqueue(enc.encode(`${JSON.stringify(e)}\n`));
      let lastPhase = '';
      let lastAt = 0;
      const progress = (phase: UploadPhase, done: number, total: number | null) => {
        const now = Date.now();
        if (phase === lastPhase && now - lastAt < 150 && done !== total) return;
        lastPhase = phase;
        lastAt = now;
        send({ type: 'progress', phase, done, total });
      };
      try {
        const result = (await run(progress)) as Extract<UploadEvent, { type: 'result' }>['result'];
        send({ type: 'result', result });
      } catch (e) {
        const { status, body: err } = toErrorBody(e, locale);
        if (status >= 500) console.error(e);
        send({ type: 'error', status, error: err.error });
      }
      controller.close();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });
}

const EXAMPLE_CSV = 'unitCode,indicatorCode,period,numerator,denominator,value,comment\n';

export const exchangeRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/rounds/:roundId/units/:unitId/template',
    summary: 'Biểu mẫu Excel của một đơn vị trong đợt báo cáo / The Excel template of one unit in a round',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'figures.read', entity: 'roundUnit', id: 'params.roundId' },
    params: z.object({ roundId: idSchema, unitId: idSchema }),
    produces: XLSX,
    handler: async ({ params }, ctx) =>
      templateResponse(await prepareRoundTemplate(ctx, { roundId: params.roundId, unitId: params.unitId })),
  }),
  defineRoute({
    method: 'get',
    path: '/api/rounds/:id/template',
    summary:
      'Biểu mẫu Excel của cả đợt (mọi đơn vị được xem, mỗi loại đơn vị một trang) / The Excel template of a whole round',
    tags,
    access: 'signed-in',
    scope: { kind: 'entity', action: 'figures.read', entity: 'round', id: 'params.id', unitKind: 'province' },
    params: idParamsSchema,
    produces: XLSX,
    handler: async ({ params }, ctx) =>
      templateResponse(await prepareRoundTemplate(ctx, { roundId: params.id })),
  }),
  defineRoute({
    method: 'post',
    path: '/api/exchange/upload',
    summary:
      'Tải lên biểu mẫu Excel hoặc CSV: xem trước, hoặc xác nhận để lưu / Upload a filled template or a CSV: preview, or confirm to save',
    tags,
    access: 'signed-in',
    scope: { kind: 'unit', action: 'figures.enter', unit: 'form.unitId' },
    example: {
      form: { unitId: '$unit', file: { fileName: 'so-lieu.csv', type: 'text/csv', content: EXAMPLE_CSV } },
    },
    bodyKind: 'multipart',
    response: uploadResultSchema,
    handler: async (_input, ctx, c) => {
      const input = await readUpload(c);
      if ((c.req.header('accept') ?? '').includes('application/x-ndjson'))
        return streamedUpload(c, (progress) => processUpload(ctx, input, progress));
      return processUpload(ctx, input);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/data-values',
    summary:
      'Gửi số liệu theo mã (JSON hoặc CSV; ?dryRun=true) / Push figures by code (JSON or text/csv; ?dryRun=true)',
    tags,
    access: 'signed-in',
    scope: { kind: 'unit', action: 'figures.enter', unit: 'query.unitId' },
    example: { query: { unitId: '$unit', dryRun: 'true' } },
    query: pushQuerySchema,
    bodyKind: 'binary',
    maxBodyBytes: 50 * 1024 * 1024,
    response: importSummarySchema,
    handler: async ({ query }, ctx, c) => {
      const opts = {
        dryRun: query.dryRun ?? false,
        atomic: query.atomic ?? query.atomicMode === 'ALL',
        ...(query.unitId !== undefined ? { withinUnitId: query.unitId } : {}),
      };
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (type.includes('text/csv') || type.includes('application/csv'))
        return pushFiguresCsv(ctx, bytes, opts);
      if (bytes.byteLength === 0) return pushFigures(ctx, { values: [] }, opts);
      if (!type.includes('application/json'))
        throw new AppError('exchange.unsupported_media_type', { status: 415 });
      let raw: unknown;
      try {
        raw = JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        throw new AppError('request.invalid', {
          status: 400,
          details: [{ path: 'body', code: 'exchange.body_invalid' }],
        });
      }
      const body = pushBodySchema.safeParse(raw);
      if (!body.success) throw invalidRequest(body.error.issues, 'body');
      return pushFigures(ctx, body.data, {
        ...opts,
        dryRun: opts.dryRun || (body.data.dryRun ?? false),
        atomic: opts.atomic || (body.data.atomic ?? false),
      });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/dhis2/dataValueSets',
    summary: 'Nhập dataValueSets của DHIS2 theo mã (?dryRun=true) / Import a DHIS2 data value set by code',
    tags: ['dhis2'],
    access: 'signed-in',
    scope: { kind: 'unit', action: 'figures.enter', unit: 'query.unitId' },
    example: { query: { unitId: '$unit', dryRun: 'true' }, body: { dataValues: [] } },
    query: dhis2ImportQuerySchema,
    body: dhis2DataValueSetSchema,
    maxBodyBytes: 50 * 1024 * 1024,
    response: dhis2ImportSummarySchema,
    handler: ({ query, body }, ctx) =>
      importDataValueSet(ctx, body, {
        dryRun: query.dryRun ?? false,
        ...(query.atomicMode ? { atomicMode: query.atomicMode } : {}),
        ...(query.unitId !== undefined ? { withinUnitId: query.unitId } : {}),
        idSchemes: [query.idScheme, query.dataElementIdScheme, query.orgUnitIdScheme],
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/dhis2/dataValueSets',
    summary:
      'Xuất số liệu dạng dataValueSets của DHIS2 (period, orgUnit, dataSet theo mã) / Export figures as a DHIS2 data value set',
    tags: ['dhis2'],
    access: 'signed-in',
    scope: { kind: 'list', action: 'figures.read' },
    example: { query: { period: '2025' } },
    query: dhis2ExportQuerySchema.extend({
      demo: z
        .enum(['true', 'false'])
        .transform((s) => s === 'true')
        .optional(),
    }),
    handler: async ({ query }, ctx) => exportDataValueSet(ctx, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/dhis2/mapping',
    summary: 'Bảng ánh xạ chỉ tiêu ↔ dataElement của DHIS2 / How indicators map to DHIS2 data elements',
    tags: ['dhis2'],
    access: 'public',
    response: dhis2MappingSchema,
    handler: (_input, ctx) => getDhis2Mapping(ctx),
  }),
];
