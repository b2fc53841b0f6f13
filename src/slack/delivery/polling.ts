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

/** Lookups in flight at once: a burst of sends must not become a burst of provider calls and buffers. */
const MAX_IN_FLIGHT = 16;

/** One flow's place in the backoff. */
interface Scheduled {
  readonly step: number;
  readonly dueAt: number;
}

/**
 * Polls each flow with backoff until `tick` says it is done (a final state, or the flow moved on) or
 * the delays run out. One timer for all flows, and at most `MAX_IN_FLIGHT` lookups at once: thousands
 * of flows at the code step cost a map entry each. In process only: after a restart, polling of the
 * flows in progress stops. Starting a flow again (a resend) restarts its backoff; `stop` waits for the
 * lookups in progress.
 */
export class DeliveryPolling {
  private readonly schedule = new Map<string, Scheduled>();
  private readonly running = new Set<Promise<void>>();
  private readonly delays: readonly number[];
  private readonly resolutionMs: number;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    policy: PollingPolicy,
    private readonly tick: (flowId: string) => Promise<boolean>,
    private readonly onError: (error: unknown) => void,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.delays = pollingDelays(policy);
    this.resolutionMs = Math.max(10, Math.min(1_000, policy.firstMs / 2));
  }

  start(flowId: string): void {
    if (this.stopped) return;
    this.plan(flowId, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    this.schedule.clear();
    await Promise.allSettled([...this.running]);
  }

  private plan(flowId: string, step: number): void {
    const delay = this.delays[step];
    if (delay === undefined || this.stopped) {
      this.schedule.delete(flowId);
      return;
    }
    this.schedule.set(flowId, { step, dueAt: this.nowMs() + delay });
    this.timer ??= setInterval(() => this.runDue(), this.resolutionMs);
  }

  private runDue(): void {
    if (this.schedule.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    const now = this.nowMs();
    for (const [flowId, scheduled] of this.schedule) {
      if (this.running.size >= MAX_IN_FLIGHT) return;
      if (scheduled.dueAt > now) continue;
      this.schedule.delete(flowId); // not due again until this lookup has answered
      this.run(flowId, scheduled.step);
    }
  }

  private run(flowId: string, step: number): void {
    const run = this.tick(flowId)
      .catch((error: unknown) => {
        this.onError(error);
        return false;
      })
      .then((done) => {
        // A restart (a resend) while this lookup ran has planned the flow afresh: let that plan go on alone.
        if (done || this.schedule.has(flowId)) return;
        this.plan(flowId, step + 1);
      })
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }
}
