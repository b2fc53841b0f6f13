import type { Duration } from './duration';

/** A counted phrase per plural category, `#` standing for the count: `{ one: '# minute', other: '# minutes' }`. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

/**
 * Counts in `locale`'s own plural rules: French puts 0 and 1 in `one`, Japanese has only `other`.
 * Returns the phrase for a count, a duration in the given unit phrases, and a number and an amount
 * of money and a ratio written the locale's way (`1,234` / `1.234` / `1 234`; `A$0.42` / `0,42 AU$`;
 * `67%` / `67 %`).
 */
export function counting(locale: string, units: Readonly<Record<Duration['unit'], PluralForms>>) {
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const number = (value: number): string => numbers.format(value);
  const plural = (count: number, forms: PluralForms): string =>
    (forms[rules.select(count)] ?? forms.other).replace('#', number(count));
  const duration = ({ unit, count }: Duration): string => plural(count, units[unit]);
  const money = (amount: number, currency: string): string =>
    new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const percent = (ratio: number): string => percents.format(ratio);
  return { plural, duration, number, money, percent };
}
