/**
 * Which units make up a target level ("cấp tỉnh / cấp huyện / cấp xã"). The
 * two readings of a level target — the rate of the level as a whole and the
 * share of its units meeting the target alone — are computed once, by
 * `readLevelTarget` in domain/status/level.ts; a roll-up reads the rate of a
 * level from the rows of these member kinds.
 */
import type { ReportingUnitKind } from '../indicator/indicator';

/** Target levels as documents name them ("cấp tỉnh / cấp huyện / cấp xã"). */
export type TargetLevel = 'province' | 'district' | 'commune';

/**
 * The kinds of units that make up a level: "hồ sơ công việc cấp tỉnh" are the
 * files of the province's departments and agencies; district level exists
 * only for periods before 1 July 2025.
 * @example levelUnitKinds.province // ['department', 'agency']
 */
export const levelUnitKinds: Record<TargetLevel, readonly ReportingUnitKind[]> = {
  province: ['department', 'agency'],
  district: ['district'],
  commune: ['commune'],
};
