/**
 * Per-route FIFO of injected failures, shared by the emulators: each `add` is one entry, served to
 * `count` requests of its route before the next entry's turn. `add` takes any count, and an entry is
 * served at least once; an emulator that refuses some counts checks them before adding.
 */
export class FailureQueue<Route extends string, Failure> {
  private readonly pending = new Map<Route, { readonly failure: Failure; remaining: number }[]>();

  add(route: Route, failure: Failure, count: number): void {
    const queue = this.pending.get(route) ?? [];
    queue.push({ failure, remaining: count });
    this.pending.set(route, queue);
  }

  /** The failure the next request to `route` gets, if any; counts that request against its entry. */
  take(route: Route): Failure | undefined {
    const queue = this.pending.get(route);
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) queue.shift();
    return next.failure;
  }

  clear(): void {
    this.pending.clear();
  }
}
