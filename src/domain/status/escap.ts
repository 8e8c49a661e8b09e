/**
 * ESCAP's anticipated-progress method (Asia and the Pacific SDG Progress
 * Report, annex "Technical notes – methodology to measure progress"; applied
 * by all five UN regional commissions). The value in the target year is
 * anticipated from a time-weighted linear trend of the whole series, in which
 * recent points weigh more than older ones; the anticipated progress since the
 * base year is then set against the progress the target requires:
 *   APR = d × (X̂_T − B) ÷ |M − B|  (d = +1 when the value must rise, −1 when it must fall).
 * ESCAP's dashboard signals are kept in the result (APR ≥ 1 maintain progress,
 * 0 ≤ APR < 1 accelerate progress, APR < 0 reverse the trend); the product's
 * statuses split "accelerate" at a stated ratio (default 0.5):
 *   APR ≥ 1 → on_track; 0.5 ≤ APR < 1 → at_risk; APR < 0.5 → off_track.
 * Weighting: the weight of a point is its distance in years from the first
 * point plus one (1, 2, 3 … for yearly data); `equal` gives ordinary least squares.
 */
import { bilingual } from './explain';
import type { MethodContext, MethodOutcome } from './method';
import { goalOf, meetsTarget } from './target-rule';
import type { EscapCategory, Observation, StatusParameters } from './types';

/** A weighted least-squares line through the points: value ≈ intercept + slope × year. */
export function weightedTrend(
  points: readonly Observation[],
  weights: readonly number[],
): { slope: number; intercept: number } {
  let sw = 0;
  let st = 0;
  let sy = 0;
  for (const [i, p] of points.entries()) {
    const w = weights[i] ?? 0;
    sw += w;
    st += w * p.year;
    sy += w * p.value;
  }
  const tMean = st / sw;
  const yMean = sy / sw;
  let num = 0;
  let den = 0;
  for (const [i, p] of points.entries()) {
    const w = weights[i] ?? 0;
    num += w * (p.year - tMean) * (p.value - yMean);
    den += w * (p.year - tMean) ** 2;
  }
  const slope = den === 0 ? 0 : num / den;
  return { slope, intercept: yMean - slope * tMean };
}

/** Time weights of a series (oldest first): `linear` = years since the first point + 1. */
export function timeWeights(points: readonly Observation[], weighting: 'linear' | 'equal'): number[] {
  const first = points[0]?.year ?? 0;
  return points.map((p) => (weighting === 'linear' ? p.year - first + 1 : 1));
}

/** Judges a prepared series with ESCAP's anticipated progress ratio. */
export function applyEscap(ctx: MethodContext, params: StatusParameters['escap']): MethodOutcome {
  const { target, baseline, current, series } = ctx;
  const { goal, aim } = goalOf(target, baseline.value);
  if (goal === baseline.value) return { kind: 'fallback', reason: 'no_required_change' };
  const d = aim === 'up' ? 1 : -1;
  const T = target.year;
  const weights = timeWeights(series, params.weighting);
  const { slope, intercept } = weightedTrend(series, weights);
  const anticipated = intercept + slope * T;
  const ratio = (d * (anticipated - baseline.value)) / Math.abs(goal - baseline.value);
  const projectedMeets = meetsTarget(anticipated, target);

  let status: 'on_track' | 'at_risk' | 'off_track';
  let reason: 'escap_on_track' | 'escap_needs_acceleration' | 'escap_far_from_target' | 'escap_regression';
  if (ratio >= 1 || projectedMeets) {
    status = 'on_track';
    reason = 'escap_on_track';
  } else if (ratio >= params.atRiskMin) {
    status = 'at_risk';
    reason = 'escap_needs_acceleration';
  } else if (ratio >= 0) {
    status = 'off_track';
    reason = 'escap_far_from_target';
  } else {
    status = 'off_track';
    reason = 'escap_regression';
  }
  const category: EscapCategory =
    ratio >= 1 || projectedMeets ? 'maintain' : ratio >= 0 ? 'accelerate' : 'reverse';

  const t0 = baseline.year;
  const tc = current.year;
  const span = T - t0;
  const fraction = span > 0 ? Math.min(1, Math.max(0, (tc - t0) / span)) : 1;
  const expectedNow = baseline.value + (goal - baseline.value) * fraction;
  const categoryText: Record<EscapCategory, { vi: string; en: string }> = {
    maintain: { vi: 'duy trì tiến độ', en: 'maintain progress' },
    accelerate: { vi: 'cần tăng tốc', en: 'accelerate progress' },
    reverse: { vi: 'cần đảo ngược xu hướng', en: 'reverse the trend' },
  };
  const statusText = {
    on_track: { vi: 'đúng tiến độ', en: 'on track' },
    at_risk: { vi: 'có nguy cơ', en: 'at risk' },
    off_track: { vi: 'chậm tiến độ', en: 'off track' },
  }[status];

  return {
    kind: 'result',
    status,
    reason,
    parameters: { atRiskMin: params.atRiskMin, weighting: params.weighting },
    formula: {
      vi: 'Xu hướng có trọng số thời gian: hồi quy tuyến tính Y = a + b × năm, trọng số điểm i = (năm_i − năm đầu + 1). X̂_T = a + b × T. APR = d × (X̂_T − B) ÷ |M − B|. APR ≥ 1: duy trì (đúng tiến độ); 0,5 ≤ APR < 1: cần tăng tốc (có nguy cơ); 0 ≤ APR < 0,5: cần tăng tốc mạnh (chậm tiến độ); APR < 0: cần đảo ngược xu hướng (chậm tiến độ).',
      en: 'Time-weighted trend: linear regression Y = a + b × year, weight of point i = (year_i − first year + 1). X̂_T = a + b × T. APR = d × (X̂_T − B) ÷ |M − B|. APR ≥ 1: maintain progress (on track); 0.5 ≤ APR < 1: accelerate (at risk); 0 ≤ APR < 0.5: accelerate strongly (off track); APR < 0: reverse the trend (off track).',
    },
    outputs: {
      goal,
      aim,
      expectedNow,
      achievement: (current.value - baseline.value) / (goal - baseline.value),
      gapToPath: d * (current.value - expectedNow),
      projectedValue: anticipated,
      projectedMeets,
      annualChange: (current.value - baseline.value) / (tc - t0),
      exceeded: false,
      trendSlope: slope,
      trendIntercept: intercept,
      trendWeights: weights,
      anticipatedProgressRatio: ratio,
      progressGap: Math.max(0, 1 - ratio),
      escapCategory: category,
    },
    steps: [
      {
        label: { vi: 'Chuỗi số liệu và trọng số', en: 'Series and weights' },
        formula: bilingual((f) =>
          series.map((p, i) => `${f(p.year)}: ${f(p.value)} (w=${f(weights[i])})`).join('; '),
        ),
      },
      {
        label: { vi: 'Xu hướng có trọng số', en: 'Weighted trend' },
        formula: bilingual((f, l) =>
          l === 'vi'
            ? `Độ dốc b = ${f(slope)}/năm; X̂(${f(T)}) = ${f(anticipated)}`
            : `Slope b = ${f(slope)}/year; X̂(${f(T)}) = ${f(anticipated)}`,
        ),
      },
      {
        label: { vi: 'Tỷ số tiến bộ dự kiến (APR)', en: 'Anticipated progress ratio (APR)' },
        formula: bilingual(
          (f) =>
            `${d > 0 ? '' : '−'}(${f(anticipated)} − ${f(baseline.value)}) ÷ |${f(goal)} − ${f(baseline.value)}| = ${f(ratio)}`,
        ),
      },
      {
        label: { vi: 'Kết luận', en: 'Conclusion' },
        formula: bilingual((f, l) =>
          l === 'vi'
            ? `APR = ${f(ratio)}: ${categoryText[category].vi} → ${statusText.vi}`
            : `APR = ${f(ratio)}: ${categoryText[category].en} → ${statusText.en}`,
        ),
      },
    ],
  };
}
