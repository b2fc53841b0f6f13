import type { Member } from '../../verification/model';
import type { EndedRequestState, WorkflowRequest, WorkflowRequestStore } from '../../workflows/ports';
import type { SqliteConnection } from './sqlite-connection';
import { fromWorkflowRequestRow, type WorkflowRequestRow } from './workflow-rows';

/** The SQLite side of the workflow steps' pending requests; shares the store's connection. */
export class SqliteWorkflowRequests implements WorkflowRequestStore {
  constructor(private readonly connection: SqliteConnection) {}

  async openRequest(request: WorkflowRequest): Promise<boolean> {
    const result = this.connection
      .sql(
        `INSERT INTO workflow_requests (execution_id, team_id, user_id, requested_at, state)
         VALUES (?, ?, ?, ?, 'pending') ON CONFLICT (execution_id) DO NOTHING`,
      )
      .run(request.executionId, request.teamId, request.userId, request.requestedAt);
    return result.changes === 1;
  }

  async endRequest(member: Member, executionId: string, state: EndedRequestState, nowSeconds: number) {
    const row = this.connection
      .sql(
        `UPDATE workflow_requests SET state = ?, ended_at = ?
         WHERE execution_id = ? AND team_id = ? AND user_id = ? AND state = 'pending' RETURNING *`,
      )
      .get(state, nowSeconds, executionId, member.teamId, member.userId) as WorkflowRequestRow | undefined;
    return row && fromWorkflowRequestRow(row);
  }

  async completeRequestsOf(member: Member, nowSeconds: number): Promise<WorkflowRequest[]> {
    const rows = this.connection
      .sql(
        `UPDATE workflow_requests SET state = 'completed', ended_at = ?
         WHERE team_id = ? AND user_id = ? AND state = 'pending' RETURNING *`,
      )
      .all(nowSeconds, member.teamId, member.userId) as WorkflowRequestRow[];
    return rows.map(fromWorkflowRequestRow);
  }

  async expireRequests(requestedBefore: number, nowSeconds: number, limit: number): Promise<WorkflowRequest[]> {
    const rows = this.connection
      .sql(
        `UPDATE workflow_requests SET state = 'timed_out', ended_at = ?
         WHERE execution_id IN (
           SELECT execution_id FROM workflow_requests WHERE state = 'pending' AND requested_at < ?
           ORDER BY requested_at LIMIT ?
         ) RETURNING *`,
      )
      .all(nowSeconds, requestedBefore, limit) as WorkflowRequestRow[];
    return rows.map(fromWorkflowRequestRow);
  }

  async purgeRequests(endedBefore: number): Promise<void> {
    this.connection.sql(`DELETE FROM workflow_requests WHERE state <> 'pending' AND ended_at < ?`).run(endedBefore);
  }
}
