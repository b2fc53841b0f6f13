import type { Pool } from 'pg';
import type { WorkspaceBuckets, WorkspaceStore } from '../../verification/ports';
import { inLockedTransaction } from './postgres-transaction';

/** The PostgreSQL side of installations and workspace clean-up; shares the store's pool. */
export class PostgresWorkspaces implements WorkspaceStore {
  constructor(private readonly pool: Pool) {}

  async saveInstallation(key: string, sealed: string, nowSeconds: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO installations (installation_key, sealed, installed_at) VALUES ($1, $2, $3)
       ON CONFLICT (installation_key) DO UPDATE SET sealed = excluded.sealed, installed_at = excluded.installed_at`,
      [key, sealed, nowSeconds],
    );
  }

  async findInstallation(key: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ sealed: string }>(
      'SELECT sealed FROM installations WHERE installation_key = $1',
      [key],
    );
    return rows[0]?.sealed;
  }

  async deleteInstallation(key: string): Promise<void> {
    await this.pool.query('DELETE FROM installations WHERE installation_key = $1', [key]);
  }

  async linkEnterpriseWorkspace(teamId: string, enterpriseId: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO enterprise_workspaces (team_id, enterprise_id) VALUES ($1, $2)
       ON CONFLICT (team_id) DO UPDATE SET enterprise_id = excluded.enterprise_id`,
      [teamId, enterpriseId],
    );
  }

  async enterpriseOf(teamId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ enterprise_id: string }>(
      'SELECT enterprise_id FROM enterprise_workspaces WHERE team_id = $1',
      [teamId],
    );
    return rows[0]?.enterprise_id;
  }

  async workspacesOf(enterpriseId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ team_id: string }>(
      'SELECT team_id FROM enterprise_workspaces WHERE enterprise_id = $1 ORDER BY team_id',
      [enterpriseId],
    );
    return rows.map((row) => row.team_id);
  }

  async forgetWorkspace(teamId: string, buckets: WorkspaceBuckets): Promise<void> {
    await inLockedTransaction(this.pool, [], async (client) => {
      await client.query(`DELETE FROM flows WHERE team_id = $1 AND status <> 'verified'`, [teamId]);
      await client.query('DELETE FROM tag_jobs WHERE team_id = $1', [teamId]);
      await client.query('DELETE FROM enterprise_workspaces WHERE team_id = $1', [teamId]);
      await client.query('DELETE FROM rate_events WHERE bucket = ANY($1::text[])', [[...buckets.names]]);
      await client.query(
        'DELETE FROM rate_events WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS p WHERE left(bucket, length(p)) = p)',
        [[...buckets.prefixes]],
      );
    });
  }
}
