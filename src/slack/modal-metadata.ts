import { isLocale, type Locale } from '../messages/locales';

/**
 * A modal's `private_metadata`: `<locale>|<flow reference>`. The locale rides along so that a
 * submission is answered in the member's language without a `users.info` call before its ack.
 * The reference stays opaque and MAC-checked by `FlowReferences`; the locale is only trusted if it
 * is one we have.
 */
export function writeModalMetadata(locale: Locale, flowReference: string): string {
  return `${locale}|${flowReference}`;
}

export interface ModalMetadata {
  /** undefined when absent or not a supported locale (e.g. a modal opened before this format). */
  readonly locale: Locale | undefined;
  readonly reference: string;
}

export function readModalMetadata(raw: string): ModalMetadata {
  const bar = raw.indexOf('|');
  if (bar < 0) return { locale: undefined, reference: raw };
  const locale = raw.slice(0, bar);
  return { locale: isLocale(locale) ? locale : undefined, reference: raw.slice(bar + 1) };
}
