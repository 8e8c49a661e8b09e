/**
 * The default status method: a straight path from the baseline to the target
 * value by the target year (in percentage points for percent targets). On
 * track at or ahead of the path, at risk within a stated band behind it, off
 * track beyond the band. The projection extends the observed average annual
 * change to the target year; it informs but does not decide the status.
 */
import { bilingual, changeUnit } from './explain';
import type { MethodContext, MethodOutcome } from './method';
import { goalOf, meetsTarget } from './target-rule';
import type { StatusParameters } from './types';

/** Judges a prepared series with the linear path method. */
export function applyLinear(ctx: MethodContext, params: StatusParameters['linear']): MethodOutcome {
  const { target, baseline, current } = ctx;
  const { goal, aim } = goalOf(target, baseline.value);
  const d = aim === 'up' ? 1 : -1;
  const t0 = baseline.year;
  const T = target.year;
  const tc = current.year;
  const required = goal - baseline.value;
  const span = T - t0;
  const fraction = span > 0 ? Math.min(1, Math.max(0, (tc - t0) / span)) : 1;
  const perYear = span > 0 ? required / span : null;
  const expectedNow = baseline.value + required * fraction;
  const gapToPath = d * (current.value - expectedNow);
  const achievement = required !== 0 ? (current.value - baseline.value) / required : null;
  const annualChange = (current.value - baseline.value) / (tc - t0);
  const projectedValue = current.value + annualChange * (T - tc);
  const projectedMeets = meetsTarget(projectedValue, target);
  // when no change was required (baseline already at the goal) the band is taken relative to the goal itself
  const bandBase = Math.abs(required) > 0 ? Math.abs(required) : Math.abs(goal);
  const band = params.atRiskBand * bandBase;
  const tol = 1e-9 * Math.max(1, Math.abs(expectedNow));

  let status: 'on_track' | 'at_risk' | 'off_track';
  let reason: 'on_path' | 'within_band' | 'below_band';
  if (gapToPath >= -tol) {
    status = 'on_track';
    reason = 'on_path';
  } else if (gapToPath >= -band - tol) {
    status = 'at_risk';
    reason = 'within_band';
  } else {
    status = 'off_track';
    reason = 'below_band';
  }

  const unit = target.unit;
  const steps = [
    {
      label: { vi: 'Đường tiến độ', en: 'Path' },
      formula: bilingual((f, l) =>
        perYear === null
          ? l === 'vi'
            ? `Năm mục tiêu ${f(T)} không sau năm cơ sở ${f(t0)}: giá trị kỳ vọng là ${f(goal)}`
            : `Target year ${f(T)} is not after the baseline year ${f(t0)}: the expected value is ${f(goal)}`
          : l === 'vi'
            ? `Mỗi năm cần thay đổi (${f(goal)} − ${f(baseline.value)}) ÷ (${f(T)} − ${f(t0)}) = ${f(perYear)}${changeUnit(unit, l)}`
            : `Required change per year (${f(goal)} − ${f(baseline.value)}) ÷ (${f(T)} − ${f(t0)}) = ${f(perYear)}${changeUnit(unit, l)}`,
      ),
    },
    {
      label: { vi: `Giá trị kỳ vọng năm ${tc}`, en: `Expected value in ${tc}` },
      formula: bilingual((f) => `${f(baseline.value)} + ${f(required)} × ${f(fraction)} = ${f(expectedNow)}`),
    },
    {
      label: { vi: 'Thực tế so với kỳ vọng', en: 'Actual against expected' },
      formula: bilingual((f, l) =>
        l === 'vi'
          ? `Thực tế ${f(current.value)}; chênh lệch theo hướng mục tiêu: ${f(gapToPath)}${changeUnit(unit, l)}`
          : `Actual ${f(current.value)}; difference in the target's direction: ${f(gapToPath)}${changeUnit(unit, l)}`,
      ),
    },
    {
      label: { vi: 'Mức hoàn thành', en: 'Achievement' },
      formula: bilingual((f, _l, p) =>
        achievement === null
          ? '—'
          : `(${f(current.value)} − ${f(baseline.value)}) ÷ (${f(goal)} − ${f(baseline.value)}) = ${p(achievement)}`,
      ),
    },
    {
      label: { vi: `Dự báo năm ${T}`, en: `Projection to ${T}` },
      formula: bilingual((f, l) =>
        l === 'vi'
          ? `Thay đổi bình quân ${f(annualChange)}/năm; ${f(current.value)} + ${f(annualChange)} × ${f(T - tc)} = ${f(projectedValue)} → ${projectedMeets ? 'đạt' : 'chưa đạt'}`
          : `Average change ${f(annualChange)}/year; ${f(current.value)} + ${f(annualChange)} × ${f(T - tc)} = ${f(projectedValue)} → ${projectedMeets ? 'met' : 'not met'}`,
      ),
    },
    {
      label: { vi: 'Kết luận', en: 'Conclusion' },
      formula: bilingual((f, l, p) => {
        const bandText = `${p(params.atRiskBand)} × ${f(bandBase)} = ${f(band)}`;
        if (l === 'vi') {
          if (status === 'on_track') return 'Bằng hoặc vượt đường tiến độ → đúng tiến độ';
          return status === 'at_risk'
            ? `Chậm so với đường tiến độ, trong ngưỡng ${bandText} → có nguy cơ`
            : `Chậm so với đường tiến độ, vượt ngưỡng ${bandText} → chậm tiến độ`;
        }
        if (status === 'on_track') return 'At or ahead of the path → on track';
        return status === 'at_risk'
          ? `Behind the path, within the band ${bandText} → at risk`
          : `Behind the path, beyond the band ${bandText} → off track`;
      }),
    },
  ];

  return {
    kind: 'result',
    status,
    reason,
    parameters: { atRiskBand: params.atRiskBand },
    formula: {
      vi: 'Kỳ vọng(t) = B + (M − B) × (t − t₀) ÷ (T − t₀). Đúng tiến độ khi giá trị thực tế bằng hoặc vượt kỳ vọng theo hướng mục tiêu; có nguy cơ khi chậm không quá ngưỡng = tỷ lệ ngưỡng × |M − B|; còn lại là chậm tiến độ. Dự báo(T) = thực tế + thay đổi bình quân năm × (T − t).',
      en: 'Expected(t) = B + (M − B) × (t − t₀) ÷ (T − t₀). On track when the actual value is at or beyond the expected value in the target’s direction; at risk when behind by at most band × |M − B|; otherwise off track. Projection(T) = actual + average annual change × (T − t).',
    },
    outputs: {
      goal,
      aim,
      expectedNow,
      achievement,
      gapToPath,
      projectedValue,
      projectedMeets,
      annualChange,
      exceeded: false,
    },
    steps,
  };
}
