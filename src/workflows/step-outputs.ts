import type { VerificationRecord } from '../verification/model';
import { countryOf } from '../verification/phone-number';
import type { StepOutputs } from './ports';

/** The steps' outputs for a member's current verification, or for none. */
export function stepOutputs(record: VerificationRecord | undefined): StepOutputs {
  if (!record) return { verified: false };
  const country = countryOf(record.e164);
  return { verified: true, verifiedAt: record.verifiedAt, ...(country && { country }) };
}
