import type { InjectedFailure as MessageMediaFailure } from '../../emulators/messagemedia/faults';
import type { InjectedFailure as SlackFailure } from '../../emulators/slack';
import {
  ADMIN_TOKEN,
  BOT_TOKEN,
  type EnvironmentOptions,
  MM_KEY,
  MM_SECRET,
  PROFILE_FIELD,
  SIGNING_SECRET,
  TestEnvironment,
  VERIFY_SECRET,
} from '../support/environment';
import {
  auditEvents,
  codesSent,
  errorLogs,
  eventually,
  homeTabText,
  lookupRequests,
  ManualClock,
  pause,
  sendRequests,
} from '../support/faults';
import { codeStepPrompt, message, withNumber } from '../support/texts';

// What the member reads, from the catalog (src/messages); texts naming a number come from ../support/texts.
const UNAVAILABLE = message('send.unavailable');
const UNCONFIRMED = message('send.unconfirmed');
const NEW_CODE = message('resend.sent');
const BADGE_SET_NOW = message('badge.set');
const BADGE_SHORTLY = message('badge.transient');
const BADGE_REFUSED = message('badge.refused');
const LOOKUP_FAILED = message('code.lookup_failed');
const HOME_PENDING = message('home.badge.pending');
const HOME_SET = message('home.badge.set');
const HOME_FAILED = message('home.badge.failed');
const RESEND = message('button.resend');
const CHECKING = message('progress.checking');

/** Fictional AU mobiles (ACMA's range for drama, 0491 57x xxx), one per scenario so no log borrows another's digits. */
const NUMBERS = (
  '0006 0110 0156 0157 0158 0159 0313 0737 1266 1491 1804 2549 2665 2983 3087 ' +
  '3770 4118 4632 5254 5789 6398 6801 7426 7644 8148 8888 8957 9212 9455 9760'
)
  .split(' ')
  .map((suffix) => `+6149157${suffix}`);

/** Profile-tag retries every second at most, found within 50 ms of being due. */
const FAST_TAG_RETRY = {
  tagRetry: { baseDelaySeconds: 1, maxDelaySeconds: 1, maxTries: 3 },
  tagRetryPollMs: 50,
} as const;

const wrongCodeFor = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('fault matrix', () => {
  /** Every log of the run, and every code sent or typed, for the hygiene check at the end. */
  const seen = { logs: [] as string[], codes: new Set<string>(), numbers: new Set<string>() };
  let running: TestEnvironment[] = [];
  const numbersLeft: string[] = [...NUMBERS];

  async function start(options: EnvironmentOptions = {}): Promise<TestEnvironment> {
    const env = await TestEnvironment.start(options);
    env.slack.addUser({ id: 'U1', name: 'alice' });
    running.push(env);
    return env;
  }

  /** A number no earlier scenario used. */
  function freshNumber(): string {
    const number = numbersLeft.shift();
    if (!number) throw new Error('out of test numbers');
    seen.numbers.add(number);
    return number;
  }

  function typedWrong(code: string): string {
    const wrong = wrongCodeFor(code);
    seen.codes.add(wrong);
    return wrong;
  }

  afterEach(async () => {
    for (const env of running) {
      seen.logs.push(env.logs.text);
      for (const code of codesSent(env)) seen.codes.add(code);
      await env.stop();
    }
    running = [];
  });

  /** Opens the modal with `failure` queued for the next send, submits `e164`, and returns the view that follows "Sending…". */
  async function submitNumberWhileSendFails(env: TestEnvironment, failure: MessageMediaFailure, e164: string) {
    env.messageMedia.failNext('send', failure);
    const modal = await env.openVerification('U1');
    const failed = env.waitForModalText(modal.id, withNumber('send.failed', e164), 15_000);
    const ack = await env.driver.submitView(modal.id, 'U1', { phone_block: e164 });
    expect(ack.error).toBeUndefined();
    expect(ack.action).toBe('update');
    expect(JSON.stringify(ack.view?.view)).toContain(withNumber('progress.sending', e164));
    const text = JSON.stringify((await failed).view);
    return { viewId: modal.id, text };
  }

  /** "Resend code" on the send-failure view delivers a code that verifies the member. */
  async function resendAndVerify(env: TestEnvironment, viewId: string, e164: string): Promise<void> {
    const codeStep = env.waitForModalText(viewId, NEW_CODE);
    const click = await env.driver.clickButton(viewId, 'U1', 'resend_code');
    expect(click.error).toBeUndefined();
    await codeStep;
    const verified = env.waitForModalText(viewId, withNumber('verified.title', e164));
    await env.driver.submitView(viewId, 'U1', { code_block: env.codeSentTo(e164) });
    await verified;
    expect(env.slack.profileOf('U1')[PROFILE_FIELD.id]?.value).toMatch(/^\+61 4•• ••• \d{3} \(verified /);
  }

  async function expectStillServing(env: TestEnvironment): Promise<void> {
    const health = await fetch(env.appUrl.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
    expect(errorLogs(env)).toEqual([]);
  }

  describe('MessageMedia failing on send', () => {
    const resendable = { env: { VERIFY_RESEND_COOLDOWN_SECONDS: '0' } };

    it.each<[string, MessageMediaFailure]>([
      ['HTTP 429', { status: 429, retryAfterSeconds: 1 }],
      ['HTTP 500', { status: 500 }],
      ['HTTP 502 with an HTML page', { status: 502, html: true }],
    ])('%s: "unavailable", one send only, and Resend then delivers a working code', async (_label, failure) => {
      const env = await start(resendable);
      const number = freshNumber();
      const { viewId, text } = await submitNumberWhileSendFails(env, failure, number);
      expect(text).toContain(UNAVAILABLE);
      expect(text).toContain(RESEND);
      expect(text).toContain(message('button.other_number'));
      expect(text).not.toMatch(/429|500|502|html|Too Many|Internal/i);
      await pause(300); // room for a blind retry, which must not come
      expect(sendRequests(env)).toBe(1);
      expect(env.messageMedia.outbox).toHaveLength(0);

      await resendAndVerify(env, viewId, number);
      expect(sendRequests(env)).toBe(2);
      expect(env.messageMedia.outbox).toHaveLength(1);
      await expectStillServing(env);
    });

    it('a connection reset: the send-failure view, one send only, and Resend then delivers a working code', async () => {
      const env = await start(resendable);
      const number = freshNumber();
      const { viewId, text } = await submitNumberWhileSendFails(env, 'reset', number);
      expect(text).toContain(RESEND);
      await pause(300);
      expect(sendRequests(env)).toBe(1);

      await resendAndVerify(env, viewId, number);
      expect(sendRequests(env)).toBe(2);
      await expectStillServing(env);
    });

    // A reset after the request was written may mean the provider accepted the SMS.
    it('a connection reset after the request went out reads as "couldn\'t confirm", not "Nothing was sent"', async () => {
      const env = await start(resendable);
      const { text } = await submitNumberWhileSendFails(env, 'reset', freshNumber());
      expect(text).toContain(UNCONFIRMED);
      expect(text).not.toContain(UNAVAILABLE);
    });

    it('no answer at all: after the client timeout (10 s) "couldn\'t confirm", one send only, and Resend works', async () => {
      const env = await start(resendable);
      const number = freshNumber();
      const { viewId, text } = await submitNumberWhileSendFails(env, 'hang', number);
      expect(text).toContain(UNCONFIRMED);
      expect(text).toContain(RESEND);
      expect(text).not.toContain(UNAVAILABLE);
      await pause(300);
      expect(sendRequests(env)).toBe(1);

      await resendAndVerify(env, viewId, number);
      expect(sendRequests(env)).toBe(2);
      await expectStillServing(env);
    }, 20_000);
  });

  describe('MessageMedia failing on lookup', () => {
    it.each<[string, MessageMediaFailure]>([
      ['HTTP 429 (Retry-After: 1)', { status: 429, retryAfterSeconds: 1 }],
      ['HTTP 500', { status: 500 }],
      ['HTTP 502 with an HTML page', { status: 502, html: true }],
    ])('%s once: the lookup is retried and the member is verified', async (_label, failure) => {
      const env = await start();
      const number = freshNumber();
      const { viewId, code } = await env.reachCodeStep('U1', number, number);
      const messageId = env.messageMedia.lastMessageTo(number)?.message_id ?? '';
      env.messageMedia.failNext('lookup', failure);
      const verified = env.waitForModalText(viewId, withNumber('verified.title', number));
      const ack = await env.driver.submitView(viewId, 'U1', { code_block: code });
      expect(JSON.stringify(ack.view?.view)).toContain(CHECKING);
      expect(JSON.stringify((await verified).view)).toContain(BADGE_SET_NOW);
      expect(lookupRequests(env, messageId)).toBe(2);
      expect(sendRequests(env)).toBe(1);
      await expectStillServing(env);
    });

    it('failing for good: "couldn\'t check", the try is not counted, and the next codes are judged normally', async () => {
      const env = await start({ env: { VERIFY_MAX_ATTEMPTS: '2' } });
      const number = freshNumber();
      const { viewId, code } = await env.reachCodeStep('U1', number, number);
      const messageId = env.messageMedia.lastMessageTo(number)?.message_id ?? '';
      // 5 failures: the first check's 3 tries use up 3, and the next check's retries absorb the last 2.
      env.messageMedia.failNext('lookup', { status: 500 }, 5);

      const postponed = env.waitForModalText(viewId, LOOKUP_FAILED);
      await env.driver.submitView(viewId, 'U1', { code_block: code });
      expect(JSON.stringify((await postponed).view)).toContain(LOOKUP_FAILED);
      expect(lookupRequests(env, messageId)).toBe(3);

      // With 2 attempts, a counted lookup failure would make this wrong code the last one.
      const oneLeft = env.waitForModalText(viewId, message('code.wrong', { attemptsLeft: 1 }));
      await env.driver.submitView(viewId, 'U1', { code_block: typedWrong(code) });
      expect(JSON.stringify((await oneLeft).view)).toContain(message('code.wrong', { attemptsLeft: 1 }));
      expect(lookupRequests(env, messageId)).toBe(6);

      const verified = env.waitForModalText(viewId, withNumber('verified.title', number));
      await env.driver.submitView(viewId, 'U1', { code_block: code });
      await verified;
      expect(lookupRequests(env, messageId)).toBe(7);
      expect(auditEvents(env, 'verified')).toHaveLength(1);
      await expectStillServing(env);
    });
  });

  describe('Slack failing on users.profile.set', () => {
    let clock: ManualClock;

    beforeEach(() => {
      clock = new ManualClock();
    });

    const startTagging = () => start({ clock: clock.now, app: FAST_TAG_RETRY });

    async function verify(env: TestEnvironment, number: string): Promise<string> {
      const { viewId, code } = await env.reachCodeStep('U1', number, number);
      const verified = env.waitForModalText(viewId, withNumber('verified.title', number));
      await env.driver.submitView(viewId, 'U1', { code_block: code });
      return JSON.stringify((await verified).view);
    }

    /**
     * Moves the app's clock on by a second at a time (each retry is due 1 s after the last try ended) until the
     * retry task has made `calls` users.profile.set calls in all.
     */
    async function retriesUntil(env: TestEnvironment, calls: number): Promise<void> {
      await eventually(
        () => {
          clock.advance(1_000);
          return env.slack.callsTo('users.profile.set').length >= calls;
        },
        { intervalMs: 60, what: `users.profile.set call ${calls}` },
      );
    }

    // The WebClient retries a 5xx once by itself (retryConfig.retries: 1), so a 500 must be served twice
    // for the app to see a failure; a 429 is rejected at once (rejectRateLimitedCalls).
    it.each<[string, SlackFailure, number]>([
      ['rate limited (429, Retry-After: 1)', { status: 429, retryAfterSeconds: 1 }, 1],
      ['HTTP 500', { status: 500 }, 2],
    ])('%s: verified, "badge shortly", queued, then tagged by the retry task', async (_label, failure, served) => {
      const env = await startTagging();
      env.slack.failNext('users.profile.set', failure, served);
      const shown = await verify(env, freshNumber());
      expect(shown).toContain(BADGE_SHORTLY);
      expect(env.slack.profileOf('U1')).toEqual({});
      expect(auditEvents(env, 'tag_retry_scheduled')).toHaveLength(1);
      expect(await homeTabText(env, 'U1')).toContain(HOME_PENDING);

      await pause(200); // not due yet: nothing happens while the clock stands still
      expect(env.slack.callsTo('users.profile.set')).toHaveLength(served);
      await retriesUntil(env, served + 1);
      await eventually(() => auditEvents(env, 'tag_set').length === 1, { what: 'tag_set' });
      expect(env.slack.profileOf('U1')[PROFILE_FIELD.id]?.value).toMatch(/^\+61 4•• ••• \d{3} \(verified /);
      expect(await homeTabText(env, 'U1')).toContain(HOME_SET);
      expect(env.slack.callsTo('users.profile.set')).toHaveLength(served + 1);
      await expectStillServing(env);
    });

    it('a permanent refusal (not_admin) is told to the member and never retried', async () => {
      const env = await startTagging();
      env.slack.failNext('users.profile.set', { error: 'not_admin' });
      expect(await verify(env, freshNumber())).toContain(BADGE_REFUSED);
      clock.advance(10_000);
      await pause(300);
      expect(env.slack.callsTo('users.profile.set')).toHaveLength(1);
      expect(auditEvents(env, 'tag_retry_scheduled')).toHaveLength(0);
      expect(auditEvents(env, 'tag_failed')).toHaveLength(1);
      expect(await homeTabText(env, 'U1')).toContain(HOME_FAILED);
    });

    it('transient failures beyond maxTries end as failed, and the Home tab says so', async () => {
      const env = await startTagging();
      env.slack.failNext('users.profile.set', { status: 429, retryAfterSeconds: 1 }, 3);
      expect(await verify(env, freshNumber())).toContain(BADGE_SHORTLY);
      await retriesUntil(env, 3);
      await eventually(() => auditEvents(env, 'tag_failed').length === 1, { what: 'tag_failed' });
      clock.advance(10_000);
      await pause(300); // maxTries 3 reached: no fourth call however long we wait
      expect(env.slack.callsTo('users.profile.set')).toHaveLength(3);
      expect(env.slack.profileOf('U1')).toEqual({});
      expect(await homeTabText(env, 'U1')).toContain(HOME_FAILED);
      expect(errorLogs(env)).toEqual([]);
    });

    it('the retry queue survives a restart, and the new process completes it', async () => {
      const env = await startTagging();
      env.slack.failNext('users.profile.set', { status: 429, retryAfterSeconds: 1 });
      expect(await verify(env, freshNumber())).toContain(BADGE_SHORTLY);
      await env.restartApp();
      expect(env.slack.callsTo('users.profile.set')).toHaveLength(1);
      await retriesUntil(env, 2);
      await eventually(() => env.slack.profileOf('U1')[PROFILE_FIELD.id], { what: 'profile tag' });
      expect(await homeTabText(env, 'U1')).toContain(HOME_SET);
      await expectStillServing(env);
    });
  });

  it('views.update answering not_found (the member closed the modal): an info line, and the app goes on', async () => {
    const env = await start();
    const number = freshNumber();
    env.slack.failNext('views.update', { error: 'not_found' });
    const modal = await env.openVerification('U1');
    const ack = await env.driver.submitView(modal.id, 'U1', { phone_block: number });
    expect(ack.action).toBe('update');
    await env.slack.waitForCall((call) => call.method === 'views.update' && call.error === 'not_found');
    const line = await eventually(
      () => env.logs.entries().find((entry) => entry.msg === 'modal closed before it could be updated'),
      { what: 'the "modal closed" log line' },
    );
    expect(line.level).toBe(30);
    expect(env.logs.entries().filter((entry) => Number(entry.level) >= 40)).toEqual([]);
    expect(env.messageMedia.outbox).toHaveLength(1); // the SMS did go out

    // The member runs /verify-phone again and gets through.
    const { viewId, code } = await env.reachCodeStep('U1', number, number);
    const verified = env.waitForModalText(viewId, withNumber('verified.title', number));
    await env.driver.submitView(viewId, 'U1', { code_block: code });
    await verified;
    await expectStillServing(env);
  });

  it('a restart between the send and the check: the code still verifies', async () => {
    const env = await start();
    const number = freshNumber();
    const { viewId, code } = await env.reachCodeStep('U1', number, number);
    await env.restartApp();
    const verified = env.waitForModalText(viewId, withNumber('verified.title', number));
    const ack = await env.driver.submitView(viewId, 'U1', { code_block: code });
    expect(ack.error).toBeUndefined();
    expect(JSON.stringify((await verified).view)).toContain(BADGE_SET_NOW);
    await expectStillServing(env);
  });

  describe('concurrent double submits', () => {
    it('the same number submitted twice at once sends one SMS', async () => {
      const env = await start();
      const number = freshNumber();
      const modal = await env.openVerification('U1');
      const codeStep = env.waitForModalText(modal.id, codeStepPrompt(number));
      // Both payloads are built from the number step before either ack is applied.
      const acks = await Promise.all([
        env.driver.submitView(modal.id, 'U1', { phone_block: number }),
        env.driver.submitView(modal.id, 'U1', { phone_block: number }),
      ]);
      for (const ack of acks) expect(ack.status).toBe(200);
      await codeStep;
      await pause(200);
      expect(env.messageMedia.outbox.filter((message) => message.destination_number === number)).toHaveLength(1);
      expect(sendRequests(env)).toBe(1);
      expect(auditEvents(env, 'flow_started')).toHaveLength(1);
      expect(JSON.stringify(env.slack.view(modal.id)?.view)).toContain(codeStepPrompt(number));
      await expectStillServing(env);
    });

    it('the right code submitted twice at once verifies once and tags once', async () => {
      const env = await start();
      const number = freshNumber();
      const { viewId, code } = await env.reachCodeStep('U1', number, number);
      const updatesBefore = env.slack.callsTo('views.update').length;
      const acks = await Promise.all([
        env.driver.submitView(viewId, 'U1', { code_block: code }),
        env.driver.submitView(viewId, 'U1', { code_block: code }),
      ]);
      for (const ack of acks) expect(ack.status).toBe(200);
      // The submission that wins the race shows the result; one that loses it stays silent.
      const checked = acks.filter((ack) => JSON.stringify(ack.view?.view).includes(CHECKING)).length;
      expect(checked).toBeGreaterThanOrEqual(1);
      await eventually(() => auditEvents(env, 'tag_set').length === 1, { what: 'tag_set' });
      await eventually(() => env.slack.callsTo('views.update').length > updatesBefore, { what: 'the result shown' });
      await pause(200);
      expect(auditEvents(env, 'verified')).toHaveLength(1);
      expect(env.slack.callsTo('users.profile.set')).toHaveLength(1);
      const results = env.slack
        .callsTo('views.update')
        .slice(updatesBefore)
        .map((call) => JSON.stringify(call.args.view));
      expect(results).toHaveLength(1);
      expect(results[0]).toContain(withNumber('verified.title', number));
      await expectStillServing(env);
    });
  });

  it('leaves no code, full number, token or secret in any log of the whole matrix', () => {
    expect(seen.logs.length).toBeGreaterThan(0);
    expect(seen.codes.size).toBeGreaterThan(0);
    const logs = seen.logs.join('\n');
    const basicAuth = Buffer.from(`${MM_KEY}:${MM_SECRET}`).toString('base64');
    const secrets = [
      SIGNING_SECRET,
      BOT_TOKEN,
      ADMIN_TOKEN,
      MM_KEY,
      MM_SECRET,
      VERIFY_SECRET,
      basicAuth,
      'xoxb-',
      'xoxp-',
    ];
    for (const secret of secrets) expect(logs).not.toContain(secret);
    // As a whole run of digits: a 6-digit code is bound to occur inside some 13-digit timestamp.
    const digitRuns = new Set(logs.match(/\d+/g));
    for (const code of seen.codes) expect(digitRuns.has(code) ? code : undefined).toBeUndefined();
    for (const number of seen.numbers) {
      expect(logs).not.toContain(number);
      expect(logs).not.toContain(number.slice(3)); // the national digits, 491570156
    }
  });
});
