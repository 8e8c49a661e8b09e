/**
 * Number and date formats of the UI and generated documents: vi-VN by default
 * (dd/mm/yyyy, decimal comma, dot for thousands), en-GB for English.
 */
import type { Locale } from './locale';

const tag = (locale: Locale) => (locale === 'vi' ? 'vi-VN' : 'en-GB');

/** Formats a number with the locale's separators. @example formatNumber(3000.5, 'vi') // "3.000,5" */
export function formatNumber(value: number, locale: Locale = 'vi', maxFractionDigits = 2): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** Formats a percentage given as 0–100. @example formatPercent(42.5, 'vi') // "42,5%" */
export function formatPercent(value: number, locale: Locale = 'vi', maxFractionDigits = 1): string {
  return `${formatNumber(value, locale, maxFractionDigits)}%`;
}

/**
 * Formats an ISO date (`2025-07-01`) or a Date as dd/mm/yyyy, without any
 * time-zone shift for plain dates.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const iso = typeof value === 'string' ? value : toIsoDate(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Formats a timestamp as dd/mm/yyyy HH:mm in Vietnam's time (UTC+7). */
export function formatDateTime(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

function toIsoDate(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}
