import { createHmac, timingSafeEqual } from 'node:crypto';

export function hmacSha256(key: Buffer, parts: readonly string[]): Buffer {
  // JSON framing keeps the fields unambiguous: ("ab","c") and ("a","bc") never collide.
  return createHmac('sha256', key).update(JSON.stringify(parts)).digest();
}

/** Compares without leaking, through timing, how much of `actual` matched. */
export function equalInConstantTime(expected: Buffer, actual: Buffer): boolean {
  if (actual.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(expected, actual);
}
