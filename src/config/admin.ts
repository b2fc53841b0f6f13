import type { EnvReader } from './env-reader';

/** A unit price as configured, e.g. `0.06 AUD`. */
export interface Price {
  readonly amount: number;
  readonly currency: string;
}

/** The admin console's settings. */
export interface AdminSettings {
  /** Members treated as admins besides the workspace's Admins and Owners. */
  readonly adminUsers: readonly string[];
  readonly smsPrice: Price | undefined;
  readonly callPrice: Price | undefined;
  /** Exports carry full E.164 numbers instead of masked ones. */
  readonly exportFullNumbers: boolean;
  /** The pause between two "please verify" DMs, to stay within Slack's `chat.postMessage` limits. */
  readonly requestIntervalMs: number;
}

export function adminSettings(reader: EnvReader): AdminSettings {
  return {
    adminUsers: (reader.optional('SLACK_ADMIN_USERS') ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    smsPrice: price(reader, 'VERIFY_SMS_PRICE'),
    callPrice: price(reader, 'VERIFY_CALL_PRICE'),
    exportFullNumbers: reader.boolean('VERIFY_EXPORT_FULL_NUMBERS', false),
    requestIntervalMs: reader.integer('VERIFY_REQUEST_INTERVAL_MS', { default: 1_100, min: 10, max: 60_000 }),
  };
}

function price(reader: EnvReader, name: string): Price | undefined {
  const raw = reader.optional(name);
  if (raw === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s+([A-Z]{3})$/.exec(raw);
  if (!match) {
    reader.problems.push(`${name} must be an amount and an ISO currency code such as 0.06 AUD (got "${raw}")`);
    return undefined;
  }
  return { amount: Number(match[1]), currency: match[2] as string };
}
