import { CODE_INPUT } from '../../src/slack/ids';
import type { UndeliveredReason } from '../../src/verification/delivery-state';
import { maskPhoneNumber } from '../../src/verification/phone-number';
import { TestEnvironment } from '../support/environment';
import { message, withNumber } from '../support/texts';

const ALICE_NUMBER = '+61491570156';
const BOB_NUMBER = '+61491570157';
const DELIVERED = message('delivery.delivered', { maskedNumber: maskPhoneNumber(ALICE_NUMBER) });
const notDelivered = (reason: `delivery.reason.${UndeliveredReason}`) =>
  message('delivery.not_delivered', { reason: message(reason) });

/** The code step's input, by block and action id: what keeps a half-typed code across an update. */
function codeInputOf(view: unknown) {
  const blocks = (view as { blocks: { type: string; block_id?: string; element?: { action_id?: string } }[] }).blocks;
  const input = blocks.find((block) => block.type === 'input');
  return { blockId: input?.block_id, actionId: input?.element?.action_id };
}

function auditEvents(env: TestEnvironment, type: string) {
  return env.logs.entries().filter((entry) => entry.event === type);
}

describe('delivery reports in Socket Mode, with PUBLIC_URL', () => {
  let env: TestEnvironment;

  afterEach(() => env.stop());

  it('reaches the app on its health port, and the code step shows "delivered"', async () => {
    env = await TestEnvironment.start({ callbacks: true, transport: 'socket' });
    env.addMembers({ U1: 'alice' });
    env.messageMedia.deliveries.sequence(ALICE_NUMBER, [{ status: 'submitted' }, { status: 'delivered' }]);
    const delivered = env.slack.waitForView((view) => JSON.stringify(view.view).includes(DELIVERED), 8_000);
    await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    await delivered;
    expect(env.messageMedia.deliveries.posted.map((post) => post.status)).toEqual([204, 204]);
  });
});

describe('delivery reports (callback mode)', () => {
  let env: TestEnvironment;

  beforeEach(async () => {
    env = await TestEnvironment.start({ callbacks: true });
    env.addMembers({ U1: 'alice', U2: 'bob' });
  });

  afterEach(() => env.stop());

  it('shows "delivered" on the code step, keeps the input, and audits it once despite a repeat', async () => {
    env.messageMedia.deliveries.sequence(ALICE_NUMBER, [{ status: 'submitted' }, { status: 'delivered' }]);
    const delivered = env.slack.waitForView((view) => JSON.stringify(view.view).includes(DELIVERED), 8_000);
    const { viewId } = await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    expect(codeInputOf((await delivered).view)).toEqual(CODE_INPUT);
    const sent = env.messageMedia.lastMessageTo(ALICE_NUMBER);
    expect(sent).toMatchObject({ delivery_report: true });
    expect(sent?.callback_url).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/messagemedia\/delivery-reports\/[\w-]{22}\.[\w-]{22}$/,
    );
    const [submitted, final] = env.messageMedia.deliveries.posted;
    expect([submitted?.status, final?.status]).toEqual([204, 204]);

    // MessageMedia repeats reports: the same one again is answered 2xx and changes nothing.
    const updates = env.slack.callsTo('views.update').length;
    expect(await env.messageMedia.deliveries.post(final?.url ?? '', final?.body ?? {})).toBe(204);
    expect(auditEvents(env, 'delivered')).toHaveLength(1);
    expect(env.slack.callsTo('views.update')).toHaveLength(updates);
    expect(JSON.stringify(env.slack.workspace.view(viewId)?.view)).toContain(DELIVERED);
  });

  it('shows "not delivered" with the reason of a rejection, and audits it', async () => {
    env.messageMedia.deliveries.sequence(ALICE_NUMBER, [{ status: 'rejected', errorCode: '412' }]);
    const { viewId } = await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    const shown = await env.waitForModalText(viewId, notDelivered('delivery.reason.blocked'));
    expect(codeInputOf(shown.view)).toEqual(CODE_INPUT);
    const [undelivered] = auditEvents(env, 'undelivered');
    expect(undelivered).toMatchObject({ reason: 'blocked: rejected, error 412' });
    expect(JSON.stringify(undelivered)).not.toContain(ALICE_NUMBER);
  });

  it('refuses a forged token and a report for another flow’s message, changing nothing', async () => {
    env.messageMedia.deliveries.sequence(ALICE_NUMBER, [{ status: 'submitted' }]);
    await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    await env.messageMedia.deliveries.applied(1);
    await env.reachCodeStep('U2', BOB_NUMBER, BOB_NUMBER);
    const [alices] = env.messageMedia.deliveries.posted;
    const url = alices?.url ?? '';
    const bobsMessage = env.messageMedia.lastMessageTo(BOB_NUMBER)?.message_id;
    const delivered = { ...alices?.body, status: 'delivered', error_code: '220' };

    const forged = url.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    expect(await env.messageMedia.deliveries.post(forged, delivered)).toBe(404);
    expect(await env.messageMedia.deliveries.post(url, { ...delivered, message_id: bobsMessage })).toBe(404);
    expect(await env.messageMedia.deliveries.post(url, { nothing: 'here' })).toBe(400);
    expect(auditEvents(env, 'delivered')).toHaveLength(0);
    expect(env.logs.text).not.toContain(url.split('/').at(-1));
  });

  it('never overwrites a view the member moved on to (the hash)', async () => {
    const { viewId, code } = await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    const verified = env.waitForModalText(viewId, withNumber('verified.title', ALICE_NUMBER));
    await env.driver.submitView(viewId, 'U1', { code_block: code });
    await verified;
    const messageId = env.messageMedia.lastMessageTo(ALICE_NUMBER)?.message_id ?? '';
    expect(await env.messageMedia.deliveries.apply(messageId, { status: 'delivered' })).toBe(204);
    await waitFor(() => env.slack.callsTo('views.update').some((call) => call.error === 'hash_conflict'));
    expect(JSON.stringify(env.slack.workspace.view(viewId)?.view)).not.toContain(DELIVERED);
    expect(auditEvents(env, 'delivered')).toHaveLength(1);
  });
});

describe('delivery status (polling mode)', () => {
  let env: TestEnvironment;

  beforeEach(async () => {
    env = await TestEnvironment.start({ app: { deliveryPolling: { firstMs: 20, totalMs: 3_000 } } });
    env.addMembers({ U1: 'alice' });
  });

  afterEach(() => env.stop());

  it('polls the message until it is delivered, with no callback asked for', async () => {
    env.messageMedia.deliveries.sequence(ALICE_NUMBER, [{ status: 'submitted' }, { status: 'delivered' }]);
    const { viewId } = await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    const shown = await env.waitForModalText(viewId, DELIVERED);
    expect(codeInputOf(shown.view)).toEqual(CODE_INPUT);
    const sent = env.messageMedia.lastMessageTo(ALICE_NUMBER);
    expect(sent).toMatchObject({ delivery_report: false });
    expect(sent?.callback_url).toBeUndefined();
    expect(env.messageMedia.deliveries.posted).toHaveLength(0);
    expect(auditEvents(env, 'delivered')).toHaveLength(1);
  });

  it('shows a rejection found by polling, then stops polling', async () => {
    env.messageMedia.deliveries.sequence(ALICE_NUMBER, [{ status: 'rejected' }]);
    const { viewId } = await env.reachCodeStep('U1', ALICE_NUMBER, ALICE_NUMBER);
    await env.waitForModalText(viewId, notDelivered('delivery.reason.refused'));
    const lookups = () => env.messageMedia.requests.filter((request) => request.method === 'GET').length;
    const settled = lookups();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lookups()).toBe(settled);
    expect(auditEvents(env, 'undelivered')).toHaveLength(1);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
