import { SIGNING_SECRET, TestEnvironment } from '../support/environment';
import { forgedViewSubmission } from '../support/payloads';
import { message, withNumber } from '../support/texts';

const ALICE_NUMBER = '+61491570156';
const VERIFIED = withNumber('verified.title', ALICE_NUMBER);
const WRONG = message('code.wrong', { attemptsLeft: 2 });
const LAST_TRY = message('code.wrong', { attemptsLeft: 1 });
const LOCKED = message('flow.locked');
const START_AGAIN = message('button.start_again');

describe('code step', () => {
  let env: TestEnvironment;
  let now: number;

  beforeEach(async () => {
    now = Date.now();
    env = await TestEnvironment.start({ env: { VERIFY_MAX_ATTEMPTS: '3' }, clock: () => now });
    env.slack.addUser({ id: 'U1', name: 'alice' });
    env.slack.addUser({ id: 'U2', name: 'mallory' });
  });

  afterEach(() => env.stop());

  const wrongCodeFor = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  async function submitCode(viewId: string, code: string, userId = 'U1') {
    const result = await env.driver.submitView(viewId, userId, { code_block: code });
    expect(result.error).toBeUndefined();
    return result;
  }

  async function submitAndAwait(viewId: string, code: string, text: string) {
    const shown = env.waitForModalText(viewId, text);
    await submitCode(viewId, code);
    return JSON.stringify((await shown).view);
  }

  it('counts wrong codes down and kills the flow after the last attempt', async () => {
    const { viewId, code } = await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    expect(await submitAndAwait(viewId, wrongCodeFor(code), WRONG)).toContain(WRONG);
    expect(await submitAndAwait(viewId, wrongCodeFor(code), LAST_TRY)).toContain(LAST_TRY);
    expect(await submitAndAwait(viewId, wrongCodeFor(code), LOCKED)).toContain(START_AGAIN);
    expect(env.slack.profileOf('U1')).toEqual({});
  });

  it('refuses even the right code once the attempts are used up', async () => {
    const { viewId, code } = await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    for (const left of [WRONG, LAST_TRY, LOCKED]) {
      await submitAndAwait(viewId, wrongCodeFor(code), left);
    }
    // The modal now has no input; replay the code step as a client could.
    const codeStep = env.slack.calls.filter((call) => call.method === 'views.update').map((call) => call.args.view);
    expect(codeStep.length).toBeGreaterThan(0);
    const replay = await replayCodeStep(viewId, 'U1', code);
    expect(replay).toContain(LOCKED);
  });

  it('refuses a malformed code inline without counting it', async () => {
    const { viewId, code } = await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    for (const junk of ['12345', '12a456', '١٢٣٤٥٦', ` ${code}x`]) {
      const result = await env.driver.submitView(viewId, 'U1', { code_block: junk }, { clientValidation: false });
      expect(result.action).toBe('errors');
      expect(result.errors?.code_block).toBe(message('code.malformed', { codeLength: 6 }));
    }
    expect(await submitAndAwait(viewId, code, VERIFIED)).toContain('+61 4•• ••• 156');
  });

  it('refuses an expired code', async () => {
    const { viewId, code } = await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    now += 600_000; // exactly the default 10-minute lifetime
    expect(await submitAndAwait(viewId, code, message('flow.expired'))).toContain(START_AGAIN);
    expect(env.slack.profileOf('U1')).toEqual({});
  });

  it('accepts the code just before it expires', async () => {
    const { viewId, code } = await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    now += 599_000;
    await submitAndAwait(viewId, code, VERIFIED);
  });

  it('uses a code once: replaying the right code after success is refused', async () => {
    const { viewId, code } = await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    await submitAndAwait(viewId, code, VERIFIED);
    expect(await replayCodeStep(viewId, 'U1', code)).toContain(message('flow.already_verified'));
  });

  it("refuses another member submitting someone else's flow, and keeps the owner's flow alive", async () => {
    const { viewId, code } = await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    expect(await replayCodeStep(viewId, 'U2', code)).toContain(message('flow.unknown_flow'));
    expect(env.slack.profileOf('U2')).toEqual({});
    await submitAndAwait(viewId, code, VERIFIED);
  });

  it('refuses a forged or tampered flow reference without counting an attempt', async () => {
    const { viewId, code } = await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    const view = env.slack.view(viewId);
    if (view?.view.type !== 'modal') throw new Error('no code step');
    const original = view.view.private_metadata ?? '';
    const tampered = `${original.slice(0, 5)}${original[5] === 'A' ? 'B' : 'A'}${original.slice(6)}`;
    for (const reference of [tampered, 'AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA', '', '{"flowId":"x"}']) {
      expect(await replayCodeStep(viewId, 'U1', code, reference)).toContain(message('flow.unknown_flow'));
    }
    await submitAndAwait(viewId, code, VERIFIED);
  });

  it('still verifies, records and tells the member honestly when Slack refuses the profile tag', async () => {
    env.slack.failNext('users.profile.set', { error: 'not_admin' });
    const { viewId, code } = await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    const shown = await submitAndAwait(viewId, code, VERIFIED);
    expect(shown).toContain(message('badge.refused'));
    expect(env.slack.profileOf('U1')).toEqual({});
    const warning = env.logs.entries().find((entry) => entry.event === 'tag_failed');
    expect(warning).toMatchObject({ reason: 'not_admin', userId: 'U1', phone: '+61 4•• ••• 156' });

    await env.driver.openHomeTab('U1');
    const home = await env.slack.waitForView((view) => view.type === 'home' && view.userId === 'U1');
    expect(JSON.stringify(home.view)).toContain(message('home.badge.failed'));
  });

  it('postpones the check without burning an attempt when the provider lookup fails', async () => {
    const { viewId, code } = await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    env.messageMedia.failNext('lookup', { status: 503 }, 3);
    const postponed = message('code.lookup_failed');
    expect(await submitAndAwait(viewId, code, postponed)).toContain(postponed);
    for (const left of [WRONG, LAST_TRY]) await submitAndAwait(viewId, wrongCodeFor(code), left);
    await submitAndAwait(viewId, code, VERIFIED);
  });

  it('keeps logs free of codes, tokens, secrets and full numbers', async () => {
    const { viewId, code } = await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    await submitAndAwait(viewId, wrongCodeFor(code), WRONG);
    await submitAndAwait(viewId, code, VERIFIED);
    const logs = env.logs.text;
    expect(logs).toContain('"event":"verified"');
    for (const secret of [code, wrongCodeFor(code), '491570156', SIGNING_SECRET, 'xoxb-', 'xoxp-', 'mm-test-secret']) {
      expect(logs).not.toContain(secret);
    }
  });

  /** Signs and posts a code-step submission for `viewId` as `userId`, then returns what the modal shows. */
  async function replayCodeStep(viewId: string, userId: string, code: string, privateMetadata?: string) {
    const view = env.slack.callsTo('views.update').find((call) => {
      const sent = call.args.view as { callback_id?: string } | undefined;
      return call.args.view_id === viewId && sent?.callback_id === 'verify_phone_code';
    });
    const current = env.slack.view(viewId);
    if (!view || !current) throw new Error('the code step was never shown');
    const body = forgedViewSubmission({
      teamId: env.slack.team.id,
      userId,
      view: { ...current, view: view.args.view as typeof current.view },
      values: { code_block: { code_input: code } },
      ...(privateMetadata === undefined ? {} : { privateMetadata }),
    });
    const response = await env.driver.sendRaw(body, env.driver.sign(body));
    expect(response.status).toBe(200);
    return response.body;
  }
});
