import { performance } from 'node:perf_hooks';
import type { MessageMediaEmulator } from '../emulators/messagemedia';
import type { OpenView, SlackDriver, SlackEmulator, SubmitResult, ViewWaitHint } from '../emulators/slack';
import type { BenchMember } from './members';

export const COMMAND = '/verify-phone';
export const PROFILE_FIELD = { id: 'Xf0PHONEVER', label: 'Phone verified' } as const;

/** The three requests of a flow whose ack a member waits for. */
export type Step = 'command' | 'number' | 'code';

/** What the member sees at each stage (text from the app's views). */
const CODE_STEP_TEXT = 'digit code we sent';
const VERIFIED_TEXT = 'is verified';
const BADGE_SET_TEXT = 'Your Slack profile now shows';

/** A trigger id dies 3 s after the command is sent: a modal not open by then never will be. */
const MODAL_TIMEOUT_MS = 10_000;

export interface FlowFailure {
  readonly userId: string;
  /** Where the flow stopped: a step's ack, or what was awaited after it. */
  readonly step: Step | 'code step' | 'verified';
  readonly reason: string;
}

/** Everything measured about a batch of flows, shared by its workers. */
export class FlowRecorder {
  readonly acks: Record<Step, number[]> = { command: [], number: [], code: [] };
  /** From the command to the last awaited view (verified, or the code step for pending flows). */
  readonly flowMs: number[] = [];
  readonly failures: FlowFailure[] = [];
  started = 0;
  completed = 0;
}

export interface FlowTarget {
  readonly slack: SlackEmulator;
  readonly messageMedia: MessageMediaEmulator;
  readonly driver: SlackDriver;
  /** How long to wait for a view the app sends by Web API after an ack. */
  readonly viewTimeoutMs: number;
}

class FlowStop extends Error {
  constructor(
    readonly step: FlowFailure['step'],
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * One member's flow, as a member goes through it: /verify-phone, number, (code step arrives by
 * views.update), code, (verified view), with every ack and view checked. `finish: false` stops at
 * the code step and leaves the flow pending.
 */
export async function runFlow(
  target: FlowTarget,
  member: BenchMember,
  recorder: FlowRecorder,
  finish: boolean,
): Promise<void> {
  recorder.started += 1;
  const started = performance.now();
  // Where an unexpected error (a timeout, a view the driver can't use) is charged.
  let stage: Step = 'command';
  try {
    const viewId = await openModal(target, member, recorder);
    stage = 'number';
    await submitNumber(target, member, viewId, recorder);
    if (finish) {
      stage = 'code';
      await submitCode(target, member, viewId, recorder, started);
    } else {
      recorder.flowMs.push(performance.now() - started);
    }
    recorder.completed += 1;
  } catch (error) {
    const step = error instanceof FlowStop ? error.step : stage;
    recorder.failures.push({ userId: member.userId, step, reason: describe(error) });
  }
}

/** Runs `task` on `concurrency` workers, each starting the next one as soon as its last ended, while `claim()` agrees. */
export async function runPool(concurrency: number, claim: () => boolean, task: (worker: number) => Promise<void>) {
  const worker = async (index: number) => {
    while (claim()) await task(index);
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));
}

export interface AckBatch {
  readonly acks: number[];
  readonly failures: string[];
}

/** Slash commands only, each worker as its own member, back to back: the framework floor. */
export async function runCommands(
  driver: SlackDriver,
  userIds: readonly string[],
  count: number,
  concurrency: number,
): Promise<AckBatch> {
  const batch: AckBatch = { acks: [], failures: [] };
  let sent = 0;
  await runPool(
    concurrency,
    () => sent++ < count,
    async (worker) => {
      const userId = userIds[worker % userIds.length] ?? '';
      try {
        const ack = await driver.runSlashCommand(userId, COMMAND);
        batch.acks.push(ack.ackMs);
        if (ack.error) batch.failures.push(ack.error);
      } catch (error) {
        batch.failures.push(describe(error));
      }
    },
  );
  return batch;
}

async function openModal(target: FlowTarget, { userId }: BenchMember, recorder: FlowRecorder): Promise<string> {
  const { slack, driver } = target;
  // Each bench member has one modal at most, so "a modal of this member" is the one the command opens.
  const opened = expectView(target, (view) => view.type === 'modal', { userId }, MODAL_TIMEOUT_MS);
  const ack = await driver.runSlashCommand(userId, COMMAND);
  recorder.acks.command.push(ack.ackMs);
  if (ack.error) throw new FlowStop('command', ack.error);
  const modal = await opened.catch(() => {
    const call = slack.calls.find((c) => c.method === 'views.open' && c.args.trigger_id === ack.triggerId);
    const why = call ? `views.open answered ${call.ok ? 'ok' : call.error}` : 'the app never called views.open';
    throw new FlowStop('command', `no modal within ${MODAL_TIMEOUT_MS} ms (${why})`);
  });
  return modal.id;
}

async function submitNumber(target: FlowTarget, { userId, e164 }: BenchMember, viewId: string, recorder: FlowRecorder) {
  const { slack, driver } = target;
  const codeStep = expectView(target, (view) => view.id === viewId && viewText(view).includes(CODE_STEP_TEXT), {
    viewId,
  });
  const result = await driver.submitView(viewId, userId, { phone_block: e164 });
  checkSubmission('number', result, recorder);
  await codeStep.catch(() => {
    throw new FlowStop('code step', `no code step within ${target.viewTimeoutMs} ms`);
  });
  // The app's views.update and the driver applying the "Sending…" ack race; Slack has the same race.
  const shown = slack.view(viewId);
  if (!shown || !viewText(shown).includes(CODE_STEP_TEXT)) {
    throw new FlowStop('code step', 'the "Sending…" ack was applied after the code step arrived and hid it');
  }
}

async function submitCode(
  target: FlowTarget,
  { userId, e164 }: BenchMember,
  viewId: string,
  recorder: FlowRecorder,
  started: number,
) {
  const { slack, messageMedia, driver } = target;
  const code = messageMedia.lastMessageTo(e164)?.content.match(/\b\d{6}\b/)?.[0];
  if (!code) throw new FlowStop('code step', `no code in the MessageMedia outbox for ${e164}`);
  const verified = expectView(target, (view) => view.id === viewId && viewText(view).includes(VERIFIED_TEXT), {
    viewId,
  });
  const home = expectView(target, (view) => view.type === 'home', { userId });
  const result = await driver.submitView(viewId, userId, { code_block: code });
  checkSubmission('code', result, recorder);
  const view = await verified.catch(() => {
    throw new FlowStop('verified', `no verified view within ${target.viewTimeoutMs} ms`);
  });
  if (!viewText(view).includes(BADGE_SET_TEXT)) throw new FlowStop('verified', 'the app says the badge was not set');
  const tag = slack.profileOf(userId)[PROFILE_FIELD.id]?.value ?? '';
  if (!tag.includes('(verified ')) throw new FlowStop('verified', `profile field not tagged (got "${tag}")`);
  recorder.flowMs.push(performance.now() - started);
  // The Home tab is the app's last call for a flow: waiting for it keeps the flow's CPU inside the phase.
  await home.catch(() => {
    throw new FlowStop('verified', `no Home tab within ${target.viewTimeoutMs} ms`);
  });
}

function checkSubmission(step: Step, result: SubmitResult, recorder: FlowRecorder): void {
  if (!result.sent) throw new FlowStop(step, `the client refused to submit: ${JSON.stringify(result.errors)}`);
  recorder.acks[step].push(result.ackMs);
  if (result.error) throw new FlowStop(step, result.error);
  if (result.action !== 'update') {
    throw new FlowStop(step, `ack was "${result.action}" ${JSON.stringify(result.errors ?? {})}, not an update`);
  }
}

/**
 * Starts waiting for a view now, so an early one is not missed; the returned promise is marked
 * handled, so a flow that fails before awaiting it does not crash the bench.
 */
function expectView(
  target: FlowTarget,
  predicate: (view: OpenView) => boolean,
  hint: ViewWaitHint,
  timeoutMs = target.viewTimeoutMs,
): Promise<OpenView> {
  const waiting = target.slack.waitForView(predicate, timeoutMs, hint);
  waiting.catch(() => {});
  return waiting;
}

function viewText(view: OpenView): string {
  return JSON.stringify(view.view);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
