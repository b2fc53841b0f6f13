import type { PostedMessage } from '../../emulators/slack';
import { ACTION, WORKFLOW_STEP } from '../../src/slack/ids';
import { TestEnvironment, type Transport } from '../support/environment';
import { directMessagesTo, eventually, verifyMember } from '../support/members';
import { codeStepPrompt, message } from '../support/texts';

const NUMBER = '+61491570156';
const HOUR_MS = 3_600_000;

describe('Workflow Builder steps', () => {
  let env: TestEnvironment;
  let now: number;

  async function start(transport: Transport = 'http') {
    now = Date.now();
    env = await TestEnvironment.start({ transport, env: { VERIFY_DEFAULT_COUNTRY: 'AU' }, clock: () => now });
    env.slack.addUser({ id: 'U1', name: 'alice' });
  }

  afterEach(() => env.stop());

  const completion = (executionId: string) => env.slack.functions.waitForCompletion(executionId, 8_000);

  /** Runs a step for U1 and returns its execution id, once Slack has the ack. */
  async function run(callbackId: string, inputs: Record<string, unknown> = { user_id: 'U1' }): Promise<string> {
    const { status, executionId } = await env.driver.runFunction(callbackId, inputs);
    expect(status).toBe(200);
    return executionId;
  }

  /** The request step's DM to U1. */
  const requestDm = () =>
    eventually(() => {
      const [dm] = directMessagesTo(env, 'U1');
      if (!dm) throw new Error('no DM yet');
      return dm;
    });

  /** The member presses "Verify my phone" and goes through the flow. */
  async function verifyFromDm(dm: PostedMessage) {
    const modal = env.slack.waitForView((view) => view.type === 'modal', 5_000, { userId: 'U1' });
    await env.driver.clickMessageButton(dm, 'U1', ACTION.startVerification);
    const { id } = await modal;
    const codeStep = env.waitForModalText(id, codeStepPrompt(NUMBER));
    await env.driver.submitView(id, 'U1', { phone_block: '0491 570 156' });
    await codeStep;
    await env.driver.submitView(id, 'U1', { code_block: env.codeSentTo(NUMBER) });
  }

  const verifiedOutputs = () => ({ verified: true, verified_at: Math.floor(now / 1000), country: 'AU' });

  describe('Check phone verification', () => {
    it.each<Transport>(['http', 'socket'])(
      'outputs verified: false for a member not verified (%s)',
      async (transport) => {
        await start(transport);
        expect(await completion(await run(WORKFLOW_STEP.check))).toMatchObject({
          outcome: 'success',
          outputs: { verified: false, country: '' },
        });
      },
    );

    it('outputs when and in which country a verified member verified', async () => {
      await start();
      await verifyMember(env, 'U1', '0491 570 156', NUMBER);
      const done = await completion(await run(WORKFLOW_STEP.check));
      expect(done).toMatchObject({ outcome: 'success', outputs: verifiedOutputs() });
    });
  });

  describe('Request phone verification', () => {
    it('completes at once for a member already verified, without a DM', async () => {
      await start();
      await verifyMember(env, 'U1', '0491 570 156', NUMBER);
      const done = await completion(await run(WORKFLOW_STEP.request));
      expect(done).toMatchObject({ outcome: 'success', outputs: verifiedOutputs() });
      expect(directMessagesTo(env, 'U1')).toEqual([]);
    });

    it('DMs the message and a Verify my phone button, and succeeds once the member verifies', async () => {
      await start();
      const executionId = await run(WORKFLOW_STEP.request, { user_id: 'U1', message: 'Payroll needs this.' });
      const dm = await requestDm();
      const shown = JSON.stringify(dm.blocks);
      for (const words of ['Payroll needs this.', message('workflow.request'), message('workflow.verify')]) {
        expect(shown).toContain(words);
      }
      expect(env.slack.functions.completions).toEqual([]);

      await verifyFromDm(dm);
      expect(await completion(executionId)).toMatchObject({ outcome: 'success', outputs: verifiedOutputs() });
    });

    it('fails when the member presses Not now, and tells them', async () => {
      await start();
      const executionId = await run(WORKFLOW_STEP.request);
      await env.driver.clickMessageButton(await requestDm(), 'U1', ACTION.declineRequest);
      expect(await completion(executionId)).toMatchObject({
        outcome: 'error',
        error: message('workflow.error_declined'),
      });
      await eventually(() => expect(directMessagesTo(env, 'U1')[1]?.text).toBe(message('workflow.declined')));
    });

    it('fails once the request is older than VERIFY_WORKFLOW_TIMEOUT_HOURS', async () => {
      await start();
      const executionId = await run(WORKFLOW_STEP.request);
      await requestDm();
      now += 23 * HOUR_MS;
      await new Promise((resolve) => setTimeout(resolve, 200)); // a few expiry runs
      expect(env.slack.functions.completions).toEqual([]);

      now += 2 * HOUR_MS;
      expect(await completion(executionId)).toMatchObject({
        outcome: 'error',
        error: message('workflow.error_timed_out', { hours: 24 }),
      });
    });

    it('keeps a pending request across a restart, and completes it with the bot token', async () => {
      await start();
      const executionId = await run(WORKFLOW_STEP.request);
      const dm = await requestDm();
      await env.restartApp();

      await verifyFromDm(dm);
      expect(await completion(executionId)).toMatchObject({ outcome: 'success', outputs: verifiedOutputs() });
      const [call] = env.slack.callsTo('functions.completeSuccess');
      expect(call).toMatchObject({ ok: true, token: 'bot' });
    });

    it('a second Not now does nothing: one completion, one answer', async () => {
      await start();
      const executionId = await run(WORKFLOW_STEP.request);
      await env.driver.clickMessageButton(await requestDm(), 'U1', ACTION.declineRequest);
      await completion(executionId);
      await env.driver.clickMessageButton(await requestDm(), 'U1', ACTION.declineRequest);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(env.slack.functions.completions).toHaveLength(1);
      expect(directMessagesTo(env, 'U1')).toHaveLength(2); // the request, and one "not now" answer
    });
  });
});
