import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';

/** A process's CPU time so far, from the kernel's own accounting of it (all its threads). */
export interface CpuReading {
  /** utime + stime from /proc/<pid>/stat, in ms: what `ps`/`top` report; resolution one clock tick. */
  readonly statMs: number;
  /** Sum of the threads' on-CPU time from /proc/<pid>/task/<tid>/schedstat, in ms (ns resolution); undefined if absent. */
  readonly schedMs: number | undefined;
}

export interface CpuDelta {
  readonly statMs: number;
  readonly schedMs: number | undefined;
  /** One clock tick in ms: the resolution of `statMs` (each reading is rounded down to it). */
  readonly tickMs: number;
}

/** Resident memory from /proc/<pid>/status, in MiB. */
export interface MemoryReading {
  /** VmRSS: resident now. */
  readonly rssMiB: number;
  /** VmHWM: the peak resident size since the process started. */
  readonly peakRssMiB: number;
}

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly node: string;
  readonly platform: string;
  readonly memoryGiB: number;
  /** 1, 5 and 15 minute load averages when the report was made: other work on the machine skews latencies. */
  readonly loadAverage: readonly number[];
}

/** Which code was measured: the commit, and whether src/ had uncommitted changes. */
export interface Revision {
  readonly commit: string;
  readonly srcModified: boolean;
}

let ticksPerSecond: number | undefined;

/** `getconf CLK_TCK` (almost always 100), asked once. */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    const answer = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    ticksPerSecond = Number.isInteger(answer) && answer > 0 ? answer : 100;
  }
  return ticksPerSecond;
}

export function readCpu(pid: number): CpuReading {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
  // What follows starts at field 3 (state); utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new Error(`unexpected /proc/${pid}/stat: ${stat.slice(0, 120)}`);
  return { statMs: (ticks * 1000) / clockTicksPerSecond(), schedMs: readSchedMs(pid) };
}

export function cpuDelta(before: CpuReading, after: CpuReading): CpuDelta {
  return {
    statMs: after.statMs - before.statMs,
    schedMs: before.schedMs === undefined || after.schedMs === undefined ? undefined : after.schedMs - before.schedMs,
    tickMs: 1000 / clockTicksPerSecond(),
  };
}

export function readMemory(pid: number): MemoryReading {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rssMiB: statusKiB(status, 'VmRSS') / 1024, peakRssMiB: statusKiB(status, 'VmHWM') / 1024 };
}

export function machineInfo(): MachineInfo {
  const processors = cpus();
  return {
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cpuCount: processors.length,
    node: process.version,
    platform: `${platform()} ${release()}`,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

/** Threads that ended meanwhile drop out of the sum; a Node process keeps its worker threads for life. */
function readSchedMs(pid: number): number | undefined {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  let nanoseconds = 0;
  for (const tid of tids) {
    try {
      nanoseconds += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return Number.isFinite(nanoseconds) && nanoseconds > 0 ? nanoseconds / 1e6 : undefined;
}

function statusKiB(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`no ${field} in /proc/<pid>/status`);
  return Number(match[1]);
}

/** Read-only git queries; undefined outside a work tree. */
export function revisionOf(root: string): Revision | undefined {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    return {
      commit: git('rev-parse', 'HEAD'),
      srcModified: git('status', '--porcelain', '--untracked-files=all', '--', 'src') !== '',
    };
  } catch {
    return undefined;
  }
}
