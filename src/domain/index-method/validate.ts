/**
 * Checks that an index method is coherent before anyone is scored with it:
 * unique codes, points that add up level by level, usable rules, known
 * catalog indicators. Returns every problem with its path, so an edited
 * method can be corrected in one pass.
 */
import type { ErrorDetail } from '../errors';
import type { IndexMethod, IndexSubIndicator } from './types';

/** Points are compared to the hundredth: methods use whole or half points. */
function sameTotal(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}

function checkSubIndicator(
  sub: IndexSubIndicator,
  path: string,
  knownIndicators: ReadonlySet<string> | undefined,
  details: ErrorDetail[],
): void {
  if (!(sub.maxPoints >= 0))
    details.push({ path: `${path}.maxPoints`, code: 'index_method.negative_points' });
  const rule = sub.rule;
  switch (rule.kind) {
    case 'ratio':
      if (rule.full === (rule.zero ?? 0))
        details.push({ path: `${path}.rule.full`, code: 'index_method.ratio_full_equals_zero' });
      break;
    case 'tiered':
      if (rule.tiers.length === 0)
        details.push({ path: `${path}.rule.tiers`, code: 'index_method.tiers_empty' });
      rule.tiers.forEach((tier, i) => {
        if (tier.points < 0)
          details.push({ path: `${path}.rule.tiers.${i}.points`, code: 'index_method.negative_points' });
        if (tier.points > sub.maxPoints + 1e-9) {
          details.push({
            path: `${path}.rule.tiers.${i}.points`,
            code: 'index_method.tier_points_too_high',
            params: { points: tier.points, max: sub.maxPoints },
          });
        }
      });
      break;
    case 'rank':
      if (rule.mode === 'given_rank' && !(rule.outOf >= 2)) {
        details.push({ path: `${path}.rule.outOf`, code: 'index_method.rank_out_of_too_small' });
      }
      break;
    case 'boolean':
      break;
  }
  if (sub.source.kind === 'catalog' && knownIndicators && !knownIndicators.has(sub.source.indicator)) {
    details.push({
      path: `${path}.source.indicator`,
      code: 'index_method.unknown_indicator',
      params: { indicator: sub.source.indicator },
    });
  }
}

/**
 * Lists every problem of a method (empty when it is coherent).
 * `knownIndicators`: the catalog codes that catalog-fed items may use.
 */
export function validateIndexMethod(
  method: IndexMethod,
  knownIndicators?: ReadonlySet<string>,
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const seen = new Map<string, string>();
  const claim = (code: string, path: string) => {
    const first = seen.get(code);
    if (first !== undefined)
      details.push({ path, code: 'index_method.duplicate_code', params: { code, first } });
    else seen.set(code, path);
  };
  if (method.validTo !== null && method.validTo < method.validFrom) {
    details.push({ path: 'validTo', code: 'index_method.invalid_validity' });
  }
  let scoredTotal = 0;
  method.pillars.forEach((pillar, p) => {
    const pPath = `pillars.${p}`;
    claim(pillar.code, `${pPath}.code`);
    if (pillar.scored) scoredTotal += pillar.maxPoints;
    else if (pillar.maxPoints !== 0)
      details.push({ path: `${pPath}.maxPoints`, code: 'index_method.unscored_with_points' });
    if (pillar.weight !== undefined && !(pillar.weight >= 0)) {
      details.push({ path: `${pPath}.weight`, code: 'index_method.negative_points' });
    }
    let mainTotal = 0;
    pillar.mainIndicators.forEach((main, m) => {
      const mPath = `${pPath}.mainIndicators.${m}`;
      claim(main.code, `${mPath}.code`);
      mainTotal += main.maxPoints;
      if (main.subIndicators.length === 0)
        details.push({ path: `${mPath}.subIndicators`, code: 'index_method.no_sub_indicators' });
      let subTotal = 0;
      main.subIndicators.forEach((sub, s) => {
        const sPath = `${mPath}.subIndicators.${s}`;
        claim(sub.code, `${sPath}.code`);
        subTotal += sub.maxPoints;
        checkSubIndicator(sub, sPath, knownIndicators, details);
      });
      if (main.subIndicators.length > 0 && !sameTotal(subTotal, main.maxPoints)) {
        details.push({
          path: `${mPath}.maxPoints`,
          code: 'index_method.points_mismatch',
          params: { expected: main.maxPoints, actual: subTotal },
        });
      }
    });
    if (!sameTotal(mainTotal, pillar.maxPoints)) {
      details.push({
        path: `${pPath}.maxPoints`,
        code: 'index_method.points_mismatch',
        params: { expected: pillar.maxPoints, actual: mainTotal },
      });
    }
  });
  if (!sameTotal(scoredTotal, method.maxPoints)) {
    details.push({
      path: 'maxPoints',
      code: 'index_method.points_mismatch',
      params: { expected: method.maxPoints, actual: scoredTotal },
    });
  }
  return details;
}
