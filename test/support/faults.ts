import type { RecordedCall } from '../../emulators/slack';
import type { TestEnvironment } from './environment';

/** Polls `check` (which may be async) every `intervalMs` until it gives something other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs = 5_000, intervalMs = 20, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await pause(intervalMs);
  }
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A clock the test moves by hand (ms since the epoch), for the app's `clock` option. */
export class ManualClock {
  private current = Date.now();

  readonly now = (): number => this.current;

  advance(ms: number): void {
    this.current += ms;
  }
}

/** Every send (POST /v1/messages) that reached the MessageMedia emulator, answered or not. */
export function sendRequests(env: TestEnvironment): number {
  return env.messageMedia.requests.filter((request) => request.method === 'POST' && request.path === '/v1/messages')
    .length;
}

/** Every lookup (GET /v1/messages/{id}) of one message that reached the emulator. */
export function lookupRequests(env: TestEnvironment, messageId: string): number {
  const path = `/v1/messages/${encodeURIComponent(messageId)}`;
  return env.messageMedia.requests.filter((request) => request.method === 'GET' && request.path === path).length;
}

/** Log entries at pino's error level or above (50 error, 60 fatal). */
export function errorLogs(env: TestEnvironment): Record<string, unknown>[] {
  return env.logs.entries().filter((entry) => typeof entry.level === 'number' && entry.level >= 50);
}

/** Audit log lines of one event type (`verified`, `tag_set`…). */
export function auditEvents(env: TestEnvironment, event: string): Record<string, unknown>[] {
  return env.logs.entries().filter((entry) => entry.event === event);
}

/** Every run of 4–10 digits in every SMS the emulator accepted: the codes members were sent. */
export function codesSent(env: TestEnvironment): string[] {
  return env.messageMedia.outbox.flatMap((message) => message.content.match(/\b\d{4,10}\b/g) ?? []);
}

/** The member opens the Home tab; resolves with the view the app publishes for that visit, as JSON text. */
export async function homeTabText(env: TestEnvironment, userId: string): Promise<string> {
  const earlier = new Set<RecordedCall>(env.slack.callsTo('views.publish'));
  const published = env.slack.waitForCall(
    (call) => call.method === 'views.publish' && call.args.user_id === userId && !earlier.has(call),
  );
  const ack = await env.driver.openHomeTab(userId);
  if (ack.status !== 200) throw new Error(`app_home_opened ack was ${ack.status}`);
  return JSON.stringify((await published).args.view);
}

/** mulberry32: a tiny seeded PRNG, so a fuzz run is the same run every time. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Helpers over a PRNG: picks, integers and booleans. */
export class Random {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

/** Runs `tasks` with at most `limit` in flight; results in input order. */
export async function inPool<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < tasks.length) {
      const index = nextIndex++;
      const task = tasks[index];
      if (task) results[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
