import { errorText } from '../shared/error-text';
import type { AuditTrail } from './audit-trail';
import { subjectOf } from './flow-rules';
import type { Flow, ProfileTagState, VerificationRecord, VerifiedBadge } from './model';
import { maskPhoneNumber } from './phone-number';
import type { FlowStore, TagResult, VerifiedObserver } from './ports';
import type { ProfilePhoneSync } from './profile-phone';
import type { ProfileTagging } from './profile-tagging';

export type VerifiedOutcome = {
  readonly kind: 'verified';
  readonly record: VerificationRecord;
  readonly maskedNumber: string;
  readonly tag: TagResult;
};

export type RecordOutcome = VerifiedOutcome | { readonly kind: 'duplicate' | 'locked' | 'number_taken' | 'expired' };

export interface RecordVerificationDependencies {
  readonly store: FlowStore;
  readonly tagging: ProfileTagging;
  readonly phoneSync: ProfilePhoneSync;
  readonly audit: AuditTrail;
  readonly allowSharedNumbers: boolean;
  readonly nowSeconds: () => number;
  readonly observer?: VerifiedObserver;
}

/** A code matched: the flow becomes verified, the member's record is replaced, and the profile is tagged. */
export class RecordVerification {
  constructor(private readonly deps: RecordVerificationDependencies) {}

  async complete(flow: Flow): Promise<RecordOutcome> {
    const { store, audit, allowSharedNumbers } = this.deps;
    const record: VerificationRecord = {
      teamId: flow.teamId,
      userId: flow.userId,
      e164: flow.e164,
      flowId: flow.id,
      verifiedAt: this.deps.nowSeconds(),
      profileTag: 'pending',
    };
    // Two correct submissions racing: only the one that flips the flow counts; the other stays silent.
    // Only the code of the flow's current message counts: a Resend meanwhile voided this one.
    const completed = await store.completeFlow(flow.id, record, allowSharedNumbers, flow.messageId ?? undefined);
    if (completed === 'not_pending') {
      const now = await store.findFlow(flow.id);
      if (now?.status === 'verified') return { kind: 'duplicate' };
      return { kind: now?.status === 'pending' && now.messageId !== flow.messageId ? 'expired' : 'locked' };
    }
    if (completed === 'number_taken') {
      await store.lock(flow.id);
      await audit.record('refused_shared_number', subjectOf(flow));
      return { kind: 'number_taken' };
    }
    const maskedNumber = maskPhoneNumber(flow.e164);
    const tag = await this.tag(flow, { maskedNumber, verifiedAt: record.verifiedAt });
    await this.deps.observer
      ?.verified(record)
      .catch((error) => audit.error(subjectOf(flow), 'verified, but telling the observer failed', errorText(error)));
    return { kind: 'verified', record: { ...record, profileTag: tagStateAfter(tag) }, maskedNumber, tag };
  }

  /**
   * The verification is recorded whatever happens here. Each step stands alone: a failed audit write
   * must not cost the badge, nor a failed badge the profile phone.
   */
  private async tag(flow: Flow, badge: VerifiedBadge): Promise<TagResult> {
    const { audit, tagging, phoneSync } = this.deps;
    const subject = subjectOf(flow);
    await this.attempt(flow, 'auditing it', () => audit.record('verified', subject));
    const tagged = await this.attempt(flow, 'tagging the profile', () => tagging.tagVerified(subject, badge));
    await this.attempt(flow, 'syncing the profile phone', () => phoneSync.afterVerified(subject));
    return tagged ?? { kind: 'failed', reason: 'internal_error', transient: false };
  }

  private async attempt<T>(flow: Flow, what: string, step: () => Promise<T>): Promise<T | undefined> {
    try {
      return await step();
    } catch (error) {
      this.deps.audit.error(subjectOf(flow), `verified, but ${what} failed`, errorText(error));
      return undefined;
    }
  }
}

function tagStateAfter(tag: TagResult): ProfileTagState {
  if (tag.kind === 'failed') return tag.transient ? 'pending' : 'failed';
  return tag.kind;
}
