/**
 * The structured program of a document as the comparison and the pages see
 * it: its targets, each on an indicator, a scope level and a year.
 */

/** How a target compares a measured value with its value(s). */
export type TargetComparator = '>=' | '>' | '<=' | '<' | '=' | 'range' | 'top';
/** The level of government a target is set for; null when the document names none. */
export type TargetLevel = 'province' | 'district' | 'commune';
/** What a target's value counts. */
export type TargetUnit = 'percent' | 'count' | 'rank' | 'amount' | 'other';
/** Where a proposed item stands in the coordinator's review. */
export type ReviewState = 'proposed' | 'confirmed' | 'rejected';

/** The levels in display order (the whole province first). */
export const targetLevelOrder: readonly (TargetLevel | null)[] = ['province', 'district', 'commune', null];

/** One target of a program, as compared and shown. */
export interface ProgramTarget {
  id: number;
  /** Catalog code of the indicator it measures; null when not linked. */
  indicator: string | null;
  level: TargetLevel | null;
  year: number | null;
  comparator: TargetComparator;
  value: number;
  valueMax: number | null;
  unit: TargetUnit;
  quote: string;
}

/**
 * The ordering key of a target: indicator, then year, then level (province
 * before district before commune, unstated last).
 */
export function compareTargetOrder(
  a: Pick<ProgramTarget, 'indicator' | 'year' | 'level'>,
  b: Pick<ProgramTarget, 'indicator' | 'year' | 'level'>,
): number {
  const ia = a.indicator ?? '\uffff';
  const ib = b.indicator ?? '\uffff';
  if (ia !== ib) return ia < ib ? -1 : 1;
  const ya = a.year ?? 9999;
  const yb = b.year ?? 9999;
  if (ya !== yb) return ya - yb;
  return targetLevelOrder.indexOf(a.level) - targetLevelOrder.indexOf(b.level);
}
