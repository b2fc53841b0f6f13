import { messagesFor } from '../../src/messages/catalog';
import { lifetime } from '../../src/messages/duration';
import { PROFILE_FIELD, TestEnvironment } from '../support/environment';
import { directMessagesTo, eventually, subcommandAnswer } from '../support/members';
import { codeStepPrompt, english, withNumber } from '../support/texts';

const NUMBER = '+61491570156';
const spanish = messagesFor('es');

describe('the member’s language', () => {
  let env: TestEnvironment;

  beforeEach(async () => {
    env = await TestEnvironment.start();
    env.slack.addUser({ id: 'U1', name: 'lucia', locale: 'es-ES' });
    env.slack.addUser({ id: 'U2', name: 'minjun', locale: 'ko-KR' });
  });

  afterEach(() => env.stop());

  it('shows a Spanish-speaking member Spanish modals and texts them a Spanish SMS', async () => {
    const modal = await env.openVerification('U1');
    expect(modal.view.type === 'modal' && modal.view.title.text).toBe(spanish.text('modal.title'));
    expect(JSON.stringify(modal.view)).toContain(spanish.text('phone.input_label'));

    const codeStep = env.waitForModalText(modal.id, codeStepPrompt(NUMBER, spanish));
    const phone = await env.driver.submitView(modal.id, 'U1', { phone_block: NUMBER });
    expect(JSON.stringify(phone.view?.view)).toContain(withNumber('progress.sending', NUMBER, spanish));
    expect(JSON.stringify((await codeStep).view)).toContain(spanish.text('button.resend'));

    const code = env.codeSentTo(NUMBER);
    const sms = env.messageMedia.lastMessageTo(NUMBER)?.content;
    expect(sms).toBe(spanish.text('sms.code', { code, workspace: env.slack.team.domain, expiresIn: lifetime(600) }));

    const wrong = await env.driver.submitView(modal.id, 'U1', {
      code_block: code.replace(/^./, (d) => `${(+d + 1) % 10}`),
    });
    expect(JSON.stringify(wrong.view?.view)).toContain(spanish.text('progress.checking'));
    await env.waitForModalText(modal.id, spanish.text('code.wrong', { attemptsLeft: 4 }));

    const verified = env.waitForModalText(modal.id, withNumber('verified.title', NUMBER, spanish));
    await env.driver.submitView(modal.id, 'U1', { code_block: code });
    expect(JSON.stringify((await verified).view)).toContain(spanish.text('badge.set'));
    // The badge is read by the whole workspace: it stays in the workspace default, English.
    expect(env.slack.profileOf('U1')[PROFILE_FIELD.id]?.value).toMatch(/\(verified \d{4}-\d{2}-\d{2}\)$/);

    const home = await env.slack.waitForView((view) => view.type === 'home' && view.userId === 'U1');
    expect(JSON.stringify(home.view)).toContain(spanish.text('home.badge.set'));
  });

  it('asks Slack for a member’s locale once, not at every step', async () => {
    await env.reachCodeStep('U2', NUMBER, NUMBER);
    await env.driver.openHomeTab('U2');
    await env.slack.waitForView((view) => view.type === 'home' && view.userId === 'U2');
    const lookups = env.slack.callsTo('users.info').filter((call) => call.args.include_locale !== undefined);
    expect(lookups).toHaveLength(1);
  });

  it('shows a member whose locale has no catalog (ko-KR) English', async () => {
    const modal = await env.openVerification('U2');
    expect(JSON.stringify(modal.view)).toContain(english.text('phone.intro'));
    await env.driver.submitView(modal.id, 'U2', { phone_block: NUMBER });
    await env.waitForModalText(modal.id, codeStepPrompt(NUMBER));
    const code = env.codeSentTo(NUMBER);
    expect(env.messageMedia.lastMessageTo(NUMBER)?.content).toBe(
      english.text('sms.code', { code, workspace: env.slack.team.domain, expiresIn: lifetime(600) }),
    );
  });
});

describe('the member’s language outside the verification modal', () => {
  let env: TestEnvironment;

  beforeEach(async () => {
    env = await TestEnvironment.start({ env: { VERIFY_PROFILE_PHONE: 'sync' } });
    env.slack.addUser({ id: 'U1', name: 'lucia', locale: 'es-ES' });
  });

  afterEach(() => env.stop());

  /** The Spanish-speaking member verifies NUMBER all the way to the verified modal. */
  async function verifyLucia(): Promise<void> {
    const modal = await env.openVerification('U1');
    const codeStep = env.waitForModalText(modal.id, codeStepPrompt(NUMBER, spanish));
    await env.driver.submitView(modal.id, 'U1', { phone_block: NUMBER });
    await codeStep;
    const verified = env.waitForModalText(modal.id, withNumber('verified.title', NUMBER, spanish));
    await env.driver.submitView(modal.id, 'U1', { code_block: env.codeSentTo(NUMBER) });
    await verified;
  }

  it('answers a Spanish-speaking member’s subcommands, Remove modal and DM in Spanish', async () => {
    expect((await subcommandAnswer(env, 'U1', 'status')).text).toBe(spanish.text('status.not_verified'));
    expect((await subcommandAnswer(env, 'U1', 'help')).text).toContain(spanish.text('help.remove'));

    await verifyLucia();
    const confirm = env.slack.waitForView((view) => JSON.stringify(view.view).includes(spanish.text('remove.submit')));
    await env.driver.runSlashCommand('U1', '/verify-phone', 'remove');
    const modal = await confirm;
    expect(modal.view.type === 'modal' && modal.view.title.text).toBe(spanish.text('modal.title'));
    const done = env.waitForModalText(modal.id, spanish.text('remove.done'));
    await env.driver.submitView(modal.id, 'U1');
    await done;

    await verifyLucia();
    await eventually(() => expect(env.slack.phoneOf('U1')).not.toBe(''));
    await env.driver.sendUserChange('U1', { phone: '+61 491 570 157' });
    await eventually(() => expect(directMessagesTo(env, 'U1')).toHaveLength(1));
    const [dm] = directMessagesTo(env, 'U1');
    expect(dm?.text).toBe(spanish.text('dm.revoked'));
    expect(JSON.stringify(dm?.body)).toContain(spanish.text('dm.verify_again'));
  });
});
