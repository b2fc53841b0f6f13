import { PROFILE_FIELD, TestEnvironment } from '../support/environment';
import { auditEvents, eventually, ManualClock, pause } from '../support/faults';
import { withNumber } from '../support/texts';

const NUMBER = '+61491570157';
const VERIFIED = withNumber('verified.title', NUMBER);

/** The default retry policy (30 s backoff floor, 1 h cap), with the retry task polling every 50 ms. */
describe("profile-tag retries follow Slack's Retry-After", () => {
  let clock: ManualClock;
  let env: TestEnvironment;

  beforeEach(async () => {
    clock = new ManualClock();
    env = await TestEnvironment.start({ clock: clock.now, app: { tagRetryPollMs: 50 } });
    env.addMembers({ U1: 'alice' });
  });

  afterEach(() => env.stop());

  async function verifyWhileSlackSays(retryAfterSeconds: number): Promise<void> {
    env.slack.failNext('users.profile.set', { status: 429, retryAfterSeconds });
    const { viewId, code } = await env.reachCodeStep('U1', NUMBER, NUMBER);
    const verified = env.waitForModalText(viewId, VERIFIED);
    await env.driver.submitView(viewId, 'U1', { code_block: code });
    await verified;
    expect(auditEvents(env, 'tag_retry_scheduled')).toHaveLength(1);
  }

  const profileCalls = () => env.slack.callsTo('users.profile.set').length;

  it('a 429 with Retry-After: 2 is retried 2 s later, not at the 30 s backoff, and the job survives a restart', async () => {
    await verifyWhileSlackSays(2);
    await env.restartApp(); // the job is in the store, not in memory
    clock.advance(1_000);
    await pause(200);
    expect(profileCalls()).toBe(1); // not due yet
    clock.advance(1_000);
    await eventually(() => auditEvents(env, 'tag_set').length === 1, { what: 'the retried tag' });
    expect(profileCalls()).toBe(2);
    expect(env.slack.profileOf('U1')[PROFILE_FIELD.id]?.value).toMatch(/^\+61 4•• ••• 157 \(verified /);
  });

  it('a Retry-After beyond the cap waits only the cap (1 h)', async () => {
    await verifyWhileSlackSays(86_400);
    clock.advance(3_599_000);
    await pause(200);
    expect(profileCalls()).toBe(1);
    clock.advance(1_000);
    await eventually(() => auditEvents(env, 'tag_set').length === 1, { what: 'the retried tag' });
  });
});
