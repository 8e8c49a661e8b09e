import { describe, expect, it } from 'vitest';
import { dti922Province } from '../domain/reference/dti-922';
import { unitDxIndexMethod } from '../domain/reference/unit-index-method';
import { indexAdjustmentSchema, indexMethodSchema, indexMethodSchemaFor } from './index-method';

describe('index method contract', () => {
  it('accepts the shipped methods, also after a JSON round trip', () => {
    for (const method of [dti922Province, unitDxIndexMethod]) {
      const parsed = indexMethodSchema.safeParse(JSON.parse(JSON.stringify(method)));
      expect(parsed.success).toBe(true);
      expect(parsed.data).toEqual(method);
    }
  });

  it('reports shape problems with their paths', () => {
    const bad = structuredClone(dti922Province) as unknown as Record<string, unknown>;
    const pillars = bad.pillars as {
      name: { vi: string };
      mainIndicators: { subIndicators: { rule: unknown }[] }[];
    }[];
    (pillars[0] as { name: { vi: string } }).name.vi = '';
    (pillars[1]?.mainIndicators[0]?.subIndicators[0] as { rule: unknown }).rule = { kind: 'magic' };
    const result = indexMethodSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('pillars.0.name.vi');
    expect(paths).toContain('pillars.1.mainIndicators.0.subIndicators.0.rule.kind');
  });

  it('reports coherence problems as message codes of the index method area', () => {
    const edited = structuredClone(unitDxIndexMethod);
    const firstSub = edited.pillars[0]?.mainIndicators[0]?.subIndicators[0];
    if (!firstSub) throw new Error('fixture');
    firstSub.maxPoints = 35; // 35 + 30 ≠ 60 for the main indicator (the pillar still adds 60 + 40)
    const tiers = edited.pillars[2]?.mainIndicators[0]?.subIndicators[1];
    if (tiers?.rule.kind !== 'tiered') throw new Error('fixture');
    tiers.rule.tiers.push({ threshold: 5, points: 55 }); // above the 40 points of the sub-indicator
    const result = indexMethodSchema.safeParse(edited);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['pillars.0.mainIndicators.0.maxPoints', 'index_method.points_mismatch'],
      ['pillars.2.mainIndicators.0.subIndicators.1.rule.tiers.2.points', 'index_method.tier_points_too_high'],
    ]);
  });

  it('checks catalog codes when the catalog is given', () => {
    const result = indexMethodSchemaFor(new Set(['GOV.DVC_FULL_ONLINE'])).safeParse(unitDxIndexMethod);
    expect(result.success).toBe(false);
    expect(result.error?.issues.every((i) => i.message === 'index_method.unknown_indicator')).toBe(true);
  });

  it('requires a reason for a points adjustment', () => {
    const result = indexAdjustmentSchema.safeParse({ subIndicator: 'UNIT.GO1.1', points: 10, reason: '   ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('index.adjustment_reason_required');
  });
});
