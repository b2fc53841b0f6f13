import { message } from '../../src/messages/catalog';
import { lifetime } from '../../src/messages/duration';
import { verificationSmsText } from '../../src/verification/sms-text';

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
