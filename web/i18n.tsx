/**
 * The UI language: Vietnamese by default, English on request. The choice is
 * kept in a cookie so that the API answers errors in the same language.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { ErrorParams } from '../src/domain/errors';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../src/i18n/format';
import { type Locale, parseLocale, t as translate } from '../src/i18n/index';

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: string, params?: ErrorParams): string;
  /** Picks the text of the current language from a vi/en pair. */
  pick(vi: string | null | undefined, en: string | null | undefined): string;
  number(value: number, maxFractionDigits?: number): string;
  percent(value: number, maxFractionDigits?: number): string;
  date(value: string | Date | null | undefined): string;
  dateTime(value: string | Date): string;
}

const I18nContext = createContext<I18n | null>(null);

function rememberLocale(l: Locale): void {
  // the API reads this cookie, so its messages follow the page's language
  document.cookie = `nhipso_lang=${l}; path=/; max-age=31536000; SameSite=Lax`;
  document.documentElement.lang = l;
}

function initialLocale(): Locale {
  const cookie = /(?:^|;\s*)nhipso_lang=(\w+)/.exec(document.cookie)?.[1];
  const locale = parseLocale(cookie ?? 'vi');
  rememberLocale(locale);
  return locale;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((l: Locale) => {
    rememberLocale(l);
    setLocaleState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      pick: (vi, en) => (locale === 'en' ? en || vi || '' : vi || en || ''),
      number: (v, d) => formatNumber(v, locale, d),
      percent: (v, d) => formatPercent(v, locale, d),
      date: (v) => formatDate(v),
      dateTime: (v) => formatDateTime(v),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
