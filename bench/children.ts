import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ChildSpec {
  /** For messages: "app", "bare app". */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** The whole environment: nothing is inherited but PATH. */
  readonly env: Readonly<Record<string, string>>;
  readonly port: number;
  /** How long the process may take to answer GET /healthz with 200. */
  readonly readyTimeoutMs?: number;
}

export interface ChildExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

const LOG_TAIL_LINES = 40;

/** Children still running; `process.on('exit')` SIGKILLs whatever is left here, whatever happened. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A server process on 127.0.0.1 that the bench started, with its output kept for diagnostics. */
export class Child {
  readonly pid: number;
  /** Settles when the process has exited, however that happened. */
  readonly exited: Promise<ChildExit>;
  /** Rejects when the process exits on its own; never settles after `stop()`. */
  private readonly died: Promise<never>;
  private readonly tail: string[] = [];
  private lines = 0;
  private stopping = false;

  private constructor(
    readonly name: string,
    private readonly proc: ChildProcess,
  ) {
    if (proc.pid === undefined) throw new Error(`${name} did not start`);
    this.pid = proc.pid;
    running.add(proc);
    this.exited = new Promise((resolve) => {
      proc.once('exit', (code, signal) => {
        running.delete(proc);
        resolve({ code, signal });
      });
    });
    this.died = this.exited.then(({ code, signal }) => {
      if (this.stopping) return new Promise<never>(() => {});
      throw new Error(`${this.name} exited unexpectedly (${signal ?? `code ${code}`})\n${this.tail.join('\n')}`);
    });
    this.died.catch(() => {}); // only a guarded phase cares
    for (const stream of [proc.stdout, proc.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => this.keep(chunk));
    }
  }

  /** Spawns the process and resolves once GET /healthz answers 200. */
  static async start(spec: ChildSpec): Promise<Child> {
    const spawned = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await Promise.race([
      once(spawned, 'spawn'),
      once(spawned, 'error').then(([error]) => {
        throw new Error(`${spec.name} could not be started: ${String(error)}`);
      }),
    ]);
    const child = new Child(spec.name, spawned);
    try {
      await child.waitUntilHealthy(spec.port, spec.readyTimeoutMs ?? 30_000);
    } catch (error) {
      await child.stop();
      throw error;
    }
    return child;
  }

  /** Log lines the process wrote to stdout/stderr (the app logs at warn level and above). */
  get logLineCount(): number {
    return this.lines;
  }

  get logTail(): readonly string[] {
    return this.tail;
  }

  /** `work`, unless the process exits before `stop()` was called: then a rejection, as the run can't go on. */
  guard<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.died]);
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 5_000): Promise<ChildExit> {
    this.stopping = true;
    if (this.proc.exitCode === null && this.proc.signalCode === null) {
      this.proc.kill('SIGTERM');
      const timer = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
      const exit = await this.exited;
      clearTimeout(timer);
      return exit;
    }
    return this.exited;
  }

  /** Sends SIGKILL at once; for the second Ctrl-C. */
  kill(): void {
    this.stopping = true;
    this.proc.kill('SIGKILL');
  }

  private async waitUntilHealthy(port: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited: ChildExit | undefined;
    void this.exited.then((exit) => {
      exited = exit;
    });
    while (Date.now() < deadline) {
      if (exited) {
        const how = exited.signal ?? `code ${exited.code}`;
        throw new Error(`${this.name} exited (${how}) before it was ready:\n${this.tail.join('\n')}`);
      }
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1_000) });
        await response.arrayBuffer();
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`${this.name} was not ready within ${timeoutMs} ms:\n${this.tail.join('\n')}`);
  }

  private keep(chunk: string): void {
    for (const line of chunk.split('\n')) {
      if (line.trim() === '') continue;
      this.lines += 1;
      this.tail.push(line.length > 2_000 ? `${line.slice(0, 2_000)}…` : line);
      if (this.tail.length > LOG_TAIL_LINES) this.tail.shift();
    }
  }
}

/** A port that was free a moment ago on 127.0.0.1 (the child binds it right after). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (port === 0) throw new Error('could not find a free port');
  return port;
}

/** `npm run build` in `root`, its output on our stderr; throws if it fails. */
export async function buildApp(root: string): Promise<void> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawn(npm, ['run', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  running.add(build);
  const [code, signal] = (await once(build, 'exit')) as [number | null, NodeJS.Signals | null];
  running.delete(build);
  if (code !== 0) throw new Error(`npm run build failed (${signal ?? `code ${code}`})`);
}
