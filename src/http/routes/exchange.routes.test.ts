/**
 * The exchange over HTTP: JSON and CSV pushes with an API token (dry run
 * first), DHIS2 dataValueSets in and out, the template as a spreadsheet
 * download, an upload answered with streamed progress, and the public
 * DHIS2 mapping.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSessionFor } from '../../../test/auth-world';
import { createTestDatabase } from '../../../test/db';
import { buildExchangeWorld, type ExchangeWorld } from '../../../test/fixtures/exchange/exchange-world';
import type { UploadEvent } from '../../contracts/exchange';
import type { DatabaseHandle } from '../../db/connect';
import { createApp } from '../app';

const fixture = readFileSync(
  join(import.meta.dirname, '../../../test/fixtures/exchange/dhis2-datavalueset.json'),
  'utf8',
);

describe('exchange routes', () => {
  let h: DatabaseHandle;
  let w: ExchangeWorld;
  let app: ReturnType<typeof createApp>;
  let reporterToken: Record<string, string>;
  let coordinatorToken: Record<string, string>;
  let coordinatorSession: Record<string, string>;

  const token = async (role: 'reporter' | 'coordinator', unitId: number, makerId: number) => {
    const secret = `nhs_${randomBytes(30).toString('base64url')}`;
    await h.db
      .insertInto('apiToken')
      .values({
        name: `Máy chủ số liệu (${role})`,
        tokenHash: createHash('sha256').update(secret).digest('hex'),
        prefix: secret.slice(0, 10),
        role,
        unitId,
        createdBy: makerId,
      })
      .execute();
    return { authorization: `Bearer ${secret}` };
  };
  const count = async () =>
    Number(
      (
        await h.db
          .selectFrom('dataValue')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    h = await createTestDatabase();
    w = await buildExchangeWorld(h.db);
    app = createApp({ db: h.db, engine: h.engine, version: 'test' });
    reporterToken = await token('reporter', w.communeA, w.people.reporterA.id);
    coordinatorToken = await token('coordinator', w.province, w.people.coordinator.id);
    coordinatorSession = (await openSessionFor(h.db, w.people.coordinator.id)).headers;
  });
  afterAll(() => h.close());

  it('takes a JSON push with a token: a dry run saves nothing, then the same push saves', async () => {
    const body = JSON.stringify({
      values: [
        {
          unitCode: '90101',
          indicatorCode: 'SOC.FIBRE_HOUSEHOLDS',
          period: '2025',
          numerator: 4120,
          denominator: 5230,
        },
        {
          unitCode: '90101',
          indicatorCode: 'SOC.PUBLIC_WIFI',
          period: '2025',
          value: 6,
          comment: 'Điểm phát wifi ở nhà văn hóa thôn',
        },
      ],
    });
    const headers = { ...reporterToken, 'content-type': 'application/json', 'accept-language': 'en' };
    const dry = await app.request('/api/data-values?dryRun=true', { method: 'POST', headers, body });
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({
      status: 'SUCCESS',
      dryRun: true,
      description: 'Dry run: would import 2 new, 0 updated, 0 deleted, 0 unchanged; nothing saved',
      importCount: { imported: 2, updated: 0, ignored: 0, deleted: 0 },
    });
    expect(await count()).toBe(0);
    const real = await app.request('/api/data-values', { method: 'POST', headers, body });
    expect(await real.json()).toMatchObject({
      status: 'SUCCESS',
      dryRun: false,
      importCount: { imported: 2 },
    });
    expect(await count()).toBe(2);
  });

  it('takes a CSV push with a token and names the bad line', async () => {
    const csv = [
      'unitCode,indicatorCode,period,numerator,denominator,value,comment',
      '90102,SOC.FIBRE_HOUSEHOLDS,2025,1900,2100,,',
      '90102,SOC.FIBRE_HOUSEHOLDS.NUM,2025,1,2,,',
    ].join('\n');
    const r = await app.request('/api/data-values', {
      method: 'POST',
      headers: { ...coordinatorToken, 'content-type': 'text/csv; charset=utf-8' },
      body: csv,
    });
    expect(r.status).toBe(200);
    const summary = (await r.json()) as { status: string; importCount: unknown; conflicts: unknown[] };
    expect(summary.status).toBe('WARNING');
    expect(summary.importCount).toEqual({ imported: 1, updated: 0, ignored: 1, deleted: 0 });
    expect(summary.conflicts).toEqual([
      {
        object: '90102/SOC.FIBRE_HOUSEHOLDS.NUM/2025',
        value: 'SOC.FIBRE_HOUSEHOLDS.NUM',
        reason: 'Không có chỉ tiêu mã SOC.FIBRE_HOUSEHOLDS.NUM trong danh mục',
        code: 'exchange.indicator_not_found',
        index: 1,
        line: 3,
        field: 'indicatorCode',
      },
    ]);
  });

  it("refuses a token's push for a unit outside its scope, and a body that is neither JSON nor CSV", async () => {
    const r = await app.request('/api/data-values', {
      method: 'POST',
      headers: { ...reporterToken, 'content-type': 'application/json' },
      body: JSON.stringify({
        values: [{ unitCode: '90102', indicatorCode: 'SOC.PUBLIC_WIFI', period: '2025', value: 1 }],
      }),
    });
    expect(r.status).toBe(403);
    expect(((await r.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'exchange.units_out_of_scope',
      message: 'Bạn không có quyền nhập số liệu cho 1 đơn vị trong tệp: Phường Nam Định (90102)',
    });
    const xml = await app.request('/api/data-values', {
      method: 'POST',
      headers: { ...reporterToken, 'content-type': 'application/xml' },
      body: '<values/>',
    });
    expect(xml.status).toBe(415);
    const anonymous = await app.request('/api/data-values', { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
  });

  it('imports a DHIS2 data value set and exports it back by code', async () => {
    const r = await app.request('/api/dhis2/dataValueSets?idScheme=CODE', {
      method: 'POST',
      headers: { ...coordinatorToken, 'content-type': 'application/json' },
      body: fixture,
    });
    expect(r.status).toBe(200);
    const summary = (await r.json()) as {
      responseType: string;
      status: string;
      importCount: Record<string, number>;
    };
    expect(summary.responseType).toBe('ImportSummary');
    // what the JSON and CSV pushes stored is unchanged, but for the comment the fibre numerator brings;
    // the department's two values are new; 2.5 wifi hotspots is refused
    expect(summary.importCount).toEqual({ imported: 2, updated: 1, ignored: 5, deleted: 0 });
    const out = await app.request(
      '/api/dhis2/dataValueSets?period=2025&orgUnit=90100&children=true&dataSet=NHS_SOC',
      {
        headers: coordinatorToken,
      },
    );
    expect(out.status).toBe(200);
    const set = (await out.json()) as {
      dataSet: string;
      dataValues: Array<{ dataElement: string; orgUnit: string; value: string }>;
    };
    expect(set.dataSet).toBe('NHS_SOC');
    expect(set.dataValues.map((v) => `${v.orgUnit} ${v.dataElement} ${v.value}`).sort()).toEqual([
      '90101 SOC.FIBRE_HOUSEHOLDS.DEN 5230',
      '90101 SOC.FIBRE_HOUSEHOLDS.NUM 4120',
      '90101 SOC.PUBLIC_WIFI 6',
      '90102 SOC.FIBRE_HOUSEHOLDS.DEN 2100',
      '90102 SOC.FIBRE_HOUSEHOLDS.NUM 1900',
    ]);
    const bad = await app.request('/api/dhis2/dataValueSets?period=2025W3', { headers: coordinatorToken });
    expect(bad.status).toBe(400);
  });

  it('sends the template as a spreadsheet, and streams an upload’s progress before its result', async () => {
    const res = await app.request(`/api/rounds/${w.roundId}/units/${w.communeA}/template`, {
      headers: coordinatorSession,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="bieu-mau-.+-2025-90101\.xlsx"; filename\*=UTF-8''bieu-mau-.+-2025-90101\.xlsx$/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet('Xã phường - Communes')!;
    const wifi = [...Array(ws.rowCount).keys()]
      .map((i) => ws.getRow(i + 1))
      .find((r) => r.getCell('D').value === 'SOC.PUBLIC_WIFI')!;
    expect(wifi.getCell('K').value).toBe(6);
    wifi.getCell('K').value = 7;
    wifi.getCell('L').value = 'Thêm điểm ở trạm y tế';

    // one file, previewed then confirmed (the preview is bound to its bytes; exceljs stamps each write)
    const filled = await wb.xlsx.writeBuffer();
    const form = new FormData();
    form.set('file', new File([filled], 'bieu-mau.xlsx'));
    const up = await app.request('/api/exchange/upload', {
      method: 'POST',
      headers: { ...coordinatorSession, accept: 'application/x-ndjson' },
      body: form,
    });
    expect(up.status).toBe(200);
    expect(up.headers.get('content-type')).toContain('application/x-ndjson');
    const events = (await up.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as UploadEvent);
    expect(events[0]).toMatchObject({ type: 'progress', phase: 'read' });
    const last = events.at(-1)!;
    expect(last.type).toBe('result');
    if (last.type !== 'result') return;
    expect(last.result).toMatchObject({ status: 'ready', counts: { changed: 1 } });
    expect(last.result.changes[0]).toMatchObject({
      unitCode: '90101',
      indicatorCode: 'SOC.PUBLIC_WIFI',
      before: { value: 6 },
      after: { value: 7, comment: 'Thêm điểm ở trạm y tế' },
    });

    const confirm = new FormData();
    confirm.set('file', new File([filled], 'bieu-mau.xlsx'));
    confirm.set('confirm', 'true');
    confirm.set('previewToken', last.result.previewToken ?? '');
    const saved = await app.request('/api/exchange/upload', {
      method: 'POST',
      headers: coordinatorSession,
      body: confirm,
    });
    expect(await saved.json()).toMatchObject({ status: 'saved', saved: { imported: 0, updated: 1 } });
  });

  it('answers an upload that is not a spreadsheet with an error line in the stream', async () => {
    const form = new FormData();
    form.set('file', new File(['%PDF-1.7'], 'bao-cao.pdf', { type: 'application/pdf' }));
    const up = await app.request('/api/exchange/upload', {
      method: 'POST',
      headers: { ...coordinatorSession, accept: 'application/x-ndjson' },
      body: form,
    });
    const lines = (await up.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as UploadEvent);
    expect(lines.at(-1)).toMatchObject({
      type: 'error',
      status: 415,
      error: {
        code: 'exchange.not_xlsx',
        message: 'Tệp bao-cao.pdf không phải bảng tính Excel (.xlsx) hay tệp CSV',
      },
    });
  });

  it('shows anyone the DHIS2 mapping', async () => {
    const r = await app.request('/api/dhis2/mapping');
    expect(r.status).toBe(200);
    const m = (await r.json()) as {
      items: Array<{ indicatorCode: string; dataElements: Array<{ code: string; valueType: string }> }>;
    };
    expect(
      m.items.find((i) => i.indicatorCode === 'SOC.FIBRE_HOUSEHOLDS')?.dataElements.map((d) => d.code),
    ).toEqual(['SOC.FIBRE_HOUSEHOLDS.NUM', 'SOC.FIBRE_HOUSEHOLDS.DEN']);
    expect(m.items.find((i) => i.indicatorCode === 'SOC.PUBLIC_WIFI')?.dataElements).toEqual([
      expect.objectContaining({ code: 'SOC.PUBLIC_WIFI', valueType: 'INTEGER_ZERO_OR_POSITIVE' }),
    ]);
  });
});
