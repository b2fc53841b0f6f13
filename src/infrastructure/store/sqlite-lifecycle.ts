import type { EndedStatus, Member, RetentionCutoffs, VerificationRecord } from '../../verification/model';
import type { RecordLifecycleStore } from '../../verification/ports';
import { fromVerificationRow, type VerificationRow } from './rows';
import type { SqliteConnection } from './sqlite-connection';

/** The SQLite side of ending verifications and of retention; shares the store's connection. */
export class SqliteLifecycle implements RecordLifecycleStore {
  constructor(private readonly connection: SqliteConnection) {}

  async endVerification(member: Member, status: EndedStatus, nowSeconds: number) {
    const row = this.connection
      .sql(
        `UPDATE verifications SET status = ?, ended_at = ?
         WHERE team_id = ? AND user_id = ? AND status = 'verified' RETURNING *`,
      )
      .get(status, nowSeconds, member.teamId, member.userId) as VerificationRow | undefined;
    return row && fromVerificationRow(row);
  }

  async deleteVerification(member: Member) {
    const row = this.connection
      .sql('DELETE FROM verifications WHERE team_id = ? AND user_id = ? RETURNING *')
      .get(member.teamId, member.userId) as (VerificationRow & { status: string }) | undefined;
    return row?.status === 'verified' ? fromVerificationRow(row) : undefined;
  }

  async deleteUnfinishedFlows(member: Member): Promise<number> {
    return this.connection
      .sql(`DELETE FROM flows WHERE team_id = ? AND user_id = ? AND status <> 'verified'`)
      .run(member.teamId, member.userId).changes;
  }

  async markPhoneSynced(member: Member, flowId: string, nowSeconds: number): Promise<void> {
    this.connection
      .sql('UPDATE verifications SET phone_synced_at = ? WHERE team_id = ? AND user_id = ? AND flow_id = ?')
      .run(nowSeconds, member.teamId, member.userId, flowId);
  }

  async findSyncedNumber(member: Member): Promise<string | undefined> {
    return this.connection
      .sql(
        `SELECT e164 FROM verifications
         WHERE team_id = ? AND user_id = ? AND status = 'verified' AND phone_synced_at IS NOT NULL`,
      )
      .pluck()
      .get(member.teamId, member.userId) as string | undefined;
  }

  async expireVerifications(verifiedBefore: number, nowSeconds: number, limit: number): Promise<VerificationRecord[]> {
    const rows = this.connection
      .sql(
        `UPDATE verifications SET status = 'expired', ended_at = ?
         WHERE rowid IN (
           SELECT rowid FROM verifications WHERE status = 'verified' AND verified_at < ? ORDER BY verified_at LIMIT ?
         ) RETURNING *`,
      )
      .all(nowSeconds, verifiedBefore, limit) as VerificationRow[];
    return rows.map(fromVerificationRow);
  }

  async purge({ dataBefore, auditBefore, eventIdsBefore }: RetentionCutoffs): Promise<void> {
    this.connection.db.transaction(() => {
      this.connection.sql('DELETE FROM flows WHERE created_at < ?').run(dataBefore);
      this.connection.sql('DELETE FROM rate_events WHERE at < ?').run(dataBefore);
      this.connection.sql(`DELETE FROM verifications WHERE status <> 'verified' AND ended_at < ?`).run(dataBefore);
      this.connection.sql('DELETE FROM slack_events WHERE received_at < ?').run(eventIdsBefore);
      // Asks only for rows the delete trigger allows, so a clock ahead of the database's aborts nothing.
      this.connection
        .sql(
          `DELETE FROM audit_events WHERE at < ? AND at <= CAST(strftime('%s', 'now') AS INTEGER)
             - (SELECT min_age_seconds FROM audit_retention WHERE id = 1)`,
        )
        .run(auditBefore);
    })();
  }

  async setAuditRetention(minAgeSeconds: number): Promise<void> {
    this.connection.sql('UPDATE audit_retention SET min_age_seconds = ? WHERE id = 1').run(minAgeSeconds);
  }

  async rememberEvent(eventId: string, nowSeconds: number): Promise<boolean> {
    const result = this.connection
      .sql('INSERT INTO slack_events (event_id, received_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING')
      .run(eventId, nowSeconds);
    return result.changes === 1;
  }
}
