import { maskPhoneNumber } from '../../src/verification/phone-number';
import { PROFILE_FIELD, TestEnvironment } from '../support/environment';
import { auditEvents, errorLogs, eventually, ManualClock, sendRequests } from '../support/faults';
import { describeWithPostgres } from '../support/postgres';
import { postgresSabotage, type StoreSabotage, sqliteSabotage } from '../support/store-sabotage';
import { codeStepPrompt, message, withNumber } from '../support/texts';

const NUMBER = '+61491570156';

// What the member reads, from the catalog.
const CODE_STEP = codeStepPrompt(NUMBER);
const NEW_CODE = message('resend.sent');
const SENDING = withNumber('progress.sending', NUMBER);
const CHECKING = message('progress.checking');
const INTERNAL_ERROR = message('error.internal');
const MAY_HAVE_ARRIVED = message('send.may_have_arrived', { maskedNumber: maskPhoneNumber(NUMBER) });
const NOTHING_SENT = message('send.unavailable');
const START_AGAIN = message('button.start_again');
const RESEND = message('button.resend');

describe('work after an ack, when the store fails (SQLite)', () => {
  describeStoreFailures(async () => sqliteSabotage());
});

describeWithPostgres('work after an ack, when the store fails (PostgreSQL, a revoked grant)', () => {
  describeStoreFailures(postgresSabotage);
});

/** Each step's work after its ack, on a database whose writes the test makes fail mid-flow. */
function describeStoreFailures(createSabotage: () => Promise<StoreSabotage>): void {
  let env: TestEnvironment;
  let database: StoreSabotage;
  let clock: ManualClock;

  beforeEach(async () => {
    database = await createSabotage();
    clock = new ManualClock();
    env = await TestEnvironment.start({
      env: { DATABASE_URL: database.databaseUrl, VERIFY_RESEND_COOLDOWN_SECONDS: '0' },
      clock: clock.now,
    });
    env.addMembers({ U1: 'alice' });
  });

  afterEach(async () => {
    await env.stop();
    await database.close();
  });

  /** The one error line of the failure, with the ids an operator needs to find the flow. */
  function expectOneErrorLogWithIds(): void {
    const errors = errorLogs(env);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ teamId: 'T0000000001', userId: 'U1', flowId: expect.any(String) });
  }

  it('the number step: a failing write before the send ends in the terminal error view, and nothing is sent', async () => {
    await database.refuse('audit_events', 'INSERT');
    const modal = await env.openVerification('U1');
    const failed = env.waitForModalText(modal.id, INTERNAL_ERROR);
    const ack = await env.driver.submitView(modal.id, 'U1', { phone_block: NUMBER });
    expect(JSON.stringify(ack.view?.view)).toContain(SENDING);
    const text = JSON.stringify((await failed).view);
    expect(text).toContain(START_AGAIN);
    expect(sendRequests(env)).toBe(0);
    expectOneErrorLogWithIds();
  });

  it('the send: a failing write after the provider accepted the SMS says it may arrive, never "Nothing was sent"', async () => {
    await database.refuse('flows', 'UPDATE'); // markSent, right after the 202
    const modal = await env.openVerification('U1');
    const shown = env.waitForModalText(modal.id, MAY_HAVE_ARRIVED);
    await env.driver.submitView(modal.id, 'U1', { phone_block: NUMBER });
    const text = JSON.stringify((await shown).view);
    expect(text).not.toContain(NOTHING_SENT);
    expect(text).toContain('+61 4•• ••• 156');
    expect(text).toContain(RESEND);
    expect(text).toContain(START_AGAIN);
    expect(env.messageMedia.outbox).toHaveLength(1);
    expect(auditEvents(env, 'send_failed')).toEqual([]);
    expectOneErrorLogWithIds();
  });

  it('the send: once the database is well again, Resend on the "may arrive" view sends a code that verifies', async () => {
    await database.refuse('flows', 'UPDATE');
    const modal = await env.openVerification('U1');
    const shown = env.waitForModalText(modal.id, MAY_HAVE_ARRIVED);
    await env.driver.submitView(modal.id, 'U1', { phone_block: NUMBER });
    await shown;
    await database.allow('flows', 'UPDATE');
    // The flow stayed `sending` (its send was never recorded): Resend takes it back once a send in
    // flight would long have answered.
    clock.advance(121_000);
    const resent = env.waitForModalText(modal.id, NEW_CODE);
    await env.driver.clickButton(modal.id, 'U1', 'resend_code');
    await resent;
    expect(env.messageMedia.outbox).toHaveLength(2);
    const verified = env.waitForModalText(modal.id, withNumber('verified.title', NUMBER));
    await env.driver.submitView(modal.id, 'U1', { code_block: env.codeSentTo(NUMBER) });
    await verified;
  });

  it('the code step: a failing write after the ack ends in the terminal error view, not "Checking…" for good', async () => {
    const { viewId, code } = await env.reachCodeStep('U1', NUMBER, NUMBER);
    await database.refuse('verifications', 'INSERT');
    const failed = env.waitForModalText(viewId, INTERNAL_ERROR);
    const ack = await env.driver.submitView(viewId, 'U1', { code_block: code });
    expect(JSON.stringify(ack.view?.view)).toContain(CHECKING);
    expect(JSON.stringify((await failed).view)).toContain(START_AGAIN);
    expectOneErrorLogWithIds();
  });

  it('the code step: with the audit log failing after the ack, the member is still verified and badged', async () => {
    const { viewId, code } = await env.reachCodeStep('U1', NUMBER, NUMBER);
    await database.refuse('audit_events', 'INSERT');
    const verified = env.waitForModalText(viewId, withNumber('verified.title', NUMBER));
    await env.driver.submitView(viewId, 'U1', { code_block: code });
    expect(JSON.stringify((await verified).view)).toContain(message('badge.set'));
    expect(env.slack.profileOf('U1')[PROFILE_FIELD.id]?.value).toMatch(/^\+61 4•• ••• 156 \(verified /);
  });

  it('Resend: a failing write after the click ends in the terminal error view', async () => {
    const { viewId } = await env.reachCodeStep('U1', NUMBER, NUMBER);
    await database.refuse('flows', 'UPDATE'); // beginResend
    const failed = env.waitForModalText(viewId, INTERNAL_ERROR);
    await env.driver.clickButton(viewId, 'U1', 'resend_code');
    await failed;
    expect(env.messageMedia.outbox).toHaveLength(1);
    expectOneErrorLogWithIds();
  });
}

describe('first send or resend', () => {
  let env: TestEnvironment;

  beforeEach(async () => {
    env = await TestEnvironment.start({ env: { VERIFY_RESEND_COOLDOWN_SECONDS: '0' } });
    env.addMembers({ U1: 'alice' });
  });

  afterEach(() => env.stop());

  it('a resend within the same second as the first send is audited as a resend', async () => {
    const { viewId } = await env.reachCodeStep('U1', NUMBER, NUMBER);
    const resent = env.waitForModalText(viewId, NEW_CODE);
    await env.driver.clickButton(viewId, 'U1', 'resend_code');
    await resent;
    await eventually(() => auditEvents(env, 'resent').length === 1, { what: 'the resent audit line' });
    expect(auditEvents(env, 'flow_started')).toHaveLength(1);
    expect(auditEvents(env, 'sent')).toHaveLength(1);
    expect(env.messageMedia.outbox).toHaveLength(2);
    expect(JSON.stringify(env.slack.views.find((view) => view.id === viewId)?.view)).toContain(CODE_STEP);
  });
});
