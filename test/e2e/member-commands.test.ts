import { PROFILE_FIELD, TestEnvironment } from '../support/environment';
import { auditTypes, eventually, subcommandAnswer, verifyMember } from '../support/members';
import { message } from '../support/texts';

const NUMBER = '+61491570156';
const MASKED = '+61 4•• ••• 156';

describe('/verify-phone subcommands', () => {
  let env: TestEnvironment;

  beforeEach(async () => {
    const tagRetry = { baseDelaySeconds: 0, maxDelaySeconds: 0, maxTries: 3 }; // retries due at once
    env = await TestEnvironment.start({ env: { VERIFY_DEFAULT_COUNTRY: 'AU' }, app: { tagRetry } });
    env.slack.addUser({ id: 'U1', name: 'alice' });
  });

  afterEach(() => env.stop());

  it('status answers ephemerally: not verified, then the masked number, since when, and the badge', async () => {
    const before = await subcommandAnswer(env, 'U1', 'status');
    expect(before.body.response_type).toBe('ephemeral');
    expect(before.text).toBe(message('status.not_verified'));

    await verifyMember(env, 'U1', '0491 570 156', NUMBER);
    const after = await subcommandAnswer(env, 'U1', '  STATUS ');
    const date = /<!date\^[^>]*>/.exec(after.text ?? '')?.[0] ?? 'no date';
    expect(after.text).toContain(message('status.verified', { maskedNumber: MASKED, date }));
    expect(after.text).toContain(message('home.badge.set'));
  });

  it('help, and any unknown subcommand, list the subcommands', async () => {
    const help = await subcommandAnswer(env, 'U1', 'Help');
    expect(help.body.response_type).toBe('ephemeral');
    for (const id of ['help.start', 'help.status', 'help.remove', 'help.help'] as const) {
      expect(help.text).toContain(message(id));
    }
    const unknown = await subcommandAnswer(env, 'U1', 'frobnicate');
    expect(unknown.text).toContain(message('help.unknown', { subcommand: 'frobnicate' }));
    expect(unknown.text).toContain(message('help.remove'));
  });

  it('remove asks first, then deletes the record, clears the badge and audits it', async () => {
    await verifyMember(env, 'U1', '0491 570 156', NUMBER);
    expect(env.slack.profileOf('U1')[PROFILE_FIELD.id]).toBeDefined();

    const confirm = env.slack.waitForView((view) => JSON.stringify(view.view).includes(message('remove.submit')));
    await env.driver.runSlashCommand('U1', '/verify-phone', 'remove');
    const modal = await confirm;
    expect(JSON.stringify(modal.view)).toContain(message('remove.confirm', { maskedNumber: MASKED }));
    const done = env.waitForModalText(modal.id, message('remove.done'));
    await env.driver.submitView(modal.id, 'U1');
    await done;

    expect(env.slack.profileOf('U1')[PROFILE_FIELD.id]).toBeUndefined();
    const clear = env.slack.callsTo('users.profile.set').at(-1);
    expect(clear?.args.profile).toEqual({ fields: { [PROFILE_FIELD.id]: { value: '', alt: '' } } });
    expect(await auditTypes(env, env.slack.team.id)).toEqual(
      expect.arrayContaining(['verification_removed', 'tag_cleared']),
    );
    expect((await subcommandAnswer(env, 'U1', 'status')).text).toBe(message('status.not_verified'));
  });

  it('remove with nothing to remove says so, without a modal', async () => {
    const answer = await subcommandAnswer(env, 'U1', 'remove');
    expect(answer.text).toBe(message('status.not_verified'));
    expect(env.slack.views.filter((view) => view.type === 'modal')).toEqual([]);
  });

  it('a badge that Slack fails to clear goes to the durable retry queue', async () => {
    await verifyMember(env, 'U1', '0491 570 156', NUMBER);
    const confirm = env.slack.waitForView((view) => JSON.stringify(view.view).includes(message('remove.submit')));
    await env.driver.runSlashCommand('U1', '/verify-phone', 'remove');
    const modal = await confirm;
    env.slack.failNext('users.profile.set', { status: 503 }, 2); // the Web API client's try and its one retry
    await env.driver.submitView(modal.id, 'U1');
    await env.waitForModalText(modal.id, message('remove.done'));
    await eventually(() => expect(env.slack.profileOf('U1')[PROFILE_FIELD.id]).toBeUndefined(), 8_000);
    expect(await auditTypes(env, env.slack.team.id)).toEqual(
      expect.arrayContaining(['tag_retry_scheduled', 'tag_cleared']),
    );
  });
});
