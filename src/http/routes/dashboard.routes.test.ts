/**
 * The status, index and dashboard routes over HTTP: what a visitor sees
 * before and after publication, what a coordinator sees live, the CSV, the
 * tasks board, the national comparison, a scorecard, and the index's manual
 * items and adjustments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSessionFor } from '../../../test/auth-world';
import { createTestDatabase } from '../../../test/db';
import { buildReportingWorld, type ReportingWorld } from '../../../test/reporting-world';
import type { DatabaseHandle } from '../../db/connect';
import { ensureYears, insertProgram, putFigures } from '../../services/status-test-fixtures';
import { createApp } from '../app';

describe('dashboard routes', () => {
  let h: DatabaseHandle;
  let w: ReportingWorld;
  let app: ReturnType<typeof createApp>;
  let coordinator: Record<string, string>;
  let reporterD: Record<string, string>;
  let targetId: number;
  const now = () => new Date('2026-01-15T03:00:00Z');

  beforeAll(async () => {
    h = await createTestDatabase();
    w = await buildReportingWorld(h.db, now);
    await h.db.updateTable('unit').set({ code: '77' }).where('id', '=', w.p).execute();
    await h.db.updateTable('unit').set({ code: '78' }).where('id', '=', w.q).execute();
    const workfiles = w.indicator('GOV.WORKFILE_ONLINE');
    ({
      targetIds: [targetId = 0],
    } = await insertProgram(h.db, w.p, [
      { indicatorId: workfiles, year: 2025, comparator: '>=', value: 90, quote: '90% hồ sơ công việc' },
    ]));
    // a task led by the department, due with the plan at the end of 2025, reported half done in 2024
    const doc = await h.db
      .selectFrom('target')
      .select('documentId')
      .where('id', '=', targetId)
      .executeTakeFirstOrThrow();
    const task = await h.db
      .insertInto('task')
      .values({
        documentId: doc.documentId,
        sectionLabel: 'II.2.1',
        title: 'Xây dựng kho dữ liệu dùng chung của tỉnh',
        text: 'Xây dựng kho dữ liệu dùng chung của tỉnh',
        spanStart: 0,
        spanEnd: 10,
        reviewState: 'confirmed',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.db.insertInto('taskUnit').values({ taskId: task.id, unitId: w.d, role: 'lead' }).execute();
    await ensureYears(h.db, [2024]);
    await h.db
      .insertInto('taskUpdate')
      .values({ taskId: task.id, unitId: w.d, periodId: '2024', status: 'in_progress', percent: 50 })
      .execute();
    await putFigures(h.db, [
      { unitId: w.c3, indicatorId: workfiles, periodId: '2023', numerator: 50, denominator: 100 },
      { unitId: w.c3, indicatorId: workfiles, periodId: '2024', numerator: 60, denominator: 80 },
      { unitId: w.d, indicatorId: workfiles, periodId: '2024', numerator: 30, denominator: 40 },
      { unitId: w.q1, indicatorId: workfiles, periodId: '2024', numerator: 9, denominator: 10 },
    ]);
    app = createApp({ db: h.db, engine: h.engine, version: 'test', now });
    coordinator = (await openSessionFor(h.db, w.people.coordinator.id, now())).headers;
    reporterD = (await openSessionFor(h.db, w.people.reporterD.id, now())).headers;
  });
  afterAll(() => h.close());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await app.request(path, { headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const send = async (method: string, path: string, body: unknown, headers: Record<string, string>) => {
    const res = await app.request(path, {
      method,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('shows a visitor nothing before publication, and the coordinator the live judgement with its steps', async () => {
    const visitor = await get('/api/provinces/77/target-status');
    expect(visitor.status).toBe(200);
    expect(visitor.body).toMatchObject({
      source: 'published',
      publication: null,
      items: [],
      canReadLive: false,
    });
    const live = await get('/api/provinces/77/target-status?year=2024', coordinator);
    expect(live.body.source).toBe('live');
    const item = (
      live.body.items as Array<{
        status: string;
        primary: { current: { value: number }; result: { steps: unknown[] } };
      }>
    )[0];
    // 2024: (60 + 30) ÷ (80 + 40) = 75 %; path 50 → 90 expects 60 in 2024 → on track
    expect(item?.primary.current.value).toBeCloseTo(75, 9);
    expect(item?.status).toBe('on_track');
    expect(item?.primary.result.steps.length).toBeGreaterThan(3);
  });

  it('publishes a year for the coordinator only, after which a visitor sees it', async () => {
    expect((await send('POST', `/api/provinces/${w.p}/publications`, { year: 2024 }, reporterD)).status).toBe(
      403,
    );
    const future = await send('POST', `/api/provinces/${w.p}/publications`, { year: 2027 }, coordinator);
    expect(future.status).toBe(422);
    expect((future.body.error as { code: string }).code).toBe('publication.future_year');
    const pub = await send(
      'POST',
      `/api/provinces/${w.p}/publications`,
      { year: 2024, note: 'Năm 2024' },
      coordinator,
    );
    expect(pub.status).toBe(201);
    expect(pub.body).toMatchObject({ periodId: '2024', publishedBy: 'Trần Thị Điều Phối', note: 'Năm 2024' });
    const visitor = await get('/api/provinces/77/target-status');
    expect(visitor.body.source).toBe('published');
    expect((visitor.body.items as unknown[]).length).toBe(1);
    expect((visitor.body.publication as { periodId: string }).periodId).toBe('2024');
    // the published figures of 2024 are public on the indicator page; 2023 (not published) is not
    const view = await get('/api/provinces/77/indicators/GOV.WORKFILE_ONLINE');
    expect(view.body.source).toBe('published');
    expect((view.body.trend as Array<{ periodId: string }>).map((t) => t.periodId)).toEqual(['2024']);
  });

  it('gives an indicator page with trend, target, projection, units and the country', async () => {
    const v = await get('/api/provinces/77/indicators/GOV.WORKFILE_ONLINE', coordinator);
    expect(v.status).toBe(200);
    expect(
      (v.body.trend as Array<{ periodId: string; value: number }>).map((t) => [t.periodId, t.value]),
    ).toEqual([
      ['2023', 50],
      ['2024', 75],
    ]);
    const target = (
      v.body.targets as Array<{ value: number; projection: { year: number; value: number } }>
    )[0];
    // projection 75 + 25 × 1 = 100 in 2025
    expect(target?.projection).toEqual({ fromYear: 2024, fromValue: 75, year: 2025, value: 100 });
    expect(v.body.period).toBe('2024');
    const units = v.body.units as { kind: string; items: Array<{ unitId: number; value: number | null }> };
    expect(units.kind).toBe('commune');
    expect(units.items.find((u) => u.unitId === w.c3)?.value).toBe(75);
    // the other province is not readable by this coordinator: on the map without a value
    const national = v.body.national as {
      items: Array<{ code: string; value: number | null; visible: boolean }>;
    };
    expect(national.items.find((i) => i.code === '77')?.value).toBe(75);
    expect(national.items.find((i) => i.code === '78')).toMatchObject({ visible: false, value: null });
  });

  it('downloads the table by unit as CSV with Vietnamese headers and dot decimals', async () => {
    const res = await app.request('/api/provinces/77/indicators/GOV.WORKFILE_ONLINE/csv?period=2024', {
      headers: coordinator,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('77_GOV.WORKFILE_ONLINE_2024.csv');
    const text = await res.text();
    const lines = text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'ma_tinh,ma_don_vi,ten_don_vi,loai_don_vi,ma_chi_tieu,ky,gia_tri,tu_so,mau_so,so_don_vi_bao_cao,trang_thai_so_lieu',
    );
    expect(lines[1]).toBe('77,77,Tỉnh Thử Nghiệm,province,GOV.WORKFILE_ONLINE,2024,75,90,120,2,approved');
    expect(lines).toContain(
      `77,${(await h.db.selectFrom('unit').select('code').where('id', '=', w.c3).executeTakeFirstOrThrow()).code},Phường Nam Định,commune,GOV.WORKFILE_ONLINE,2024,75,60,80,1,approved`,
    );
  });

  it('ranks provinces nationally for an administrator', async () => {
    const admin = (await openSessionFor(h.db, w.people.admin.id, now())).headers;
    const r = await get('/api/national/comparison?indicator=GOV.WORKFILE_ONLINE&period=2024', admin);
    const items = r.body.items as Array<{ province: { code: string }; value: number; rank: number }>;
    expect(items.slice(0, 2).map((i) => [i.province.code, i.value, i.rank])).toEqual([
      ['78', 90, 1],
      ['77', 75, 2],
    ]);
  });

  it('lists the department’s task as late on the board and on its scorecard', async () => {
    const board = await get('/api/provinces/77/tasks-board', coordinator);
    expect(board.status).toBe(200);
    const group = (
      board.body.groups as Array<{
        lead: { unitId: number };
        items: Array<{ state: string; due: string; reported: { percent: number } }>;
      }>
    )[0];
    expect(group?.lead.unitId).toBe(w.d);
    // due with the plan on 31/12/2025; on 15/01/2026 it is late at 50 %
    expect(group?.items[0]).toMatchObject({ state: 'late', due: '2025-12-31', reported: { percent: 50 } });
    const card = await get(`/api/units/${w.d}/scorecard?year=2024`, coordinator);
    expect(card.body.unit).toMatchObject({ id: w.d, kind: 'department' });
    const fig = (
      card.body.figures as Array<{ indicator: { code: string }; value: number; provinceValue: number }>
    )[0];
    expect(fig).toMatchObject({ indicator: { code: 'GOV.WORKFILE_ONLINE' }, value: 75, provinceValue: 75 });
    expect((card.body.tasks as unknown[]).length).toBe(1);
  });

  it('shows a visitor the task reports of published years only', async () => {
    const doc = await h.db.selectFrom('task').select('documentId').executeTakeFirstOrThrow();
    const other = await h.db
      .insertInto('task')
      .values({
        documentId: doc.documentId,
        sectionLabel: 'II.2.2',
        title: 'Số hóa hồ sơ lưu trữ',
        text: 'Số hóa hồ sơ lưu trữ',
        spanStart: 0,
        spanEnd: 10,
        reviewState: 'confirmed',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.db.insertInto('taskUnit').values({ taskId: other.id, unitId: w.d, role: 'lead' }).execute();
    // reported in 2023 only: 2024 is published, 2023 is not
    await h.db
      .insertInto('taskUpdate')
      .values({ taskId: other.id, unitId: w.d, periodId: '2023', status: 'in_progress', percent: 20 })
      .execute();
    type Board = {
      groups: Array<{ items: Array<{ taskId: number; reported: { percent: number } | null }> }>;
    };
    const itemOf = (b: Board) => b.groups.flatMap((g) => g.items).find((i) => i.taskId === other.id);
    const live = (await get('/api/provinces/77/tasks-board', coordinator)).body as unknown as Board;
    expect(itemOf(live)?.reported?.percent).toBe(20);
    const visitor = (await get('/api/provinces/77/tasks-board')).body as unknown as Board;
    expect(itemOf(visitor)).toBeDefined();
    expect(itemOf(visitor)?.reported).toBeNull();
  });

  it('takes manual index items from the unit and adjustments with a reason from the coordinator', async () => {
    const input = await send(
      'PUT',
      '/api/index-inputs',
      {
        methodCode: 'UNIT_DX',
        unitId: w.d,
        year: 2025,
        subIndicator: 'UNIT.LD1.1',
        value: true,
        evidenceUrl: 'ftp://x',
      },
      reporterD,
    );
    expect(input.status).toBe(400);
    expect(JSON.stringify(input.body)).toContain('body.evidenceUrl');
    const ok = await send(
      'PUT',
      '/api/index-inputs',
      {
        methodCode: 'UNIT_DX',
        unitId: w.d,
        year: 2025,
        subIndicator: 'UNIT.LD1.1',
        value: true,
        evidenceUrl: 'https://a.gov.vn/kh.pdf',
      },
      reporterD,
    );
    expect(ok.status).toBe(200);
    const noReason = await send(
      'PUT',
      '/api/index-adjustments',
      { methodCode: 'UNIT_DX', unitId: w.d, year: 2025, subIndicator: 'UNIT.LD2.1', points: 40, reason: ' ' },
      coordinator,
    );
    expect(noReason.status).toBe(400);
    const adjusted = await send(
      'PUT',
      '/api/index-adjustments',
      {
        methodCode: 'UNIT_DX',
        unitId: w.d,
        year: 2025,
        subIndicator: 'UNIT.LD2.1',
        points: 40,
        reason: 'Nộp đúng hạn',
      },
      coordinator,
    );
    expect(adjusted.status).toBe(200);
    const scores = await get('/api/provinces/77/index-scores?year=2025', coordinator);
    const d = (scores.body.items as Array<{ unit: { id: number }; total: number }>).find(
      (s) => s.unit.id === w.d,
    );
    // 30 (plan, with its link) + 40 (adjusted)
    expect(d?.total).toBe(70);
  });
});
