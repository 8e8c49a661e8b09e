import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personWithSession } from '../../../test/auth-world';
import { createTestDatabase } from '../../../test/db';
import { readUnitListFixture } from '../../../test/factories';
import type {
  ProvinceDetail,
  ProvincesResponse,
  UnitChildrenResponse,
  UnitDetail,
  UnitSearchResponse,
  UnitTreeResponse,
} from '../../contracts/unit';
import type { DatabaseHandle } from '../../db/connect';
import { systemActor } from '../../domain/auth/actor';
import { systemContext } from '../../services/context';
import { ensureReferenceUnits } from '../../services/unit-reference.service';
import { createApp } from '../app';

describe('the unit endpoints', () => {
  let h: DatabaseHandle;
  let app: ReturnType<typeof createApp>;
  const get = async <T>(path: string, status = 200): Promise<T> => {
    const res = await app.request(path);
    expect(res.status, path).toBe(status);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    h = await createTestDatabase();
    await ensureReferenceUnits(systemContext(h.db, systemActor('test')));
    // "today" is 1 December 2025: two-level structure, 34 provinces
    app = createApp({
      db: h.db,
      engine: h.engine,
      version: 'test',
      now: () => new Date('2025-12-01T03:00:00Z'),
    });
  });
  afterAll(() => h.close());

  it('finds provinces ignoring diacritics and case', async () => {
    const nghean = await get<UnitSearchResponse>('/api/units?search=nghe%20an');
    expect(nghean.items[0]).toMatchObject({ name: 'Tỉnh Nghệ An', code: '40', kind: 'province', path: [] });
    const quangnam = await get<UnitSearchResponse>('/api/units?search=QUANG%20NAM&kind=province');
    expect(quangnam.items.map((u) => u.name)).toEqual(['Tỉnh Quảng Nam']);
  });

  it('lists the 34 provinces today and the 63 on 30/06/2025', async () => {
    const today = await get<ProvincesResponse>('/api/provinces');
    expect(today.at).toBe('2025-12-01');
    expect(today.items).toHaveLength(34);
    const before = await get<ProvincesResponse>('/api/provinces?at=2025-06-30');
    expect(before.items).toHaveLength(63);
    expect(before.items.filter((p) => p.hasProgram).map((p) => p.name)).toEqual([
      'Tỉnh Nam Định',
      'Tỉnh Nghệ An',
      'Tỉnh Quảng Nam',
    ]);
    const namDinh = before.items.find((p) => p.code === '36');
    expect(namDinh?.successors).toEqual([
      expect.objectContaining({ code: '37', name: 'Tỉnh Ninh Bình', effectiveOn: '2025-07-01' }),
    ]);
    const ninhBinh = today.items.find((p) => p.code === '37');
    expect(ninhBinh?.predecessors.map((p) => [p.code, p.hasProgram])).toEqual([
      ['35', false],
      ['36', true],
    ]);
  });

  it('shows a province by code with its departments and, for a reused code, the other province', async () => {
    const nghean = await get<ProvinceDetail>('/api/provinces/40');
    expect(nghean).toMatchObject({
      name: 'Tỉnh Nghệ An',
      validFrom: null,
      validTo: null,
      hasProgram: true,
      sameCode: [],
    });
    // after the 1 March 2025 consolidation Nghệ An has 14 departments of its People's Committee
    expect(nghean.childCounts.department).toBe(14);
    expect(nghean.ancestors.map((a) => a.name)).toEqual(['Việt Nam']);
    const laoCai = await get<ProvinceDetail>('/api/provinces/15');
    expect(laoCai.name).toBe('Tỉnh Lào Cai');
    expect(laoCai.sameCode.map((u) => [u.name, u.validTo])).toEqual([['Tỉnh Yên Bái', '2025-07-01']]);
    const missing = await get<{ error: { code: string } }>('/api/provinces/99', 404);
    expect(missing.error.code).toBe('unit.not_found');
  });

  it('shows a merged province on its last day, with its successor', async () => {
    const namDinh = await get<ProvinceDetail>('/api/provinces/36');
    expect(namDinh).toMatchObject({ validTo: '2025-07-01', viewDate: '2025-06-30' });
    expect(namDinh.successors.map((s) => [s.unit.name, s.kind, s.effectiveOn, s.source])).toEqual([
      ['Tỉnh Ninh Bình', 'full', '2025-07-01', 'Nghị quyết 202/2025/QH15'],
    ]);
    const children = await get<UnitChildrenResponse>(`/api/units/${namDinh.id}/children?kind=department`);
    expect(children.at).toBe('2025-06-30');
    expect(children.items.map((c) => c.name)).toContain('Sở Khoa học và Công nghệ');
    // Sở Thông tin và Truyền thông went into Sở Khoa học và Công nghệ on 1 March 2025
    expect(children.items.map((c) => c.name)).not.toContain('Sở Thông tin và Truyền thông');
    const earlier = await get<UnitChildrenResponse>(
      `/api/units/${namDinh.id}/children?kind=department&at=2024-12-31`,
    );
    expect(earlier.items.map((c) => c.name)).toContain('Sở Thông tin và Truyền thông');
  });

  it('shows one unit with its parent, ancestors and lineage', async () => {
    const found = await get<UnitSearchResponse>(
      '/api/units?search=thong%20tin%20va%20truyen%20thong&kind=department&limit=50',
    );
    const tttt = found.items.find((u) => u.code === '40.STTTT');
    expect(tttt?.path).toEqual(['Tỉnh Nghệ An']);
    const detail = await get<UnitDetail>(`/api/units/${tttt?.id}`);
    expect(detail).toMatchObject({
      parent: { name: 'Tỉnh Nghệ An' },
      validTo: '2025-03-01',
      viewDate: '2025-02-28',
    });
    expect(detail.successors.map((s) => [s.unit.name, s.kind])).toEqual([
      ['Sở Khoa học và Công nghệ', 'partial'],
    ]);
    const missing = await get<{ error: { code: string } }>('/api/units/999999', 404);
    expect(missing.error.code).toBe('unit.not_found');
  });

  it('gives the tree of a date', async () => {
    const tree = await get<UnitTreeResponse>('/api/units/tree?depth=1');
    expect(tree.root.name).toBe('Việt Nam');
    expect(tree.root.children).toHaveLength(34);
    expect(tree.root.children[0]).toMatchObject({ code: '01', name: 'Thành phố Hà Nội' });
    const before = await get<UnitTreeResponse>('/api/units/tree?depth=2&at=2025-06-30');
    expect(before.root.children).toHaveLength(63);
    const nghean = before.root.children.find((c) => c.code === '40');
    expect(nghean?.children.length).toBe(nghean?.childCount);
  });

  it('refuses a bad date with a located error', async () => {
    const res = await get<{ error: { code: string; details: Array<{ path: string }> } }>(
      '/api/provinces?at=30/06/2025',
      400,
    );
    expect(res.error.code).toBe('request.invalid');
    expect([...new Set(res.error.details.map((d) => d.path))]).toEqual(['query.at']);
  });

  it('lets only an admin import a list, and then finds its communes', async () => {
    const form = () => {
      const f = new FormData();
      f.set('file', new File([readUnitListFixture('dvhc-2025.csv')], 'dvhc-2025.csv', { type: 'text/csv' }));
      return f;
    };
    const anonymous = await app.request('/api/units/import', { method: 'POST', body: form() });
    expect(anonymous.status).toBe(401);

    const nation = await get<UnitTreeResponse>('/api/units/tree?depth=1');
    const coordinator = await personWithSession(h.db, {
      grants: [{ role: 'coordinator', unitId: nation.root.id }],
    });
    const refused = await app.request('/api/units/import', {
      method: 'POST',
      body: form(),
      headers: coordinator.headers,
    });
    expect(refused.status).toBe(403);

    const admin = await personWithSession(h.db, { grants: [{ role: 'admin', unitId: nation.root.id }] });
    const res = await app.request('/api/units/import', {
      method: 'POST',
      body: form(),
      headers: admin.headers,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'imported', counts: { provinces: 34, communes: 3321 } });

    const found = await get<UnitSearchResponse>('/api/units?search=thanh%20vinh');
    expect(found.items[0]).toMatchObject({
      name: 'Phường Thành Vinh',
      kind: 'commune',
      path: ['Tỉnh Nghệ An'],
    });
    const nghean = await get<ProvinceDetail>('/api/provinces/40');
    const within = await get<UnitSearchResponse>(`/api/units?search=vinh&withinId=${nghean.id}&limit=100`);
    expect(within.items.length).toBeGreaterThan(0);
    expect(within.items.every((u) => u.path[0] === 'Tỉnh Nghệ An')).toBe(true);

    const bad = new FormData();
    bad.set('file', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])], 'anh.csv'));
    const refusedFile = await app.request('/api/units/import', {
      method: 'POST',
      body: bad,
      headers: admin.headers,
    });
    expect(refusedFile.status).toBe(415);
    const body = (await refusedFile.json()) as {
      error: { code: string; details: Array<{ message: string }> };
    };
    expect(body.error.code).toBe('unit_import.invalid');
    expect(body.error.details[0]?.message).toBe('Tệp không phải bảng CSV hay XLSX: nội dung là PNG');
  });
});
