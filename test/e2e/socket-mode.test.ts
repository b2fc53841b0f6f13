import { SlackDriver } from '../../emulators/slack';
import { APP_TOKEN, PROFILE_FIELD, TestEnvironment } from '../support/environment';
import { eventually } from '../support/faults';

const NUMBER = '0491 570 156';
const E164 = '+61491570156';

describe('/verify-phone over Socket Mode', () => {
  let env: TestEnvironment;

  beforeEach(async () => {
    env = await TestEnvironment.start({ transport: 'socket', env: { VERIFY_DEFAULT_COUNTRY: 'AU' } });
    env.addMembers({ U1: 'alice' });
  });

  afterEach(() => env.stop());

  /** Every envelope the app answered was acked exactly once. */
  function expectEachEnvelopeAckedOnce(): void {
    const { acks } = env.slack.socketMode;
    expect(acks.length).toBeGreaterThan(0);
    expect(new Set(acks).size).toBe(acks.length);
  }

  /** The member types the code they were sent; resolves with the view they end on. */
  async function finish(viewId: string, code: string): Promise<string> {
    const verified = env.waitForModalText(viewId, 'is verified');
    const submitted = await env.driver.submitView(viewId, 'U1', { code_block: code });
    expect(submitted.action).toBe('update');
    expect(JSON.stringify(submitted.view?.view)).toContain('Checking your code');
    return JSON.stringify((await verified).view);
  }

  it('connects with the app-level token, says so in the log, and serves /healthz', async () => {
    expect(env.slack.callsTo('apps.connections.open')).toEqual([expect.objectContaining({ token: 'app', ok: true })]);
    expect(env.slack.socketMode.openConnections).toBe(1);
    expect(env.logs.entries()).toContainEqual(
      expect.objectContaining({ msg: 'verify-phone listening', transport: 'socket' }),
    );
    expect(env.logs.text).not.toContain(APP_TOKEN);
    expect(await env.healthStatus()).toBe(200);
  });

  it('verifies a number, tags the profile and shows it on the Home tab', async () => {
    const command = await env.driver.runSlashCommand('U1', '/verify-phone');
    expect(command).toMatchObject({ status: 200, body: '' });
    const modal = await env.slack.waitForView((view) => view.userId === 'U1' && view.type === 'modal');
    expect(JSON.stringify(modal.view)).toContain('Mobile number');

    const codeStep = env.waitForModalText(modal.id, 'Enter the 6-digit code');
    const phone = await env.driver.submitView(modal.id, 'U1', { phone_block: NUMBER });
    expect(phone.action).toBe('update');
    expect(JSON.stringify(phone.view?.view)).toContain('Sending a code to *+61 4•• ••• 156*');
    await codeStep;

    expect(await finish(modal.id, env.codeSentTo(E164))).toContain('Your Slack profile now shows');
    expect(env.slack.profileOf('U1')[PROFILE_FIELD.id]?.value).toMatch(/^\+61 4•• ••• 156 \(verified /);

    await env.driver.openHomeTab('U1');
    const home = await env.slack.waitForView(
      (view) => view.type === 'home' && JSON.stringify(view.view).includes('Verified:* +61 4•• ••• 156'),
    );
    expect(home.userId).toBe('U1');
    expectEachEnvelopeAckedOnce();
  });

  it('shows a modal error carried in the ack payload', async () => {
    const modal = await env.openVerification('U1');
    const result = await env.driver.submitView(modal.id, 'U1', { phone_block: 'hello' });
    expect(result.action).toBe('errors');
    expect(result.errors?.phone_block).toContain("doesn't look like a phone number");
    expect(env.messageMedia.outbox).toHaveLength(0);
  });

  it.each([
    ['Slack asks for a refresh', () => env.slack.socketMode.disconnect('refresh_requested')],
    ['Slack disables the link', () => env.slack.socketMode.disconnect('link_disabled')],
    ['the socket drops', () => env.slack.socketMode.dropSocket()],
  ])('lets a member at the code step finish when %s', async (_label, replaceSocket) => {
    const { viewId, code } = await env.reachCodeStep('U1', NUMBER, E164);
    replaceSocket();
    expect(await finish(viewId, code)).toContain('Your Slack profile now shows');

    expect(env.slack.socketMode.connectionCount).toBe(2);
    expect(env.slack.socketMode.openConnections).toBe(1);
    expectEachEnvelopeAckedOnce();
  });

  it('answers /healthz 503 while no socket is connected, and 200 again once one is', async () => {
    // Slack is slow to hand out the next URL, so the app stays without a socket for a while.
    env.slack.failNext('apps.connections.open', { delayMs: 500 });
    env.slack.socketMode.dropSocket();
    await eventually(async () => (await env.healthStatus()) === 503, { what: '/healthz 503', intervalMs: 10 });
    await eventually(async () => (await env.healthStatus()) === 200, { what: '/healthz 200' });

    const modal = await env.openVerification('U1');
    expect(JSON.stringify(modal.view)).toContain('Mobile number');
  });

  it('backs off while Slack refuses to open connections, then reconnects', async () => {
    env.slack.failNext('apps.connections.open', { error: 'internal_error' }, 3);
    env.slack.socketMode.dropSocket();
    await eventually(() => env.slack.socketMode.openConnections === 1 && env.slack.socketMode.connectionCount === 2, {
      what: 'a new connection',
    });
    const opens = env.slack.callsTo('apps.connections.open');
    expect(opens.map((call) => call.error ?? 'ok')).toEqual([
      'ok',
      'internal_error',
      'internal_error',
      'internal_error',
      'ok',
    ]);
    expect(env.logs.text).toContain('Socket Mode dial failed; retrying');
  });

  it('acks and drops an envelope it cannot route, and keeps serving', async () => {
    const ack = await env.slack.socketMode.deliver('interactive', { type: 'view_submission', view: null }, 3_000);
    expect(ack.payload).toBeUndefined();
    expect(env.logs.text).toContain('envelope acked and dropped: malformed view_submission');

    const modal = await env.openVerification('U1');
    expect(JSON.stringify(modal.view)).toContain('Mobile number');
  });

  it('leaves an envelope no listener acks unanswered, with Bolt’s 3 s warning, as over HTTP', async () => {
    const patient = new SlackDriver({ transport: 'socket', emulator: env.slack, requestTimeoutMs: 3_500 });
    await expect(patient.runSlashCommand('U1', '/not-ours')).rejects.toThrow(/no ack for envelope/);
    expect(env.logs.text).toContain('An incoming event was not acknowledged within 3 seconds');
  });

  it('lets a member finish after the app restarts between the steps, with one connection open', async () => {
    const { viewId, code } = await env.reachCodeStep('U1', NUMBER, E164);
    await env.restartApp();
    expect(await finish(viewId, code)).toContain('Your Slack profile now shows');
    // The stopped app closed its socket and did not dial again.
    expect(env.slack.socketMode.connectionCount).toBe(2);
    expect(env.slack.socketMode.openConnections).toBe(1);
  });
});

describe('Socket Mode start-up', () => {
  it('refuses to start when Slack does not know the app-level token, and names the setting', async () => {
    const wrong = 'xapp-1-A0000VERIFY-1-not-the-real-one';
    const started = TestEnvironment.start({ transport: 'socket', env: { SLACK_APP_TOKEN: wrong } });
    await expect(started).rejects.toThrow('Socket Mode could not connect with SLACK_APP_TOKEN: invalid_auth');
    await expect(started).rejects.not.toThrow(wrong);
  });
});
