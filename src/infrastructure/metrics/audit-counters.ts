import { Counter, type Registry } from 'prom-client';
import type { EventReason } from '../../verification/event-reasons';
import type { AuditEventType } from '../../verification/model';
import type { AuditObserver } from '../../verification/ports';

/** Every audit event as a Prometheus counter. Each label value comes from a fixed set. */
export class AuditCounters implements AuditObserver {
  // A Record over every event type: a new event type does not compile until it is counted somewhere.
  private readonly count: Record<AuditEventType, (reason: EventReason) => void>;

  constructor(registry: Registry) {
    const counter = (name: string, help: string, labelNames: string[] = []) =>
      new Counter({ name: `verify_phone_${name}`, help, labelNames, registers: [registry] });
    const started = counter('flows_started_total', 'Flows that reached their first send.');
    const sent = counter('codes_sent_total', 'Codes the provider accepted, by kind (first, resend, call).', ['kind']);
    const verified = counter('verifications_total', 'Numbers verified.');
    const failures = counter('failures_total', 'Steps that failed, by audit event and reason class.', [
      'event',
      'reason',
    ]);
    const limited = counter('rate_limited_total', 'Requests refused by a full budget, by bucket kind.', ['bucket']);
    const tags = counter('profile_tags_total', 'Profile-tag outcomes (set, cleared, retry_scheduled, failed).', [
      'outcome',
    ]);
    const ended = counter('verifications_ended_total', 'Verifications ended, by how (removed, revoked, expired).', [
      'how',
    ]);
    const deactivated = counter('members_deactivated_total', 'Deactivated members the app was told of.');
    const uninstalls = counter(
      'workspaces_uninstalled_total',
      'Workspaces that uninstalled the app or revoked its tokens.',
    );
    const deliveries = counter('sms_deliveries_total', 'Codes whose delivery is known, by outcome.', ['outcome']);
    const admin = counter('admin_actions_total', 'Admin console actions, by what happened.', ['action']);
    const failure = (event: AuditEventType) => (reason: EventReason) => failures.inc({ event, reason });
    this.count = {
      flow_started: () => started.inc(),
      sent: () => sent.inc({ kind: 'first' }),
      resent: () => sent.inc({ kind: 'resend' }),
      called: () => sent.inc({ kind: 'call' }),
      verified: () => verified.inc(),
      rate_limited: (bucket) => limited.inc({ bucket }),
      tag_set: () => tags.inc({ outcome: 'set' }),
      tag_retry_scheduled: () => tags.inc({ outcome: 'retry_scheduled' }),
      tag_failed: () => tags.inc({ outcome: 'failed' }),
      send_failed: failure('send_failed'),
      code_wrong: failure('code_wrong'),
      locked: failure('locked'),
      expired: failure('expired'),
      refused_country: failure('refused_country'),
      refused_shared_number: failure('refused_shared_number'),
      workspace_uninstalled: () => uninstalls.inc(),
      delivered: () => deliveries.inc({ outcome: 'delivered' }),
      undelivered: () => deliveries.inc({ outcome: 'undelivered' }),
      tag_cleared: () => tags.inc({ outcome: 'cleared' }),
      verification_removed: () => ended.inc({ how: 'removed' }),
      verification_revoked: () => ended.inc({ how: 'revoked' }),
      verification_expired: () => ended.inc({ how: 'expired' }),
      member_deactivated: () => deactivated.inc(),
      admin_action_refused: () => admin.inc({ action: 'refused' }),
      verification_requested: () => admin.inc({ action: 'verification_requested' }),
      records_exported: () => admin.inc({ action: 'records_exported' }),
    };
  }

  onEvent(type: AuditEventType, reason: EventReason): void {
    this.count[type](reason);
  }
}
