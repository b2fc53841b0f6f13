import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one transaction that first takes each advisory lock (signed 64-bit ids as text,
 * already in one global order); COMMIT or ROLLBACK releases them. A client whose ROLLBACK failed is
 * discarded rather than returned to the pool.
 */
export async function inLockedTransaction<T>(
  pool: Pool,
  lockIds: readonly string[],
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    for (const lockId of lockIds) await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockId]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    broken = await client.query('ROLLBACK').then(
      () => false,
      () => true,
    );
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Advisory lock ids (signed 64-bit, as decimal text) for application keys: the first 8 bytes of a
 * SHA-256, so every process maps a key to the same id. Sorted numerically and without duplicates.
 */
export function advisoryLockIds(keys: readonly string[]): string[] {
  const ids = new Set(keys.map((key) => createHash('sha256').update(`verify-phone:${key}`).digest().readBigInt64BE(0)));
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
}
