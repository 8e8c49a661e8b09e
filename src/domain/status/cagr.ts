/**
 * The compound-growth method of Statistics Canada, used by Open SDG: the
 * observed compound annual growth rate since the baseline is compared with
 * the rate required to reach the target on time, R = d × CAGRobs ÷ |CAGRreq|
 * (d = +1 when the value must rise, −1 when it must fall). Open SDG's
 * categories and thresholds, and the product's mapping:
 *   R ≥ 0.95 on track → on_track; 0.6 ≤ R < 0.95 needs acceleration → at_risk;
 *   0 ≤ R < 0.6 limited progress → off_track; R < 0 deterioration → off_track.
 * A growth rate is undefined from a zero or negative value, so such series
 * (and a zero target, or a target equal to the baseline) decline and the
 * dispatcher falls back to the linear method, saying so in the result.
 */
import { bilingual } from './explain';
import type { MethodContext, MethodOutcome } from './method';
import { goalOf, meetsTarget } from './target-rule';
import type { CagrCategory, StatusParameters } from './types';

/** Compound annual growth rate from `from` to `to` over `years`. */
export function compoundAnnualGrowth(from: number, to: number, years: number): number {
  return (to / from) ** (1 / years) - 1;
}

/** Judges a prepared series with the CAGR ratio method, or declines with a fallback reason. */
export function applyCagr(ctx: MethodContext, params: StatusParameters['cagr']): MethodOutcome {
  const { target, baseline, current } = ctx;
  const { goal, aim } = goalOf(target, baseline.value);
  if (baseline.value <= 0) return { kind: 'fallback', reason: 'zero_or_negative_baseline' };
  if (current.value <= 0) return { kind: 'fallback', reason: 'zero_or_negative_value' };
  if (goal <= 0) return { kind: 'fallback', reason: 'zero_or_negative_target' };
  if (goal === baseline.value || target.year <= baseline.year) {
    return { kind: 'fallback', reason: 'no_required_change' };
  }
  const d = aim === 'up' ? 1 : -1;
  const t0 = baseline.year;
  const tc = current.year;
  const T = target.year;
  const observed = compoundAnnualGrowth(baseline.value, current.value, tc - t0);
  const required = compoundAnnualGrowth(baseline.value, goal, T - t0);
  const ratio = (d * observed) / Math.abs(required);

  let category: CagrCategory;
  let status: 'on_track' | 'at_risk' | 'off_track';
  if (ratio >= params.onTrack) {
    category = 'on_track';
    status = 'on_track';
  } else if (ratio >= params.needsAcceleration) {
    category = 'needs_acceleration';
    status = 'at_risk';
  } else if (ratio >= params.limitedProgress) {
    category = 'limited_progress';
    status = 'off_track';
  } else {
    category = 'deterioration';
    status = 'off_track';
  }
  const reason = `cagr_${category}` as const;

  const expectedNow = baseline.value * (1 + required) ** (tc - t0);
  const projectedValue = current.value * (1 + observed) ** (T - tc);
  const projectedMeets = meetsTarget(projectedValue, target);
  const achievement = (current.value - baseline.value) / (goal - baseline.value);
  const annualChange = (current.value - baseline.value) / (tc - t0);

  const categoryText: Record<CagrCategory, { vi: string; en: string }> = {
    on_track: { vi: 'đúng tiến độ', en: 'on track' },
    needs_acceleration: {
      vi: 'có tiến bộ nhưng cần tăng tốc → có nguy cơ',
      en: 'progress made but acceleration needed → at risk',
    },
    limited_progress: { vi: 'tiến bộ hạn chế → chậm tiến độ', en: 'limited progress → off track' },
    deterioration: { vi: 'đi xuống → chậm tiến độ', en: 'deterioration → off track' },
  };

  return {
    kind: 'result',
    status,
    reason,
    parameters: {
      onTrack: params.onTrack,
      needsAcceleration: params.needsAcceleration,
      limitedProgress: params.limitedProgress,
    },
    formula: {
      vi: 'CAGR thực tế = (Y_t ÷ B)^(1 ÷ (t − t₀)) − 1; CAGR cần thiết = (M ÷ B)^(1 ÷ (T − t₀)) − 1; R = d × CAGR thực tế ÷ |CAGR cần thiết| (d = +1 khi cần tăng, −1 khi cần giảm). R ≥ 0,95: đúng tiến độ; 0,6 ≤ R < 0,95: cần tăng tốc (có nguy cơ); 0 ≤ R < 0,6: tiến bộ hạn chế (chậm tiến độ); R < 0: đi xuống (chậm tiến độ). Không dùng được khi giá trị cơ sở bằng 0 hoặc âm.',
      en: 'Observed CAGR = (Y_t ÷ B)^(1 ÷ (t − t₀)) − 1; required CAGR = (M ÷ B)^(1 ÷ (T − t₀)) − 1; R = d × observed ÷ |required| (d = +1 when the value must rise, −1 when it must fall). R ≥ 0.95: on track; 0.6 ≤ R < 0.95: acceleration needed (at risk); 0 ≤ R < 0.6: limited progress (off track); R < 0: deterioration (off track). Undefined from a zero or negative baseline.',
    },
    outputs: {
      goal,
      aim,
      expectedNow,
      achievement,
      gapToPath: d * (current.value - expectedNow),
      projectedValue,
      projectedMeets,
      annualChange,
      exceeded: false,
      observedGrowth: observed,
      requiredGrowth: required,
      growthRatio: ratio,
      cagrCategory: category,
    },
    steps: [
      {
        label: { vi: 'Tăng trưởng thực tế (CAGR)', en: 'Observed growth (CAGR)' },
        formula: bilingual(
          (f, _l, p) =>
            `(${f(current.value)} ÷ ${f(baseline.value)})^(1 ÷ ${f(tc - t0)}) − 1 = ${p(observed)}`,
        ),
      },
      {
        label: { vi: 'Tăng trưởng cần thiết', en: 'Required growth' },
        formula: bilingual(
          (f, _l, p) => `(${f(goal)} ÷ ${f(baseline.value)})^(1 ÷ ${f(T - t0)}) − 1 = ${p(required)}`,
        ),
      },
      {
        label: { vi: 'Tỷ số R', en: 'Ratio R' },
        formula: bilingual(
          (f, _l, p) => `${d > 0 ? '' : '−'}${p(observed)} ÷ ${p(Math.abs(required))} = ${f(ratio)}`,
        ),
      },
      {
        label: { vi: `Dự báo năm ${T}`, en: `Projection to ${T}` },
        formula: bilingual((f, l, p) =>
          l === 'vi'
            ? `${f(current.value)} × (1 + ${p(observed)})^${f(T - tc)} = ${f(projectedValue)} → ${projectedMeets ? 'đạt' : 'chưa đạt'}`
            : `${f(current.value)} × (1 + ${p(observed)})^${f(T - tc)} = ${f(projectedValue)} → ${projectedMeets ? 'met' : 'not met'}`,
        ),
      },
      {
        label: { vi: 'Kết luận', en: 'Conclusion' },
        formula: bilingual((f, l) =>
          l === 'vi'
            ? `R = ${f(ratio)}: ${categoryText[category].vi}`
            : `R = ${f(ratio)}: ${categoryText[category].en}`,
        ),
      },
    ],
  };
}
