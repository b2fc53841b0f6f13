/**
 * `npm run bench`: the app as in production (`node dist/main.js`, SQLite in a temporary folder)
 * between the Slack and MessageMedia emulators, driven by signed Slack requests, next to a bare
 * Bolt app as the framework floor. See README.md, "Benchmark".
 */
import { setMaxListeners } from 'node:events';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { MessageMediaEmulator } from '../emulators/messagemedia';
import { SlackDriver, SlackEmulator } from '../emulators/slack';
import { checkOutBaseline } from './baseline';
import { buildApp, Child, freePort } from './children';
import { COMMAND, FlowRecorder, type FlowTarget, PROFILE_FIELD, runCommands, runFlow, runPool } from './flows';
import { MemberPool } from './members';
import { type BenchOptions, OptionsError, parseOptions, type StopRule, USAGE } from './options';
import { measurePhase } from './phase';
import { machineInfo, type Revision, readMemory, revisionOf } from './process-stats';

/** The Node flags of `npm start` (package.json), so the bench runs the app exactly as it is deployed. */
const APP_NODE_FLAGS = ['--max-old-space-size=256'];

import {
  type BaselineMeasurement,
  type ColdBurst,
  coldReport,
  fileStamp,
  flowsReport,
  pendingReport,
  type Report,
  type RunInfo,
  renderReport,
  saveReport,
  type WarmupSummary,
} from './report';

const ROOT = resolve(__dirname, '..');
const RESULTS_DIR = join(ROOT, 'bench', 'results');

/** Made-up credentials shared by the emulators and the processes under test. */
const CREDENTIALS = {
  signingSecret: 'bench-signing-secret-0123456789abcdef',
  botToken: 'xoxb-bench-bot-token',
  adminToken: 'xoxp-bench-admin-token',
  mmKey: 'bench-mm-key',
  mmSecret: 'bench-mm-secret',
  verifySecret: 'bench-deployment-key-0123456789-abcdefghijklmnop',
} as const;

/** Undo steps, run once, last registered first: on success, on error and on Ctrl-C alike. */
class Cleanup {
  private readonly steps: (() => unknown)[] = [];
  private running: Promise<void> | undefined;

  add(step: () => unknown): void {
    this.steps.push(step);
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step();
        } catch (error) {
          log(`cleanup step failed: ${describe(error)}`);
        }
      }
    })();
    return this.running;
  }
}

interface Environment {
  readonly options: BenchOptions;
  readonly startedAt: string;
  /** Taken when the app was built, before anything ran. */
  readonly revision: Revision | undefined;
  readonly cleanup: Cleanup;
  readonly slack: SlackEmulator;
  readonly messageMedia: MessageMediaEmulator;
  readonly folder: string;
  readonly app: Child;
  readonly target: FlowTarget;
  readonly members: MemberPool;
  /** Starts another app process (a baseline's, or a fresh one) against the same emulators. */
  readonly launch: (root: string, name: string) => Promise<{ app: Child; driver: SlackDriver }>;
}

let interrupted = false;

async function main(): Promise<number> {
  let options: BenchOptions | undefined;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (!options) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const cleanup = new Cleanup();
  handleInterrupts(cleanup);
  try {
    const env = await prepare(options, cleanup);
    const report =
      options.coldRounds !== undefined
        ? await benchCold(env, options.coldRounds)
        : options.pending === undefined
          ? await benchFlows(env)
          : await benchPending(env, options.pending);
    process.stdout.write(`\n${renderReport(report)}\n`);
    process.stdout.write(`\nJSON: ${saveReport(report, RESULTS_DIR)}\n`);
    return 0;
  } finally {
    await cleanup.run();
  }
}

/** Builds, starts both emulators and the app, and waits for its /healthz. */
async function prepare(options: BenchOptions, cleanup: Cleanup): Promise<Environment> {
  const startedAt = new Date().toISOString();
  const revision = revisionOf(ROOT);
  if (options.build) {
    log('npm run build');
    await buildApp(ROOT);
  }
  const folder = mkdtempSync(join(tmpdir(), 'verify-phone-bench-'));
  cleanup.add(() => rmSync(folder, { recursive: true, force: true }));
  const slack = await SlackEmulator.start({
    botToken: CREDENTIALS.botToken,
    adminToken: CREDENTIALS.adminToken,
    admin: { id: 'UOWNER', name: 'owner', role: 'owner' },
    profileFields: [PROFILE_FIELD],
  });
  cleanup.add(() => slack.stop());
  // The MessageMedia emulator delays every request on one shared AbortSignal, with one listener per request in
  // flight: past ten, Node warns of a leak. Raise the limit before the emulator creates that signal.
  setMaxListeners(Math.max(10, 2 * options.concurrency));
  const messageMedia = await MessageMediaEmulator.start({ apiKey: CREDENTIALS.mmKey, apiSecret: CREDENTIALS.mmSecret });
  cleanup.add(() => messageMedia.stop());

  const launch = (root: string, name: string) =>
    launchApp({ options, startedAt, slack, folder, messageMediaUrl: messageMedia.url, cleanup }, root, name);
  const { app, driver } = await launch(ROOT, 'app');
  const viewTimeoutMs = 30_000 + 2 * options.smsLatencyMs;
  const target: FlowTarget = { slack, messageMedia, driver, viewTimeoutMs };
  const members = new MemberPool(slack, 'UB');
  return { options, startedAt, revision, cleanup, slack, messageMedia, folder, app, target, members, launch };
}

interface LaunchContext {
  readonly options: BenchOptions;
  readonly startedAt: string;
  readonly slack: SlackEmulator;
  readonly messageMediaUrl: string;
  readonly folder: string;
  readonly cleanup: Cleanup;
}

/** Starts `root`'s built app (its own SQLite file) and resolves once its /healthz answers 200. */
async function launchApp(ctx: LaunchContext, root: string, name: string): Promise<{ app: Child; driver: SlackDriver }> {
  const { options, slack, folder, cleanup } = ctx;
  const port = await freePort();
  const slug = name.replace(/\W+/g, '-');
  const profileDir = join(RESULTS_DIR, `${fileStamp(ctx.startedAt)}-cpuprofile`, slug);
  const app = await Child.start({
    name,
    command: process.execPath,
    args: [
      ...APP_NODE_FLAGS,
      ...(options.cpuProfile ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
      join(root, 'dist', 'main.js'),
    ],
    // A folder without .env, so dotenv adds nothing to the environment below.
    cwd: folder,
    env: {
      PORT: String(port),
      SLACK_SIGNING_SECRET: CREDENTIALS.signingSecret,
      SLACK_BOT_TOKEN: CREDENTIALS.botToken,
      SLACK_ADMIN_TOKEN: CREDENTIALS.adminToken,
      SLACK_API_URL: slack.apiUrl,
      MESSAGEMEDIA_API_KEY: CREDENTIALS.mmKey,
      MESSAGEMEDIA_API_SECRET: CREDENTIALS.mmSecret,
      MESSAGEMEDIA_BASE_URL: ctx.messageMediaUrl,
      VERIFY_SECRET: CREDENTIALS.verifySecret,
      DATABASE_URL: `sqlite:${join(folder, `${slug}.db`)}`,
      LOG_LEVEL: 'warn',
      // One workspace sends every code here: lift its SMS budgets (200 an hour, 1000 a day by default) to
      // their maximum, so that they are checked on every send but never refuse one.
      VERIFY_SENDS_PER_WORKSPACE_PER_HOUR: '1000000',
      VERIFY_SENDS_PER_WORKSPACE_PER_DAY: '10000000',
    },
    port,
  });
  cleanup.add(async () => {
    await app.stop();
    if (options.cpuProfile) log(`CPU profile of the ${name}: ${profileDir}`);
  });
  log(`${name} pid ${app.pid} on port ${port}`);
  const driver = new SlackDriver({
    appUrl: `http://127.0.0.1:${port}/slack/events`,
    signingSecret: CREDENTIALS.signingSecret,
    emulator: slack,
  });
  return { app, driver };
}

async function benchFlows(env: Environment): Promise<Report> {
  const { options, app, target, slack, cleanup } = env;
  const barePort = await freePort();
  const bare = await Child.start({
    name: 'bare app',
    command: process.execPath,
    args: ['--import', 'tsx', join(ROOT, 'bench', 'bare-app.ts')],
    cwd: ROOT,
    env: { PORT: String(barePort), SLACK_SIGNING_SECRET: CREDENTIALS.signingSecret },
    port: barePort,
  });
  cleanup.add(() => bare.stop());
  log(`bare app pid ${bare.pid} on port ${barePort}`);
  const bareDriver = new SlackDriver({
    appUrl: `http://127.0.0.1:${barePort}/slack/events`,
    signingSecret: CREDENTIALS.signingSecret,
    emulator: slack,
  });
  const bareMembers = Array.from({ length: options.concurrency }, (_, index) => {
    const userId = `UBARE${String(index).padStart(6, '0')}`;
    slack.addUser({ id: userId, name: userId.toLowerCase() });
    return userId;
  });

  const baseline = options.baseline === undefined ? undefined : await benchBaseline(env, options.baseline);
  const warmup = await warmUp(env, app, target);
  if (options.warmup > 0) {
    // A flow sends the app three signed requests: warm the bare app with as many.
    const commands = 3 * options.warmup;
    log(`bare app warm-up: ${commands} commands`);
    const warm = await bare.guard(
      runCommands(bareDriver, bareMembers, commands, Math.min(options.concurrency, commands)),
    );
    if (warm.failures.length > 0) throw new Error(`bare app warm-up failed: ${warm.failures[0]}`);
  }

  const { recorder, phase: appPhase, linesInPhase } = await runAppPhase(env, app, target);
  const appMemory = readMemory(app.pid);

  log(`bare app phase: ${recorder.started} commands at concurrency ${options.concurrency}`);
  const barePhase = await measurePhase(bare.pid, () =>
    bare.guard(runCommands(bareDriver, bareMembers, recorder.started, options.concurrency)),
  );
  const bareMemory = readMemory(bare.pid);

  return flowsReport(
    runInfo(env, warmup, linesInPhase),
    {
      flowsStarted: recorder.started,
      flowsCompleted: recorder.completed,
      failures: recorder.failures,
      acks: recorder.acks,
      flowMs: recorder.flowMs,
      phase: appPhase,
      memory: appMemory,
    },
    {
      acks: barePhase.value.acks,
      failures: barePhase.value.failures,
      phase: barePhase.stats,
      memory: bareMemory,
    },
    baseline,
  );
}

/** The measured flows against one app process, with the SMS latency of the options. */
async function runAppPhase(env: Environment, app: Child, target: FlowTarget) {
  const { options, members } = env;
  log(`${app.name} phase: ${describeStop(options.stop)} at concurrency ${options.concurrency}`);
  env.messageMedia.latencyMs = options.smsLatencyMs;
  const recorder = new FlowRecorder();
  const logBefore = app.logLineCount;
  const measured = await withProgress(
    () => `${recorder.completed} flows done, ${recorder.started - recorder.completed} in progress or failed`,
    () => {
      const claim = claimer(options.stop);
      const work = runPool(options.concurrency, claim, () => runFlow(target, members.next(), recorder, true));
      return measurePhase(app.pid, () => app.guard(work));
    },
  );
  env.messageMedia.latencyMs = 0;
  return { recorder, phase: measured.stats, linesInPhase: app.logLineCount - logBefore };
}

/** `--baseline`: that revision, built in a temporary worktree, warmed up and run under the same load, then stopped. */
async function benchBaseline(env: Environment, rev: string): Promise<BaselineMeasurement> {
  const checkout = await checkOutBaseline(ROOT, rev, log);
  env.cleanup.add(() => checkout.remove());
  const { app, driver } = await env.launch(checkout.root, 'baseline app');
  const target: FlowTarget = { ...env.target, driver };
  await warmUp(env, app, target);
  const { recorder, phase } = await runAppPhase(env, app, target);
  await app.stop();
  return {
    commit: checkout.commit,
    flowsStarted: recorder.started,
    flowsCompleted: recorder.completed,
    failureCount: recorder.failures.length,
    acks: recorder.acks,
    phase,
  };
}

async function benchPending(env: Environment, count: number): Promise<Report> {
  const { options, app, target, members } = env;
  const warmup = await warmUp(env, app, target);
  await sleep(1_000); // the warm-up's last Web API calls settle
  const before = readMemory(app.pid);

  log(`pending phase: ${count} flows left at the code step, concurrency ${options.concurrency}`);
  env.messageMedia.latencyMs = options.smsLatencyMs;
  const recorder = new FlowRecorder();
  const logBefore = app.logLineCount;
  let launched = 0;
  const phase = await withProgress(
    () => `${recorder.completed} / ${count} flows at the code step, ${recorder.failures.length} failed`,
    () => {
      const work = runPool(
        options.concurrency,
        () => launched++ < count,
        () => runFlow(target, members.next(), recorder, false),
      );
      return measurePhase(app.pid, () => app.guard(work));
    },
  );
  env.messageMedia.latencyMs = 0;
  const after = readMemory(app.pid);
  const linesInPhase = app.logLineCount - logBefore;
  log(`waiting ${options.settleSeconds} s with no traffic`);
  await sleep(options.settleSeconds * 1_000);
  const settled = readMemory(app.pid);

  return pendingReport(runInfo(env, warmup, linesInPhase), {
    requested: count,
    reached: recorder.completed,
    failures: recorder.failures,
    acks: { command: recorder.acks.command, number: recorder.acks.number },
    flowMs: recorder.flowMs,
    phase: phase.stats,
    before,
    after,
    settled,
    databaseBytes: databaseBytes(env.folder),
  });
}

/**
 * `--cold`: `rounds` fresh app processes; each gets --concurrency slash commands at once, the moment its
 * /healthz first says 200 (the first round's process is the one `prepare` just started).
 */
async function benchCold(env: Environment, rounds: number): Promise<Report> {
  const { options, members } = env;
  const bursts: ColdBurst[] = [];
  let current: { app: Child; driver: SlackDriver } = { app: env.app, driver: env.target.driver };
  for (let round = 1; round <= rounds; round += 1) {
    if (round > 1) current = await env.launch(ROOT, `cold app ${round}`);
    const healthyAt = performance.now();
    const userIds = Array.from({ length: options.concurrency }, () => members.next().userId);
    const burst = await current.app.guard(
      Promise.all(userIds.map((userId) => coldCommand(current.driver, userId, healthyAt))),
    );
    const acks = burst.map((b) => b.ackMs);
    const sentWithinMs = Math.max(...burst.map((b) => b.sentAfterMs));
    bursts.push({ acks, failures: burst.flatMap((b) => b.failure ?? []), sentWithinMs });
    log(`cold round ${round}: max ack ${Math.max(...acks).toFixed(0)} ms`);
    await current.app.stop();
  }
  return coldReport(runInfo(env, { flows: 0, completed: 0, failureCount: 0, failures: [] }, 0), bursts);
}

async function coldCommand(driver: SlackDriver, userId: string, healthyAt: number) {
  const sentAfterMs = performance.now() - healthyAt;
  try {
    const ack = await driver.runSlashCommand(userId, COMMAND);
    return { ackMs: ack.ackMs, sentAfterMs, failure: ack.error };
  } catch (error) {
    return { ackMs: Number.POSITIVE_INFINITY, sentAfterMs, failure: describe(error) };
  }
}

/** Complete flows with no SMS latency, so that the measured phase runs on warm code; at least one must pass. */
async function warmUp({ options, members }: Environment, app: Child, target: FlowTarget): Promise<WarmupSummary> {
  const recorder = new FlowRecorder();
  const summary = (): WarmupSummary => ({
    flows: options.warmup,
    completed: recorder.completed,
    failureCount: recorder.failures.length,
    failures: recorder.failures.slice(0, 10),
  });
  if (options.warmup === 0) return summary();
  log(`warm-up: ${options.warmup} flows`);
  let launched = 0;
  await app.guard(
    runPool(
      Math.min(options.concurrency, options.warmup),
      () => launched++ < options.warmup,
      () => runFlow(target, members.next(), recorder, true),
    ),
  );
  const [first] = recorder.failures;
  if (first) {
    const failed = `${recorder.failures.length} of ${options.warmup} warm-up flows failed; first: ${first.step}: ${first.reason}`;
    if (recorder.completed === 0) throw new Error(failed);
    log(`warning: ${failed}`);
  }
  return summary();
}

function runInfo(env: Environment, warmup: WarmupSummary, linesInPhase: number): RunInfo {
  const { startedAt, options, app } = env;
  return {
    startedAt,
    options,
    machine: machineInfo(),
    revision: env.revision,
    warmup,
    appLog: { linesInPhase, linesTotal: app.logLineCount, tail: [...app.logTail] },
  };
}

/** Whether a worker may start another flow. */
function claimer(stop: StopRule): () => boolean {
  if (stop.kind === 'flows') {
    let launched = 0;
    return () => launched++ < stop.flows;
  }
  const deadline = performance.now() + stop.seconds * 1_000;
  return () => performance.now() < deadline;
}

function describeStop(stop: StopRule): string {
  return stop.kind === 'flows' ? `${stop.flows} flows` : `flows started for ${stop.seconds} s`;
}

/** Runs `work`, printing `status()` to stderr every 5 s. */
async function withProgress<T>(status: () => string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const timer = setInterval(() => log(`  ${((performance.now() - started) / 1000).toFixed(0)} s: ${status()}`), 5_000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

function databaseBytes(folder: string): number {
  let total = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      total += statSync(join(folder, `app.db${suffix}`)).size;
    } catch {
      // absent
    }
  }
  return total;
}

/** First Ctrl-C (or SIGTERM): stop the children and exit. Second: SIGKILL them (via the exit hook) and exit now. */
function handleInterrupts(cleanup: Cleanup): void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(130);
    interrupted = true;
    log(`${signal}: stopping the app and the bare app`);
    void cleanup.run().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('uncaughtException', (error) => {
    log(`uncaught: ${error.stack ?? error.message}`);
    void cleanup.run().finally(() => process.exit(1));
  });
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (!interrupted) log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(interrupted ? 130 : 1);
  },
);
