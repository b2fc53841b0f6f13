import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ENTRY = join(__dirname, '..', '..', 'src', 'main.ts');

/** The real entry point in its own process (as `npm start` runs it, but from source). */
export class AppProcess {
  private stdout = '';
  private stderr = '';
  readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => {
      this.stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.exited = once(child, 'exit').then(([code]) => code as number | null);
  }

  /** Starts `src/main.ts` with exactly `env` (plus PATH and HOME) in `cwd`. */
  static spawn(env: Record<string, string>, cwd: string): AppProcess {
    const { PATH, HOME } = process.env;
    const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), ENTRY], {
      env: { PATH: PATH ?? '', HOME: HOME ?? '', ...env },
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new AppProcess(child);
  }

  get output(): { stdout: string; stderr: string } {
    return { stdout: this.stdout, stderr: this.stderr };
  }

  /** Resolves with the port from the "listening" log line; rejects if the process exits first. */
  async port(timeoutMs = 15_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = /"port":(\d+)[^\n]*"msg":"verify-phone listening"/.exec(this.stdout);
      if (match?.[1]) return Number(match[1]);
      if (this.child.exitCode !== null) throw new Error(`app exited with ${this.child.exitCode}: ${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('app did not start listening in time');
  }

  async eventsUrl(): Promise<string> {
    return `http://127.0.0.1:${await this.port()}/slack/events`;
  }

  /** Stops reading the app's stdout, like a stalled log collector: once the pipe is full, writes wait. */
  stopReadingStdout(): void {
    this.child.stdout?.pause();
  }

  /** Closes the reading end of the app's stdout, like a log collector that went away: writes fail (EPIPE). */
  closeStdout(): void {
    this.child.stdout?.destroy();
  }

  /** Resolves with the exit code; rejects if the process is still running after `timeoutMs`. */
  exitsWithin(timeoutMs: number): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`app still running ${timeoutMs} ms later`)), timeoutMs);
    });
    return Promise.race([this.exited, late]).finally(() => clearTimeout(timer));
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}
