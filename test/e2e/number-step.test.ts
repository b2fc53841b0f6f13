import { TestEnvironment } from '../support/environment';
import { codeStepPrompt, message, withNumber } from '../support/texts';

const NUMBER = '+61491570156';
const UNAVAILABLE = message('send.unavailable');

describe('number step', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    // One member sends many codes here; the budgets have their own tests.
    env = await TestEnvironment.start({
      env: {
        VERIFY_DEFAULT_COUNTRY: 'AU',
        VERIFY_SENDS_PER_MEMBER_PER_HOUR: '100',
        VERIFY_SENDS_PER_NUMBER_PER_HOUR: '100',
      },
    });
    env.slack.addUser({ id: 'U1', name: 'alice' });
  });

  afterAll(() => env.stop());

  it.each([
    ['not a number', 'hello', message('phone.unparseable')],
    ['invalid digits', '+61 491 570 15', message('phone.invalid')],
    ['premium rate', '+61 1900 123 456', message('phone.costly')],
    ['toll free', '1800 123 456', message('phone.costly')],
    ['shared cost', '13 00 00', message('phone.costly')],
    ['US premium rate', '+1 900 555 0123', message('phone.costly')],
    ['Iridium satellite', '+881 6 101 23456', message('phone.global_network')],
    ['JSON in the field', '{"phone":"+61491570156"}', message('phone.unparseable')],
    ['too long', `+61 ${'4'.repeat(50)}`, message('phone.too_long')],
  ])('refuses %s inline, and sends nothing', async (_label, number, message) => {
    const modal = await env.openVerification('U1');
    const before = env.messageMedia.outbox.length;
    // Without the client's own checks: a hostile client can send anything.
    const result = await env.driver.submitView(modal.id, 'U1', { phone_block: number }, { clientValidation: false });
    expect(result.error).toBeUndefined();
    expect(result.action).toBe('errors');
    expect(result.errors?.phone_block).toContain(message);
    expect(env.messageMedia.outbox.length).toBe(before);
    expect(env.messageMedia.requests.filter((request) => request.method === 'POST')).toHaveLength(before);
  });

  it('sends the code to an Iridium number when the deployment allows satellite numbers', async () => {
    const allowing = await TestEnvironment.start({ env: { VERIFY_ALLOW_GLOBAL_NETWORK_NUMBERS: 'true' } });
    try {
      allowing.slack.addUser({ id: 'U1', name: 'alice' });
      const { code } = await allowing.reachCodeStep('U1', '+881 6 101 23456', '+881610123456');
      expect(code).toMatch(/^\d{6}$/);
    } finally {
      await allowing.stop();
    }
  });

  it('accepts the international form as well as the national one', async () => {
    const { code } = await env.reachCodeStep('U1', '+61 491 570 156', '+61491570156');
    expect(code).toMatch(/^\d{6}$/);
  });

  it('shows a clear failure, with a way to go on, when the SMS provider fails', async () => {
    env.messageMedia.failNext('send', { status: 500 });
    const modal = await env.openVerification('U1');
    const failed = env.waitForModalText(modal.id, withNumber('send.failed', NUMBER));
    const ack = await env.driver.submitView(modal.id, 'U1', { phone_block: '0491 570 156' });
    expect(ack.action).toBe('update');
    const view = JSON.stringify((await failed).view);
    expect(view).toContain(UNAVAILABLE);
    expect(view).toContain(message('button.resend'));
    expect(view).toContain(message('button.other_number'));
    expect(view).not.toContain('500');

    const restarted = env.waitForModalText(modal.id, message('phone.input_label'));
    await env.driver.clickButton(modal.id, 'U1', 'restart_verification');
    await restarted;
  });

  it('survives a provider answering with an HTML error page', async () => {
    env.messageMedia.failNext('send', { status: 502, html: true });
    const modal = await env.openVerification('U1');
    const failed = env.waitForModalText(modal.id, withNumber('send.failed', NUMBER));
    await env.driver.submitView(modal.id, 'U1', { phone_block: '0491 570 156' });
    expect(JSON.stringify((await failed).view)).toContain(UNAVAILABLE);
  });

  it('acks at once and delivers the code step later when the provider takes 5 s', async () => {
    env.messageMedia.latencyMs = 5_000;
    try {
      const modal = await env.openVerification('U1');
      const codeStep = env.waitForModalText(modal.id, codeStepPrompt(NUMBER), 10_000);
      const ack = await env.driver.submitView(modal.id, 'U1', { phone_block: '0491 570 156' });
      expect(ack.error).toBeUndefined(); // the driver reports an ack later than Slack's 3 s as an error
      expect(ack.action).toBe('update');
      expect(JSON.stringify(ack.view?.view)).toContain(withNumber('progress.sending', NUMBER));
      await codeStep;
    } finally {
      env.messageMedia.latencyMs = 0;
    }
  }, 20_000);
});
