/**
 * Standard competition ranking ("1224"): equal scores share a rank and the
 * next rank skips as many places as were shared — the way league tables and
 * DTI rankings are read ("đồng hạng 2, tiếp theo hạng 4").
 */
import type { Direction } from '../status/types';

/** Scores closer than this are a tie (floating-point sums of points). */
const TIE = 1e-9;

/**
 * Ranks items by score; items with a null score get no rank.
 * @example rankCompetition([10, 8, 8, 5], (s) => s) // [1, 2, 2, 4]
 */
export function rankCompetition<T>(
  items: readonly T[],
  score: (item: T) => number | null,
  direction: Direction = 'higher_better',
): (number | null)[] {
  const scored = items
    .map((item, index) => ({ index, s: score(item) }))
    .filter((x): x is { index: number; s: number } => x.s !== null && Number.isFinite(x.s));
  scored.sort((a, b) => (direction === 'higher_better' ? b.s - a.s : a.s - b.s));
  const ranks: (number | null)[] = items.map(() => null);
  let previous: number | null = null;
  let previousRank = 0;
  scored.forEach((x, position) => {
    const rank =
      previous !== null && Math.abs(x.s - previous) <= TIE * Math.max(1, Math.abs(x.s))
        ? previousRank
        : position + 1;
    ranks[x.index] = rank;
    previous = x.s;
    previousRank = rank;
  });
  return ranks;
}
