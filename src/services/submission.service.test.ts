import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import { buildReportingWorld, type ReportingWorld } from '../../test/reporting-world';
import type { DatabaseHandle } from '../db/connect';
import { findRollups } from '../repositories/rollup.repository';
import { getValueHistory } from './data-value.service';
import { downloadEvidence, uploadEvidence } from './data-value-evidence.service';
import { compareRollups } from './rollup.service';
import { createRound, getRoundStatus, openRound, proposeRound } from './round.service';
import {
  approveReport,
  getReportForm,
  getSubmission,
  recallReport,
  reopenReport,
  returnReport,
  saveReportForm,
  submitReport,
} from './submission.service';

describe('a reporting round from opening to approval', () => {
  let h: DatabaseHandle;
  let w: ReportingWorld;
  let roundId: number;
  let taskId: number;
  let now = new Date('2024-11-10T02:00:00Z');
  const clock = () => now;

  beforeAll(async () => {
    h = await createTestDatabase();
    w = await buildReportingWorld(h.db, clock);
    // a confirmed task of the province's plan led by the department
    const doc = await h.db
      .insertInto('programDocument')
      .values({
        kind: 'plan',
        title: 'Kế hoạch chuyển đổi số',
        body: 'Xây dựng kho dữ liệu dùng chung của tỉnh.',
        provinceId: w.p,
        sourceFormat: 'txt',
        sha256: `t${w.p}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const task = await h.db
      .insertInto('task')
      .values({
        documentId: doc.id,
        sectionLabel: '2.1',
        title: 'Xây dựng kho dữ liệu dùng chung',
        text: 'Xây dựng kho dữ liệu dùng chung của tỉnh.',
        spanStart: 0,
        spanEnd: 40,
        reviewState: 'confirmed',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    taskId = task.id;
    await h.db.insertInto('taskUnit').values({ taskId, unitId: w.d, role: 'lead' }).execute();
  });
  afterAll(() => h.close());

  it('proposes the window and deadline of the regime and the units of the province at the time', async () => {
    const p = await proposeRound(w.as(w.people.coordinator), { provinceId: w.p, periodId: '2024' });
    // Decree 09 cut-off for a year: 15/12 of the year before to 14/12; due "before 1 December"
    expect([p.windowStart, p.windowEnd, p.dueOn, p.dueBefore, p.regimeCode]).toEqual([
      '2023-12-15',
      '2024-12-14',
      '2024-12-01',
      true,
      'DX_YEARLY',
    ]);
    expect(p.units.map((u) => u.id).sort()).toEqual([w.d, w.h, w.c1, w.c2, w.c3].sort());
    // without confirmed targets the catalog says what communes report
    const communeCodes = p.indicators.filter((i) => i.unitKind === 'commune').map((i) => i.code);
    expect(communeCodes).toContain('SOC.FIBRE_HOUSEHOLDS');
    expect(communeCodes).not.toContain('GOV.DTI_RANK');
    expect(p.tasks.map((t) => [t.taskId, t.leads.map((l) => l.id)])).toEqual([[taskId, [w.d]]]);
    // in 2025 the district and its communes are gone
    const p25 = await proposeRound(w.as(w.people.coordinator), { provinceId: w.p, periodId: '2025' });
    expect(p25.units.map((u) => u.id).sort()).toEqual([w.d, w.c3].sort());
    await expect(
      proposeRound(w.as(w.people.coordinatorQ), { provinceId: w.p, periodId: '2024' }),
    ).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });

  it('opens a round: a draft report for every unit, and its reporters told', async () => {
    const coordinator = w.as(w.people.coordinator);
    const round = await createRound(coordinator, {
      provinceId: w.p,
      name: 'Báo cáo kết quả chuyển đổi số năm 2024',
      periodId: '2024',
      units: { kinds: ['department', 'commune'] },
      indicators: [
        { code: 'GOV.WORKFILE_ONLINE', unitKind: 'commune' },
        { code: 'SOC.FIBRE_HOUSEHOLDS', unitKind: 'commune', required: false },
        { code: 'GOV.WORKFILE_ONLINE', unitKind: 'department' },
        { code: 'GOV.OPEN_DATA', unitKind: 'department' },
      ],
    });
    roundId = round.id;
    expect(round.state).toBe('draft');
    expect(round.tasks.map((t) => t.taskId)).toEqual([taskId]);
    expect(round.unitKinds).toEqual({ department: 1, commune: 3 });
    const opened = await openRound(coordinator, roundId);
    expect(opened.state).toBe('open');
    expect(opened.counts.draft).toBe(4);
    const notes = await h.db
      .selectFrom('notification')
      .select(['kind', 'link'])
      .where('userId', '=', w.people.reporterC1.id)
      .execute();
    expect(notes).toEqual([{ kind: 'round_opened', link: `/rounds/${roundId}/units/${w.c1}` }]);
    // a second open round may not ask the same unit for the same period
    const again = await createRound(coordinator, {
      provinceId: w.p,
      name: 'Trùng kỳ',
      periodId: '2024',
      units: { ids: [w.c1] },
      indicators: [{ code: 'GOV.WORKFILE_ONLINE', unitKind: 'commune' }],
    });
    await expect(openRound(coordinator, again.id)).rejects.toMatchObject({
      code: 'round.overlap',
      status: 409,
    });
  });

  it('refuses to submit while a required figure is missing, naming every field', async () => {
    const reporter = w.as(w.people.reporterC1);
    const form = await getReportForm(reporter, roundId, w.c1);
    expect(form.indicators.map((i) => [i.indicator.code, i.required])).toEqual([
      ['GOV.WORKFILE_ONLINE', true],
      ['SOC.FIBRE_HOUSEHOLDS', false],
    ]);
    expect(form.submission.can).toMatchObject({ edit: true, submit: true, approve: false });
    await saveReportForm(reporter, roundId, w.c1, {
      values: [{ indicatorId: w.indicator('SOC.FIBRE_HOUSEHOLDS'), numerator: 300, expectedRevision: null }],
      atomic: false,
    });
    await expect(submitReport(reporter, form.submission.id)).rejects.toMatchObject({
      code: 'submission.invalid',
      status: 422,
      details: [
        { path: 'values.GOV.WORKFILE_ONLINE.numerator', code: 'validation.required' },
        { path: 'values.GOV.WORKFILE_ONLINE.denominator', code: 'validation.required' },
        { path: 'values.SOC.FIBRE_HOUSEHOLDS.denominator', code: 'validation.required' },
      ],
    });
  });

  it('submits, counts the figures in the submitted view only, and locks them', async () => {
    const reporter = w.as(w.people.reporterC1);
    const saved = await saveReportForm(reporter, roundId, w.c1, {
      values: [
        { indicatorId: w.indicator('GOV.WORKFILE_ONLINE'), numerator: 412, denominator: 500 },
        { indicatorId: w.indicator('SOC.FIBRE_HOUSEHOLDS'), denominator: 400 },
      ],
    });
    const sub = await submitReport(
      reporter,
      saved.values.submissionVersions ? (await getReportForm(reporter, roundId, w.c1)).submission.id : 0,
      {
        version: saved.version,
      },
    );
    expect(sub.state).toBe('submitted');
    expect(sub.submittedBy).toBe('Nguyễn Văn Báo');
    const read = (view: 'approved' | 'submitted') =>
      findRollups(h.db, {
        unitIds: [w.p],
        periodIds: ['2024'],
        indicatorIds: [w.indicator('GOV.WORKFILE_ONLINE')],
        view,
      });
    expect(
      (await read('submitted')).map((r) => [r.numeratorSum, r.denominatorSum, r.reportingUnits]),
    ).toEqual([[412, 500, 1]]);
    expect(await read('approved')).toEqual([]);
    await expect(
      saveReportForm(reporter, roundId, w.c1, {
        values: [{ indicatorId: w.indicator('GOV.WORKFILE_ONLINE'), numerator: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'data_value.rejected', details: [{ code: 'data_value.locked' }] });
  });

  it('never lets the unit approve its own report, nor its reporter', async () => {
    const subId = (await getReportForm(w.as(w.people.reporterC1), roundId, w.c1)).submission.id;
    await expect(approveReport(w.as(w.people.approverC1), subId)).rejects.toMatchObject({
      code: 'submission.approver_not_above',
      status: 403,
    });
    await expect(approveReport(w.as(w.people.reporterC1), subId)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await expect(approveReport(w.as(w.people.coordinatorQ), subId)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });

  it('returns with a comment: the figures leave the roll-ups and the reporter is told', async () => {
    const approver = w.as(w.people.approverP);
    const subId = (await getReportForm(approver, roundId, w.c1)).submission.id;
    await expect(returnReport(approver, subId, { comment: '  ' })).rejects.toMatchObject({
      code: 'submission.comment_required',
      details: [{ path: 'comment' }],
    });
    const r = await returnReport(approver, subId, {
      comment: 'Số hồ sơ công việc chưa khớp với hệ thống quản lý văn bản',
    });
    expect(r).toMatchObject({
      state: 'returned',
      comment: 'Số hồ sơ công việc chưa khớp với hệ thống quản lý văn bản',
    });
    const rows = await findRollups(h.db, { unitIds: [w.p], periodIds: ['2024'], view: 'submitted' });
    expect(rows.filter((x) => x.reportingUnits !== 0)).toEqual([]);
    const note = await h.db
      .selectFrom('notification')
      .select(['kind', 'params'])
      .where('userId', '=', w.people.reporterC1.id)
      .where('kind', '=', 'returned')
      .executeTakeFirstOrThrow();
    expect((note.params as { comment: string }).comment).toBe(
      'Số hồ sơ công việc chưa khớp với hệ thống quản lý văn bản',
    );
  });

  it('approves a corrected resubmission, refusing a stale version, and adds it to the approved view', async () => {
    const reporter = w.as(w.people.reporterC1);
    const saved = await saveReportForm(reporter, roundId, w.c1, {
      values: [{ indicatorId: w.indicator('GOV.WORKFILE_ONLINE'), numerator: 398 }],
    });
    const subId = (await getReportForm(reporter, roundId, w.c1)).submission.id;
    const submitted = await submitReport(reporter, subId, { version: saved.version });
    const approver = w.as(w.people.approverP);
    await expect(approveReport(approver, subId, { version: submitted.version - 1 })).rejects.toMatchObject({
      code: 'submission.version_conflict',
      status: 409,
      params: { by: 'Nguyễn Văn Báo' },
    });
    const approved = await approveReport(approver, subId, { version: submitted.version });
    expect(approved.state).toBe('approved');
    expect(approved.events.map((e) => e.toState)).toEqual(['submitted', 'returned', 'submitted', 'approved']);
    const rows = await findRollups(h.db, {
      unitIds: [w.p, w.h],
      periodIds: ['2024'],
      indicatorIds: [w.indicator('GOV.WORKFILE_ONLINE')],
      view: 'approved',
    });
    expect(rows.map((r) => [r.unitId, r.numeratorSum, r.denominatorSum])).toEqual([
      [w.p, 398, 500],
      [w.h, 398, 500],
    ]);
    const hist = await getValueHistory(w.as(w.people.viewerP), {
      unitId: w.c1,
      indicatorId: w.indicator('GOV.WORKFILE_ONLINE'),
      periodId: '2024',
    });
    expect(hist.items.map((r) => [r.status, r.source, r.reason])).toEqual([
      ['approved', 'workflow', 'approved'],
      ['submitted', 'workflow', 'submitted'],
      ['draft', 'form', null],
      ['draft', 'workflow', 'returned: Số hồ sơ công việc chưa khớp với hệ thống quản lý văn bản'],
      ['submitted', 'workflow', 'submitted'],
      ['draft', 'form', null],
    ]);
  });

  it('lets a coordinator reopen approved figures with a reason, taking them out of the approved view', async () => {
    const coordinator = w.as(w.people.coordinator);
    const subId = (await getReportForm(coordinator, roundId, w.c1)).submission.id;
    await expect(reopenReport(w.as(w.people.approverP), subId, { comment: 'x' })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const r = await reopenReport(coordinator, subId, { comment: 'Sở KH&CN phát hiện số liệu trùng' });
    expect(r.state).toBe('returned');
    const rows = await findRollups(h.db, { unitIds: [w.p], periodIds: ['2024'], view: 'approved' });
    expect(rows.filter((x) => x.reportingUnits !== 0)).toEqual([]);
    expect((await compareRollups(h.db)).differenceCount).toBe(0);
  });

  it('keeps the person who submitted from deciding, even a coordinator, and lets the unit recall', async () => {
    const coordinator = w.as(w.people.coordinator);
    await saveReportForm(coordinator, roundId, w.d, {
      values: [
        { indicatorId: w.indicator('GOV.WORKFILE_ONLINE'), numerator: 1200, denominator: 1300 },
        { indicatorId: w.indicator('GOV.OPEN_DATA'), value: 14 },
      ],
      tasks: [{ taskId, status: 'in_progress', percent: 60, note: 'Đã xây dựng xong kho dữ liệu dân cư' }],
    });
    const subId = (await getReportForm(coordinator, roundId, w.d)).submission.id;
    await submitReport(coordinator, subId);
    await expect(approveReport(coordinator, subId)).rejects.toMatchObject({ code: 'submission.own_report' });
    const recalled = await recallReport(w.as(w.people.reporterD), subId);
    expect(recalled.state).toBe('draft');
  });

  it('validates task progress with the shared rules', async () => {
    const reporter = w.as(w.people.reporterD);
    await expect(
      saveReportForm(reporter, roundId, w.d, {
        values: [],
        tasks: [{ taskId, status: 'done', percent: 80 }],
      }),
    ).rejects.toMatchObject({
      code: 'data_value.rejected',
      details: [{ path: `tasks.${taskId}.percent`, code: 'validation.done_is_100' }],
    });
    const ok = await saveReportForm(reporter, roundId, w.d, {
      values: [],
      tasks: [{ taskId, status: 'done', percent: 100 }],
    });
    expect(ok.tasks).toMatchObject({ updated: 1, conflicts: [] });
    const form = await getReportForm(reporter, roundId, w.d);
    expect(form.tasks).toEqual([
      expect.objectContaining({
        taskId,
        update: expect.objectContaining({ status: 'done', percent: 100, revision: 2 }),
      }),
    ]);
  });

  it('stores evidence of the accepted kinds up to 10 MB, checked by content, served back as it was', async () => {
    const reporter = w.as(w.people.reporterD);
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    const e = await uploadEvidence(reporter, {
      roundId,
      unitId: w.d,
      indicatorId: w.indicator('GOV.OPEN_DATA'),
      fileName: 'Quyết định công bố dữ liệu mở.pdf',
      bytes: pdf,
    });
    expect(e).toMatchObject({ mediaType: 'application/pdf', sizeBytes: pdf.byteLength });
    const back = await downloadEvidence(w.as(w.people.viewerP), e.id);
    expect(back.fileName).toBe('Quyết định công bố dữ liệu mở.pdf');
    expect(Buffer.compare(back.content, Buffer.from(pdf))).toBe(0);
    await expect(
      uploadEvidence(reporter, {
        roundId,
        unitId: w.d,
        taskId,
        fileName: 'virus.pdf',
        bytes: new TextEncoder().encode('MZ\x90\x00'),
      }),
    ).rejects.toMatchObject({ code: 'evidence.type_not_allowed', status: 415 });
    await expect(
      uploadEvidence(reporter, { roundId, unitId: w.d, taskId, fileName: 'anh.png', bytes: pdf }),
    ).rejects.toMatchObject({ code: 'evidence.type_not_allowed' });
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdf);
    await expect(
      uploadEvidence(reporter, { roundId, unitId: w.d, taskId, fileName: 'lon.pdf', bytes: big }),
    ).rejects.toMatchObject({
      code: 'evidence.too_large',
      status: 413,
    });
    await expect(downloadEvidence(w.as(w.people.coordinatorQ), e.id)).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });

  it('shows the coordinator who has not submitted, who was returned and who is late', async () => {
    now = new Date('2024-12-03T03:00:00Z');
    const status = await getRoundStatus(w.as(w.people.coordinator), roundId, { emailConfigured: false });
    expect(status.lastDayOnTime).toBe('2024-11-30');
    const byUnit = new Map(status.rows.map((r) => [r.unitId, r]));
    expect(byUnit.get(w.c1)).toMatchObject({ progress: 'returned', late: true, daysLate: 3 });
    expect(byUnit.get(w.c2)).toMatchObject({ progress: 'not_started', late: true });
    expect(byUnit.get(w.d)).toMatchObject({
      progress: 'in_progress',
      taskCount: 1,
      taskUpdateCount: 1,
      expectedValues: 2,
    });
    expect(status.summary).toMatchObject({ units: 4, notStarted: 2, inProgress: 1, returned: 1, late: 4 });
    // a commune's reporter sees only their own line and no province totals
    const mine = await getRoundStatus(w.as(w.people.reporterC1), roundId, { emailConfigured: false });
    expect(mine.rows.map((r) => r.unitId)).toEqual([w.c1]);
    expect(mine.totals).toEqual([]);
    const view = await getSubmission(w.as(w.people.reporterC1), byUnit.get(w.c1)!.submissionId!);
    expect(view.late).toBe(true);
  });
});
