import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageMediaEmulator } from '../../emulators/messagemedia';
import { SlackDriver, SlackEmulator } from '../../emulators/slack';
import { AppProcess } from '../support/app-process';
import { APP_TOKEN, appEnvironment, BOT_TOKEN, MM_KEY, MM_SECRET, SIGNING_SECRET } from '../support/environment';
import { eventually, inPool, pause } from '../support/faults';
import { codeStepPrompt, withNumber } from '../support/texts';

const NUMBER = '+61491570156';
const CODE_STEP = codeStepPrompt(NUMBER);
const VERIFIED = withNumber('verified.title', NUMBER);
/** Log lines (about 150 bytes each) that more than fill a stdout pipe's buffer (about 200 kB on Linux). */
const PIPE_FILLING_LINES = 3_000;

describe('the app process', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'verify-phone-process-'));
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses to start without its settings and names each one', async () => {
    const app = AppProcess.spawn({ VERIFY_SECRET: 'short' }, folder); // no .env in this folder
    expect(await app.exited).toBe(78);
    const { stderr } = app.output;
    expect(stderr).toContain('SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is required');
    for (const name of ['SLACK_BOT_TOKEN', 'MESSAGEMEDIA_API_KEY', 'MESSAGEMEDIA_API_SECRET']) {
      expect(stderr).toContain(`${name} is required`);
    }
    expect(stderr).toContain('VERIFY_SECRET must be at least 32 bytes long');
    expect(stderr).not.toContain('short');
  });

  describe('with emulators', () => {
    let slack: SlackEmulator;
    let messageMedia: MessageMediaEmulator;
    let env: Record<string, string>;
    /** The same settings, with Socket Mode's app-level token instead of the signing secret. */
    let socketEnv: Record<string, string>;

    beforeEach(async () => {
      slack = await SlackEmulator.start({ botToken: BOT_TOKEN, adminToken: 'xoxp-admin', appToken: APP_TOKEN });
      slack.addUser({ id: 'U1', name: 'alice' });
      messageMedia = await MessageMediaEmulator.start({ apiKey: MM_KEY, apiSecret: MM_SECRET });
      const databaseUrl = `sqlite:${join(folder, 'db', 'verify-phone.db')}`;
      env = appEnvironment(slack, messageMedia, databaseUrl);
      socketEnv = appEnvironment(slack, messageMedia, databaseUrl, 'socket');
    });

    afterEach(() => Promise.all([slack.stop(), messageMedia.stop()]));

    async function reachCodeStep(app: AppProcess) {
      const driver = new SlackDriver({ appUrl: await app.eventsUrl(), signingSecret: SIGNING_SECRET, emulator: slack });
      await driver.runSlashCommand('U1', '/verify-phone');
      const modal = await slack.waitForView((view) => view.type === 'modal');
      const codeStep = slack.waitForView((view) => JSON.stringify(view.view).includes(CODE_STEP), 10_000);
      await driver.submitView(modal.id, 'U1', { phone_block: NUMBER });
      await codeStep;
      return modal.id;
    }

    it('refuses to start when Slack rejects the bot token, without printing it', async () => {
      const app = AppProcess.spawn({ ...env, SLACK_BOT_TOKEN: 'xoxb-revoked' }, folder);
      expect(await app.exited).toBe(1);
      expect(app.output.stderr).toContain('verify-phone failed to start');
      expect(app.output.stderr).not.toContain('xoxb-revoked');
    });

    it('in Socket Mode says so, is ready once connected, and on SIGTERM closes its socket and exits', async () => {
      const app = AppProcess.spawn(socketEnv, folder);
      try {
        const port = await app.port();
        expect(app.output.stdout).toMatch(/"transport":"socket",.*"msg":"verify-phone listening"/);
        expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
        expect(slack.socketMode.openConnections).toBe(1);
        expect(await app.kill('SIGTERM')).toBe(0);
        await eventually(() => slack.socketMode.openConnections === 0, { what: 'the socket closed' });
        expect(app.output.stdout).not.toContain(APP_TOKEN);
      } finally {
        await app.kill();
      }
    });

    it('refuses to start in Socket Mode when Slack rejects the app-level token, without printing it', async () => {
      const app = AppProcess.spawn({ ...socketEnv, SLACK_APP_TOKEN: 'xapp-1-revoked' }, folder);
      expect(await app.exited).toBe(1);
      expect(app.output.stderr).toContain('Socket Mode could not connect with SLACK_APP_TOKEN: invalid_auth');
      expect(app.output.stderr + app.output.stdout).not.toContain('xapp-1-revoked');
    });

    /** `count` unsigned posts, each refused with a 401 and a log line: enough of them fill the stdout pipe. */
    async function logLines(app: AppProcess, count: number): Promise<void> {
      const url = await app.eventsUrl();
      const post = async () => expect((await fetch(url, { method: 'POST', body: 'x' })).status).toBe(401);
      await inPool(
        Array.from({ length: count }, () => post),
        32,
      );
    }

    it('reports ready on /healthz and exits cleanly on SIGTERM, with every log line written', async () => {
      const app = AppProcess.spawn(env, folder);
      try {
        const health = await fetch(`http://127.0.0.1:${await app.port()}/healthz`);
        expect(health.status).toBe(200);
        await logLines(app, PIPE_FILLING_LINES);
        expect(await app.kill('SIGTERM')).toBe(0);
        const lines = app.output.stdout
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line) as { msg: string });
        expect(lines.filter((line) => line.msg === 'request refused')).toHaveLength(PIPE_FILLING_LINES);
        expect(lines.at(-1)?.msg).toBe('verify-phone stopped');
      } finally {
        await app.kill();
      }
    });

    it.each(['before the SIGTERM', 'during the shutdown', 'never'])(
      'exits promptly on SIGTERM when its log reader stops reading, and goes away: %s',
      async (when) => {
        const app = AppProcess.spawn(env, folder);
        try {
          await app.port();
          app.stopReadingStdout();
          await logLines(app, PIPE_FILLING_LINES);
          if (when === 'before the SIGTERM') app.closeStdout();
          app.child.kill('SIGTERM');
          if (when === 'during the shutdown') {
            await pause(500); // the shutdown itself is over by now; its last lines cannot be written
            app.closeStdout();
          }
          expect(await app.exitsWithin(5_000)).toBe(0);
        } finally {
          await app.kill();
        }
      },
    );

    it('on SIGTERM finishes the SMS send it had started before exiting', async () => {
      messageMedia.latencyMs = 1_500;
      const app = AppProcess.spawn(env, folder);
      try {
        const driver = new SlackDriver({
          appUrl: await app.eventsUrl(),
          signingSecret: SIGNING_SECRET,
          emulator: slack,
        });
        await driver.runSlashCommand('U1', '/verify-phone');
        const modal = await slack.waitForView((view) => view.type === 'modal');
        const codeStep = slack.waitForView((view) => JSON.stringify(view.view).includes(CODE_STEP), 10_000);
        const ack = await driver.submitView(modal.id, 'U1', { phone_block: NUMBER });
        expect(ack.action).toBe('update');
        app.child.kill('SIGTERM'); // the send is still in flight
        await codeStep;
        expect(await app.exited).toBe(0);
        expect(messageMedia.outbox).toHaveLength(1);
      } finally {
        await app.kill();
      }
    });

    it('loses nothing to kill -9: a new process verifies the code sent by the old one', async () => {
      const first = AppProcess.spawn(env, folder);
      const viewId = await reachCodeStep(first);
      await first.kill('SIGKILL');

      const second = AppProcess.spawn(env, folder);
      try {
        const driver = new SlackDriver({
          appUrl: await second.eventsUrl(),
          signingSecret: SIGNING_SECRET,
          emulator: slack,
        });
        const code = messageMedia.lastMessageTo(NUMBER)?.content.match(/\d{6}/)?.[0] ?? '';
        const verified = slack.waitForView((view) => JSON.stringify(view.view).includes(VERIFIED));
        await driver.submitView(viewId, 'U1', { code_block: code });
        await verified;
      } finally {
        await second.kill();
      }
    });
  });
});
