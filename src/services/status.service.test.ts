/**
 * The status service's wiring on hand-computed cases: series read from the
 * maintained roll-ups (Σ numerators ÷ Σ denominators, not means of
 * percentages), baselines (first reported, or stated), each method through
 * the service, a zero baseline, a target already met, level targets' two
 * readings, a province that ceased followed in its own and today's units,
 * and publication keeping the explanation as published.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import { buildReportingWorld, type ReportingWorld } from '../../test/reporting-world';
import type { DatabaseHandle } from '../db/connect';
import { anonymous } from '../domain/auth/actor';
import { getNationalComparison } from './dashboard.service';
import {
  getTargetStatuses,
  publishResults,
  setProvinceStatusMethod,
  setTargetStatusSetting,
} from './status.service';
import { addLineage, addUnit, insertProgram, putFigures } from './status-test-fixtures';

describe('target status through the service', () => {
  let h: DatabaseHandle;
  let w: ReportingWorld;
  let code: string;
  let t: Record<string, number>;
  const clock = () => new Date('2026-03-01T02:00:00Z');

  beforeAll(async () => {
    h = await createTestDatabase();
    w = await buildReportingWorld(h.db, clock);
    code = (await h.db.selectFrom('unit').select('code').where('id', '=', w.p).executeTakeFirstOrThrow())
      .code;
    const workfiles = w.indicator('GOV.WORKFILE_ONLINE');
    const epay = w.indicator('SOC.EPAYMENT_ACCOUNTS');
    const fibre = w.indicator('SOC.FIBRE_HOUSEHOLDS');
    const smart = w.indicator('SOC.SMART_COMMUNES');
    const dtiRank = w.indicator('GOV.DTI_RANK');
    const program = await insertProgram(h.db, w.p, [
      { indicatorId: workfiles, year: 2025, comparator: '>=', value: 90, quote: 'linear' },
      { indicatorId: epay, year: 2025, comparator: '>=', value: 90, quote: 'cagr' },
      { indicatorId: fibre, year: 2025, comparator: '>=', value: 90, quote: 'escap' },
      {
        indicatorId: w.indicator('SOC.BANK_ACCOUNTS'),
        year: 2025,
        comparator: '>=',
        value: 90,
        quote: 'zero baseline',
      },
      {
        indicatorId: w.indicator('GOV.DVC_FULL_ONLINE'),
        year: 2030,
        comparator: '>=',
        value: 80,
        quote: 'met',
      },
      {
        indicatorId: workfiles,
        year: 2025,
        level: 'commune',
        comparator: '>=',
        value: 60,
        quote: 'communes',
      },
      {
        indicatorId: workfiles,
        year: 2025,
        level: 'province',
        comparator: '>=',
        value: 90,
        quote: 'departments',
      },
      {
        indicatorId: smart,
        year: null,
        level: 'district',
        comparator: '>=',
        value: 1,
        unit: 'count',
        quote: 'per district',
      },
      { indicatorId: dtiRank, year: 2025, comparator: 'top', value: 20, quote: 'rank' },
      { indicatorId: null, year: 2025, comparator: '=', value: 100, quote: 'no indicator' },
    ]);
    t = Object.fromEntries(
      [
        'linear',
        'cagr',
        'escap',
        'zero',
        'met',
        'communes',
        'departments',
        'perDistrict',
        'rank',
        'none',
      ].map((k, i) => [k, program.targetIds[i] as number]),
    );
    await putFigures(h.db, [
      // work files: C1 30/40 (75 %), C3 10/60 (16.7 %) → 40/100 = 40 %, where a mean of percentages gives 45.8 %
      { unitId: w.c1, indicatorId: workfiles, periodId: '2021', numerator: 30, denominator: 40 },
      { unitId: w.c3, indicatorId: workfiles, periodId: '2021', numerator: 10, denominator: 60 },
      // 2023: C1 36/40 (90 %), C2 10/40 (25 %), C3 34/60 (56.7 %) → 80/140 = 57.14 % at commune level
      { unitId: w.c1, indicatorId: workfiles, periodId: '2023', numerator: 36, denominator: 40 },
      { unitId: w.c2, indicatorId: workfiles, periodId: '2023', numerator: 10, denominator: 40 },
      { unitId: w.c3, indicatorId: workfiles, periodId: '2023', numerator: 34, denominator: 60 },
      // the department (province level): 45/50 = 90 % in 2023; with it the province's whole is 125/190
      { unitId: w.d, indicatorId: workfiles, periodId: '2023', numerator: 45, denominator: 50 },
      // e-payment accounts: 40 % then 50 % (CAGR)
      { unitId: w.c3, indicatorId: epay, periodId: '2021', numerator: 40, denominator: 100 },
      { unitId: w.c3, indicatorId: epay, periodId: '2023', numerator: 50, denominator: 100 },
      // fibre: 40, 45, 55 % (ESCAP)
      { unitId: w.c3, indicatorId: fibre, periodId: '2021', numerator: 40, denominator: 100 },
      { unitId: w.c3, indicatorId: fibre, periodId: '2022', numerator: 45, denominator: 100 },
      { unitId: w.c3, indicatorId: fibre, periodId: '2023', numerator: 55, denominator: 100 },
      // bank accounts from zero: 0 % then 30 %
      {
        unitId: w.c3,
        indicatorId: w.indicator('SOC.BANK_ACCOUNTS'),
        periodId: '2021',
        numerator: 0,
        denominator: 100,
      },
      {
        unitId: w.c3,
        indicatorId: w.indicator('SOC.BANK_ACCOUNTS'),
        periodId: '2023',
        numerator: 30,
        denominator: 100,
      },
      // full-process online services already at 85 % (target 80 % by 2030)
      {
        unitId: w.d,
        indicatorId: w.indicator('GOV.DVC_FULL_ONLINE'),
        periodId: '2022',
        numerator: 60,
        denominator: 100,
      },
      {
        unitId: w.d,
        indicatorId: w.indicator('GOV.DVC_FULL_ONLINE'),
        periodId: '2023',
        numerator: 85,
        denominator: 100,
      },
      // smart communes: the district's count is the sum of its communes' (1 + 0)
      { unitId: w.c1, indicatorId: smart, periodId: '2023', value: 1 },
      { unitId: w.c2, indicatorId: smart, periodId: '2023', value: 0 },
      // the province's DTI rank (not summed anywhere): 28 then 22
      { unitId: w.p, indicatorId: dtiRank, periodId: '2022', value: 28 },
      { unitId: w.p, indicatorId: dtiRank, periodId: '2023', value: 22 },
      // a figure awaiting approval is not in the approved view
      {
        unitId: w.c2,
        indicatorId: epay,
        periodId: '2023',
        numerator: 100,
        denominator: 100,
        status: 'submitted',
      },
    ]);
    await setTargetStatusSetting(w.as(w.people.coordinator), t.cagr as number, {
      method: 'cagr',
      baseline: null,
    });
    await setTargetStatusSetting(w.as(w.people.coordinator), t.zero as number, {
      method: 'cagr',
      baseline: null,
    });
    await setTargetStatusSetting(w.as(w.people.coordinator), t.escap as number, {
      method: 'escap',
      baseline: null,
    });
  });
  afterAll(() => h.close());

  const report = (asOf = 2023, view: 'approved' | 'submitted' = 'approved') =>
    getTargetStatuses(w.as(w.people.coordinator), code, { year: asOf, view });
  const item = async (key: string, asOf = 2023) => {
    const r = await report(asOf);
    const found = r.items.find((i) => i.target.id === t[key]);
    if (!found) throw new Error(`no item ${key}`);
    return found;
  };

  it('reads the series from the roll-ups as Σ numerators ÷ Σ denominators and judges it on the linear path', async () => {
    const i = await item('linear');
    expect(i.primary.series.map((s) => [s.periodId, s.numerator, s.denominator])).toEqual([
      ['2021', 40, 100],
      ['2023', 125, 190],
    ]);
    // 2023 at the province: (36 + 10 + 34 + 45) ÷ (40 + 40 + 60 + 50) = 125 ÷ 190 = 65.789 %
    expect(i.primary.current?.value).toBeCloseTo(65.7895, 4);
    expect(i.primary.baseline).toEqual({ year: 2021, value: 40, source: 'first_reported' });
    // path: 40 + (90 − 40) × 2/4 = 65 expected in 2023 → 65.79 is on track
    expect(i.status).toBe('on_track');
    expect(i.method).toEqual({ requested: 'linear', source: 'default' });
    expect(i.primary.result.outputs.expectedNow).toBeCloseTo(65, 9);
    // achievement (65.789 − 40) ÷ (90 − 40) = 0.5158; projection 65.789 + 12.895 × 2 = 91.58
    expect(i.primary.achievement).toBeCloseTo(0.51579, 4);
    expect(i.primary.projectedValue).toBeCloseTo(91.579, 3);
    expect(i.primary.result.steps.length).toBeGreaterThan(3);
  });

  it('uses the baseline the document states when the coordinator records it', async () => {
    await setTargetStatusSetting(w.as(w.people.coordinator), t.linear as number, {
      method: null,
      baseline: { year: 2020, value: 20 },
    });
    const i = await item('linear');
    expect(i.primary.baseline).toEqual({ year: 2020, value: 20, source: 'stated' });
    // path from 2020: 20 + 70 × 3/5 = 62 expected in 2023; achievement (65.789 − 20) ÷ 70 = 0.6541
    expect(i.primary.result.outputs.expectedNow).toBeCloseTo(62, 9);
    expect(i.primary.achievement).toBeCloseTo(0.65414, 4);
    await setTargetStatusSetting(w.as(w.people.coordinator), t.linear as number, {
      method: null,
      baseline: null,
    });
    expect((await item('linear')).primary.baseline?.source).toBe('first_reported');
  });

  it('judges with CAGR when the target asks for it: R = 0.118 ÷ 0.2247 = 0.525, limited progress', async () => {
    const i = await item('cagr');
    expect(i.method).toEqual({ requested: 'cagr', source: 'target' });
    expect(i.primary.result.method).toBe('cagr');
    // observed √(50/40) − 1 = 0.118034; required (90/40)^(1/4) − 1 = 0.224745
    expect(i.primary.result.outputs.observedGrowth).toBeCloseTo(0.118034, 5);
    expect(i.primary.result.outputs.requiredGrowth).toBeCloseTo(0.224745, 5);
    expect(i.primary.result.outputs.growthRatio).toBeCloseTo(0.52519, 4);
    expect(i.status).toBe('off_track');
    expect(i.primary.result.reason).toBe('cagr_limited_progress');
  });

  it('counts a figure awaiting approval only in the submitted view', async () => {
    const submitted = (await report(2023, 'submitted')).items.find((x) => x.target.id === t.cagr);
    // (50 + 100) ÷ (100 + 100) = 75 %
    expect(submitted?.primary.current?.value).toBeCloseTo(75, 9);
    expect((await item('cagr')).primary.current?.value).toBeCloseTo(50, 9);
  });

  it('judges with ESCAP: time-weighted trend 8 a year, APR = (70.5 − 40) ÷ 50 = 0.61, at risk', async () => {
    const i = await item('escap');
    expect(i.primary.result.method).toBe('escap');
    expect(i.primary.result.outputs.trendWeights).toEqual([1, 2, 3]);
    expect(i.primary.result.outputs.trendSlope).toBeCloseTo(8, 9);
    expect(i.primary.projectedValue).toBeCloseTo(70.5, 9);
    expect(i.primary.result.outputs.anticipatedProgressRatio).toBeCloseTo(0.61, 9);
    expect(i.status).toBe('at_risk');
  });

  it('falls back from CAGR to linear from a zero baseline, and says so', async () => {
    const i = await item('zero');
    expect(i.primary.result.requestedMethod).toBe('cagr');
    expect(i.primary.result.method).toBe('linear');
    expect(i.primary.result.fallback).toEqual({ from: 'cagr', reason: 'zero_or_negative_baseline' });
    // linear from 0: 45 expected in 2023, 30 is 15 behind, beyond the band 0.1 × 90 = 9
    expect(i.status).toBe('off_track');
    expect(i.primary.result.steps[0]?.formula.vi).toContain('giá trị cơ sở bằng 0');
  });

  it('calls a target already met met, whatever the trend or the year', async () => {
    const i = await item('met');
    expect(i.status).toBe('met');
    expect(i.primary.result.reason).toBe('target_met');
    expect(i.primary.current?.value).toBeCloseTo(85, 9);
    expect(i.primary.gap).toBe(0);
  });

  it('reads a commune-level target both ways: the level’s rate from its roll-up and the share of communes meeting it', async () => {
    const i = await item('communes');
    expect(i.primary.judgedOn).toBe('rate');
    // communes only (the department is left out): 80 ÷ 140 = 57.14 %
    expect(i.primary.current?.value).toBeCloseTo(57.1429, 4);
    const level = i.primary.level;
    expect(level?.rate).toMatchObject({ numerator: 80, denominator: 140, meets: false, unitsIncluded: 3 });
    expect(level?.rate.value).toBeCloseTo(57.1429, 4);
    // C1 90 % meets 60 %; C2 25 % and C3 56.7 % do not
    expect(level?.share).toMatchObject({
      unitsTotal: 3,
      unitsAssessed: 3,
      unitsMeeting: 1,
      unitsWithoutData: 0,
    });
    expect(level?.units.filter((u) => u.meets).map((u) => u.unitId)).toEqual([w.c1]);
    expect(level?.explanation.vi).toContain('80 ÷ 140 × 100');
    // a province-level target reads the departments and agencies: 45 ÷ 50 = 90 % → met
    const departments = await item('departments');
    expect(departments.primary.current?.value).toBeCloseTo(90, 9);
    expect(departments.status).toBe('met');
  });

  it('judges a count per district on the share of districts meeting it, in the program’s last horizon year', async () => {
    const i = await item('perDistrict');
    expect(i.target.year).toBe(2030);
    expect(i.target.yearAssumed).toBe(true);
    expect(i.primary.judgedOn).toBe('share');
    // the district's own roll-up: 1 + 0 = 1 smart commune ≥ 1 → 1 of 1 district → 100 %
    expect(i.primary.current?.value).toBe(100);
    expect(i.status).toBe('met');
  });

  it('reads a rank as the province’s own figure and an unlinked target as no data', async () => {
    const rank = await item('rank');
    expect(rank.primary.series.map((s) => s.value)).toEqual([28, 22]);
    // rank 28 → 22, aiming at 20 by 2025: expected 28 − 8 × 1/3 = 25.33; 22 is ahead → on track
    expect(rank.status).toBe('on_track');
    const none = await item('none');
    expect(none.target.indicator).toBeNull();
    expect(none.status).toBe('no_data');
  });

  it('applies the province’s default method to targets without their own', async () => {
    await setProvinceStatusMethod(w.as(w.people.coordinator), w.p, { method: 'escap' });
    const i = await item('linear');
    expect(i.method).toEqual({ requested: 'escap', source: 'province' });
    expect(i.primary.result.method).toBe('escap');
    await setProvinceStatusMethod(w.as(w.people.coordinator), w.p, { method: 'linear' });
  });

  it('keeps what was published as published, while the live judgement follows new approvals', async () => {
    const coordinator = w.as(w.people.coordinator);
    const pub = await publishResults(coordinator, w.p, { year: 2023, note: 'Công bố kết quả năm 2023' });
    expect(pub.periodId).toBe('2023');
    expect(pub.publishedBy).toBe('Trần Thị Điều Phối');
    // a visitor sees the published judgement with its whole explanation
    const visitor = { ...coordinator, actor: anonymous };
    const seen = await getTargetStatuses(visitor, code);
    expect(seen.source).toBe('published');
    expect(seen.canReadLive).toBe(false);
    const published = seen.items.find((i) => i.target.id === t.cagr);
    expect(published?.primary.result.outputs.growthRatio).toBeCloseTo(0.52519, 4);
    expect(published?.primary.result.steps.length).toBeGreaterThan(3);
    // a later approval changes the live judgement, not the published one
    await putFigures(h.db, [
      {
        unitId: w.c3,
        indicatorId: w.indicator('SOC.EPAYMENT_ACCOUNTS'),
        periodId: '2023',
        numerator: 80,
        denominator: 100,
      },
    ]);
    expect((await item('cagr')).primary.current?.value).toBeCloseTo(80, 9);
    const again = (await getTargetStatuses(visitor, code)).items.find((i) => i.target.id === t.cagr);
    expect(again?.primary.current?.value).toBeCloseTo(50, 9);
    expect(again?.status).toBe('off_track');
    const audit = await h.db
      .selectFrom('auditEvent')
      .select(['action', 'unitId'])
      .where('action', '=', 'results.publish')
      .execute();
    expect(audit).toEqual([{ action: 'results.publish', unitId: w.p }]);
  });

  it('refuses publication and settings to people who do not manage the program', async () => {
    await expect(publishResults(w.as(w.people.viewerP), w.p, { year: 2023 })).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      setTargetStatusSetting(w.as(w.people.coordinatorQ), t.linear as number, {
        method: 'cagr',
        baseline: null,
      }),
    ).rejects.toMatchObject({ status: 403 });
    // a visitor who may not read figures cannot ask for the submitted view
    await expect(
      getTargetStatuses({ ...w.as(w.people.coordinatorQ) }, code, { view: 'submitted' }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe('a province that ceased, in the units of its time and in today’s', () => {
  let h: DatabaseHandle;
  let w: ReportingWorld;
  beforeAll(async () => {
    h = await createTestDatabase();
    w = await buildReportingWorld(h.db);
  });
  afterAll(() => h.close());

  it('follows the target in the old province up to its end and re-expressed in its successor with 2025', async () => {
    const nation = w.nation;
    const old = await addUnit(h.db, {
      kind: 'province',
      name: 'Tỉnh Cũ',
      parentId: nation,
      code: '91',
      validTo: '2025-07-01',
    });
    const oldCommune = await addUnit(h.db, {
      kind: 'commune',
      name: 'Xã Cũ',
      parentId: old,
      validTo: '2025-07-01',
    });
    const next = await addUnit(h.db, { kind: 'province', name: 'Tỉnh Mới', parentId: nation, code: '92' });
    const newCommune = await addUnit(h.db, {
      kind: 'commune',
      name: 'Xã Mới',
      parentId: next,
      validFrom: '2025-07-01',
    });
    await addLineage(h.db, old, next, '2025-07-01');
    await addLineage(h.db, oldCommune, newCommune, '2025-07-01');
    const epay = w.indicator('SOC.EPAYMENT_ACCOUNTS');
    const { targetIds } = await insertProgram(h.db, old, [
      { indicatorId: epay, year: 2025, comparator: '>=', value: 80 },
    ]);
    await putFigures(h.db, [
      { unitId: oldCommune, indicatorId: epay, periodId: '2023', numerator: 50, denominator: 100 },
      { unitId: oldCommune, indicatorId: epay, periodId: '2024', numerator: 60, denominator: 100 },
      { unitId: newCommune, indicatorId: epay, periodId: '2025', numerator: 82, denominator: 100 },
    ]);
    const r = await getTargetStatuses(
      w.as(w.people.admin, () => new Date('2026-02-01T00:00:00Z')),
      '91',
      {},
    );
    expect(r.province.successor).toMatchObject({ id: next, code: '92', effectiveOn: '2025-07-01' });
    const i = r.items.find((x) => x.target.id === targetIds[0]);
    // units of its time: 50 (2023) → 60 (2024); path 50 → 80 expects 65 in 2024; 5 behind, band 3 → off track
    expect(i?.primary.scope).toMatchObject({ kind: 'time', unitId: old });
    expect(i?.primary.series.map((s) => s.value)).toEqual([50, 60]);
    expect(i?.status).toBe('off_track');
    // today's units: the successor, with the old province's figures for the years before the merger, then 82 in 2025
    expect(i?.today?.scope).toMatchObject({ kind: 'today', unitId: next, mergedFrom: [{ unitId: old }] });
    expect(i?.today?.series.map((s) => [s.periodId, s.value])).toEqual([
      ['2023', 50],
      ['2024', 60],
      ['2025', 82],
    ]);
    expect(i?.today?.result.status).toBe('met');
    // the country in 2024 lists both provinces, each with its own figures (no double count);
    // in 2025 only the successor, with what came from the old province
    const admin = w.as(w.people.admin, () => new Date('2026-02-01T00:00:00Z'));
    const y2024 = await getNationalComparison(admin, { indicator: 'SOC.EPAYMENT_ACCOUNTS', period: '2024' });
    expect(y2024.layout).toBe('63');
    expect(
      y2024.items
        .filter((x) => ['91', '92'].includes(x.province.code))
        .map((x) => [x.province.code, x.value]),
    ).toEqual([
      ['91', 60],
      ['92', null],
    ]);
    const y2025 = await getNationalComparison(admin, { indicator: 'SOC.EPAYMENT_ACCOUNTS', period: '2025' });
    expect(y2025.layout).toBe('34');
    expect(y2025.items.map((x) => [x.province.code, x.value])).toContainEqual(['92', 82]);
    expect(y2025.items.some((x) => x.province.code === '91')).toBe(false);
  });
});
