import { Pool } from 'pg';
import { errorText } from '../../shared/error-text';
import { migratePostgres } from './postgres-migrations';

export interface PostgresPoolOptions {
  /** Connections in this process's pool (default 10). */
  readonly max?: number;
}

/**
 * A pool on a schema brought up to date. The error never contains the connection string, only what
 * describePostgresTarget shows of it.
 */
export async function openPostgresPool(connectionString: string, options: PostgresPoolOptions): Promise<Pool> {
  const target = describePostgresTarget(connectionString);
  const pool = new Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle connection that the server drops is discarded by the pool and replaced on the next
  // query, which reports any lasting outage itself; without a listener the error would crash the process.
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`Could not open the PostgreSQL store at ${target}: ${errorText(error)}`, { cause: error });
  }
  return pool;
}

/** `host:port/database` of a PostgreSQL URL: enough to tell which server, without user or password. */
export function describePostgresTarget(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    const host = url.host || url.searchParams.get('host') || 'localhost';
    return `${host}${url.pathname || '/'}`;
  } catch {
    return '(an unparsable PostgreSQL URL)';
  }
}
