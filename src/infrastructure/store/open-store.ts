import type { VerificationStore } from '../../verification/ports';
import { PostgresStore } from './postgres-store';
import { SqliteStore } from './sqlite-store';

/** Picks the store from DATABASE_URL (already validated by config) and brings its schema up to date. */
export async function openStore(databaseUrl: string): Promise<VerificationStore> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return PostgresStore.open(databaseUrl);
  return new SqliteStore(databaseUrl.replace(/^sqlite:/, ''));
}
