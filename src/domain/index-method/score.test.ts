import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { rankCompetition } from './ranking';
import { inputsFromCatalog, methodForYear, scoreUnits } from './score';
import type { IndexMethod, UnitIndexInput, UnitIndexScore } from './types';
import { validateIndexMethod } from './validate';

const t = (vi: string) => ({ vi, en: vi });

// A small method, every rule kind once: 60 + 40 points, and an unscored pillar.
const method: IndexMethod = {
  code: 'TEST',
  version: '1',
  name: t('Phương pháp thử'),
  validFrom: 2022,
  validTo: 2024,
  subjectKinds: ['department', 'commune'],
  maxPoints: 100,
  pillars: [
    {
      code: 'A',
      name: t('Chính quyền số'),
      maxPoints: 60,
      scored: true,
      mainIndicators: [
        {
          code: 'A1',
          name: t('Dịch vụ'),
          maxPoints: 40,
          subIndicators: [
            {
              code: 'A1a',
              name: t('Hồ sơ trực tuyến'),
              maxPoints: 20,
              rule: { kind: 'ratio', full: 1 },
              source: { kind: 'catalog', indicator: 'GOV.TTHC_FILES_ONLINE' },
            },
            {
              code: 'A1b',
              name: t('Dữ liệu mở'),
              maxPoints: 20,
              rule: {
                kind: 'tiered',
                direction: 'higher_better',
                tiers: [
                  { threshold: 10, points: 5 },
                  { threshold: 20, points: 10 },
                  { threshold: 30, points: 20 },
                ],
              },
              source: { kind: 'catalog', indicator: 'GOV.OPEN_DATA' },
            },
          ],
        },
        {
          code: 'A2',
          name: t('Điều hành'),
          maxPoints: 20,
          subIndicators: [
            {
              code: 'A2a',
              name: t('Có IOC'),
              maxPoints: 10,
              rule: { kind: 'boolean' },
              source: { kind: 'manual' },
            },
            {
              code: 'A2b',
              name: t('Hồ sơ công việc'),
              maxPoints: 10,
              rule: { kind: 'ratio', full: 90, percent: true },
              source: { kind: 'catalog', indicator: 'GOV.WORKFILE_ONLINE' },
            },
          ],
        },
      ],
    },
    {
      code: 'B',
      name: t('Xã hội số'),
      maxPoints: 40,
      scored: true,
      mainIndicators: [
        {
          code: 'B1',
          name: t('Thanh toán'),
          maxPoints: 40,
          subIndicators: [
            {
              code: 'B1a',
              name: t('Tài khoản TTĐT'),
              maxPoints: 30,
              rule: { kind: 'rank', mode: 'peer_value', direction: 'higher_better' },
              source: { kind: 'catalog', indicator: 'SOC.EPAYMENT_ACCOUNTS' },
            },
            {
              code: 'B1b',
              name: t('Hạng khảo sát'),
              maxPoints: 10,
              rule: { kind: 'rank', mode: 'given_rank', outOf: 5 },
              source: { kind: 'manual' },
              evidenceRequired: false,
            },
          ],
        },
      ],
    },
    {
      code: 'C',
      name: t('Đô thị thông minh'),
      maxPoints: 0,
      scored: false,
      mainIndicators: [
        {
          code: 'C1',
          name: t('Đề án'),
          maxPoints: 0,
          subIndicators: [
            {
              code: 'C1a',
              name: t('Có đề án'),
              maxPoints: 0,
              rule: { kind: 'boolean' },
              source: { kind: 'manual' },
            },
          ],
        },
      ],
    },
  ],
};

const ev = [{ ref: 'QĐ 123/QĐ-UBND' }];
const units: UnitIndexInput[] = [
  {
    unit: { id: 1, name: 'Sở A', kind: 'department' },
    inputs: {
      A1a: { value: 0.8 },
      A1b: { value: 25 },
      A2a: { value: true, evidence: ev },
      A2b: { numerator: 81, denominator: 100 },
      B1a: { value: 60 },
      B1b: { value: 1 },
      C1a: { value: true, evidence: ev },
    },
  },
  {
    unit: { id: 2, name: 'Sở B', kind: 'department' },
    inputs: {
      A1a: { value: 1.2 },
      A1b: { value: 5 },
      A2a: { value: true },
      A2b: { value: 45 },
      B1a: { value: 70 },
      B1b: { value: 3 },
    },
  },
  {
    unit: { id: 3, name: 'Sở C', kind: 'department' },
    inputs: {
      A1a: { value: 0.5 },
      A1b: { value: 30 },
      A2a: { value: false },
      B1a: { value: 60 },
      B1b: { value: 5 },
    },
    adjustments: [
      {
        subIndicator: 'A2b',
        points: 8,
        reason: 'Đã xác minh số liệu trên hệ thống quản lý văn bản',
        by: 'thamdinh',
      },
    ],
  },
  {
    unit: { id: 4, name: 'Sở D', kind: 'department' },
    inputs: {
      A1a: { value: 1 },
      A1b: { value: 20 },
      A2a: { value: true, evidence: ev },
      A2b: { value: 72 },
      B1b: { value: 3 },
    },
  },
  {
    unit: { id: 5, name: 'Sở E', kind: 'department' },
    inputs: { A1a: { value: 0.2 }, A1b: { value: 12 }, A2a: { value: false }, A2b: { value: 90 } },
  },
];

function byId(scores: UnitIndexScore[], id: number): UnitIndexScore {
  const s = scores.find((x) => x.unit.id === id);
  if (!s) throw new Error(`no unit ${id}`);
  return s;
}
function sub(score: UnitIndexScore, code: string) {
  const s = score.byIndicator.flatMap((m) => m.subIndicators).find((x) => x.code === code);
  if (!s) throw new Error(`no sub-indicator ${code}`);
  return s;
}

describe('scoreUnits', () => {
  const scores = scoreUnits(method, units, { year: 2023 });

  it('scores each rule kind as computed by hand', () => {
    // Sở A: A1a 0.8 × 20 = 16; A1b 25 ≥ 20 → 10; A2a yes with evidence → 10; A2b 81/100 = 81% ÷ 90 × 10 = 9
    //       B1a 60 ranks 2 of 3 (70, 60, 60) → (3 − 2) ÷ (3 − 1) × 30 = 15; B1b rank 1 of 5 → 10
    //       A = 45, B = 25, total 70 of 100
    const a = byId(scores, 1);
    expect(sub(a, 'A1a').points).toBeCloseTo(16, 9);
    expect(sub(a, 'A1b').points).toBe(10);
    expect(sub(a, 'A2a').points).toBe(10);
    expect(sub(a, 'A2b').value).toBeCloseTo(81, 9);
    expect(sub(a, 'A2b').points).toBeCloseTo(9, 9);
    expect(sub(a, 'B1a').points).toBeCloseTo(15, 9);
    expect(sub(a, 'B1b').points).toBeCloseTo(10, 9);
    expect(a.byPillar.map((p) => p.points)).toEqual([45, 25, 0]);
    expect(a.total).toBeCloseTo(70, 9);
    expect(a.maxTotal).toBe(100);
    expect(a.normalized).toBeCloseTo(0.7, 9);
    expect(a.byPillar[0]?.normalized).toBeCloseTo(45 / 60, 9);
    expect(a.coverage).toBe(1);
  });

  it('caps ratios at full points and gives nothing to a yes without evidence', () => {
    // Sở B: A1a 1.2 → capped 20; A1b 5 < 10 → 0; A2a yes but no evidence → 0; A2b 45 ÷ 90 × 10 = 5
    //       B1a 70 ranks 1 of 3 → 30; B1b rank 3 of 5 → (5 − 3) ÷ 4 × 10 = 5; total 60
    const b = byId(scores, 2);
    expect(sub(b, 'A1a').points).toBe(20);
    expect(sub(b, 'A1b').points).toBe(0);
    expect(sub(b, 'A2a')).toMatchObject({ value: true, points: 0, state: 'no_evidence' });
    expect(sub(b, 'B1a').points).toBe(30);
    expect(b.total).toBeCloseTo(60, 9);
  });

  it('keeps reviewer adjustments with their reason and counts missing data as 0 points', () => {
    // Sở C: A1a 0.5 → 10; A1b 30 → 20; A2a no → 0; A2b missing → 0, adjusted to 8; B1a 60 → 15; B1b rank 5 → 0
    //       total 10 + 20 + 0 + 8 + 15 + 0 = 53; coverage 90 of 100 points had a value
    const c = byId(scores, 3);
    expect(sub(c, 'A2b')).toMatchObject({ state: 'missing', computedPoints: 0, points: 8, adjusted: true });
    expect(sub(c, 'A2b').explanation.vi).toContain('Đã xác minh số liệu');
    expect(c.adjustments).toEqual([
      {
        subIndicator: 'A2b',
        points: 8,
        reason: 'Đã xác minh số liệu trên hệ thống quản lý văn bản',
        by: 'thamdinh',
        fromPoints: 0,
        maxPoints: 10,
      },
    ]);
    expect(c.total).toBeCloseTo(53, 9);
    expect(c.coverage).toBeCloseTo(0.9, 9);
  });

  it('ranks with ties as 1, 2, 3, 3, 5 (standard competition ranking)', () => {
    // Sở D: 20 + 10 + 10 + 72 ÷ 90 × 10 = 8 → 48; B1a missing → 0; B1b rank 3 → 5 → total 53 = Sở C
    // Sở E: 0.2 × 20 = 4; 12 ≥ 10 → 5; no → 0; 90 → 10; nothing in B → 19
    expect(byId(scores, 4).total).toBeCloseTo(53, 9);
    expect(byId(scores, 5).total).toBeCloseTo(19, 9);
    expect(scores.map((s) => [s.unit.name, s.rank])).toEqual([
      ['Sở A', 1],
      ['Sở B', 2],
      ['Sở C', 3],
      ['Sở D', 3],
      ['Sở E', 5],
    ]);
    expect(scores.every((s) => s.peers === 5)).toBe(true);
    // pillar A normalised: A 45/60, B 25/60, C 38/60, D 48/60, E 19/60 → D 1, A 2, C 3, B 4, E 5
    expect(scores.map((s) => s.byPillar[0]?.rank)).toEqual([2, 4, 3, 1, 5]);
  });

  it('shows the unscored pillar without adding its points', () => {
    const a = byId(scores, 1);
    expect(sub(a, 'C1a')).toMatchObject({ state: 'unscored', points: 0, value: true });
    expect(a.byPillar[2]).toMatchObject({
      code: 'C',
      scored: false,
      points: 0,
      normalized: null,
      rank: null,
    });
  });

  it('ranks peers only against each other', () => {
    const grouped = scoreUnits(
      method,
      units.map((u, i) => ({ ...u, unit: { ...u.unit, peerGroup: i < 2 ? 'x' : 'y' } })),
    );
    // B1a now ranks within groups: in x, A 60 vs B 70 → A gets 0 points (rank 2 of 2): A 55, B 60
    // in y only C has a B1a value: 1 of 1 → full 30 points → C 68; D 53; E 19
    expect(grouped.map((s) => [s.unit.name, s.rank, s.peers])).toEqual([
      ['Sở B', 1, 2],
      ['Sở A', 2, 2],
      ['Sở C', 1, 3],
      ['Sở D', 2, 3],
      ['Sở E', 3, 3],
    ]);
    expect(byId(grouped, 1).total).toBeCloseTo(55, 9);
    // C = 10 + 20 + 0 + 8 (adjusted) + 30 + 0 = 68
    expect(byId(grouped, 3).total).toBeCloseTo(68, 9);
  });

  it('normalises with pillar weights when the method states them', () => {
    // weights A 1, B 3: Sở A = (1 × 45/60 + 3 × 25/40) ÷ 4 = (0.75 + 1.875) ÷ 4 = 0.65625
    const weighted: IndexMethod = {
      ...method,
      pillars: method.pillars.map((p) => ({ ...p, weight: p.code === 'A' ? 1 : 3 })),
    };
    expect(byId(scoreUnits(weighted, units), 1).normalized).toBeCloseTo(0.65625, 9);
  });

  it('leaves out sub-indicators that do not apply to a kind of unit', () => {
    // A1b applies to communes only: a department is scored on 80 points
    // Sở A without A1b: 70 − 10 = 60 of 80 → 0.75
    const communeOnly: IndexMethod = {
      ...method,
      pillars: method.pillars.map((p) => ({
        ...p,
        mainIndicators: p.mainIndicators.map((m) => ({
          ...m,
          subIndicators: m.subIndicators.map((s) =>
            s.code === 'A1b' ? { ...s, appliesTo: ['commune'] } : s,
          ),
        })),
      })),
    };
    const a = byId(scoreUnits(communeOnly, units), 1);
    expect(sub(a, 'A1b').state).toBe('not_applicable');
    expect(a.maxTotal).toBe(80);
    expect(a.total).toBeCloseTo(60, 9);
    expect(a.normalized).toBeCloseTo(0.75, 9);
  });

  it('rejects bad adjustments and unknown inputs, listing every problem', () => {
    try {
      scoreUnits(method, [
        {
          unit: { id: 1, name: 'Sở A' },
          inputs: { A9: { value: 1 } },
          adjustments: [
            { subIndicator: 'A1a', points: 25, reason: '  ' },
            { subIndicator: 'ZZ', points: 1, reason: 'x' },
          ],
        },
      ]);
      expect.unreachable();
    } catch (e) {
      if (!isAppError(e)) throw e;
      expect(e.code).toBe('index.invalid_input');
      expect(e.details.map((d) => `${d.path} ${d.code}`)).toEqual([
        'units.0.inputs.A9 index.unknown_sub_indicator',
        'units.0.adjustments.0.reason index.adjustment_reason_required',
        'units.0.adjustments.0.points index.adjustment_out_of_range',
        'units.0.adjustments.1.subIndicator index.unknown_sub_indicator',
      ]);
    }
  });

  it('refuses a year outside the method’s validity', () => {
    expect(() => scoreUnits(method, units, { year: 2025 })).toThrow(/index.method_not_valid_for_year/);
    expect(methodForYear([method], 'TEST', 2024)).toBe(method);
    expect(methodForYear([method], 'TEST', 2021)).toBeNull();
  });

  it('maps catalog figures to catalog-fed sub-indicators only', () => {
    expect(inputsFromCatalog(method, { 'GOV.OPEN_DATA': { value: 12 }, 'GOV.IOC': { value: true } })).toEqual(
      { A1b: { value: 12 } },
    );
  });
});

describe('validateIndexMethod', () => {
  it('accepts a coherent method', () => {
    expect(validateIndexMethod(method)).toEqual([]);
  });

  it('lists points that do not add up, duplicate codes, bad tiers and unknown indicators', () => {
    const broken: IndexMethod = {
      ...method,
      maxPoints: 90,
      pillars: [
        {
          ...(method.pillars[0] as IndexMethod['pillars'][number]),
          mainIndicators: [
            {
              code: 'A1',
              name: t('x'),
              maxPoints: 40,
              subIndicators: [
                {
                  code: 'A1a',
                  name: t('x'),
                  maxPoints: 20,
                  rule: { kind: 'ratio', full: 0 },
                  source: { kind: 'catalog', indicator: 'NOPE' },
                },
                {
                  code: 'A1a',
                  name: t('x'),
                  maxPoints: 10,
                  rule: { kind: 'tiered', direction: 'higher_better', tiers: [{ threshold: 1, points: 15 }] },
                  source: { kind: 'manual' },
                },
              ],
            },
          ],
        },
      ],
    };
    const problems = validateIndexMethod(broken, new Set(['GOV.OPEN_DATA']));
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      'pillars.0.mainIndicators.0.subIndicators.0.rule.full index_method.ratio_full_equals_zero',
      'pillars.0.mainIndicators.0.subIndicators.0.source.indicator index_method.unknown_indicator',
      'pillars.0.mainIndicators.0.subIndicators.1.code index_method.duplicate_code',
      'pillars.0.mainIndicators.0.subIndicators.1.rule.tiers.0.points index_method.tier_points_too_high',
      'pillars.0.mainIndicators.0.maxPoints index_method.points_mismatch',
      'pillars.0.maxPoints index_method.points_mismatch',
      'maxPoints index_method.points_mismatch',
    ]);
  });
});

describe('rankCompetition', () => {
  it('shares ranks and skips places after a tie', () => {
    expect(rankCompetition([10, 8, 8, 5], (s) => s)).toEqual([1, 2, 2, 4]);
    expect(rankCompetition([3, null, 1, 3], (s) => s, 'lower_better')).toEqual([2, null, 1, 2]);
  });
});
