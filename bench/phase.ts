import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { type CpuDelta, cpuDelta, readCpu } from './process-stats';

/** What one measured phase cost: the server process under test, and the bench process driving it. */
export interface PhaseStats {
  readonly wallMs: number;
  /** The server process's CPU time during the phase. */
  readonly cpu: CpuDelta;
  /** The bench process's own CPU (driver + emulators): near wallMs means the load generator was the limit. */
  readonly benchCpuMs: number;
  /** The bench process's event-loop delay: how late it was to send requests and read answers. */
  readonly benchLoopDelayMs: { readonly p99: number; readonly max: number };
}

/** Runs `work` and reads the server's CPU accounting just before and just after it. */
export async function measurePhase<T>(
  serverPid: number,
  work: () => Promise<T>,
): Promise<{ value: T; stats: PhaseStats }> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const benchBefore = process.cpuUsage();
  const cpuBefore = readCpu(serverPid);
  const started = performance.now();
  loop.enable();
  const value = await work();
  loop.disable();
  const wallMs = performance.now() - started;
  const cpuAfter = readCpu(serverPid);
  const bench = process.cpuUsage(benchBefore);
  return {
    value,
    stats: {
      wallMs,
      cpu: cpuDelta(cpuBefore, cpuAfter),
      benchCpuMs: (bench.user + bench.system) / 1000,
      benchLoopDelayMs: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
    },
  };
}
