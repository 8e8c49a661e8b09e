import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { assessTargetStatus } from './assess';
import { readLevelTarget } from './level';
import type { TargetSpec } from './types';

// "≥ 90% by 2025", e.g. work files processed online
const atLeast90: TargetSpec = {
  comparator: '>=',
  value: 90,
  year: 2025,
  direction: 'higher_better',
  unit: 'percent',
};
const baseline2020 = { year: 2020, value: 40 };

describe('linear method (default)', () => {
  it('is on track at or above the straight path from the baseline', () => {
    // path: (90 − 40) ÷ (2025 − 2020) = 10 pp a year; expected 2023 = 40 + 50 × 3/5 = 70
    // actual 72 → gap +2 → on track; achievement (72 − 40) ÷ 50 = 0.64
    // average change (72 − 40) ÷ 3 = 10.667/yr; projection 2025 = 72 + 10.667 × 2 = 93.333 → meets
    const r = assessTargetStatus({
      target: atLeast90,
      baseline: baseline2020,
      observations: [{ year: 2023, value: 72 }],
    });
    expect(r.method).toBe('linear');
    expect(r.status).toBe('on_track');
    expect(r.reason).toBe('on_path');
    expect(r.outputs.expectedNow).toBeCloseTo(70, 9);
    expect(r.outputs.gapToPath).toBeCloseTo(2, 9);
    expect(r.outputs.achievement).toBeCloseTo(0.64, 9);
    expect(r.outputs.annualChange).toBeCloseTo(32 / 3, 9);
    expect(r.outputs.projectedValue).toBeCloseTo(93.3333333, 6);
    expect(r.outputs.projectedMeets).toBe(true);
    expect(r.parameters).toEqual({ atRiskBand: 0.1 });
  });

  it('is at risk within the stated band below the path and off track beyond it', () => {
    // expected 2023 = 70; band = 10% × (90 − 40) = 5
    // 66 → 4 below → at risk; projection 66 + (26 ÷ 3) × 2 = 83.333 → not met
    const atRisk = assessTargetStatus({
      target: atLeast90,
      baseline: baseline2020,
      observations: [{ year: 2023, value: 66 }],
    });
    expect(atRisk.status).toBe('at_risk');
    expect(atRisk.reason).toBe('within_band');
    expect(atRisk.outputs.projectedValue).toBeCloseTo(83.3333333, 6);
    expect(atRisk.outputs.projectedMeets).toBe(false);
    // 60 → 10 below > 5 → off track
    const off = assessTargetStatus({
      target: atLeast90,
      baseline: baseline2020,
      observations: [{ year: 2023, value: 60 }],
    });
    expect(off.status).toBe('off_track');
    expect(off.reason).toBe('below_band');
    // a wider band (25% × 50 = 12.5) turns the same 60 into at risk, and the parameter is kept
    const wide = assessTargetStatus(
      { target: atLeast90, baseline: baseline2020, observations: [{ year: 2023, value: 60 }] },
      'linear',
      { linear: { atRiskBand: 0.25 } },
    );
    expect(wide.status).toBe('at_risk');
    expect(wide.parameters.atRiskBand).toBe(0.25);
  });

  it('judges a decreasing-is-better target downward', () => {
    // "late files ≤ 5% by 2025", lower is better; 2021: 25, 2023: 14
    // path: 25 → 5 over 4 years = −5 a year; expected 2023 = 25 − 20 × 2/4 = 15
    // 14 is 1 below the expected value, i.e. ahead → on track; achievement (14 − 25) ÷ (5 − 25) = 0.55
    // projection: −5.5/yr → 14 − 11 = 3 ≤ 5 → meets
    const target: TargetSpec = {
      comparator: '<=',
      value: 5,
      year: 2025,
      direction: 'lower_better',
      unit: 'percent',
    };
    const r = assessTargetStatus({
      target,
      baseline: { year: 2021, value: 25 },
      observations: [{ year: 2023, value: 14 }],
    });
    expect(r.outputs.aim).toBe('down');
    expect(r.outputs.expectedNow).toBeCloseTo(15, 9);
    expect(r.outputs.gapToPath).toBeCloseTo(1, 9);
    expect(r.outputs.achievement).toBeCloseTo(0.55, 9);
    expect(r.outputs.projectedValue).toBeCloseTo(3, 9);
    expect(r.status).toBe('on_track');
    // 17 is 2 behind; band 10% × 20 = 2 → at risk; 18 → off track
    const behind = (v: number) =>
      assessTargetStatus({
        target,
        baseline: { year: 2021, value: 25 },
        observations: [{ year: 2023, value: v }],
      }).status;
    expect(behind(17)).toBe('at_risk');
    expect(behind(18)).toBe('off_track');
  });

  it('aims at the nearer bound of a range target and counts values above it as met', () => {
    // "digital economy 8–10% of GRDP by 2025"; 2020: 4, 2023: 6.1
    // aim at 8: expected 2023 = 4 + 4 × 3/5 = 6.4; 6.1 is 0.3 behind; band 10% × 4 = 0.4 → at risk
    const range: TargetSpec = {
      comparator: 'range',
      value: 8,
      valueMax: 10,
      year: 2025,
      direction: 'higher_better',
      unit: 'percent',
    };
    const r = assessTargetStatus({
      target: range,
      baseline: { year: 2020, value: 4 },
      observations: [{ year: 2023, value: 6.1 }],
    });
    expect(r.outputs.goal).toBe(8);
    expect(r.outputs.expectedNow).toBeCloseTo(6.4, 9);
    expect(r.status).toBe('at_risk');
    const inRange = assessTargetStatus({ target: range, observations: [{ year: 2024, value: 9 }] });
    expect(inRange.status).toBe('met');
    expect(inRange.outputs.exceeded).toBe(false);
    // above the range of a higher-is-better indicator: met and exceeded ("vượt")
    const above = assessTargetStatus({ target: range, observations: [{ year: 2024, value: 11 }] });
    expect(above.status).toBe('met');
    expect(above.outputs.exceeded).toBe(true);
    // above the range of a lower-is-better indicator: not met, aims down at the upper bound
    const lower: TargetSpec = { ...range, direction: 'lower_better' };
    const high = assessTargetStatus({
      target: lower,
      baseline: { year: 2020, value: 14 },
      observations: [{ year: 2023, value: 11 }],
    });
    expect(high.status).not.toBe('met');
    expect(high.outputs.goal).toBe(10);
    expect(high.outputs.aim).toBe('down');
  });

  it('treats a top-N rank target as lower-is-better', () => {
    // "top 20 provinces in DTI by 2025"; rank 45 in 2021, 30 in 2023
    // path 45 → 20 over 4 years; expected 2023 = 45 − 25 × 2/4 = 32.5; 30 is 2.5 ahead → on track
    const top20: TargetSpec = {
      comparator: 'top',
      value: 20,
      year: 2025,
      direction: 'lower_better',
      unit: 'rank',
    };
    const r = assessTargetStatus({
      target: top20,
      baseline: { year: 2021, value: 45 },
      observations: [{ year: 2023, value: 30 }],
    });
    expect(r.outputs.expectedNow).toBeCloseTo(32.5, 9);
    expect(r.outputs.gapToPath).toBeCloseTo(2.5, 9);
    expect(r.status).toBe('on_track');
    // rank 18 is inside the top 20 → met; rank 21 in 2025 → missed
    expect(assessTargetStatus({ target: top20, observations: [{ year: 2024, value: 18 }] }).status).toBe(
      'met',
    );
    const missed = assessTargetStatus({
      target: top20,
      baseline: { year: 2021, value: 45 },
      observations: [{ year: 2025, value: 21 }],
    });
    expect(missed.status).toBe('off_track');
    expect(missed.reason).toBe('deadline_passed');
  });

  it('explains each step with the numbers in Vietnamese and English formats', () => {
    const r = assessTargetStatus({
      target: atLeast90,
      baseline: baseline2020,
      observations: [{ year: 2023, value: 72 }],
    });
    const vi = r.steps.map((s) => s.formula.vi).join('\n');
    const en = r.steps.map((s) => s.formula.en).join('\n');
    expect(vi).toContain('(90 − 40) ÷ (2025 − 2020) = 10 điểm phần trăm');
    expect(vi).toContain('= 93,33 → đạt');
    expect(en).toContain('= 93.33 → met');
    expect(vi).toContain('64%');
    expect(r.formula.vi).toMatch(/Kỳ vọng/);
  });
});

describe('shared cases, whatever the method', () => {
  it('says met for a target already met, regardless of a falling trend', () => {
    // 95 in 2022, 92 in 2023: falling, but 92 ≥ 90
    for (const method of ['linear', 'cagr', 'escap'] as const) {
      const r = assessTargetStatus(
        {
          target: atLeast90,
          baseline: baseline2020,
          observations: [
            { year: 2022, value: 95 },
            { year: 2023, value: 92 },
          ],
        },
        method,
      );
      expect(r.status).toBe('met');
      expect(r.reason).toBe('target_met');
      expect(r.outputs.exceeded).toBe(true);
    }
  });

  it('says no data without any observation', () => {
    const r = assessTargetStatus({ target: atLeast90, baseline: baseline2020, observations: [] }, 'cagr');
    expect(r.status).toBe('no_data');
    expect(r.reason).toBe('no_observation');
    expect(r.inputs.current).toBeNull();
  });

  it('cannot judge progress from a single observation without a baseline', () => {
    const r = assessTargetStatus({ target: atLeast90, observations: [{ year: 2023, value: 60 }] });
    expect(r.status).toBe('no_data');
    expect(r.reason).toBe('single_observation');
    expect(r.inputs.current).toEqual({ year: 2023, value: 60 });
  });

  it('says off track when the target year has come and the target is not met', () => {
    const r = assessTargetStatus({ target: atLeast90, observations: [{ year: 2025, value: 89 }] }, 'escap');
    expect(r.status).toBe('off_track');
    expect(r.reason).toBe('deadline_passed');
  });

  it('ignores observations after the as-of year', () => {
    // as of 2023 the 2024 figure (95, met) is not known yet
    const r = assessTargetStatus({
      target: atLeast90,
      baseline: baseline2020,
      observations: [
        { year: 2023, value: 72 },
        { year: 2024, value: 95 },
      ],
      asOf: 2023,
    });
    expect(r.status).toBe('on_track');
    expect(r.inputs.current).toEqual({ year: 2023, value: 72 });
  });

  it('rejects unusable input, listing every problem with its place', () => {
    try {
      assessTargetStatus({
        target: { comparator: 'range', value: 8, year: 2025, direction: 'higher_better' },
        observations: [
          { year: 2023, value: Number.NaN },
          { year: Number.NaN, value: 3 },
        ],
      });
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('status.invalid_input');
      if (!isAppError(e)) throw e;
      expect(e.details.map((d) => d.path)).toEqual([
        'target.valueMax',
        'observations.0.value',
        'observations.1.year',
      ]);
    }
  });
});

describe('CAGR method (Statistics Canada / Open SDG)', () => {
  const atLeast80: TargetSpec = {
    comparator: '>=',
    value: 80,
    year: 2025,
    direction: 'higher_better',
    unit: 'percent',
  };
  const judge = (v: number) =>
    assessTargetStatus(
      { target: atLeast80, baseline: { year: 2020, value: 20 }, observations: [{ year: 2023, value: v }] },
      'cagr',
    );

  it('compares observed with required compound growth', () => {
    // observed (50 ÷ 20)^(1/3) − 1 = 1.357209 − 1 = 0.357209
    // required (80 ÷ 20)^(1/5) − 1 = 1.319508 − 1 = 0.319508
    // R = 0.357209 ÷ 0.319508 = 1.118 ≥ 0.95 → on track
    // projection 50 × 1.357209² = 92.10; expected now 20 × 1.319508³ = 45.95
    const r = judge(50);
    expect(r.method).toBe('cagr');
    expect(r.fallback).toBeNull();
    expect(r.outputs.observedGrowth).toBeCloseTo(0.357209, 6);
    expect(r.outputs.requiredGrowth).toBeCloseTo(0.319508, 6);
    expect(r.outputs.growthRatio).toBeCloseTo(1.118, 3);
    expect(r.outputs.cagrCategory).toBe('on_track');
    expect(r.status).toBe('on_track');
    expect(r.outputs.projectedValue).toBeCloseTo(92.1, 1);
    expect(r.outputs.expectedNow).toBeCloseTo(45.95, 2);
  });

  it('maps needs acceleration to at risk, limited progress and deterioration to off track', () => {
    // 40: (2)^(1/3) − 1 = 0.259921; R = 0.259921 ÷ 0.319508 = 0.8135 → needs acceleration
    const acc = judge(40);
    expect(acc.outputs.growthRatio).toBeCloseTo(0.8135, 4);
    expect(acc.outputs.cagrCategory).toBe('needs_acceleration');
    expect(acc.status).toBe('at_risk');
    // 25: (1.25)^(1/3) − 1 = 0.077217; R = 0.2417 → limited progress
    const limited = judge(25);
    expect(limited.outputs.growthRatio).toBeCloseTo(0.2417, 4);
    expect(limited.outputs.cagrCategory).toBe('limited_progress');
    expect(limited.status).toBe('off_track');
    // 18: (0.9)^(1/3) − 1 = −0.034511; R = −0.1080 → deterioration
    const worse = judge(18);
    expect(worse.outputs.growthRatio).toBeCloseTo(-0.108, 3);
    expect(worse.outputs.cagrCategory).toBe('deterioration');
    expect(worse.reason).toBe('cagr_deterioration');
  });

  it('uses d = −1 for a target that must fall', () => {
    // ≤ 5 by 2025 from 25 in 2021; 14 in 2023
    // observed (14 ÷ 25)^(1/2) − 1 = −0.251669; required (5 ÷ 25)^(1/4) − 1 = −0.331260
    // R = −1 × −0.251669 ÷ 0.331260 = 0.7597 → needs acceleration (the linear method said on track)
    const target: TargetSpec = {
      comparator: '<=',
      value: 5,
      year: 2025,
      direction: 'lower_better',
      unit: 'percent',
    };
    const r = assessTargetStatus(
      { target, baseline: { year: 2021, value: 25 }, observations: [{ year: 2023, value: 14 }] },
      'cagr',
    );
    expect(r.outputs.growthRatio).toBeCloseTo(0.7597, 4);
    expect(r.status).toBe('at_risk');
  });

  it('judges a rank target', () => {
    // top 20: 45 → 30 over 2 years: (30/45)^(1/2) = 0.81650; required (20/45)^(1/4) = 0.81650; R = 1 → on track
    const top20: TargetSpec = {
      comparator: 'top',
      value: 20,
      year: 2025,
      direction: 'lower_better',
      unit: 'rank',
    };
    const r = assessTargetStatus(
      { target: top20, baseline: { year: 2021, value: 45 }, observations: [{ year: 2023, value: 30 }] },
      'cagr',
    );
    expect(r.outputs.growthRatio).toBeCloseTo(1, 9);
    expect(r.status).toBe('on_track');
  });

  it('falls back to linear from a zero baseline, and says so', () => {
    // OCOP products on e-commerce ≥ 50% by 2025 from 0 in 2020: growth from 0 is undefined
    // linear: expected 2023 = 0 + 50 × 3/5 = 30; actual 33 → on track
    const target: TargetSpec = {
      comparator: '>=',
      value: 50,
      year: 2025,
      direction: 'higher_better',
      unit: 'percent',
    };
    const r = assessTargetStatus(
      { target, baseline: { year: 2020, value: 0 }, observations: [{ year: 2023, value: 33 }] },
      'cagr',
    );
    expect(r.requestedMethod).toBe('cagr');
    expect(r.method).toBe('linear');
    expect(r.fallback).toEqual({ from: 'cagr', reason: 'zero_or_negative_baseline' });
    expect(r.outputs.expectedNow).toBeCloseTo(30, 9);
    expect(r.status).toBe('on_track');
    expect(r.steps[0]?.formula.vi).toContain('giá trị cơ sở bằng 0');
    expect(r.steps[0]?.formula.en).toContain('linear method is applied instead');
  });

  it('falls back to linear for a zero target', () => {
    const zero: TargetSpec = {
      comparator: '<=',
      value: 0,
      year: 2025,
      direction: 'lower_better',
      unit: 'count',
    };
    const r = assessTargetStatus(
      { target: zero, baseline: { year: 2021, value: 8 }, observations: [{ year: 2023, value: 4 }] },
      'cagr',
    );
    expect(r.fallback?.reason).toBe('zero_or_negative_target');
    // linear: 8 → 0 over 4 years; expected 2023 = 4; actual 4 → on track
    expect(r.status).toBe('on_track');
  });
});

describe('ESCAP anticipated progress ratio', () => {
  const atLeast80: TargetSpec = {
    comparator: '>=',
    value: 80,
    year: 2025,
    direction: 'higher_better',
    unit: 'percent',
  };
  const series = (last: number) => [
    { year: 2021, value: 30 },
    { year: 2022, value: 35 },
    { year: 2023, value: last },
  ];

  it('anticipates the target year from a time-weighted trend', () => {
    // points 2020:20, 2021:30, 2022:35, 2023:50 with weights 1, 2, 3, 4 (Σ = 10)
    // weighted mean year = (2020 + 2×2021 + 3×2022 + 4×2023) ÷ 10 = 2022; mean value = (20 + 60 + 105 + 200) ÷ 10 = 38.5
    // Σw(t − t̄)(y − ȳ) = 1(−2)(−18.5) + 2(−1)(−8.5) + 0 + 4(1)(11.5) = 37 + 17 + 46 = 100
    // Σw(t − t̄)² = 4 + 2 + 0 + 4 = 10 → slope 10; X̂2025 = 38.5 + 10 × 3 = 68.5
    // APR = (68.5 − 20) ÷ (80 − 20) = 0.8083 → accelerate; ≥ 0.5 → at risk; gap 0.1917
    const r = assessTargetStatus(
      { target: atLeast80, baseline: { year: 2020, value: 20 }, observations: series(50) },
      'escap',
    );
    expect(r.method).toBe('escap');
    expect(r.outputs.trendWeights).toEqual([1, 2, 3, 4]);
    expect(r.outputs.trendSlope).toBeCloseTo(10, 9);
    expect(r.outputs.projectedValue).toBeCloseTo(68.5, 9);
    expect(r.outputs.anticipatedProgressRatio).toBeCloseTo(0.808333, 6);
    expect(r.outputs.progressGap).toBeCloseTo(0.191667, 6);
    expect(r.outputs.escapCategory).toBe('accelerate');
    expect(r.status).toBe('at_risk');
    expect(r.reason).toBe('escap_needs_acceleration');
  });

  it('weighs recent points more than ordinary least squares does', () => {
    // equal weights: mean year 2021.5, mean value 33.75, slope 47.5 ÷ 5 = 9.5
    // X̂2025 = 33.75 + 9.5 × 3.5 = 67 → APR = 47 ÷ 60 = 0.7833
    const r = assessTargetStatus(
      { target: atLeast80, baseline: { year: 2020, value: 20 }, observations: series(50) },
      'escap',
      { escap: { weighting: 'equal' } },
    );
    expect(r.outputs.trendSlope).toBeCloseTo(9.5, 9);
    expect(r.outputs.projectedValue).toBeCloseTo(67, 9);
    expect(r.outputs.anticipatedProgressRatio).toBeCloseTo(0.783333, 6);
    expect(r.parameters.weighting).toBe('equal');
  });

  it('is on track when the anticipated value reaches the target', () => {
    // last point 60: mean value (20 + 60 + 105 + 240) ÷ 10 = 42.5
    // Σw(t − t̄)(y − ȳ) = 45 + 25 + 0 + 70 = 140 → slope 14; X̂2025 = 42.5 + 42 = 84.5; APR = 64.5 ÷ 60 = 1.075
    const r = assessTargetStatus(
      { target: atLeast80, baseline: { year: 2020, value: 20 }, observations: series(60) },
      'escap',
    );
    expect(r.outputs.projectedValue).toBeCloseTo(84.5, 9);
    expect(r.outputs.anticipatedProgressRatio).toBeCloseTo(1.075, 9);
    expect(r.outputs.escapCategory).toBe('maintain');
    expect(r.status).toBe('on_track');
  });

  it('asks to reverse the trend when the value moves away from the target', () => {
    // 50, 48, 45, 44 (2020–2023): mean 45.7; Σw(t − t̄)(y − ȳ) = −8.6 − 4.6 + 0 − 6.8 = −20 → slope −2
    // X̂2025 = 45.7 − 6 = 39.7; APR = (39.7 − 50) ÷ 30 = −0.3433 → reverse → off track
    const r = assessTargetStatus(
      {
        target: atLeast80,
        baseline: { year: 2020, value: 50 },
        observations: [
          { year: 2021, value: 48 },
          { year: 2022, value: 45 },
          { year: 2023, value: 44 },
        ],
      },
      'escap',
    );
    expect(r.outputs.projectedValue).toBeCloseTo(39.7, 9);
    expect(r.outputs.anticipatedProgressRatio).toBeCloseTo(-0.343333, 6);
    expect(r.outputs.escapCategory).toBe('reverse');
    expect(r.status).toBe('off_track');
    expect(r.reason).toBe('escap_regression');
  });

  it('works from a zero baseline (no growth rate involved)', () => {
    // 0, 10, 20, 30 (2020–2023): a straight line, slope 10 whatever the weights; X̂2025 = 50 ≥ 50 → on track
    const target: TargetSpec = {
      comparator: '>=',
      value: 50,
      year: 2025,
      direction: 'higher_better',
      unit: 'percent',
    };
    const r = assessTargetStatus(
      {
        target,
        baseline: { year: 2020, value: 0 },
        observations: [
          { year: 2021, value: 10 },
          { year: 2022, value: 20 },
          { year: 2023, value: 30 },
        ],
      },
      'escap',
    );
    expect(r.fallback).toBeNull();
    expect(r.outputs.projectedValue).toBeCloseTo(50, 9);
    expect(r.status).toBe('on_track');
  });
});

describe('level targets: both readings', () => {
  const target = atLeast90;

  it('sums numerators and denominators, never averages percentages, and counts the units meeting it', () => {
    // A 95/100 (95%) meets, B 450/500 (90%) meets, C 20/100 (20%) does not, D no data, E 0/0 no value
    // rate = (95 + 450 + 20 + 0) ÷ (100 + 500 + 100 + 0) × 100 = 565 ÷ 700 × 100 = 80.714% → not met
    // (the mean of 95, 90 and 20 would be 68.33)
    // share = 2 of 3 units with a value; 2 of 5 units in all
    const r = readLevelTarget(target, [
      { unitId: 'A', numerator: 95, denominator: 100 },
      { unitId: 'B', numerator: 450, denominator: 500 },
      { unitId: 'C', numerator: 20, denominator: 100 },
      { unitId: 'D' },
      { unitId: 'E', numerator: 0, denominator: 0 },
    ]);
    expect(r.rate.numerator).toBe(565);
    expect(r.rate.denominator).toBe(700);
    expect(r.rate.value).toBeCloseTo(80.714286, 5);
    expect(r.rate.meets).toBe(false);
    expect(r.rate.unitsIncluded).toBe(4);
    expect(r.share).toMatchObject({
      unitsTotal: 5,
      unitsAssessed: 3,
      unitsMeeting: 2,
      unitsNotMeeting: 1,
      unitsWithoutData: 2,
      meeting: ['A', 'B'],
      notMeeting: ['C'],
      withoutData: ['D', 'E'],
    });
    expect(r.share.share).toBeCloseTo(2 / 3, 9);
    expect(r.share.shareOfAll).toBeCloseTo(0.4, 9);
    expect(r.explanation.vi).toContain('565 ÷ 700 × 100 = 80,71');
  });

  it('can disagree the other way: the level meets it while most units do not', () => {
    const atLeast80: TargetSpec = { ...target, value: 80 };
    const r = readLevelTarget(atLeast80, [
      { unitId: 1, numerator: 950, denominator: 1000 }, // 95 %, a large commune
      { unitId: 2, numerator: 5, denominator: 10 }, // 50 %
      { unitId: 3, numerator: 6, denominator: 10 }, // 60 %
    ]);
    // 961 ÷ 1020 × 100 = 94.2 % — met by the level, by one unit of three
    expect(r.rate.value).toBeCloseTo(94.2157, 4);
    expect(r.rate.meets).toBe(true);
    expect(r.share.unitsMeeting).toBe(1);
    expect(r.share.share).toBeCloseTo(1 / 3, 9);
  });

  it('takes the rate from the maintained roll-up when given, and the units only for the share', () => {
    // the roll-up of the level holds 700 ÷ 1000 (units that were approved); the figures given are two of them
    const r = readLevelTarget(
      target,
      [
        { unitId: 'A', numerator: 95, denominator: 100 },
        { unitId: 'B', numerator: 10, denominator: 100 },
      ],
      { rollup: { numerator: 700, denominator: 1000, reportingUnits: 9 } },
    );
    expect(r.rate).toMatchObject({ numerator: 700, denominator: 1000, unitsIncluded: 9, meets: false });
    expect(r.rate.value).toBeCloseTo(70, 9);
    expect(r.share.unitsMeeting).toBe(1);
    expect(r.explanation.vi).toContain('700 ÷ 1.000 × 100 = 70');
  });

  it('reads count targets per unit, without an overall rate', () => {
    // "every commune has at least 1 community digital team"
    const perUnit: TargetSpec = {
      comparator: '>=',
      value: 1,
      year: 2025,
      direction: 'higher_better',
      unit: 'count',
    };
    const r = readLevelTarget(perUnit, [
      { unitId: 1, value: 2 },
      { unitId: 2, value: 0 },
      { unitId: 3, value: 1 },
    ]);
    expect(r.rate.value).toBeNull();
    expect(r.share.unitsMeeting).toBe(2);
    expect(r.share.share).toBeCloseTo(2 / 3, 9);
  });
});
