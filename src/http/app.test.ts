import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import type { DatabaseHandle } from '../db/connect';
import { createApp } from './app';

describe('the HTTP app', () => {
  let h: DatabaseHandle;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    h = await createTestDatabase();
    app = createApp({
      db: h.db,
      engine: h.engine,
      version: '9.9.9',
      now: () => new Date('2025-12-01T03:00:00Z'),
    });
  });
  afterAll(() => h.close());

  it('answers health with the version and the engine', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      version: '9.9.9',
      engine: h.engine,
      time: '2025-12-01T03:00:00.000Z',
    });
  });

  it('answers an unknown API path with a 404 in Vietnamese by default, English on request', async () => {
    const vi = await app.request('/api/khong-co');
    expect(vi.status).toBe(404);
    expect(await vi.json()).toEqual({
      error: { code: 'route.not_found', message: 'Không tìm thấy địa chỉ /api/khong-co', details: [] },
    });
    const en = await app.request('/api/khong-co', { headers: { 'Accept-Language': 'en-US,en;q=0.9' } });
    expect(((await en.json()) as { error: { message: string } }).error.message).toBe(
      'No such address: /api/khong-co',
    );
  });

  it('serves an OpenAPI 3.1 document that lists the health endpoint', async () => {
    const res = await app.request('/api/openapi.json');
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/health');
  });

  it('sends security headers with a Content-Security-Policy', async () => {
    const res = await app.request('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
