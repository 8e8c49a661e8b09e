/**
 * The contract between the dispatcher (`assessTargetStatus`) and each status
 * method: a method receives a prepared series in which the target is not yet
 * met and there are at least two points, and either judges it or declines
 * with a fallback reason.
 */
import type {
  ExplanationStep,
  FallbackReason,
  Observation,
  StatusOutputs,
  StatusReason,
  TargetSpec,
  TargetStatus,
  Text,
} from './types';

/** A series ready for judging: baseline before current, target not met yet, target year not passed. */
export interface MethodContext {
  target: TargetSpec;
  baseline: Observation;
  current: Observation;
  /** Baseline and observations up to the current one, sorted by year, one value per year. */
  series: Observation[];
}

/** What a method returns: a judgement, or a reason why it cannot judge this series. */
export type MethodOutcome =
  | {
      kind: 'result';
      status: Exclude<TargetStatus, 'met' | 'no_data'>;
      reason: StatusReason;
      parameters: Record<string, number | string>;
      formula: Text;
      outputs: StatusOutputs;
      steps: ExplanationStep[];
    }
  | { kind: 'fallback'; reason: FallbackReason };
