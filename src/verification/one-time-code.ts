import { randomBytes } from 'node:crypto';
import speakeasy from 'speakeasy';

// HOTP truncates to a 31-bit integer and takes it modulo 10^length (RFC 4226 §5.3). Past 8 digits that
// is far from uniform: 10-digit codes never exceed 2147483647, 9-digit codes below 147483648 are 3:2
// likelier. At 8 digits codes below 47483648 are 22:21 likelier: negligible, and what RFC 4226 allows.
export const MIN_CODE_LENGTH = 4;
export const MAX_CODE_LENGTH = 8;

/**
 * A fresh code for one verification flow: HOTP (RFC 4226) over a secret drawn from the CSPRNG
 * for this flow alone and then dropped, so no two flows share a secret and nothing is kept.
 */
export function generateCode(length: number): string {
  if (!Number.isInteger(length) || length < MIN_CODE_LENGTH || length > MAX_CODE_LENGTH) {
    throw new RangeError(`code length must be a whole number from ${MIN_CODE_LENGTH} to ${MAX_CODE_LENGTH}`);
  }
  const secret = randomBytes(20).toString('hex');
  return speakeasy.hotp({ secret, encoding: 'hex', counter: 0, digits: length });
}

/** Only a canonical code is ever considered: exactly `length` ASCII digits, nothing around them. */
export function isWellFormedCode(input: string, length: number): boolean {
  return new RegExp(`^[0-9]{${length}}$`).test(input);
}
