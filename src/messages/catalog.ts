import { de } from './de';
import { en } from './en';
import type { Catalog, MessageId, MessageParams, NoParams } from './entries';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';
import { LOCALES, type Locale, resolveLocale } from './locales';
import { ptBR } from './pt-BR';

export type { Catalog, MessageId, MessageParams, PlainMessageId } from './entries';
export { LOCALES, type Locale } from './locales';

type Args<K extends MessageId> = [MessageParams[K]] extends [NoParams] ? [] : [params: MessageParams[K]];

/** The words of one locale; the only way the app gets member-facing text. */
export interface Messages {
  readonly locale: Locale;
  text<K extends MessageId>(id: K, ...args: Args<K>): string;
}

const CATALOGS: Record<Locale, Catalog> = { en, es, fr, de, 'pt-BR': ptBR, ja };

function messagesOf(locale: Locale): Messages {
  const catalog = CATALOGS[locale];
  return {
    locale,
    text<K extends MessageId>(id: K, ...[params]: Args<K>): string {
      const entry: string | ((params: MessageParams[K]) => string) = catalog[id];
      return typeof entry === 'string' ? entry : entry(params as MessageParams[K]);
    },
  };
}

const MESSAGES = Object.fromEntries(LOCALES.map((locale) => [locale, messagesOf(locale)])) as Record<Locale, Messages>;

/** The words for a Slack locale such as `es-MX`, falling back as `resolveLocale` says. */
export function messagesFor(tag: string | undefined): Messages {
  return MESSAGES[resolveLocale(tag)];
}
