import { AuditTrail } from '../../src/verification/audit-trail';
import { eventReason, LOCK_REASON } from '../../src/verification/event-reasons';
import { AUDIT_EVENTS } from '../../src/verification/model';
import { BUCKET_KINDS, bucketKind, failedCheckLimit, sendLimits } from '../../src/verification/rate-limits';

const settings = {
  sendsPerMemberPerHour: 5,
  sendsPerNumberPerHour: 5,
  sendsPerWorkspacePerHour: 200,
  sendsPerWorkspacePerDay: 1_000,
  failedChecksPerMemberPerDay: 20,
};
const alice = { teamId: 'T0123456789', userId: 'U0123456789' };

describe('label-safe event reasons', () => {
  it('names every bucket by its kind alone, without ids or the number digest', () => {
    const buckets = [
      ...sendLimits(settings, alice, '+61491570156', Buffer.alloc(32, 1)),
      failedCheckLimit(settings, alice),
    ];
    expect(buckets.map(({ bucket }) => bucketKind(bucket))).toEqual([...BUCKET_KINDS]);
    expect(buckets.map(({ bucket }) => eventReason('rate_limited', bucket))).toEqual([...BUCKET_KINDS]);
    expect(eventReason('rate_limited', 'send:team-week:T1')).toBe('other');
  });

  it('keeps only the failure class of a send failure', () => {
    expect(eventReason('send_failed', 'unconfirmed: MessageMedia send timed out')).toBe('unconfirmed');
    expect(eventReason('send_failed', 'rejected: MessageMedia send failed: HTTP 400 (rejected)')).toBe('rejected');
    expect(eventReason('send_failed', 'the provider said +61491570156 is odd')).toBe('other');
  });

  it('tells attempts used up from a tampered message', () => {
    expect(eventReason('locked', LOCK_REASON.attemptsUsedUp)).toBe('attempts_used_up');
    expect(eventReason('locked', LOCK_REASON.tampered)).toBe('tampered');
    expect(eventReason('locked', 'something else')).toBe('other');
  });

  it('drops every other reason: attempt counts, countries, Slack error codes', () => {
    const others = AUDIT_EVENTS.filter((type) => !['rate_limited', 'send_failed', 'locked'].includes(type));
    for (const type of others) expect(eventReason(type, 'attempt 1 of 5 AU not_admin')).toBe('none');
  });
});

describe('the audit trail', () => {
  it('tells its observer the type and reason class of each event, even when storing it fails', async () => {
    const heard: string[] = [];
    const store = { appendAudit: () => Promise.reject(new Error('disk full')), listAudit: async () => [] };
    const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const observer = { onEvent: (type: string, reason: string) => heard.push(`${type}/${reason}`) };
    const audit = new AuditTrail(store, logger, () => 1, observer);
    const subject = { ...alice, e164: '+61491570156' };
    await expect(audit.record('rate_limited', subject, failedCheckLimit(settings, alice).bucket)).rejects.toThrow();
    await expect(audit.record('verified', subject)).rejects.toThrow();
    expect(heard).toEqual(['rate_limited/check-failed:member', 'verified/none']);
  });
});
