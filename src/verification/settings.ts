import type { CountryCode } from 'libphonenumber-js/max';

/** The deployment's verification rules, from config; shared by the use cases and the views. */
export interface VerificationSettings {
  readonly codeLength: number;
  readonly codeTtlSeconds: number;
  readonly maxAttempts: number;
  readonly defaultCountry: CountryCode | undefined;
  /** Empty: every country. */
  readonly allowedCountries: readonly CountryCode[];
  readonly allowSharedNumbers: boolean;
  /** Satellite and international-network numbers (+870, +881, +882, +883). */
  readonly allowGlobalNetworkNumbers: boolean;
  readonly resendCooldownSeconds: number;
  /** "Call me instead", and landlines verified by a call. */
  readonly voiceEnabled: boolean;
}
