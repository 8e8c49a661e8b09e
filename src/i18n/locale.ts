/** The UI languages: Vietnamese first, English second. */
export const locales = ['vi', 'en'] as const;
/** A UI language. Vietnamese is the default everywhere. */
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'vi';
