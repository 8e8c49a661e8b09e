/**
 * Vietnamese text helpers shared by search, matching and the document reader.
 */

/**
 * Folds text for matching: lower case, no diacritics, đ → d, spaces collapsed.
 * @example foldVietnamese('Phường Thành Vinh') // "phuong thanh vinh"
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Unicode NFC with collapsed whitespace: how names are stored. */
export function cleanName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
