import { createHash, timingSafeEqual } from 'node:crypto';

/** API accounts the emulator knows, checked the way a server should: secrets compared in constant time. */
export class Accounts {
  // api key -> SHA-256 of its secret; fixed-length digests make timingSafeEqual applicable.
  private readonly secretDigests = new Map<string, Buffer>();

  add(apiKey: string, apiSecret: string): void {
    if (apiKey === '' || apiKey.includes(':')) throw new Error('an API key must be non-empty and contain no ":"');
    this.secretDigests.set(apiKey, digest(apiSecret));
  }

  /** The API key a `Basic base64(key:secret)` header authenticates, or undefined. */
  authenticate(authorization: string | undefined): string | undefined {
    const credentials = /^Basic ([A-Za-z0-9+/=]+)$/.exec(authorization ?? '')?.[1];
    if (credentials === undefined) return undefined;
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const apiKey = decoded.slice(0, colon);
    const expected = this.secretDigests.get(apiKey);
    // Compare even for an unknown key, so response time does not reveal which keys exist.
    const matches = timingSafeEqual(expected ?? UNKNOWN_KEY, digest(decoded.slice(colon + 1)));
    return expected !== undefined && matches ? apiKey : undefined;
  }
}

const UNKNOWN_KEY = Buffer.alloc(32);

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
