import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageMediaEmulator } from '../../emulators/messagemedia';
import { type OpenView, SlackDriver, SlackEmulator } from '../../emulators/slack';
import { wait } from '../../src/messages/duration';
import { AppProcess } from '../support/app-process';
import { appEnvironment, BOT_TOKEN, MM_KEY, MM_SECRET, SIGNING_SECRET } from '../support/environment';
import { forgedViewSubmission } from '../support/payloads';
import { createTestSchema, describeWithPostgres, type TestSchema } from '../support/postgres';
import { codeStepPrompt, message, withNumber } from '../support/texts';

const ALICE = '+61491570156';
const CODE_STEP = codeStepPrompt(ALICE);
const VERIFIED = withNumber('verified.title', ALICE);
const RATE_LIMITED = message('send.rate_limited', { retryAfter: wait(3_600) });

/**
 * Two app processes behind one "load balancer" (alternating requests), sharing one PostgreSQL
 * database: limits, attempt counts and single use must hold across them.
 */
describeWithPostgres('two replicas on one PostgreSQL database', () => {
  let schema: TestSchema;
  let folder: string;
  let slack: SlackEmulator;
  let messageMedia: MessageMediaEmulator;
  let replicas: AppProcess[];
  let drivers: SlackDriver[];

  async function startReplicas(extra: Record<string, string>) {
    const env = { ...appEnvironment(slack, messageMedia, schema.url), ...extra };
    replicas = [AppProcess.spawn(env, folder), AppProcess.spawn(env, folder)];
    drivers = await Promise.all(
      replicas.map(
        async (replica) =>
          new SlackDriver({ appUrl: await replica.eventsUrl(), signingSecret: SIGNING_SECRET, emulator: slack }),
      ),
    );
  }

  const driverFor = (index: number): SlackDriver => drivers[index % drivers.length] as SlackDriver;

  beforeEach(async () => {
    schema = await createTestSchema();
    folder = mkdtempSync(join(tmpdir(), 'verify-phone-replicas-'));
    slack = await SlackEmulator.start({
      botToken: BOT_TOKEN,
      adminToken: 'xoxp-admin',
      profileFields: [{ id: 'Xf1', label: 'Phone verified' }],
    });
    messageMedia = await MessageMediaEmulator.start({ apiKey: MM_KEY, apiSecret: MM_SECRET });
    for (let index = 0; index < 12; index += 1) slack.addUser({ id: `U${index}`, name: `member${index}` });
  });

  afterEach(async () => {
    await Promise.all(replicas.map((replica) => replica.kill()));
    await Promise.all([slack.stop(), messageMedia.stop()]);
    await schema.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  async function openModal(userId: string, index: number): Promise<OpenView> {
    const opened = slack.waitForView((view) => view.type === 'modal' && view.userId === userId);
    await driverFor(index).runSlashCommand(userId, '/verify-phone');
    return opened;
  }

  it('never sends more than the workspace budget, whichever replica takes each request', async () => {
    await startReplicas({ VERIFY_SENDS_PER_WORKSPACE_PER_HOUR: '5' });
    const modals = await Promise.all(Array.from({ length: 12 }, (_, index) => openModal(`U${index}`, index)));
    const results = await Promise.all(
      modals.map((modal, index) =>
        driverFor(index + 1).submitView(modal.id, `U${index}`, {
          phone_block: `+614915702${String(index).padStart(2, '0')}`,
        }),
      ),
    );
    const refused = results.filter((result) => result.errors?.phone_block === RATE_LIMITED);
    expect(refused).toHaveLength(7);
    await waitFor(() => messageMedia.outbox.length === 5);
    expect(messageMedia.outbox).toHaveLength(5);
  }, 30_000);

  it('verifies a code once, and counts attempts exactly, under concurrent submissions to both', async () => {
    await startReplicas({ VERIFY_MAX_ATTEMPTS: '3' });
    const modal = await openModal('U1', 0);
    const codeStep = slack.waitForView((view) => JSON.stringify(view.view).includes(CODE_STEP), 10_000);
    await driverFor(0).submitView(modal.id, 'U1', { phone_block: '+61491570156' });
    const shown = await codeStep;
    const code = messageMedia.lastMessageTo('+61491570156')?.content.match(/\d{6}/)?.[0] ?? '';
    const wrong = code === '000000' ? '111111' : '000000';

    // Ten wrong guesses and four right ones at once, spread over both replicas.
    const updatesBefore = slack.callsTo('views.update').length;
    const guesses = [...Array(10).fill(wrong), ...Array(4).fill(code)] as string[];
    const answers = await Promise.all(
      guesses.map((guess, index) => {
        const body = forgedViewSubmission({
          teamId: slack.team.id,
          userId: 'U1',
          view: shown,
          values: { code_block: { code_input: guess } },
        });
        return driverFor(index).sendRaw(body, driverFor(index).sign(body));
      }),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    // Exactly three submissions got an attempt; the others were told the flow is over (used up or used).
    const judged = answers.filter((answer) => answer.body.includes(message('progress.checking')));
    expect(judged).toHaveLength(3);
    expect(answers.filter((answer) => answer.body.includes(':no_entry:'))).toHaveLength(11);

    // Each judged attempt ends in a verdict: verified, a wrong code, or (for a right code that lost the race) silence.
    const logs = () => replicas.map((replica) => replica.output.stdout).join('\n');
    const count = (event: string) =>
      logs()
        .split('\n')
        .filter((line) => line.includes(`"event":"${event}"`)).length;
    await waitFor(() => count('verified') === 1 || count('locked') === 1);
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the last verdicts land
    expect(count('verified') + count('code_wrong')).toBeLessThanOrEqual(3);
    expect(count('verified')).toBeLessThanOrEqual(1);
    expect(slack.callsTo('users.profile.set')).toHaveLength(count('verified'));
    const results = slack
      .callsTo('views.update')
      .slice(updatesBefore)
      .map((call) => JSON.stringify(call.args.view));
    expect(results.filter((view) => view.includes(VERIFIED))).toHaveLength(count('verified'));
  }, 30_000);
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
}
