import type { Pool } from 'pg';
import type { EndedStatus, Member, RetentionCutoffs, VerificationRecord } from '../../verification/model';
import type { RecordLifecycleStore } from '../../verification/ports';
import { inLockedTransaction } from './postgres-transaction';
import { fromVerificationRow, type VerificationRow } from './rows';

/**
 * The PostgreSQL side of ending verifications and of retention; shares the store's pool. A record
 * two replicas try to end at once is ended by one: the other's UPDATE waits on the row lock, then
 * finds it no longer verified.
 */
export class PostgresLifecycle implements RecordLifecycleStore {
  constructor(private readonly pool: Pool) {}

  async endVerification(member: Member, status: EndedStatus, nowSeconds: number) {
    const { rows } = await this.pool.query<VerificationRow>(
      `UPDATE verifications SET status = $1, ended_at = $2
       WHERE team_id = $3 AND user_id = $4 AND status = 'verified' RETURNING *`,
      [status, nowSeconds, member.teamId, member.userId],
    );
    return rows[0] && fromVerificationRow(rows[0]);
  }

  async deleteVerification(member: Member) {
    const { rows } = await this.pool.query<VerificationRow & { status: string }>(
      'DELETE FROM verifications WHERE team_id = $1 AND user_id = $2 RETURNING *',
      [member.teamId, member.userId],
    );
    return rows[0]?.status === 'verified' ? fromVerificationRow(rows[0]) : undefined;
  }

  async deleteUnfinishedFlows(member: Member): Promise<number> {
    const result = await this.pool.query(
      `DELETE FROM flows WHERE team_id = $1 AND user_id = $2 AND status <> 'verified'`,
      [member.teamId, member.userId],
    );
    return result.rowCount ?? 0;
  }

  async markPhoneSynced(member: Member, flowId: string, nowSeconds: number): Promise<void> {
    await this.pool.query(
      'UPDATE verifications SET phone_synced_at = $1 WHERE team_id = $2 AND user_id = $3 AND flow_id = $4',
      [nowSeconds, member.teamId, member.userId, flowId],
    );
  }

  async findSyncedNumber(member: Member): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ e164: string }>(
      `SELECT e164 FROM verifications
       WHERE team_id = $1 AND user_id = $2 AND status = 'verified' AND phone_synced_at IS NOT NULL`,
      [member.teamId, member.userId],
    );
    return rows[0]?.e164;
  }

  async expireVerifications(verifiedBefore: number, nowSeconds: number, limit: number): Promise<VerificationRecord[]> {
    const { rows } = await this.pool.query<VerificationRow>(
      `UPDATE verifications SET status = 'expired', ended_at = $1
       WHERE (team_id, user_id) IN (
         SELECT team_id, user_id FROM verifications WHERE status = 'verified' AND verified_at < $2
         ORDER BY verified_at LIMIT $3 FOR UPDATE SKIP LOCKED
       ) AND status = 'verified' RETURNING *`,
      [nowSeconds, verifiedBefore, limit],
    );
    return rows.map(fromVerificationRow);
  }

  async purge({ dataBefore, auditBefore, eventIdsBefore }: RetentionCutoffs): Promise<void> {
    await inLockedTransaction(this.pool, [], async (client) => {
      await client.query('DELETE FROM flows WHERE created_at < $1', [dataBefore]);
      await client.query('DELETE FROM rate_events WHERE at < $1', [dataBefore]);
      await client.query(`DELETE FROM verifications WHERE status <> 'verified' AND ended_at < $1`, [dataBefore]);
      await client.query('DELETE FROM slack_events WHERE received_at < $1', [eventIdsBefore]);
      // Asks only for rows the delete trigger allows, so a clock ahead of the database's aborts nothing.
      await client.query(
        `DELETE FROM audit_events WHERE at < $1 AND at <= extract(epoch FROM now())::bigint
           - (SELECT min_age_seconds FROM audit_retention WHERE id = 1)`,
        [auditBefore],
      );
    });
  }

  async setAuditRetention(minAgeSeconds: number): Promise<void> {
    await this.pool.query('UPDATE audit_retention SET min_age_seconds = $1 WHERE id = 1', [minAgeSeconds]);
  }

  async rememberEvent(eventId: string, nowSeconds: number): Promise<boolean> {
    const result = await this.pool.query(
      'INSERT INTO slack_events (event_id, received_at) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING',
      [eventId, nowSeconds],
    );
    return result.rowCount === 1;
  }
}
