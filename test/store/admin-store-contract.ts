import type { AuditEvent, AuditEventType, VerificationRecord } from '../../src/verification/model';
import type { VerificationStore } from '../../src/verification/ports';

const NOW = 2_000_000_000;
const DAY = 86_400;

const event = (type: AuditEventType, at: number, flowId: string | null, reason: string | null = null): AuditEvent => ({
  teamId: 'T1',
  userId: 'U1',
  type,
  at,
  flowId,
  maskedNumber: null,
  reason,
});

const record = (userId: string, flowId: string, overrides: Partial<VerificationRecord> = {}): VerificationRecord => ({
  teamId: 'T1',
  userId,
  e164: `+6149157${userId.slice(1).padStart(4, '0')}`,
  flowId,
  verifiedAt: NOW - DAY * 3,
  profileTag: 'set',
  ...overrides,
});

/** The admin console's store, in both dialects; `current` gives the store of the running test. */
export function describeAdminStoreContract(current: () => VerificationStore): void {
  describe('admin console', () => {
    async function verified(userId: string, flowId: string, overrides: Partial<VerificationRecord> = {}) {
      const store = current();
      await store.createFlow({
        id: flowId,
        teamId: 'T1',
        userId,
        e164: record(userId, flowId).e164,
        createdAt: 1,
        expiresAt: NOW * 2,
        sentAt: 1,
      });
      await store.markSent(flowId, `m-${flowId}`, NOW * 2);
      await store.completeFlow(flowId, record(userId, flowId, overrides), true);
    }

    it('counts a week of audit events by type, the current records and the tag jobs', async () => {
      const store = current();
      const events = [
        event('sent', NOW - 100, 'f1'),
        event('resent', NOW - 90, 'f1'),
        event('verified', NOW - 80, 'f1'),
        event('called', NOW - 3 * DAY, 'f2'),
        event('verified', NOW - 3 * DAY, 'f2'),
        event('sent', NOW - 4 * DAY, 'f3'),
        event('send_failed', NOW - 4 * DAY, 'f3'),
        event('undelivered', NOW - 4 * DAY, 'f3'),
        event('rate_limited', NOW - 50, null, 'send:member:T1:U1'),
        event('refused_country', NOW - 50, null, 'NZ'),
        event('refused_country', NOW - 40, null, 'NZ'),
        event('refused_country', NOW - 30, null, 'PH'),
        event('sent', NOW - 8 * DAY, 'old'),
        event('verified', NOW - 8 * DAY, 'old'),
        // A second code for f2, a code without a flow, and a flow verified this week on a code of last week's:
        // none of them is one more flow with a code, or one more verified among those.
        event('sent', NOW - 3 * DAY, 'f2'),
        event('sent', NOW - 20, null),
        event('sent', NOW - 9 * DAY, 'stale'),
        event('verified', NOW - 2 * DAY, 'stale'),
        { ...event('sent', NOW - 10, 'elsewhere'), teamId: 'T2' },
      ];
      for (const line of events) await store.appendAudit(line);
      await verified('U1', 'f1');
      await verified('U2', 'f2', { profileTag: 'failed' });
      await store.enqueueTagJob({ teamId: 'T1', userId: 'U1', kind: 'set', flowId: 'f1', tries: 1 }, NOW + 60);

      expect(await store.admin.figures('T1', NOW)).toEqual({
        verifiedMembers: 2,
        verifiedLastDay: 1,
        verifiedLastWeek: 3,
        smsSent: 5,
        callsMade: 1,
        flowsWithCode: 3,
        flowsVerified: 2,
        deliveryFailures: 2,
        rateLimited: 1,
        refusedCountries: [
          { country: 'NZ', count: 2 },
          { country: 'PH', count: 1 },
        ],
        tagJobsPending: 1,
        tagsFailed: 1,
      });
    });

    it('retry now: due jobs at once, and a new job for each failed badge without one', async () => {
      const store = current();
      await verified('U1', 'f1', { profileTag: 'failed' });
      await verified('U2', 'f2', { profileTag: 'failed' });
      await store.enqueueTagJob({ teamId: 'T1', userId: 'U1', kind: 'set', flowId: 'f1', tries: 3 }, NOW + 600);
      expect(await store.admin.retryTagsNow('T1', NOW)).toBe(2);
      const first = await store.claimTagJob(NOW, 60);
      const second = await store.claimTagJob(NOW, 60);
      expect([first?.userId, second?.userId].sort()).toEqual(['U1', 'U2']);
      expect(await store.claimTagJob(NOW, 60)).toBeUndefined();
    });

    it('exports every record of the workspace, any status, oldest first', async () => {
      const store = current();
      await verified('U2', 'f2', { verifiedAt: NOW - 10 });
      await verified('U1', 'f1', { verifiedAt: NOW - 20 });
      await store.lifecycle.endVerification({ teamId: 'T1', userId: 'U2' }, 'revoked', NOW);
      const rows = await store.admin.exportRecords('T1');
      expect(rows.map(({ userId, status, endedAt }) => [userId, status, endedAt])).toEqual([
        ['U1', 'verified', null],
        ['U2', 'revoked', NOW],
      ]);
    });

    it('queues each member once, leases claims, and reports a batch once when nothing is queued', async () => {
      const store = current();
      const batch = { id: 'b1', teamId: 'T1', requesterId: 'UADMIN', createdAt: NOW };
      expect(await store.admin.enqueueRequests(batch, ['U1', 'U2', 'U3'])).toBe(3);

      const first = await store.admin.claimRequest(NOW, 60);
      expect(first).toEqual({
        id: expect.any(Number),
        batchId: 'b1',
        teamId: 'T1',
        userId: 'U1',
        requesterId: 'UADMIN',
        attempts: 1,
      });
      const second = await store.admin.claimRequest(NOW, 60);
      const third = await store.admin.claimRequest(NOW, 60);
      expect(await store.admin.claimRequest(NOW, 60)).toBeUndefined(); // all three leased
      if (!first || !second || !third) throw new Error('not claimed');
      await store.admin.settleRequest(first.id, 'asked');
      await store.admin.settleRequest(second.id, 'skipped');
      await store.admin.retryRequestLater(third.id, NOW + 30, 'ratelimited');
      expect(await store.admin.finishBatch('b1')).toBeUndefined();

      const again = await store.admin.claimRequest(NOW + 30, 60);
      expect(again).toMatchObject({ userId: 'U3', attempts: 2 });
      await store.admin.settleRequest(third.id, 'failed');
      const reports = await Promise.all([store.admin.finishBatch('b1'), store.admin.finishBatch('b1')]);
      expect(reports.filter(Boolean)).toEqual([
        { teamId: 'T1', requesterId: 'UADMIN', asked: 1, skipped: 1, failed: 1 },
      ]);
      expect(await store.admin.claimRequest(NOW + 1_000, 60)).toBeUndefined();
    });
  });
}
