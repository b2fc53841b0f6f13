import type { Pool } from 'pg';
import type { Member } from '../../verification/model';
import type { EndedRequestState, WorkflowRequest, WorkflowRequestStore } from '../../workflows/ports';
import { fromWorkflowRequestRow, type WorkflowRequestRow } from './workflow-rows';

/**
 * The PostgreSQL side of the workflow steps' pending requests; shares the store's pool. Two replicas
 * ending one request: the second UPDATE waits on the row lock, then finds it no longer pending.
 */
export class PostgresWorkflowRequests implements WorkflowRequestStore {
  constructor(private readonly pool: Pool) {}

  async openRequest(request: WorkflowRequest): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO workflow_requests (execution_id, team_id, user_id, requested_at, state)
       VALUES ($1, $2, $3, $4, 'pending') ON CONFLICT (execution_id) DO NOTHING`,
      [request.executionId, request.teamId, request.userId, request.requestedAt],
    );
    return result.rowCount === 1;
  }

  async endRequest(member: Member, executionId: string, state: EndedRequestState, nowSeconds: number) {
    const { rows } = await this.pool.query<WorkflowRequestRow>(
      `UPDATE workflow_requests SET state = $1, ended_at = $2
       WHERE execution_id = $3 AND team_id = $4 AND user_id = $5 AND state = 'pending' RETURNING *`,
      [state, nowSeconds, executionId, member.teamId, member.userId],
    );
    return rows[0] && fromWorkflowRequestRow(rows[0]);
  }

  async completeRequestsOf(member: Member, nowSeconds: number): Promise<WorkflowRequest[]> {
    const { rows } = await this.pool.query<WorkflowRequestRow>(
      `UPDATE workflow_requests SET state = 'completed', ended_at = $1
       WHERE team_id = $2 AND user_id = $3 AND state = 'pending' RETURNING *`,
      [nowSeconds, member.teamId, member.userId],
    );
    return rows.map(fromWorkflowRequestRow);
  }

  async expireRequests(requestedBefore: number, nowSeconds: number, limit: number): Promise<WorkflowRequest[]> {
    const { rows } = await this.pool.query<WorkflowRequestRow>(
      `UPDATE workflow_requests SET state = 'timed_out', ended_at = $1
       WHERE execution_id IN (
         SELECT execution_id FROM workflow_requests WHERE state = 'pending' AND requested_at < $2
         ORDER BY requested_at LIMIT $3 FOR UPDATE SKIP LOCKED
       ) AND state = 'pending' RETURNING *`,
      [nowSeconds, requestedBefore, limit],
    );
    return rows.map(fromWorkflowRequestRow);
  }

  async purgeRequests(endedBefore: number): Promise<void> {
    await this.pool.query(`DELETE FROM workflow_requests WHERE state <> 'pending' AND ended_at < $1`, [endedBefore]);
  }
}
