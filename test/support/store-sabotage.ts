import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PostgresStore } from '../../src/infrastructure/store/postgres-store';
import { createRestrictedRole, createTestSchema, withClient } from './postgres';

export type WriteKind = 'INSERT' | 'UPDATE' | 'DELETE';

/**
 * A database the app runs on, which the test can break while the app is running: from then on the
 * app's own writes of one kind to one table fail, as they would on a full disk or a revoked grant.
 */
export interface StoreSabotage {
  readonly databaseUrl: string;
  /** From now on, `kind` writes to `table` fail with a database error. */
  refuse(table: string, kind: WriteKind): Promise<void>;
  /** Undoes `refuse`: the database is well again. */
  allow(table: string, kind: WriteKind): Promise<void>;
  close(): Promise<void>;
}

/**
 * SQLite: a trigger created by a second connection, which the app's connection sees at its next
 * statement. The app's store and SQL are the real ones; only the database refuses.
 */
export function sqliteSabotage(): StoreSabotage {
  const folder = mkdtempSync(join(tmpdir(), 'verify-phone-sabotage-'));
  const path = join(folder, 'verify-phone.db');
  let db: Database.Database | undefined;
  return {
    databaseUrl: `sqlite:${path}`,
    async refuse(table, kind) {
      db ??= new Database(path);
      db.exec(
        `CREATE TRIGGER sabotage_${table}_${kind.toLowerCase()} BEFORE ${kind} ON ${table}
         BEGIN SELECT RAISE(ABORT, 'sabotaged: the database refuses this write'); END;`,
      );
    },
    async allow(table, kind) {
      db?.exec(`DROP TRIGGER IF EXISTS sabotage_${table}_${kind.toLowerCase()}`);
    },
    async close() {
      db?.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * PostgreSQL: the app connects as a role of its own (migrated by the owner first), and the test
 * revokes that role's grant of one kind of write on one table, as an operator's mistake would.
 */
export async function postgresSabotage(): Promise<StoreSabotage> {
  const schema = await createTestSchema();
  await (await PostgresStore.open(schema.url)).close();
  const role = await createRestrictedRole(schema);
  return {
    databaseUrl: role.url,
    async refuse(table, kind) {
      await withClient(schema.url, (client) => client.query(`REVOKE ${kind} ON ${table} FROM ${role.name}`));
    },
    async allow(table, kind) {
      await withClient(schema.url, (client) => client.query(`GRANT ${kind} ON ${table} TO ${role.name}`));
    },
    async close() {
      await role.drop();
      await schema.drop();
    },
  };
}
