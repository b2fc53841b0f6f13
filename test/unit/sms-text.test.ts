import { message } from '../../src/messages/catalog';
import { lifetime } from '../../src/messages/duration';
import { verificationCallText, verificationSmsText } from '../../src/verification/sms-text';

describe('verificationSmsText', () => {
  it('carries the code once, as its only run of digits', () => {
    const text = verificationSmsText('048213', 'acme', 600);
    expect(text).toBe(message('sms.code', { code: '048213', workspace: 'acme', expiresIn: lifetime(600) }));
    expect(text.match(/\d+/g)).toEqual(['048213', '10']);
  });

  it('leaves out a workspace name with digits, so nothing else looks like a code', () => {
    const text = verificationSmsText('1234', 'team4567', 86_400);
    expect(text.match(/\d{4,}/g)).toEqual(['1234']);
    expect(text).toBe(message('sms.code', { code: '1234', workspace: undefined, expiresIn: lifetime(86_400) }));
  });
});

describe('verificationCallText', () => {
  it('reads the digits one by one, separated by commas, twice', () => {
    const text = verificationCallText('482193', 'Acme', 600);
    expect(text).toBe(message('voice.code', { digits: [...'482193'], workspace: 'Acme', expiresIn: lifetime(600) }));
    expect(text.match(/(\d, ){5}\d/g)).toEqual(['4, 8, 2, 1, 9, 3', '4, 8, 2, 1, 9, 3']);
  });

  const codes = ['0000', '1234', '048213', '999999', '10203040', '7070707'];
  const lifetimes = [60, 90, 600, 3_540, 3_600, 5_400, 43_200, 86_400];
  const cases = codes.flatMap((code) => lifetimes.map((ttl) => [code, ttl] as const));

  it.each(cases)('says the digits of %s in order, twice, before any other digit (lifetime %i s)', (code, ttl) => {
    for (const workspace of ['acme', 'team4567', '', '2024 crew']) {
      const digits = verificationCallText(code, workspace, ttl).replace(/\D/g, '');
      expect(digits.startsWith(code + code)).toBe(true);
    }
  });

  it('leaves out a workspace name with digits', () => {
    const text = verificationCallText('1234', 'team4567', 600);
    expect(text).not.toContain('4567');
    expect(text).toBe(message('voice.code', { digits: [...'1234'], workspace: undefined, expiresIn: lifetime(600) }));
  });
});
