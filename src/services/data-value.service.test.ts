import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import { buildReportingWorld, insertOpenRound, type ReportingWorld } from '../../test/reporting-world';
import type { DatabaseHandle } from '../db/connect';
import { isAppError } from '../domain/errors';
import { setSubmissionValueStatus } from '../repositories/data-value.repository';
import { inTransaction } from '../repositories/db';
import { findRollups } from '../repositories/rollup.repository';
import { getDataValues, getValueHistory, saveDataValues, throwIfConflicts } from './data-value.service';
import { applyValueChanges, compareRollups } from './rollup.service';

describe('saving figures', () => {
  let h: DatabaseHandle;
  let w: ReportingWorld;
  let round: Awaited<ReturnType<typeof insertOpenRound>>;
  let fibre: number;
  let openData: number;
  let workfiles: number;
  const clock = () => new Date('2025-11-20T03:00:00Z');

  beforeAll(async () => {
    h = await createTestDatabase();
    w = await buildReportingWorld(h.db, clock);
    fibre = w.indicator('SOC.FIBRE_HOUSEHOLDS');
    openData = w.indicator('GOV.OPEN_DATA');
    workfiles = w.indicator('GOV.WORKFILE_ONLINE');
    round = await insertOpenRound(h.db, {
      provinceId: w.p,
      periodId: '2025',
      unitIds: [w.c1, w.c2, w.d],
      indicators: [
        { indicatorId: fibre, unitKind: 'commune' },
        { indicatorId: workfiles, unitKind: 'commune' },
        { indicatorId: workfiles, unitKind: 'department' },
        { indicatorId: openData, unitKind: 'department' },
      ],
    });
  });
  afterAll(() => h.close());

  it("saves a commune's figures into its open round, with a revision and an audit entry", async () => {
    const ctx = w.as(w.people.reporterC1);
    const r = await saveDataValues(ctx, {
      source: 'form',
      values: [
        { unitId: w.c1, indicatorId: fibre, periodId: '2025', numerator: 4120, denominator: 5230 },
        {
          unitId: w.c1,
          indicatorId: workfiles,
          periodId: '2025',
          numerator: 812,
          denominator: 1000,
          comment: ' ',
        },
      ],
    });
    expect(r).toMatchObject({
      status: 'success',
      imported: 2,
      updated: 0,
      ignored: 0,
      conflicts: [],
      revisions: [1, 1],
    });
    const sub = await round.submissionOf(w.c1);
    expect(r.submissionVersions[String(sub)]).toBe(2);

    const stored = await getDataValues(ctx, { unitIds: [w.c1], periodIds: ['2025'] });
    expect(
      stored.items.map((v) => [v.indicatorCode, v.numerator, v.denominator, v.status, v.comment]),
    ).toEqual([
      ['GOV.WORKFILE_ONLINE', 812, 1000, 'draft', null],
      ['SOC.FIBRE_HOUSEHOLDS', 4120, 5230, 'draft', null],
    ]);
    expect(stored.items[0]?.updatedBy).toBe('Nguyễn Văn Báo');
    const audit = await h.db
      .selectFrom('auditEvent')
      .select(['action', 'entityId', 'unitId', 'after'])
      .where('action', '=', 'data_value.save')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: String(sub), unitId: w.c1 });
    expect((audit[0]!.after as { values: unknown[] }).values).toContainEqual({
      indicator: 'SOC.FIBRE_HOUSEHOLDS',
      period: '2025',
      numerator: 4120,
      denominator: 5230,
      value: null,
      comment: null,
    });
  });

  it('ignores a figure identical to what is stored, and keeps parts that are omitted', async () => {
    const ctx = w.as(w.people.reporterC1);
    const same = await saveDataValues(ctx, {
      source: 'api',
      values: [{ unitId: w.c1, indicatorId: fibre, periodId: '2025', numerator: 4120, denominator: 5230 }],
    });
    expect(same).toMatchObject({ status: 'success', imported: 0, updated: 0, ignored: 1, revisions: [1] });
    const part = await saveDataValues(ctx, {
      source: 'api',
      values: [{ unitId: w.c1, indicatorId: fibre, periodId: '2025', numerator: 4200 }],
    });
    expect(part).toMatchObject({ updated: 1, revisions: [2] });
    const [v] = (await getDataValues(ctx, { unitIds: [w.c1], periodIds: ['2025'], indicatorIds: [fibre] }))
      .items;
    expect([v?.numerator, v?.denominator, v?.revision]).toEqual([4200, 5230, 2]);
  });

  it('stops a rate above 100 % at its field, and saves nothing of the batch', async () => {
    const ctx = w.as(w.people.reporterC1);
    const r = await saveDataValues(ctx, {
      source: 'form',
      values: [
        { unitId: w.c1, indicatorId: workfiles, periodId: '2025', numerator: 900, denominator: 1000 },
        { unitId: w.c1, indicatorId: fibre, periodId: '2025', numerator: 6000, denominator: 5000 },
      ],
    });
    expect(r.status).toBe('error');
    expect(r.conflicts).toEqual([
      expect.objectContaining({
        index: 1,
        path: 'values.SOC.FIBRE_HOUSEHOLDS.numerator',
        code: 'validation.rate_over_100',
        message: 'Tỷ lệ 120% vượt quá 100%: tử số (6.000) không được lớn hơn mẫu số (5.000)',
      }),
    ]);
    expect([r.imported, r.updated, r.ignored]).toEqual([0, 0, 2]);
    const [v] = (
      await getDataValues(ctx, { unitIds: [w.c1], periodIds: ['2025'], indicatorIds: [workfiles] })
    ).items;
    expect(v?.numerator).toBe(812);
  });

  it('saves the valid figures and lists the others when told not to be atomic', async () => {
    const ctx = w.as(w.people.reporterD);
    const r = await saveDataValues(ctx, {
      source: 'excel',
      atomic: false,
      values: [
        { unitId: w.d, indicatorId: openData, periodId: '2025', value: 12 },
        { unitId: w.d, indicatorId: openData, periodId: '2025', value: 13 },
        { unitId: w.d, indicatorId: workfiles, periodId: '2025', numerator: 5.5, denominator: 10 },
        { unitId: w.d, indicatorId: fibre, periodId: '2025', numerator: 1, denominator: 2 },
        { unitId: w.c1, indicatorId: workfiles, periodId: '2025', numerator: 1, denominator: 2 },
        { unitId: w.d, indicatorId: openData, periodId: '2024', value: 9 },
        { unitId: w.d, indicatorId: openData, periodId: '20x5', value: 9 },
      ],
    });
    expect(r.status).toBe('warning');
    expect(r.imported).toBe(2);
    expect(r.conflicts.map((c) => [c.index, c.code])).toEqual([
      [1, 'data_value.duplicate_in_batch'],
      [3, 'data_value.indicator_not_asked'],
      [4, 'auth.forbidden'],
      [5, 'data_value.no_open_round'],
      [6, 'period.invalid_format'],
    ]);
    expect(r.conflicts[1]?.message).toBe(
      'Đợt báo cáo không yêu cầu Sở Khoa học và Công nghệ báo cáo chỉ tiêu SOC.FIBRE_HOUSEHOLDS',
    );
  });

  it('gives the second of two people editing the same field a conflict showing the other’s change', async () => {
    const first = w.as(w.people.reporterC1);
    const second = w.as(w.people.reporterC1b);
    const [seen] = (
      await getDataValues(second, { unitIds: [w.c1], periodIds: ['2025'], indicatorIds: [workfiles] })
    ).items;
    await saveDataValues(first, {
      source: 'form',
      values: [{ unitId: w.c1, indicatorId: workfiles, periodId: '2025', numerator: 830 }],
      expectedRevisions: [seen?.revision],
    });
    const r = await saveDataValues(second, {
      source: 'form',
      values: [{ unitId: w.c1, indicatorId: workfiles, periodId: '2025', numerator: 640 }],
      expectedRevisions: [seen?.revision],
    });
    expect(r.status).toBe('error');
    expect(r.conflicts[0]).toMatchObject({
      code: 'data_value.changed_by_other',
      path: 'values.GOV.WORKFILE_ONLINE',
      current: { revision: 2, numerator: 830, denominator: 1000, updatedBy: 'Nguyễn Văn Báo' },
    });
    try {
      throwIfConflicts(r);
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.status).toBe(409);
      expect(isAppError(e) && e.code).toBe('data_value.conflict');
    }
    const [v] = (
      await getDataValues(first, { unitIds: [w.c1], periodIds: ['2025'], indicatorIds: [workfiles] })
    ).items;
    expect(v?.numerator).toBe(830);
  });

  it('counts and validates in a dry run without saving', async () => {
    const ctx = w.as(w.people.reporterC1);
    const r = await saveDataValues(ctx, {
      source: 'api',
      dryRun: true,
      values: [{ unitId: w.c1, indicatorId: workfiles, periodId: '2025', numerator: 900 }],
    });
    expect(r).toMatchObject({ status: 'success', dryRun: true, updated: 1, revisions: [null] });
    const [v] = (
      await getDataValues(ctx, { unitIds: [w.c1], periodIds: ['2025'], indicatorIds: [workfiles] })
    ).items;
    expect(v?.numerator).toBe(830);
  });

  it('keeps every revision of a field with who, when and from where', async () => {
    const ctx = w.as(w.people.viewerP);
    const hist = await getValueHistory(ctx, { unitId: w.c1, indicatorId: fibre, periodId: '2025' });
    expect(hist.items.map((r) => [r.revision, r.numerator, r.source, r.changedBy])).toEqual([
      [2, 4200, 'api', 'Nguyễn Văn Báo'],
      [1, 4120, 'form', 'Nguyễn Văn Báo'],
    ]);
    await expect(
      getValueHistory(w.as(w.people.coordinatorQ), { unitId: w.c1, indicatorId: fibre, periodId: '2025' }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
  });

  it('refuses changes once the report is submitted', async () => {
    const sub = await round.submissionOf(w.c2);
    await h.db.updateTable('submission').set({ state: 'submitted' }).where('id', '=', sub).execute();
    const r = await saveDataValues(w.as(w.people.coordinator), {
      source: 'form',
      values: [{ unitId: w.c2, indicatorId: fibre, periodId: '2025', numerator: 1, denominator: 2 }],
    });
    expect(r.conflicts.map((c) => c.code)).toEqual(['data_value.locked']);
    await h.db.updateTable('submission').set({ state: 'draft' }).where('id', '=', sub).execute();
  });

  it('warns about a large change from last period until a comment explains it', async () => {
    const last = await insertOpenRound(h.db, {
      provinceId: w.p,
      periodId: '2024',
      unitIds: [w.c2],
      indicators: [{ indicatorId: fibre, unitKind: 'commune' }],
    });
    const coordinator = w.as(w.people.coordinator);
    await saveDataValues(coordinator, {
      source: 'form',
      values: [{ unitId: w.c2, indicatorId: fibre, periodId: '2024', numerator: 300, denominator: 1000 }],
    });
    void last;
    const r = await saveDataValues(coordinator, {
      source: 'form',
      values: [{ unitId: w.c2, indicatorId: fibre, periodId: '2025', numerator: 800, denominator: 1000 }],
    });
    expect(r.status).toBe('warning');
    expect(r.warnings).toEqual([
      expect.objectContaining({
        index: 0,
        path: 'values.SOC.FIBRE_HOUSEHOLDS.comment',
        code: 'validation.outlier_rate_needs_comment',
        message: 'Thay đổi lớn so với kỳ trước (từ 30% thành 80%): cần ghi chú giải thích',
      }),
    ]);
    const explained = await saveDataValues(coordinator, {
      source: 'form',
      values: [
        {
          unitId: w.c2,
          indicatorId: fibre,
          periodId: '2025',
          comment: 'Dự án cáp quang nông thôn hoàn thành',
        },
      ],
    });
    expect(explained).toMatchObject({ status: 'success', updated: 1 });
  });
});

describe('keeping roll-ups current as figures change status', () => {
  let h: DatabaseHandle;
  let w: ReportingWorld;

  beforeAll(async () => {
    h = await createTestDatabase();
    w = await buildReportingWorld(h.db);
  });
  afterAll(() => h.close());

  it('adds approved figures to every ancestor, for all members and by kind, and never drafts', async () => {
    const workfiles = w.indicator('GOV.WORKFILE_ONLINE');
    const round = await insertOpenRound(h.db, {
      provinceId: w.p,
      periodId: '2024',
      unitIds: [w.c1, w.c2, w.d],
      indicators: [
        { indicatorId: workfiles, unitKind: 'commune' },
        { indicatorId: workfiles, unitKind: 'department' },
      ],
    });
    const coordinator = w.as(w.people.coordinator);
    await saveDataValues(coordinator, {
      source: 'form',
      values: [
        { unitId: w.c1, indicatorId: workfiles, periodId: '2024', numerator: 50, denominator: 100 },
        { unitId: w.c2, indicatorId: workfiles, periodId: '2024', numerator: 30, denominator: 40 },
        { unitId: w.d, indicatorId: workfiles, periodId: '2024', numerator: 0.5, denominator: 0.7 },
      ],
    });
    const read = (
      unitId: number,
      view: 'approved' | 'submitted',
      memberKinds: Array<'all' | 'commune' | 'department'>,
    ) =>
      findRollups(h.db, {
        unitIds: [unitId],
        periodIds: ['2024'],
        indicatorIds: [workfiles],
        view,
        memberKinds,
      });
    expect(await read(w.p, 'submitted', ['all'])).toEqual([]);

    // approve the two communes and the department, as the workflow will
    for (const unitId of [w.c1, w.c2, w.d]) {
      const sub = await round.submissionOf(unitId);
      await inTransaction(h.db, async (trx) => {
        const changed = await setSubmissionValueStatus(trx, sub, 'approved', null, new Date());
        await applyValueChanges(
          trx,
          changed.map(({ before, after }) => ({
            unitId: after.unitId,
            indicatorId: after.indicatorId,
            periodId: after.periodId,
            before,
            after,
          })),
        );
      });
    }
    const sums = (rows: Awaited<ReturnType<typeof read>>) =>
      rows.map((r) => [r.memberKind, r.numeratorSum, r.denominatorSum, r.reportingUnits]);
    // province: 50 + 30 + 0.5 over 100 + 40 + 0.7, three units; communes alone 80 / 140
    expect(sums(await read(w.p, 'approved', ['all', 'commune', 'department']))).toEqual(
      expect.arrayContaining([
        ['all', 80.5, 140.7, 3],
        ['commune', 80, 140, 2],
        ['department', 0.5, 0.7, 1],
      ]),
    );
    expect(sums(await read(w.h, 'submitted', ['all']))).toEqual([['all', 80, 140, 2]]);
    expect(sums(await read(w.nation, 'approved', ['commune']))).toEqual([['commune', 80, 140, 2]]);
    expect(sums(await read(w.c1, 'approved', ['all']))).toEqual([['all', 50, 100, 1]]);

    // back to draft: out of both views again
    const sub = await round.submissionOf(w.c2);
    await inTransaction(h.db, async (trx) => {
      const changed = await setSubmissionValueStatus(trx, sub, 'draft', null, new Date());
      await applyValueChanges(
        trx,
        changed.map(({ before, after }) => ({ ...after, before, after })),
      );
    });
    expect(sums(await read(w.p, 'approved', ['commune']))).toEqual([['commune', 50, 100, 1]]);
    expect((await compareRollups(h.db)).differenceCount).toBe(0);
    // the maintained sums are exact decimals, like the rebuild
    const exact = await sql<{ s: string }>`SELECT denominator_sum::text AS s FROM rollup
      WHERE unit_id = ${w.p} AND period_id = '2024' AND view = 'submitted' AND member_kind = 'all'`.execute(
      h.db,
    );
    expect(exact.rows[0]?.s).toBe('100.7');
  });
});
