import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/infrastructure/store/sqlite-store';
import type { VerificationStore } from '../../src/verification/ports';
import { describeStoreContract, OLD_AUDIT_EVENT, SAMPLE_AUDIT_EVENT } from './store-contract';

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
  it('refuses to change audit events, and to delete one younger than the audit retention', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'verify-phone-store-'));
    const path = join(folder, 'store.db');
    const store = new SqliteStore(path);
    await store.appendAudit(SAMPLE_AUDIT_EVENT);
    await store.close();
    const raw = new Database(path);
    try {
      expect(() => raw.prepare("UPDATE audit_events SET type = 'verified'").run()).toThrow('append-only');
      expect(() => raw.prepare('DELETE FROM audit_events').run()).toThrow('append-only');
      raw
        .prepare('INSERT INTO audit_events (at, team_id, user_id, type) VALUES (?, ?, ?, ?)')
        .run(OLD_AUDIT_EVENT.at, 'T1', 'U1', 'flow_started');
      expect(
        raw.prepare('DELETE FROM audit_events WHERE at < ?').run(SAMPLE_AUDIT_EVENT.at - 400 * 86_400).changes,
      ).toBe(1);
      expect(() => raw.prepare('UPDATE audit_retention SET min_age_seconds = 60').run()).toThrow('CHECK');
      expect(raw.prepare('SELECT count(*) AS n FROM audit_events').get()).toEqual({ n: 1 });
    } finally {
      raw.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
