/**
 * A level target ("60% of work files at commune level processed online")
 * has two readings, and both are shown:
 * 1. the rate over all units at that level — Σ numerators ÷ Σ denominators
 *    of every commune (the level as a whole);
 * 2. the share of units that individually meet it — how many communes are at
 *    60% or more, out of those assessed.
 * They differ: many small communes can meet the target while a few large
 * ones pull the level's rate below it, and the other way round.
 *
 * @example
 * levelTargetReadings(workfiles, { comparator: '>=', value: 60 }, [
 *   { unitId: 1, numerator: 50, denominator: 100 },  // 50 %  not met
 *   { unitId: 2, numerator: 30, denominator: 40 },   // 75 %  met
 *   { unitId: 3, numerator: 5, denominator: 5 },     // 100 % met
 * ])
 * // rate: 85 / 145 = 58.6 % → not met; units: 2 of 3 meet (66.7 %)
 */
import type { Aggregation, Direction, ReportingUnitKind } from '../indicator/indicator';
import { compareWithTarget, type TargetComparison, type TargetSpec } from '../target/compare';
import { type RollupResult, rollUp, type UnitFigure, unitReading } from './rollup';

/** Target levels as documents name them ("cấp tỉnh / cấp huyện / cấp xã"). */
export type TargetLevel = 'province' | 'district' | 'commune';

/**
 * The kinds of units that make up a level: "hồ sơ công việc cấp tỉnh" are the
 * files of the province's departments and agencies; district level exists
 * only for periods before 1 July 2025.
 */
export const levelUnitKinds: Record<TargetLevel, readonly ReportingUnitKind[]> = {
  province: ['department', 'agency'],
  district: ['district'],
  commune: ['commune'],
};

/** One unit's own reading against the target. */
export interface UnitAssessment {
  unitId: number;
  reading: number;
  comparison: TargetComparison;
}

/** Both readings of a level target. */
export interface LevelTargetReadings {
  /** Reading 1: the level as a whole, with its comparison (null without data). */
  rate: RollupResult & { comparison: TargetComparison | null };
  /** Reading 2: the units one by one. */
  units: {
    /** Units with a reading (a ratio with denominator 0 has none). */
    assessed: number;
    meeting: number;
    /** meeting ÷ assessed as a percentage; null when none assessed. */
    share: number | null;
    /** meeting ÷ all units asked, when they are known (missing ones count as not meeting). */
    shareOfExpected: number | null;
    assessments: UnitAssessment[];
    missingUnitIds: number[];
  };
}

/**
 * Both readings of a level target over the figures of the units at that level.
 * @param indicator the indicator's aggregation and direction
 * @param options.expectedUnitIds every unit of the level, so missing ones are known
 */
export function levelTargetReadings(
  indicator: { aggregation: Aggregation; direction: Direction },
  target: TargetSpec,
  figures: readonly UnitFigure[],
  options: { expectedUnitIds?: readonly number[] } = {},
): LevelTargetReadings {
  const rate = rollUp(indicator.aggregation, figures, options);
  const rateComparison =
    rate.value === null ? null : compareWithTarget(rate.value, target, indicator.direction);

  const expected = options.expectedUnitIds ? new Set(options.expectedUnitIds) : null;
  const assessments: UnitAssessment[] = [];
  for (const f of figures) {
    if (expected && !expected.has(f.unitId)) continue;
    const reading = unitReading(indicator.aggregation, f);
    if (reading === null) continue;
    assessments.push({
      unitId: f.unitId,
      reading,
      comparison: compareWithTarget(reading, target, indicator.direction),
    });
  }
  const meeting = assessments.filter((a) => a.comparison.met).length;
  const assessed = assessments.length;
  const expectedCount = rate.expectedUnits;
  return {
    rate: { ...rate, comparison: rateComparison },
    units: {
      assessed,
      meeting,
      share: assessed > 0 ? (100 * meeting) / assessed : null,
      shareOfExpected: expectedCount ? (100 * meeting) / expectedCount : null,
      assessments,
      missingUnitIds: rate.missingUnitIds,
    },
  };
}
