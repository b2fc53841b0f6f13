import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageMediaEmulator } from '../../emulators/messagemedia';
import { SlackEmulator } from '../../emulators/slack';
import { BOT_TOKEN, MM_KEY, MM_SECRET, SIGNING_SECRET, VERIFY_SECRET } from '../support/environment';

const ENTRY = join(__dirname, '..', '..', 'src', 'main.ts');

/** Runs the real entry point (as `npm start` does, but from source) with exactly `env`. */
function startMain(env: Record<string, string>): ChildProcess {
  const { PATH, HOME } = process.env;
  return spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), ENTRY], {
    env: { PATH: PATH ?? '', HOME: HOME ?? '', ...env },
    cwd: mkdtempSync(join(tmpdir(), 'verify-phone-main-')), // no .env here
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function output(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

describe('the app process', () => {
  it('refuses to start without its settings and names each one', async () => {
    const { code, stderr } = await output(startMain({ VERIFY_SECRET: 'short' }));
    expect(code).toBe(78);
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'MESSAGEMEDIA_API_KEY', 'MESSAGEMEDIA_API_SECRET']) {
      expect(stderr).toContain(`${name} is required`);
    }
    expect(stderr).toContain('VERIFY_SECRET must be at least 32 bytes long');
    expect(stderr).not.toContain('short');
  });

  it('refuses to start when Slack rejects the bot token', async () => {
    const slack = await SlackEmulator.start({ botToken: 'xoxb-the-real-one' });
    try {
      const { code, stderr } = await output(
        startMain({
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_BOT_TOKEN: 'xoxb-revoked',
          SLACK_API_URL: slack.apiUrl,
          MESSAGEMEDIA_API_KEY: MM_KEY,
          MESSAGEMEDIA_API_SECRET: MM_SECRET,
          VERIFY_SECRET,
          PORT: '0',
          DATABASE_URL: 'sqlite::memory:',
        }),
      );
      expect(code).toBe(1);
      expect(stderr).toContain('verify-phone failed to start');
      expect(stderr).not.toContain('xoxb-revoked');
    } finally {
      await slack.stop();
    }
  });

  it('starts, reports ready on /healthz, and exits cleanly on SIGTERM', async () => {
    const slack = await SlackEmulator.start({ botToken: BOT_TOKEN });
    const messageMedia = await MessageMediaEmulator.start({ apiKey: MM_KEY, apiSecret: MM_SECRET });
    const folder = mkdtempSync(join(tmpdir(), 'verify-phone-db-'));
    const child = startMain({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
      MESSAGEMEDIA_API_KEY: MM_KEY,
      MESSAGEMEDIA_API_SECRET: MM_SECRET,
      MESSAGEMEDIA_BASE_URL: messageMedia.url,
      VERIFY_SECRET,
      PORT: '0',
      DATABASE_URL: `sqlite:${join(folder, 'db', 'verify-phone.db')}`,
    });
    try {
      const exited = once(child, 'exit');
      const port = await listeningPort(child);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await Promise.all([slack.stop(), messageMedia.stop()]);
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** Reads the port from the app's "listening" log line. */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /"port":(\d+).*"msg":"verify-phone listening"/.exec(buffered);
      if (match?.[1]) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`app exited with ${code} before listening`)));
  });
}
