/**
 * `npx tsx bench/socket-reconnect.ts [--rounds N] [--bolt-rounds N] [--no-build]`: how long a member's step waits
 * while the Socket Mode socket is replaced. The app runs as deployed (`node dist/main.js`, Socket Mode,
 * SQLite in a temporary folder) against the Slack emulator. Each round the emulator sends `disconnect`
 * (`refresh_requested` or `link_disabled`, then closes at once) or cuts the socket, and at that same
 * moment a member types `/verify-phone`: the figure is the time from the socket going to that
 * command's ack, which the emulator holds until the app has a connection again. Rounds without a
 * reconnect are the baseline. For comparison, Bolt's own `SocketModeReceiver` (default options, an
 * app that only acks) goes through the same rounds. Prints a table; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { App, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { MessageMediaEmulator } from '../emulators/messagemedia';
import { SlackDriver, SlackEmulator } from '../emulators/slack';
import { buildApp, Child, freePort } from './children';
import { summarize } from './report';

const ROOT = resolve(__dirname, '..');
const BOT_TOKEN = 'xoxb-bench-socket-bot';
const APP_TOKEN = 'xapp-1-A0000VERIFY-1-bench';
const MM = { apiKey: 'bench-mm-key', apiSecret: 'bench-mm-secret' };

type Scenario = 'steady' | 'refresh_requested' | 'link_disabled' | 'dropped socket';
const SCENARIOS: readonly Scenario[] = ['steady', 'refresh_requested', 'link_disabled', 'dropped socket'];

function replaceSocket(slack: SlackEmulator, scenario: Scenario): void {
  if (scenario === 'dropped socket') slack.socketMode.dropSocket();
  else if (scenario !== 'steady') slack.socketMode.disconnect(scenario);
}

/** Per scenario, ms from the socket going to the ack of the command sent at that moment. */
async function measure(slack: SlackEmulator, rounds: number): Promise<Map<Scenario, number[]>> {
  const driver = new SlackDriver({ transport: 'socket', emulator: slack, requestTimeoutMs: 60_000 });
  const waits = new Map<Scenario, number[]>(SCENARIOS.map((scenario) => [scenario, []]));
  await driver.runSlashCommand('U1', '/verify-phone'); // warm-up
  for (let round = 0; round < rounds; round += 1) {
    for (const scenario of SCENARIOS) {
      // Settled: only the replacement is open, so the next round starts from one live socket.
      while (slack.socketMode.openConnections !== 1) await sleep(5);
      await sleep(20);
      const started = performance.now();
      replaceSocket(slack, scenario);
      const ack = await driver.runSlashCommand('U1', '/verify-phone');
      if (ack.status !== 200) throw new Error(`${scenario}: the command was not acked`);
      waits.get(scenario)?.push(performance.now() - started);
    }
  }
  return waits;
}

async function measureApp(slack: SlackEmulator, rounds: number, noBuild: boolean): Promise<Map<Scenario, number[]>> {
  if (!noBuild) await buildApp(ROOT);
  const messageMedia = await MessageMediaEmulator.start(MM);
  const folder = mkdtempSync(join(tmpdir(), 'verify-phone-socket-bench-'));
  const port = await freePort();
  const app = await Child.start({
    name: 'app',
    command: process.execPath,
    args: ['--max-old-space-size=256', join(ROOT, 'dist', 'main.js')],
    cwd: folder,
    env: {
      PORT: String(port),
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
      MESSAGEMEDIA_API_KEY: MM.apiKey,
      MESSAGEMEDIA_API_SECRET: MM.apiSecret,
      MESSAGEMEDIA_BASE_URL: messageMedia.url,
      VERIFY_SECRET: 'bench-deployment-key-0123456789-abcdefghijkl',
      DATABASE_URL: `sqlite:${join(folder, 'bench.db')}`,
      LOG_LEVEL: 'warn',
    },
    port,
  });
  try {
    return await measure(slack, rounds);
  } finally {
    await app.stop();
    await messageMedia.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function measureBoltReceiver(slack: SlackEmulator, rounds: number): Promise<Map<Scenario, number[]>> {
  const receiver = new SocketModeReceiver({
    appToken: APP_TOKEN,
    logLevel: LogLevel.ERROR,
    installerOptions: { clientOptions: { slackApiUrl: slack.apiUrl } },
  });
  const app = new App({ receiver, token: BOT_TOKEN, botId: 'B0000BARE', botUserId: 'U0000BARE' });
  app.command('/verify-phone', async ({ ack }) => {
    await ack();
  });
  await app.start();
  try {
    return await measure(slack, rounds);
  } finally {
    await app.stop();
  }
}

function table(title: string, waits: Map<Scenario, number[]>): string {
  const row = (label: string, cells: readonly string[]) =>
    `  ${label.padEnd(24)}${cells.map((cell) => cell.padStart(9)).join('')}`;
  const rows = [...waits].map(([scenario, samples]) => {
    const { n, p50, p95, max } = summarize(samples);
    return row(scenario, [String(n), ...[p50, p95, max].map((ms) => ms.toFixed(1))]);
  });
  return [title, row('ms, socket gone → ack', ['n', 'p50', 'p95', 'max']), ...rows].join('\n');
}

function option(argv: readonly string[], name: string, fallback: number): number {
  const index = argv.indexOf(name);
  const value = index >= 0 ? Number(argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} takes a whole number`);
  return value;
}

async function main(argv: readonly string[]): Promise<void> {
  const rounds = option(argv, '--rounds', 30);
  const boltRounds = option(argv, '--bolt-rounds', 3);
  const slack = await SlackEmulator.start({ botToken: BOT_TOKEN, appToken: APP_TOKEN });
  slack.addUser({ id: 'U1', name: 'alice' });
  try {
    const app = await measureApp(slack, rounds, argv.includes('--no-build'));
    process.stdout.write(`${table('verify-phone (node dist/main.js, Socket Mode)', app)}\n`);
    if (boltRounds > 0) {
      const bolt = await measureBoltReceiver(slack, boltRounds);
      process.stdout.write(`${table("Bolt's SocketModeReceiver, default options, ack-only app", bolt)}\n`);
    }
  } finally {
    await slack.stop();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
