/**
 * Text helpers of the document reader. Every function here keeps string
 * length and offsets: the reader never rewrites the text it reports spans
 * into, it reads a same-length "clean" view where conversion noise is
 * blanked out and a same-length "folded" view (lower case, no diacritics)
 * for matching.
 */

const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded !== undefined) return folded;
  if (ch === 'đ' || ch === 'Đ') folded = 'd';
  else {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    folded = base.length === 1 ? base.toLowerCase() : ch.toLowerCase();
    if (folded.length !== ch.length) folded = ch;
  }
  foldCache.set(ch, folded);
  return folded;
}

/**
 * Lower case without diacritics, one output unit per input unit, so an index
 * found in the folded text is an index in the original.
 * @example foldKeepLength('Sở Y tế') // "so y te"
 */
export function foldKeepLength(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
    } else if (code >= 0xd800 && code <= 0xdbff) {
      // keep surrogate pairs as they are: they are never Vietnamese letters
      out += text.slice(i, i + 2);
      i++;
    } else {
      out += foldChar(text[i] as string);
    }
  }
  return out;
}

/** Replaces [start, end) of a string by spaces. */
function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
}

export interface CleanText {
  /** Same length as the input: Markdown marks, HTML tags and footnote marks blanked out. */
  clean: string;
  /** Ranges that were `**strong**` in the source (content only). */
  strong: [number, number][];
  /** Ranges of footnote bodies (`<sup>1</sup> …` lines after a rule), ignored by the reader. */
  footnotes: [number, number][];
}

/**
 * Blanks out conversion noise without moving anything: `**`, `__`, heading
 * `#`s, emphasis `*`, escaped characters, HTML tags (`<sup>1</sup>`), rules
 * (`-----`). Bullets written with `*` at the start of a line are kept.
 */
export function cleanText(text: string): CleanText {
  const chars = text.split('');
  const strong: [number, number][] = [];
  const footnotes: [number, number][] = [];

  // HTML tags, with the content of <sup>/<sub> (footnote numbers)
  for (const m of text.matchAll(/<(sup|sub)>[^<\n]{0,12}<\/\1>/gi))
    blank(chars, m.index, m.index + m[0].length);
  for (const m of text.matchAll(/<\/?[a-z][a-z0-9]*(?:\s[^<>\n]*)?\/?>/gi))
    blank(chars, m.index, m.index + m[0].length);
  // footnote bodies: a line that starts with a footnote mark
  for (const m of text.matchAll(/^[ \t]*<sup>\d{1,3}<\/sup>[^\n]*/gim)) {
    footnotes.push([m.index, m.index + m[0].length]);
  }
  // strong runs
  for (const m of text.matchAll(/\*\*(?=\S)([^\n]*?\S)\*\*|__(?=\S)([^\n]*?\S)__/g)) {
    strong.push([m.index + 2, m.index + m[0].length - 2]);
  }
  for (const m of text.matchAll(/\*\*|__/g)) blank(chars, m.index, m.index + 2);
  // Markdown headings and rules
  for (const m of text.matchAll(/^[ \t]*(#{1,6})[ \t]/gm)) {
    const at = m.index + m[0].indexOf('#');
    blank(chars, at, at + (m[1] as string).length);
  }
  for (const m of text.matchAll(/^[ \t]*([-*_=])(?:[ \t]*\1){2,}[ \t]*$/gm))
    blank(chars, m.index, m.index + m[0].length);
  // escapes: \* \_ \# \- \. \( \)
  for (const m of text.matchAll(/\\([*_#\-.()[\]>+!`])/g)) blank(chars, m.index, m.index + 1);
  // emphasis stars, but not a bullet star at the start of a line
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '*') continue;
    let j = i - 1;
    while (j >= 0 && (chars[j] === ' ' || chars[j] === '\t')) j--;
    const atLineStart = j < 0 || chars[j] === '\n';
    const next = chars[i + 1];
    if (atLineStart && (next === ' ' || next === '\t')) {
      // a lone star on its own line is decoration, not a bullet
      let k = i + 1;
      while (k < chars.length && (chars[k] === ' ' || chars[k] === '\t')) k++;
      if (k < chars.length && chars[k] !== '\n' && chars[k] !== '\r') continue;
    }
    chars[i] = ' ';
  }
  // emphasis underscores at the edge of a word ("_Quy Nhơn, ngày …_"), not inside one (snake_case)
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '_') continue;
    const before = chars[i - 1] ?? ' ';
    const after = chars[i + 1] ?? ' ';
    const word = /[\p{L}\p{N}]/u;
    if (!(word.test(before) && word.test(after))) chars[i] = ' ';
  }
  // backslash line breaks of Markdown
  for (const m of text.matchAll(/\\(?=\r?\n)/g)) blank(chars, m.index, m.index + 1);
  return { clean: chars.join(''), strong, footnotes };
}

const digitGroups = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;

/**
 * Reads a number as Vietnamese documents write it: `3.000` is three
 * thousand, `42,5` is a decimal, `08` is eight. A dot followed by other than
 * three digits is read as a decimal point (`4.5`).
 * @example parseVietnameseNumber('1.500') // 1500
 */
export function parseVietnameseNumber(raw: string): number | null {
  const s = raw.trim();
  if (!s) return null;
  if (digitGroups.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d+,\d+$/.test(s)) return Number(s.replace(',', '.'));
  if (/^\d+\.\d+$/.test(s)) return Number(s);
  if (/^\d+$/.test(s)) return Number(s);
  return null;
}

/** Collapses whitespace of a slice of the clean text into a readable string. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Upper-cases the first letter. */
export function capitalize(text: string): string {
  return text ? text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) : text;
}

/** Trims [start, end) of `text` to the first and last non-space characters. */
export function trimRange(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return [s, e];
}

/** Vietnamese ordinal words used as section numbers: "Một là", "Thứ hai". */
export const ORDINAL_WORDS: Record<string, number> = {
  mot: 1,
  nhat: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
  'muoi mot': 11,
  'muoi hai': 12,
  'muoi ba': 13,
  'muoi bon': 14,
  'muoi lam': 15,
};

const romanValues: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** Value of an upper-case Roman numeral, or null. @example romanToNumber('IV') // 4 */
export function romanToNumber(roman: string): number | null {
  if (!/^[IVXLC]+$/.test(roman)) return null;
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = romanValues[roman[i] as string] as number;
    const next = romanValues[roman[i + 1] as string] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 && total < 200 ? total : null;
}
