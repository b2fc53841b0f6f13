import type { WorkspaceBuckets, WorkspaceStore } from '../../verification/ports';
import type { SqliteConnection } from './sqlite-connection';

/** The SQLite side of installations and workspace clean-up; shares the store's connection. */
export class SqliteWorkspaces implements WorkspaceStore {
  constructor(private readonly connection: SqliteConnection) {}

  async saveInstallation(key: string, sealed: string, nowSeconds: number): Promise<void> {
    this.connection
      .sql(
        `INSERT INTO installations (installation_key, sealed, installed_at) VALUES (?, ?, ?)
         ON CONFLICT (installation_key) DO UPDATE SET sealed = excluded.sealed, installed_at = excluded.installed_at`,
      )
      .run(key, sealed, nowSeconds);
  }

  async findInstallation(key: string): Promise<string | undefined> {
    const row = this.connection.sql('SELECT sealed FROM installations WHERE installation_key = ?').get(key) as
      | { sealed: string }
      | undefined;
    return row?.sealed;
  }

  async deleteInstallation(key: string): Promise<void> {
    this.connection.sql('DELETE FROM installations WHERE installation_key = ?').run(key);
  }

  async linkEnterpriseWorkspace(teamId: string, enterpriseId: string): Promise<void> {
    this.connection
      .sql(
        `INSERT INTO enterprise_workspaces (team_id, enterprise_id) VALUES (?, ?)
         ON CONFLICT (team_id) DO UPDATE SET enterprise_id = excluded.enterprise_id`,
      )
      .run(teamId, enterpriseId);
  }

  async enterpriseOf(teamId: string): Promise<string | undefined> {
    const row = this.connection.sql('SELECT enterprise_id FROM enterprise_workspaces WHERE team_id = ?').get(teamId) as
      | { enterprise_id: string }
      | undefined;
    return row?.enterprise_id;
  }

  async workspacesOf(enterpriseId: string): Promise<string[]> {
    return this.connection
      .sql('SELECT team_id FROM enterprise_workspaces WHERE enterprise_id = ? ORDER BY team_id')
      .pluck()
      .all(enterpriseId) as string[];
  }

  async forgetWorkspace(teamId: string, buckets: WorkspaceBuckets): Promise<void> {
    this.connection.db.transaction(() => {
      this.connection.sql(`DELETE FROM flows WHERE team_id = ? AND status <> 'verified'`).run(teamId);
      this.connection.sql('DELETE FROM tag_jobs WHERE team_id = ?').run(teamId);
      this.connection.sql('DELETE FROM enterprise_workspaces WHERE team_id = ?').run(teamId);
      const byName = this.connection.sql('DELETE FROM rate_events WHERE bucket = ?');
      for (const name of buckets.names) byName.run(name);
      const byPrefix = this.connection.sql('DELETE FROM rate_events WHERE substr(bucket, 1, length(?)) = ?');
      for (const prefix of buckets.prefixes) byPrefix.run(prefix, prefix);
    })();
  }
}
