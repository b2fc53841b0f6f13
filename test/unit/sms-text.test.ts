import { LOCALES, type Locale, messagesFor } from '../../src/messages/catalog';
import { lifetime } from '../../src/messages/duration';
import { verificationCallText, verificationSmsText } from '../../src/verification/sms-text';
import { type SmsSize, smsSize } from '../support/sms-segments';
import { english } from '../support/texts';

/** The longest a workspace's domain can be, which is what names it in the SMS. */
const LONGEST_DOMAIN = 'a'.repeat(21);

/** The budget stated in the README: one segment, of 160 GSM-7 characters or, for Japanese, 70 UCS-2 ones. */
const ENCODINGS: Record<Locale, SmsSize['encoding']> = {
  en: 'GSM-7',
  es: 'GSM-7',
  fr: 'GSM-7',
  de: 'GSM-7',
  'pt-BR': 'GSM-7',
  ja: 'UCS-2',
};

describe('verificationSmsText', () => {
  it('carries the code once, as its only run of digits', () => {
    const text = verificationSmsText(english, '048213', 'acme', 600);
    expect(text).toBe(english.text('sms.code', { code: '048213', workspace: 'acme', expiresIn: lifetime(600) }));
    expect(text.match(/\d+/g)).toEqual(['048213', '10']);
  });

  it('leaves out a workspace name with digits, so nothing else looks like a code', () => {
    const text = verificationSmsText(english, '1234', 'team4567', 86_400);
    expect(text.match(/\d{4,}/g)).toEqual(['1234']);
    expect(text).toBe(english.text('sms.code', { code: '1234', workspace: undefined, expiresIn: lifetime(86_400) }));
  });

  it.each(LOCALES)('is worded in %s', (locale) => {
    const t = messagesFor(locale);
    expect(verificationSmsText(t, '048213', 'acme', 600)).toBe(
      t.text('sms.code', { code: '048213', workspace: 'acme', expiresIn: lifetime(600) }),
    );
  });

  it.each(LOCALES)('fits one SMS segment in %s, whatever the code, workspace and lifetime', (locale) => {
    const t = messagesFor(locale);
    const encoding = ENCODINGS[locale];
    for (const workspace of [LONGEST_DOMAIN, '']) {
      for (let ttl = 60; ttl <= 86_400; ttl += 60) {
        const size = smsSize(verificationSmsText(t, '01234567', workspace, ttl));
        expect(size).toMatchObject({ encoding, segments: 1 });
      }
    }
  });
});

describe('verificationCallText', () => {
  it('reads the digits one by one, separated by commas, twice', () => {
    const text = verificationCallText(english, '482193', 'Acme', 600);
    expect(text).toBe(
      english.text('voice.code', { digits: [...'482193'], workspace: 'Acme', expiresIn: lifetime(600) }),
    );
    expect(text.match(/(\d, ){5}\d/g)).toEqual(['4, 8, 2, 1, 9, 3', '4, 8, 2, 1, 9, 3']);
  });

  const codes = ['0000', '1234', '048213', '999999', '10203040', '7070707'];
  const lifetimes = [60, 90, 600, 3_540, 3_600, 5_400, 43_200, 86_400];
  const workspaces = ['acme', 'team4567', '', '2024 crew', 'a'.repeat(21)];
  const cases = LOCALES.flatMap((locale) =>
    codes.flatMap((code) => lifetimes.map((ttl) => [locale, code, ttl] as const)),
  );

  it.each(cases)(
    '%s: says the digits of %s in order, twice, before any other digit (lifetime %i s)',
    (locale, code, ttl) => {
      const t = messagesFor(locale);
      for (const workspace of workspaces) {
        const digits = verificationCallText(t, code, workspace, ttl).replace(/\D/g, '');
        expect(digits.startsWith(code + code)).toBe(true);
      }
    },
  );

  it.each(LOCALES)('is worded in %s, each digit on its own, the code twice', (locale) => {
    const t = messagesFor(locale);
    const text = verificationCallText(t, '482193', 'acme', 600);
    expect(text).toBe(t.text('voice.code', { digits: [...'482193'], workspace: 'acme', expiresIn: lifetime(600) }));
    // No two digits run together: TTS reads "4, 8, 2" one by one, never "four hundred and eighty-two".
    expect(text.match(/\d{2,}/g)?.filter((run) => run !== '10') ?? []).toEqual([]);
    expect(text.match(/4\D+8\D+2\D+1\D+9\D+3/g)).toHaveLength(2);
  });

  it.each(LOCALES)('leaves out a workspace name with digits in %s', (locale) => {
    const t = messagesFor(locale);
    const text = verificationCallText(t, '1234', 'team4567', 600);
    expect(text).not.toContain('4567');
    expect(text).toBe(t.text('voice.code', { digits: [...'1234'], workspace: undefined, expiresIn: lifetime(600) }));
  });
});
