import { PROFILE_FIELD, TestEnvironment } from '../support/environment';
import { auditTypes, directMessagesTo, eventually, subcommandAnswer, verifyMember } from '../support/members';
import { message } from '../support/texts';

const NUMBER = '+61491570156';

describe('user_change: the profile phone and deactivation', () => {
  let env: TestEnvironment;

  async function start(profilePhone: 'off' | 'sync') {
    env = await TestEnvironment.start({ env: { VERIFY_DEFAULT_COUNTRY: 'AU', VERIFY_PROFILE_PHONE: profilePhone } });
    env.slack.addUser({ id: 'U1', name: 'alice' });
  }

  afterEach(() => env.stop());

  const stillVerified = async () =>
    expect((await subcommandAnswer(env, 'U1', 'status')).text).not.toBe(message('status.not_verified'));

  it('with sync on, writes the verified number, formatted, into the profile phone field', async () => {
    await start('sync');
    await verifyMember(env, 'U1', '0491 570 156', NUMBER);
    await eventually(() => expect(env.slack.phoneOf('U1')).toBe('+61 491 570 156'));
  });

  it("the app's own write, echoed back, and a mere reformatting revoke nothing", async () => {
    await start('sync');
    await verifyMember(env, 'U1', '0491 570 156', NUMBER);
    await eventually(() => expect(env.slack.phoneOf('U1')).not.toBe(''));
    for (const phone of [env.slack.phoneOf('U1'), '0491570156', '+61 (491) 570-156']) {
      expect((await env.driver.sendUserChange('U1', { phone })).status).toBe(200);
    }
    await stillVerified();
    expect(directMessagesTo(env, 'U1')).toEqual([]);
    expect(env.slack.profileOf('U1')[PROFILE_FIELD.id]).toBeDefined();
  });

  it('another number revokes: badge cleared, and a DM whose Verify again button opens the flow', async () => {
    await start('sync');
    await verifyMember(env, 'U1', '0491 570 156', NUMBER);
    await eventually(() => expect(env.slack.phoneOf('U1')).not.toBe(''));
    await env.driver.sendUserChange('U1', { phone: '+61 491 570 157' });

    const [dm] = await eventually(() => {
      const dms = directMessagesTo(env, 'U1');
      expect(dms).toHaveLength(1);
      return dms;
    });
    expect(dm?.text).toBe(message('dm.revoked'));
    expect(env.slack.profileOf('U1')[PROFILE_FIELD.id]).toBeUndefined();
    expect((await subcommandAnswer(env, 'U1', 'status')).text).toBe(message('status.not_verified'));
    expect(await auditTypes(env, env.slack.team.id)).toEqual(expect.arrayContaining(['verification_revoked']));

    const modal = env.slack.waitForView((view) => JSON.stringify(view.view).includes(message('phone.input_label')));
    if (!dm) throw new Error('no DM');
    await env.driver.clickMessageButton(dm, 'U1', 'start_verification');
    expect(JSON.stringify((await modal).view)).toContain(message('phone.input_label'));
  });

  it('with sync off, a changed phone revokes nothing', async () => {
    await start('off');
    await verifyMember(env, 'U1', '0491 570 156', NUMBER);
    await env.driver.sendUserChange('U1', { phone: '+61 491 570 157' });
    await stillVerified();
    expect(env.slack.phoneOf('U1')).toBe('');
  });

  it('deactivation revokes the verification and deletes pending flows, in any mode; the audit keeps it', async () => {
    await start('off');
    await verifyMember(env, 'U1', '0491 570 156', NUMBER);
    const { viewId, code } = await env.reachCodeStep('U1', '0491 570 157', '+61491570157');
    await env.driver.sendUserChange('U1', { deleted: true });

    await eventually(async () =>
      expect(await auditTypes(env, env.slack.team.id)).toEqual(
        expect.arrayContaining(['member_deactivated', 'verification_revoked']),
      ),
    );
    expect((await subcommandAnswer(env, 'U1', 'status')).text).toBe(message('status.not_verified'));
    const ended = env.waitForModalText(viewId, message('flow.unknown_flow'));
    await env.driver.submitView(viewId, 'U1', { code_block: code });
    await ended;
    expect(directMessagesTo(env, 'U1')).toEqual([]);
  });

  it('acts once on an event Slack retries with the same event_id', async () => {
    await start('sync');
    await verifyMember(env, 'U1', '0491 570 156', NUMBER);
    await eventually(() => expect(env.slack.phoneOf('U1')).not.toBe(''));
    const change = { phone: '+61 491 570 157' };
    await env.driver.sendUserChange('U1', change, { eventId: 'EvREVOKE1' });
    await env.driver.sendUserChange('U1', change, { eventId: 'EvREVOKE1', retryNum: 1 });
    await env.driver.sendUserChange('U1', { deleted: true }, { eventId: 'EvGONE1' });
    await env.driver.sendUserChange('U1', { deleted: true }, { eventId: 'EvGONE1', retryNum: 1 });
    await env.driver.sendUserChange('U1', { deleted: true }, { eventId: 'EvGONE1', retryNum: 2 });

    await eventually(() => expect(directMessagesTo(env, 'U1')).toHaveLength(1));
    const types = await eventually(async () => {
      const seen = await auditTypes(env, env.slack.team.id);
      expect(seen).toContain('member_deactivated');
      return seen;
    });
    expect(types.filter((type) => type === 'member_deactivated')).toHaveLength(1);
    expect(types.filter((type) => type === 'verification_revoked')).toHaveLength(1);
    expect(env.logs.entries().some((entry) => entry.msg === 'event already handled: a retry from Slack')).toBe(true);
  });
});
