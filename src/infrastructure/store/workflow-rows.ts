import type { WorkflowRequest } from '../../workflows/ports';

/** A `workflow_requests` row; PostgreSQL returns its BIGINT columns as strings. */
export interface WorkflowRequestRow {
  execution_id: string;
  team_id: string;
  user_id: string;
  requested_at: number | string;
}

export function fromWorkflowRequestRow(row: WorkflowRequestRow): WorkflowRequest {
  return {
    executionId: row.execution_id,
    teamId: row.team_id,
    userId: row.user_id,
    requestedAt: Number(row.requested_at),
  };
}
