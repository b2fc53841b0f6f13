import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/infrastructure/store/sqlite-store';
import type { VerificationStore } from '../../src/verification/ports';
import { describeStoreContract, SAMPLE_AUDIT_EVENT } from './store-contract';

describeStoreContract('SQLite', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'verify-phone-store-'));
  const path = join(folder, 'nested', 'store.db');
  let store: VerificationStore = new SqliteStore(path);
  return {
    get store() {
      return store;
    },
    async reopen() {
      await store.close();
      store = new SqliteStore(path);
      return store;
    },
    async destroy() {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
});

describe('SQLite specifics', () => {
  it('refuses to change or delete audit events', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'verify-phone-store-'));
    const path = join(folder, 'store.db');
    const store = new SqliteStore(path);
    await store.appendAudit(SAMPLE_AUDIT_EVENT);
    await store.close();
    const raw = new Database(path);
    try {
      expect(() => raw.prepare("UPDATE audit_events SET type = 'verified'").run()).toThrow('append-only');
      expect(() => raw.prepare('DELETE FROM audit_events').run()).toThrow('append-only');
    } finally {
      raw.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
