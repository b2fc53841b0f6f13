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
