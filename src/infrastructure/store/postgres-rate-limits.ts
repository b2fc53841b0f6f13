import type { PoolClient } from 'pg';
import type { RateLimit, RateLimitResult } from '../../verification/model';

/**
 * Sliding-window rate limits over `rate_events`: drops each bucket's events older than its window,
 * then records one event in every bucket, or none if any is full. Run it in a transaction that holds
 * every bucket's advisory lock: that makes count-then-insert exact, and all-or-nothing across buckets.
 */
export async function takeRateLimitsLocked(
  client: PoolClient,
  limits: readonly RateLimit[],
  nowSeconds: number,
): Promise<RateLimitResult> {
  for (const { bucket, limit, windowSeconds } of limits) {
    const since = nowSeconds - windowSeconds;
    await client.query('DELETE FROM rate_events WHERE bucket = $1 AND at <= $2', [bucket, since]);
    const { rows } = await client.query<{ used: string; oldest: string | null }>(
      'SELECT count(*) AS used, min(at) AS oldest FROM rate_events WHERE bucket = $1',
      [bucket],
    );
    const usage = rows[0];
    if (Number(usage?.used ?? 0) >= limit) {
      const oldest = usage?.oldest == null ? nowSeconds : Number(usage.oldest);
      return { kind: 'full', bucket, retryAfterSeconds: Math.max(1, oldest + windowSeconds - nowSeconds) };
    }
  }
  const ticket: number[] = [];
  for (const { bucket } of limits) {
    const { rows } = await client.query<{ id: string }>(
      'INSERT INTO rate_events (bucket, at) VALUES ($1, $2) RETURNING id',
      [bucket, nowSeconds],
    );
    ticket.push(Number(rows[0]?.id));
  }
  return { kind: 'taken', ticket };
}
