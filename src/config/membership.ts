import type { EnvReader } from './env-reader';

const PROFILE_PHONE_MODES = ['off', 'sync'] as const;
export type ProfilePhoneMode = (typeof PROFILE_PHONE_MODES)[number];

/** How long verifications and the data around them live, and whether the profile's phone is tied in. */
export interface MembershipSettings {
  /** `sync`: the verified number is written into the profile's phone field, and changing it revokes. */
  readonly profilePhone: ProfilePhoneMode;
  /** 0: verifications never expire. */
  readonly validDays: number;
  readonly retentionDays: number;
  readonly auditRetentionDays: number;
}

export function membershipSettings(reader: EnvReader): MembershipSettings {
  return {
    profilePhone: reader.oneOf('VERIFY_PROFILE_PHONE', PROFILE_PHONE_MODES, 'off'),
    validDays: reader.integer('VERIFY_VALID_DAYS', { default: 0, min: 0, max: 36_500 }),
    retentionDays: reader.integer('VERIFY_RETENTION_DAYS', { default: 30, min: 1, max: 36_500 }),
    // The database refuses to delete audit rows younger than a day, whatever is configured.
    auditRetentionDays: reader.integer('VERIFY_AUDIT_RETENTION_DAYS', { default: 400, min: 1, max: 36_500 }),
  };
}
