/** Something waiting for an item (a view, a call); it unregisters itself once satisfied. */
type Waiter<T> = (item: T) => void;

/** Waiters of one bucket, each with its registration number, in registration order. */
type Bucket<T> = Map<Waiter<T>, number>;

/**
 * Waiters for items announced one by one, each optionally filed under a key (a view id, a member,
 * a method name). An item is offered to the unkeyed waiters and to those under the item's own keys
 * only, so announcing an item costs what the waiters that can match it cost, not all of them.
 */
export class Waiters<T> {
  private readonly unkeyed: Bucket<T> = new Map();
  private readonly keyed = new Map<string, Bucket<T>>();
  private registered = 0;

  /** Registers a waiter; the returned function unregisters it. */
  add(waiter: Waiter<T>, key?: string): () => void {
    let bucket = this.unkeyed;
    if (key !== undefined) {
      const existing = this.keyed.get(key);
      bucket = existing ?? new Map();
      if (!existing) this.keyed.set(key, bucket);
    }
    bucket.set(waiter, this.registered++);
    return () => {
      bucket.delete(waiter);
      if (key !== undefined && bucket.size === 0 && this.keyed.get(key) === bucket) this.keyed.delete(key);
    };
  }

  /**
   * Offers `item` to the waiters registered before this call under no key or one of `keys` (distinct),
   * oldest first, as if they all sat in one list. A waiter added meanwhile is not offered this item.
   */
  notify(item: T, keys: readonly string[]): void {
    const buckets: Bucket<T>[] = [];
    if (this.unkeyed.size > 0) buckets.push(this.unkeyed);
    for (const key of keys) {
      const bucket = this.keyed.get(key);
      if (bucket && bucket.size > 0) buckets.push(bucket);
    }
    const [only, ...more] = buckets;
    if (!only) return;
    if (more.length === 0) {
      for (const waiter of [...only.keys()]) waiter(item);
      return;
    }
    // Each bucket is in registration order; sorting their concatenation merges them.
    const entries = buckets.flatMap((bucket) => [...bucket]).sort((a, b) => a[1] - b[1]);
    for (const [waiter] of entries) waiter(item);
  }
}
