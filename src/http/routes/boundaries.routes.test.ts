import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personWithSession } from '../../../test/auth-world';
import { createTestDatabase } from '../../../test/db';
import type { BoundaryCollection, BoundaryImportResult } from '../../contracts/boundary';
import type { DatabaseHandle } from '../../db/connect';
import { systemActor } from '../../domain/auth/actor';
import { findNationUnit, provincesAt } from '../../repositories/unit.repository';
import { systemContext } from '../../services/context';
import { ensureReferenceUnits } from '../../services/unit-reference.service';
import { createApp } from '../app';

/** A square per province on a grid: a stand-in for a real boundary file. */
function geojson(provinces: Array<{ code: string; name: string }>, extra: unknown[] = []) {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [
      ...provinces.map((p, i) => {
        const x = 102 + (i % 6) * 1.2;
        const y = 9 + Math.floor(i / 6) * 2.4;
        return {
          type: 'Feature',
          properties: i % 2 ? { ma_tinh: p.code } : { ten_tinh: p.name },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [x, y],
                [x + 1, y],
                [x + 1, y + 2],
                [x, y + 2],
                [x, y],
              ],
            ],
          },
        };
      }),
      ...extra,
    ],
  });
}

describe('province boundaries', () => {
  let h: DatabaseHandle;
  let app: ReturnType<typeof createApp>;
  let admin: { headers: Record<string, string> };
  let viewer: { headers: Record<string, string> };
  let provinces: Array<{ code: string; name: string }>;
  const upload = (
    layout: string,
    text: string,
    headers: Record<string, string>,
    name = 'ranh-gioi.geojson',
  ) => {
    const form = new FormData();
    form.set('file', new File([text], name, { type: 'application/geo+json' }));
    return app.request(`/api/boundaries/${layout}`, { method: 'POST', body: form, headers });
  };

  beforeAll(async () => {
    h = await createTestDatabase();
    await ensureReferenceUnits(systemContext(h.db, systemActor('test')));
    app = createApp({
      db: h.db,
      engine: h.engine,
      version: 'test',
      now: () => new Date('2026-11-23T03:00:00Z'),
    });
    const nation = (await findNationUnit(h.db))!;
    admin = await personWithSession(h.db, { grants: [{ role: 'admin', unitId: nation.id }] });
    viewer = await personWithSession(h.db, { grants: [{ role: 'viewer', unitId: nation.id }] });
    provinces = (await provincesAt(h.db, '2025-07-01')).map((p) => ({ code: p.code, name: p.name }));
    expect(provinces).toHaveLength(34);
  });
  afterAll(() => h.close());

  it('has none at first: the maps draw tiles', async () => {
    const res = await app.request('/api/boundaries/34');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ type: 'FeatureCollection', complete: false, features: [] });
  });

  it('refuses a file with a feature it cannot place, naming it, and saves nothing', async () => {
    const stray = {
      type: 'Feature',
      properties: { name: 'Quần đảo không tên' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [112, 16],
            [112.1, 16],
            [112.1, 16.1],
            [112, 16],
          ],
        ],
      },
    };
    const res = await upload('34', geojson(provinces, [stray]), {
      ...admin.headers,
      'accept-language': 'vi',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; details: Array<{ path: string; message: string }> };
    };
    expect(body.error.code).toBe('boundary.invalid');
    expect(body.error.details).toEqual([
      {
        path: 'ranh-gioi.geojson:features.34',
        code: 'boundary.unmatched',
        message: expect.stringContaining(
          'Đối tượng thứ 35 {name: "Quần đảo không tên"}: không khớp với tỉnh nào',
        ),
      },
    ]);
    const after = (await (await app.request('/api/boundaries/34')).json()) as BoundaryCollection;
    expect(after.features).toHaveLength(0);

    const notJson = await upload('34', 'PK\u0003\u0004 not json', admin.headers, 'ban-do.zip');
    expect(notJson.status).toBe(400);
    expect(JSON.stringify(await notJson.json())).toContain('boundary.not_json');
  });

  it('lets only an administrator import; a partial file is kept and says what is missing', async () => {
    expect((await upload('34', geojson(provinces.slice(0, 30)), viewer.headers)).status).toBe(403);
    expect((await upload('34', geojson(provinces.slice(0, 30)), {})).status).toBe(401);

    const partial = await upload('34', geojson(provinces.slice(0, 30)), admin.headers);
    expect(partial.status).toBe(200);
    const r1 = (await partial.json()) as BoundaryImportResult;
    expect(r1.imported).toHaveLength(30);
    expect(r1.complete).toBe(false);
    expect(r1.missing.map((p) => p.code)).toEqual(provinces.slice(30).map((p) => p.code));

    const rest = (await (
      await upload('34', geojson(provinces.slice(30)), admin.headers)
    ).json()) as BoundaryImportResult;
    expect(rest).toMatchObject({ complete: true, missing: [] });

    // anyone reads them: boundaries are public facts
    const all = (await (await app.request('/api/boundaries/34')).json()) as BoundaryCollection;
    expect(all.complete).toBe(true);
    expect(all.features.map((f) => f.properties.code).sort()).toEqual(provinces.map((p) => p.code).sort());
    const nghean = all.features.find((f) => f.properties.code === '40')!;
    expect(nghean.geometry.type).toBe('Polygon');
    // the 63 of before are another set: Nghệ An is the same province, its boundary is there too
    const before = (await (await app.request('/api/boundaries/63')).json()) as BoundaryCollection;
    expect(before.complete).toBe(false);
    expect(before.features.some((f) => f.properties.code === '40')).toBe(true);
  });

  it('records the import and the removal in the audit trail, and removing brings the tiles back', async () => {
    const removed = await app.request('/api/boundaries/34', { method: 'DELETE', headers: admin.headers });
    expect(await removed.json()).toEqual({ layout: '34', removed: 34 });
    const after = (await (await app.request('/api/boundaries/34')).json()) as BoundaryCollection;
    expect(after).toMatchObject({ complete: false, features: [] });
    const actions = await h.db
      .selectFrom('auditEvent')
      .select('action')
      .where('entityType', '=', 'boundary')
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['boundary.import', 'boundary.import', 'boundary.remove']);
  });
});
