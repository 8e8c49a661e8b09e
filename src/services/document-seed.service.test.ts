import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import type { DatabaseHandle } from '../db/connect';
import { anonymous, systemActor } from '../domain/auth/actor';
import { compareDocuments } from './compare.service';
import type { ServiceContext } from './context';
import { getDocument, listDocuments } from './document.service';
import { seedDocumentsOnFirstStart } from './document-seed.service';
import {
  insertNationalIndicators,
  insertReferenceUnits,
  type ReferenceUnits,
  testContext,
} from './document-test-fixtures';
import { listConfirmedTargets, listConfirmedTasks, listDocumentTargets } from './review.service';

// the seeds and their hand-checked review are read where they live, never copied
const seedsDir = process.env.NHIPSO_SEEDS_DIR ?? resolve(import.meta.dirname, '../../../shared/seeds');
const goldDir = resolve(import.meta.dirname, '../../test/fixtures/gold');
const gold = (n: string) =>
  JSON.parse(readFileSync(join(goldDir, `${n}.json`), 'utf8')) as {
    file: string;
    targets: { quote: string; indicator: string | null; value: number; valueMax: number | null }[];
    taskGroups: { section: string; leads: string[] }[];
  };

describe.runIf(existsSync(seedsDir))('the seed documents on first start', () => {
  let h: DatabaseHandle;
  let units: ReferenceUnits;
  let system: ServiceContext;
  let line: string | undefined;
  let ms = 0;
  const idOf = new Map<string, number>();

  beforeAll(async () => {
    h = await createTestDatabase();
    units = await insertReferenceUnits(h.db);
    await insertNationalIndicators(h.db);
    system = testContext(h.db, systemActor('khởi động / start-up'));
    const started = performance.now();
    line = await seedDocumentsOnFirstStart(system, { seedsDir, goldDir });
    ms = performance.now() - started;
    for (const d of (await listDocuments(system)).items) {
      const file = (await getDocument(system, d.id)).sourceFileName ?? '';
      idOf.set(file.slice(0, 3), d.id);
    }
  });
  afterAll(() => h.close());

  it('stores the five seeds with the province each belongs to, quickly', async () => {
    expect(line).toMatch(/5/);
    console.info(`seeding with review: ${Math.round(ms)} ms on ${h.engine}`);
    expect(ms).toBeLessThan(8000);
    const docs = (await listDocuments(system)).items;
    expect(docs).toHaveLength(5);
    const province = (n: string) => docs.find((d) => d.id === idOf.get(n))?.provinceId ?? null;
    expect(province('000')).toBe(units.get('36'));
    expect(province('004')).toBe(units.get('36'));
    expect(province('002')).toBe(units.get('40'));
    expect(province('003')).toBe(units.get('49'));
    expect(province('001')).toBeNull();
    expect(docs.every((d) => d.isSeed)).toBe(true);
  });

  it('takes number, kind and date from the reader', async () => {
    const resolution = await getDocument(system, idOf.get('000')!);
    expect(resolution).toMatchObject({ kind: 'outline', number: '09-NQ/TU', issuedOn: '2021-10-15' });
    const template = await getDocument(system, idOf.get('001')!);
    expect(template).toMatchObject({ kind: 'template', number: '46-CV/BCSD' });
    expect(template.sections.length).toBeGreaterThan(5);
  });

  it('links them: the plan carries out 09-NQ/TU and Decision 749, the resolutions follow the template, the outline explains 09-NQ/TU', async () => {
    const links = async (n: string) =>
      (await getDocument(system, idOf.get(n)!)).links
        .filter((l) => l.direction === 'out')
        .map((l) => [l.relation, l.reference, l.documentId]);
    expect(await links('004')).toEqual(
      expect.arrayContaining([
        ['implements', '09-NQ/TU', idOf.get('000')],
        ['implements', '749/QĐ-TTg', null],
      ]),
    );
    for (const n of ['000', '002', '003']) {
      expect(await links(n)).toContainEqual(['follows_template', '46-CV/BCSD', idOf.get('001')]);
    }
    expect(await links('000')).toContainEqual(['explains', '09-NQ/TU', null]);
    // and the other way round: the template lists the resolutions that follow it
    const incoming = (await getDocument(system, idOf.get('001')!)).links.filter((l) => l.direction === 'in');
    expect(incoming.map((l) => l.documentId).sort()).toEqual(
      [idOf.get('000'), idOf.get('002'), idOf.get('003')].sort(),
    );
  });

  it("applies the coordinator's review: every hand-checked target is confirmed, nothing else", async () => {
    for (const n of ['000', '001', '002', '003', '004']) {
      const g = gold(n);
      const confirmed = await listConfirmedTargets(system, { documentId: idOf.get(n)! });
      expect(confirmed, `seed ${n}`).toHaveLength(g.targets.length);
      for (const t of g.targets) {
        const hit = confirmed.find((c) => c.quote.includes(t.quote) || t.quote.includes(c.quote));
        expect(hit, `seed ${n}: ${t.quote}`).toBeDefined();
        expect(hit?.indicator?.code ?? null, `seed ${n}: ${t.quote}`).toBe(t.indicator);
        expect(hit?.value, `seed ${n}: ${t.quote}`).toBe(t.value);
        // ranges and rank bands keep their other end ("nhóm 25 - 30")
        expect(hit?.valueMax ?? null, `seed ${n}: ${t.quote}`).toBe(t.valueMax);
      }
      const proposed = await listDocumentTargets(system, idOf.get(n)!, 'proposed');
      expect(proposed.items, `seed ${n} left proposals`).toEqual([]);
    }
  });

  it("gives the plan's task groups the lead departments the review names", async () => {
    const tasks = await listConfirmedTasks(system, { documentId: idOf.get('004')! });
    for (const g of gold('004').taskGroups.filter((x) => x.leads.some((l) => l.startsWith('Sở ')))) {
      const task = tasks.find((t) => t.section === g.section);
      expect(task, g.section).toBeDefined();
      const expected = g.leads.filter((l) => l.startsWith('Sở '));
      expect(
        task?.leads.map((u) => u.name),
        g.section,
      ).toEqual(expect.arrayContaining(expected));
    }
  });

  it('finds where Nam Định’s resolution and plan disagree on the digital economy and e-payment accounts', async () => {
    const c = await compareDocuments(testContext(h.db, anonymous), '09-NQ/TU', String(idOf.get('004')));
    const diff = (code: string, year: number) =>
      c.differing.find((d) => d.indicator.code === code && d.year === year);
    const grdp2025 = diff('ECO.DIGITAL_ECONOMY_GRDP', 2025);
    expect(grdp2025?.a.map((t) => t.value)).toEqual([20]);
    expect(grdp2025?.b.map((t) => t.value)).toEqual([10]);
    const grdp2030 = diff('ECO.DIGITAL_ECONOMY_GRDP', 2030);
    expect(grdp2030?.a.map((t) => [t.comparator, t.value])).toEqual([['=', 30]]);
    expect(grdp2030?.b.map((t) => [t.comparator, t.value, t.valueMax])).toEqual([['range', 15, 20]]);
    const pay = diff('SOC.EPAYMENT_ACCOUNTS', 2025);
    expect(pay?.a.map((t) => [t.comparator, t.value])).toEqual([['>', 50]]);
    expect(pay?.b.map((t) => [t.comparator, t.value])).toEqual([['>', 40]]);
  });

  it("lists what a province's resolution lacks against the ministry's template", async () => {
    const c = await compareDocuments(system, '46-CV/BCSD', String(idOf.get('002')));
    expect(c.coverage).not.toBeNull();
    // the template names work files, e-payment accounts, the digital economy… as kinds every program must set
    const required = c.coverage!.items.map((i) => i.indicator.code);
    expect(required).toEqual(
      expect.arrayContaining([
        'GOV.WORKFILE_ONLINE',
        'ECO.DIGITAL_ECONOMY_GRDP',
        'SOC.EPAYMENT_ACCOUNTS',
        'FND.DX_BUDGET_SHARE',
      ]),
    );
    expect(c.coverage!.covered).toBeGreaterThan(0);
    expect(c.coverage!.missing.length + c.coverage!.covered).toBe(c.coverage!.required);
  });

  it('does nothing on a database that already has documents', async () => {
    expect(await seedDocumentsOnFirstStart(system, { seedsDir, goldDir })).toBeUndefined();
    expect((await listDocuments(system)).items).toHaveLength(5);
  });

  it('says so in one line when the seeds folder is missing', async () => {
    const empty = await createTestDatabase();
    try {
      const ctx = testContext(empty.db, systemActor('test'));
      const said = await seedDocumentsOnFirstStart(ctx, { seedsDir: '/nonexistent/seeds' });
      expect(said).toMatch(/\/nonexistent\/seeds/);
      expect(said?.split('\n')).toHaveLength(1);
      expect((await listDocuments(ctx)).items).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
