/**
 * Reading numbers as people type or paste them in Vietnam: a decimal comma
 * and dots (or spaces) between thousands — "1.234,5" — and, from a
 * spreadsheet in another locale, a decimal point — "1234.5". A trailing "%"
 * is allowed (a rate pasted from Excel).
 *
 * Rules, in order: with a comma, the comma is the decimal mark and dots are
 * thousands; with only dots, dots in groups of three ("1.500", "12.345.678")
 * are thousands (the Vietnamese reading), a single dot otherwise ("12.5") is
 * a decimal point.
 *
 * @example parseDecimal('1.234,5')  // { ok: true, value: 1234.5 }
 * @example parseDecimal('1.500')    // { ok: true, value: 1500 }
 * @example parseDecimal('12.5')     // { ok: true, value: 12.5 }
 * @example parseDecimal('')         // { ok: true, value: null }
 * @example parseDecimal('12,3,4')   // { ok: false, code: 'validation.not_a_number' }
 */

export type ParsedNumber =
  | { ok: true; value: number | null }
  | { ok: false; code: 'validation.not_a_number' };

const THOUSANDS_WITH_DOTS = /^-?\d{1,3}(\.\d{3})+$/;

/** Parses a typed or pasted number; an empty cell is `null`. */
export function parseDecimal(text: string | null | undefined): ParsedNumber {
  if (text === null || text === undefined) return { ok: true, value: null };
  // non-breaking and thin spaces are thousands separators in vi-VN output
  let s = String(text)
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/%$/, '');
  if (s === '') return { ok: true, value: null };
  if (s.startsWith('+')) s = s.slice(1);
  if (s.includes(',')) {
    if ((s.match(/,/g) ?? []).length > 1) return { ok: false, code: 'validation.not_a_number' };
    const [int = '', frac = ''] = s.split(',');
    if (int.includes('.') && !THOUSANDS_WITH_DOTS.test(int))
      return { ok: false, code: 'validation.not_a_number' };
    s = `${int.replace(/\./g, '')}.${frac}`;
  } else if (THOUSANDS_WITH_DOTS.test(s)) {
    s = s.replace(/\./g, '');
  }
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { ok: false, code: 'validation.not_a_number' };
  const value = Number(s);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, code: 'validation.not_a_number' };
}

/**
 * Splits a block pasted from a spreadsheet into cells: rows by newline,
 * columns by tab. A trailing empty line (Excel adds one) is dropped.
 * @example splitPastedCells('12\t5\r\n7\t3\r\n') // [['12', '5'], ['7', '3']]
 */
export function splitPastedCells(text: string): string[][] {
  const rows = text.replace(/\r\n?/g, '\n').split('\n');
  if (rows.length > 1 && rows[rows.length - 1] === '') rows.pop();
  return rows.map((r) => r.split('\t'));
}

/**
 * A number as an input field shows it in Vietnamese: decimal comma, no
 * thousands separator (so that it reads back unambiguously).
 * @example formatForInput(1234.5) // "1234,5"
 */
export function formatForInput(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(value).replace('.', ',');
}
