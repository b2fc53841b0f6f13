import { BUCKET_KINDS } from '../../src/verification/rate-limits';
import {
  ADMIN_TOKEN,
  BOT_TOKEN,
  MM_KEY,
  MM_SECRET,
  SIGNING_SECRET,
  TestEnvironment,
  VERIFY_SECRET,
} from '../support/environment';
import { parseMetrics, type Sample, sampleValue } from '../support/prometheus';

const ALICE = '+61491570156';
const BOB = '+61491570157';
const CAROL = '+61491570158';
const MEMBERS = { U1: 'alice', U2: 'bob' };

const get = (env: TestEnvironment, path: string): Promise<Response> => fetch(new URL(path, env.appUrl));

describe('GET /metrics after a run', () => {
  let env: TestEnvironment;
  let text: string;
  let samples: Sample[];

  /** Alice: a wrong code, then verified while Slack rate-limits the profile tag, then a refused second number. Bob: a failed send. */
  async function runTheFlows(): Promise<void> {
    env.slack.failNext('users.profile.set', { status: 429, retryAfterSeconds: 600 });
    const { viewId, code } = await env.reachCodeStep('U1', ALICE, ALICE);
    const wrong = env.waitForModalText(viewId, "That code isn't right");
    await env.driver.submitView(viewId, 'U1', { code_block: code === '000000' ? '111111' : '000000' });
    await wrong;
    const verified = env.waitForModalText(viewId, 'is verified');
    await env.driver.submitView(viewId, 'U1', { code_block: code });
    await verified;
    const second = await env.openVerification('U1');
    const refused = await env.driver.submitView(second.id, 'U1', { phone_block: BOB });
    expect(refused.errors?.phone_block).toContain('Too many codes');
    await env.driver.openHomeTab('U1');

    env.messageMedia.failNext('send', { status: 500 });
    const modal = await env.openVerification('U2');
    const failed = env.waitForModalText(modal.id, "couldn't send a code");
    await env.driver.submitView(modal.id, 'U2', { phone_block: CAROL });
    await failed;
    const cooldown = env.waitForModalText(modal.id, 'You can ask for a new code in');
    await env.driver.clickButton(modal.id, 'U2', 'resend_code');
    await cooldown;
    const restarted = env.waitForModalText(modal.id, 'Mobile number');
    await env.driver.clickButton(modal.id, 'U2', 'restart_verification');
    await restarted;
  }

  beforeAll(async () => {
    env = await TestEnvironment.start({ env: { VERIFY_SENDS_PER_MEMBER_PER_HOUR: '1' } });
    env.addMembers(MEMBERS);
    await runTheFlows();
    const response = await get(env, '/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    text = await response.text();
    samples = parseMetrics(text);
  });

  afterAll(() => env.stop());

  const count = (name: string, labels?: Record<string, string>) => sampleValue(samples, `verify_phone_${name}`, labels);

  it('counts flows, sends, verifications, failures by reason, refusals by bucket, and the tag retry queue', () => {
    expect(count('flows_started_total')).toBe(2);
    expect(count('codes_sent_total', { kind: 'first' })).toBe(1);
    expect(count('verifications_total')).toBe(1);
    expect(count('failures_total', { event: 'code_wrong', reason: 'none' })).toBe(1);
    expect(count('failures_total', { event: 'send_failed', reason: 'unavailable' })).toBe(1);
    expect(count('failures_total')).toBe(2);
    expect(count('rate_limited_total', { bucket: 'send:member' })).toBe(1);
    expect(count('profile_tags_total', { outcome: 'retry_scheduled' })).toBe(1);
    expect(count('tag_retry_queue_depth')).toBe(1);
  });

  it('times every ack by step, and every MessageMedia and Slack call by operation and outcome', () => {
    const acks = (step: string) => count('ack_duration_seconds_count', { step });
    expect([acks('command'), acks('phone_submitted'), acks('code_submitted')]).toEqual([3, 3, 2]);
    expect([acks('resend'), acks('restart'), acks('home_opened'), acks('other')]).toEqual([1, 1, 1, 0]);
    expect(count('ack_duration_seconds_sum')).toBeGreaterThan(0);

    const calls = (labels: Record<string, string>) => count('outbound_request_duration_seconds_count', labels);
    expect(calls({ service: 'messagemedia', operation: 'send', outcome: '2xx' })).toBe(1);
    expect(calls({ service: 'messagemedia', operation: 'send', outcome: '5xx' })).toBe(1);
    expect(calls({ service: 'messagemedia', operation: 'lookup', outcome: '2xx' })).toBe(2);
    expect(calls({ service: 'slack', operation: 'users.profile.set', outcome: '4xx' })).toBe(1);
    expect(calls({ service: 'slack', operation: 'views.open', outcome: '2xx' })).toBe(3);
    expect(calls({ service: 'slack', operation: 'views.update' })).toBeGreaterThanOrEqual(4);
    expect(calls({ service: 'slack', operation: 'auth.test', outcome: '2xx' })).toBeGreaterThanOrEqual(1);
    expect(samples.some((sample) => sample.name === 'process_cpu_seconds_total')).toBe(true);
  });

  it('never carries a phone number, a member or team id, or a secret, and labels come from fixed sets', () => {
    const secrets = [BOT_TOKEN, ADMIN_TOKEN, MM_KEY, MM_SECRET, SIGNING_SECRET, VERIFY_SECRET, env.slack.team.id];
    for (const secret of secrets) expect(text).not.toContain(secret);
    for (const number of [ALICE, BOB, CAROL]) expect(text).not.toContain(number.slice(3));
    const labelValues = samples.flatMap((sample) => Object.values(sample.labels));
    expect(labelValues.filter((value) => /^[UTW][A-Z0-9]+$/.test(value))).toEqual([]);

    const ours = samples.filter((sample) => sample.name.startsWith('verify_phone_'));
    const valuesOf = (label: string) => [...new Set(ours.flatMap((sample) => sample.labels[label] ?? []))];
    expect(valuesOf('bucket').filter((bucket) => !(BUCKET_KINDS as readonly string[]).includes(bucket))).toEqual([]);
    expect(valuesOf('service').sort()).toEqual(['messagemedia', 'slack']);
    expect(
      valuesOf('operation').filter((operation) => !/^(send|lookup|[a-z]+(\.[a-zA-Z]+)+)$/.test(operation)),
    ).toEqual([]);
  });
});

describe('GET /metrics with METRICS_ENABLED=false', () => {
  it('is a 404, and the app still serves', async () => {
    const env = await TestEnvironment.start({ env: { METRICS_ENABLED: 'false' } });
    try {
      env.addMembers(MEMBERS);
      expect((await get(env, '/metrics')).status).toBe(404);
      expect((await get(env, '/healthz')).status).toBe(200);
      await env.reachCodeStep('U1', ALICE, ALICE);
    } finally {
      await env.stop();
    }
  });
});
