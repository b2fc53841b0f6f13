import { clickForModal, openConsole } from '../support/admin';
import { TestEnvironment } from '../support/environment';
import { directMessagesTo, eventually, verifyMember } from '../support/members';
import { message } from '../support/texts';

const OWNER = 'UOWNER';
const CHANNEL = 'C0000EVERY';
const MEMBERS = Array.from({ length: 250 }, (_, i) => `U${String(i + 1).padStart(4, '0')}`);

/** The "please verify" DMs a member got. */
const requestsTo = (env: TestEnvironment, userId: string) =>
  directMessagesTo(env, userId).filter((dm) => dm.text === message('dm.request', { requester: OWNER }));

describe('Request verification…', () => {
  let env: TestEnvironment;

  beforeEach(async () => {
    env = await TestEnvironment.start({ env: { VERIFY_DEFAULT_COUNTRY: 'AU', VERIFY_REQUEST_INTERVAL_MS: '10' } });
    env.addMembers(Object.fromEntries(MEMBERS.map((id) => [id, id.toLowerCase()])));
  });

  afterEach(() => env.stop());

  async function submitRequest(values: Record<string, string | string[]>) {
    const home = await openConsole(env, OWNER);
    const modal = await clickForModal(env, home.id, OWNER, 'admin_open_request', 'admin_request');
    await env.driver.submitView(modal.id, OWNER, values);
    return modal;
  }

  it('asks a 250-member channel, page by page, skips the verified, survives a restart and reports', async () => {
    await verifyMember(env, 'U0001', '0491 570 156', '+61491570156');
    await verifyMember(env, 'U0002', '0491 570 157', '+61491570157');
    env.slack.workspace.directory.addChannel(CHANNEL, [...MEMBERS, env.slack.botUserId]);
    env.slack.failNext('chat.postMessage', { error: 'channel_not_found' }); // the first ask fails for good

    const modal = await submitRequest({ request_channel: CHANNEL });
    await env.waitForModalText(modal.id, message('admin.request.queued', { count: 250 }));
    const pages = env.slack.callsTo('conversations.members');
    expect(pages.map((call) => Boolean(call.args.cursor))).toEqual([false, true]);

    await eventually(() => expect(env.slack.messages.length).toBeGreaterThan(60), 10_000);
    await env.restartApp();
    const beforeRestart = MEMBERS.filter((id) => requestsTo(env, id).length > 0).length;
    expect(beforeRestart).toBeLessThan(240); // the rest is sent by the new process, from the store

    const summary = message('dm.request_summary', { asked: 247, skipped: 2, failed: 1 });
    await eventually(() => expect(directMessagesTo(env, OWNER).map((dm) => dm.text)).toContain(summary), 20_000);
    const asked = MEMBERS.filter((id) => requestsTo(env, id).length > 0);
    expect(asked).toHaveLength(247);
    expect(MEMBERS.every((id) => requestsTo(env, id).length <= 1)).toBe(true);
    expect(requestsTo(env, 'U0001')).toEqual([]);
    expect(requestsTo(env, env.slack.botUserId)).toEqual([]);

    const [note] = requestsTo(env, 'U0100');
    if (!note) throw new Error('no request DM');
    const opened = env.slack.waitForView((view) => JSON.stringify(view.view).includes(message('phone.input_label')));
    await env.driver.clickMessageButton(note, 'U0100', 'start_verification');
    expect((await opened).userId).toBe('U0100');
  }, 60_000);

  it('takes members and a user group picked from usergroups.list; nothing picked is an inline error', async () => {
    env.slack.workspace.directory.addUserGroup({
      id: 'S0000EXEC',
      handle: 'exec',
      name: 'Executives',
      users: ['U0003', 'U0004'],
    });
    const home = await openConsole(env, OWNER);
    const modal = await clickForModal(env, home.id, OWNER, 'admin_open_request', 'admin_request');
    const empty = await env.driver.submitView(modal.id, OWNER, {});
    expect(empty.errors).toEqual({ request_members: message('admin.request.nothing_picked') });

    await env.driver.submitView(modal.id, OWNER, { request_members: ['U0005', 'U0003'], request_group: 'S0000EXEC' });
    await env.waitForModalText(modal.id, message('admin.request.queued', { count: 3 }));
    const summary = message('dm.request_summary', { asked: 3, skipped: 0, failed: 0 });
    await eventually(() => expect(directMessagesTo(env, OWNER).map((dm) => dm.text)).toContain(summary));
    expect(['U0003', 'U0004', 'U0005'].map((id) => requestsTo(env, id).length)).toEqual([1, 1, 1]);
  });
});
