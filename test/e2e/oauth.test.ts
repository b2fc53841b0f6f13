import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Approval, SlackDriver, TeamInfo } from '../../emulators/slack';
import { PROFILE_FIELD, TestEnvironment } from '../support/environment';
import { eventually } from '../support/faults';
import { message, withNumber } from '../support/texts';

const CLIENT = { clientId: '1111.2222', clientSecret: 'oauth-client-secret-do-not-leak' };
const TEAM_B: TeamInfo = { id: 'T0000000002', domain: 'bravo', name: 'Bravo' };
const GRID = { id: 'E0000000001', name: 'Grid Org' };
const GRID_ONE: TeamInfo = { id: 'T00000000G1', domain: 'grid-one', name: 'Grid One' };
const GRID_TWO: TeamInfo = { id: 'T00000000G2', domain: 'grid-two', name: 'Grid Two' };
const UNKNOWN: TeamInfo = { id: 'T00000000ZZ', domain: 'zulu', name: 'Zulu' };

describe('distributed (OAuth) installs', () => {
  let env: TestEnvironment;

  beforeEach(async () => {
    env = await TestEnvironment.start({
      env: {
        SLACK_BOT_TOKEN: '',
        SLACK_ADMIN_TOKEN: '',
        SLACK_CLIENT_ID: CLIENT.clientId,
        SLACK_CLIENT_SECRET: CLIENT.clientSecret,
        SLACK_STATE_SECRET: 'oauth-state-secret',
        VERIFY_DEFAULT_COUNTRY: 'AU',
      },
      slack: { oauth: CLIENT },
    });
    env.slack.addWorkspace(TEAM_B);
    env.slack.addWorkspace(GRID_ONE, GRID);
    env.slack.addWorkspace(GRID_TWO, GRID);
    env.slack.addWorkspace(UNKNOWN);
    env.addMembers({ UA1: 'alice', UB1: 'bob', UG1: 'gina', UG2: 'greg', UZ1: 'zoe' });
    env.slack.addUser({ id: 'UBOWNER', name: 'bravo-owner', role: 'owner' });
    env.slack.addUser({ id: 'UGADMIN', name: 'grid-admin', role: 'owner' });
  });

  afterEach(() => env.stop());

  /** The admin opens /slack/install, approves on "slack.com", and follows the redirect back. */
  async function install(approval: Omit<Approval, 'state' | 'redirectUri'>): Promise<Response> {
    const base = env.appUrl.replace('/slack/events', '');
    const page = await fetch(`${base}/slack/install`);
    expect(page.status).toBe(200);
    const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? '';
    const href = /<a href="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const state = new URL(href.replaceAll('&amp;', '&')).searchParams.get('state') ?? '';
    const redirectUri = `${base}/slack/oauth_redirect`;
    const back = env.slack.approveInstall({ ...approval, state, redirectUri });
    return fetch(back, { headers: { cookie }, redirect: 'manual' });
  }

  async function verify(userId: string, number: string, e164: string, driver: SlackDriver): Promise<string> {
    const { viewId, code } = await env.reachCodeStep(userId, number, e164, driver);
    const done = env.waitForModalText(viewId, withNumber('verified.title', e164));
    await driver.submitView(viewId, userId, { code_block: code });
    return JSON.stringify((await done).view);
  }

  /** Each workspace's Web API calls, by the workspace or org whose token made them. */
  const ownersOf = (method: string) => new Set(env.slack.callsTo(method).map((call) => call.owner));

  function databaseText(): string {
    const folder = env.databaseFolder;
    return readdirSync(folder)
      .map((file) => readFileSync(join(folder, file)).toString('latin1'))
      .join('');
  }

  it('serves two installed workspaces, each with its own bot and installer tokens', async () => {
    expect((await install({ teamId: env.slack.team.id, userId: 'UOWNER' })).status).toBe(200);
    expect((await install({ teamId: TEAM_B.id, userId: 'UBOWNER' })).status).toBe(200);

    expect(await verify('UA1', '0491 570 156', '+61491570156', env.driver)).toContain(message('badge.set'));
    expect(await verify('UB1', '0491 570 157', '+61491570157', env.driverFor(TEAM_B))).toContain(message('badge.set'));

    expect(env.slack.profileOf('UA1')[PROFILE_FIELD.id]?.value).toMatch(/^\+61 4•• ••• 156/);
    expect(env.slack.profileOf('UB1')[PROFILE_FIELD.id]?.value).toMatch(/^\+61 4•• ••• 157/);
    const opens = env.slack.callsTo('views.open');
    expect(opens.map((call) => [call.token, call.owner])).toEqual([
      ['bot', env.slack.team.id],
      ['bot', TEAM_B.id],
    ]);
    const tags = env.slack.callsTo('users.profile.set');
    expect(tags.map((call) => [call.token, call.owner, call.args.user])).toEqual([
      ['admin', env.slack.team.id, 'UA1'],
      ['admin', TEAM_B.id, 'UB1'],
    ]);
    expect(ownersOf('views.update').has(undefined)).toBe(false);
    expect(databaseText()).not.toMatch(/xox[bp]-/);
    expect(env.logs.text).not.toMatch(/xox[bp]-|oauth-client-secret/);
  });

  it('refuses a workspace that never installed, plainly and without a crash', async () => {
    await install({ teamId: env.slack.team.id, userId: 'UOWNER' });
    const driver = env.driverFor(UNKNOWN);
    const command = await driver.runSlashCommand('UZ1', '/verify-phone');
    expect(command.status).toBe(200);
    expect(command.body).toContain(message('install.not_installed'));
    expect((await driver.openHomeTab('UZ1')).status).toBe(200);
    expect(env.slack.callsTo('views.open')).toHaveLength(0);
    expect(env.logs.entries().filter((entry) => entry.msg === 'request refused: not installed')).toHaveLength(2);
  });

  it('checks the OAuth state and the code', async () => {
    const base = env.appUrl.replace('/slack/events', '');
    const forged = env.slack.approveInstall({
      teamId: TEAM_B.id,
      userId: 'UBOWNER',
      state: 'forged',
      redirectUri: `${base}/slack/oauth_redirect`,
    });
    const answer = await fetch(forged, { headers: { cookie: 'slack-app-oauth-state=forged' } });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(await answer.text()).toContain('Something Went Wrong');
    expect(env.slack.callsTo('oauth.v2.access')).toHaveLength(0);
    expect(await env.driverFor(TEAM_B).runSlashCommand('UB1', '/verify-phone')).toMatchObject({ status: 200 });
    expect(env.slack.callsTo('views.open')).toHaveLength(0);
  });

  it('forgets an uninstalled workspace at once: tokens, pending flows, budgets, tag jobs; the audit keeps it', async () => {
    await install({ teamId: env.slack.team.id, userId: 'UOWNER' });
    await install({ teamId: TEAM_B.id, userId: 'UBOWNER' });
    await env.reachCodeStep('UA1', '0491 570 156', '+61491570156');
    const before = databaseText();
    expect(before).toContain('installations');
    expect(before).not.toMatch(/xox[bp]-/);

    const uninstalled = await env.driver.sendEvent({ type: 'app_uninstalled' });
    expect(uninstalled.status).toBe(200);
    env.slack.revokeTokens(env.slack.team.id);
    await eventually(() => env.logs.text.includes('workspace uninstalled'), { what: 'the uninstall' });

    const command = await env.driver.runSlashCommand('UA1', '/verify-phone');
    expect(command.body).toContain(message('install.not_installed'));
    expect(await verify('UB1', '0491 570 157', '+61491570157', env.driverFor(TEAM_B))).toContain(
      withNumber('verified.title', '+61491570157'),
    );
    expect(databaseText()).not.toMatch(/xox[bp]-/);
    const db = new Database(join(env.databaseFolder, 'verify-phone.db'), { readonly: true });
    try {
      const teamA = env.slack.team.id;
      expect(db.prepare('SELECT count(*) FROM flows WHERE team_id = ?').pluck().get(teamA)).toBe(0);
      expect(db.prepare("SELECT count(*) FROM rate_events WHERE bucket LIKE '%' || ? || '%'").pluck().get(teamA)).toBe(
        0,
      );
      expect(db.prepare('SELECT installation_key FROM installations').pluck().all()).toEqual([`team:${TEAM_B.id}`]);
      expect(
        db
          .prepare('SELECT type, reason FROM audit_events WHERE team_id = ? AND type = ?')
          .all(teamA, 'workspace_uninstalled'),
      ).toEqual([{ type: 'workspace_uninstalled', reason: 'app_uninstalled' }]);
    } finally {
      db.close();
    }
  });

  it('tokens_revoked for the installer alone keeps the bot serving, and stops only the badges', async () => {
    await install({ teamId: env.slack.team.id, userId: 'UOWNER' });
    const revoked = await env.driver.sendEvent({ type: 'tokens_revoked', tokens: { oauth: ['UOWNER'], bot: [] } });
    expect(revoked.status).toBe(200);
    await eventually(() => env.logs.text.includes('installer token revoked'), { what: 'the revocation' });
    expect(await verify('UA1', '0491 570 156', '+61491570156', env.driver)).toContain(message('badge.not_configured'));
    expect(env.slack.callsTo('users.profile.set')).toHaveLength(0);
    expect(databaseText()).not.toMatch(/xox[bp]-/);
  });

  it('installed by a non-admin: verifications work, and admins see that an admin must reinstall', async () => {
    env.addMembers({ UB2: 'bea' });
    expect((await install({ teamId: TEAM_B.id, userId: 'UB1' })).status).toBe(200);
    const driver = env.driverFor(TEAM_B);

    expect(await verify('UB2', '0491 570 158', '+61491570158', driver)).toContain(
      withNumber('verified.title', '+61491570158'),
    );
    expect(env.slack.callsTo('users.profile.set').map((call) => call.error)).toEqual(['not_admin']);

    const reinstall = message('home.reinstall_needed');
    await driver.openHomeTab('UBOWNER');
    const adminHome = await env.slack.waitForView((view) => view.type === 'home' && view.userId === 'UBOWNER');
    expect(JSON.stringify(adminHome.view)).toContain(reinstall);
    await driver.openHomeTab('UB2');
    const memberHome = await env.slack.waitForView((view) => view.type === 'home' && view.userId === 'UB2');
    expect(JSON.stringify(memberHome.view)).not.toContain(reinstall);
  });

  it('serves every workspace of an Enterprise Grid org from one org-wide install', async () => {
    expect((await install({ enterpriseId: GRID.id, userId: 'UGADMIN' })).status).toBe(200);
    const one = env.driverFor(GRID_ONE, GRID.id);
    const two = env.driverFor(GRID_TWO, GRID.id);

    expect(await verify('UG1', '0491 570 156', '+61491570156', one)).toContain(message('badge.set'));
    expect(await verify('UG2', '0491 570 157', '+61491570157', two)).toContain(message('badge.set'));

    expect(ownersOf('views.open')).toEqual(new Set([GRID.id]));
    expect(ownersOf('users.profile.set')).toEqual(new Set([GRID.id]));
    expect(env.messageMedia.lastMessageTo('+61491570157')?.metadata).toMatchObject({ team: GRID_TWO.id });
    expect(databaseText()).not.toMatch(/xox[bp]-/);
  });

  it('an org-wide uninstall forgets every workspace of the org, and only those', async () => {
    await install({ enterpriseId: GRID.id, userId: 'UGADMIN' });
    await install({ teamId: TEAM_B.id, userId: 'UBOWNER' });
    const one = env.driverFor(GRID_ONE, GRID.id);
    const two = env.driverFor(GRID_TWO, GRID.id);
    await env.reachCodeStep('UG1', '0491 570 156', '+61491570156', one);
    await env.reachCodeStep('UG2', '0491 570 157', '+61491570157', two);

    expect((await one.sendEvent({ type: 'app_uninstalled' })).status).toBe(200);
    await eventually(() => env.logs.text.includes('workspace uninstalled'), { what: 'the uninstall' });

    for (const [driver, userId] of [
      [one, 'UG1'],
      [two, 'UG2'],
    ] as const) {
      expect((await driver.runSlashCommand(userId, '/verify-phone')).body).toContain(message('install.not_installed'));
    }
    expect(await verify('UB1', '0491 570 158', '+61491570158', env.driverFor(TEAM_B))).toContain(
      withNumber('verified.title', '+61491570158'),
    );
    const db = new Database(join(env.databaseFolder, 'verify-phone.db'), { readonly: true });
    try {
      expect(
        db.prepare('SELECT count(*) FROM flows WHERE team_id IN (?, ?)').pluck().get(GRID_ONE.id, GRID_TWO.id),
      ).toBe(0);
      expect(db.prepare('SELECT installation_key FROM installations').pluck().all()).toEqual([`team:${TEAM_B.id}`]);
    } finally {
      db.close();
    }
    expect(databaseText()).not.toMatch(/xox[bp]-/);
  });
});
