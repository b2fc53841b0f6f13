import type { Member, VerificationRecord } from '../verification/model';
import type { VerificationRecordStore, VerifiedObserver } from '../verification/ports';
import type { StepOutputs, WorkflowCompleter, WorkflowRequest, WorkflowRequestStore } from './ports';
import { stepOutputs } from './step-outputs';

const HOUR_SECONDS = 3_600;
const DAY_SECONDS = 86_400;
const EXPIRY_BATCH = 100;

export interface WorkflowRequestsDependencies {
  readonly store: WorkflowRequestStore;
  readonly records: VerificationRecordStore;
  readonly completer: WorkflowCompleter;
  /** VERIFY_WORKFLOW_TIMEOUT_HOURS: a request older than this ends with an error. */
  readonly timeoutHours: number;
  /** Ended requests are deleted this many days after they ended. */
  readonly retentionDays: number;
  readonly nowSeconds: () => number;
}

/** What opening a request did: answered at once, left waiting for the member, or nothing (a retry). */
export type OpenOutcome =
  | { readonly kind: 'verified'; readonly outputs: StepOutputs }
  | { readonly kind: 'pending' | 'already_handled' };

/** The two Workflow Builder steps: check a member's verification, or ask them to verify and wait. */
export class WorkflowRequests implements VerifiedObserver {
  constructor(private readonly deps: WorkflowRequestsDependencies) {}

  async check(member: Member): Promise<StepOutputs> {
    return stepOutputs(await this.deps.records.findVerification(member));
  }

  /**
   * Records the request before looking at the member's record: a verification landing in between
   * then completes it through `verified`, and the conditional end decides which of the two answers.
   */
  async open(request: WorkflowRequest): Promise<OpenOutcome> {
    const { store, records, nowSeconds } = this.deps;
    if (!(await store.openRequest(request))) return { kind: 'already_handled' };
    const record = await records.findVerification(request);
    if (!record) return { kind: 'pending' };
    const ended = await store.endRequest(request, request.executionId, 'completed', nowSeconds());
    return ended ? { kind: 'verified', outputs: stepOutputs(record) } : { kind: 'already_handled' };
  }

  /** The member pressed "Not now"; false when the request was no longer pending (or not theirs). */
  async decline(member: Member, executionId: string): Promise<boolean> {
    const ended = await this.deps.store.endRequest(member, executionId, 'declined', this.deps.nowSeconds());
    if (ended) await this.deps.completer.fail(ended, 'declined');
    return ended !== undefined;
  }

  /** A verification was recorded: every request waiting on that member succeeds. */
  async verified(record: VerificationRecord): Promise<void> {
    const completed = await this.deps.store.completeRequestsOf(record, this.deps.nowSeconds());
    if (completed.length === 0) return;
    const outputs = stepOutputs(record);
    for (const request of completed) await this.deps.completer.succeed(request, outputs);
  }

  /** The periodic job: times out old requests, a batch at a time, and deletes long-ended ones. */
  async expire(): Promise<void> {
    const { store, completer, timeoutHours, retentionDays } = this.deps;
    const now = this.deps.nowSeconds();
    let expired: WorkflowRequest[];
    do {
      expired = await store.expireRequests(now - timeoutHours * HOUR_SECONDS, now, EXPIRY_BATCH);
      for (const request of expired) await completer.fail(request, 'timed_out');
    } while (expired.length === EXPIRY_BATCH);
    await store.purgeRequests(now - retentionDays * DAY_SECONDS);
  }
}
