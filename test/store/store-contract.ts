import type { AuditEvent, NewFlow, RateLimit, VerificationRecord } from '../../src/verification/model';
import type { VerificationStore } from '../../src/verification/ports';
import { describeAdminStoreContract } from './admin-store-contract';
import { describeWorkflowRequestContract } from './workflow-requests-contract';

/** A store under test: `reopen` closes it and opens the same database again, like a restart. */
export interface StoreHarness {
  readonly store: VerificationStore;
  reopen(): Promise<VerificationStore>;
  destroy(): Promise<void>;
}

const alice = { teamId: 'T1', userId: 'U1' };
const bob = { teamId: 'T1', userId: 'U2' };
const ALICE_NUMBER = '+61491570156';

export const newFlow = (id: string, overrides: Partial<NewFlow> = {}): NewFlow => ({
  id,
  ...alice,
  e164: ALICE_NUMBER,
  createdAt: 100,
  expiresAt: 700,
  sentAt: 100,
  ...overrides,
});

export const recordFor = (flowId: string, overrides: Partial<VerificationRecord> = {}): VerificationRecord => ({
  ...alice,
  e164: ALICE_NUMBER,
  flowId,
  verifiedAt: 200,
  profileTag: 'pending',
  ...overrides,
});

/** An audit event for tests of the table's append-only rule: written now, so younger than any retention. */
export const SAMPLE_AUDIT_EVENT: AuditEvent = {
  teamId: 'T1',
  userId: 'U1',
  type: 'sent',
  at: Math.floor(Date.now() / 1000),
  flowId: null,
  maskedNumber: null,
  reason: null,
};

/** An audit event older than the default audit retention (400 days). */
export const OLD_AUDIT_EVENT: AuditEvent = {
  ...SAMPLE_AUDIT_EVENT,
  type: 'flow_started',
  at: SAMPLE_AUDIT_EVENT.at - 401 * 86_400,
};

/** The behaviour every VerificationStore must have, whatever the database behind it. */
export function describeStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`${name} store contract`, () => {
    let harness: StoreHarness;
    let store: VerificationStore;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
    });

    afterEach(() => harness.destroy());

    describeAdminStoreContract(() => store);

    async function pendingFlow(id: string, overrides: Partial<NewFlow> = {}) {
      await store.createFlow(newFlow(id, overrides));
      await store.markSent(id, `m-${id}`, overrides.expiresAt ?? 700);
    }

    it('creates a flow once; a repeated id is reported, not overwritten', async () => {
      expect(await store.createFlow(newFlow('f1'))).toBe(true);
      expect(await store.createFlow(newFlow('f1', { e164: '+61491570157' }))).toBe(false);
      expect(await store.findFlow('f1')).toEqual({
        ...newFlow('f1'),
        messageId: null,
        status: 'sending',
        attempts: 0,
      });
      expect(await store.findFlow('nope')).toBeUndefined();
    });

    it('moves sending → pending with the message id and expiry, and never back', async () => {
      await store.createFlow(newFlow('f1'));
      await store.markSent('f1', 'm-1', 650);
      await store.markSendFailed('f1');
      expect(await store.findFlow('f1')).toMatchObject({ status: 'pending', messageId: 'm-1', expiresAt: 650 });
    });

    it('takes back a flow stuck in sending, once it has been stuck for the given time', async () => {
      await store.createFlow(newFlow('f1'));
      expect(await store.beginResend('f1', 0, 219, 120)).toBe(false); // a send may still be in flight
      expect(await store.beginResend('f1', 0, 220, 120)).toBe(true);
      expect(await store.findFlow('f1')).toMatchObject({ status: 'sending', sentAt: 220 });
    });

    it('resends only after the cooldown, from pending or send_failed, keeping the attempts', async () => {
      await pendingFlow('f1');
      await store.claimAttempt('f1', 5, 150);
      expect(await store.beginResend('f1', 30, 129, 120)).toBe(false);
      expect(await store.beginResend('f1', 30, 130, 120)).toBe(true);
      expect(await store.beginResend('f1', 30, 200, 120)).toBe(false); // already sending
      expect(await store.findFlow('f1')).toMatchObject({ status: 'sending', sentAt: 130, attempts: 1 });
      await store.markSendFailed('f1');
      expect(await store.beginResend('f1', 30, 160, 120)).toBe(true);
      await store.markSent('f1', 'm-2', 760);
      expect(await store.findFlow('f1')).toMatchObject({ status: 'pending', messageId: 'm-2', expiresAt: 760 });
    });

    it('counts attempts up to the limit, only while pending and unexpired', async () => {
      await store.createFlow(newFlow('f1'));
      expect(await store.claimAttempt('f1', 3, 150)).toBeUndefined(); // still sending
      await store.markSent('f1', 'm-1', 700);
      expect(await store.claimAttempt('f1', 3, 150)).toBe(1);
      expect(await store.claimAttempt('f1', 3, 150)).toBe(2);
      await store.refundAttempt('f1');
      expect(await store.claimAttempt('f1', 3, 150)).toBe(2);
      expect(await store.claimAttempt('f1', 3, 150)).toBe(3);
      expect(await store.claimAttempt('f1', 3, 150)).toBeUndefined();
      expect(await store.claimAttempt('f1', 10, 700)).toBeUndefined(); // expired
    });

    it('never counts more attempts than the limit under concurrent claims', async () => {
      await pendingFlow('f1');
      const claims = await Promise.all(Array.from({ length: 20 }, () => store.claimAttempt('f1', 5, 150)));
      expect(claims.filter((claim) => claim !== undefined).sort()).toEqual([1, 2, 3, 4, 5]);
    });

    it('completes a flow once and keeps one record per member, the latest', async () => {
      await pendingFlow('f1');
      expect(await store.completeFlow('f1', recordFor('f1'), false)).toBe('completed');
      expect(await store.completeFlow('f1', recordFor('f1'), false)).toBe('not_pending');
      await store.setProfileTag(alice, 'f1', 'set');
      expect(await store.findVerification(alice)).toEqual(recordFor('f1', { profileTag: 'set' }));

      await pendingFlow('f2', { e164: '+61491570157' });
      await store.completeFlow('f2', recordFor('f2', { e164: '+61491570157', verifiedAt: 300 }), false);
      expect(await store.findVerification(alice)).toMatchObject({ flowId: 'f2', e164: '+61491570157' });
      expect(await store.findVerification(bob)).toBeUndefined();
    });

    it('completes exactly one of many concurrent completions', async () => {
      await pendingFlow('f1');
      const results = await Promise.all(
        Array.from({ length: 10 }, () => store.completeFlow('f1', recordFor('f1'), false)),
      );
      expect(results.filter((result) => result === 'completed')).toHaveLength(1);
    });

    it("refuses another member's verified number unless shared numbers are allowed", async () => {
      await pendingFlow('f1');
      await store.completeFlow('f1', recordFor('f1'), false);
      expect(await store.isNumberVerifiedByOther(bob, ALICE_NUMBER)).toBe(true);
      expect(await store.isNumberVerifiedByOther(alice, ALICE_NUMBER)).toBe(false);
      expect(await store.isNumberVerifiedByOther({ teamId: 'T2', userId: 'U2' }, ALICE_NUMBER)).toBe(false);

      await pendingFlow('f2', bob);
      expect(await store.completeFlow('f2', recordFor('f2', bob), false)).toBe('number_taken');
      expect(await store.findFlow('f2')).toMatchObject({ status: 'pending' });
      expect(await store.completeFlow('f2', recordFor('f2', bob), true)).toBe('completed');
    });

    it('completes only for the message whose code matched, not one a resend replaced', async () => {
      await pendingFlow('f1');
      expect(await store.beginResend('f1', 0, 200, 120)).toBe(true); // a resend
      await store.markSent('f1', 'm-newer', 800);
      expect(await store.completeFlow('f1', recordFor('f1'), false, 'm-f1')).toBe('not_pending');
      expect(await store.findFlow('f1')).toMatchObject({ status: 'pending' });
      expect(await store.completeFlow('f1', recordFor('f1'), false, 'm-newer')).toBe('completed');
    });

    it('a locked flow cannot be completed, attempted or resent', async () => {
      await pendingFlow('f1');
      await store.lock('f1');
      expect(await store.claimAttempt('f1', 5, 150)).toBeUndefined();
      expect(await store.completeFlow('f1', recordFor('f1'), false)).toBe('not_pending');
      expect(await store.beginResend('f1', 0, 1_000, 120)).toBe(false);
    });

    describe('rate limits', () => {
      const perMember: RateLimit = { bucket: 'send:member:T1:U1', limit: 2, windowSeconds: 3_600 };
      const perTeam: RateLimit = { bucket: 'send:team:T1:hour', limit: 3, windowSeconds: 3_600 };

      it('allows `limit` events per sliding window and says when the next is allowed', async () => {
        expect((await store.takeRateLimits([perMember], 1_000)).kind).toBe('taken');
        expect((await store.takeRateLimits([perMember], 2_000)).kind).toBe('taken');
        expect(await store.takeRateLimits([perMember], 3_000)).toEqual({
          kind: 'full',
          bucket: perMember.bucket,
          retryAfterSeconds: 1_600, // the event at 1000 leaves the window at 4600
        });
        expect((await store.takeRateLimits([perMember], 4_600)).kind).toBe('taken');
      });

      it('takes every bucket or none', async () => {
        await store.takeRateLimits([perMember], 1_000);
        await store.takeRateLimits([perMember], 1_000);
        expect((await store.takeRateLimits([perTeam, perMember], 1_000)).kind).toBe('full');
        // Nothing was recorded in the team bucket by the refused take.
        for (let index = 0; index < 3; index += 1) {
          expect((await store.takeRateLimits([perTeam], 1_000)).kind).toBe('taken');
        }
      });

      it('gives back a ticket', async () => {
        const first = await store.takeRateLimits([perMember], 1_000);
        await store.takeRateLimits([perMember], 1_000);
        if (first.kind !== 'taken') throw new Error('expected a ticket');
        await store.returnRateLimits(first.ticket);
        expect((await store.takeRateLimits([perMember], 1_000)).kind).toBe('taken');
      });

      it('never exceeds a limit under concurrent takes', async () => {
        const results = await Promise.all(
          Array.from({ length: 30 }, () => store.takeRateLimits([perTeam, perMember], 1_000)),
        );
        expect(results.filter((result) => result.kind === 'taken')).toHaveLength(2);
      });
    });

    it('appends audit events and lists them newest first, per workspace', async () => {
      const base = { ...alice, flowId: 'f1', maskedNumber: '+61 4•• ••• 156', reason: null };
      await store.appendAudit({ ...base, type: 'flow_started', at: 100 });
      await store.appendAudit({ ...base, type: 'sent', at: 101 });
      await store.appendAudit({ ...base, teamId: 'T2', type: 'sent', at: 102 });
      expect((await store.listAudit('T1', 10)).map((event) => event.type)).toEqual(['sent', 'flow_started']);
      expect(await store.listAudit('T1', 1)).toEqual([{ ...base, type: 'sent', at: 101 }]);
    });

    it('leases due tag jobs one at a time and keeps them until deleted', async () => {
      const job = { ...alice, kind: 'set' as const, flowId: 'f1', tries: 1 };
      await store.enqueueTagJob(job, 500);
      expect(await store.claimTagJob(499, 60)).toBeUndefined();
      const claimed = await store.claimTagJob(500, 60);
      expect(claimed).toMatchObject({ ...job, tries: 2 });
      expect(await store.claimTagJob(500, 60)).toBeUndefined(); // leased until 560
      if (!claimed) throw new Error('expected a job');
      await store.retryTagJobLater(claimed.id, 600, 'ratelimited');
      expect(await store.claimTagJob(560, 60)).toBeUndefined();
      expect(await store.claimTagJob(600, 60)).toMatchObject({ id: claimed.id, tries: 3 });
      await store.deleteTagJob(claimed.id);
      expect(await store.claimTagJob(10_000, 60)).toBeUndefined();
    });

    it('counts the jobs waiting, due or leased', async () => {
      expect(await store.countTagJobs()).toBe(0);
      await store.enqueueTagJob({ ...alice, kind: 'set' as const, flowId: 'f1', tries: 1 }, 500);
      await store.enqueueTagJob({ ...bob, kind: 'set' as const, flowId: 'f2', tries: 1 }, 9_000);
      const claimed = await store.claimTagJob(500, 60);
      expect(await store.countTagJobs()).toBe(2);
      if (!claimed) throw new Error('expected a job');
      await store.deleteTagJob(claimed.id);
      expect(await store.countTagJobs()).toBe(1);
    });

    it('hands a due job to exactly one of several concurrent claimers', async () => {
      await store.enqueueTagJob({ ...alice, kind: 'set' as const, flowId: 'f1', tries: 1 }, 500);
      const claims = await Promise.all(Array.from({ length: 8 }, () => store.claimTagJob(500, 60)));
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('keeps everything across a reopen (restart)', async () => {
      await pendingFlow('f1');
      await store.claimAttempt('f1', 5, 150);
      await store.takeRateLimits([{ bucket: 'b', limit: 1, windowSeconds: 60 }], 100);
      await store.enqueueTagJob({ ...alice, kind: 'set' as const, flowId: 'f1', tries: 1 }, 100);
      store = await harness.reopen();
      expect(await store.findFlow('f1')).toMatchObject({ status: 'pending', attempts: 1, messageId: 'm-f1' });
      expect((await store.takeRateLimits([{ bucket: 'b', limit: 1, windowSeconds: 60 }], 120)).kind).toBe('full');
      expect(await store.claimTagJob(100, 60)).toBeDefined();
    });

    describeWorkflowRequestContract(() => harness);

    describe('workspaces', () => {
      it('saves, replaces, finds and deletes an installation by key', async () => {
        const rows = store.workspaces;
        await rows.saveInstallation('team:T1', 'v1.first', 10);
        await rows.saveInstallation('team:T1', 'v1.second', 20);
        await rows.saveInstallation('enterprise:E1', 'v1.org', 20);
        expect(await rows.findInstallation('team:T1')).toBe('v1.second');
        await rows.deleteInstallation('team:T1');
        expect(await rows.findInstallation('team:T1')).toBeUndefined();
        expect(await rows.findInstallation('enterprise:E1')).toBe('v1.org');
      });

      it('remembers which enterprise serves a workspace', async () => {
        const rows = store.workspaces;
        await rows.linkEnterpriseWorkspace('T2', 'E1');
        await rows.linkEnterpriseWorkspace('T1', 'E1');
        await rows.linkEnterpriseWorkspace('T1', 'E1');
        expect(await rows.enterpriseOf('T1')).toBe('E1');
        expect(await rows.enterpriseOf('T9')).toBeUndefined();
        expect(await rows.workspacesOf('E1')).toEqual(['T1', 'T2']);
      });

      it("forgets only that workspace's unfinished flows, budgets, tag jobs and enterprise link", async () => {
        const other = { teamId: 'T2', userId: 'U1' };
        await pendingFlow('f-pending');
        await pendingFlow('f-verified');
        await store.completeFlow('f-verified', recordFor('f-verified'), false);
        await pendingFlow('f-other', other);
        const buckets = (teamId: string): RateLimit[] =>
          [`send:member:${teamId}:U1`, `send:team-hour:${teamId}`, `check-failed:member:${teamId}:U1`].map(
            (bucket) => ({ bucket, limit: 1, windowSeconds: 3_600 }),
          );
        const shared: RateLimit = { bucket: 'send:number:abc', limit: 1, windowSeconds: 3_600 };
        expect((await store.takeRateLimits([...buckets('T1'), shared], 100)).kind).toBe('taken');
        expect((await store.takeRateLimits(buckets('T2'), 100)).kind).toBe('taken');
        await store.enqueueTagJob({ ...alice, kind: 'set' as const, flowId: 'f-verified', tries: 1 }, 100);
        await store.enqueueTagJob({ ...other, kind: 'set' as const, flowId: 'f-other', tries: 1 }, 100);
        await store.workspaces.linkEnterpriseWorkspace('T1', 'E1');

        await store.workspaces.forgetWorkspace('T1', {
          names: ['send:team-hour:T1'],
          prefixes: ['send:member:T1:', 'check-failed:member:T1:'],
        });

        expect(await store.findFlow('f-pending')).toBeUndefined();
        expect(await store.findFlow('f-verified')).toMatchObject({ status: 'verified' });
        expect(await store.findFlow('f-other')).toBeDefined();
        expect(await store.findVerification(alice)).toBeDefined();
        expect((await store.takeRateLimits(buckets('T1'), 101)).kind).toBe('taken');
        expect((await store.takeRateLimits([shared], 101)).kind).toBe('full');
        expect((await store.takeRateLimits(buckets('T2'), 101)).kind).toBe('full');
        expect(await store.claimTagJob(200, 60)).toMatchObject({ teamId: 'T2' });
        expect(await store.claimTagJob(200, 60)).toBeUndefined();
        expect(await store.workspaces.enterpriseOf('T1')).toBeUndefined();
      });
    });

    describe('record lifecycle', () => {
      async function verified(id: string, overrides: Partial<NewFlow & VerificationRecord> = {}) {
        await pendingFlow(id, overrides);
        await store.completeFlow(id, recordFor(id, overrides), false);
      }

      it('ends a verification once: it is no longer current, nor its number taken', async () => {
        await verified('f1');
        expect(await store.lifecycle.endVerification(alice, 'revoked', 300)).toMatchObject({ flowId: 'f1' });
        expect(await store.lifecycle.endVerification(alice, 'revoked', 301)).toBeUndefined();
        expect(await store.findVerification(alice)).toBeUndefined();
        expect(await store.isNumberVerifiedByOther(bob, ALICE_NUMBER)).toBe(false);
        await verified('f2', { verifiedAt: 400 });
        expect(await store.findVerification(alice)).toMatchObject({ flowId: 'f2', verifiedAt: 400 });
      });

      it('deletes a record, returning it only if it was current', async () => {
        await verified('f1');
        expect(await store.lifecycle.deleteVerification(alice)).toMatchObject({ flowId: 'f1' });
        expect(await store.lifecycle.deleteVerification(alice)).toBeUndefined();
        await verified('f2');
        await store.lifecycle.endVerification(alice, 'expired', 300);
        expect(await store.lifecycle.deleteVerification(alice)).toBeUndefined();
      });

      it("deletes a member's unfinished flows only", async () => {
        await verified('f1');
        await pendingFlow('f2');
        await pendingFlow('f3', bob);
        expect(await store.lifecycle.deleteUnfinishedFlows(alice)).toBe(1);
        expect(await store.findFlow('f1')).toBeDefined();
        expect(await store.findFlow('f2')).toBeUndefined();
        expect(await store.findFlow('f3')).toBeDefined();
      });

      it('knows the synced number of a current verification only', async () => {
        await verified('f1');
        expect(await store.lifecycle.findSyncedNumber(alice)).toBeUndefined();
        await store.lifecycle.markPhoneSynced(alice, 'f1', 250);
        expect(await store.lifecycle.findSyncedNumber(alice)).toBe(ALICE_NUMBER);
        await verified('f2', { verifiedAt: 300 });
        expect(await store.lifecycle.findSyncedNumber(alice)).toBeUndefined();
      });

      it('expires old verifications in batches, each once', async () => {
        await verified('f1', { verifiedAt: 100 });
        await verified('f2', { ...bob, e164: '+61491570157', verifiedAt: 150 });
        await verified('f3', { teamId: 'T1', userId: 'U3', e164: '+61491570158', verifiedAt: 900 });
        expect((await store.lifecycle.expireVerifications(500, 1_000, 1)).map((r) => r.flowId)).toEqual(['f1']);
        expect((await store.lifecycle.expireVerifications(500, 1_000, 10)).map((r) => r.flowId)).toEqual(['f2']);
        expect(await store.lifecycle.expireVerifications(500, 1_000, 10)).toEqual([]);
        expect(await store.findVerification({ teamId: 'T1', userId: 'U3' })).toBeDefined();
      });

      it('purges what is older than its cutoff, and nothing younger', async () => {
        const now = SAMPLE_AUDIT_EVENT.at;
        await verified('old', { createdAt: now - 100, expiresAt: now, verifiedAt: now - 90 });
        await store.lifecycle.endVerification(alice, 'expired', now - 80);
        await pendingFlow('young', { ...bob, createdAt: now, expiresAt: now + 600 });
        await store.takeRateLimits([{ bucket: 'b', limit: 5, windowSeconds: 3_600 }], now - 100);
        await store.takeRateLimits([{ bucket: 'b', limit: 5, windowSeconds: 3_600 }], now);
        await store.appendAudit(OLD_AUDIT_EVENT);
        await store.appendAudit(SAMPLE_AUDIT_EVENT);
        expect(await store.lifecycle.rememberEvent('Ev-old', now - 100)).toBe(true);
        expect(await store.lifecycle.rememberEvent('Ev-old', now - 100)).toBe(false);

        await store.lifecycle.purge({
          dataBefore: now - 50,
          auditBefore: now - 400 * 86_400,
          eventIdsBefore: now - 50,
        });

        expect(await store.findFlow('old')).toBeUndefined();
        expect(await store.findFlow('young')).toBeDefined();
        expect(await store.lifecycle.deleteVerification(alice)).toBeUndefined();
        expect(await store.listAudit('T1', 10)).toEqual([SAMPLE_AUDIT_EVENT]);
        expect(await store.lifecycle.rememberEvent('Ev-old', now)).toBe(true);
        const full = await store.takeRateLimits([{ bucket: 'b', limit: 2, windowSeconds: 86_400 * 400 }], now);
        expect(full.kind).toBe('taken'); // the old event is gone, so two fit
      });
    });
  });
}
