import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import type { DatabaseHandle } from '../db/connect';
import { anonymous, systemActor } from '../domain/auth/actor';
import type { ReaderResult } from '../importers/document/types';
import { inTransaction } from '../repositories/db';
import { compareDocuments } from './compare.service';
import type { ServiceContext } from './context';
import {
  getDocument,
  listDocuments,
  resolveDocumentRef,
  type StoreOptions,
  storeDocumentReading,
} from './document.service';
import {
  insertNationalIndicators,
  insertReferenceUnits,
  personWith,
  type ReferenceUnits,
  testContext,
} from './document-test-fixtures';
import {
  addTarget,
  applyCoordinatorReview,
  confirmTarget,
  listConfirmedTargets,
  listConfirmedTasks,
  listDocumentTargets,
  listDocumentTasks,
  rejectTarget,
  updateTarget,
  updateTask,
} from './review.service';

// A small resolution written for these tests, in the documents' own style.
const TEXT = [
  'NGHỊ QUYẾT',
  'về chuyển đổi số tỉnh Nghệ An đến năm 2025',
  '',
  'Triển khai thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ, Ban Chấp hành Đảng bộ tỉnh ban hành Nghị quyết như sau:',
  '',
  'I. MỤC TIÊU ĐẾN NĂM 2025',
  '- 90% hồ sơ công việc tại cấp tỉnh; 80% hồ sơ công việc tại cấp huyện được xử lý trên môi trường mạng.',
  '- Kinh tế số chiếm khoảng 20% GRDP.',
  '- Tỷ lệ dân số có tài khoản thanh toán điện tử trên 50%.',
  '- Năm 2020 đạt 42,5%.',
  '',
  'II. NHIỆM VỤ, GIẢI PHÁP',
  '1. Phát triển hạ tầng số',
  'Sở TT&TT chủ trì; UBND cấp xã phối hợp.',
  '2. Phát triển y tế số',
  'Sở Y tế tỉnh Nghệ An chủ trì.',
].join('\n');

const span = (text: string, words: string, from = 0): [number, number] => {
  const at = text.indexOf(words, from);
  if (at < 0) throw new Error(`test text lacks "${words}"`);
  return [at, at + words.length];
};

function target(
  text: string,
  over: Partial<ReaderResult['targets'][number]> & { quote: string },
): ReaderResult['targets'][number] {
  return {
    year: 2025,
    level: null,
    comparator: '=',
    value: 0,
    valueMax: null,
    unit: 'percent',
    indicator: null,
    confidence: 0.9,
    span: span(text, over.quote),
    section: 'I',
    valueText: '',
    unitLabel: null,
    ...over,
  };
}

function section(
  text: string,
  index: number,
  parent: number | null,
  label: string,
  path: string,
  heading: string,
  kind: ReaderResult['sections'][number]['kind'],
  end: number,
): ReaderResult['sections'][number] {
  const at = span(text, `${label} ${heading}`);
  return {
    index,
    parent,
    label,
    path,
    heading,
    depth: parent === null ? 0 : 1,
    kind,
    role: null,
    span: [at[0], end],
    headingSpan: at,
    contentStart: at[0] + label.length + 1,
  };
}

/** What the reader would make of TEXT (written by hand: this file tests storage and review, not reading). */
function readingOf(text: string = TEXT, district = 80): ReaderResult {
  const sections = [
    section(text, 0, null, 'I.', 'I', 'MỤC TIÊU ĐẾN NĂM 2025', 'roman', text.indexOf('II. NHIỆM VỤ')),
    section(text, 1, null, 'II.', 'II', 'NHIỆM VỤ, GIẢI PHÁP', 'roman', text.length),
    section(
      text,
      2,
      1,
      '1.',
      'II.1',
      'Phát triển hạ tầng số',
      'arabic',
      text.indexOf('2. Phát triển y tế số'),
    ),
    section(text, 3, 1, '2.', 'II.2', 'Phát triển y tế số', 'arabic', text.length),
  ];
  // a bullet of the reader's structure: stored documents keep numbered sections only
  const bulletAt = text.indexOf('- Kinh tế số');
  sections.push({
    index: 4,
    parent: 0,
    label: '-',
    path: 'I-2',
    heading: 'Kinh tế số chiếm khoảng 20% GRDP.',
    depth: 1,
    kind: 'bullet',
    role: null,
    span: [bulletAt, bulletAt + 36],
    headingSpan: [bulletAt, bulletAt + 36],
    contentStart: bulletAt + 2,
  });
  const task = (
    sectionIndex: number,
    heading: string,
    leads: string[],
    coop: string[],
  ): ReaderResult['tasks'][number] => {
    const s = sections[sectionIndex]!;
    return {
      section: s.path,
      title: heading,
      text: text.slice(s.contentStart, s.span[1]).trim(),
      leads,
      cooperating: coop,
      deadline: null,
      span: s.span,
      kind: 'group',
      parent: null,
      sectionIndex,
      leadMentions: leads,
      cooperatingMentions: coop,
      deadlineText: null,
      pillar: null,
      sectors: [],
      tags: ['pillar:foundation'],
    };
  };
  return {
    text,
    format: 'text',
    document: {
      kind: 'resolution',
      number: '09-NQ/TU',
      issuer: 'Ban Chấp hành Đảng bộ tỉnh Nghệ An',
      date: '2022-08-10',
      province: 'Nghệ An',
      title: 'Về chuyển đổi số tỉnh Nghệ An đến năm 2025',
      horizonYears: [2025],
      cites: ['749/QĐ-TTg'],
      citations: [],
    },
    sections,
    targets: [
      target(text, {
        quote: '90% hồ sơ công việc tại cấp tỉnh',
        level: 'province',
        value: 90,
        indicator: 'GOV.WORKFILE_ONLINE',
      }),
      target(text, {
        quote: `${district}% hồ sơ công việc tại cấp huyện`,
        level: 'district',
        value: district,
        indicator: 'GOV.WORKFILE_ONLINE',
      }),
      target(text, {
        quote: 'Kinh tế số chiếm khoảng 20% GRDP',
        value: 20,
        indicator: 'ECO.DIGITAL_ECONOMY_GRDP',
      }),
      // a baseline the reader wrongly proposed
      target(text, { quote: 'Năm 2020 đạt 42,5%', year: 2020, value: 42.5 }),
    ],
    tasks: [
      task(2, 'Phát triển hạ tầng số', ['Sở TT&TT'], ['UBND cấp xã']),
      task(3, 'Phát triển y tế số', ['Sở Y tế tỉnh Nghệ An'], []),
    ],
  };
}

const options = (over: Partial<StoreOptions>): StoreOptions => ({
  fileName: 'nghi-quyet.txt',
  format: 'txt',
  sha256: `${Math.random()}`.slice(2).padEnd(64, '0'),
  kind: 'resolution',
  provinceId: null,
  isSeed: false,
  supersedes: null,
  ...over,
});

describe('program documents: storage, review, revision, comparison', () => {
  let h: DatabaseHandle;
  let units: ReferenceUnits;
  let system: ServiceContext;
  let coordinator: ServiceContext;
  let documentId: number;

  const store = (reading: ReaderResult, over: Partial<StoreOptions>) =>
    inTransaction(h.db, (trx) => storeDocumentReading(trx, system, reading, options(over)));

  beforeAll(async () => {
    h = await createTestDatabase();
    units = await insertReferenceUnits(h.db);
    await insertNationalIndicators(h.db);
    system = testContext(h.db, systemActor('test'));
    coordinator = testContext(h.db, personWith('coordinator', units.get('40')!));
    const stored = await store(readingOf(), { provinceId: units.get('40')! });
    documentId = stored.documentId;
  });
  afterAll(() => h.close());

  it('stores the document with its numbered sections, not its list bullets', async () => {
    const doc = await getDocument(system, documentId);
    expect(doc).toMatchObject({
      kind: 'resolution',
      number: '09-NQ/TU',
      issuedOn: '2022-08-10',
      provinceName: 'Tỉnh Nghệ An',
      isSeed: false,
      version: 1,
    });
    expect(doc.body).toBe(TEXT);
    expect(doc.sections.map((s) => [s.path, s.depth, s.heading])).toEqual([
      ['I', 0, 'MỤC TIÊU ĐẾN NĂM 2025'],
      ['II', 0, 'NHIỆM VỤ, GIẢI PHÁP'],
      ['II.1', 1, 'Phát triển hạ tầng số'],
      ['II.2', 1, 'Phát triển y tế số'],
    ]);
    const ii = doc.sections.find((s) => s.path === 'II')!;
    expect(doc.sections.find((s) => s.path === 'II.1')?.parentId).toBe(ii.id);
  });

  it('links the document to the decision its enacting formula carries out, kept by reference when not stored', async () => {
    const doc = await getDocument(system, documentId);
    expect(doc.links).toEqual([
      {
        relation: 'implements',
        direction: 'out',
        reference: '749/QĐ-TTg',
        documentId: null,
        title: null,
        number: null,
        kind: null,
      },
    ]);
  });

  it('lists documents with the fields the province page reads, filtered by province and kind', async () => {
    const all = await listDocuments(system, {});
    expect(all.items[0]).toMatchObject({
      id: documentId,
      kind: 'resolution',
      number: '09-NQ/TU',
      title: 'Về chuyển đổi số tỉnh Nghệ An đến năm 2025',
      issuedOn: '2022-08-10',
      provinceId: units.get('40'),
      provinceName: 'Tỉnh Nghệ An',
      isSeed: false,
    });
    expect((await listDocuments(system, { provinceId: units.get('36')! })).items).toEqual([]);
    expect((await listDocuments(system, { kind: 'plan' })).items).toEqual([]);
    expect((await listDocuments(system, { kind: 'resolution' })).items).toHaveLength(1);
  });

  it('proposes the targets with their catalog indicator, and keeps the proposals from the public', async () => {
    const proposed = await listDocumentTargets(coordinator, documentId, 'proposed');
    expect(proposed.items.map((t) => [t.quote, t.indicator?.code ?? null, t.reviewState])).toEqual([
      ['90% hồ sơ công việc tại cấp tỉnh', 'GOV.WORKFILE_ONLINE', 'proposed'],
      ['80% hồ sơ công việc tại cấp huyện', 'GOV.WORKFILE_ONLINE', 'proposed'],
      ['Kinh tế số chiếm khoảng 20% GRDP', 'ECO.DIGITAL_ECONOMY_GRDP', 'proposed'],
      ['Năm 2020 đạt 42,5%', null, 'proposed'],
    ]);
    for (const t of proposed.items) expect(TEXT.slice(t.span[0], t.span[1])).toBe(t.quote);
    // the public sees the confirmed program only: nothing yet
    expect((await listDocumentTargets(testContext(h.db, anonymous), documentId)).items).toEqual([]);
    await expect(
      listDocumentTargets(testContext(h.db, anonymous), documentId, 'proposed'),
    ).rejects.toMatchObject({
      code: 'auth.required',
      status: 401,
    });
    const elsewhere = testContext(h.db, personWith('coordinator', units.get('49')!));
    await expect(listDocumentTargets(elsewhere, documentId, 'all')).rejects.toMatchObject({ status: 403 });
  });

  it("resolves a task's lead to the province's department and keeps a collective mention as written", async () => {
    const tasks = await listDocumentTasks(coordinator, documentId, 'all');
    expect(tasks.items.map((t) => [t.section, t.leads.map((u) => u.name), t.unresolvedCooperating])).toEqual([
      ['II.1', ['Sở Thông tin và Truyền thông'], ['UBND cấp xã']],
      ['II.2', ['Sở Y tế'], []],
    ]);
    expect(tasks.items[0]?.leads[0]?.unitId).toBe(units.get('40.STTTT'));
  });

  it('lets the coordinator confirm, edit and reject, and lists every invalid field at once', async () => {
    const [workfile, district, grdp, baseline] = (await listDocumentTargets(coordinator, documentId, 'all'))
      .items;
    const confirmed = await confirmTarget(coordinator, workfile!.id);
    expect(confirmed).toMatchObject({ reviewState: 'confirmed', value: 90, level: 'province' });

    await expect(
      updateTarget(coordinator, district!.id, {
        comparator: 'range',
        value: 80,
        valueMax: 70,
        indicatorCode: 'GOV.NOPE',
      }),
    ).rejects.toMatchObject({
      code: 'target.invalid',
      details: [
        { path: 'indicatorCode', code: 'indicator.not_found' },
        { path: 'valueMax', code: 'target.max_below_value' },
      ],
    });
    const edited = await updateTarget(coordinator, district!.id, {
      comparator: '>=',
      value: 85,
      year: 2025,
      confirm: true,
    });
    expect(edited).toMatchObject({ comparator: '>=', value: 85, valueMax: null, reviewState: 'confirmed' });

    const relinked = await updateTarget(coordinator, grdp!.id, {
      indicatorCode: 'ECO.DIGITAL_ECONOMY_SECTOR',
    });
    expect(relinked.indicator?.code).toBe('ECO.DIGITAL_ECONOMY_SECTOR');
    expect(relinked.indicatorConfidence).toBe(1);
    expect(relinked.reviewState).toBe('proposed');

    const rejected = await rejectTarget(coordinator, baseline!.id, 'Số liệu năm 2020, không phải mục tiêu');
    expect(rejected).toMatchObject({
      reviewState: 'rejected',
      note: 'Số liệu năm 2020, không phải mục tiêu',
    });

    const audit = await h.db
      .selectFrom('auditEvent')
      .select(['action', 'entityId'])
      .where('entityType', '=', 'target')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'target.confirm',
      'target.edit_confirm',
      'target.edit',
      'target.reject',
    ]);
  });

  it('refuses the review to a viewer and to a coordinator of another province', async () => {
    const first = (await listDocumentTargets(coordinator, documentId, 'all')).items[0]!;
    await expect(
      confirmTarget(testContext(h.db, personWith('viewer', units.get('40')!)), first.id),
    ).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      confirmTarget(testContext(h.db, personWith('coordinator', units.get('36')!)), first.id),
    ).rejects.toMatchObject({ status: 403 });
    await expect(confirmTarget(testContext(h.db, anonymous), first.id)).rejects.toMatchObject({
      status: 401,
    });
  });

  it('adds a target the reader missed from a selection, the selected words becoming its quote', async () => {
    const [s, e] = span(TEXT, 'Tỷ lệ dân số có tài khoản thanh toán điện tử trên 50%');
    // a selection with stray spaces around it is trimmed to its words
    const added = await addTarget(coordinator, documentId, {
      span: [s - 1, e],
      year: 2025,
      level: null,
      comparator: '>',
      value: 50,
      unit: 'percent',
      indicatorCode: 'SOC.EPAYMENT_ACCOUNTS',
    });
    expect(added).toMatchObject({
      quote: 'Tỷ lệ dân số có tài khoản thanh toán điện tử trên 50%',
      span: [s, e],
      origin: 'manual',
      reviewState: 'confirmed',
    });
    expect(added.indicator?.code).toBe('SOC.EPAYMENT_ACCOUNTS');
    await expect(
      addTarget(coordinator, documentId, {
        span: [10, 999_999],
        year: 2025,
        level: null,
        comparator: '=',
        value: 1,
        unit: 'count',
      }),
    ).rejects.toMatchObject({
      code: 'target.invalid',
      details: [{ path: 'span', code: 'document.span_invalid' }],
    });
  });

  it('serves the confirmed program of the province to reporting and dashboards, and the public', async () => {
    const confirmed = await listConfirmedTargets(testContext(h.db, anonymous), {
      provinceId: units.get('40')!,
    });
    expect(confirmed.map((t) => [t.indicator?.code, t.level, t.comparator, t.value])).toEqual([
      ['GOV.WORKFILE_ONLINE', 'province', '=', 90],
      ['GOV.WORKFILE_ONLINE', 'district', '>=', 85],
      ['SOC.EPAYMENT_ACCOUNTS', null, '>', 50],
    ]);
    expect(await listConfirmedTargets(system, { provinceId: units.get('49')! })).toEqual([]);
  });

  it('edits the lead units of a task, refusing a unit of another province', async () => {
    const task = (await listDocumentTasks(coordinator, documentId, 'all')).items[1]!;
    await expect(
      updateTask(coordinator, task.id, { leadUnitIds: [units.get('36.SYT')!] }),
    ).rejects.toMatchObject({
      code: 'task.invalid',
      details: [{ path: 'leadUnitIds.0', code: 'task.unit_not_in_province' }],
    });
    const edited = await updateTask(coordinator, task.id, {
      leadUnitIds: [units.get('40.SYT')!],
      cooperatingUnitIds: [units.get('40.STTTT')!],
      confirm: true,
    });
    expect(edited.leads.map((u) => u.name)).toEqual(['Sở Y tế']);
    expect(edited.cooperating.map((u) => u.name)).toEqual(['Sở Thông tin và Truyền thông']);
    const confirmedTasks = await listConfirmedTasks(system, { documentId });
    expect(confirmedTasks.map((t) => t.section)).toEqual(['II.2']);
  });

  it('finds a document by id or by its number as people type it', async () => {
    expect((await resolveDocumentRef(system, String(documentId))).id).toBe(documentId);
    expect((await resolveDocumentRef(system, '09 - nq/tu')).id).toBe(documentId);
    await expect(resolveDocumentRef(system, '99-NQ/TU')).rejects.toMatchObject({
      code: 'document.ref_not_found',
      status: 404,
    });
  });

  describe('a revised version', () => {
    let revisedId: number;
    beforeAll(async () => {
      // the revision changes the district value and adds an opening line
      const revisedText = `Bản sửa đổi.\n${TEXT.replace('80% hồ sơ công việc tại cấp huyện', '85% hồ sơ công việc tại cấp huyện')}`;
      const reading = readingOf(revisedText, 85);
      const old = await (await import('./document.service')).loadDocument(h.db, documentId);
      revisedId = (await store(reading, { provinceId: units.get('40')!, supersedes: old })).documentId;
    });

    it('keeps every confirmed item whose words did not change and proposes the rest again', async () => {
      const items = (await listDocumentTargets(coordinator, revisedId, 'all')).items;
      const byQuote = new Map(items.map((t) => [t.quote, t]));
      expect(byQuote.get('90% hồ sơ công việc tại cấp tỉnh')).toMatchObject({ reviewState: 'confirmed' });
      expect(byQuote.get('90% hồ sơ công việc tại cấp tỉnh')?.carriedFromId).not.toBeNull();
      // its words changed: back to review
      expect(byQuote.get('85% hồ sơ công việc tại cấp huyện')).toMatchObject({
        reviewState: 'proposed',
        carriedFromId: null,
      });
      // a rejection of unchanged words stands
      expect(byQuote.get('Năm 2020 đạt 42,5%')?.reviewState).toBe('rejected');
      // the target added by hand is still there, at its new place
      const added = byQuote.get('Tỷ lệ dân số có tài khoản thanh toán điện tử trên 50%');
      expect(added).toMatchObject({ reviewState: 'confirmed', origin: 'manual' });
      const revised = await getDocument(system, revisedId);
      expect(revised.body.slice(added!.span[0], added!.span[1])).toBe(added!.quote);
      expect(revised).toMatchObject({ version: 2, supersedesId: documentId });
      expect(revised.links.some((l) => l.relation === 'revises' && l.documentId === documentId)).toBe(true);
      // the confirmed task keeps its reviewed leads
      const tasks = (await listDocumentTasks(coordinator, revisedId, 'all')).items;
      expect(tasks.find((t) => t.section === 'II.2')).toMatchObject({ reviewState: 'confirmed' });
      expect(tasks.find((t) => t.section === 'II.2')?.cooperating.map((u) => u.name)).toEqual([
        'Sở Thông tin và Truyền thông',
      ]);
    });

    it("replaces the old version's program in the province's confirmed program", async () => {
      const confirmed = await listConfirmedTargets(system, { provinceId: units.get('40')! });
      expect(new Set(confirmed.map((t) => t.documentId))).toEqual(new Set([revisedId]));
      expect((await getDocument(system, documentId)).supersededById).toBe(revisedId);
      // the number now names the current version
      expect((await resolveDocumentRef(system, '09-NQ/TU')).id).toBe(revisedId);
    });
  });

  describe('a whole review at once, and the comparison of two programs', () => {
    let planId: number;
    const PLAN = [
      'KẾ HOẠCH',
      '',
      '- 90% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng.',
      '- Kinh tế số chiếm 10% GRDP của tỉnh.',
      '- Tỷ lệ dân số có tài khoản thanh toán điện tử đạt trên 40%.',
      '- Phấn đấu 100% xã có cáp quang.',
    ].join('\n');

    beforeAll(async () => {
      const reading: ReaderResult = {
        ...readingOf(),
        text: PLAN,
        document: { ...readingOf().document, kind: 'plan', number: null, title: 'Kế hoạch chuyển đổi số' },
        sections: [],
        tasks: [],
        targets: [
          target(PLAN, {
            quote: '90% hồ sơ công việc tại cấp tỉnh',
            level: 'province',
            value: 90,
            indicator: 'GOV.WORKFILE_ONLINE',
          }),
          // read with the wrong value: the review corrects it
          target(PLAN, {
            quote: 'Kinh tế số chiếm 10% GRDP',
            value: 100,
            indicator: 'ECO.DIGITAL_ECONOMY_GRDP',
          }),
          target(PLAN, { quote: 'Phấn đấu 100% xã có cáp quang', value: 100, indicator: null }),
        ],
      };
      planId = (await store(reading, { provinceId: units.get('40')!, kind: 'plan' })).documentId;
    });

    it('confirms matching proposals, edits near-misses, adds missed targets by their words and rejects the rest', async () => {
      const summary = await applyCoordinatorReview(coordinator, planId, {
        targets: [
          {
            year: 2025,
            level: 'province',
            comparator: '=',
            value: 90,
            valueMax: null,
            unit: 'percent',
            indicator: 'GOV.WORKFILE_ONLINE',
            quote: '90% hồ sơ công việc tại cấp tỉnh',
          },
          {
            year: 2025,
            level: null,
            comparator: '=',
            value: 10,
            valueMax: null,
            unit: 'percent',
            indicator: 'ECO.DIGITAL_ECONOMY_GRDP',
            quote: 'Kinh tế số chiếm 10% GRDP của tỉnh',
          },
          {
            year: 2025,
            level: null,
            comparator: '>',
            value: 40,
            valueMax: null,
            unit: 'percent',
            indicator: 'SOC.EPAYMENT_ACCOUNTS',
            quote: 'Tỷ lệ dân số có tài khoản thanh toán điện tử đạt trên 40%',
          },
          {
            year: 2025,
            level: null,
            comparator: '=',
            value: 1,
            valueMax: null,
            unit: 'percent',
            indicator: null,
            quote: 'không có trong văn bản',
          },
        ],
        taskGroups: [],
      });
      expect(summary.targets).toEqual({
        confirmed: 1,
        edited: 1,
        added: 1,
        rejected: 1,
        unlocated: ['không có trong văn bản'],
      });
      const confirmed = await listConfirmedTargets(system, { documentId: planId });
      expect(confirmed.map((t) => [t.indicator?.code, t.comparator, t.value, t.origin])).toEqual([
        ['GOV.WORKFILE_ONLINE', '=', 90, 'reader'],
        ['ECO.DIGITAL_ECONOMY_GRDP', '=', 10, 'reader'],
        ['SOC.EPAYMENT_ACCOUNTS', '>', 40, 'manual'],
      ]);
    });

    it('reports where the resolution and the plan disagree, and what only one of them sets', async () => {
      // the resolution's confirmed digital-economy target (20%)
      const revised = (
        await listDocumentTargets(coordinator, (await resolveDocumentRef(system, '09-NQ/TU')).id, 'all')
      ).items;
      await confirmTarget(coordinator, revised.find((t) => t.quote.startsWith('Kinh tế số'))!.id);
      await confirmTarget(coordinator, revised.find((t) => t.quote.startsWith('85%'))!.id);
      const c = await compareDocuments(testContext(h.db, anonymous), '09-NQ/TU', String(planId));
      expect(c.basis).toEqual({ a: 'confirmed', b: 'confirmed' });
      expect(
        c.differing.map((d) => [
          d.indicator.code,
          d.year,
          d.a.map((t) => t.value),
          d.b.map((t) => t.value),
          d.kind,
        ]),
      ).toEqual([
        ['ECO.DIGITAL_ECONOMY_GRDP', 2025, [20], [10], 'value'],
        ['SOC.EPAYMENT_ACCOUNTS', 2025, [50], [40], 'value'],
      ]);
      expect(c.agreeing.map((d) => [d.indicator.code, d.level])).toEqual([
        ['GOV.WORKFILE_ONLINE', 'province'],
      ]);
      expect(c.onlyInA.map((g) => [g.indicator.code, g.level])).toEqual([
        ['GOV.WORKFILE_ONLINE', 'district'],
      ]);
      expect(c.differing[0]?.indicator.nameVi).toBe('Tỷ trọng kinh tế số trong GRDP');
      await expect(compareDocuments(system, String(planId), String(planId))).rejects.toMatchObject({
        code: 'compare.same_document',
      });
    });
  });
});
