import { wait } from '../../src/messages/duration';
import { TestEnvironment } from '../support/environment';
import { codeStepPrompt, message, withNumber } from '../support/texts';

const ALICE = '+61491570156';
const BOB = '+61491570157';

const NEW_CODE = message('resend.sent');
const ONE_HOUR = message('send.rate_limited', { retryAfter: wait(3_600) });
const wrongCode = (attemptsLeft: number) => message('code.wrong', { attemptsLeft });

/** Abuse protection: resends, budgets, countries and number binding, as members see them. */
describe('abuse protection', () => {
  let env: TestEnvironment;
  let now: number;

  async function start(env_: Record<string, string> = {}) {
    now = Date.now();
    env = await TestEnvironment.start({ env: { VERIFY_DEFAULT_COUNTRY: 'AU', ...env_ }, clock: () => now });
    env.addMembers({ U1: 'alice', U2: 'bob', U3: 'carol' });
  }

  afterEach(() => env.stop());

  async function submitNumber(userId: string, number: string) {
    const modal = await env.openVerification(userId);
    const result = await env.driver.submitView(modal.id, userId, { phone_block: number });
    return { modal, result };
  }

  async function clickAndAwait(viewId: string, userId: string, actionId: string, text: string) {
    const shown = env.waitForModalText(viewId, text);
    await env.driver.clickButton(viewId, userId, actionId);
    return JSON.stringify((await shown).view);
  }

  async function submitCodeAndAwait(viewId: string, userId: string, code: string, text: string) {
    const shown = env.waitForModalText(viewId, text);
    await env.driver.submitView(viewId, userId, { code_block: code });
    return JSON.stringify((await shown).view);
  }

  describe('resend', () => {
    beforeEach(() => start({ VERIFY_MAX_ATTEMPTS: '3' }));

    it('waits for the cooldown, then sends a new code that replaces the old one', async () => {
      const { viewId, code: first } = await env.reachCodeStep('U1', ALICE, ALICE);
      const cooldown = message('resend.cooldown', { wait: wait(30) });
      expect(await clickAndAwait(viewId, 'U1', 'resend_code', cooldown)).toContain(cooldown);
      expect(env.messageMedia.outbox).toHaveLength(1);

      now += 30_000;
      await clickAndAwait(viewId, 'U1', 'resend_code', NEW_CODE);
      expect(env.messageMedia.outbox).toHaveLength(2);
      const second = env.codeSentTo(ALICE);
      expect(second).not.toBe(first);

      expect(await submitCodeAndAwait(viewId, 'U1', first, wrongCode(2))).toContain(wrongCode(2));
      await submitCodeAndAwait(viewId, 'U1', second, withNumber('verified.title', ALICE));
    });

    it('does not reset the attempt counter', async () => {
      const { viewId, code } = await env.reachCodeStep('U1', ALICE, ALICE);
      const wrong = code === '000000' ? '111111' : '000000';
      await submitCodeAndAwait(viewId, 'U1', wrong, wrongCode(2));
      await submitCodeAndAwait(viewId, 'U1', wrong, wrongCode(1));
      now += 30_000;
      await clickAndAwait(viewId, 'U1', 'resend_code', NEW_CODE);
      const fresh = env.codeSentTo(ALICE);
      await submitCodeAndAwait(viewId, 'U1', fresh === '000000' ? '111111' : '000000', message('flow.locked'));
    });

    it('"Use a different number" goes back to the number step', async () => {
      const { viewId } = await env.reachCodeStep('U1', ALICE, ALICE);
      expect(await clickAndAwait(viewId, 'U1', 'restart_verification', message('phone.input_label'))).toContain(
        message('phone.submit'),
      );
      const codeStep = env.waitForModalText(viewId, codeStepPrompt(BOB));
      await env.driver.submitView(viewId, 'U1', { phone_block: BOB });
      await codeStep;
      await submitCodeAndAwait(viewId, 'U1', env.codeSentTo(BOB), withNumber('verified.title', BOB));
    });
  });

  describe('send budgets', () => {
    it('limits sends per member per hour, and says when to try again', async () => {
      await start({ VERIFY_SENDS_PER_MEMBER_PER_HOUR: '2' });
      await env.reachCodeStep('U1', ALICE, ALICE);
      await env.reachCodeStep('U1', BOB, BOB);
      const { result } = await submitNumber('U1', '+61491570158');
      expect(result.errors?.phone_block).toBe(ONE_HOUR);
      expect(env.messageMedia.outbox).toHaveLength(2);
      // Another member is not affected; the member is again an hour later.
      await env.reachCodeStep('U2', '+61491570159', '+61491570159');
      now += 3_600_000;
      await env.reachCodeStep('U1', '+61491570158', '+61491570158');
    });

    it('limits sends per number, whoever asks, without naming anyone', async () => {
      await start({ VERIFY_SENDS_PER_NUMBER_PER_HOUR: '1', VERIFY_ALLOW_SHARED_NUMBERS: 'true' });
      await env.reachCodeStep('U1', ALICE, ALICE);
      const { result } = await submitNumber('U2', ALICE);
      expect(result.errors?.phone_block).toBe(ONE_HOUR);
      expect(env.messageMedia.outbox).toHaveLength(1);
    });

    it('limits sends per workspace per hour and per day', async () => {
      await start({ VERIFY_SENDS_PER_WORKSPACE_PER_HOUR: '2', VERIFY_SENDS_PER_WORKSPACE_PER_DAY: '3' });
      await env.reachCodeStep('U1', ALICE, ALICE);
      await env.reachCodeStep('U2', BOB, BOB);
      expect((await submitNumber('U3', '+61491570158')).result.errors?.phone_block).toBe(ONE_HOUR);
      now += 3_600_000;
      await env.reachCodeStep('U3', '+61491570158', '+61491570158');
      const { result } = await submitNumber('U3', '+61491570159');
      expect(result.errors?.phone_block).toBe(message('send.rate_limited', { retryAfter: wait(23 * 3_600) }));
      expect(env.messageMedia.outbox).toHaveLength(3);
    });

    it('counts resends against the budgets too', async () => {
      await start({ VERIFY_SENDS_PER_MEMBER_PER_HOUR: '1', VERIFY_RESEND_COOLDOWN_SECONDS: '0' });
      const { viewId } = await env.reachCodeStep('U1', ALICE, ALICE);
      expect(await clickAndAwait(viewId, 'U1', 'resend_code', ONE_HOUR)).toContain(codeStepPrompt(ALICE));
      expect(env.messageMedia.outbox).toHaveLength(1);
    });

    it('limits wrong codes per member per day, across flows', async () => {
      await start({ VERIFY_FAILED_CHECKS_PER_MEMBER_PER_DAY: '2', VERIFY_MAX_ATTEMPTS: '5' });
      const first = await env.reachCodeStep('U1', ALICE, ALICE);
      const wrong = first.code === '000000' ? '111111' : '000000';
      await submitCodeAndAwait(first.viewId, 'U1', wrong, wrongCode(4));
      await submitCodeAndAwait(first.viewId, 'U1', wrong, wrongCode(3));
      const refused = await env.driver.submitView(first.viewId, 'U1', { code_block: first.code });
      expect(refused.errors?.code_block).toBe(message('code.rate_limited'));
      // A new flow does not reset the daily count.
      const second = await env.reachCodeStep('U1', BOB, BOB);
      const again = await env.driver.submitView(second.viewId, 'U1', { code_block: second.code });
      expect(again.errors?.code_block).toBe(message('code.rate_limited'));
      now += 86_400_000;
      await submitCodeAndAwait(second.viewId, 'U1', second.code, message('flow.expired'));
    });
  });

  describe('countries', () => {
    beforeEach(() => start({ VERIFY_ALLOWED_COUNTRIES: 'AU,NZ' }));

    it('refuses a number from a country off the list before any provider call', async () => {
      const { result } = await submitNumber('U1', '+44 7911 123 456');
      expect(result.errors?.phone_block).toBe(message('phone.country_not_allowed', { countries: ['AU', 'NZ'] }));
      expect(env.messageMedia.requests).toHaveLength(0);
    });

    it('accepts numbers from the listed countries', async () => {
      await env.reachCodeStep('U1', '+64 21 123 4567', '+64211234567');
    });
  });

  describe('number binding', () => {
    it("refuses a number another member verified, and replaces a member's own number", async () => {
      await start();
      const alice = await env.reachCodeStep('U1', ALICE, ALICE);
      await submitCodeAndAwait(alice.viewId, 'U1', alice.code, withNumber('verified.title', ALICE));

      const { result } = await submitNumber('U2', ALICE);
      expect(result.errors?.phone_block).toBe(message('number.taken'));

      const again = await env.reachCodeStep('U1', BOB, BOB);
      await submitCodeAndAwait(again.viewId, 'U1', again.code, withNumber('verified.title', BOB));
      expect(Object.values(env.slack.profileOf('U1'))[0]?.value).toContain('+61 4•• ••• 157');
      // Alice's old number is free again.
      await env.reachCodeStep('U2', ALICE, ALICE);
    });

    it('refuses at completion too, when two members race for the same number', async () => {
      await start();
      const alice = await env.reachCodeStep('U1', ALICE, ALICE);
      const bob = await env.reachCodeStep('U2', ALICE, ALICE);
      await submitCodeAndAwait(alice.viewId, 'U1', alice.code, withNumber('verified.title', ALICE));
      expect(await submitCodeAndAwait(bob.viewId, 'U2', bob.code, message('number.taken'))).toContain(
        message('button.start_again'),
      );
      expect(env.slack.profileOf('U2')).toEqual({});
    });

    it('allows shared numbers when configured', async () => {
      await start({ VERIFY_ALLOW_SHARED_NUMBERS: 'true' });
      const alice = await env.reachCodeStep('U1', ALICE, ALICE);
      await submitCodeAndAwait(alice.viewId, 'U1', alice.code, withNumber('verified.title', ALICE));
      const bob = await env.reachCodeStep('U2', ALICE, ALICE);
      await submitCodeAndAwait(bob.viewId, 'U2', bob.code, withNumber('verified.title', ALICE));
    });
  });

  describe('audit log', () => {
    it('shows admins the recent events, never the code, and members only their status', async () => {
      await start();
      const alice = await env.reachCodeStep('U1', ALICE, ALICE);
      await submitCodeAndAwait(alice.viewId, 'U1', alice.code === '000000' ? '111111' : '000000', wrongCode(4));
      await submitCodeAndAwait(alice.viewId, 'U1', alice.code, withNumber('verified.title', ALICE));

      await env.driver.openHomeTab('UOWNER');
      const admin = await env.slack.waitForView((view) => view.type === 'home' && view.userId === 'UOWNER');
      const shown = JSON.stringify(admin.view);
      for (const event of ['flow_started', 'sent', 'code_wrong', 'verified', 'tag_set']) expect(shown).toContain(event);
      expect(shown).toContain('<@U1>');
      expect(shown).toContain('+61 4•• ••• 156');
      expect(shown).not.toContain(alice.code);

      await env.driver.openHomeTab('U2');
      const member = await env.slack.waitForView((view) => view.type === 'home' && view.userId === 'U2');
      expect(JSON.stringify(member.view)).not.toContain(message('home.activity_title'));
    });
  });
});
