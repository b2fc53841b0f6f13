import type { AuditTrail } from './audit-trail';
import type { Member } from './flow-reference';
import type { ProfileTagger, TagLabel, TagResult, VerificationStore } from './ports';

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

export interface TaggedFlow extends Member {
  readonly flowId: string;
  readonly e164: string;
}

/**
 * Sets the profile tag right after a verification and, when Slack fails for a transient reason,
 * keeps the job in the store and retries it with backoff until it succeeds or fails for good.
 */
export class ProfileTagging {
  constructor(
    private readonly store: VerificationStore,
    private readonly tagger: ProfileTagger,
    private readonly audit: AuditTrail,
    private readonly policy: TagRetryPolicy,
    private readonly nowSeconds: () => number,
  ) {}

  async tagVerified(flow: TaggedFlow, label: TagLabel): Promise<TagResult> {
    const result = await this.tagger.tag(flow, label);
    if (result.ok || result.state === 'not_configured' || !result.transient) {
      await this.settle(flow, result);
      return result;
    }
    await this.store.enqueueTagJob(
      { teamId: flow.teamId, userId: flow.userId, flowId: flow.flowId, label, tries: 1 },
      this.nowSeconds() + this.delayAfter(1),
    );
    await this.audit.record('tag_retry_scheduled', flow, result.reason);
    return result;
  }

  /** Runs every due retry job once; called periodically by the app, in any number of processes. */
  async retryDue(): Promise<void> {
    for (;;) {
      const job = await this.store.claimTagJob(this.nowSeconds(), LEASE_SECONDS);
      if (!job) return;
      const flow = { teamId: job.teamId, userId: job.userId, flowId: job.flowId };
      const result = await this.tagger.tag(flow, job.label);
      if (!result.ok && result.state === 'failed' && result.transient && job.tries < this.policy.maxTries) {
        await this.store.retryTagJobLater(job.id, this.nowSeconds() + this.delayAfter(job.tries), result.reason);
        continue;
      }
      await this.settle(flow, result);
      await this.store.deleteTagJob(job.id);
    }
  }

  private async settle(flow: Member & { flowId: string; e164?: string }, result: TagResult): Promise<void> {
    await this.store.setProfileTag(flow, flow.flowId, result.ok ? 'set' : result.state);
    if (result.ok) await this.audit.record('tag_set', flow);
    else await this.audit.record('tag_failed', flow, result.reason);
  }

  private delayAfter(tries: number): number {
    return Math.min(this.policy.maxDelaySeconds, this.policy.baseDelaySeconds * 2 ** (tries - 1));
  }
}
