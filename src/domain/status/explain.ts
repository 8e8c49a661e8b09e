/**
 * Number formatting for explanations, in both languages at once. The domain
 * may not import the i18n layer, and an explanation is data that the UI shows
 * in either language, so each step carries both texts.
 */
import type { Text } from './types';

const formatters = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};
const percentFormatters = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

/** A number in a language's format (`1.234,5` in Vietnamese); "—" for null. */
export function formatFigure(value: number | null | undefined, locale: keyof Text): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  // years read better without a thousands separator
  if (Number.isInteger(value) && value >= 1900 && value <= 2200) return String(value);
  return formatters[locale].format(value);
}

/** A 0–1 share as a percentage (`0.5` → `50%`). */
export function formatShare(value: number | null | undefined, locale: keyof Text): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${percentFormatters[locale].format(value * 100)}%`;
}

/** Builds a text pair from one template function run once per language. */
export function bilingual(
  build: (
    f: (n: number | null | undefined) => string,
    locale: keyof Text,
    p: (n: number | null) => string,
  ) => string,
): Text {
  return {
    vi: build(
      (n) => formatFigure(n, 'vi'),
      'vi',
      (n) => formatShare(n, 'vi'),
    ),
    en: build(
      (n) => formatFigure(n, 'en'),
      'en',
      (n) => formatShare(n, 'en'),
    ),
  };
}

/** "percentage points" for percent targets, else the indicator's own units. */
export function changeUnit(unit: string | undefined, locale: keyof Text): string {
  if (unit === 'percent') return locale === 'vi' ? ' điểm phần trăm' : ' percentage points';
  if (unit === 'rank') return locale === 'vi' ? ' bậc' : ' places';
  return '';
}
