import { PROFILE_FIELD, TestEnvironment } from '../support/environment';
import {
  auditTypes,
  directMessagesTo,
  eventually,
  subcommandAnswer,
  verifyMember,
  withAppStore,
} from '../support/members';
import { message } from '../support/texts';

const DAY_MS = 86_400_000;

describe('re-verification and retention (the periodic job)', () => {
  let env: TestEnvironment;
  let offsetMs = 0;
  const clock = () => Date.now() + offsetMs;

  afterEach(() => env.stop());

  it('expires verifications older than VERIFY_VALID_DAYS: badge cleared, and one DM to verify again', async () => {
    offsetMs = 0;
    env = await TestEnvironment.start({ clock, env: { VERIFY_DEFAULT_COUNTRY: 'AU', VERIFY_VALID_DAYS: '30' } });
    env.slack.addUser({ id: 'U1', name: 'alice' });
    await verifyMember(env, 'U1', '0491 570 156', '+61491570156');

    offsetMs = 29 * DAY_MS;
    await new Promise((resolve) => setTimeout(resolve, 200)); // several runs of the job
    expect(directMessagesTo(env, 'U1')).toEqual([]);

    offsetMs = 31 * DAY_MS;
    await eventually(() => expect(directMessagesTo(env, 'U1')).toHaveLength(1));
    expect(directMessagesTo(env, 'U1')[0]?.text).toBe(message('dm.expired'));
    expect(env.slack.profileOf('U1')[PROFILE_FIELD.id]).toBeUndefined();
    expect((await subcommandAnswer(env, 'U1', 'status')).text).toBe(message('status.not_verified'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(directMessagesTo(env, 'U1')).toHaveLength(1);
    expect(await auditTypes(env, env.slack.team.id)).toContain('verification_expired');
  });

  it('deletes flows, rate-limit events and audit rows past their retention, and nothing younger', async () => {
    offsetMs = 0;
    env = await TestEnvironment.start({ clock, env: { VERIFY_DEFAULT_COUNTRY: 'AU' } });
    env.slack.addUser({ id: 'U1', name: 'alice' });
    const team = env.slack.team.id;
    const now = Math.floor(Date.now() / 1000);
    const old = { teamId: team, userId: 'U9', e164: '+61491570159' };
    await withAppStore(env, async (store) => {
      await store.createFlow({ ...old, id: 'old-flow', createdAt: now - 31 * 86_400, expiresAt: now, sentAt: now });
      await store.takeRateLimits(
        [{ bucket: 'send:member:old', limit: 1, windowSeconds: 90 * 86_400 }],
        now - 31 * 86_400,
      );
      const event = { ...old, flowId: null, maskedNumber: null, reason: null };
      await store.appendAudit({ ...event, type: 'flow_started', at: now - 401 * 86_400 });
      await store.appendAudit({ ...event, type: 'sent', at: now - 399 * 86_400 });
    });
    await verifyMember(env, 'U1', '0491 570 156', '+61491570156');

    await eventually(() =>
      withAppStore(env, async (store) => expect(await store.findFlow('old-flow')).toBeUndefined()),
    );
    await withAppStore(env, async (store) => {
      const bucket = [{ bucket: 'send:member:old', limit: 1, windowSeconds: 90 * 86_400 }];
      expect((await store.takeRateLimits(bucket, now)).kind).toBe('taken'); // the old event is gone
      expect(await store.findVerification({ teamId: team, userId: 'U1' })).toBeDefined();
      const audit = await store.listAudit(team, 100);
      expect(audit.filter((event) => event.userId === 'U9').map((event) => event.type)).toEqual(['sent']);
      expect(audit.filter((event) => event.userId === 'U1').map((event) => event.type)).toContain('verified');
    });
  });
});
