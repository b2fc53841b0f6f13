import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SlackView } from '../../emulators/slack';
import { revokeConfirmView } from '../../src/slack/views/admin/revoke';
import { homeView } from '../../src/slack/views/home';
import { maskPhoneNumber } from '../../src/verification/phone-number';
import { clickForModal, consoleFigures, filesSentTo, openConsole, textDump } from '../support/admin';
import { PROFILE_FIELD, TestEnvironment } from '../support/environment';
import {
  auditTypes,
  directMessagesTo,
  eventually,
  subcommandAnswer,
  verifyMember,
  withAppStore,
} from '../support/members';
import { english, message } from '../support/texts';

const OWNER = 'UOWNER';
const ALICE = '+61491570156';
const BOB = '+61491570157';
const CAROL = '+61491570158';

const label = (id: Parameters<typeof message>[0]) => message(id as 'admin.title');

describe('admin console after a scripted run', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await TestEnvironment.start({
      env: {
        VERIFY_DEFAULT_COUNTRY: 'AU',
        VERIFY_ALLOWED_COUNTRIES: 'AU',
        VERIFY_SMS_PRICE: '0.06 AUD',
        VERIFY_CALL_PRICE: '0.12 AUD',
        VERIFY_RESEND_COOLDOWN_SECONDS: '0',
        VERIFY_SENDS_PER_MEMBER_PER_HOUR: '2',
        VERIFY_SENDS_PER_NUMBER_PER_HOUR: '7',
      },
    });
    env.addMembers({ U1: 'alice', U2: 'bob', U3: 'carol', U4: 'dave' });
    await scriptedRun(env);
  });

  afterAll(() => env.stop());

  it('shows the figures of the run, exactly', async () => {
    const home = await openConsole(env, OWNER);
    expect(consoleFigures(home)).toEqual({
      [label('admin.figure.verified_members')]: '2',
      [label('admin.figure.verified_recent')]: message('admin.figure.verified_recent_value', { day: 2, week: 2 }),
      [label('admin.figure.codes_sent')]: message('admin.figure.codes_sent_value', { sms: 4, calls: 0 }),
      [label('admin.figure.conversion')]: message('admin.figure.conversion_value', {
        ratio: 2 / 3,
        verified: 2,
        flows: 3,
      }),
      [label('admin.figure.delivery_failures')]: '0',
      [label('admin.figure.rate_limited')]: '1',
      [label('admin.figure.refused_countries')]: message('admin.figure.refused_countries_value', {
        refused: [{ country: 'NZ', count: 1 }],
      }),
      [label('admin.figure.tags')]: message('admin.figure.tags_value', { pending: 0, failed: 1 }),
      [label('admin.figure.spend')]: message('admin.figure.spend_value', {
        spend: [{ amount: 0.24, currency: 'AUD' }],
      }),
    });
    const dump = textDump(home);
    expect(dump).toContain(message('admin.button.retry_tags'));
    // The limits in force, each as configured: 2 an hour per member and 7 per number here, defaults for the rest.
    const limits = {
      sendsPerMemberPerHour: 2,
      sendsPerNumberPerHour: 7,
      sendsPerWorkspacePerHour: 200,
      sendsPerWorkspacePerDay: 1_000,
      failedChecksPerMemberPerDay: 20,
    };
    expect(dump).toContain(message('admin.limits', { limits }));
    if (process.env.ADMIN_CONSOLE_DUMP) writeFileSync(process.env.ADMIN_CONSOLE_DUMP, `${dump}\n`);
  });

  it('Retry now tags the failed badge again, and the figure goes back to 0', async () => {
    const home = await openConsole(env, OWNER);
    await env.driver.clickButton(home.id, OWNER, 'admin_retry_tags');
    await eventually(async () => {
      const again = await openConsole(env, OWNER);
      expect(consoleFigures(again)[label('admin.figure.tags')]).toBe(
        message('admin.figure.tags_value', { pending: 0, failed: 0 }),
      );
      expect(textDump(again)).not.toContain(message('admin.button.retry_tags'));
    }, 8_000);
    expect(env.slack.profileOf('U2')[PROFILE_FIELD.id]).toBeDefined();
  });

  it('gives a non-admin who forges a console button or a confirmation nothing but an audit line', async () => {
    const figures = { ...emptyFigures(), tagsFailed: 1, conversion: undefined, spend: [] };
    const limits = {
      sendsPerMemberPerHour: 1,
      sendsPerNumberPerHour: 1,
      sendsPerWorkspacePerHour: 1,
      sendsPerWorkspacePerDay: 1,
      failedChecksPerMemberPerDay: 1,
    };
    const forgedHome = env.slack.workspace.publishHome(
      'U1',
      homeView(english, { status: undefined, console: { figures, limits } }) as unknown as SlackView,
    );
    for (const action of ['admin_export', 'admin_open_revoke', 'admin_open_request', 'admin_retry_tags']) {
      expect((await env.driver.clickButton(forgedHome.id, 'U1', action)).status).toBe(200);
    }
    const forged = env.slack.workspace.openModal(
      'U1',
      revokeConfirmView(english, 'U2', maskPhoneNumber(BOB)) as unknown as SlackView,
    );
    if (!forged.ok) throw new Error(forged.error);
    const submitted = await env.driver.submitView(forged.value.id, 'U1');
    expect(submitted.action).toBe('close');

    await eventually(async () => {
      const refused = await withAppStore(env, async (store) =>
        (await store.listAudit(env.slack.team.id, 100)).filter((event) => event.type === 'admin_action_refused'),
      );
      expect(refused.map((event) => event.reason).sort()).toEqual(
        ['export', 'open_request', 'open_revoke', 'retry_tags', 'revoke'].sort(),
      );
    });
    expect(filesSentTo(env, 'U1')).toEqual([]);
    expect(env.slack.views.filter((view) => view.userId === 'U1' && view.type === 'modal')).toEqual([]);
    expect((await subcommandAnswer(env, 'U2', 'status')).text).not.toBe(message('status.not_verified'));
  });

  it('Export sends the records and the audit log as CSV to the admin, numbers masked', async () => {
    const home = await openConsole(env, OWNER);
    await env.driver.clickButton(home.id, OWNER, 'admin_export');
    const [shared] = await eventually(() => {
      const sent = filesSentTo(env, OWNER);
      expect(sent).toHaveLength(1);
      return sent;
    });
    expect(shared?.text).toBe(message('admin.export.comment', { fullNumbers: false }));
    const [records, audit] = shared?.files ?? [];
    const rows = (records?.content ?? '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(rows[0]).toEqual(['user_id', 'number', 'status', 'verified_at', 'ended_at', 'profile_tag']);
    expect(rows.slice(1).map(([user, number, status, , ended, tag]) => [user, number, status, ended, tag])).toEqual([
      ['U1', maskPhoneNumber(ALICE), 'verified', '', 'set'],
      ['U2', maskPhoneNumber(BOB), 'verified', '', 'set'],
    ]);
    const auditLines = (audit?.content ?? '').trim().split('\r\n');
    const stored = await withAppStore(env, (store) => store.listAudit(env.slack.team.id, 10_000));
    expect(auditLines[0]).toBe('at,user_id,type,flow_id,number,reason');
    expect(auditLines.slice(1).map((line) => line.split(',')[2])).toEqual(
      // The export's own audit line is written once the files are sent.
      stored.filter((event) => event.type !== 'records_exported').map((event) => event.type),
    );
    expect(`${records?.content}${audit?.content}`).not.toMatch(/49157015\d/);
  });

  it('Revoke a member: picker, confirmation, then the badge cleared and a Verify again DM', async () => {
    const home = await openConsole(env, OWNER);
    const picker = await clickForModal(env, home.id, OWNER, 'admin_open_revoke', 'admin_revoke_pick');
    const confirm = await env.driver.submitView(picker.id, OWNER, { revoke_member: 'U1' });
    expect(JSON.stringify(confirm.view?.view)).toContain(
      JSON.stringify(message('admin.revoke.confirm', { userId: 'U1', maskedNumber: maskPhoneNumber(ALICE) })).slice(
        1,
        -1,
      ),
    );
    const done = env.waitForModalText(picker.id, message('admin.revoke.done', { userId: 'U1' }));
    await env.driver.submitView(picker.id, OWNER);
    await done;

    const [dm] = await eventually(() => {
      const dms = directMessagesTo(env, 'U1');
      expect(dms).toHaveLength(1);
      return dms;
    });
    expect(dm?.text).toBe(message('dm.revoked_by_admin'));
    expect(env.slack.profileOf('U1')[PROFILE_FIELD.id]).toBeUndefined();
    expect((await subcommandAnswer(env, 'U1', 'status')).text).toBe(message('status.not_verified'));
    expect(await auditTypes(env, env.slack.team.id)).toContain('verification_revoked');
  });
});

describe('admin console with 10k records', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await TestEnvironment.start();
  });

  afterAll(() => env.stop());

  it('keeps the Home tab within 100 blocks', async () => {
    seed(join(env.databaseFolder, 'verify-phone.db'), env.slack.team.id, 10_000);
    const home = await openConsole(env, OWNER);
    expect(home.view.blocks.length).toBeLessThanOrEqual(100);
    expect(consoleFigures(home)[label('admin.figure.verified_members')]).toBe('10,000');
  });
});

/** The run the figures above count: two verified (one badge refused), a resend and a refusal, a refused country. */
async function scriptedRun(env: TestEnvironment): Promise<void> {
  await verifyMember(env, 'U1', '0491 570 156', ALICE);
  env.slack.failNext('users.profile.set', { error: 'not_admin' });
  await verifyMember(env, 'U2', '0491 570 157', BOB);
  const { viewId } = await env.reachCodeStep('U3', '0491 570 158', CAROL);
  await env.driver.clickButton(viewId, 'U3', 'resend_code');
  await eventually(() =>
    expect(env.messageMedia.outbox.filter((sms) => sms.destination_number === CAROL)).toHaveLength(2),
  );
  await env.driver.clickButton(viewId, 'U3', 'resend_code');
  await eventually(async () => expect(await auditTypes(env, env.slack.team.id)).toContain('rate_limited'));
  const modal = await env.openVerification('U4');
  await env.driver.submitView(modal.id, 'U4', { phone_block: '+64 21 123 4567' });
  await eventually(async () => expect(await auditTypes(env, env.slack.team.id)).toContain('refused_country'));
}

function emptyFigures() {
  return {
    verifiedMembers: 0,
    verifiedLastDay: 0,
    verifiedLastWeek: 0,
    smsSent: 0,
    callsMade: 0,
    flowsWithCode: 0,
    flowsVerified: 0,
    deliveryFailures: 0,
    rateLimited: 0,
    refusedCountries: [],
    tagJobsPending: 0,
    tagsFailed: 0,
  };
}

/** Writes `count` verified records and twice as many audit lines straight into the app's database. */
function seed(path: string, teamId: string, count: number): void {
  const db = new Database(path);
  const now = Math.floor(Date.now() / 1000);
  const record = db.prepare(
    `INSERT INTO verifications (team_id, user_id, e164, flow_id, verified_at, profile_tag) VALUES (?, ?, ?, ?, ?, 'set')`,
  );
  const audit = db.prepare(
    'INSERT INTO audit_events (at, team_id, user_id, type, flow_id, masked_number, reason) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const userId = `U${String(i).padStart(8, '0')}`;
      record.run(teamId, userId, `+6149${String(i).padStart(7, '0')}`, `f${i}`, now - i);
      audit.run(now - i, teamId, userId, 'sent', `f${i}`, '+61 4•• ••• 000', null);
      audit.run(now - i, teamId, userId, 'verified', `f${i}`, '+61 4•• ••• 000', `a long reason ${'x'.repeat(200)}`);
    }
  })();
  db.close();
}
