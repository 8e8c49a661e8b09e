/**
 * Official administrative-unit codes (mã đơn vị hành chính) and the
 * sub-kinds that names carry (Tỉnh / Thành phố, Quận / Huyện / Thị xã,
 * Xã / Phường / Thị trấn / Đặc khu).
 */
import { foldVietnamese } from '../text';
import type { AdministrativeKind } from './unit';

/** The width of an official code per kind: 2 digits for a province, 3 for a district, 5 for a commune. */
export const codeWidth: Record<AdministrativeKind, number> = { province: 2, district: 3, commune: 5 };

/**
 * True when `code` has the official shape for the kind.
 * @example isOfficialCode('province', '40') // true
 */
export function isOfficialCode(kind: AdministrativeKind, code: string): boolean {
  return new RegExp(`^\\d{${codeWidth[kind]}}$`).test(code);
}

/** The kind an official code's width denotes (2 → province, 3 → district, 5 → commune). */
export function kindOfCode(code: string): AdministrativeKind | null {
  if (!/^\d+$/.test(code)) return null;
  if (code.length === 2) return 'province';
  if (code.length === 3) return 'district';
  if (code.length === 5) return 'commune';
  return null;
}

/** Sub-kinds of each administrative kind, as stored (lower case, with diacritics). */
export const subkinds = {
  province: ['tỉnh', 'thành phố'],
  district: ['quận', 'huyện', 'thị xã', 'thành phố'],
  commune: ['xã', 'phường', 'thị trấn', 'đặc khu'],
} as const satisfies Record<AdministrativeKind, readonly string[]>;

/** A sub-kind of some administrative kind. */
export type Subkind = (typeof subkinds)[AdministrativeKind][number];

/**
 * The sub-kind named by a level word (the "Cấp" column: "Xã", "Phường",
 * "Thị trấn", "Đặc khu"), case and diacritics ignored; null when unknown.
 */
export function parseSubkind(kind: AdministrativeKind, word: string): Subkind | null {
  const folded = foldVietnamese(word);
  const hit = (subkinds[kind] as readonly string[]).find((s) => foldVietnamese(s) === folded);
  return (hit as Subkind | undefined) ?? null;
}

/**
 * The sub-kind a unit name starts with ("Thị Trấn Mường Chà" → "thị trấn"),
 * case and diacritics ignored; null when the name has no known prefix.
 */
export function subkindFromName(kind: AdministrativeKind, name: string): Subkind | null {
  const folded = foldVietnamese(name);
  // longest first, so that "thành phố" wins over a shorter word
  const candidates = [...subkinds[kind]].sort((a, b) => b.length - a.length);
  for (const s of candidates) {
    const f = foldVietnamese(s);
    if (folded === f || folded.startsWith(`${f} `)) return s;
  }
  return null;
}

/**
 * A name without its sub-kind word: "Tỉnh Nghệ An" → "Nghệ An",
 * "Thành phố Đà Nẵng" → "Đà Nẵng". Names without a known prefix are returned as they are.
 */
export function baseName(kind: AdministrativeKind, name: string): string {
  const s = subkindFromName(kind, name);
  if (!s) return name;
  const words = s.split(' ').length;
  const rest = name.split(/\s+/).slice(words).join(' ');
  return rest || name;
}
