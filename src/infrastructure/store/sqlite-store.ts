import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { AdminStore } from '../../admin/ports';
import type {
  AuditEvent,
  CompleteResult,
  Flow,
  Member,
  NewFlow,
  ProfileTagState,
  RateLimit,
  RateLimitResult,
  RateLimitTicket,
  TagJob,
  VerificationRecord,
} from '../../verification/model';
import type { RecordLifecycleStore, VerificationStore, WorkspaceStore } from '../../verification/ports';
import type { WorkflowRequestStore } from '../../workflows/ports';
import {
  type AuditRow,
  type FlowRow,
  fromAuditRow,
  fromFlowRow,
  fromTagJobRow,
  fromVerificationRow,
  type TagJobRow,
  type VerificationRow,
} from './rows';
import { SqliteAdmin } from './sqlite-admin';
import { SqliteConnection } from './sqlite-connection';
import { SqliteLifecycle } from './sqlite-lifecycle';
import { migrateSqlite } from './sqlite-migrations';
import { SqliteWorkflowRequests } from './sqlite-workflow-requests';
import { SqliteWorkspaces } from './sqlite-workspaces';

/**
 * The embedded store: one SQLite file in WAL mode. Each state change is one conditional statement
 * or one IMMEDIATE transaction (which takes SQLite's single write lock up front), so the database,
 * not JavaScript, decides races, also between processes sharing the file.
 */
export class SqliteStore implements VerificationStore {
  private readonly db: Database.Database;
  private readonly connection: SqliteConnection;
  readonly workspaces: WorkspaceStore;
  readonly lifecycle: RecordLifecycleStore;
  readonly workflows: WorkflowRequestStore;
  readonly admin: AdminStore;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    migrateSqlite(this.db);
    this.connection = new SqliteConnection(this.db);
    this.workspaces = new SqliteWorkspaces(this.connection);
    this.lifecycle = new SqliteLifecycle(this.connection);
    this.workflows = new SqliteWorkflowRequests(this.connection);
    this.admin = new SqliteAdmin(this.connection);
  }

  async createFlow(flow: NewFlow): Promise<boolean> {
    const result = this.sql(
      `INSERT INTO flows (id, team_id, user_id, e164, status, created_at, expires_at, sent_at)
       VALUES (?, ?, ?, ?, 'sending', ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ).run(flow.id, flow.teamId, flow.userId, flow.e164, flow.createdAt, flow.expiresAt, flow.sentAt);
    return result.changes === 1;
  }

  async findFlow(id: string): Promise<Flow | undefined> {
    const row = this.sql('SELECT * FROM flows WHERE id = ?').get(id) as FlowRow | undefined;
    return row && fromFlowRow(row);
  }

  async markSent(id: string, messageId: string, expiresAt: number): Promise<void> {
    this.sql(
      `UPDATE flows SET status = 'pending', message_id = ?, expires_at = ?, delivery = NULL
       WHERE id = ? AND status = 'sending'`,
    ).run(messageId, expiresAt, id);
  }

  async markSendFailed(id: string): Promise<void> {
    this.sql(`UPDATE flows SET status = 'send_failed' WHERE id = ? AND status = 'sending'`).run(id);
  }

  async beginResend(id: string, cooldownSeconds: number, nowSeconds: number, stuckAfterSeconds: number) {
    const result = this.sql(
      `UPDATE flows SET status = 'sending', sent_at = ?
       WHERE id = ? AND sent_at <= ?
         AND (status IN ('pending', 'send_failed') OR (status = 'sending' AND sent_at <= ?))`,
    ).run(nowSeconds, id, nowSeconds - cooldownSeconds, nowSeconds - stuckAfterSeconds);
    return result.changes === 1;
  }

  async claimAttempt(id: string, maxAttempts: number, nowSeconds: number): Promise<number | undefined> {
    const row = this.sql(
      `UPDATE flows SET attempts = attempts + 1
       WHERE id = ? AND status = 'pending' AND attempts < ? AND expires_at > ?
       RETURNING attempts`,
    ).get(id, maxAttempts, nowSeconds) as { attempts: number } | undefined;
    return row?.attempts;
  }

  async refundAttempt(id: string): Promise<void> {
    this.sql(`UPDATE flows SET attempts = attempts - 1 WHERE id = ? AND status = 'pending' AND attempts > 0`).run(id);
  }

  async lock(id: string): Promise<void> {
    this.sql(`UPDATE flows SET status = 'locked' WHERE id = ? AND status = 'pending'`).run(id);
  }

  async completeFlow(
    id: string,
    record: VerificationRecord,
    allowSharedNumbers: boolean,
    messageId?: string,
  ): Promise<CompleteResult> {
    return this.db
      .transaction((): CompleteResult => {
        if (!allowSharedNumbers && this.numberVerifiedByOther(record, record.e164)) return 'number_taken';
        const flipped = this.sql(
          `UPDATE flows SET status = 'verified'
           WHERE id = ? AND status = 'pending' AND (? IS NULL OR message_id = ?)`,
        ).run(id, messageId ?? null, messageId ?? null);
        if (flipped.changes !== 1) return 'not_pending';
        this.sql(
          `INSERT INTO verifications (team_id, user_id, e164, flow_id, verified_at, profile_tag)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (team_id, user_id) DO UPDATE SET
             e164 = excluded.e164, flow_id = excluded.flow_id,
             verified_at = excluded.verified_at, profile_tag = excluded.profile_tag,
           status = 'verified', ended_at = NULL, phone_synced_at = NULL`,
        ).run(record.teamId, record.userId, record.e164, record.flowId, record.verifiedAt, record.profileTag);
        return 'completed';
      })
      .immediate();
  }

  async recordDelivery(id: string, messageId: string, delivery: string): Promise<boolean> {
    const sql = 'UPDATE flows SET delivery = ? WHERE id = ? AND message_id = ? AND delivery IS NULL';
    return this.sql(sql).run(delivery, id, messageId).changes === 1;
  }

  async setProfileTag(member: Member, flowId: string, state: ProfileTagState): Promise<void> {
    this.sql('UPDATE verifications SET profile_tag = ? WHERE team_id = ? AND user_id = ? AND flow_id = ?').run(
      state,
      member.teamId,
      member.userId,
      flowId,
    );
  }

  async findVerification(member: Member): Promise<VerificationRecord | undefined> {
    const row = this.sql(`SELECT * FROM verifications WHERE team_id = ? AND user_id = ? AND status = 'verified'`).get(
      member.teamId,
      member.userId,
    ) as VerificationRow | undefined;
    return row && fromVerificationRow(row);
  }

  async isNumberVerifiedByOther(member: Member, e164: string): Promise<boolean> {
    return this.numberVerifiedByOther(member, e164);
  }

  async takeRateLimits(limits: readonly RateLimit[], nowSeconds: number): Promise<RateLimitResult> {
    return this.db
      .transaction((): RateLimitResult => {
        for (const { bucket, limit, windowSeconds } of limits) {
          const since = nowSeconds - windowSeconds;
          this.sql('DELETE FROM rate_events WHERE bucket = ? AND at <= ?').run(bucket, since);
          const { used, oldest } = this.sql(
            'SELECT count(*) AS used, min(at) AS oldest FROM rate_events WHERE bucket = ?',
          ).get(bucket) as { used: number; oldest: number | null };
          if (used >= limit) {
            return {
              kind: 'full',
              bucket,
              retryAfterSeconds: Math.max(1, (oldest ?? nowSeconds) + windowSeconds - nowSeconds),
            };
          }
        }
        const insert = this.sql('INSERT INTO rate_events (bucket, at) VALUES (?, ?)');
        const ticket = limits.map(({ bucket }) => Number(insert.run(bucket, nowSeconds).lastInsertRowid));
        return { kind: 'taken', ticket };
      })
      .immediate();
  }

  async returnRateLimits(ticket: RateLimitTicket): Promise<void> {
    const remove = this.sql('DELETE FROM rate_events WHERE id = ?');
    this.db.transaction(() => {
      for (const id of ticket) remove.run(id);
    })();
  }

  async appendAudit(event: AuditEvent): Promise<void> {
    this.sql(
      `INSERT INTO audit_events (at, team_id, user_id, type, flow_id, masked_number, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(event.at, event.teamId, event.userId, event.type, event.flowId, event.maskedNumber, event.reason);
  }

  async listAudit(teamId: string, limit: number): Promise<AuditEvent[]> {
    const rows = this.sql('SELECT * FROM audit_events WHERE team_id = ? ORDER BY id DESC LIMIT ?').all(
      teamId,
      limit,
    ) as AuditRow[];
    return rows.map(fromAuditRow);
  }

  async enqueueTagJob(job: Omit<TagJob, 'id'>, runAt: number): Promise<void> {
    this.sql(
      `INSERT INTO tag_jobs (team_id, user_id, kind, flow_id, tries, run_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(job.teamId, job.userId, job.kind, job.flowId, job.tries, runAt);
  }

  async claimTagJob(nowSeconds: number, leaseSeconds: number): Promise<TagJob | undefined> {
    const row = this.sql(
      `UPDATE tag_jobs SET run_at = ?, tries = tries + 1
       WHERE id = (SELECT id FROM tag_jobs WHERE run_at <= ? ORDER BY run_at, id LIMIT 1)
       RETURNING *`,
    ).get(nowSeconds + leaseSeconds, nowSeconds) as TagJobRow | undefined;
    return row && fromTagJobRow(row);
  }

  async retryTagJobLater(id: number, runAt: number, lastError: string): Promise<void> {
    this.sql('UPDATE tag_jobs SET run_at = ?, last_error = ? WHERE id = ?').run(runAt, lastError, id);
  }

  async deleteTagJob(id: number): Promise<void> {
    this.sql('DELETE FROM tag_jobs WHERE id = ?').run(id);
  }

  async countTagJobs(): Promise<number> {
    return (this.sql('SELECT COUNT(*) AS n FROM tag_jobs').get() as { n: number }).n;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private numberVerifiedByOther(member: Member, e164: string): boolean {
    const row = this.sql(
      `SELECT 1 FROM verifications WHERE team_id = ? AND e164 = ? AND user_id <> ? AND status = 'verified' LIMIT 1`,
    ).get(member.teamId, e164, member.userId);
    return row !== undefined;
  }

  private sql(text: string): Database.Statement {
    return this.connection.sql(text);
  }
}
