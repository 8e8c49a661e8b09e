/**
 * Quotes: the exact words a target or task came from. Versions of a document
 * differ in layout (line breaks, Markdown marks, spacing) more often than in
 * wording, so quotes are compared in a normalised form and found again in a
 * new text by their words, never by their old offsets.
 */
import { foldVietnamese } from '../text';

/**
 * The comparable form of a quote: no diacritics, no case, no Markdown marks or
 * punctuation, single spaces.
 * @example normalizeQuote('**90%** hồ sơ  công việc;') // "90% ho so cong viec"
 */
export function normalizeQuote(text: string): string {
  return foldVietnamese(text.replace(/[*_#`>\\]+/g, ' '))
    .replace(/[.,;:!?…"“”'‘’()[\]{}]+(?=\s|$)/g, ' ')
    .replace(/(^|\s)[-–—•+]+(?=\s)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A [start, end) range of JavaScript string indices. */
export type Span = [number, number];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds a quote in a text: the exact words first; otherwise the same words
 * with any layout between them (line breaks, Markdown marks, doubled spaces).
 * Returns the span of the first occurrence at or after `from`, or null.
 * @example findQuote('a **90%**  hồ sơ', '90% hồ sơ') // [4, 16]
 */
export function findQuote(text: string, quote: string, from = 0): Span | null {
  const trimmed = quote.trim();
  if (!trimmed) return null;
  const exact = text.indexOf(trimmed, from);
  if (exact >= 0) return [exact, exact + trimmed.length];
  const words = trimmed
    .replace(/[*_#`\\]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return null;
  const gap = '[\\s*_#`\\\\]+';
  const pattern = new RegExp(words.map((w) => escapeRegExp(w)).join(gap), 'gu');
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  return m ? [m.index, m.index + m[0].length] : null;
}

/**
 * All occurrences of a quote (exact words or the same words across layout),
 * in order. Used to pick the occurrence nearest to where an item used to be.
 */
export function findQuoteAll(text: string, quote: string): Span[] {
  const found: Span[] = [];
  let from = 0;
  for (;;) {
    const span = findQuote(text, quote, from);
    if (!span) return found;
    found.push(span);
    from = span[0] + 1;
  }
}

/** Whether two spans share at least one character. */
export function spansOverlap(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/** Characters two spans share (0 when apart). */
export function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}
