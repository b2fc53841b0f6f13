import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { VerificationRecord } from '../verification/model';
import type { StepOutputs } from './ports';

/** The steps' outputs for a member's current verification, or for none. */
export function stepOutputs(record: VerificationRecord | undefined): StepOutputs {
  if (!record) return { verified: false };
  const country = parsePhoneNumberFromString(record.e164)?.country;
  return { verified: true, verifiedAt: record.verifiedAt, ...(country && { country }) };
}
