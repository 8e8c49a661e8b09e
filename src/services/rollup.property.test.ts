/**
 * The maintained roll-ups equal a rebuild from the values after any sequence
 * of edits, submissions, recalls, returns, approvals and reopenings — on
 * PGlite and on PostgreSQL (TEST_DATABASE_URL). Each run uses fixed seeds
 * plus a fresh one; a failure names its seed and step, and
 * `ROLLUP_SEED=<seed>` replays it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import { buildReportingWorld, type ReportingWorld } from '../../test/reporting-world';
import type { DatabaseHandle } from '../db/connect';
import { isAppError } from '../domain/errors';
import { availableActions, isEditable } from '../domain/submission/workflow';
import { findRollups } from '../repositories/rollup.repository';
import { saveDataValues } from './data-value.service';
import { compareRollups, rebuildRollups } from './rollup.service';
import { createRound, openRound } from './round.service';
import {
  approveReport,
  getReportForm,
  recallReport,
  reopenReport,
  returnReport,
  submitReport,
} from './submission.service';

/** mulberry32: a small, good-enough seeded generator. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('maintained roll-ups versus a rebuild', () => {
  let h: DatabaseHandle;
  let w: ReportingWorld;
  const rounds: Array<{ id: number; periodId: string }> = [];
  const submissions = new Map<string, number>();

  beforeAll(async () => {
    h = await createTestDatabase();
    w = await buildReportingWorld(h.db, () => new Date('2024-11-15T03:00:00Z'));
    const coordinator = w.as(w.people.coordinator);
    for (const periodId of ['2023', '2024']) {
      const r = await createRound(coordinator, {
        provinceId: w.p,
        name: `Báo cáo năm ${periodId}`,
        periodId,
        units: { kinds: ['department', 'commune'] },
        indicators: [
          { code: 'GOV.WORKFILE_ONLINE', unitKind: 'commune' },
          { code: 'GOV.WORKFILE_ONLINE', unitKind: 'department' },
          { code: 'SOC.FIBRE_HOUSEHOLDS', unitKind: 'commune', required: false },
          { code: 'FND.IT_STAFF', unitKind: 'commune', required: false },
          { code: 'GOV.OPEN_DATA', unitKind: 'department', required: false },
          { code: 'GOV.DTI_RANK', unitKind: 'department', required: false },
        ],
      });
      await openRound(coordinator, r.id);
      rounds.push({ id: r.id, periodId });
      for (const unitId of [w.d, w.c1, w.c2, w.c3]) {
        submissions.set(`${r.id}:${unitId}`, (await getReportForm(coordinator, r.id, unitId)).submission.id);
      }
    }
  }, 120_000);
  afterAll(() => h.close());

  const seeds = [
    1,
    20251201,
    987_654_321,
    Number(process.env.ROLLUP_SEED ?? Math.floor(Math.random() * 2 ** 31)),
  ];

  for (const seed of seeds) {
    it(`stays equal to the rebuild through a random sequence (seed ${seed})`, {
      timeout: 300_000,
    }, async () => {
      const rand = prng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
      const coordinator = w.as(w.people.coordinator);
      const approver = w.as(w.people.approverP);
      const units = [w.d, w.c1, w.c2, w.c3];
      // figures with decimals that add up inexactly in floating point (0.1 + 0.2)
      const amount = () => pick([0, 0.1, 0.2, 0.3, 1.5, 7, 12.25, 100, 999.99, Math.floor(rand() * 5000)]);
      const steps = 120;
      for (let i = 0; i < steps; i++) {
        const round = pick(rounds);
        const unitId = pick(units);
        const sub = submissions.get(`${round.id}:${unitId}`)!;
        // mostly a step the report can take now, sometimes any step (refusals must change nothing)
        const { state } = await h.db
          .selectFrom('submission')
          .select('state')
          .where('id', '=', sub)
          .executeTakeFirstOrThrow();
        const possible: string[] = [
          ...availableActions(state),
          ...(isEditable(state) ? ['edit', 'edit'] : []),
        ];
        const op =
          rand() < 0.8 ? pick(possible) : pick(['edit', 'submit', 'approve', 'return', 'reopen', 'recall']);
        try {
          if (op === 'edit') {
            const ratio = (code: string) => {
              const d = amount();
              const n = rand() < 0.05 ? null : Math.min(d, amount());
              return {
                unitId,
                indicatorId: w.indicator(code),
                periodId: round.periodId,
                numerator: n,
                denominator: rand() < 0.05 ? null : d,
              };
            };
            const values = [ratio('GOV.WORKFILE_ONLINE')];
            if (unitId === w.d) {
              values.push({
                unitId,
                indicatorId: w.indicator('GOV.OPEN_DATA'),
                periodId: round.periodId,
                value: Math.floor(rand() * 40),
              } as never);
              values.push({
                unitId,
                indicatorId: w.indicator('GOV.DTI_RANK'),
                periodId: round.periodId,
                value: 1 + Math.floor(rand() * 63),
              } as never);
            } else {
              values.push(ratio('SOC.FIBRE_HOUSEHOLDS'));
              values.push({
                unitId,
                indicatorId: w.indicator('FND.IT_STAFF'),
                periodId: round.periodId,
                value: Math.floor(rand() * 4),
              } as never);
            }
            await saveDataValues(coordinator, {
              source: pick(['form', 'excel', 'api'] as const),
              atomic: false,
              values,
            });
          } else if (op === 'submit') await submitReport(coordinator, sub);
          else if (op === 'approve') await approveReport(approver, sub);
          else if (op === 'return') await returnReport(approver, sub, { comment: `Bước ${i}: kiểm tra lại` });
          else if (op === 'reopen') await reopenReport(coordinator, sub, { comment: `Bước ${i}: mở lại` });
          else await recallReport(coordinator, sub);
        } catch (e) {
          // a step impossible from the current state (or a report not yet complete) changes nothing
          if (!isAppError(e)) throw e;
        }
        const diff = await compareRollups(h.db);
        expect(
          diff.differenceCount,
          `seed ${seed}, step ${i} (${op}): ${JSON.stringify(diff.differences[0])}`,
        ).toBe(0);
      }
      const states = await h.db.selectFrom('submission').select('state').distinct().execute();
      // the sequence really moved reports through the workflow
      expect(states.length).toBeGreaterThan(1);
    });
  }

  it('repairs a damaged roll-up table with a rebuild', async () => {
    await h.db.updateTable('rollup').set({ numeratorSum: 123456 }).where('unitId', '=', w.p).execute();
    await h.db.deleteFrom('rollup').where('unitId', '=', w.h).execute();
    const damaged = await compareRollups(h.db);
    const r = await rebuildRollups(w.system());
    expect(r.before.differenceCount).toBe(damaged.differenceCount);
    expect((await compareRollups(h.db)).differenceCount).toBe(0);
    await expect(rebuildRollups(w.as(w.people.coordinator))).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });

  it('stays exact when many reports are approved at the same time', { timeout: 120_000 }, async () => {
    const coordinator = w.as(w.people.coordinator);
    const r = await createRound(coordinator, {
      provinceId: w.p,
      name: 'Báo cáo năm 2022',
      periodId: '2022',
      units: { kinds: ['department', 'commune'] },
      indicators: [
        { code: 'GOV.WORKFILE_ONLINE', unitKind: 'commune' },
        { code: 'GOV.WORKFILE_ONLINE', unitKind: 'department' },
      ],
    });
    await openRound(coordinator, r.id);
    const ids: number[] = [];
    for (const [i, unitId] of [w.d, w.c1, w.c2, w.c3].entries()) {
      await saveDataValues(coordinator, {
        source: 'form',
        values: [
          {
            unitId,
            indicatorId: w.indicator('GOV.WORKFILE_ONLINE'),
            periodId: '2022',
            numerator: 10 + i + 0.1,
            denominator: 100 + i + 0.2,
          },
        ],
      });
      const sub = (await getReportForm(coordinator, r.id, unitId)).submission.id;
      await submitReport(coordinator, sub);
      ids.push(sub);
    }
    // several app processes would do this at once: the lock order keeps them from deadlocking
    await Promise.all(ids.map((id) => approveReport(w.as(w.people.approverP), id)));
    const [province] = await findRollups(h.db, {
      unitIds: [w.p],
      periodIds: ['2022'],
      indicatorIds: [w.indicator('GOV.WORKFILE_ONLINE')],
      view: 'approved',
    });
    // 10.1 + 11.1 + 12.1 + 13.1 and 100.2 + 101.2 + 102.2 + 103.2, exactly
    expect([province?.numeratorSum, province?.denominatorSum, province?.reportingUnits]).toEqual([
      46.4, 406.8, 4,
    ]);
    expect((await compareRollups(h.db)).differenceCount).toBe(0);
  });
});
