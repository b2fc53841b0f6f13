import type { Pool, PoolClient, QueryResultRow } from 'pg';
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
import { PostgresAdmin } from './postgres-admin';
import { PostgresLifecycle } from './postgres-lifecycle';
import { openPostgresPool, type PostgresPoolOptions } from './postgres-pool';
import { takeRateLimitsLocked } from './postgres-rate-limits';
import { advisoryLockIds, inLockedTransaction } from './postgres-transaction';
import { PostgresWorkflowRequests } from './postgres-workflow-requests';
import { PostgresWorkspaces } from './postgres-workspaces';
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

type Queryable = Pick<PoolClient, 'query'>;

/**
 * The shared store: one PostgreSQL database for any number of app processes. Each state change is
 * one conditional statement, decided by the row lock PostgreSQL takes to update a row, or one
 * transaction that first takes transaction-scoped advisory locks on what it reads and then writes,
 * so the database, not JavaScript, decides races between processes.
 */
export class PostgresStore implements VerificationStore {
  private closed = false;
  readonly workspaces: WorkspaceStore;
  readonly lifecycle: RecordLifecycleStore;
  readonly workflows: WorkflowRequestStore;
  readonly admin: AdminStore;

  private constructor(private readonly pool: Pool) {
    this.workspaces = new PostgresWorkspaces(pool);
    this.lifecycle = new PostgresLifecycle(pool);
    this.workflows = new PostgresWorkflowRequests(pool);
    this.admin = new PostgresAdmin(pool);
  }

  /** Connects and brings the schema up to date. The error never contains the connection string. */
  static async open(connectionString: string, options: PostgresPoolOptions = {}): Promise<PostgresStore> {
    return new PostgresStore(await openPostgresPool(connectionString, options));
  }

  async createFlow(flow: NewFlow): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO flows (id, team_id, user_id, e164, status, created_at, expires_at, sent_at)
       VALUES ($1, $2, $3, $4, 'sending', $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
      [flow.id, flow.teamId, flow.userId, flow.e164, flow.createdAt, flow.expiresAt, flow.sentAt],
    );
    return result.rowCount === 1;
  }

  async findFlow(id: string): Promise<Flow | undefined> {
    const row = await this.one<FlowRow>(this.pool, 'SELECT * FROM flows WHERE id = $1', [id]);
    return row && fromFlowRow(row);
  }

  async markSent(id: string, messageId: string, expiresAt: number): Promise<void> {
    await this.pool.query(
      `UPDATE flows SET status = 'pending', message_id = $1, expires_at = $2, delivery = NULL
       WHERE id = $3 AND status = 'sending'`,
      [messageId, expiresAt, id],
    );
  }

  async markSendFailed(id: string): Promise<void> {
    await this.pool.query(`UPDATE flows SET status = 'send_failed' WHERE id = $1 AND status = 'sending'`, [id]);
  }

  async beginResend(id: string, cooldownSeconds: number, nowSeconds: number, stuckAfterSeconds: number) {
    const result = await this.pool.query(
      `UPDATE flows SET status = 'sending', sent_at = $1
       WHERE id = $2 AND sent_at <= $3
         AND (status IN ('pending', 'send_failed') OR (status = 'sending' AND sent_at <= $4))`,
      [nowSeconds, id, nowSeconds - cooldownSeconds, nowSeconds - stuckAfterSeconds],
    );
    return result.rowCount === 1;
  }

  async claimAttempt(id: string, maxAttempts: number, nowSeconds: number): Promise<number | undefined> {
    // A concurrent UPDATE of the same row waits for this one and re-checks the WHERE clause against
    // the row it committed, so the count never passes maxAttempts.
    const row = await this.one<{ attempts: number }>(
      this.pool,
      `UPDATE flows SET attempts = attempts + 1
       WHERE id = $1 AND status = 'pending' AND attempts < $2 AND expires_at > $3
       RETURNING attempts`,
      [id, maxAttempts, nowSeconds],
    );
    return row?.attempts;
  }

  async refundAttempt(id: string): Promise<void> {
    await this.pool.query(
      `UPDATE flows SET attempts = attempts - 1 WHERE id = $1 AND status = 'pending' AND attempts > 0`,
      [id],
    );
  }

  async lock(id: string): Promise<void> {
    await this.pool.query(`UPDATE flows SET status = 'locked' WHERE id = $1 AND status = 'pending'`, [id]);
  }

  async recordDelivery(id: string, messageId: string, delivery: string): Promise<boolean> {
    const sql = 'UPDATE flows SET delivery = $1 WHERE id = $2 AND message_id = $3 AND delivery IS NULL';
    return (await this.pool.query(sql, [delivery, id, messageId])).rowCount === 1;
  }

  async completeFlow(
    id: string,
    record: VerificationRecord,
    allowSharedNumbers: boolean,
    messageId?: string,
  ): Promise<CompleteResult> {
    // Every writer of a verification for this number holds the number's lock, so the check below
    // and the write after it cannot interleave with another member's completion of the same number.
    const keys = [`number:${record.teamId}:${record.e164}`, `flow:${id}`];
    return this.transaction(keys, async (client): Promise<CompleteResult> => {
      if (!allowSharedNumbers && (await this.numberVerifiedByOther(client, record, record.e164))) {
        return 'number_taken';
      }
      const flipped = await client.query(
        `UPDATE flows SET status = 'verified'
         WHERE id = $1 AND status = 'pending' AND ($2::text IS NULL OR message_id = $2)`,
        [id, messageId ?? null],
      );
      if (flipped.rowCount !== 1) return 'not_pending';
      await client.query(
        `INSERT INTO verifications (team_id, user_id, e164, flow_id, verified_at, profile_tag)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (team_id, user_id) DO UPDATE SET
           e164 = excluded.e164, flow_id = excluded.flow_id,
           verified_at = excluded.verified_at, profile_tag = excluded.profile_tag,
             status = 'verified', ended_at = NULL, phone_synced_at = NULL`,
        [record.teamId, record.userId, record.e164, record.flowId, record.verifiedAt, record.profileTag],
      );
      return 'completed';
    });
  }

  async setProfileTag(member: Member, flowId: string, state: ProfileTagState): Promise<void> {
    await this.pool.query(
      'UPDATE verifications SET profile_tag = $1 WHERE team_id = $2 AND user_id = $3 AND flow_id = $4',
      [state, member.teamId, member.userId, flowId],
    );
  }

  async findVerification(member: Member): Promise<VerificationRecord | undefined> {
    const row = await this.one<VerificationRow>(
      this.pool,
      `SELECT * FROM verifications WHERE team_id = $1 AND user_id = $2 AND status = 'verified'`,
      [member.teamId, member.userId],
    );
    return row && fromVerificationRow(row);
  }

  async isNumberVerifiedByOther(member: Member, e164: string): Promise<boolean> {
    return this.numberVerifiedByOther(this.pool, member, e164);
  }

  async takeRateLimits(limits: readonly RateLimit[], nowSeconds: number): Promise<RateLimitResult> {
    const keys = limits.map(({ bucket }) => `rate:${bucket}`);
    return this.transaction(keys, (client) => takeRateLimitsLocked(client, limits, nowSeconds));
  }

  async returnRateLimits(ticket: RateLimitTicket): Promise<void> {
    if (ticket.length === 0) return;
    await this.pool.query('DELETE FROM rate_events WHERE id = ANY($1::bigint[])', [[...ticket]]);
  }

  async appendAudit(event: AuditEvent): Promise<void> {
    await this.pool.query(
      `INSERT INTO audit_events (at, team_id, user_id, type, flow_id, masked_number, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [event.at, event.teamId, event.userId, event.type, event.flowId, event.maskedNumber, event.reason],
    );
  }

  async listAudit(teamId: string, limit: number): Promise<AuditEvent[]> {
    const { rows } = await this.pool.query<AuditRow>(
      'SELECT * FROM audit_events WHERE team_id = $1 ORDER BY id DESC LIMIT $2',
      [teamId, limit],
    );
    return rows.map(fromAuditRow);
  }

  async enqueueTagJob(job: Omit<TagJob, 'id'>, runAt: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO tag_jobs (team_id, user_id, kind, flow_id, tries, run_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [job.teamId, job.userId, job.kind, job.flowId, job.tries, runAt],
    );
  }

  async claimTagJob(nowSeconds: number, leaseSeconds: number): Promise<TagJob | undefined> {
    // SKIP LOCKED passes over a job another process is claiming this instant; one whose claim has
    // committed is re-checked against its new run_at and so is no longer due.
    const row = await this.one<TagJobRow>(
      this.pool,
      `UPDATE tag_jobs SET run_at = $1, tries = tries + 1
       WHERE id = (
         SELECT id FROM tag_jobs WHERE run_at <= $2 ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
       )
       RETURNING *`,
      [nowSeconds + leaseSeconds, nowSeconds],
    );
    return row && fromTagJobRow(row);
  }

  async retryTagJobLater(id: number, runAt: number, lastError: string): Promise<void> {
    await this.pool.query('UPDATE tag_jobs SET run_at = $1, last_error = $2 WHERE id = $3', [runAt, lastError, id]);
  }

  async deleteTagJob(id: number): Promise<void> {
    await this.pool.query('DELETE FROM tag_jobs WHERE id = $1', [id]);
  }

  async countTagJobs(): Promise<number> {
    // COUNT is a bigint, which pg returns as text.
    const row = await this.one<{ n: string }>(this.pool, 'SELECT COUNT(*) AS n FROM tag_jobs', []);
    return Number(row?.n ?? 0);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async numberVerifiedByOther(db: Queryable, member: Member, e164: string): Promise<boolean> {
    const row = await this.one(
      db,
      `SELECT 1 FROM verifications WHERE team_id = $1 AND e164 = $2 AND user_id <> $3 AND status = 'verified' LIMIT 1`,
      [member.teamId, e164, member.userId],
    );
    return row !== undefined;
  }

  private async one<Row extends QueryResultRow>(
    db: Queryable,
    text: string,
    values: readonly unknown[],
  ): Promise<Row | undefined> {
    const { rows } = await db.query<Row>(text, [...values]);
    return rows[0];
  }

  /**
   * Runs `work` in a transaction that first takes an advisory lock on each key, in one global order
   * (by lock id, duplicates once) so two transactions never wait on each other in a cycle. The locks
   * are released by COMMIT or ROLLBACK.
   */
  private transaction<T>(keys: readonly string[], work: (client: PoolClient) => Promise<T>): Promise<T> {
    return inLockedTransaction(this.pool, advisoryLockIds(keys), work);
  }
}
