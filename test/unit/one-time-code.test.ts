import { generateCode, isWellFormedCode } from '../../src/verification/one-time-code';

describe('generateCode', () => {
  it.each([4, 6, 8, 10])('makes %i-digit codes', (length) => {
    expect(generateCode(length)).toMatch(new RegExp(`^\\d{${length}}$`));
  });

  it('draws a fresh secret for every code: codes made in the same instant differ', () => {
    const codes = new Set(Array.from({ length: 200 }, () => generateCode(6)));
    // With one shared secret (the original demo's flaw) all 200 would be equal.
    expect(codes.size).toBeGreaterThan(190);
  });
});

describe('isWellFormedCode', () => {
  it('accepts exactly N ASCII digits', () => {
    expect(isWellFormedCode('012345', 6)).toBe(true);
  });

  it.each(['12345', '1234567', ' 123456', '123456\n', '12345a', '١٢٣٤٥٦', '+12345', '12 345', '1e5000'])(
    'refuses %j',
    (input) => {
      expect(isWellFormedCode(input, 6)).toBe(false);
    },
  );
});
