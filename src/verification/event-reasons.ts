import type { AuditEventType } from './model';
import { SMS_FAILURES, type SmsFailure } from './ports';
import { type BucketKind, bucketKind } from './rate-limits';

/** Why a flow was locked, as the audit log words it. */
export const LOCK_REASON = {
  attemptsUsedUp: 'attempts used up',
  tampered: 'message metadata does not match its flow',
} as const;

/**
 * An audit event's reason reduced to one of a fixed set, fit for a metric label: never an id, a
 * number digest, a country or a provider's words. `none` for events whose reason says nothing more.
 */
export type EventReason = BucketKind | SmsFailure | 'attempts_used_up' | 'tampered' | 'none' | 'other';

export function eventReason(type: AuditEventType, reason: string | undefined): EventReason {
  switch (type) {
    case 'rate_limited':
      return bucketKind(reason ?? '') ?? 'other';
    case 'send_failed':
      // SendCode records "<failure>: <detail>".
      return SMS_FAILURES.find((failure) => reason?.startsWith(`${failure}:`)) ?? 'other';
    case 'locked':
      if (reason === LOCK_REASON.attemptsUsedUp) return 'attempts_used_up';
      return reason === LOCK_REASON.tampered ? 'tampered' : 'other';
    default:
      return 'none';
  }
}
