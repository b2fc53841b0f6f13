import { errorText } from '../shared/error-text';
import type { AuditSubject, AuditTrail } from './audit-trail';
import type { Member, TagJobKind, VerificationRecord, VerifiedBadge } from './model';
import { maskPhoneNumber } from './phone-number';
import type { ProfileTagger, TagJobStore, TagResult, VerificationRecordStore } from './ports';

export interface TagRetryPolicy {
  /** First wait after a transient failure; doubles per try. */
  readonly baseDelaySeconds: number;
  readonly maxDelaySeconds: number;
  /** Tries in all, the first one included, before giving up. */
  readonly maxTries: number;
}

export const DEFAULT_TAG_RETRY: TagRetryPolicy = { baseDelaySeconds: 30, maxDelaySeconds: 3_600, maxTries: 10 };

/** How long a claimed job stays invisible to other processes while one of them runs it. */
const LEASE_SECONDS = 120;
/** The least wait after Slack's own Retry-After, so a `Retry-After: 0` does not spin. */
const RETRY_AFTER_FLOOR_SECONDS = 1;

export interface TaggedFlow extends Member {
  readonly flowId: string;
  readonly e164: string;
}

/**
 * Sets the profile tag right after a verification, or clears it after one ended, and, when Slack
 * fails for a transient reason, keeps the job in the store and retries it with backoff (or when Slack says) until it succeeds or
 * fails for good.
 */
export class ProfileTagging {
  constructor(
    private readonly store: TagJobStore & VerificationRecordStore,
    private readonly tagger: ProfileTagger,
    private readonly audit: AuditTrail,
    private readonly policy: TagRetryPolicy,
    private readonly nowSeconds: () => number,
  ) {}

  async tagVerified(flow: TaggedFlow, badge: VerifiedBadge): Promise<TagResult> {
    const result = await this.tagger.tag(flow, badge);
    if (await this.queueIfTransient('set', flow, result)) return result;
    // Slack has answered: that answer is the member's, even if recording it fails.
    await this.settle(flow, result).catch((error: unknown) =>
      this.audit.error(flow, 'profile tagged, but recording it failed', errorText(error)),
    );
    return result;
  }

  /** Clears the badge of a verification that ended; a transient failure is retried like a tag. */
  async clearBadge(ended: TaggedFlow): Promise<TagResult> {
    const result = await this.tagger.clear(ended);
    if (!(await this.queueIfTransient('clear', ended, result))) await this.settleClear(ended, result);
    return result;
  }

  /** Runs every due retry job once; called periodically by the app, in any number of processes. */
  async retryDue(): Promise<void> {
    for (;;) {
      const job = await this.store.claimTagJob(this.nowSeconds(), LEASE_SECONDS);
      if (!job) return;
      const record = await this.store.findVerification(job);
      // A set job whose verification was superseded (which tags for itself) or ended, or a clear job
      // for a member verified again since: nothing left to do.
      const stale = job.kind === 'set' ? record?.flowId !== job.flowId : record !== undefined;
      if (stale) {
        await this.store.deleteTagJob(job.id);
        continue;
      }
      const result = record ? await this.tagger.tag(job, badgeOf(record)) : await this.tagger.clear(job);
      if (result.kind === 'failed' && result.transient && job.tries < this.policy.maxTries) {
        await this.store.retryTagJobLater(
          job.id,
          this.nowSeconds() + this.delayAfter(job.tries, result),
          result.reason,
        );
        continue;
      }
      if (record) await this.settle({ ...job, e164: record.e164 }, result);
      else await this.settleClear(job, result);
      await this.store.deleteTagJob(job.id);
    }
  }

  /** A transient failure becomes a durable job, retried later; true when it did. */
  private async queueIfTransient(kind: TagJobKind, flow: TaggedFlow, result: TagResult): Promise<boolean> {
    if (result.kind !== 'failed' || !result.transient) return false;
    await this.store.enqueueTagJob(
      { teamId: flow.teamId, userId: flow.userId, kind, flowId: flow.flowId, tries: 1 },
      this.nowSeconds() + this.delayAfter(1, result),
    );
    await this.audit.record('tag_retry_scheduled', flow, result.reason);
    return true;
  }

  private async settleClear(subject: AuditSubject, result: TagResult): Promise<void> {
    if (result.kind === 'set') await this.audit.record('tag_cleared', subject);
    else await this.audit.record('tag_failed', subject, result.reason);
  }

  private async settle(flow: AuditSubject & { readonly flowId: string }, result: TagResult): Promise<void> {
    await this.store.setProfileTag(flow, flow.flowId, result.kind === 'failed' ? 'failed' : result.kind);
    if (result.kind === 'set') await this.audit.record('tag_set', flow);
    else await this.audit.record('tag_failed', flow, result.reason);
  }

  /** Slack's Retry-After when it gave one, else exponential backoff; both within the policy's cap. */
  private delayAfter(tries: number, failure: Extract<TagResult, { kind: 'failed' }>): number {
    const wanted =
      failure.retryAfterSeconds === undefined
        ? this.policy.baseDelaySeconds * 2 ** (tries - 1)
        : Math.max(RETRY_AFTER_FLOOR_SECONDS, failure.retryAfterSeconds);
    return Math.min(this.policy.maxDelaySeconds, wanted);
  }
}

function badgeOf(record: VerificationRecord): VerifiedBadge {
  return { maskedNumber: maskPhoneNumber(record.e164), verifiedAt: record.verifiedAt };
}
