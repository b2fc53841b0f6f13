import { parseArgs } from 'node:util';

/** When the measured phase stops starting new flows. */
export type StopRule =
  | { readonly kind: 'flows'; readonly flows: number }
  | { readonly kind: 'duration'; readonly seconds: number };

export interface BenchOptions {
  /** Flows in progress at once (and slash commands in flight at once against the bare app). */
  readonly concurrency: number;
  readonly stop: StopRule;
  /** Delay the MessageMedia emulator adds to every request (send and lookup). */
  readonly smsLatencyMs: number;
  /** Pending mode: start this many flows, leave them at the code step, and measure the app's RSS. */
  readonly pending: number | undefined;
  /** Complete flows run before measuring (and three times as many bare acks), so both processes are warm. */
  readonly warmup: number;
  /** Seconds to wait after the pending flows before the "settled" RSS reading. */
  readonly settleSeconds: number;
  /** Skip `npm run build` (dist/ must be current). */
  readonly build: boolean;
  /** Start the app with `node --cpu-prof` and keep the profile in bench/results/. */
  readonly cpuProfile: boolean;
  /** A git revision to build in a temporary folder and run under the same load first, for the CPU ratio. */
  readonly baseline: string | undefined;
  /** Cold mode: this many fresh app processes, each sent --concurrency commands at once as soon as /healthz says 200. */
  readonly coldRounds: number | undefined;
}

export const USAGE = `Usage: npm run bench -- [options]

  --concurrency N     flows in progress at once, and commands in flight against the bare app (default 50)
  --flows N           measured flows (default: the concurrency)
  --duration-s S      instead of --flows: start flows for S seconds, then let them finish
  --sms-latency-ms M  delay of the MessageMedia emulator on every request (default 0)
  --pending N         pending mode: N flows left at the code step; reports the app's RSS growth
  --warmup N          complete flows before measuring, and 3N commands to the bare app (default: the larger of 100 and --concurrency)
  --settle-s S        pending mode: idle seconds before the settled RSS reading (default 5)
  --no-build          do not run \`npm run build\` first
  --cpu-prof          run the app under \`node --cpu-prof\`; the profile lands in bench/results/
  --baseline REV      first build REV in a temporary folder and run it under the same load: the CPU ratio
  --cold              cold mode: fresh app processes, each sent --concurrency commands once /healthz says 200
  --rounds N          cold mode: how many fresh processes (default 5)
  --help              this text`;

/** Upper bounds that keep a typo from turning the bench into a load test of the machine. */
const LIMITS = { concurrency: 1_000, flows: 100_000, pending: 100_000, durationSeconds: 3_600 } as const;

export class OptionsError extends Error {
  override readonly name = 'OptionsError';
}

/** Parses the command line; returns undefined when `--help` was asked for. */
export function parseOptions(argv: readonly string[]): BenchOptions | undefined {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    throw new OptionsError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) return undefined;

  const concurrency = integer('--concurrency', values.concurrency, 50, 1, LIMITS.concurrency);
  if (values.flows !== undefined && values['duration-s'] !== undefined) {
    throw new OptionsError('--flows and --duration-s exclude each other');
  }
  const pending = values.pending === undefined ? undefined : integer('--pending', values.pending, 0, 1, LIMITS.pending);
  if (pending !== undefined && (values.flows !== undefined || values['duration-s'] !== undefined)) {
    throw new OptionsError('--pending runs its own number of flows: leave out --flows and --duration-s');
  }
  const cold = values.cold ?? false;
  if (cold && (pending !== undefined || values.baseline !== undefined)) {
    throw new OptionsError('--cold excludes --pending and --baseline');
  }
  if (values.rounds !== undefined && !cold) throw new OptionsError('--rounds is for --cold');
  if (values.baseline !== undefined && pending !== undefined) throw new OptionsError('--baseline excludes --pending');
  const stop: StopRule =
    pending !== undefined
      ? { kind: 'flows', flows: pending }
      : values['duration-s'] === undefined
        ? { kind: 'flows', flows: integer('--flows', values.flows, concurrency, 1, LIMITS.flows) }
        : { kind: 'duration', seconds: decimal('--duration-s', values['duration-s'], 0.1, LIMITS.durationSeconds) };

  return {
    concurrency,
    stop,
    smsLatencyMs: integer('--sms-latency-ms', values['sms-latency-ms'], 0, 0, 60_000),
    pending,
    // At least one warm-up flow per concurrent slot, so the app starts warm on as many connections as
    // the bare app (which gets 3× as many warm-up commands).
    warmup: integer('--warmup', values.warmup, Math.max(100, concurrency), 0, 10_000),
    settleSeconds: decimal('--settle-s', values['settle-s'] ?? '5', 0, 600),
    build: !values['no-build'],
    cpuProfile: values['cpu-prof'] ?? false,
    baseline: values.baseline,
    coldRounds: cold ? integer('--rounds', values.rounds, 5, 1, 100) : undefined,
  };
}

function parseCommandLine(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      concurrency: { type: 'string' },
      flows: { type: 'string' },
      'duration-s': { type: 'string' },
      'sms-latency-ms': { type: 'string' },
      pending: { type: 'string' },
      warmup: { type: 'string' },
      'settle-s': { type: 'string' },
      'no-build': { type: 'boolean' },
      'cpu-prof': { type: 'boolean' },
      baseline: { type: 'string' },
      cold: { type: 'boolean' },
      rounds: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new OptionsError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function decimal(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || value < min || value > max) {
    throw new OptionsError(`${name} must be a number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}
