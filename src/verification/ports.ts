import type { Member } from './flow-reference';
import type { MessageMetadata } from './message-binding';

/**
 * sending → pending → verified; sending → send_failed; pending → locked (attempts used up);
 * pending or send_failed → sending again on a resend. Expiry is not a status: it is read from
 * `expiresAt`, so it needs no sweeper.
 */
export type FlowStatus = 'sending' | 'send_failed' | 'pending' | 'locked' | 'verified';

export interface Flow extends Member {
  readonly id: string;
  readonly e164: string;
  readonly messageId: string | null;
  readonly status: FlowStatus;
  /** Code checks counted so far; a resend does not reset it. */
  readonly attempts: number;
  /** Unix seconds. */
  readonly createdAt: number;
  /** Unix seconds: when the current code dies. */
  readonly expiresAt: number;
  /** Unix seconds of the last send started, for the resend cooldown. */
  readonly sentAt: number;
}

export type ProfileTagState = 'pending' | 'set' | 'failed' | 'not_configured';

export interface VerificationRecord extends Member {
  readonly e164: string;
  readonly flowId: string;
  /** Unix seconds. */
  readonly verifiedAt: number;
  readonly profileTag: ProfileTagState;
}

export type NewFlow = Omit<Flow, 'messageId' | 'status' | 'attempts'>;

/** One rate-limit bucket: at most `limit` events in any sliding window of `windowSeconds`. */
export interface RateLimit {
  readonly bucket: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

export type RateLimitResult =
  | { readonly ok: true; readonly ticket: RateLimitTicket }
  | { readonly ok: false; readonly bucket: string; readonly retryAfterSeconds: number };

/** The events one successful take recorded, so they can be given back. */
export type RateLimitTicket = readonly number[];

export type CompleteResult = 'completed' | 'not_pending' | 'number_taken';

export const AUDIT_EVENTS = [
  'flow_started',
  'sent',
  'send_failed',
  'resent',
  'code_wrong',
  'locked',
  'expired',
  'verified',
  'tag_set',
  'tag_failed',
  'tag_retry_scheduled',
  'rate_limited',
  'refused_country',
  'refused_shared_number',
] as const;
export type AuditEventType = (typeof AUDIT_EVENTS)[number];

/** One line of the append-only audit log. Never a code; the number only masked. */
export interface AuditEvent extends Member {
  readonly type: AuditEventType;
  /** Unix seconds. */
  readonly at: number;
  readonly flowId: string | null;
  readonly maskedNumber: string | null;
  readonly reason: string | null;
}

export interface TagLabel {
  readonly value: string;
  readonly alt: string;
}

/** A profile tag to retry after a transient Slack failure. */
export interface TagJob extends Member {
  readonly id: number;
  readonly flowId: string;
  readonly label: TagLabel;
  /** Tries made so far, including the first, synchronous one. */
  readonly tries: number;
}

/**
 * Bookkeeping only: nothing here is a secret. Every state change is atomic in the store, so
 * several app processes sharing one database stay exact.
 */
export interface VerificationStore {
  /** Inserts a flow in `sending`; false when the id already exists (a repeated submission). */
  createFlow(flow: NewFlow): Promise<boolean>;
  findFlow(id: string): Promise<Flow | undefined>;
  /** sending → pending with the provider's message id and the new code's expiry. */
  markSent(id: string, messageId: string, expiresAt: number): Promise<void>;
  markSendFailed(id: string): Promise<void>;
  /** pending or send_failed → sending, if the last send started at least `cooldownSeconds` ago. */
  beginResend(id: string, cooldownSeconds: number, nowSeconds: number): Promise<boolean>;
  /** Counts one attempt if the flow is pending, unexpired and under `maxAttempts`; returns the new count. */
  claimAttempt(id: string, maxAttempts: number, nowSeconds: number): Promise<number | undefined>;
  /** Gives back an attempt that could not be judged (the provider lookup failed). */
  refundAttempt(id: string): Promise<void>;
  lock(id: string): Promise<void>;
  /**
   * pending → verified and the member's record replaced, together. Unless `allowSharedNumbers`,
   * refused when another member of the workspace has verified the same number.
   */
  completeFlow(id: string, record: VerificationRecord, allowSharedNumbers: boolean): Promise<CompleteResult>;
  setProfileTag(member: Member, flowId: string, state: ProfileTagState): Promise<void>;
  findVerification(member: Member): Promise<VerificationRecord | undefined>;
  /** Whether a member other than `member` has verified `e164` in the same workspace. */
  isNumberVerifiedByOther(member: Member, e164: string): Promise<boolean>;

  /** Records one event in every bucket, or none if any bucket is full. */
  takeRateLimits(limits: readonly RateLimit[], nowSeconds: number): Promise<RateLimitResult>;
  returnRateLimits(ticket: RateLimitTicket): Promise<void>;

  appendAudit(event: AuditEvent): Promise<void>;
  /** Newest first. */
  listAudit(teamId: string, limit: number): Promise<AuditEvent[]>;

  enqueueTagJob(job: Omit<TagJob, 'id'>, runAt: number): Promise<void>;
  /** Leases the oldest due job for `leaseSeconds`, so no other process runs it meanwhile. */
  claimTagJob(nowSeconds: number, leaseSeconds: number): Promise<TagJob | undefined>;
  retryTagJobLater(id: number, runAt: number, lastError: string): Promise<void>;
  deleteTagJob(id: number): Promise<void>;

  close(): Promise<void>;
}

export interface OutgoingSms {
  readonly to: string;
  readonly text: string;
  readonly metadata: MessageMetadata;
  /** Unix seconds: the provider drops the SMS if it is not delivered by then. */
  readonly expiresAt: number;
}

export interface DeliveredSms {
  readonly to: string;
  readonly metadata: MessageMetadata | undefined;
}

/** Why talking to the SMS provider failed, without any provider detail that could leak. */
export class SmsGatewayError extends Error {
  constructor(
    message: string,
    readonly reason: 'rejected' | 'unavailable' | 'unconfirmed',
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'SmsGatewayError';
  }
}

export interface SmsGateway {
  /** Returns the provider's message id. Throws SmsGatewayError. */
  send(sms: OutgoingSms): Promise<string>;
  /** The message as the provider holds it, or undefined if it does not know the id. Throws SmsGatewayError. */
  lookup(messageId: string): Promise<DeliveredSms | undefined>;
}

export type TagResult =
  | { ok: true }
  | { ok: false; reason: string; state: 'not_configured' }
  /** `transient`: worth retrying later (rate limit, 5xx, timeout); otherwise Slack said no for good. */
  | { ok: false; reason: string; state: 'failed'; transient: boolean };

/** Marks a member's Slack profile as phone-verified. Never throws: a refusal is a result. */
export interface ProfileTagger {
  tag(member: Member, label: TagLabel): Promise<TagResult>;
}

export type Clock = () => number;
