import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Installation } from '@slack/oauth';
import Database from 'better-sqlite3';
import { SealedInstallationStore } from '../../src/infrastructure/store/installation-store';
import { PostgresStore } from '../../src/infrastructure/store/postgres-store';
import { SealedBox } from '../../src/infrastructure/store/sealed-box';
import { SqliteStore } from '../../src/infrastructure/store/sqlite-store';
import { createTestSchema, describeWithPostgres, type TestSchema, withClient } from '../support/postgres';

const KEY = Buffer.alloc(32, 7);

const teamInstall = (teamId: string): Installation => ({
  team: { id: teamId, name: 'Acme' },
  enterprise: undefined,
  user: { id: 'UINSTALLER', token: `xoxp-${teamId}-user-secret`, scopes: ['users.profile:write'] },
  bot: { id: 'B1', userId: 'UBOT', token: `xoxb-${teamId}-bot-secret`, scopes: ['commands'] },
  isEnterpriseInstall: false,
  authVersion: 'v2',
});

const orgInstall: Installation = {
  team: undefined,
  enterprise: { id: 'E1', name: 'Grid' },
  user: { id: 'UORGADMIN', token: 'xoxp-E1-user-secret', scopes: ['users.profile:write'] },
  bot: { id: 'B2', userId: 'UBOT2', token: 'xoxb-E1-bot-secret', scopes: ['commands'] },
  isEnterpriseInstall: true,
  authVersion: 'v2',
};

describe('SealedBox', () => {
  const box = new SealedBox(KEY);

  it('opens what it sealed, with a fresh nonce each time', () => {
    const first = box.seal('xoxb-secret', 'team:T1');
    expect(first).not.toBe(box.seal('xoxb-secret', 'team:T1'));
    expect(box.open(first, 'team:T1')).toBe('xoxb-secret');
  });

  it('refuses a value moved to another row, altered, or sealed under another key', () => {
    const sealed = box.seal('xoxb-secret', 'team:T1');
    expect(() => box.open(sealed, 'team:T2')).toThrow();
    expect(() => box.open(`${sealed.slice(0, -2)}AA`, 'team:T1')).toThrow();
    expect(() => new SealedBox(Buffer.alloc(32, 8)).open(sealed, 'team:T1')).toThrow();
  });
});

describe('SealedInstallationStore (SQLite)', () => {
  let folder: string;
  let store: SqliteStore;
  let installations: SealedInstallationStore;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'verify-phone-installations-'));
    store = new SqliteStore(join(folder, 'store.db'));
    installations = new SealedInstallationStore(store.workspaces, KEY, () => 100);
  });

  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps workspace and org-wide installations apart, and finds a workspace through its org', async () => {
    await installations.storeInstallation(teamInstall('T1'));
    await installations.storeInstallation(orgInstall);
    const query = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false } as const;
    expect(await installations.fetchInstallation(query)).toEqual(teamInstall('T1'));
    expect(await installations.find({ teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true })).toEqual(
      orgInstall,
    );
    expect(await installations.forWorkspace('T5')).toBeUndefined();
    await store.workspaces.linkEnterpriseWorkspace('T5', 'E1');
    expect(await installations.forWorkspace('T5')).toEqual(orgInstall);
    await installations.deleteInstallation(query);
    await expect(installations.fetchInstallation(query)).rejects.toThrow('no installation');
  });

  it('leaves no token readable in the database files', async () => {
    await installations.storeInstallation(teamInstall('T1'));
    await installations.storeInstallation(orgInstall);
    await store.close();
    const raw = readdirSync(folder).map((file) => readFileSync(join(folder, file)).toString('latin1'));
    expect(raw.join('')).not.toMatch(/xox[bp]-/);
    const db = new Database(join(folder, 'store.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT installation_key FROM installations ORDER BY 1').pluck().all()).toEqual([
        'enterprise:E1',
        'team:T1',
      ]);
    } finally {
      db.close();
    }
  });

  it('refuses an installation row copied over another workspace', async () => {
    await installations.storeInstallation(teamInstall('T1'));
    await installations.storeInstallation(teamInstall('T2'));
    const sealed = await store.workspaces.findInstallation('team:T1');
    await store.workspaces.saveInstallation('team:T2', sealed ?? '', 100);
    await expect(installations.forWorkspace('T2')).rejects.toThrow();
  });
});

describeWithPostgres('SealedInstallationStore (PostgreSQL)', () => {
  let schema: TestSchema;
  let store: PostgresStore;

  beforeEach(async () => {
    schema = await createTestSchema();
    store = await PostgresStore.open(schema.url);
  });

  afterEach(async () => {
    await store.close();
    await schema.drop();
  });

  it('keeps no token readable in the installations table, and opens what it stored', async () => {
    const installations = new SealedInstallationStore(store.workspaces, KEY, () => 100);
    await installations.storeInstallation(teamInstall('T1'));
    await installations.storeInstallation(orgInstall);
    const rows = await withClient(schema.url, (client) => client.query('SELECT * FROM installations'));
    expect(rows.rowCount).toBe(2);
    expect(JSON.stringify(rows.rows)).not.toMatch(/xox[bp]-/);
    expect(await installations.forWorkspace('T1')).toEqual(teamInstall('T1'));
  });
});
