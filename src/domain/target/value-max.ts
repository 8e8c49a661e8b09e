/**
 * Which comparators carry an upper value: a range always ("15% đến 20%"), a
 * rank target when it names a band ("thuộc nhóm 25 - 30 tỉnh dẫn đầu": best
 * end 25, other end 30); the others never.
 */
import type { Comparator } from './compare';

/** The value_max to keep for a comparator, or null when it takes none. */
export function keptValueMax(comparator: Comparator, valueMax: number | null | undefined): number | null {
  return comparator === 'range' || comparator === 'top' ? (valueMax ?? null) : null;
}
