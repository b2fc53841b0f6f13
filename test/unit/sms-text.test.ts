import { verificationSmsText } from '../../src/verification/sms-text';

describe('verificationSmsText', () => {
  it('carries the code once, as its only run of digits', () => {
    const text = verificationSmsText('048213', 'acme', 600);
    expect(text).toBe("Your acme verification code is 048213. It expires in 10 minutes. Don't share it with anyone.");
    expect(text.match(/\d+/g)).toEqual(['048213', '10']);
  });

  it('leaves out a workspace name with digits, so nothing else looks like a code', () => {
    const text = verificationSmsText('1234', 'team4567', 86_400);
    expect(text.match(/\d{4,}/g)).toEqual(['1234']);
    expect(text).toContain('24 hours');
  });
});
