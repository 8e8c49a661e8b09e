/**
 * Importing a revised version of a document: the coordinator's decisions on
 * the previous version carry over to every item whose words did not change.
 * Items are matched by their normalised quote, never by offset — a revised
 * text moves everything after the first edit.
 */
import type { ReviewState } from './program';
import { findQuoteAll, normalizeQuote, type Span } from './quote';

/** An item of the previous version as the coordinator left it. */
export interface ReviewedItem {
  id: number;
  quote: string;
  state: ReviewState;
  span: Span;
}

/** An item the reader proposes in the new version. */
export interface ProposedItem {
  quote: string;
  span: Span;
}

export interface CarryOverPlan {
  /** Proposals that inherit a decision: index into the proposals → id of the old item. */
  inherited: { proposal: number; oldId: number }[];
  /**
   * Confirmed items no proposal matched (added by hand, or missed by this
   * reading) whose words are still in the new text, with their new span.
   */
  relocated: { oldId: number; span: Span }[];
  /** Confirmed items whose words are no longer in the new text: to be reviewed again. */
  changed: number[];
}

/**
 * Plans what carries over from the old version's reviewed items to the new
 * version. Proposals and old items with the same normalised quote are paired
 * in text order (one sentence may hold several targets with the same words).
 * Only decided items (confirmed or rejected) carry; a rejected item whose
 * words are gone is simply forgotten.
 * @example planCarryOver(oldTargets, newProposals, newText, oldText.length)
 */
export function planCarryOver(
  old: readonly ReviewedItem[],
  proposals: readonly ProposedItem[],
  newText: string,
  oldTextLength: number,
): CarryOverPlan {
  const decided = old.filter((o) => o.state !== 'proposed').sort((x, y) => x.span[0] - y.span[0]);
  const queues = new Map<string, ReviewedItem[]>();
  for (const item of decided) {
    const key = normalizeQuote(item.quote);
    if (!key) continue;
    const q = queues.get(key);
    if (q) q.push(item);
    else queues.set(key, [item]);
  }

  const inherited: CarryOverPlan['inherited'] = [];
  const order = proposals.map((p, i) => ({ p, i })).sort((x, y) => x.p.span[0] - y.p.span[0]);
  const used = new Set<number>();
  for (const { p, i } of order) {
    const q = queues.get(normalizeQuote(p.quote));
    const next = q?.shift();
    if (next) {
      inherited.push({ proposal: i, oldId: next.id });
      used.add(next.id);
    }
  }

  const relocated: CarryOverPlan['relocated'] = [];
  const changed: number[] = [];
  const scale = oldTextLength > 0 ? newText.length / oldTextLength : 1;
  for (const item of decided) {
    if (used.has(item.id) || item.state !== 'confirmed') continue;
    const spans = findQuoteAll(newText, item.quote);
    if (spans.length === 0) {
      changed.push(item.id);
      continue;
    }
    // the occurrence nearest to where the item sat, scaled to the new length
    const expected = item.span[0] * scale;
    const best = spans.reduce((a, b) => (Math.abs(b[0] - expected) < Math.abs(a[0] - expected) ? b : a));
    relocated.push({ oldId: item.id, span: best });
  }
  inherited.sort((x, y) => x.proposal - y.proposal);
  return { inherited, relocated, changed };
}
