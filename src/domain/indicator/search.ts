/**
 * Searching the catalog without caring for diacritics or case: the query and
 * every indicator's search text are folded (`foldVietnamese`), the query is
 * cut into words, and an indicator matches when every word is a whole word of
 * its search text — except the last, which may be the start of a word, so
 * results follow the user's typing.
 *
 * @example searchTerms('Thanh toán điện t') // { phrase: 'thanh toan dien t', words: ['thanh', 'toan', 'dien'], prefix: 't' }
 */
import { foldVietnamese } from '../text';
import type { IndicatorDefinition } from './indicator';

/** The folded parts of a query. */
export interface SearchTerms {
  /** The whole query, folded, words joined by single spaces. */
  phrase: string;
  /** Words to match whole. */
  words: string[];
  /** The last word, matched as the start of a word; null for an empty query. */
  prefix: string | null;
}

/** Splits a query into folded words; an empty or punctuation-only query gives no words. */
export function searchTerms(query: string | null | undefined): SearchTerms {
  const tokens = foldVietnamese(query ?? '').match(/[a-z0-9]+/g) ?? [];
  if (tokens.length === 0) return { phrase: '', words: [], prefix: null };
  return {
    phrase: tokens.join(' '),
    words: tokens.slice(0, -1),
    prefix: tokens[tokens.length - 1] as string,
  };
}

/**
 * The folded text an indicator is found by: its code (also split at dots and
 * underscores, so "dti rank" finds `GOV.DTI_RANK`), both names and its keywords.
 */
export function indicatorSearchText(
  def: Pick<IndicatorDefinition, 'code' | 'nameVi' | 'nameEn' | 'keywords'>,
): string {
  const codeWords = def.code.replace(/[._-]+/g, ' ');
  return foldVietnamese([def.code, codeWords, def.nameVi, def.nameEn, ...def.keywords].join(' | '));
}

const wordPattern = (word: string, whole: boolean) =>
  new RegExp(`(^|[^a-z0-9])${word}${whole ? '($|[^a-z0-9])' : ''}`);

/** True when a folded search text matches the terms (the same rule the SQL filter applies). */
export function matchesSearch(searchText: string, terms: SearchTerms): boolean {
  if (terms.prefix === null) return true;
  return (
    terms.words.every((w) => wordPattern(w, true).test(searchText)) &&
    wordPattern(terms.prefix, false).test(searchText)
  );
}

/**
 * How well an indicator answers a query, to order results: the exact code
 * first, then the query found as a phrase in the Vietnamese name, in the
 * English name, in the keywords, then the rest.
 */
export function searchScore(
  def: Pick<IndicatorDefinition, 'code' | 'nameVi' | 'nameEn' | 'keywords'>,
  terms: SearchTerms,
): number {
  if (!terms.phrase) return 0;
  const phrase = terms.phrase;
  const codeWords = foldVietnamese(def.code.replace(/[._-]+/g, ' '));
  if (codeWords === phrase) return 100;
  const inText = (text: string) =>
    ` ${(foldVietnamese(text).match(/[a-z0-9]+/g) ?? []).join(' ')} `.includes(` ${phrase}`);
  if (inText(def.nameVi)) return 50;
  if (inText(def.nameEn)) return 40;
  if (def.keywords.some(inText)) return 30;
  if (codeWords.startsWith(phrase)) return 20;
  return 10;
}
