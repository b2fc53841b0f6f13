import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FlowFailure, Step } from './flows';
import type { BenchOptions } from './options';
import type { PhaseStats } from './phase';
import type { MachineInfo, MemoryReading, Revision } from './process-stats';

export interface LatencySummary {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export interface Verdict {
  readonly target: string;
  readonly pass: boolean;
  /** Shown after PASS/MISS, e.g. when the ns-precise CPU figures give the other verdict. */
  readonly note?: string;
}

/** The issues' goals, set for --concurrency 200 --sms-latency-ms 5000 (and --pending 10000, --cold). */
export const TARGETS = {
  /** Each step's p99 ack at most this many times the bare app's p99 ack... */
  ackP99VsBare: 1.2,
  /** ...and under this. */
  ackP99CeilingMs: 1_000,
  /** App CPU per completed flow at most this many times the bare app's CPU per ack. */
  cpuPerFlowVsBareAck: 25,
  /** RSS growth for the pending flows. */
  pendingRssGrowthMiB: 50,
  /** App CPU per verified flow at most this many times the --baseline revision's, in the same run. */
  cpuPerFlowVsBaseline: 0.6,
  /** Cold mode: every command of every burst acked within this. */
  coldAckMs: 3_000,
} as const;

/** The --baseline revision's measured phase, under the same load as the app's. */
export interface BaselineMeasurement {
  readonly commit: string;
  readonly flowsStarted: number;
  readonly flowsCompleted: number;
  readonly failureCount: number;
  readonly acks: Readonly<Record<Step, readonly number[]>>;
  readonly phase: PhaseStats;
}

/** The warm-up flows (no SMS latency), before anything is measured. */
export interface WarmupSummary {
  readonly flows: number;
  readonly completed: number;
  readonly failureCount: number;
  readonly failures: readonly FlowFailure[];
}

/** What the app wrote to stdout/stderr (JSON lines, warn level and up). */
export interface AppLog {
  readonly linesInPhase: number;
  readonly linesTotal: number;
  readonly tail: readonly string[];
}

export interface RunInfo {
  /** ISO time the run started; also names the JSON file. */
  readonly startedAt: string;
  readonly options: BenchOptions;
  readonly machine: MachineInfo;
  readonly revision: Revision | undefined;
  readonly warmup: WarmupSummary;
  readonly appLog: AppLog;
}

export interface FlowsMeasurement {
  readonly flowsStarted: number;
  readonly flowsCompleted: number;
  readonly failures: readonly FlowFailure[];
  readonly acks: Readonly<Record<Step, readonly number[]>>;
  readonly flowMs: readonly number[];
  readonly phase: PhaseStats;
  readonly memory: MemoryReading;
}

export interface BareMeasurement {
  readonly acks: readonly number[];
  readonly failures: readonly string[];
  readonly phase: PhaseStats;
  readonly memory: MemoryReading;
}

export interface PendingMeasurement {
  readonly requested: number;
  readonly reached: number;
  readonly failures: readonly FlowFailure[];
  readonly acks: Readonly<Record<'command' | 'number', readonly number[]>>;
  readonly flowMs: readonly number[];
  readonly phase: PhaseStats;
  readonly before: MemoryReading;
  /** Right after the last flow reached the code step. */
  readonly after: MemoryReading;
  /** After the settle time with no traffic. */
  readonly settled: MemoryReading;
  /** SQLite file plus WAL, after the run: where the pending state actually lives. */
  readonly databaseBytes: number;
}

const FAILURES_KEPT = 50;

export interface FlowsReport extends RunInfo {
  readonly mode: 'flows';
  readonly app: {
    readonly flowsStarted: number;
    readonly flowsCompleted: number;
    readonly failureCount: number;
    readonly failures: readonly FlowFailure[];
    readonly acks: Readonly<Record<Step, LatencySummary>>;
    readonly flowMs: LatencySummary;
    readonly flowsPerSecond: number;
    readonly cpuMsPerFlow: number;
    readonly cpuMsPerFlowSched: number | null;
    readonly phase: PhaseStats;
    readonly memory: MemoryReading;
  };
  readonly bare: {
    readonly commands: number;
    readonly failureCount: number;
    readonly failures: readonly string[];
    readonly acks: LatencySummary;
    readonly cpuMsPerAck: number;
    readonly cpuMsPerAckSched: number | null;
    readonly phase: PhaseStats;
    readonly memory: MemoryReading;
  };
  readonly baseline?: {
    readonly commit: string;
    readonly flowsCompleted: number;
    readonly flowsStarted: number;
    readonly failureCount: number;
    readonly acks: Readonly<Record<Step, LatencySummary>>;
    readonly cpuMsPerFlow: number;
    readonly ratio: number;
    readonly phase: PhaseStats;
  };
  readonly targets: {
    readonly everyFlowCompletes: Verdict;
    readonly ackP99: Readonly<Record<Step, Verdict>>;
    readonly cpuPerFlow: Verdict;
    readonly cpuVsBaseline?: Verdict;
  };
}

export interface PendingReport extends RunInfo {
  readonly mode: 'pending';
  readonly pending: {
    readonly requested: number;
    readonly reached: number;
    readonly failureCount: number;
    readonly failures: readonly FlowFailure[];
    readonly acks: Readonly<Record<'command' | 'number', LatencySummary>>;
    readonly flowMs: LatencySummary;
    readonly flowsPerSecond: number;
    readonly cpuMsPerFlow: number;
    readonly cpuMsPerFlowSched: number | null;
    readonly phase: PhaseStats;
  };
  readonly memory: {
    readonly before: MemoryReading;
    readonly after: MemoryReading;
    readonly settled: MemoryReading;
    /** The larger of after − before and settled − before. */
    readonly growthMiB: number;
  };
  readonly databaseBytes: number;
  readonly targets: {
    readonly everyFlowPending: Verdict;
    readonly rssGrowth: Verdict;
  };
}

/** One cold round: the commands sent at once to a fresh process. */
export interface ColdBurst {
  readonly acks: readonly number[];
  readonly failures: readonly string[];
  /** When the last command left, after /healthz first said 200. */
  readonly sentWithinMs: number;
}

export interface ColdReport extends RunInfo {
  readonly mode: 'cold';
  readonly rounds: readonly {
    readonly acks: LatencySummary;
    readonly late: number;
    readonly failureCount: number;
    readonly failures: readonly string[];
    readonly sentWithinMs: number;
  }[];
  readonly targets: { readonly everyAckInTime: Verdict };
}

export type Report = FlowsReport | PendingReport | ColdReport;

export function coldReport(run: RunInfo, bursts: readonly ColdBurst[]): ColdReport {
  const rounds = bursts.map((burst) => ({
    acks: summarize(burst.acks),
    late: burst.acks.filter((ack) => !(ack <= TARGETS.coldAckMs)).length,
    failureCount: burst.failures.length,
    failures: burst.failures.slice(0, FAILURES_KEPT),
    sentWithinMs: burst.sentWithinMs,
  }));
  const pass =
    rounds.length > 0 && rounds.every((r) => r.late === 0 && r.failureCount === 0 && r.sentWithinMs <= 2_000);
  return {
    mode: 'cold',
    ...run,
    rounds,
    targets: { everyAckInTime: { target: `every ack ≤ ${TARGETS.coldAckMs} ms, sent within 2 s`, pass } },
  };
}

function renderCold(report: ColdReport): string {
  const { options, rounds, targets } = report;
  const rows = rounds.map((round, index) => [
    ...latencyCells(`round ${index + 1}`, round.acks),
    String(round.late),
    String(round.failureCount),
    ms(round.sentWithinMs),
  ]);
  const lines = [
    `verify-phone bench, cold mode: ${rounds.length} fresh processes, ${options.concurrency} /verify-phone at once as /healthz first says 200`,
    machineLine(report),
    '',
    table(['Cold burst ack (ms)', 'n', 'p50', 'p95', 'p99', 'max', 'late', 'failed', 'all sent by'], rows, 'lrrrrrrrr'),
    '',
    `${targets.everyAckInTime.target}: ${mark(targets.everyAckInTime)}`,
  ];
  for (const [index, round] of rounds.entries()) {
    lines.push(...failureLines(`round ${index + 1} failures`, round.failureCount, round.failures));
  }
  return lines.join('\n');
}

/** Nearest-rank percentiles. */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return { n: sorted.length, p50: rank(50), p95: rank(95), p99: rank(99), max: sorted.at(-1) ?? Number.NaN };
}

function stepSummaries(acks: Readonly<Record<Step, readonly number[]>>): Record<Step, LatencySummary> {
  return { command: summarize(acks.command), number: summarize(acks.number), code: summarize(acks.code) };
}

function baselineReport(baseline: BaselineMeasurement, cpuMsPerFlow: number) {
  const baselineCpu = baseline.phase.cpu.statMs / baseline.flowsCompleted;
  const ratio = cpuMsPerFlow / baselineCpu;
  const report = {
    commit: baseline.commit,
    flowsCompleted: baseline.flowsCompleted,
    flowsStarted: baseline.flowsStarted,
    failureCount: baseline.failureCount,
    acks: stepSummaries(baseline.acks),
    cpuMsPerFlow: baselineCpu,
    ratio,
    phase: baseline.phase,
  };
  const verdict: Verdict = {
    target: `≤ ${TARGETS.cpuPerFlowVsBaseline}× ${baseline.commit.slice(0, 10)} (${fixed(TARGETS.cpuPerFlowVsBaseline * baselineCpu, 2)} ms)`,
    pass: baseline.flowsCompleted > 0 && ratio <= TARGETS.cpuPerFlowVsBaseline,
  };
  return { report, verdict };
}

export function flowsReport(
  run: RunInfo,
  app: FlowsMeasurement,
  bare: BareMeasurement,
  baseline?: BaselineMeasurement,
): FlowsReport {
  const acks = stepSummaries(app.acks);
  const bareAcks = summarize(bare.acks);
  const cpuMsPerFlow = app.phase.cpu.statMs / app.flowsCompleted;
  const cpuMsPerAck = bare.phase.cpu.statMs / bare.acks.length;
  const ackLimit = Math.min(TARGETS.ackP99VsBare * bareAcks.p99, TARGETS.ackP99CeilingMs);
  const ackVerdict = (summary: LatencySummary): Verdict => ({
    target: `≤ ${TARGETS.ackP99VsBare}× bare p99 (${fixed(TARGETS.ackP99VsBare * bareAcks.p99, 1)}) and < ${TARGETS.ackP99CeilingMs}`,
    pass: summary.n > 0 && summary.p99 <= ackLimit && summary.p99 < TARGETS.ackP99CeilingMs,
  });
  const cpuLimit = TARGETS.cpuPerFlowVsBareAck * cpuMsPerAck;
  const cpuPass = app.flowsCompleted > 0 && cpuMsPerFlow <= cpuLimit;
  // Each /proc/<pid>/stat reading is whole clock ticks: with few ticks in a phase, schedstat's ns may disagree.
  const cpuMsPerFlowSched = perUnit(app.phase.cpu.schedMs, app.flowsCompleted);
  const cpuMsPerAckSched = perUnit(bare.phase.cpu.schedMs, bare.acks.length);
  const schedPass =
    cpuMsPerFlowSched === null || cpuMsPerAckSched === null
      ? undefined
      : cpuMsPerFlowSched <= TARGETS.cpuPerFlowVsBareAck * cpuMsPerAckSched;
  const versus = baseline && baselineReport(baseline, cpuMsPerFlow);
  return {
    mode: 'flows',
    ...run,
    ...(versus && { baseline: versus.report }),
    app: {
      flowsStarted: app.flowsStarted,
      flowsCompleted: app.flowsCompleted,
      failureCount: app.failures.length,
      failures: app.failures.slice(0, FAILURES_KEPT),
      acks,
      flowMs: summarize(app.flowMs),
      flowsPerSecond: app.flowsCompleted / (app.phase.wallMs / 1000),
      cpuMsPerFlow,
      cpuMsPerFlowSched,
      phase: app.phase,
      memory: app.memory,
    },
    bare: {
      commands: bare.acks.length,
      failureCount: bare.failures.length,
      failures: bare.failures.slice(0, FAILURES_KEPT),
      acks: bareAcks,
      cpuMsPerAck,
      cpuMsPerAckSched,
      phase: bare.phase,
      memory: bare.memory,
    },
    targets: {
      everyFlowCompletes: {
        target: 'every flow completes',
        pass: app.flowsStarted > 0 && app.flowsCompleted === app.flowsStarted && app.failures.length === 0,
      },
      ackP99: { command: ackVerdict(acks.command), number: ackVerdict(acks.number), code: ackVerdict(acks.code) },
      cpuPerFlow: {
        target: `≤ ${TARGETS.cpuPerFlowVsBareAck}× bare CPU/ack (${fixed(cpuLimit, 2)} ms)`,
        pass: cpuPass,
        ...(schedPass === undefined || schedPass === cpuPass
          ? {}
          : { note: `(by schedstat: ${schedPass ? 'PASS' : 'MISS'}; too few clock ticks)` }),
      },
      ...(versus && { cpuVsBaseline: versus.verdict }),
    },
  };
}

export function pendingReport(run: RunInfo, measured: PendingMeasurement): PendingReport {
  const growthMiB = Math.max(measured.after.rssMiB, measured.settled.rssMiB) - measured.before.rssMiB;
  return {
    mode: 'pending',
    ...run,
    pending: {
      requested: measured.requested,
      reached: measured.reached,
      failureCount: measured.failures.length,
      failures: measured.failures.slice(0, FAILURES_KEPT),
      acks: { command: summarize(measured.acks.command), number: summarize(measured.acks.number) },
      flowMs: summarize(measured.flowMs),
      flowsPerSecond: measured.reached / (measured.phase.wallMs / 1000),
      cpuMsPerFlow: measured.phase.cpu.statMs / measured.reached,
      cpuMsPerFlowSched: perUnit(measured.phase.cpu.schedMs, measured.reached),
      phase: measured.phase,
    },
    memory: { before: measured.before, after: measured.after, settled: measured.settled, growthMiB },
    databaseBytes: measured.databaseBytes,
    targets: {
      everyFlowPending: {
        target: 'every flow reaches the code step',
        pass: measured.reached === measured.requested && measured.failures.length === 0,
      },
      rssGrowth: {
        target: `< ${TARGETS.pendingRssGrowthMiB} MiB`,
        pass: growthMiB < TARGETS.pendingRssGrowthMiB,
      },
    },
  };
}

export function renderReport(report: Report): string {
  if (report.mode === 'cold') return renderCold(report);
  return report.mode === 'flows' ? renderFlows(report) : renderPending(report);
}

/** Writes the report as `<dir>/<startedAt>.json` and returns the path. */
export function saveReport(report: Report, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${fileStamp(report.startedAt)}.json`);
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}

/** `2024-05-01T10-20-30-123Z`: the ISO time with only file-name-safe characters. */
export function fileStamp(iso: string): string {
  return iso.replace(/[:.]/g, '-');
}

/** label, n, p50, p95, p99, max: one row of an ack-latency table. */
function latencyCells(label: string, summary: LatencySummary): string[] {
  return [
    label,
    String(summary.n),
    ...[summary.p50, summary.p95, summary.p99, summary.max].map((value) => fixed(value, 1)),
  ];
}

function renderFlows(report: FlowsReport): string {
  const { options, app, bare, targets } = report;
  const stop =
    options.stop.kind === 'flows' ? `${options.stop.flows} flows` : `flows started for ${options.stop.seconds} s`;
  const ackRow = (label: string, summary: LatencySummary, verdict?: Verdict) => [
    ...latencyCells(label, summary),
    verdict?.target ?? '',
    verdict ? mark(verdict) : '',
  ];
  const lines = [
    `verify-phone bench: ${stop} at concurrency ${options.concurrency}, SMS latency ${options.smsLatencyMs} ms, warm-up ${options.warmup}`,
    machineLine(report),
    'Targets are the issue\'s goals for "--concurrency 200 --sms-latency-ms 5000".',
    '',
    table(
      ['Ack latency (ms)', 'n', 'p50', 'p95', 'p99', 'max', 'target (p99)', ''],
      [
        ackRow('/verify-phone command', app.acks.command, targets.ackP99.command),
        ackRow('number submission', app.acks.number, targets.ackP99.number),
        ackRow('code submission', app.acks.code, targets.ackP99.code),
        ackRow('bare app command', bare.acks),
      ],
      'lrrrrrll',
    ),
    '',
    table(
      ['Flows and cost', 'value', 'target', ''],
      [
        [
          'completed flows',
          `${app.flowsCompleted} / ${app.flowsStarted}`,
          targets.everyFlowCompletes.target,
          mark(targets.everyFlowCompletes),
        ],
        ['completed flows per second', fixed(app.flowsPerSecond, 1), '', ''],
        ['flow time p50 / p99 / max', `${ms(app.flowMs.p50)} / ${ms(app.flowMs.p99)} / ${ms(app.flowMs.max)}`, '', ''],
        [
          'app CPU per completed flow',
          cpuText(app.cpuMsPerFlow, app.cpuMsPerFlowSched),
          targets.cpuPerFlow.target,
          mark(targets.cpuPerFlow),
        ],
        ...baselineRows(report),
        ['bare app CPU per ack', cpuText(bare.cpuMsPerAck, bare.cpuMsPerAckSched), '', ''],
        ['app CPU in phase', phaseCpu(app.phase), '', ''],
        ['bare app CPU in phase', phaseCpu(bare.phase), '', ''],
        ['app peak RSS (VmHWM)', `${fixed(app.memory.peakRssMiB, 1)} MiB`, '', ''],
        ['bare app peak RSS (VmHWM)', `${fixed(bare.memory.peakRssMiB, 1)} MiB`, '', ''],
        ['bench process, app phase', benchText(app.phase), '', ''],
        ['bench process, bare phase', benchText(bare.phase), '', ''],
        warmupRow(report.warmup),
        logRow(report.appLog),
      ],
      'llll',
    ),
  ];
  lines.push(...logLines(report.appLog));
  lines.push(...failureLines('warm-up failures', report.warmup.failureCount, report.warmup.failures.map(failureText)));
  lines.push(...failureLines('app flow failures', app.failureCount, app.failures.map(failureText)));
  lines.push(...failureLines('bare app failures', bare.failureCount, bare.failures));
  return lines.join('\n');
}

function baselineRows({ baseline, targets }: FlowsReport): string[][] {
  if (!baseline || !targets.cpuVsBaseline) return [];
  const { command, number, code } = baseline.acks;
  return [
    [
      `baseline ${baseline.commit.slice(0, 10)} CPU per flow`,
      `${fixed(baseline.cpuMsPerFlow, 2)} ms (${baseline.flowsCompleted} / ${baseline.flowsStarted} flows)`,
      '',
      '',
    ],
    ['app CPU / baseline CPU', fixed(baseline.ratio, 2), targets.cpuVsBaseline.target, mark(targets.cpuVsBaseline)],
    ['baseline p99 ack: command / number / code', [command, number, code].map((s) => ms(s.p99)).join(' / '), '', ''],
  ];
}

function renderPending(report: PendingReport): string {
  const { options, pending, memory, targets } = report;
  const memoryRow = (label: string, reading: MemoryReading) => [label, `${fixed(reading.rssMiB, 1)} MiB`, '', ''];
  const lines = [
    `verify-phone bench, pending mode: ${pending.requested} flows left at the code step, concurrency ${options.concurrency}, SMS latency ${options.smsLatencyMs} ms, warm-up ${options.warmup}`,
    machineLine(report),
    'The RSS target is the issue\'s goal for "--pending 10000".',
    '',
    table(
      ['Ack latency (ms)', 'n', 'p50', 'p95', 'p99', 'max'],
      [
        latencyCells('/verify-phone command', pending.acks.command),
        latencyCells('number submission', pending.acks.number),
      ],
      'lrrrrr',
    ),
    '',
    table(
      ['Pending flows and app memory', 'value', 'target', ''],
      [
        [
          'flows at the code step',
          `${pending.reached} / ${pending.requested}`,
          targets.everyFlowPending.target,
          mark(targets.everyFlowPending),
        ],
        ['time to start them', `${fixed(pending.phase.wallMs / 1000, 1)} s`, '', ''],
        ['flows per second', fixed(pending.flowsPerSecond, 1), '', ''],
        ['app CPU per pending flow', cpuText(pending.cpuMsPerFlow, pending.cpuMsPerFlowSched), '', ''],
        memoryRow('app RSS before', memory.before),
        memoryRow('app RSS after', memory.after),
        memoryRow(`app RSS after ${options.settleSeconds} s idle`, memory.settled),
        ['app RSS growth', `${fixed(memory.growthMiB, 1)} MiB`, targets.rssGrowth.target, mark(targets.rssGrowth)],
        ['app peak RSS (VmHWM)', `${fixed(memory.settled.peakRssMiB, 1)} MiB`, '', ''],
        ['SQLite database + WAL', `${fixed(report.databaseBytes / 2 ** 20, 1)} MiB`, '', ''],
        ['bench process', benchText(pending.phase), '', ''],
        warmupRow(report.warmup),
        logRow(report.appLog),
      ],
      'llll',
    ),
  ];
  lines.push(...logLines(report.appLog));
  lines.push(...failureLines('warm-up failures', report.warmup.failureCount, report.warmup.failures.map(failureText)));
  lines.push(...failureLines('flow failures', pending.failureCount, pending.failures.map(failureText)));
  return lines.join('\n');
}

function machineLine({ machine, revision }: RunInfo): string {
  const code = revision
    ? `; app at ${revision.commit.slice(0, 10)}${revision.srcModified ? ' + uncommitted src/ changes' : ''}`
    : '';
  const load = `load average ${machine.loadAverage.join(' / ')}`;
  return `Machine: ${machine.cpuModel} × ${machine.cpuCount} CPUs, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}, ${load}${code}`;
}

function failureLines(title: string, count: number, examples: readonly string[]): string[] {
  if (count === 0) return [];
  const shown = examples.slice(0, 10);
  return [
    '',
    `${title}: ${count}${count > shown.length ? ` (first ${shown.length})` : ''}`,
    ...shown.map((f) => `  ${f}`),
  ];
}

function warmupRow(warmup: WarmupSummary): string[] {
  return ['warm-up flows completed', `${warmup.completed} / ${warmup.flows}`, '', ''];
}

function logRow(log: AppLog): string[] {
  return ['app log lines (warn and up)', `${log.linesInPhase} in the measured phase, ${log.linesTotal} in all`, '', ''];
}

function logLines({ linesTotal, tail }: AppLog): string[] {
  if (linesTotal === 0) return [];
  const shown = tail.slice(-5).map((line) => `  ${line.length > 300 ? `${line.slice(0, 300)}…` : line}`);
  return ['', `app log, last ${shown.length} of ${linesTotal} lines:`, ...shown];
}

function failureText(failure: FlowFailure): string {
  return `${failure.userId} at ${failure.step}: ${failure.reason}`;
}

function cpuText(statMs: number, schedMs: number | null): string {
  return `${fixed(statMs, 2)} ms${schedMs === null ? '' : ` (schedstat ${fixed(schedMs, 2)})`}`;
}

function phaseCpu(phase: PhaseStats): string {
  const ticks = Math.round(phase.cpu.statMs / phase.cpu.tickMs);
  return `${fixed(phase.cpu.statMs, 0)} ms = ${ticks} ticks of ${phase.cpu.tickMs} ms, in ${fixed(phase.wallMs, 0)} ms wall`;
}

function benchText(phase: PhaseStats): string {
  const busy = (100 * phase.benchCpuMs) / phase.wallMs;
  const { p99, max } = phase.benchLoopDelayMs;
  return `CPU ${fixed(phase.benchCpuMs, 0)} ms (${fixed(busy, 0)}% of wall), loop delay p99 ${fixed(p99, 0)} / max ${fixed(max, 0)} ms`;
}

function perUnit(total: number | undefined, units: number): number | null {
  return total === undefined || units === 0 ? null : total / units;
}

function mark(verdict: Verdict): string {
  return `${verdict.pass ? 'PASS' : 'MISS'}${verdict.note ? ` ${verdict.note}` : ''}`;
}

function ms(value: number): string {
  return `${fixed(value, 0)} ms`;
}

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

/** A plain-text table; `align` has one letter per column, l or r. */
function table(headers: readonly string[], rows: readonly (readonly string[])[], align: string): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return align[column] === 'r' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}
