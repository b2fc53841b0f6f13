import { isVoiceOnly, maskPhoneNumber, parsePhoneNumber } from '../../src/verification/phone-number';

describe('parsePhoneNumber', () => {
  it.each([
    ['+61 491 570 156', undefined, '+61491570156'],
    ['+61491570156', undefined, '+61491570156'],
    ['0491 570 156', 'AU', '+61491570156'],
    ['(0491) 570-156', 'AU', '+61491570156'],
    ['+44 7911 123 456', 'AU', '+447911123456'],
    ['+1 415 555 2671', undefined, '+14155552671'],
  ] as const)('accepts %s (default country %s) as %s', (input, country, e164) => {
    expect(parsePhoneNumber(input, { defaultCountry: country })).toEqual({
      kind: 'valid',
      number: expect.objectContaining({ e164 }),
    });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'unparseable'],
    ['0491 570 156', 'unparseable'], // national form without a default country
    ['+61 491 570 15', 'invalid'],
    ['+44 7700 900 123', 'invalid'], // Ofcom's drama range: reserved, never assigned
    ['+61 1900 123 456', 'costly'], // premium rate
    ['+61 1800 123 456', 'costly'], // toll free
    ['+61 13 00 00', 'costly'], // shared cost
    ['+1 900 555 0123', 'costly'],
    ['+61 2 9374 4000', 'not_mobile'], // Sydney landline
    [`+61 ${'4'.repeat(60)}`, 'too_long'],
  ] as const)('refuses %j as %s', (input, problem) => {
    expect(parsePhoneNumber(input)).toEqual({ kind: problem });
  });

  // Each is valid by libphonenumber's full metadata (shown by the opt-in test below).
  const globalNetworkNumbers = [
    ['+881 6 101 23456', '+881610123456'], // Iridium (GMSS), mobile
    ['+870 301 234 567', '+870301234567'], // Inmarsat, mobile
    ['+882 34 21234', '+8823421234'], // international networks, mobile
    ['+883 510 012 345', '+883510012345'], // international networks, VoIP
  ] as const;

  it.each(globalNetworkNumbers)('refuses the satellite or international-network number %s by default', (input) => {
    expect(parsePhoneNumber(input)).toEqual({ kind: 'global_network' });
  });

  it.each([
    ['0011 881 6 101 23456', 'AU'], // Australia's international prefix
    ['+881 6 101 2345', undefined], // a digit short: refused for the network, not as a typo
  ] as const)('refuses %j (default country %s) for its network however it is typed', (input, country) => {
    expect(parsePhoneNumber(input, { defaultCountry: country })).toEqual({ kind: 'global_network' });
  });

  it.each(globalNetworkNumbers)('accepts %s as %s when the deployment allows these networks', (input, e164) => {
    expect(parsePhoneNumber(input, { allowGlobalNetworkNumbers: true })).toEqual({
      kind: 'valid',
      number: { e164, country: undefined, voiceOnly: false },
    });
  });

  it.each([
    ['+61 2 9374 4000', '+61293744000', 'AU'], // Sydney landline
    ['+44 20 7946 0018', '+442079460018', 'GB'], // London landline
  ] as const)('accepts the landline %s as %s, for calls only, when voice is enabled', (input, e164, country) => {
    expect(parsePhoneNumber(input, { voiceEnabled: true })).toEqual({
      kind: 'valid',
      number: { e164, country, voiceOnly: true },
    });
    expect(isVoiceOnly(e164)).toBe(true);
  });

  it.each([
    ['+61 491 570 156', '+61491570156'], // AU mobile
    ['+1 415 555 2671', '+14155552671'], // US: FIXED_LINE_OR_MOBILE, which stays an SMS
  ])('keeps %s an SMS number when voice is enabled', (input, e164) => {
    expect(parsePhoneNumber(input, { voiceEnabled: true })).toEqual({
      kind: 'valid',
      number: expect.objectContaining({ e164, voiceOnly: false }),
    });
    expect(isVoiceOnly(e164)).toBe(false);
  });

  it.each(['+61 1900 123 456', '+61 1800 123 456', '+61 13 00 00', '+1 900 555 0123'])(
    'still refuses the costly number %s when voice is enabled',
    (input) => {
      expect(parsePhoneNumber(input, { voiceEnabled: true })).toEqual({ kind: 'costly' });
    },
  );

  it('refuses control characters and JSON instead of stripping them into a number', () => {
    expect(parsePhoneNumber('{"phone":"+61491570156"}').kind).not.toBe('valid');
    expect(parsePhoneNumber('+61491570156\u0000;DROP').kind).not.toBe('valid');
  });
});

describe('maskPhoneNumber', () => {
  it('keeps the country code, the first and the last three digits', () => {
    expect(maskPhoneNumber('+61491570156')).toBe('+61 4•• ••• 156');
    expect(maskPhoneNumber('+14155552671')).toBe('+1 4•• ••• •671');
  });

  it('never returns the full number', () => {
    expect(maskPhoneNumber('+447911123456')).not.toContain('7911123456');
  });
});
