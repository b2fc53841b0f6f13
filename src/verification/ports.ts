import type { AdminStore } from '../admin/ports';
import type { WorkflowRequestStore } from '../workflows/ports';
import type { EventReason } from './event-reasons';
import type { MessageMetadata } from './message-binding';
import type {
  AuditEvent,
  AuditEventType,
  Channel,
  CompleteResult,
  EndedStatus,
  Flow,
  Member,
  NewFlow,
  ProfileTagState,
  RateLimit,
  RateLimitResult,
  RateLimitTicket,
  RetentionCutoffs,
  TagJob,
  VerificationRecord,
  VerifiedBadge,
} from './model';

// The domain's ports, one per concern. Bookkeeping only: nothing a store holds is a secret in clear
// (installations arrive sealed), and every state change is atomic in the store, so several app
// processes sharing one database stay exact.

export interface FlowStore {
  /** Inserts a flow in `sending`; false when the id already exists (a repeated submission). */
  createFlow(flow: NewFlow): Promise<boolean>;
  findFlow(id: string): Promise<Flow | undefined>;
  /** sending → pending with the provider's message id and the new code's expiry. */
  markSent(id: string, messageId: string, expiresAt: number): Promise<void>;
  markSendFailed(id: string): Promise<void>;
  /**
   * pending or send_failed → sending, if the last send started at least `cooldownSeconds` ago; also a
   * flow left in `sending` for `stuckAfterSeconds` (its send was taken, but recording that failed).
   */
  beginResend(id: string, cooldownSeconds: number, nowSeconds: number, stuckAfterSeconds: number): Promise<boolean>;
  /** Counts one attempt if the flow is pending, unexpired and under `maxAttempts`; returns the new count. */
  claimAttempt(id: string, maxAttempts: number, nowSeconds: number): Promise<number | undefined>;
  /** Gives back an attempt that could not be judged (the provider lookup failed). */
  refundAttempt(id: string): Promise<void>;
  lock(id: string): Promise<void>;
  /**
   * pending → verified and the member's record replaced, together. Unless `allowSharedNumbers`,
   * refused when another member of the workspace has verified the same number.
   */
  completeFlow(
    id: string,
    record: VerificationRecord,
    allowSharedNumbers: boolean,
    /** The message whose code matched: a Resend since then replaced it, and the old code must not count. */
    messageId?: string,
  ): Promise<CompleteResult>;
  /**
   * Stores the final delivery state of the flow's current message `messageId`; false when the flow
   * has moved to another message or this one already had its final state (a repeated report).
   */
  recordDelivery(id: string, messageId: string, delivery: string): Promise<boolean>;
}

export interface VerificationRecordStore {
  /** The member's current verification: a revoked or expired record is not one. */
  findVerification(member: Member): Promise<VerificationRecord | undefined>;
  /** Whether a member other than `member` currently has `e164` verified in the same workspace. */
  isNumberVerifiedByOther(member: Member, e164: string): Promise<boolean>;
  setProfileTag(member: Member, flowId: string, state: ProfileTagState): Promise<void>;
}

export interface SendBudgetStore {
  /** Records one event in every bucket, or none if any bucket is full. */
  takeRateLimits(limits: readonly RateLimit[], nowSeconds: number): Promise<RateLimitResult>;
  returnRateLimits(ticket: RateLimitTicket): Promise<void>;
}

export interface AuditLogStore {
  appendAudit(event: AuditEvent): Promise<void>;
  /** Newest first. */
  listAudit(teamId: string, limit: number): Promise<AuditEvent[]>;
}

export interface TagJobStore {
  enqueueTagJob(job: Omit<TagJob, 'id'>, runAt: number): Promise<void>;
  /** Leases the oldest due job for `leaseSeconds`, so no other process runs it meanwhile. */
  claimTagJob(nowSeconds: number, leaseSeconds: number): Promise<TagJob | undefined>;
  retryTagJobLater(id: number, runAt: number, lastError: string): Promise<void>;
  deleteTagJob(id: number): Promise<void>;
  /** Jobs waiting, due or not: the retry queue's depth. */
  countTagJobs(): Promise<number>;
}

/**
 * How verifications end, and what retention deletes. Every change is one conditional statement, so
 * replicas running the same job agree, and each record ended is returned to one caller only.
 */
export interface RecordLifecycleStore {
  /** verified → `status`, if still verified; the record this call ended. */
  endVerification(member: Member, status: EndedStatus, nowSeconds: number): Promise<VerificationRecord | undefined>;
  /** Deletes the member's record, whatever its status; the record if it was current. */
  deleteVerification(member: Member): Promise<VerificationRecord | undefined>;
  /** Deletes the member's flows that never verified; how many. */
  deleteUnfinishedFlows(member: Member): Promise<number>;
  /** The app wrote the record's number into the member's profile `phone` field. */
  markPhoneSynced(member: Member, flowId: string, nowSeconds: number): Promise<void>;
  /** The current verification's number, if the app wrote it into the profile's phone field. */
  findSyncedNumber(member: Member): Promise<string | undefined>;
  /** Expires up to `limit` verifications made before `verifiedBefore`; those this call expired. */
  expireVerifications(verifiedBefore: number, nowSeconds: number, limit: number): Promise<VerificationRecord[]>;
  /** Deletes what is older than its cutoff. */
  purge(cutoffs: RetentionCutoffs): Promise<void>;
  /** The age below which the database refuses to delete an audit row. */
  setAuditRetention(minAgeSeconds: number): Promise<void>;
  /** Records a Slack event id; false when it was already recorded (Slack retrying it). */
  rememberEvent(eventId: string, nowSeconds: number): Promise<boolean>;
}

/** One workspace's rate-limit buckets: these names, and every name starting with one of the prefixes. */
export interface WorkspaceBuckets {
  readonly names: readonly string[];
  readonly prefixes: readonly string[];
}

/** Slack installations, and what a workspace leaves behind when it goes. */
export interface WorkspaceStore {
  /** `sealed` is already encrypted by the caller, bound to `key`. Replaces any installation under `key`. */
  saveInstallation(key: string, sealed: string, nowSeconds: number): Promise<void>;
  findInstallation(key: string): Promise<string | undefined>;
  deleteInstallation(key: string): Promise<void>;
  /** Remembers that workspace `teamId` is served by its enterprise's org-wide installation. */
  linkEnterpriseWorkspace(teamId: string, enterpriseId: string): Promise<void>;
  enterpriseOf(teamId: string): Promise<string | undefined>;
  workspacesOf(enterpriseId: string): Promise<string[]>;
  /** Deletes, together, the workspace's unfinished flows, rate-limit events, tag jobs and enterprise link. */
  forgetWorkspace(teamId: string, buckets: WorkspaceBuckets): Promise<void>;
}

/** What one database provides: every port, and a way to let go of it. */
export interface VerificationStore
  extends FlowStore,
    VerificationRecordStore,
    SendBudgetStore,
    AuditLogStore,
    TagJobStore {
  readonly workspaces: WorkspaceStore;
  readonly lifecycle: RecordLifecycleStore;
  readonly workflows: WorkflowRequestStore;
  /** The admin console's figures, export and request queue. */
  readonly admin: AdminStore;
  close(): Promise<void>;
}

export interface OutgoingSms {
  readonly to: string;
  /** `voice`: the provider calls `to` and reads `text` out. */
  readonly channel: Channel;
  readonly text: string;
  readonly metadata: MessageMetadata;
  /** Unix seconds: the provider drops the SMS if it is not delivered by then. */
  readonly expiresAt: number;
  /** Where the provider posts delivery reports; absent in polling mode. */
  readonly reportTo?: string;
}

export interface DeliveredSms {
  readonly to: string;
  /** The provider's word for where the message is (queued, delivered, rejected…). */
  readonly status: string;
  readonly metadata: MessageMetadata | undefined;
}

/** Is told of every audit event (e.g. to count it), with label-safe facts only: no member, number or free text. */
export interface AuditObserver {
  onEvent(type: AuditEventType, reason: EventReason): void;
}

export const SMS_FAILURES = ['rejected', 'unavailable', 'unconfirmed'] as const;
export type SmsFailure = (typeof SMS_FAILURES)[number];

/** Why talking to the SMS provider failed, without any provider detail that could leak. */
export class SmsGatewayError extends Error {
  constructor(
    message: string,
    readonly reason: SmsFailure,
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
  | { readonly kind: 'set' }
  | { readonly kind: 'not_configured'; readonly reason: string }
  /**
   * `transient`: worth retrying later (rate limit, 5xx, timeout); otherwise Slack said no for good.
   * `retryAfterSeconds`: when Slack said how long to wait (a 429's Retry-After).
   */
  | {
      readonly kind: 'failed';
      readonly reason: string;
      readonly transient: boolean;
      readonly retryAfterSeconds?: number;
    };

/** Writes a member's Slack profile with an admin's token. Never throws: a refusal is a result. */
export interface ProfileTagger {
  /** Sets the phone-verified badge. */
  tag(member: Member, badge: VerifiedBadge): Promise<TagResult>;
  /** Clears the badge (the field's value `""`). */
  clear(member: Member): Promise<TagResult>;
  /** Writes the profile's standard `phone` field. */
  writePhone(member: Member, phone: string): Promise<TagResult>;
}

/** Why a member is asked to verify again. */
export type VerifyAgainReason = 'revoked' | 'revoked_by_admin' | 'expired';

/** Tells a member, by direct message, that their verification ended, with a button to verify again. */
export interface MemberNotifier {
  /** Never throws: a member who cannot be messaged is logged, not retried. */
  askToVerifyAgain(member: Member, reason: VerifyAgainReason): Promise<void>;
}

/** Hears of every verification recorded (e.g. a workflow step waiting on the member). Never throws. */
export interface VerifiedObserver {
  verified(record: VerificationRecord): Promise<void>;
}

/** Milliseconds since the epoch. */
export type Clock = () => number;
