/**
 * The demo data through the real services, on a restricted plan (Nam Định's
 * program: its 2024 round, and the 2025 round of the new Ninh Bình for the
 * communes that came from Nam Định). Reads the shared unit lists and seeds.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import type { DatabaseHandle } from '../db/connect';
import { systemActor } from '../domain/auth/actor';
import { type ServiceContext, systemContext } from './context';
import { seedDemoData } from './demo.service';
import { seedDocumentsOnFirstStart } from './document-seed.service';
import { syncIndicatorCatalogAtStart } from './indicator.service';
import { compareRollups } from './rollup.service';
import { listRounds } from './round.service';
import { getReportForm } from './submission.service';
import { ensureReferenceUnits } from './unit-reference.service';

describe('the demo data', () => {
  let h: DatabaseHandle;
  let ctx: ServiceContext;
  let result: Awaited<ReturnType<typeof seedDemoData>>;
  const phases: string[] = [];

  beforeAll(async () => {
    h = await createTestDatabase();
    ctx = systemContext(h.db, systemActor('test'));
    await ensureReferenceUnits(ctx);
    await syncIndicatorCatalogAtStart(ctx);
    await seedDocumentsOnFirstStart(ctx);
    result = await seedDemoData(ctx, {
      programs: ['36'],
      years: [2024, 2025],
      onProgress: (p) => phases.push(`${p.phase}:${p.message}`),
    });
  }, 600_000);
  afterAll(() => h.close());

  it('reports progress and counts what it made, all marked demo', async () => {
    expect(phases[0]).toBe('units:demo.progress.units');
    expect(phases).toContain('rounds:Tỉnh Ninh Bình — 2025');
    expect(phases.at(-1)).toBe('done:demo.progress.done');
    expect(result.rounds).toBe(2);
    expect(result.values).toBeGreaterThan(800);
    const flags = await sql<{ rounds: number; values: number; notDemo: number }>`
      SELECT (SELECT count(*) FROM reporting_round WHERE is_demo)::int AS rounds,
        (SELECT count(*) FROM data_value WHERE is_demo)::int AS values,
        (SELECT count(*) FROM data_value WHERE NOT is_demo)::int AS "notDemo"`.execute(h.db);
    expect(flags.rows[0]).toEqual({ rounds: 2, values: result.values, notDemo: 0 });
  });

  it('closes 2024 with late and returned reports, and leaves 2025 open with reports in every state', async () => {
    const rounds = (await listRounds(ctx, {})).items;
    const r2024 = rounds.find((r) => r.periodId === '2024')!;
    const r2025 = rounds.find((r) => r.periodId === '2025')!;
    expect(r2024).toMatchObject({ state: 'closed', provinceName: 'Tỉnh Nam Định', isDemo: true });
    expect(r2025).toMatchObject({ state: 'open', provinceName: 'Tỉnh Ninh Bình' });
    expect(r2024.counts.approved).toBeGreaterThan(180);
    const r = await sql<{ late: number; returned: number }>`
      SELECT (SELECT count(*) FROM submission WHERE round_id = ${r2024.id}
          AND submitted_at > TIMESTAMPTZ '2024-11-30 17:00:00+00')::int AS late,
        (SELECT count(DISTINCT submission_id) FROM submission_event e JOIN submission s ON s.id = e.submission_id
          WHERE s.round_id = ${r2024.id} AND e.to_state = 'returned')::int AS returned`.execute(h.db);
    expect(r.rows[0]!.late).toBeGreaterThan(5);
    expect(r.rows[0]!.returned).toBeGreaterThan(3);
    const states = Object.entries(r2025.counts)
      .filter(([, n]) => n > 0)
      .map(([s]) => s);
    expect(states.sort()).toEqual(
      ['approved', 'draft', 'submitted'].concat(r2025.counts.returned ? ['returned'] : []).sort(),
    );
  });

  it("follows Nam Định's program into the new Ninh Bình, with last year's figures re-expressed through the lineage", async () => {
    const r2025 = (await listRounds(ctx, { periodId: '2025' })).items[0]!;
    const communes = await sql<{ id: number; fromNamDinh: boolean }>`
      SELECT u.id::int AS id, EXISTS (
        SELECT 1 FROM unit_lineage l JOIN unit o ON o.id = l.from_unit_id
        JOIN unit d ON d.id = o.parent_id JOIN unit p ON p.id = d.parent_id
        WHERE l.to_unit_id = u.id AND p.code = '36') AS "fromNamDinh"
      FROM round_unit ru JOIN unit u ON u.id = ru.unit_id
      WHERE ru.round_id = ${r2025.id} AND u.kind = 'commune'`.execute(h.db);
    expect(communes.rows.length).toBeGreaterThan(30);
    expect(communes.rows.every((c) => c.fromNamDinh)).toBe(true);
    const form = await getReportForm(ctx, r2025.id, communes.rows[0]!.id);
    expect(form.round.isDemo).toBe(true);
    const workfiles = form.indicators.find((i) => i.indicator.code === 'GOV.WORKFILE_ONLINE');
    expect(workfiles?.previous).toMatchObject({ periodId: '2024', source: 'lineage' });
    expect(workfiles?.previous?.denominator).toBeGreaterThan(0);
  });

  it('keeps the maintained roll-ups equal to a rebuild', async () => {
    expect((await compareRollups(h.db)).differenceCount).toBe(0);
  });

  it('does not load twice, and only for an administrator', async () => {
    await expect(seedDemoData(ctx)).rejects.toMatchObject({ code: 'demo.already_loaded' });
    const coordinator: ServiceContext = {
      ...ctx,
      actor: { kind: 'user', userId: 1, label: 'x', grants: [{ role: 'coordinator', unitId: 1 }] },
    };
    await expect(seedDemoData(coordinator)).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
