import { randomBytes } from 'node:crypto';
import speakeasy from 'speakeasy';
import { generateCode, isWellFormedCode } from '../../src/verification/one-time-code';

// Pearson's chi-square test of the leading digit against an even spread over 0–9 (9 degrees of
// freedom); 39.34 is the critical value at p = 10⁻⁵. HOTP's 31-bit truncation leaves 8-digit codes
// below 47483648 22:21 likelier than the rest, which a large sample detects: with 5,000 codes the
// test fails falsely with probability about 2 × 10⁻⁴ (with 20,000 codes and p = 0.001, 27.88: 13%).
const SAMPLE = 5_000;
const CRITICAL_VALUE = 39.34;

function leadingDigitChiSquare(codes: readonly string[]): number {
  const expected = codes.length / 10;
  return Array.from({ length: 10 }, (_, digit) => codes.filter((code) => code.startsWith(`${digit}`)).length).reduce(
    (sum, observed) => sum + (observed - expected) ** 2 / expected,
    0,
  );
}

/** What `speakeasy` makes when asked directly, past the app's limit. */
function rawHotpCodes(digits: number): string[] {
  return Array.from({ length: SAMPLE }, () =>
    speakeasy.hotp({ secret: randomBytes(20).toString('hex'), encoding: 'hex', counter: 0, digits }),
  );
}

describe('generateCode', () => {
  it.each([4, 6, 8])('makes %i-digit codes', (length) => {
    expect(generateCode(length)).toMatch(new RegExp(`^\\d{${length}}$`));
  });

  it.each([3, 9, 10, 6.5])('refuses a code length of %p', (length) => {
    expect(() => generateCode(length)).toThrow(new RangeError('code length must be a whole number from 4 to 8'));
  });

  it('draws a fresh secret for every code: codes made in the same instant differ', () => {
    const codes = new Set(Array.from({ length: 200 }, () => generateCode(6)));
    // With one shared secret (the original demo's flaw) all 200 would be equal.
    expect(codes.size).toBeGreaterThan(190);
  });

  it('spreads the leading digit of 8-digit codes evenly over 0–9', () => {
    const codes = Array.from({ length: SAMPLE }, () => generateCode(8));
    expect(leadingDigitChiSquare(codes)).toBeLessThan(CRITICAL_VALUE);
  });
});

describe('why codes stop at 8 digits', () => {
  it('10-digit HOTP codes only ever start with 0, 1 or 2 (they never exceed 2147483647)', () => {
    const leadingDigits = new Set(rawHotpCodes(10).map((code) => code[0]));
    expect([...leadingDigits].sort()).toEqual(['0', '1', '2']);
  });

  // The check misses the 9-digit bias (codes below 147483648 are 3:2 likelier) with probability ~10⁻⁶.
  it.each([9, 10])('the same chi-square check catches the bias of %i-digit HOTP codes', (digits) => {
    expect(leadingDigitChiSquare(rawHotpCodes(digits))).toBeGreaterThan(CRITICAL_VALUE);
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
