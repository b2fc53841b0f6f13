import { randomUUID } from 'node:crypto';
import type { AuditTrail } from '../verification/audit-trail';
import type { Member } from '../verification/model';
import type { VerificationRecordStore } from '../verification/ports';
import type { VerificationRequest } from './model';
import type { RequestMessenger, RequestQueueStore } from './ports';

/** How long a claimed request stays invisible to other replicas while one of them sends it. */
const LEASE_SECONDS = 60;
/** Tries per member before the request counts as failed; a transient failure waits 30 s, 60 s… */
const MAX_ATTEMPTS = 3;
const RETRY_BASE_SECONDS = 30;

export interface RequestDependencies {
  readonly queue: RequestQueueStore;
  readonly records: VerificationRecordStore;
  readonly messenger: RequestMessenger;
  readonly audit: AuditTrail;
  readonly nowSeconds: () => number;
}

/**
 * "Request verification…": the picked members go into a durable queue, which the app drains one DM
 * per tick (the pace), resuming after a restart. A member verified by the time their turn comes is
 * skipped; the admin is told the batch's counts when its last request settles.
 */
export class VerificationRequests {
  constructor(private readonly deps: RequestDependencies) {}

  /** Queues every member once; how many. */
  enqueue(requester: Member, userIds: readonly string[]): Promise<number> {
    const batch = {
      id: randomUUID(),
      teamId: requester.teamId,
      requesterId: requester.userId,
      createdAt: this.deps.nowSeconds(),
    };
    return this.deps.queue.enqueueRequests(batch, [...new Set(userIds)]);
  }

  /** Sends the next due DM, passing over members already verified; called once per tick. */
  async sendNext(): Promise<void> {
    const { queue, records, nowSeconds } = this.deps;
    for (;;) {
      const request = await queue.claimRequest(nowSeconds(), LEASE_SECONDS);
      if (!request) return;
      const verified = (await records.findVerification(request)) !== undefined;
      if (verified) await queue.settleRequest(request.id, 'skipped');
      else await this.ask(request);
      await this.reportIfDone(request.batchId);
      if (!verified) return;
    }
  }

  private async ask(request: VerificationRequest): Promise<void> {
    const { queue, messenger, audit, nowSeconds } = this.deps;
    const result = await messenger.askToVerify(request, request.requesterId);
    if (result.kind === 'sent') {
      await queue.settleRequest(request.id, 'asked');
      await audit.record('verification_requested', request, `requested by ${request.requesterId}`);
    } else if (result.transient && request.attempts < MAX_ATTEMPTS) {
      const wait = RETRY_BASE_SECONDS * 2 ** (request.attempts - 1);
      await queue.retryRequestLater(request.id, nowSeconds() + wait, result.reason);
    } else {
      await queue.settleRequest(request.id, 'failed');
      audit.warn(request, 'verification request could not be sent', result.reason);
    }
  }

  private async reportIfDone(batchId: string): Promise<void> {
    const report = await this.deps.queue.finishBatch(batchId);
    if (report) await this.deps.messenger.reportBatch(report);
  }
}
