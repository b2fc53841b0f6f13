import type { Duration } from './duration';

/** A counted phrase per plural category, `#` standing for the count: `{ one: '# minute', other: '# minutes' }`. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

/**
 * Counts in `locale`'s own plural rules: French puts 0 and 1 in `one`, Japanese has only `other`.
 * Returns the phrase for a count, and a duration in the given unit phrases.
 */
export function counting(locale: string, units: Readonly<Record<Duration['unit'], PluralForms>>) {
  const rules = new Intl.PluralRules(locale);
  const plural = (count: number, forms: PluralForms): string =>
    (forms[rules.select(count)] ?? forms.other).replace('#', String(count));
  const duration = ({ unit, count }: Duration): string => plural(count, units[unit]);
  return { plural, duration };
}
