/**
 * Messages in Vietnamese (first) and English, keyed by the same dotted codes
 * that errors use. Each area of the product keeps its own pair of JSON files
 * (`vi/units.json` + `en/units.json`) so that areas can grow independently;
 * `npm run i18n:check` verifies that both languages have the same keys.
 */
import type { ErrorParams } from '../domain/errors';
import enAuth from './en/auth.json';
import enCommon from './en/common.json';
import enDashboard from './en/dashboard.json';
import enDocuments from './en/documents.json';
import enErrors from './en/errors.json';
import enExchange from './en/exchange.json';
import enIndicators from './en/indicators.json';
import enMethods from './en/methods.json';
import enReporting from './en/reporting.json';
import enUnits from './en/units.json';
import { formatNumber } from './format';
import { defaultLocale, type Locale } from './locale';
import viAuth from './vi/auth.json';
import viCommon from './vi/common.json';
import viDashboard from './vi/dashboard.json';
import viDocuments from './vi/documents.json';
import viErrors from './vi/errors.json';
import viExchange from './vi/exchange.json';
import viIndicators from './vi/indicators.json';
import viMethods from './vi/methods.json';
import viReporting from './vi/reporting.json';
import viUnits from './vi/units.json';

export { defaultLocale, type Locale, locales } from './locale';

export const messages: Record<Locale, Record<string, string>> = {
  vi: {
    ...viCommon,
    ...viErrors,
    ...viUnits,
    ...viIndicators,
    ...viDocuments,
    ...viAuth,
    ...viMethods,
    ...viReporting,
    ...viExchange,
    ...viDashboard,
  },
  en: {
    ...enCommon,
    ...enErrors,
    ...enUnits,
    ...enIndicators,
    ...enDocuments,
    ...enAuth,
    ...enMethods,
    ...enReporting,
    ...enExchange,
    ...enDashboard,
  },
};

/** Picks a supported locale from a header/query value; Vietnamese when unknown. */
export function parseLocale(value: string | null | undefined): Locale {
  if (!value) return defaultLocale;
  const first = value.toLowerCase().split(/[,;]/)[0]?.trim() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

/** True when a message exists for this key. */
export function hasMessage(key: string, locale: Locale = defaultLocale): boolean {
  return key in messages[locale];
}

/**
 * Translates a key, interpolating `{name}` placeholders. Unknown keys fall back
 * to the other language, then to the key itself, so a missing message never
 * hides an error.
 * @example t('vi', 'unit.not_found', { id: 40 }) // "Không tìm thấy đơn vị 40"
 */
export function t(locale: Locale, key: string, params: ErrorParams = {}): string {
  const template = messages[locale][key] ?? messages[locale === 'vi' ? 'en' : 'vi'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined || v === null) return whole;
    if (typeof v === 'number' && Number.isFinite(v) && !identifierParam.test(name))
      return formatNumber(v, locale, 4);
    return String(v);
  });
}

/**
 * Placeholders whose numbers are identifiers, not quantities: printed as they
 * are (year 2025, row 12, unit 40), never as "2.025". Every other number in a
 * message is a quantity and is printed in the reader's format (42,5; 1.500).
 */
const identifierParam =
  /^(id|\w*Id|year|years|\w*Year|code|row|\w*Row|line|column|seq|version|page|digits|sheet|rank|from|to|period|first|index)$/;
