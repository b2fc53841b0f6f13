/** How often a message's status is looked up: doubling from `firstMs`, until `totalMs` have passed. */
export interface PollingPolicy {
  readonly firstMs: number;
  readonly totalMs: number;
}

/** 2, 4, 8, 16, 32 s, then the rest of two minutes. */
export const DEFAULT_POLLING: PollingPolicy = { firstMs: 2_000, totalMs: 120_000 };

export function pollingDelays({ firstMs, totalMs }: PollingPolicy): number[] {
  const delays: number[] = [];
  let elapsed = 0;
  while (elapsed < totalMs) {
    const delay = Math.min(firstMs * 2 ** delays.length, totalMs - elapsed);
    delays.push(delay);
    elapsed += delay;
  }
  return delays;
}

/**
 * Polls each flow with backoff until `tick` says it is done (a final state, or the flow moved on) or
 * the delays run out. In process only: after a restart, polling of the flows in progress stops.
 * Starting a flow again (a resend) restarts its backoff; `stop` waits for the lookups in progress.
 */
export class DeliveryPolling {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private readonly delays: readonly number[];
  private stopped = false;

  constructor(
    policy: PollingPolicy,
    private readonly tick: (flowId: string) => Promise<boolean>,
    private readonly onError: (error: unknown) => void,
  ) {
    this.delays = pollingDelays(policy);
  }

  start(flowId: string): void {
    clearTimeout(this.timers.get(flowId));
    this.schedule(flowId, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private schedule(flowId: string, step: number): void {
    const delay = this.delays[step];
    if (delay === undefined || this.stopped) {
      this.timers.delete(flowId);
      return;
    }
    const timer = setTimeout(() => this.run(flowId, step, timer), delay);
    this.timers.set(flowId, timer);
  }

  private run(flowId: string, step: number, timer: NodeJS.Timeout): void {
    const run = this.tick(flowId)
      .catch((error: unknown) => {
        this.onError(error);
        return false;
      })
      .then((done) => {
        // A restart (resend) meanwhile replaced this schedule: let that one go on alone.
        if (this.timers.get(flowId) !== timer) return;
        if (done) this.timers.delete(flowId);
        else this.schedule(flowId, step + 1);
      })
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }
}
