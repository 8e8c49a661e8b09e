/**
 * Matching a unit as a policy document names it ("Sở TT&TT", "Sở Thông tin -
 * Truyền thông", "Văn phòng UBND tỉnh", "Công an tỉnh Nghệ An") to one of a
 * list of candidate units. Robust to diacritics and case, to "&", "-", "," and
 * "và", to abbreviations (initials of the words: TT&TT, LĐ-TB&XH, UBND,
 * HĐND, GTVT) and to a trailing province qualifier.
 */
import { DEPARTMENTS } from '../reference/departments';
import { foldVietnamese } from '../text';

/** A unit as the matcher sees it: its names. Extra fields are passed through. */
export interface MentionCandidate {
  name: string;
  shortName?: string | null;
  /** Other ways documents name it. */
  aliases?: readonly string[];
}

/** The best candidate for a mention. */
export interface UnitMentionMatch<C extends MentionCandidate> {
  unit: C;
  /** 0–1: 1 when the mention is one of the unit's names up to case, diacritics, punctuation and abbreviations. */
  score: number;
  /** Which of the unit's names matched best (its name, short name or an alias). */
  matchedName: string;
}

/** Options of `matchUnitMention`. */
export interface MatchOptions {
  /** Below this score no unit is returned (default 0.75). */
  minScore?: number;
  /**
   * Place names that may follow a body's name in a document and that the
   * candidates' names leave out ("Sở Y tế Nghệ An" → "Sở Y tế").
   */
  placeNames?: readonly string[];
}

/** A level of units a collective mention stands for ("UBND các huyện, thành phố" → district). */
export type CollectiveLevel = 'department' | 'district' | 'commune';

interface Token {
  /** Folded text: lower case, no diacritics. */
  text: string;
  /** May stand for several words by their initials (TT, UBND, tttt). */
  abbreviation: boolean;
}

const VOWELS = /[aeiouy]/;

/** Splits a name into folded tokens, dropping punctuation and the connective "và". */
function tokenize(text: string): Token[] {
  const raw = text
    .normalize('NFC')
    .replace(/[*_`#>"“”‘’'()[\]{}]/g, ' ')
    .split(/[\s,;:./\\&+\-–—]+/)
    .filter(Boolean);
  const tokens: Token[] = [];
  for (const word of raw) {
    const folded = foldVietnamese(word);
    if (!folded || folded === 'va') continue;
    const upper = word.length >= 2 && word === word.toLocaleUpperCase('vi') && /\p{L}/u.test(word);
    tokens.push({ text: folded, abbreviation: folded.length >= 2 && (upper || !VOWELS.test(folded)) });
  }
  // a trailing "thành phố" names the tier of a centrally-run city, as "tỉnh" does for a province
  const n = tokens.length;
  if (n >= 3 && tokens[n - 2]?.text === 'thanh' && tokens[n - 1]?.text === 'pho') {
    tokens.splice(n - 2, 2, { text: 'tinh', abbreviation: false });
  }
  return tokens;
}

interface Alignment {
  /** Words matched on each side. */
  units: number;
  /** Extra words an abbreviation stood for (k letters = k words, one token). */
  extra: number;
}

const better = (a: Alignment, b: Alignment) =>
  a.units > b.units || (a.units === b.units && a.extra < b.extra);

/** Whether `abbr` spells the initials of `words[j..j+len)`. */
function spells(abbr: string, words: Token[], j: number): boolean {
  if (abbr.length < 2 || j + abbr.length > words.length) return false;
  for (let k = 0; k < abbr.length; k++) if (words[j + k]?.text[0] !== abbr[k]) return false;
  return true;
}

/** The best alignment of two token lists (longest common subsequence with abbreviations). */
function align(a: Token[], b: Token[]): Alignment {
  const memo = new Map<number, Alignment>();
  const width = b.length + 1;
  const go = (i: number, j: number): Alignment => {
    if (i >= a.length || j >= b.length) return { units: 0, extra: 0 };
    const key = i * width + j;
    const cached = memo.get(key);
    if (cached) return cached;
    let best = go(i + 1, j);
    const skipB = go(i, j + 1);
    if (better(skipB, best)) best = skipB;
    const ai = a[i] as Token;
    const bj = b[j] as Token;
    if (ai.text === bj.text) {
      const r = go(i + 1, j + 1);
      const c = { units: r.units + 1, extra: r.extra };
      if (better(c, best)) best = c;
    }
    if (ai.abbreviation && spells(ai.text, b, j)) {
      const r = go(i + 1, j + ai.text.length);
      const c = { units: r.units + ai.text.length, extra: r.extra + ai.text.length - 1 };
      if (better(c, best)) best = c;
    }
    if (bj.abbreviation && spells(bj.text, a, i)) {
      const r = go(i + bj.text.length, j + 1);
      const c = { units: r.units + bj.text.length, extra: r.extra + bj.text.length - 1 };
      if (better(c, best)) best = c;
    }
    memo.set(key, best);
    return best;
  };
  return go(0, 0);
}

// the word that says what kind of body it is: a ministry (Bộ) is never a department (Sở)
const HEAD_WORDS = new Set([
  'so',
  'bo',
  'ban',
  'cuc',
  'vien',
  'dai',
  'bao',
  'hoi',
  'truong',
  'benh',
  'tong',
  'chi',
]);

/** Dice similarity of two token lists, abbreviations expanded: 1 for the same name. */
function similarity(a: Token[], b: Token[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const { units, extra } = align(a, b);
  const dice = (2 * units) / (a.length + b.length + extra);
  const headA = a[0]?.text ?? '';
  const headB = b[0]?.text ?? '';
  return headA !== headB && HEAD_WORDS.has(headA) && HEAD_WORDS.has(headB) ? dice / 2 : dice;
}

/** The mention as written, and without a trailing province qualifier ("… tỉnh Nghệ An"). */
function mentionVariants(mention: string, placeNames: readonly string[]): Token[][] {
  const tokens = tokenize(mention);
  const variants: Token[][] = [tokens];
  // "<body> tỉnh <Place>": keep "<body> tỉnh" and "<body>"
  for (let i = tokens.length - 2; i >= 2; i--) {
    if (tokens[i]?.text === 'tinh') {
      variants.push(tokens.slice(0, i + 1), tokens.slice(0, i));
      break;
    }
  }
  for (const place of placeNames) {
    const p = tokenize(place).map((t) => t.text);
    if (p.length === 0 || p.length >= tokens.length) continue;
    const tail = tokens.slice(tokens.length - p.length).map((t) => t.text);
    if (tail.join(' ') === p.join(' ')) {
      const rest = tokens.slice(0, tokens.length - p.length);
      variants.push(rest);
      if (rest.at(-1)?.text === 'tinh' && rest.length > 1) variants.push(rest.slice(0, -1));
    }
  }
  return variants;
}

/**
 * The levels a collective mention stands for, in the order written; empty for
 * a mention of one unit.
 * @example collectiveLevels('Các sở, ban, ngành; UBND các huyện, thành phố') // ['department', 'district']
 * @example collectiveLevels('Ủy ban nhân dân cấp xã') // ['commune']
 */
export function collectiveLevels(mention: string): CollectiveLevel[] {
  const f = ` ${foldVietnamese(mention).replace(/[^a-z0-9]+/g, ' ')} `;
  const found: Array<[number, CollectiveLevel]> = [];
  const find = (level: CollectiveLevel, patterns: RegExp[]) => {
    for (const p of patterns) {
      const m = p.exec(f);
      if (m) {
        found.push([m.index, level]);
        return;
      }
    }
  };
  find('department', [/ cac so (?!lieu)/, / so ban nganh /, / cac co quan chuyen mon /, / cac ban nganh /]);
  find('district', [/ cac (quan|huyen|thi xa) /, / cap huyen /, / huyen thi xa thanh pho /]);
  find('commune', [/ cac (xa|phuong|thi tran) /, / cap xa /, / xa phuong thi tran /]);
  return found.sort((x, y) => x[0] - y[0]).map(([, level]) => level);
}

/**
 * The candidate unit a mention names, with a score, or null when none scores
 * at least `minScore` (0.75) or the mention is collective ("UBND các huyện,
 * thành phố", "các sở, ban, ngành" — see `collectiveLevels`). Each candidate
 * is compared through its name, short name and aliases; ties go to the first
 * candidate, so pass the units in force first.
 *
 * @example
 * matchUnitMention('Sở TT&TT', units)                      // → Sở Thông tin và Truyền thông, score 1
 * matchUnitMention('Sở Thông tin - Truyền thông', units)   // → the same, score 1
 * matchUnitMention('Văn phòng UBND tỉnh', units)           // → Văn phòng Ủy ban nhân dân tỉnh, score 1
 * matchUnitMention('Công an tỉnh Nghệ An', units)          // → Công an tỉnh, score 1
 */
export function matchUnitMention<C extends MentionCandidate>(
  mention: string,
  candidates: readonly C[],
  options: MatchOptions = {},
): UnitMentionMatch<C> | null {
  const minScore = options.minScore ?? 0.75;
  if (collectiveLevels(mention).length > 0) return null;
  const variants = mentionVariants(mention, options.placeNames ?? []).filter((v) => v.length > 0);
  if (variants.length === 0) return null;
  let best: UnitMentionMatch<C> | null = null;
  for (const unit of candidates) {
    const names = [unit.name, unit.shortName, ...(unit.aliases ?? [])].filter((n): n is string => !!n);
    for (const name of names) {
      const tokens = tokenize(name);
      for (const v of variants) {
        const score = similarity(v, tokens);
        if (!best || score > best.score) best = { unit, score, matchedName: name };
      }
    }
  }
  return best && best.score >= minScore ? { ...best, score: Math.round(best.score * 1000) / 1000 } : null;
}

const departmentAliases = new Map(DEPARTMENTS.map((d) => [d.code, d.aliases]));

/**
 * A unit with the aliases documents use for it: the shipped aliases of a
 * department, and for a province the ways its People's Committee is named
 * ("Ủy ban nhân dân tỉnh", "UBND tỉnh Nghệ An").
 */
export function withMentionAliases<
  U extends { code: string; kind: string; name: string; shortName?: string | null },
>(unit: U): U & { aliases: string[] } {
  const aliases = [...(departmentAliases.get(unit.code) ?? [])];
  if (unit.kind === 'province') {
    const city = /^thành phố/i.test(unit.name);
    const base = unit.shortName ?? unit.name.replace(/^(Tỉnh|Thành phố)\s+/i, '');
    aliases.push(
      city ? 'Ủy ban nhân dân thành phố' : 'Ủy ban nhân dân tỉnh',
      `Ủy ban nhân dân ${unit.name.charAt(0).toLowerCase()}${unit.name.slice(1)}`,
      base,
    );
  }
  return { ...unit, aliases };
}
