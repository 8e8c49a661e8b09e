import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personWithSession } from '../../../test/auth-world';
import { createTestDatabase } from '../../../test/db';
import { shortQuangNamPlan } from '../../../test/fixtures/short-plan';
import type { DatabaseHandle } from '../../db/connect';
import { systemActor } from '../../domain/auth/actor';
import { seedDocumentsOnFirstStart } from '../../services/document-seed.service';
import {
  insertNationalIndicators,
  insertReferenceUnits,
  type ReferenceUnits,
  testContext,
} from '../../services/document-test-fixtures';
import { createApp } from '../app';

const seedsDir = process.env.NHIPSO_SEEDS_DIR ?? resolve(import.meta.dirname, '../../../../shared/seeds');
const goldDir = resolve(import.meta.dirname, '../../../test/fixtures/gold');

interface ErrorJson {
  error: { code: string; message: string; details: { path: string; code: string; message: string }[] };
}

describe.runIf(existsSync(seedsDir))('the documents API', () => {
  let h: DatabaseHandle;
  let units: ReferenceUnits;
  let app: ReturnType<typeof createApp>;
  let ngheAn: Record<string, string>;
  let namDinh: Record<string, string>;
  let quangNam: Record<string, string>;
  const ids = new Map<string, number>();

  const json = async <T>(res: Response) => (await res.json()) as T;
  const send = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    app.request(path, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const upload = (headers: Record<string, string>, file: File, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.set('file', file);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return app.request('/api/documents', { method: 'POST', headers, body: form });
  };

  beforeAll(async () => {
    h = await createTestDatabase();
    units = await insertReferenceUnits(h.db);
    await insertNationalIndicators(h.db);
    await seedDocumentsOnFirstStart(testContext(h.db, systemActor('test')), { seedsDir, goldDir });
    app = createApp({ db: h.db, engine: h.engine, version: 't' });
    for (const d of (
      await json<{ items: { id: number; sourceFileName?: string }[] }>(await app.request('/api/documents'))
    ).items) {
      const detail = await json<{ sourceFileName: string }>(await app.request(`/api/documents/${d.id}`));
      ids.set(detail.sourceFileName.slice(0, 3), d.id);
    }
    ngheAn = (await personWithSession(h.db, { grants: [{ role: 'coordinator', unitId: units.get('40')! }] }))
      .headers;
    namDinh = (await personWithSession(h.db, { grants: [{ role: 'coordinator', unitId: units.get('36')! }] }))
      .headers;
    quangNam = (
      await personWithSession(h.db, { grants: [{ role: 'coordinator', unitId: units.get('49')! }] })
    ).headers;
  });
  afterAll(() => h.close());

  it('lists the five documents, each with what the province page reads, and filters them', async () => {
    const res = await app.request('/api/documents');
    expect(res.status).toBe(200);
    const { items } = await json<{ items: Record<string, unknown>[] }>(res);
    expect(items).toHaveLength(5);
    for (const item of items) {
      for (const key of [
        'id',
        'kind',
        'number',
        'title',
        'issuedOn',
        'provinceId',
        'provinceName',
        'isSeed',
      ]) {
        expect(item).toHaveProperty(key);
      }
    }
    const ngheAnDocs = await json<{ items: { id: number; provinceName: string }[] }>(
      await app.request(`/api/documents?provinceId=${units.get('40')}`),
    );
    expect(ngheAnDocs.items.map((d) => [d.id, d.provinceName])).toEqual([[ids.get('002'), 'Tỉnh Nghệ An']]);
    const plans = await json<{ items: { id: number }[] }>(await app.request('/api/documents?kind=plan'));
    expect(plans.items.map((d) => d.id)).toEqual([ids.get('004')]);
    const bad = await app.request('/api/documents?kind=novel');
    expect(bad.status).toBe(400);
    expect((await json<ErrorJson>(bad)).error.details[0]?.path).toBe('query.kind');
  });

  it("opens Nghệ An's resolution with its sections and links, and its confirmed targets for anyone", async () => {
    const doc = await json<{
      sections: { path: string; heading: string }[];
      links: { relation: string; documentId: number }[];
      canReview: boolean;
    }>(await app.request(`/api/documents/${ids.get('002')}`));
    expect(doc.sections.map((s) => s.path)).toEqual(expect.arrayContaining(['I', 'II', 'III']));
    expect(doc.links).toContainEqual(
      expect.objectContaining({ relation: 'follows_template', documentId: ids.get('001') }),
    );
    expect(doc.canReview).toBe(false);
    const targets = await json<{ items: { reviewState: string }[] }>(
      await app.request(`/api/documents/${ids.get('002')}/targets`),
    );
    const gold = JSON.parse(readFileSync(join(goldDir, '002.json'), 'utf8')) as { targets: unknown[] };
    expect(targets.items).toHaveLength(gold.targets.length);
    expect(new Set(targets.items.map((t) => t.reviewState))).toEqual(new Set(['confirmed']));
    const mine = await json<{ canReview: boolean }>(
      await send('GET', `/api/documents/${ids.get('002')}`, ngheAn),
    );
    expect(mine.canReview).toBe(true);
  });

  it('keeps proposals and rejected items from anonymous visitors, in Vietnamese or English', async () => {
    const vi = await app.request(`/api/documents/${ids.get('002')}/targets?state=rejected`);
    expect(vi.status).toBe(401);
    expect((await json<ErrorJson>(vi)).error.message).toBe('Cần đăng nhập để thực hiện thao tác này');
    const other = await send('GET', `/api/documents/${ids.get('002')}/targets?state=all`, quangNam);
    expect(other.status).toBe(403);
    const ok = await send('GET', `/api/documents/${ids.get('002')}/targets?state=all`, ngheAn);
    expect(ok.status).toBe(200);
  });

  it("lets Nghệ An's coordinator edit a target, listing every invalid field, and add one from a selection", async () => {
    const { items } = await json<{ items: { id: number; unit: string }[] }>(
      await app.request(`/api/documents/${ids.get('002')}/targets`),
    );
    const first = items.find((t) => t.unit === 'percent')!;
    const bad = await send('PATCH', `/api/targets/${first.id}`, ngheAn, {
      comparator: 'range',
      value: 120,
      valueMax: 90,
    });
    expect(bad.status).toBe(422);
    expect((await json<ErrorJson>(bad)).error.details.map((d) => [d.path, d.code])).toEqual([
      ['valueMax', 'target.max_below_value'],
      ['value', 'target.percent_out_of_range'],
    ]);
    const good = await send('PATCH', `/api/targets/${first.id}`, ngheAn, { year: 2026, confirm: true });
    expect(good.status).toBe(200);
    expect(await json<{ year: number; reviewState: string }>(good)).toMatchObject({
      year: 2026,
      reviewState: 'confirmed',
    });
    expect((await send('PATCH', `/api/targets/${first.id}`, quangNam, { year: 2025 })).status).toBe(403);
    expect((await send('POST', `/api/targets/${first.id}/reject`, {})).status).toBe(401);

    const body = await json<{ body: string }>(await app.request(`/api/documents/${ids.get('002')}`));
    const words = 'chuyển đổi số';
    const at = body.body.indexOf(words);
    const added = await send('POST', `/api/documents/${ids.get('002')}/targets`, ngheAn, {
      span: [at, at + words.length],
      year: 2030,
      level: null,
      comparator: '>=',
      value: 1,
      unit: 'count',
      indicatorCode: 'GOV.IOC',
    });
    expect(added.status).toBe(201);
    expect(await json<{ quote: string; origin: string; indicator: { code: string } }>(added)).toMatchObject({
      quote: words,
      origin: 'manual',
      indicator: { code: 'GOV.IOC' },
    });
  });

  it('compares Nam Định’s resolution with its plan by number and id', async () => {
    const res = await app.request(`/api/compare?a=09-NQ/TU&b=${ids.get('004')}`);
    expect(res.status).toBe(200);
    const c = await json<{
      differing: {
        indicator: { code: string };
        year: number;
        a: { value: number }[];
        b: { value: number }[];
      }[];
    }>(res);
    const grdp = c.differing
      .filter((d) => d.indicator.code === 'ECO.DIGITAL_ECONOMY_GRDP')
      .map((d) => [d.year, d.a[0]?.value, d.b[0]?.value]);
    expect(grdp).toEqual([
      [2025, 20, 10],
      [2030, 30, 15],
    ]);
    expect(c.differing.some((d) => d.indicator.code === 'SOC.EPAYMENT_ACCOUNTS' && d.year === 2025)).toBe(
      true,
    );
    const missing = await app.request('/api/compare?a=99-NQ/TU&b=1');
    expect(missing.status).toBe(404);
  });

  it('refuses an upload to anyone but a coordinator of the province', async () => {
    const file = new File([readFileSync(join(seedsDir, '002_0f025bfebca71001.txt'))], 'nghi-quyet.txt', {
      type: 'text/plain',
    });
    expect((await upload({}, file)).status).toBe(401);
    expect((await upload(quangNam, file, { province: '40' })).status).toBe(403);
  });

  it('refuses a file that is not a document with the reader’s message, and the same file twice', async () => {
    const png = new File(
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
      'anh.png',
      {
        type: 'image/png',
      },
    );
    const res = await upload(ngheAn, png, { province: '40' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const err = await json<ErrorJson>(res);
    expect(err.error.code).toMatch(/^reader\./);
    expect(err.error.message).not.toBe(err.error.code);

    const seed = new File([readFileSync(join(seedsDir, '002_0f025bfebca71001.txt'))], 'nghi-quyet.txt', {
      type: 'text/plain',
    });
    const again = await upload(ngheAn, seed, { province: '40' });
    expect(again.status).toBe(409);
    expect((await json<ErrorJson>(again)).error.code).toBe('document.duplicate');
  });

  it('imports a DOCX plan for the province, read and proposed, with its leads resolved', async () => {
    const lines = [
      'ỦY BAN NHÂN DÂN TỈNH NGHỆ AN',
      'Số: 125/KH-UBND',
      'Nghệ An, ngày 15 tháng 3 năm 2025',
      'KẾ HOẠCH',
      'Chuyển đổi số tỉnh Nghệ An năm 2025',
      'Triển khai thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch chuyển đổi số năm 2025 như sau:',
      'I. MỤC TIÊU',
      '1. Đến năm 2025, 95% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng.',
      'II. NHIỆM VỤ',
      '1. Phát triển hạ tầng số',
      'Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính triển khai.',
    ];
    const doc = new Document({ sections: [{ children: lines.map((text) => new Paragraph({ text })) }] });
    const bytes = await Packer.toBuffer(doc);
    const res = await upload(
      ngheAn,
      new File([new Uint8Array(bytes)], 'ke-hoach-2025.docx', {
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      }),
      { provinceId: String(units.get('40')) },
    );
    expect(res.status).toBe(201);
    const r = await json<{
      document: { id: number; kind: string; number: string; provinceName: string };
      targets: number;
      tasks: number;
      links: { relation: string; reference: string }[];
    }>(res);
    expect(r.document).toMatchObject({ kind: 'plan', number: '125/KH-UBND', provinceName: 'Tỉnh Nghệ An' });
    expect(r.targets).toBeGreaterThanOrEqual(1);
    expect(r.links).toContainEqual(
      expect.objectContaining({ relation: 'implements', reference: '749/QĐ-TTg' }),
    );
    const detail = await json<{ sourceFormat: string }>(await app.request(`/api/documents/${r.document.id}`));
    expect(detail.sourceFormat).toBe('docx');
    const proposed = await json<{ items: { value: number; reviewState: string }[] }>(
      await send('GET', `/api/documents/${r.document.id}/targets?state=proposed`, ngheAn),
    );
    expect(proposed.items.map((t) => t.value)).toContain(95);
  });

  it('confirms at once the targets read with enough confidence and the tasks, leaving the others for review', async () => {
    const text = shortQuangNamPlan('77/KH-UBND');
    const res = await upload(quangNam, new File([text], 'ke-hoach-77.txt', { type: 'text/plain' }), {
      provinceId: String(units.get('49')),
    });
    expect(res.status).toBe(201);
    const id = (await json<{ document: { id: number } }>(res)).document.id;
    expect(
      (await send('POST', `/api/documents/${id}/confirm-proposals`, ngheAn, { tasks: true })).status,
    ).toBe(403);

    const done = await send('POST', `/api/documents/${id}/confirm-proposals`, quangNam, { tasks: true });
    expect(done.status).toBe(200);
    const r = await json<{ targets: number; tasks: number; targetsLeft: number }>(done);
    expect(r).toMatchObject({ targets: 1, targetsLeft: 1 });
    expect(r.tasks).toBeGreaterThanOrEqual(1);
    const left = await json<{ items: { value: number; indicator: string | null }[] }>(
      await send('GET', `/api/documents/${id}/targets?state=proposed`, quangNam),
    );
    // the training count names no catalog indicator: it waits for the coordinator
    expect(left.items.map((t) => t.value)).toEqual([1500]);
    const audit = await h.db
      .selectFrom('auditEvent')
      .select(['action', 'entityId'])
      .where('action', '=', 'document.confirm_proposals')
      .execute();
    expect(audit).toEqual([{ action: 'document.confirm_proposals', entityId: String(id) }]);
  });

  it('keeps the confirmed targets of a revised resolution whose words did not change', async () => {
    const original = readFileSync(join(seedsDir, '000_f506bdecc2baf188.txt'), 'utf8');
    expect(original).toContain('khoảng 20% GRDP');
    const revised = original.replace('khoảng 20% GRDP', 'khoảng 25% GRDP');
    const res = await upload(namDinh, new File([revised], '09-NQ-TU-sua-doi.txt', { type: 'text/plain' }), {
      province: '36',
    });
    expect(res.status).toBe(201);
    const r = await json<{
      document: { id: number; supersedesId: number; version: number };
      carriedOver: { targets: number; changed: number };
    }>(res);
    expect(r.document).toMatchObject({ supersedesId: ids.get('000'), version: 2 });
    const gold = JSON.parse(readFileSync(join(goldDir, '000.json'), 'utf8')) as { targets: unknown[] };
    expect(r.carriedOver.targets).toBe(gold.targets.length - 1);
    expect(r.carriedOver.changed).toBe(1);
    const all = await json<{ items: { value: number; reviewState: string; quote: string }[] }>(
      await send('GET', `/api/documents/${r.document.id}/targets?state=all`, namDinh),
    );
    const grdp = all.items.find((t) => t.quote.includes('25% GRDP'));
    expect(grdp).toMatchObject({ value: 25, reviewState: 'proposed' });
    // 09-NQ/TU now names the new version; the comparison follows it
    const c = await json<{ a: { id: number } }>(
      await app.request(`/api/compare?a=09-NQ/TU&b=${ids.get('004')}`),
    );
    expect(c.a.id).toBe(r.document.id);
  });
});
