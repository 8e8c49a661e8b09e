import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import type { DatabaseHandle } from './connect';

describe('target constraints in the database', () => {
  let h: DatabaseHandle;
  let documentId: number;
  beforeAll(async () => {
    h = await createTestDatabase();
    const doc = await h.db
      .insertInto('programDocument')
      .values({
        kind: 'resolution',
        title: 'T',
        body: 'thuộc nhóm 25 - 30 tỉnh',
        sourceFormat: 'txt',
        sha256: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    documentId = doc.id;
  });
  afterAll(() => h.close());

  const target = (comparator: '=' | 'top' | 'range', valueMax: number | null) => ({
    documentId,
    comparator,
    value: 25,
    valueMax,
    unit: comparator === 'top' ? ('rank' as const) : ('percent' as const),
    quote: 'nhóm 25 - 30',
    spanStart: 0,
    spanEnd: 10,
  });

  it('keeps a rank band (top 25–30) and a plain top-N', async () => {
    await expect(h.db.insertInto('target').values(target('top', 30)).execute()).resolves.toBeDefined();
    await expect(h.db.insertInto('target').values(target('top', null)).execute()).resolves.toBeDefined();
  });

  it('refuses a range without its upper value and an upper value on a plain comparator', async () => {
    await expect(h.db.insertInto('target').values(target('range', null)).execute()).rejects.toThrow();
    await expect(h.db.insertInto('target').values(target('=', 30)).execute()).rejects.toThrow();
  });

  it('keeps a published judgement: its target cannot be deleted', async () => {
    const t = await h.db
      .insertInto('target')
      .values(target('top', null))
      .returning('id')
      .executeTakeFirstOrThrow();
    const nation = await h.db
      .insertInto('unit')
      .values({ code: 'VN-T', kind: 'nation', name: 'Việt Nam', searchText: 'viet nam' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const province = await h.db
      .insertInto('unit')
      .values({ code: '99', kind: 'province', name: 'Tỉnh Thử', searchText: 'tinh thu', parentId: nation.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.db
      .insertInto('period')
      .values({ id: '2024', kind: 'year', startsOn: '2024-01-01', endsOn: '2024-12-31' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const pub = await h.db
      .insertInto('publication')
      .values({ provinceId: province.id, periodId: '2024', publishedAt: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.db
      .insertInto('publicationTarget')
      .values({
        publicationId: pub.id,
        targetId: t.id,
        status: 'met',
        method: 'linear',
        result: JSON.stringify({}),
      })
      .execute();
    await expect(h.db.deleteFrom('target').where('id', '=', t.id).execute()).rejects.toThrow();
  });
});
