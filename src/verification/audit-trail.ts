import { eventReason } from './event-reasons';
import type { AuditEventType, Member } from './model';
import { maskPhoneNumber } from './phone-number';
import type { AuditLogStore, AuditObserver } from './ports';

/** The structured logger the domain writes to; pino's shape. Never given codes or full numbers. */
export interface DomainLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface AuditSubject extends Member {
  readonly flowId?: string;
  readonly e164?: string;
}

const WARNINGS: ReadonlySet<AuditEventType> = new Set([
  'send_failed',
  'locked',
  'tag_failed',
  'rate_limited',
  'refused_country',
  'refused_shared_number',
  'undelivered',
]);

const NO_OBSERVER: AuditObserver = { onEvent: () => undefined };

/**
 * Writes each event twice: to the append-only audit table an admin can read, and to the JSON log.
 * The number is masked here, once, so no caller can forget. The observer hears of it too, told only
 * the event's type and a reason from a fixed set.
 */
export class AuditTrail {
  constructor(
    private readonly store: AuditLogStore,
    private readonly logger: DomainLogger,
    private readonly nowSeconds: () => number,
    private readonly observer: AuditObserver = NO_OBSERVER,
  ) {}

  /** Logged only: an operational hiccup that changes nothing for the member's record. */
  warn(subject: AuditSubject, message: string, reason: string): void {
    this.logger.warn({ ...fieldsOf(subject), reason }, message);
  }

  /** Logged only: our own bookkeeping failed (the database, say); the member was still answered. */
  error(subject: AuditSubject, message: string, reason: string): void {
    this.logger.error({ ...fieldsOf(subject), reason }, message);
  }

  async record(type: AuditEventType, subject: AuditSubject, reason?: string): Promise<void> {
    const fields = fieldsOf(subject);
    const message = type.replaceAll('_', ' ');
    if (WARNINGS.has(type)) this.logger.warn({ event: type, ...fields, reason }, message);
    else this.logger.info({ event: type, ...fields, reason }, message);
    // Before the append, like the log line: the event happened even if storing it fails.
    this.observer.onEvent(type, eventReason(type, reason));
    const { phone, ...ids } = fields;
    await this.store.appendAudit({
      ...ids,
      type,
      at: this.nowSeconds(),
      maskedNumber: phone,
      reason: reason ?? null,
    });
  }
}

function fieldsOf(subject: AuditSubject) {
  return {
    teamId: subject.teamId,
    userId: subject.userId,
    flowId: subject.flowId ?? null,
    phone: subject.e164 ? maskPhoneNumber(subject.e164) : null,
  };
}
