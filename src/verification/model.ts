// The verification domain's entities: plain data, no behaviour, no Slack or HTTP shapes.

/** Who a flow belongs to: every flow is bound to one member of one workspace. */
export interface Member {
  readonly teamId: string;
  readonly userId: string;
}

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

/** How a code reaches the member: a text, or a call that reads it out (MessageMedia TTS). */
export type Channel = 'sms' | 'voice';

export type NewFlow = Omit<Flow, 'messageId' | 'status' | 'attempts'>;

export type ProfileTagState = 'pending' | 'set' | 'failed' | 'not_configured';

export interface VerificationRecord extends Member {
  readonly e164: string;
  readonly flowId: string;
  /** Unix seconds. */
  readonly verifiedAt: number;
  readonly profileTag: ProfileTagState;
}

/** What the profile badge says about a verification; how it is spelled is the tagger's business. */
export interface VerifiedBadge {
  readonly maskedNumber: string;
  /** Unix seconds. */
  readonly verifiedAt: number;
}

/**
 * How a verification record ends: pending flow → verified → revoked (profile phone changed, member
 * deactivated) or expired (older than VERIFY_VALID_DAYS); removed by the member deletes the row.
 */
export type EndedStatus = 'revoked' | 'expired';

/** What the retention job deletes: rows older than these unix seconds. */
export interface RetentionCutoffs {
  /** Flows, rate-limit events and ended verification records. */
  readonly dataBefore: number;
  readonly auditBefore: number;
  readonly eventIdsBefore: number;
}

/** `set` the badge, or `clear` it. */
export type TagJobKind = 'set' | 'clear';

/** A profile tag to retry after a transient Slack failure; the badge is read from the record at retry time. */
export interface TagJob extends Member {
  readonly id: number;
  readonly kind: TagJobKind;
  readonly flowId: string;
  /** Tries made so far, including the first, synchronous one. */
  readonly tries: number;
}

/** One rate-limit bucket: at most `limit` events in any sliding window of `windowSeconds`. */
export interface RateLimit {
  readonly bucket: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

/** The events one successful take recorded, so they can be given back. */
export type RateLimitTicket = readonly number[];

export type RateLimitResult =
  | { readonly kind: 'taken'; readonly ticket: RateLimitTicket }
  | { readonly kind: 'full'; readonly bucket: string; readonly retryAfterSeconds: number };

export type CompleteResult = 'completed' | 'not_pending' | 'number_taken';

export const AUDIT_EVENTS = [
  'flow_started',
  'sent',
  'send_failed',
  'resent',
  'called',
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
  'workspace_uninstalled',
  'delivered',
  'undelivered',
  'tag_cleared',
  'verification_removed',
  'verification_revoked',
  'verification_expired',
  'member_deactivated',
  'admin_action_refused',
  'verification_requested',
  'records_exported',
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
