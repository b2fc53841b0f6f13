import { lifetime, wait } from '../../src/messages/duration';
import { maskPhoneNumber } from '../../src/verification/phone-number';
import { TestEnvironment } from '../support/environment';
import { auditEvents } from '../support/faults';
import { message, withNumber } from '../support/texts';

const ALICE = '+61491570156';
const LANDLINE = '+61293744000'; // Sydney, typed as 02 9374 4000
const CALL_ME = message('button.call');
const CALLED = message('resend.called');
const ONE_HOUR = message('send.rate_limited', { retryAfter: wait(3_600) });
const spokenPrompt = (e164: string) =>
  message('code.prompt_voice', { codeLength: 6, maskedNumber: maskPhoneNumber(e164), expiresIn: lifetime(600) });

/** "Call me instead" and landlines: codes read out by a MessageMedia TTS call. */
describe('voice calls', () => {
  let env: TestEnvironment;
  let now: number;

  async function start(settings: Record<string, string> = {}) {
    now = Date.now();
    env = await TestEnvironment.start({ env: { VERIFY_DEFAULT_COUNTRY: 'AU', ...settings }, clock: () => now });
    env.addMembers({ U1: 'alice' });
  }

  afterEach(() => env.stop());

  const shownView = (viewId: string) => JSON.stringify(env.slack.view(viewId)?.view);

  async function clickAndAwait(viewId: string, actionId: string, text: string) {
    const shown = env.waitForModalText(viewId, text);
    await env.driver.clickButton(viewId, 'U1', actionId);
    return JSON.stringify((await shown).view);
  }

  async function submitCodeAndAwait(viewId: string, code: string, text: string) {
    const shown = env.waitForModalText(viewId, text);
    await env.driver.submitView(viewId, 'U1', { code_block: code });
    return JSON.stringify((await shown).view);
  }

  it('Call me instead: a TTS call to the same number, the SMS code dies, and the spoken code verifies', async () => {
    await start({ VERIFY_RESEND_COOLDOWN_SECONDS: '0' });
    const { viewId, code: smsCode } = await env.reachCodeStep('U1', ALICE, ALICE);
    const sms = env.messageMedia.lastMessageTo(ALICE);
    expect(shownView(viewId)).toContain(CALL_ME);

    expect(await clickAndAwait(viewId, 'call_code', CALLED)).toContain(spokenPrompt(ALICE));
    const call = env.messageMedia.lastMessageTo(ALICE);
    expect(call).toMatchObject({ format: 'TTS', destination_number: ALICE });
    expect(Object.keys(call?.metadata ?? {})).toEqual(Object.keys(sms?.metadata ?? {}));
    expect(call?.metadata).toMatchObject({ flow: sms?.metadata?.flow, user: 'U1' });
    const spoken = env.spokenCodeTo(ALICE);
    expect(call?.content).toContain([...spoken].join(', '));
    expect(auditEvents(env, 'called')).toHaveLength(1);

    if (smsCode !== spoken) {
      const wrong = message('code.wrong', { attemptsLeft: 4 });
      expect(await submitCodeAndAwait(viewId, smsCode, wrong)).toContain(wrong);
    }
    await submitCodeAndAwait(viewId, spoken, withNumber('verified.title', ALICE));
    expect(env.logs.text).not.toContain([...spoken].join(', '));
  });

  it('offers the call on the code step only once the cooldown is over', async () => {
    await start();
    const { viewId, code } = await env.reachCodeStep('U1', ALICE, ALICE);
    expect(shownView(viewId)).not.toContain(CALL_ME);
    now += 30_000;
    const wrong = message('code.wrong', { attemptsLeft: 4 });
    expect(await submitCodeAndAwait(viewId, code === '000000' ? '111111' : '000000', wrong)).toContain(CALL_ME);
  });

  it('offers the call at once when the SMS could not be sent; before the cooldown a click gets its notice', async () => {
    await start();
    env.messageMedia.failNext('send', { status: 500 });
    const modal = await env.openVerification('U1');
    const failed = env.waitForModalText(modal.id, withNumber('send.failed', ALICE));
    await env.driver.submitView(modal.id, 'U1', { phone_block: '0491 570 156' });
    expect(JSON.stringify((await failed).view)).toContain(CALL_ME);

    const cooldown = message('resend.cooldown', { wait: wait(30) });
    expect(await clickAndAwait(modal.id, 'call_code', cooldown)).toContain(CALL_ME);
    expect(env.messageMedia.outbox).toHaveLength(0);

    now += 30_000;
    await clickAndAwait(modal.id, 'call_code', CALLED);
    await submitCodeAndAwait(modal.id, env.spokenCodeTo(ALICE), withNumber('verified.title', ALICE));
  });

  it('VERIFY_VOICE_ENABLED=false removes the button, even after a failed send', async () => {
    await start({ VERIFY_VOICE_ENABLED: 'false', VERIFY_RESEND_COOLDOWN_SECONDS: '0' });
    const { viewId } = await env.reachCodeStep('U1', ALICE, ALICE);
    expect(shownView(viewId)).toContain(message('button.resend'));
    expect(shownView(viewId)).not.toContain(CALL_ME);

    env.messageMedia.failNext('send', { status: 500 });
    const failed = await clickAndAwait(viewId, 'resend_code', withNumber('send.failed', ALICE));
    expect(failed).not.toContain(CALL_ME);
  });

  it('counts a call against the same send budget as an SMS', async () => {
    await start({ VERIFY_RESEND_COOLDOWN_SECONDS: '0', VERIFY_SENDS_PER_MEMBER_PER_HOUR: '2' });
    const { viewId } = await env.reachCodeStep('U1', ALICE, ALICE);
    await clickAndAwait(viewId, 'call_code', CALLED);
    expect(await clickAndAwait(viewId, 'call_code', ONE_HOUR)).toContain(ONE_HOUR);
    expect(env.messageMedia.outbox.map((sent) => sent.format)).toEqual(['SMS', 'TTS']);
    expect(auditEvents(env, 'rate_limited')).toHaveLength(1);
  });

  it('calls a landline instead of texting it, says so, and the spoken code verifies', async () => {
    await start({ VERIFY_RESEND_COOLDOWN_SECONDS: '0' });
    const modal = await env.openVerification('U1');
    const codeStep = env.waitForModalText(modal.id, spokenPrompt(LANDLINE));
    const ack = await env.driver.submitView(modal.id, 'U1', { phone_block: '02 9374 4000' });
    const calling = message('progress.calling', { maskedNumber: maskPhoneNumber(LANDLINE) });
    expect(JSON.stringify(ack.view?.view)).toContain(calling);
    const step = JSON.stringify((await codeStep).view);
    expect(step).not.toContain(CALL_ME); // it is a call already
    expect(env.messageMedia.outbox.map((sent) => sent.format)).toEqual(['TTS']);

    // Resend to a landline is a call too.
    await clickAndAwait(modal.id, 'resend_code', CALLED);
    expect(env.messageMedia.outbox.map((sent) => sent.format)).toEqual(['TTS', 'TTS']);
    await submitCodeAndAwait(modal.id, env.spokenCodeTo(LANDLINE), withNumber('verified.title', LANDLINE));
    expect(auditEvents(env, 'called')).toHaveLength(2);
  });

  it('refuses a landline as before when voice is disabled', async () => {
    await start({ VERIFY_VOICE_ENABLED: 'false' });
    const modal = await env.openVerification('U1');
    const result = await env.driver.submitView(modal.id, 'U1', { phone_block: '02 9374 4000' });
    expect(result.action).toBe('errors');
    expect(result.errors?.phone_block).toBe(message('phone.not_mobile'));
    expect(env.messageMedia.outbox).toHaveLength(0);
  });
});
