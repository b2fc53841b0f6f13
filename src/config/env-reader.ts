import type { CountryCode } from 'libphonenumber-js/max';
import { isSupportedCountry } from 'libphonenumber-js/max';

export type Env = Readonly<Record<string, string | undefined>>;

/** Collects problems instead of stopping at the first, so one start-up reports all of them. */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  optional(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) this.problems.push(`${name} is required`);
    return value ?? '';
  }

  token(name: string, prefix: string, required: boolean): string | undefined {
    const value = required ? this.required(name) : this.optional(name);
    if (value && !value.startsWith(prefix)) this.problems.push(`${name} must be a Slack token starting with ${prefix}`);
    return value;
  }

  /** `why`, when given, explains the range in the problem. */
  integer(name: string, rule: { default: number; min: number; max: number; why?: string }): number {
    const raw = this.optional(name);
    if (raw === undefined) return rule.default;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < rule.min || value > rule.max) {
      const why = rule.why ? `: ${rule.why}` : '';
      this.problems.push(`${name} must be a whole number from ${rule.min} to ${rule.max} (got "${raw}")${why}`);
      return rule.default;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return fallback;
  }

  url(name: string, fallback: string): string {
    const raw = this.optional(name) ?? fallback;
    try {
      const url = new URL(raw);
      if (url.protocol === 'http:' || url.protocol === 'https:') return raw;
    } catch {
      // reported below
    }
    this.problems.push(`${name} must be an http(s) URL${shownUrl(raw)}`);
    return fallback;
  }

  databaseUrl(name: string, fallback: string): string {
    const raw = this.optional(name) ?? fallback;
    if (/^sqlite:.+/.test(raw)) return raw;
    if (/^postgres(ql)?:\/\//.test(raw)) {
      try {
        const url = new URL(raw);
        // A host, or a host=/socket/dir parameter as libpq allows.
        if (url.hostname !== '' || url.searchParams.has('host')) return raw;
      } catch {
        // reported below
      }
    }
    // Never echoes the value: a PostgreSQL URL may carry a password.
    this.problems.push(`${name} must look like sqlite:<path>, sqlite::memory: or postgres://user@host:port/database`);
    return fallback;
  }

  secret(name: string, minBytes: number): Buffer {
    const raw = this.optional(name);
    if (raw === undefined) {
      this.problems.push(`${name} is required (at least ${minBytes} bytes; e.g. openssl rand -base64 48)`);
      return Buffer.alloc(0);
    }
    const bytes = Buffer.from(raw, 'utf8');
    if (bytes.length < minBytes) this.problems.push(`${name} must be at least ${minBytes} bytes long`);
    return bytes;
  }

  country(name: string): CountryCode | undefined {
    const raw = this.optional(name)?.toUpperCase();
    if (raw === undefined) return undefined;
    if (isSupportedCountry(raw)) return raw;
    this.problems.push(`${name} must be a two-letter ISO country code such as AU (got "${raw}")`);
    return undefined;
  }

  countries(name: string): CountryCode[] {
    const codes = (this.optional(name) ?? '')
      .split(',')
      .map((code) => code.trim().toUpperCase())
      .filter(Boolean);
    // Called with one argument only: isSupportedCountry's second parameter is a metadata object.
    const unknown = codes.filter((code) => !isSupportedCountry(code));
    if (unknown.length > 0) {
      this.problems.push(
        `${name} must be a comma-separated list of ISO country codes such as AU,NZ (unknown: ${unknown.join(', ')})`,
      );
    }
    return codes.filter((code): code is CountryCode => isSupportedCountry(code));
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optional(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }
}

/** A URL's scheme and host only, for an error: the rest can carry credentials (https://key:secret@host). */
function shownUrl(raw: string): string {
  try {
    const { protocol, host } = new URL(raw);
    return ` (got "${protocol}//${host}")`;
  } catch {
    return '';
  }
}
