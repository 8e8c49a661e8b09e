/**
 * The shared vocabulary of target status methods: what a target asks for,
 * the observed series, and the result every method returns — a result that
 * keeps its method, inputs, parameters, formula and outputs so the UI can
 * explain "how this was judged" without recomputing anything.
 */

/** How a target compares a value with its target value. `top` is a rank target (1 is best). */
export const comparators = ['>=', '>', '<=', '<', '=', 'range', 'top'] as const;
/** A target comparator, as stored in `target.comparator`. */
export type Comparator = (typeof comparators)[number];

/** Which way an indicator improves. */
export const directions = ['higher_better', 'lower_better'] as const;
/** An indicator's direction, as stored in `indicator.direction`. */
export type Direction = (typeof directions)[number];

/** The five statuses a target can have, in the order the UI lists them. */
export const targetStatuses = ['met', 'on_track', 'at_risk', 'off_track', 'no_data'] as const;
/** The status of one target at one moment. */
export type TargetStatus = (typeof targetStatuses)[number];

/** The status methods the product implements; `linear` is the default. */
export const statusMethods = ['linear', 'cagr', 'escap'] as const;
/** A status method code. */
export type StatusMethod = (typeof statusMethods)[number];

/** The measurement unit of a target value, used for wording ("percentage points"). */
export type TargetValueUnit = 'percent' | 'count' | 'rank' | 'amount' | 'other';

/** A Vietnamese/English text pair. */
export interface Text {
  vi: string;
  en: string;
}

/** What a target asks for: comparator, value(s) and year, with the indicator's direction. */
export interface TargetSpec {
  comparator: Comparator;
  /** The target value; for `range` the lower bound; for `top` the N of "top N". Percent as 90, not 0.9. */
  value: number;
  /** Upper bound of a `range`; ignored otherwise. */
  valueMax?: number | null;
  /** The year by which the target is to be reached. */
  year: number;
  /** The indicator's direction; decides which side of a `=` or `range` target counts as exceeded. */
  direction: Direction;
  unit?: TargetValueUnit;
}

/** One observed value of the indicator at the target's scope. `year` may carry a fraction (2025.5). */
export interface Observation {
  year: number;
  value: number;
}

/** Everything a status method needs. */
export interface StatusInput {
  target: TargetSpec;
  /** The observed series at the target's scope (rolled up), any order. */
  observations: readonly Observation[];
  /** The baseline stated by the document; the earliest observation when absent. */
  baseline?: Observation | null;
  /** Judge as of this year: later observations are ignored. Defaults to the latest observation. */
  asOf?: number | null;
}

/** Why a target got its status; also an i18n key under `status.reason.`. */
export const statusReasons = [
  'target_met',
  'no_observation',
  'single_observation',
  'deadline_passed',
  'on_path',
  'within_band',
  'below_band',
  'cagr_on_track',
  'cagr_needs_acceleration',
  'cagr_limited_progress',
  'cagr_deterioration',
  'escap_on_track',
  'escap_needs_acceleration',
  'escap_far_from_target',
  'escap_regression',
] as const;
/** A stable code saying why a status was given. */
export type StatusReason = (typeof statusReasons)[number];

/** Why a method could not be used and the linear method was applied instead. */
export const fallbackReasons = [
  'zero_or_negative_baseline',
  'zero_or_negative_value',
  'zero_or_negative_target',
  'no_required_change',
] as const;
/** A stable code for a fallback; also an i18n key under `status.fallback.`. */
export type FallbackReason = (typeof fallbackReasons)[number];

/** Open SDG / Statistics Canada progress categories for the growth ratio R. */
export type CagrCategory = 'on_track' | 'needs_acceleration' | 'limited_progress' | 'deterioration';
/** ESCAP dashboard signals: maintain progress, accelerate progress, reverse the trend. */
export type EscapCategory = 'maintain' | 'accelerate' | 'reverse';

/** The numbers a method computed. Fields a method does not compute are null or absent. */
export interface StatusOutputs {
  /** The value aimed at: the target value, or the nearer bound of a range. */
  goal: number | null;
  /** Which way the value has to move from the baseline to reach the goal. */
  aim: 'up' | 'down' | null;
  /** Where the value should be now on the method's path from the baseline to the goal. */
  expectedNow: number | null;
  /** Share of the change required from baseline to goal that has been achieved (1 = all; may be < 0 or > 1). */
  achievement: number | null;
  /** Current value minus expected value, signed so that positive means ahead of the path. */
  gapToPath: number | null;
  /** The value projected for the target year. */
  projectedValue: number | null;
  /** Whether the projected value satisfies the target. */
  projectedMeets: boolean | null;
  /** Observed average annual change, baseline to current (units of the indicator per year). */
  annualChange: number | null;
  /** True when the current value is beyond the target on its better side ("vượt"). */
  exceeded: boolean;
  /** CAGR: observed compound annual growth rate (0.05 = 5% a year). */
  observedGrowth?: number | null;
  /** CAGR: compound annual growth rate required to reach the goal on time. */
  requiredGrowth?: number | null;
  /** CAGR: R = d × observed ÷ |required|. */
  growthRatio?: number | null;
  cagrCategory?: CagrCategory | null;
  /** ESCAP: time-weighted trend, value = intercept + slope × year. */
  trendSlope?: number | null;
  trendIntercept?: number | null;
  /** ESCAP: the weight given to each point of the series, oldest first. */
  trendWeights?: number[];
  /** ESCAP: anticipated progress ÷ required progress, from the baseline to the target year. */
  anticipatedProgressRatio?: number | null;
  /** ESCAP: share of the required progress that is not anticipated (0 when the target will be met). */
  progressGap?: number | null;
  escapCategory?: EscapCategory | null;
}

/** One line of the explanation shown to a user: what was computed and with which numbers. */
export interface ExplanationStep {
  label: Text;
  /** The formula with the numbers filled in, formatted for each language. */
  formula: Text;
}

/** A judged target: the status with everything needed to explain it. */
export interface StatusResult {
  /** The method that produced the status (after any fallback). */
  method: StatusMethod;
  /** The method that was asked for. */
  requestedMethod: StatusMethod;
  /** Set when the requested method could not be used and `linear` was applied instead. */
  fallback: { from: StatusMethod; reason: FallbackReason } | null;
  status: TargetStatus;
  reason: StatusReason;
  inputs: {
    target: TargetSpec;
    baseline: Observation | null;
    current: Observation | null;
    /** The series actually used (sorted, one value per year, none after `asOf`). */
    observations: Observation[];
    asOf: number | null;
  };
  /** The parameters of the applied method (thresholds, bands, weighting). */
  parameters: Record<string, number | string>;
  /** The method's formula in words and symbols. */
  formula: Text;
  outputs: StatusOutputs;
  steps: ExplanationStep[];
}

/** Tunable parameters of each method, with the defaults in `defaultStatusParameters`. */
export interface StatusParameters {
  linear: {
    /** At risk when below the expected path by at most this share of the total required change. */
    atRiskBand: number;
  };
  cagr: {
    /** R at or above this: on track. */
    onTrack: number;
    /** R at or above this (and below onTrack): progress made but acceleration needed. */
    needsAcceleration: number;
    /** R at or above this (and below needsAcceleration): limited progress; below: deterioration. */
    limitedProgress: number;
  };
  escap: {
    /** Anticipated progress ratio at or above this (but below 1): at risk; below: off track. */
    atRiskMin: number;
    /** `linear`: weight of a point = years since the first point + 1; `equal`: ordinary least squares. */
    weighting: 'linear' | 'equal';
  };
}

/** The product's default parameters (Open SDG's published thresholds for CAGR). */
export const defaultStatusParameters: StatusParameters = {
  linear: { atRiskBand: 0.1 },
  cagr: { onTrack: 0.95, needsAcceleration: 0.6, limitedProgress: 0 },
  escap: { atRiskMin: 0.5, weighting: 'linear' },
};
