import { listen, type RunningServer, readBody } from '../../emulators/http';
import { SlackDriver } from '../../emulators/slack';
import { SIGNING_SECRET, TestEnvironment } from '../support/environment';
import { auditEvents, errorLogs, homeTabText } from '../support/faults';

/** Ids that name a member of Object.prototype: a lookup in a plain object finds the member, not undefined. */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

interface Case {
  readonly label: string;
  /** The workspace's id in every request; undefined keeps the emulator's own. */
  readonly teamId: string | undefined;
  readonly userId: string;
  readonly number: string;
}

const CASES: Case[] = PROTOTYPE_NAMES.flatMap((name, index) => [
  { label: `team id ${name}`, teamId: name, userId: `U0TEAM${index}`, number: `+6149157016${index}` },
  { label: `user id ${name}`, teamId: undefined, userId: name, number: `+6149157017${index}` },
]);

describe('team and user ids named like Object.prototype members', () => {
  let env: TestEnvironment;
  let direct: SlackDriver;

  beforeAll(async () => {
    env = await TestEnvironment.start({ env: { VERIFY_RESEND_COOLDOWN_SECONDS: '0' } });
    direct = env.driver;
  });

  afterAll(() => env.stop());

  /**
   * Slack for a workspace whose id is `teamId`: relays each request of the driver to the app with the
   * emulator's team id replaced, signed again. That id is alphanumeric and only ever stands as an id,
   * so a plain replace renames the workspace in form and JSON bodies alike.
   */
  function renamedWorkspace(teamId: string): Promise<RunningServer> {
    return listen(async (req, res) => {
      const body = (await readBody(req)).replaceAll(env.slack.team.id, teamId);
      const headers = { ...direct.sign(body), 'content-type': String(req.headers['content-type']) };
      const answer = await fetch(env.appUrl, { method: 'POST', headers, body });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
      res.end(await answer.text());
    });
  }

  /** One member through every request kind the app handles, each acked with a 200 and answered with a view. */
  async function everyRequestKind(userId: string, number: string): Promise<void> {
    const { viewId } = await env.reachCodeStep(userId, number, number); // slash command, number step
    const resent = env.waitForModalText(viewId, 'We sent a new code');
    expect((await env.driver.clickButton(viewId, userId, 'resend_code')).status).toBe(200);
    await resent;
    const numberStep = env.waitForModalText(viewId, 'Mobile number');
    expect((await env.driver.clickButton(viewId, userId, 'restart_verification')).status).toBe(200);
    await numberStep;
    const codeStep = env.waitForModalText(viewId, 'digit code we sent');
    expect((await env.driver.submitView(viewId, userId, { phone_block: number })).status).toBe(200);
    await codeStep;
    const verified = env.waitForModalText(viewId, 'is verified');
    expect((await env.driver.submitView(viewId, userId, { code_block: env.codeSentTo(number) })).status).toBe(200);
    await verified;
    expect(await homeTabText(env, userId)).toContain('Verify a different number'); // app_home_opened
    const home = env.slack.workspace.homeOf(userId);
    if (!home) throw new Error(`no Home tab for ${userId}`);
    const opened = env.slack.waitForView((view) => view.type === 'modal' && view.id !== viewId, 5_000, { userId });
    expect((await env.driver.clickButton(home.id, userId, 'start_verification')).status).toBe(200);
    await opened;
  }

  it.each(CASES)('$label: every request kind is answered with an ordinary view, never a 5xx', async (member) => {
    env.addMembers({ [member.userId]: 'prototype-named' });
    const earlierErrors = errorLogs(env).length;
    const relay = member.teamId === undefined ? undefined : await renamedWorkspace(member.teamId);
    env.driver = relay
      ? new SlackDriver({ appUrl: `${relay.url}/slack/events`, signingSecret: SIGNING_SECRET, emulator: env.slack })
      : direct;
    try {
      await everyRequestKind(member.userId, member.number);
    } finally {
      await relay?.close();
    }
    expect(errorLogs(env).slice(earlierErrors)).toEqual([]);
    const verified = auditEvents(env, 'verified').filter((entry) => entry.userId === member.userId);
    expect(verified).toEqual([expect.objectContaining({ teamId: member.teamId ?? env.slack.team.id })]);
  });
});
