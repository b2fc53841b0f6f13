import type {
  AuditEvent,
  AuditEventType,
  Flow,
  FlowStatus,
  ProfileTagState,
  TagJob,
  TagJobKind,
  VerificationRecord,
} from '../../verification/model';

// Row shapes shared by the SQL stores, and their mapping to domain objects.

export interface FlowRow {
  id: string;
  team_id: string;
  user_id: string;
  e164: string;
  message_id: string | null;
  status: FlowStatus;
  attempts: number;
  created_at: number | string;
  expires_at: number | string;
  sent_at: number | string;
}

export interface VerificationRow {
  team_id: string;
  user_id: string;
  e164: string;
  flow_id: string;
  verified_at: number | string;
  profile_tag: ProfileTagState;
}

export interface AuditRow {
  at: number | string;
  team_id: string;
  user_id: string;
  type: AuditEventType;
  flow_id: string | null;
  masked_number: string | null;
  reason: string | null;
}

export interface TagJobRow {
  id: number | string;
  team_id: string;
  user_id: string;
  kind: TagJobKind;
  flow_id: string;
  tries: number;
}

// PostgreSQL returns BIGINT as a string; Number() is exact for unix seconds and row ids.

export function fromFlowRow(row: FlowRow): Flow {
  return {
    id: row.id,
    teamId: row.team_id,
    userId: row.user_id,
    e164: row.e164,
    messageId: row.message_id,
    status: row.status,
    attempts: row.attempts,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    sentAt: Number(row.sent_at),
  };
}

export function fromVerificationRow(row: VerificationRow): VerificationRecord {
  return {
    teamId: row.team_id,
    userId: row.user_id,
    e164: row.e164,
    flowId: row.flow_id,
    verifiedAt: Number(row.verified_at),
    profileTag: row.profile_tag,
  };
}

export function fromAuditRow(row: AuditRow): AuditEvent {
  return {
    at: Number(row.at),
    teamId: row.team_id,
    userId: row.user_id,
    type: row.type,
    flowId: row.flow_id,
    maskedNumber: row.masked_number,
    reason: row.reason,
  };
}

export function fromTagJobRow(row: TagJobRow): TagJob {
  return {
    id: Number(row.id),
    teamId: row.team_id,
    userId: row.user_id,
    kind: row.kind,
    flowId: row.flow_id,
    tries: row.tries,
  };
}
