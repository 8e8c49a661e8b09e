/**
 * An index method as data: a versioned, dated structure of pillars, main
 * indicators and sub-indicators with scoring rules, fed by catalog indicators
 * or by manual, evidence-backed items. A coordinator can edit one (it is
 * validated by `src/contracts/index-method.ts`) and the engine scores units
 * with it. DTI's own vocabulary: pillar = "chỉ số chính", main indicator =
 * "chỉ số thành phần", sub-indicator = "tiêu chí".
 */
import type { Direction, Text } from '../status/types';

/** Where a sub-indicator's value comes from. */
export type IndexInputSource =
  /** A catalog indicator (its value at the unit for the period). */
  | { kind: 'catalog'; indicator: string }
  /** Entered by the unit or the coordinator; `hint` tells what to enter and what evidence to attach. */
  | { kind: 'manual'; hint?: Text };

/** One step of a tiered rule: values reaching `threshold` earn `points`. */
export interface IndexTier {
  threshold: number;
  points: number;
}

/** How a sub-indicator's value becomes points. */
export type ScoringRule =
  /**
   * Points in proportion: max × clamp((value − zero) ÷ (full − zero), 0, 1).
   * `full` is the value earning full points (1 for a 0–1 ratio, 100 or a
   * reference such as 90 for a percentage); when `full < zero` lower is better.
   * `percent`: a numerator/denominator input is turned into a percentage.
   */
  | { kind: 'ratio'; full: number; zero?: number; percent?: boolean }
  /** The best tier reached (≥ threshold for higher_better, ≤ for lower_better); 0 when none. */
  | { kind: 'tiered'; direction: Direction; tiers: IndexTier[] }
  /** Yes earns full points (with evidence where required), no earns 0. */
  | { kind: 'boolean' }
  /** The value ranked among the peers scored together: max × (n − rank) ÷ (n − 1). */
  | { kind: 'rank'; mode: 'peer_value'; direction: Direction }
  /** A rank given as input (e.g. a national ranking "5 of 34"): max × (outOf − rank) ÷ (outOf − 1). */
  | { kind: 'rank'; mode: 'given_rank'; outOf: number };

/** The kinds of scoring rule, for forms and validation. */
export const scoringRuleKinds = ['ratio', 'tiered', 'boolean', 'rank'] as const;

/** A sub-indicator: the scored leaf of the method. */
export interface IndexSubIndicator {
  code: string;
  name: Text;
  maxPoints: number;
  rule: ScoringRule;
  source: IndexInputSource;
  /**
   * Whether points need attached evidence. Default: yes for `boolean` rules
   * and manual items, no for catalog-fed items (their figures are audited where reported).
   */
  evidenceRequired?: boolean;
  /** Unit kinds it applies to (e.g. only `commune`); all when absent. */
  appliesTo?: string[];
  /** True when the item is not (yet) verified against the official text. */
  provisional?: boolean;
  note?: Text;
}

/** A main indicator: a group of sub-indicators with its maximum points. */
export interface IndexMainIndicator {
  code: string;
  name: Text;
  maxPoints: number;
  subIndicators: IndexSubIndicator[];
  provisional?: boolean;
  note?: Text;
}

/** A pillar with its maximum points; unscored pillars (smart city in DTI 2022) are shown but add nothing. */
export interface IndexPillar {
  code: string;
  name: Text;
  maxPoints: number;
  scored: boolean;
  /** Weight in the overall normalised score; the pillar's (applicable) maximum points when absent. */
  weight?: number;
  /** A grouping shown above pillars (DTI: "nền tảng chung" / "hoạt động"). */
  group?: Text;
  /** How many sub-indicators ("chỉ số thành phần") the official text lists, when known. */
  officialSubIndicatorCount?: number;
  mainIndicators: IndexMainIndicator[];
  provisional?: boolean;
  note?: Text;
}

/** A complete, versioned index method. */
export interface IndexMethod {
  /** Stable code, e.g. `DTI_PROVINCE`. Versions of one index share the code. */
  code: string;
  /** Version label, e.g. `922-2022`. */
  version: string;
  name: Text;
  /** The decision that defines it, e.g. Decision 922/QĐ-BTTTT of 20/5/2022. */
  legalBasis?: Text;
  /** First and last year of data the method applies to (inclusive); `validTo` null = still in force. */
  validFrom: number;
  validTo: number | null;
  /** Kinds of unit it scores (`province`, `department`, `commune` …). */
  subjectKinds: string[];
  /** Total of the scored pillars' maximum points. */
  maxPoints: number;
  pillars: IndexPillar[];
  provisional?: boolean;
  note?: Text;
}

/** A piece of evidence: a file id, a URL, a document number. */
export interface IndexEvidence {
  ref: string;
  note?: string;
}

/** The value a unit has for one sub-indicator. */
export interface IndexInput {
  /** A number (ratio, count, rank) or yes/no. */
  value?: number | boolean | null;
  /** For ratio rules, instead of `value`. */
  numerator?: number | null;
  denominator?: number | null;
  evidence?: IndexEvidence[];
  note?: string;
}

/** A unit being scored. Units are ranked among those with the same `peerGroup` (all together when absent). */
export interface IndexUnit {
  id: string | number;
  name: string;
  code?: string;
  kind?: string;
  peerGroup?: string;
}

/** A reviewer's override of a sub-indicator's points, with the reason (kept in the result and audited). */
export interface IndexAdjustment {
  subIndicator: string;
  points: number;
  reason: string;
  by?: string;
  at?: string;
}

/** Everything known about one unit for one scoring. */
export interface UnitIndexInput {
  unit: IndexUnit;
  /** Inputs keyed by sub-indicator code. */
  inputs: Record<string, IndexInput>;
  adjustments?: IndexAdjustment[];
}

/** What happened to a sub-indicator. */
export const subIndicatorStates = ['scored', 'missing', 'no_evidence', 'not_applicable', 'unscored'] as const;
/** The state of a scored sub-indicator; `adjusted` is a separate flag. */
export type SubIndicatorState = (typeof subIndicatorStates)[number];

/** One sub-indicator's result for one unit. */
export interface SubIndicatorScore {
  code: string;
  name: Text;
  maxPoints: number;
  ruleKind: ScoringRule['kind'];
  source: IndexInputSource;
  /** The value used (a ratio from numerator/denominator already divided), or null. */
  value: number | boolean | null;
  /** Points by the rule, before any adjustment. */
  computedPoints: number;
  /** Points counted (the adjustment's when adjusted). */
  points: number;
  state: SubIndicatorState;
  adjusted: boolean;
  evidenceCount: number;
  provisional: boolean;
  explanation: Text;
}

/** One main indicator's result for one unit. */
export interface MainIndicatorScore {
  code: string;
  name: Text;
  points: number;
  /** Maximum over the sub-indicators that apply to this unit. */
  maxPoints: number;
  normalized: number | null;
  subIndicators: SubIndicatorScore[];
}

/** One pillar's result for one unit. */
export interface PillarScore {
  code: string;
  name: Text;
  scored: boolean;
  points: number;
  maxPoints: number;
  /** points ÷ maxPoints, null when nothing applies or the pillar is unscored. */
  normalized: number | null;
  /** Rank among peers on this pillar's normalised score (standard competition ranking). */
  rank: number | null;
}

/** An adjustment as applied: from the rule's points to the reviewer's. */
export interface AppliedAdjustment extends IndexAdjustment {
  fromPoints: number;
  maxPoints: number;
}

/** One unit's score with everything needed to explain it. */
export interface UnitIndexScore {
  unit: IndexUnit;
  method: { code: string; version: string };
  total: number;
  /** Maximum points that apply to this unit (scored pillars only). */
  maxTotal: number;
  /** Weighted mean of the pillars' normalised scores (= total ÷ maxTotal with default weights). */
  normalized: number;
  /** Share of the applicable maximum points for which a value was available. */
  coverage: number;
  byPillar: PillarScore[];
  byIndicator: MainIndicatorScore[];
  adjustments: AppliedAdjustment[];
  /** Standard competition ranking ("1224") on `normalized` among the unit's peers. */
  rank: number;
  /** How many units were ranked together. */
  peers: number;
}
