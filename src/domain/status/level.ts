/**
 * The two readings of a level target ("90% of work files at commune level
 * processed online"): the rate over all units at that level — Σ numerators ÷
 * Σ denominators, never an average of the units' percentages — and the share
 * of those units that individually meet the target, with the counts.
 */
import { bilingual } from './explain';
import { meetsTarget } from './target-rule';
import type { TargetSpec, Text } from './types';

/** One unit's figure for the target's indicator and period. */
export interface UnitFigure {
  unitId: string | number;
  unitName?: string;
  /** For ratio indicators. */
  numerator?: number | null;
  denominator?: number | null;
  /** For indicators reported as a single value (counts, amounts, or a rate without its parts). */
  value?: number | null;
}

/** Both readings of a level target, with everything needed to show them. */
export interface LevelReading {
  /** Σ numerators ÷ Σ denominators × scale over the units that reported both; null without any. */
  rate: {
    numerator: number;
    denominator: number;
    value: number | null;
    meets: boolean | null;
    /** Units whose numerator and denominator entered the sums. */
    unitsIncluded: number;
  };
  /** How many units individually meet the target. */
  share: {
    unitsTotal: number;
    /** Units with a value to judge (a denominator of 0 gives no value). */
    unitsAssessed: number;
    unitsMeeting: number;
    unitsNotMeeting: number;
    unitsWithoutData: number;
    /** unitsMeeting ÷ unitsAssessed (0–1); null when none assessed. */
    share: number | null;
    /** unitsMeeting ÷ unitsTotal (0–1): units without data count as not meeting. */
    shareOfAll: number | null;
    meeting: (string | number)[];
    notMeeting: (string | number)[];
    withoutData: (string | number)[];
  };
  /** Each unit's own value (ratio × scale, or its value), null without data. */
  unitValues: { unitId: string | number; unitName?: string; value: number | null; meets: boolean | null }[];
  scale: number;
  explanation: Text;
}

function isNumber(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** How a level target is read. */
export interface LevelReadingOptions {
  /** Turns a ratio into the target's unit: 100 for percent targets (the default for `unit: 'percent'`), else 1. */
  scale?: number;
  /**
   * The level's sums as the maintained roll-up holds them (Σ numerators and
   * Σ denominators of the units of the level). When given, the rate is read
   * from them — the same figure every dashboard shows — and the figures are
   * used for the share reading only.
   */
  rollup?: { numerator: number; denominator: number; reportingUnits: number } | null;
}

/**
 * Reads a level target over the units at that level: the one place both
 * readings are computed (dashboards pass the level's roll-up for the rate).
 * @example
 * readLevelTarget(target90Percent, [
 *   { unitId: 'A', numerator: 90, denominator: 100 },
 *   { unitId: 'B', numerator: 10, denominator: 900 },
 * ]).rate.value // 10 — (90 + 10) ÷ (100 + 900) × 100, not the mean of 90% and 1.1%
 */
export function readLevelTarget(
  target: TargetSpec,
  figures: readonly UnitFigure[],
  options: LevelReadingOptions = {},
): LevelReading {
  const scale = options.scale ?? (target.unit === 'percent' ? 100 : 1);
  let numerator = 0;
  let denominator = 0;
  let unitsIncluded = 0;
  const unitValues: LevelReading['unitValues'] = [];
  const meeting: (string | number)[] = [];
  const notMeeting: (string | number)[] = [];
  const withoutData: (string | number)[] = [];

  for (const fig of figures) {
    let value: number | null = null;
    if (isNumber(fig.numerator) && isNumber(fig.denominator)) {
      numerator += fig.numerator;
      denominator += fig.denominator;
      unitsIncluded += 1;
      if (fig.denominator > 0) value = (fig.numerator / fig.denominator) * scale;
    } else if (isNumber(fig.value)) {
      value = fig.value;
    }
    const meets = value === null ? null : meetsTarget(value, target);
    unitValues.push({
      unitId: fig.unitId,
      ...(fig.unitName ? { unitName: fig.unitName } : {}),
      value,
      meets,
    });
    if (meets === null) withoutData.push(fig.unitId);
    else if (meets) meeting.push(fig.unitId);
    else notMeeting.push(fig.unitId);
  }

  if (options.rollup) {
    // the maintained roll-up is the level's rate; the figures only say who meets the target
    numerator = options.rollup.numerator;
    denominator = options.rollup.denominator;
    unitsIncluded = options.rollup.reportingUnits;
  }
  const rateValue = unitsIncluded > 0 && denominator > 0 ? (numerator / denominator) * scale : null;
  const assessed = meeting.length + notMeeting.length;
  const total = figures.length;
  const reading: Omit<LevelReading, 'explanation'> = {
    rate: {
      numerator,
      denominator,
      value: rateValue,
      meets: rateValue === null ? null : meetsTarget(rateValue, target),
      unitsIncluded,
    },
    share: {
      unitsTotal: total,
      unitsAssessed: assessed,
      unitsMeeting: meeting.length,
      unitsNotMeeting: notMeeting.length,
      unitsWithoutData: withoutData.length,
      share: assessed > 0 ? meeting.length / assessed : null,
      shareOfAll: total > 0 ? meeting.length / total : null,
      meeting,
      notMeeting,
      withoutData,
    },
    unitValues,
    scale,
  };
  const explanation = bilingual((f, l, p) => {
    const rateText =
      rateValue === null
        ? l === 'vi'
          ? 'không tính được tỷ lệ chung (thiếu tử số/mẫu số)'
          : 'no overall rate (numerators/denominators missing)'
        : `${f(numerator)} ÷ ${f(denominator)}${scale !== 1 ? ` × ${f(scale)}` : ''} = ${f(rateValue)}`;
    return l === 'vi'
      ? `Tỷ lệ chung của ${unitsIncluded} đơn vị: ${rateText}. Số đơn vị tự đạt: ${meeting.length}/${assessed} đơn vị có số liệu (${p(reading.share.share)}); ${withoutData.length} đơn vị chưa có số liệu.`
      : `Overall rate of ${unitsIncluded} units: ${rateText}. Units meeting the target on their own: ${meeting.length}/${assessed} with data (${p(reading.share.share)}); ${withoutData.length} units without data.`;
  });
  return { ...reading, explanation };
}
