import { randomBytes } from 'node:crypto';
import speakeasy from 'speakeasy';

/**
 * A fresh code for one verification flow: HOTP (RFC 4226) over a secret drawn from the CSPRNG
 * for this flow alone and then dropped, so no two flows share a secret and nothing is kept.
 */
export function generateCode(length: number): string {
  const secret = randomBytes(20).toString('hex');
  return speakeasy.hotp({ secret, encoding: 'hex', counter: 0, digits: length });
}

/** Only a canonical code is ever considered: exactly `length` ASCII digits, nothing around them. */
export function isWellFormedCode(input: string, length: number): boolean {
  return new RegExp(`^[0-9]{${length}}$`).test(input);
}
