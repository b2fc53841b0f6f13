import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { ProfilePhoneMode } from '../config/membership';
import { errorText } from '../shared/error-text';
import type { AuditTrail } from './audit-trail';
import type { Member } from './model';
import type { ProfileTagger, RecordLifecycleStore } from './ports';

/** The verified number as the profile's phone field shows it: `+61 491 570 156`. */
export function internationalForm(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** Whether a profile's phone field holds `e164`, however it is formatted. */
export function holdsNumber(profilePhone: string, e164: string, defaultCountry: CountryCode | undefined): boolean {
  return parsePhoneNumberFromString(profilePhone, defaultCountry)?.number === e164;
}

/**
 * With VERIFY_PROFILE_PHONE=sync, writes a verified number into the member's standard profile phone
 * field, and marks the record as tied to it: from then on, changing that field revokes it.
 */
export class ProfilePhoneSync {
  constructor(
    private readonly mode: ProfilePhoneMode,
    private readonly tagger: ProfileTagger,
    private readonly store: RecordLifecycleStore,
    private readonly audit: AuditTrail,
    private readonly nowSeconds: () => number,
  ) {}

  async afterVerified(verified: Member & { readonly flowId: string; readonly e164: string }): Promise<void> {
    if (this.mode !== 'sync') return;
    const result = await this.tagger.writePhone(verified, internationalForm(verified.e164));
    if (result.kind !== 'set') {
      this.audit.warn(verified, 'writing the profile phone field failed', result.reason);
      return;
    }
    // Untied until the field holds the number, so a failed write never lets a profile edit revoke.
    try {
      await this.store.markPhoneSynced(verified, verified.flowId, this.nowSeconds());
    } catch (error) {
      this.audit.error(verified, 'marking the record tied to the profile phone failed', errorText(error));
    }
  }
}
