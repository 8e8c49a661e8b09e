import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import type { DatabaseHandle } from '../db/connect';
import { systemActor } from '../domain/auth/actor';
import { isAppError } from '../domain/errors';
import { nationalIndicators } from '../domain/reference/indicators';
import { systemContext } from './context';
import {
  getIndicator,
  listIndicators,
  syncIndicatorCatalogAtStart,
  syncNationalIndicatorCatalog,
} from './indicator.service';

describe('the indicator catalog in the database', () => {
  let h: DatabaseHandle;
  let ctx: ReturnType<typeof systemContext>;
  let provinceId: number;

  const auditCount = async () =>
    Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_event`.execute(h.db)).rows[0]?.n);

  beforeAll(async () => {
    h = await createTestDatabase();
    ctx = systemContext(h.db, systemActor('test'));
    const nation = await h.db
      .insertInto('unit')
      .values({ code: 'VN', kind: 'nation', name: 'Việt Nam', searchText: 'viet nam' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const province = await h.db
      .insertInto('unit')
      .values({
        code: '37',
        codeSystem: 'dvhc',
        kind: 'province',
        name: 'Tỉnh Ninh Bình',
        parentId: nation.id,
        searchText: 'tinh ninh binh',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    provinceId = province.id;
    // a province's own indicator, and one that took a code the catalog ships
    const own = {
      nameEn: 'Own',
      pillar: 'society' as const,
      kind: 'count' as const,
      unitOfMeasure: 'điểm',
      aggregation: 'sum' as const,
      direction: 'higher_better' as const,
      ownerUnitId: provinceId,
    };
    await h.db
      .insertInto('indicator')
      .values([
        {
          ...own,
          code: 'NB.LANG_NGHE_SO',
          nameVi: 'Số làng nghề số',
          searchText: 'nb.lang_nghe_so so lang nghe so',
        },
        {
          ...own,
          code: 'SOC.PUBLIC_WIFI',
          nameVi: 'Điểm wifi của tỉnh',
          searchText: 'soc.public_wifi diem wifi',
        },
      ])
      .execute();
  });
  afterAll(() => h.close());

  it('installs the whole shipped catalog on the first start, audited, leaving the province’s indicators alone', async () => {
    const before = await auditCount();
    const r = await syncNationalIndicatorCatalog(ctx);
    expect(r.inserted).toHaveLength(nationalIndicators.length - 1);
    expect(r.conflicts).toEqual(['SOC.PUBLIC_WIFI']);
    expect(r.updated).toEqual([]);
    // one audit entry names every indicator added
    expect(await auditCount()).toBe(before + 1);
    const entry = await h.db
      .selectFrom('auditEvent')
      .select(['action', 'after'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe('indicator.catalog_add');
    const added = (entry.after as { added: { code: string; id: number }[] }).added;
    expect(added.map((a) => a.code)).toEqual(r.inserted);
    expect(added.every((a) => Number.isInteger(a.id))).toBe(true);
    const wifi = await h.db
      .selectFrom('indicator')
      .selectAll()
      .where('code', '=', 'SOC.PUBLIC_WIFI')
      .executeTakeFirst();
    expect(wifi?.nameVi).toBe('Điểm wifi của tỉnh');
    expect(wifi?.ownerUnitId).toBe(provinceId);
  });

  it('does nothing on the next start when the catalog has not changed', async () => {
    const before = await auditCount();
    expect(await syncIndicatorCatalogAtStart(ctx)).toMatch(/SOC\.PUBLIC_WIFI/);
    const r = await syncNationalIndicatorCatalog(ctx);
    expect(r.inserted).toEqual([]);
    expect(r.updated).toEqual([]);
    expect(r.unchanged).toBe(nationalIndicators.length - 1);
    expect(await auditCount()).toBe(before);
  });

  it('restores a shipped definition that was changed, field by field, with the change audited', async () => {
    await h.db
      .updateTable('indicator')
      .set({ nameEn: 'Edited by hand', keywords: [] })
      .where('code', '=', 'GOV.DTI_RANK')
      .execute();
    const r = await syncNationalIndicatorCatalog(ctx);
    expect(r.updated).toEqual(['GOV.DTI_RANK']);
    const row = await h.db
      .selectFrom('indicator')
      .selectAll()
      .where('code', '=', 'GOV.DTI_RANK')
      .executeTakeFirstOrThrow();
    expect(row.nameEn).toBe('Rank in the provincial Digital Transformation Index (DTI)');
    expect(row.keywords).toContain('dti');
    const last = await h.db
      .selectFrom('auditEvent')
      .select(['action', 'entityId', 'before', 'after'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'indicator.catalog_update', entityId: 'GOV.DTI_RANK' });
    expect(last.before).toMatchObject({ nameEn: 'Edited by hand', keywords: [] });
    expect(Object.keys(last.after as object).sort()).toEqual(['keywords', 'nameEn']);
  });

  it('keeps a national definition whole: names, numerator and denominator in both languages, legal basis', async () => {
    const i = await getIndicator(ctx, 'GOV.WORKFILE_ONLINE');
    expect(i).toMatchObject({
      code: 'GOV.WORKFILE_ONLINE',
      nameVi: 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng',
      pillar: 'government',
      kind: 'ratio',
      aggregation: 'ratio',
      direction: 'higher_better',
      unitOfMeasure: { vi: '%', en: '%' },
      national: true,
      ownerUnitId: null,
    });
    expect(i.numerator?.vi).toContain('hồ sơ công việc');
    expect(i.denominator?.en).toContain('state secrecy');
    expect(i.legalBasis.map((l) => l.vi)).toEqual([
      expect.stringContaining('749/QĐ-TTg'),
      expect.stringContaining('942/QĐ-TTg'),
    ]);
    expect(i.legalBasis[0]?.en).toContain('Decision 749/QĐ-TTg');
    expect(i.unitKinds).toEqual(['department', 'agency', 'district', 'commune']);
  });

  it('answers an unknown code with indicator.not_found (404)', async () => {
    try {
      await getIndicator(ctx, 'GOV.NOPE');
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && [e.code, e.status]).toEqual(['indicator.not_found', 404]);
    }
  });

  it('finds the e-payment indicators with "thanh toan dien tu", whatever the diacritics and case', async () => {
    for (const search of ['thanh toan dien tu', 'THANH TOÁN ĐIỆN TỬ']) {
      const codes = (await listIndicators(ctx, { search })).items.map((i) => i.code);
      expect(codes.slice(0, 2).sort()).toEqual(['SOC.EPAYMENT_ACCOUNTS', 'SOC.EPAYMENT_USERS']);
      expect(codes).toEqual(expect.arrayContaining(['GOV.DVC_ONLINE_PAYMENT', 'SOC.BANK_ACCOUNTS']));
      expect(codes).not.toContain('FND.SECURITY_4_LAYER');
    }
  });

  it('puts the exact code first', async () => {
    const r = await listIndicators(ctx, { search: 'gov.dti_rank' });
    expect(r.items[0]?.code).toBe('GOV.DTI_RANK');
  });

  it('filters by pillar and kind and counts matches per pillar', async () => {
    const all = await listIndicators(ctx, {});
    expect(all.catalogSize).toBe(nationalIndicators.length + 1);
    expect(all.items).toHaveLength(nationalIndicators.length + 1);
    // national ones first, in catalog order; the province's own at the end
    expect(all.items[0]?.code).toBe(nationalIndicators[0]?.code);
    expect(all.items.at(-1)?.national).toBe(false);

    const ranks = await listIndicators(ctx, { kind: 'rank' });
    expect(ranks.items.map((i) => i.code).sort()).toEqual(['GOV.DTI_RANK', 'GOV.ICT_INDEX_RANK']);
    expect(ranks.pillarCounts).toEqual({ government: 2, economy: 0, society: 0, foundation: 0 });

    const economy = await listIndicators(ctx, { search: 'doanh nghiep', pillar: 'economy' });
    expect(economy.items.length).toBeGreaterThan(3);
    expect(economy.items.every((i) => i.pillar === 'economy')).toBe(true);
    expect(economy.pillarCounts.economy).toBe(economy.items.length);
  });

  it('gives nothing, not everything, for words that match no indicator', async () => {
    expect((await listIndicators(ctx, { search: 'khong co chi tieu nay xyz' })).items).toEqual([]);
  });
});
