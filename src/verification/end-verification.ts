import type { CountryCode } from 'libphonenumber-js/max';
import type { AuditTrail } from './audit-trail';
import type { Member, VerificationRecord } from './model';
import type { MemberNotifier, RecordLifecycleStore, VerifyAgainReason } from './ports';
import { holdsNumber } from './profile-phone';
import type { ProfileTagging } from './profile-tagging';

export interface EndVerificationDependencies {
  readonly store: RecordLifecycleStore;
  readonly tagging: ProfileTagging;
  readonly notifier: MemberNotifier;
  readonly audit: AuditTrail;
  readonly defaultCountry: CountryCode | undefined;
  /** VERIFY_PROFILE_PHONE=sync: a record the app wrote into the profile's phone field is tied to it. */
  readonly tiedToProfilePhone: boolean;
  readonly nowSeconds: () => number;
}

const REVOKE_REASON = {
  phoneChanged: 'profile phone changed',
  deactivated: 'member deactivated',
  byAdmin: 'revoked by an admin',
} as const;

/**
 * Ends verifications: the member removed theirs, Slack told us of a profile change or a
 * deactivation, or it grew too old. Whoever flipped the record (one caller among replicas and
 * Slack's retries) clears the badge and tells the member.
 */
export class EndVerification {
  constructor(private readonly deps: EndVerificationDependencies) {}

  /** `/verify-phone remove`, confirmed: the record goes; false when there was none. */
  async remove(member: Member): Promise<boolean> {
    const record = await this.deps.store.deleteVerification(member);
    if (!record) return false;
    await this.deps.audit.record('verification_removed', subject(record));
    await this.deps.tagging.clearBadge(subject(record));
    return true;
  }

  /** A `user_change`: revoke a record tied to the profile phone when the field no longer holds its number. */
  async profileChanged(member: Member, profilePhone: string): Promise<void> {
    if (!this.deps.tiedToProfilePhone) return;
    const synced = await this.deps.store.findSyncedNumber(member);
    if (!synced || holdsNumber(profilePhone, synced, this.deps.defaultCountry)) return;
    const record = await this.deps.store.endVerification(member, 'revoked', this.deps.nowSeconds());
    if (record) await this.ended(record, 'revoked', REVOKE_REASON.phoneChanged);
  }

  /** An admin revoked the member's verification from the console; false when there was none. */
  async revokeByAdmin(member: Member, adminId: string): Promise<boolean> {
    const record = await this.deps.store.endVerification(member, 'revoked', this.deps.nowSeconds());
    if (record) await this.ended(record, 'revoked_by_admin', `${REVOKE_REASON.byAdmin} (${adminId})`);
    return record !== undefined;
  }

  /** A `user_change` with `deleted: true`: the verification and every unfinished flow go; no message. */
  async deactivated(member: Member): Promise<void> {
    const { store, audit, tagging } = this.deps;
    await store.deleteUnfinishedFlows(member);
    await audit.record('member_deactivated', member);
    const record = await store.endVerification(member, 'revoked', this.deps.nowSeconds());
    if (!record) return;
    await audit.record('verification_revoked', subject(record), REVOKE_REASON.deactivated);
    await tagging.clearBadge(subject(record));
  }

  /** Expires verifications made before `verifiedBefore`, a batch at a time; how many this call expired. */
  async expireBefore(verifiedBefore: number, batch: number): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await this.deps.store.expireVerifications(verifiedBefore, this.deps.nowSeconds(), batch);
      for (const record of expired) await this.ended(record, 'expired');
      total += expired.length;
      if (expired.length < batch) return total;
    }
  }

  private async ended(record: VerificationRecord, how: VerifyAgainReason, reason?: string): Promise<void> {
    const { audit, tagging, notifier } = this.deps;
    await audit.record(how === 'expired' ? 'verification_expired' : 'verification_revoked', subject(record), reason);
    await tagging.clearBadge(subject(record));
    await notifier.askToVerifyAgain(record, how);
  }
}

function subject(record: VerificationRecord) {
  return { teamId: record.teamId, userId: record.userId, flowId: record.flowId, e164: record.e164 };
}
