import { lifetime } from '../../src/messages/duration';
import { PROFILE_FIELD, TestEnvironment } from '../support/environment';
import { codeStepPrompt, message, withNumber } from '../support/texts';

const NUMBER = '+61491570156';

describe('/verify-phone end to end', () => {
  let env: TestEnvironment;

  beforeEach(async () => {
    env = await TestEnvironment.start({ env: { VERIFY_DEFAULT_COUNTRY: 'AU' } });
    env.slack.addUser({ id: 'U1', name: 'alice' });
  });

  afterEach(() => env.stop());

  it('verifies a number, tags the profile and shows it on the Home tab', async () => {
    const command = await env.driver.runSlashCommand('U1', '/verify-phone');
    expect(command.status).toBe(200);
    expect(command.body).toBe('');
    const modal = await env.slack.waitForView((view) => view.userId === 'U1' && view.type === 'modal');
    expect(JSON.stringify(modal.view)).toContain(message('phone.input_label'));

    const codeStep = env.waitForModalText(modal.id, codeStepPrompt(NUMBER));
    const phone = await env.driver.submitView(modal.id, 'U1', { phone_block: '0491 570 156' });
    expect(phone.action).toBe('update');
    expect(JSON.stringify(phone.view?.view)).toContain(withNumber('progress.sending', NUMBER));
    expect(JSON.stringify((await codeStep).view)).toContain('+61 4•• ••• 156');

    const sms = env.messageMedia.lastMessageTo('+61491570156');
    const expected = message('sms.code', { code: env.codeSentTo(NUMBER), workspace: 'acme', expiresIn: lifetime(600) });
    expect(sms?.content).toBe(expected);
    expect(sms?.content.match(/\d{6}/g)).toHaveLength(1);
    const code = env.codeSentTo('+61491570156');
    expect(JSON.stringify(sms?.metadata)).not.toContain(code);
    expect(sms?.metadata).toMatchObject({ v: '1', team: env.slack.team.id, user: 'U1' });
    expect(sms?.message_expiry_timestamp).toBeDefined();

    const verified = env.waitForModalText(modal.id, withNumber('verified.title', NUMBER));
    const submitted = await env.driver.submitView(modal.id, 'U1', { code_block: code });
    expect(submitted.action).toBe('update');
    expect(JSON.stringify(submitted.view?.view)).toContain(message('progress.checking'));
    expect(JSON.stringify((await verified).view)).toContain(message('badge.set'));

    expect(env.slack.profileOf('U1')[PROFILE_FIELD.id]?.value).toMatch(
      /^\+61 4•• ••• 156 \(verified \d{4}-\d{2}-\d{2}\)$/,
    );
    const home = await env.slack.waitForView((view) => view.type === 'home' && view.userId === 'U1');
    const shown = JSON.stringify(home.view);
    const date = /<!date\^[^>]*>/.exec(shown)?.[0] ?? 'no date'; // Slack's date markup, which the test can't know
    expect(shown).toContain(message('home.verified', { maskedNumber: '+61 4•• ••• 156', date }));
  });

  it('opens the Home tab with the status and a button that starts the same flow', async () => {
    await env.driver.openHomeTab('U1');
    const home = await env.slack.waitForView((view) => view.type === 'home' && view.userId === 'U1');
    expect(JSON.stringify(home.view)).toContain(message('home.not_verified'));

    const modal = env.slack.waitForView((view) => view.type === 'modal' && view.userId === 'U1');
    await env.driver.clickButton(home.id, 'U1', 'start_verification');
    expect(JSON.stringify((await modal).view)).toContain(message('phone.input_label'));
  });
});
