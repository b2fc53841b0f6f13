import type { Member } from '../verification/model';

// The workflow steps' domain: requests a Workflow Builder step made of a member, and how they end.
// Nothing here knows Slack; the completer is its adapter.

/** pending → completed (the member verified), declined ("Not now") or timed_out (too old). */
export type WorkflowRequestState = 'pending' | 'completed' | 'declined' | 'timed_out';
export type EndedRequestState = Exclude<WorkflowRequestState, 'pending'>;
/** Why a request ended without a verification. */
export type RequestFailure = Exclude<EndedRequestState, 'completed'>;

/** A "Request phone verification" step waiting on a member, by the step's execution id. */
export interface WorkflowRequest extends Member {
  readonly executionId: string;
  /** Unix seconds. */
  readonly requestedAt: number;
}

/** What both steps output: `verifiedAt` and `country` only for a member currently verified. */
export interface StepOutputs {
  readonly verified: boolean;
  /** Unix seconds. */
  readonly verifiedAt?: number;
  /** ISO 3166 code of the verified number's country. */
  readonly country?: string;
}

/**
 * The pending requests. Every change is one conditional `UPDATE … RETURNING`, so among replicas and
 * Slack's retries each request is ended, and so completed in Slack, by one caller only.
 */
export interface WorkflowRequestStore {
  /** Records a pending request; false when the execution id is already known (Slack retrying the event). */
  openRequest(request: WorkflowRequest): Promise<boolean>;
  /** pending → `state` for the member's request `executionId`; the request if this call ended it. */
  endRequest(
    member: Member,
    executionId: string,
    state: EndedRequestState,
    nowSeconds: number,
  ): Promise<WorkflowRequest | undefined>;
  /** pending → completed for every request waiting on the member; those this call completed. */
  completeRequestsOf(member: Member, nowSeconds: number): Promise<WorkflowRequest[]>;
  /** pending → timed_out for up to `limit` requests made before `requestedBefore`; those this call timed out. */
  expireRequests(requestedBefore: number, nowSeconds: number, limit: number): Promise<WorkflowRequest[]>;
  /** Deletes the requests that ended before `endedBefore`. */
  purgeRequests(endedBefore: number): Promise<void>;
}

/** Tells the workflow how its step ended. Never throws: a completion Slack refuses is logged. */
export interface WorkflowCompleter {
  succeed(request: WorkflowRequest, outputs: StepOutputs): Promise<void>;
  fail(request: WorkflowRequest, why: RequestFailure): Promise<void>;
}
