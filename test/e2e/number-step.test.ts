import { TestEnvironment } from '../support/environment';

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
    ['not a number', 'hello', "doesn't look like a phone number"],
    ['invalid digits', '+61 491 570 15', "isn't a valid phone number"],
    ['premium rate', '+61 1900 123 456', "can't send codes to premium-rate"],
    ['toll free', '1800 123 456', "can't send codes to premium-rate, toll-free"],
    ['shared cost', '13 00 00', 'shared-cost'],
    ['US premium rate', '+1 900 555 0123', 'premium-rate'],
    ['landline', '02 9374 4000', 'looks like a landline'],
    ['Iridium satellite', '+881 6 101 23456', "can't send codes to satellite or international-network numbers"],
    ['JSON in the field', '{"phone":"+61491570156"}', "doesn't look like a phone number"],
    ['too long', `+61 ${'4'.repeat(50)}`, 'too long to be a phone number'],
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
    const failed = env.waitForModalText(modal.id, "couldn't send a code");
    const ack = await env.driver.submitView(modal.id, 'U1', { phone_block: '0491 570 156' });
    expect(ack.action).toBe('update');
    const view = JSON.stringify((await failed).view);
    expect(view).toContain("isn't answering right now");
    expect(view).toContain('Resend code');
    expect(view).toContain('Use a different number');
    expect(view).not.toContain('500');

    const restarted = env.waitForModalText(modal.id, 'Mobile number');
    await env.driver.clickButton(modal.id, 'U1', 'restart_verification');
    await restarted;
  });

  it('survives a provider answering with an HTML error page', async () => {
    env.messageMedia.failNext('send', { status: 502, html: true });
    const modal = await env.openVerification('U1');
    const failed = env.waitForModalText(modal.id, "couldn't send a code");
    await env.driver.submitView(modal.id, 'U1', { phone_block: '0491 570 156' });
    expect(JSON.stringify((await failed).view)).toContain("isn't answering right now. Nothing was sent.");
  });

  it('acks at once and delivers the code step later when the provider takes 5 s', async () => {
    env.messageMedia.latencyMs = 5_000;
    try {
      const modal = await env.openVerification('U1');
      const codeStep = env.waitForModalText(modal.id, 'Enter the 6-digit code', 10_000);
      const ack = await env.driver.submitView(modal.id, 'U1', { phone_block: '0491 570 156' });
      expect(ack.error).toBeUndefined(); // the driver reports an ack later than Slack's 3 s as an error
      expect(ack.action).toBe('update');
      expect(JSON.stringify(ack.view?.view)).toContain('Sending a code');
      await codeStep;
    } finally {
      env.messageMedia.latencyMs = 0;
    }
  }, 20_000);
});
