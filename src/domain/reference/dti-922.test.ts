import { describe, expect, it } from 'vitest';
import { scoreUnits } from '../index-method/score';
import type { IndexInput, IndexMethod } from '../index-method/types';
import { validateIndexMethod } from '../index-method/validate';
import { dti922Province } from './dti-922';
import { indicatorCodes } from './indicator-codes';
import { unitDxIndexMethod } from './unit-index-method';

const catalog = new Set(Object.keys(indicatorCodes));

/** Inputs earning full points on every sub-indicator (rank-by-peer items need a single unit). */
function fullMarks(method: IndexMethod): Record<string, IndexInput> {
  const inputs: Record<string, IndexInput> = {};
  for (const p of method.pillars)
    for (const m of p.mainIndicators)
      for (const s of m.subIndicators) {
        const evidence = [{ ref: 'minh chứng' }];
        switch (s.rule.kind) {
          case 'ratio':
            inputs[s.code] = { value: s.rule.full, evidence };
            break;
          case 'tiered':
            inputs[s.code] = { value: Math.max(...s.rule.tiers.map((t) => t.threshold)), evidence };
            break;
          case 'boolean':
            inputs[s.code] = { value: true, evidence };
            break;
          case 'rank':
            inputs[s.code] = { value: 1, evidence };
            break;
        }
      }
  return inputs;
}

describe('Decision 922/QĐ-BTTTT provincial DTI', () => {
  it('has the official pillars and points: 1,000 in all, smart city unscored', () => {
    expect(dti922Province.maxPoints).toBe(1000);
    expect(dti922Province.pillars.map((p) => [p.name.vi, p.maxPoints, p.scored])).toEqual([
      ['Nhận thức số', 100, true],
      ['Thể chế số', 100, true],
      ['Hạ tầng số', 100, true],
      ['Nhân lực số', 100, true],
      ['An toàn thông tin mạng', 100, true],
      ['Đô thị thông minh', 0, false],
      ['Hoạt động chính quyền số', 200, true],
      ['Hoạt động kinh tế số', 150, true],
      ['Hoạt động xã hội số', 150, true],
    ]);
  });

  it('records the official count of 98 sub-indicators, 56 foundations and 42 activities', () => {
    const count = (group: string) =>
      dti922Province.pillars
        .filter((p) => p.group?.vi === group)
        .reduce((s, p) => s + (p.officialSubIndicatorCount ?? 0), 0);
    expect(count('Nhóm chỉ số nền tảng chung')).toBe(56);
    expect(count('Nhóm chỉ số hoạt động')).toBe(42);
  });

  it('marks every sub-indicator below the pillars as provisional, with a note', () => {
    for (const p of dti922Province.pillars)
      for (const m of p.mainIndicators) {
        expect(m.provisional).toBe(true);
        expect(m.note?.vi).toMatch(/Tạm tính/);
        for (const s of m.subIndicators) expect(s.provisional).toBe(true);
      }
  });

  it('is coherent and feeds only on codes of the national catalog', () => {
    expect(validateIndexMethod(dti922Province, catalog)).toEqual([]);
    const catalogFed = dti922Province.pillars.flatMap((p) =>
      p.mainIndicators.flatMap((m) => m.subIndicators.filter((s) => s.source.kind === 'catalog')),
    );
    expect(catalogFed.length).toBeGreaterThan(30);
  });

  it('gives 1,000 points for full marks and nothing for the smart city pillar', () => {
    const [score] = scoreUnits(
      dti922Province,
      [{ unit: { id: 37, name: 'Ninh Bình', kind: 'province' }, inputs: fullMarks(dti922Province) }],
      {
        year: 2023,
      },
    );
    expect(score?.total).toBeCloseTo(1000, 9);
    expect(score?.normalized).toBeCloseTo(1, 9);
    expect(score?.byPillar.find((p) => p.code === 'DTI22.SMART_CITY')).toMatchObject({
      points: 0,
      scored: false,
    });
  });

  it('applies to the DTI years 2022–2024 only', () => {
    expect(() => scoreUnits(dti922Province, [], { year: 2025 })).toThrow(/method_not_valid_for_year/);
  });
});

describe('the province’s own method for departments and communes', () => {
  it('is coherent, with 1,000 points, on catalog codes', () => {
    expect(validateIndexMethod(unitDxIndexMethod, catalog)).toEqual([]);
    expect(unitDxIndexMethod.maxPoints).toBe(1000);
  });

  it('scores departments on what applies to them and ranks each kind among its peers', () => {
    const inputs = fullMarks(unitDxIndexMethod);
    const scores = scoreUnits(unitDxIndexMethod, [
      { unit: { id: 1, name: 'Sở Y tế', kind: 'department', peerGroup: 'department' }, inputs },
      { unit: { id: 2, name: 'Xã Hải Hậu', kind: 'commune', peerGroup: 'commune' }, inputs },
    ]);
    // commune-only items: fibre 40, digital teams 50, e-payment 50, digital id 50, OCOP 50 = 240 → a department has 760
    const dept = scores.find((s) => s.unit.id === 1);
    const commune = scores.find((s) => s.unit.id === 2);
    expect(dept?.maxTotal).toBe(760);
    expect(dept?.total).toBeCloseTo(760, 9);
    expect(commune?.maxTotal).toBe(1000);
    expect(dept?.rank).toBe(1);
    expect(commune?.rank).toBe(1);
  });
});
