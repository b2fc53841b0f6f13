/** The locales with a catalog; the first is the default, and the fallback for anything unsupported. */
export const LOCALES = ['en', 'es', 'fr', 'de', 'pt-BR', 'ja'] as const;

export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(tag: string): tag is Locale {
  return (LOCALES as readonly string[]).includes(tag);
}

/**
 * The catalog for a Slack locale (`es-MX`, `pt_BR`, `ko-KR`…): the exact tag if we have it, else its
 * language alone (`es-MX` → `es`), else English. `pt-PT` also reads `en`: only Brazilian Portuguese is
 * written, and its spelling and forms of address differ from Portugal's.
 */
export function resolveLocale(tag: string | undefined): Locale {
  const [language = '', region] = (tag ?? '').replace('_', '-').split('-');
  const exact = region ? `${language.toLowerCase()}-${region.toUpperCase()}` : language.toLowerCase();
  if (isLocale(exact)) return exact;
  const base = language.toLowerCase();
  return isLocale(base) ? base : DEFAULT_LOCALE;
}
