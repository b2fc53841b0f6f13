import type { VerificationStore } from '../../verification/ports';
import { SqliteStore } from './sqlite-store';

/** Picks the store from DATABASE_URL (already validated by config). */
export function openStore(databaseUrl: string): VerificationStore {
  const path = databaseUrl.replace(/^sqlite:/, '');
  return new SqliteStore(path);
}
