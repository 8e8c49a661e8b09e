import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db';
import type { IndicatorList } from '../../contracts/indicator';
import type { DatabaseHandle } from '../../db/connect';
import { systemActor } from '../../domain/auth/actor';
import { systemContext } from '../../services/context';
import { syncNationalIndicatorCatalog } from '../../services/indicator.service';
import { createApp } from '../app';

describe('the indicator catalog API', () => {
  let h: DatabaseHandle;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    h = await createTestDatabase();
    await syncNationalIndicatorCatalog(systemContext(h.db, systemActor('test')));
    app = createApp({ db: h.db, engine: h.engine, version: 'test' });
  });
  afterAll(() => h.close());

  it('lists the catalog to anyone, signed in or not', async () => {
    const res = await app.request('/api/indicators');
    expect(res.status).toBe(200);
    const body = (await res.json()) as IndicatorList;
    expect(body.items.length).toBeGreaterThanOrEqual(55);
    expect(body.catalogSize).toBe(body.items.length);
    expect(Object.values(body.pillarCounts).reduce((a, b) => a + b, 0)).toBe(body.items.length);
  });

  it('finds the e-payment indicators with "thanh toan dien tu"', async () => {
    const res = await app.request(`/api/indicators?search=${encodeURIComponent('thanh toan dien tu')}`);
    const body = (await res.json()) as IndicatorList;
    const codes = body.items.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['SOC.EPAYMENT_ACCOUNTS', 'SOC.EPAYMENT_USERS']));
    expect(codes).not.toContain('GOV.WORKFILE_ONLINE');
  });

  it('takes empty parameters as no filter', async () => {
    const res = await app.request('/api/indicators?search=&pillar=&kind=');
    expect(res.status).toBe(200);
    const body = (await res.json()) as IndicatorList;
    expect(body.items).toHaveLength(body.catalogSize);
  });

  it('filters by pillar and kind together', async () => {
    const res = await app.request('/api/indicators?pillar=society&kind=count');
    const body = (await res.json()) as IndicatorList;
    expect(body.items.map((i) => i.code).sort()).toEqual([
      'SOC.PUBLIC_WIFI',
      'SOC.SMART_CITY',
      'SOC.SMART_COMMUNES',
    ]);
  });

  it('lists every bad filter with its place, in Vietnamese', async () => {
    const res = await app.request('/api/indicators?pillar=moon&kind=guess');
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; details: { path: string; message: string }[] };
    };
    expect(body.error.code).toBe('request.invalid');
    expect(body.error.details.map((d) => d.path)).toEqual(['query.pillar', 'query.kind']);
    expect(body.error.details[0]?.message).toBe('Giá trị không hợp lệ');
  });

  it('gives one indicator by code, lower case accepted', async () => {
    const res = await app.request('/api/indicators/soc.epayment_accounts');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { code: string; numerator: { vi: string }; aggregation: string };
    expect(body.code).toBe('SOC.EPAYMENT_ACCOUNTS');
    expect(body.aggregation).toBe('ratio');
    expect(body.numerator.vi).toContain('tài khoản thanh toán điện tử');
  });

  it('answers an unknown code with 404 in the language asked', async () => {
    const vi = await app.request('/api/indicators/GOV.KHONG_CO');
    expect(vi.status).toBe(404);
    expect(await vi.json()).toEqual({
      error: { code: 'indicator.not_found', message: 'Không tìm thấy chỉ tiêu GOV.KHONG_CO', details: [] },
    });
    const en = await app.request('/api/indicators/GOV.KHONG_CO?lang=en');
    expect(((await en.json()) as { error: { message: string } }).error.message).toBe(
      'No indicator GOV.KHONG_CO',
    );
  });

  it('refuses a malformed code', async () => {
    const res = await app.request('/api/indicators/a%20b');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { path: string; code: string }[] } };
    expect(body.error.details).toEqual([
      expect.objectContaining({ path: 'params.code', code: 'indicator.invalid_code' }),
    ]);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/indicators', '/api/indicators/{code}']),
    );
  });
});
