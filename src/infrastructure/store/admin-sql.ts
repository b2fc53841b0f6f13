import type { BatchReport, CountryCount, ExportRecord, StoredFigures, VerificationRequest } from '../../admin/model';
import { WINDOW } from '../../admin/model';

// The admin console's SQL, shared by both dialects: written with `?` placeholders, which the
// PostgreSQL store numbers. Every count reads an index: audit_events_by_type (team, type, at,
// flow_id), verifications_by_team_status, tag_jobs_by_team.

const WEEK_TYPES = ['verified', 'sent', 'resent', 'called', 'send_failed', 'undelivered', 'rate_limited'] as const;
type WeekType = (typeof WEEK_TYPES)[number];

/** Params: team, a week ago. */
export const WEEK_COUNTS_SQL = `
  SELECT type, count(*) AS n FROM audit_events
  WHERE team_id = ? AND type IN (${WEEK_TYPES.map((type) => `'${type}'`).join(', ')}) AND at > ?
  GROUP BY type`;

/**
 * Params: see scalarFigureParams. The week's flows are grouped once: whether each had a code sent
 * (or called) and whether it was verified, instead of a distinct count and a semi-join that read
 * the same rows twice more.
 */
export const SCALAR_FIGURES_SQL = `
  SELECT
    (SELECT count(*) FROM audit_events WHERE team_id = ? AND type = 'verified' AND at > ?) AS verified_last_day,
    flows.with_code AS flows_with_code,
    flows.verified AS flows_verified,
    (SELECT count(*) FROM verifications WHERE team_id = ? AND status = 'verified') AS verified_members,
    (SELECT count(*) FROM verifications
      WHERE team_id = ? AND status = 'verified' AND profile_tag = 'failed') AS tags_failed,
    (SELECT count(*) FROM tag_jobs WHERE team_id = ?) AS tag_jobs_pending
  FROM (
    SELECT coalesce(sum(with_code), 0) AS with_code, coalesce(sum(with_code * verified), 0) AS verified
    FROM (
      SELECT max(CASE WHEN type IN ('sent', 'called') THEN 1 ELSE 0 END) AS with_code,
             max(CASE WHEN type = 'verified' THEN 1 ELSE 0 END) AS verified
      FROM audit_events
      WHERE team_id = ? AND type IN ('sent', 'called', 'verified') AND at > ? AND flow_id IS NOT NULL
      GROUP BY flow_id
    ) AS per_flow
  ) AS flows`;

/** Params: team, a week ago. */
export const REFUSED_COUNTRIES_SQL = `
  SELECT reason AS country, count(*) AS n FROM audit_events
  WHERE team_id = ? AND type = 'refused_country' AND at > ?
  GROUP BY reason ORDER BY n DESC, reason LIMIT 5`;

export function scalarFigureParams(teamId: string, nowSeconds: number): unknown[] {
  const day = nowSeconds - WINDOW.day;
  const week = nowSeconds - WINDOW.week;
  return [teamId, day, teamId, teamId, teamId, teamId, week];
}

/** PostgreSQL returns counts (BIGINT) as text. */
type Count = number | string;

export interface ScalarFiguresRow {
  verified_last_day: Count;
  flows_with_code: Count;
  flows_verified: Count;
  verified_members: Count;
  tags_failed: Count;
  tag_jobs_pending: Count;
}

export function figuresFrom(
  weekRows: readonly { type: string; n: Count }[],
  scalars: ScalarFiguresRow,
  countries: readonly { country: string | null; n: Count }[],
): StoredFigures {
  const week = new Map(weekRows.map((row) => [row.type as WeekType, Number(row.n)]));
  const count = (type: WeekType) => week.get(type) ?? 0;
  return {
    verifiedMembers: Number(scalars.verified_members),
    verifiedLastDay: Number(scalars.verified_last_day),
    verifiedLastWeek: count('verified'),
    smsSent: count('sent') + count('resent'),
    callsMade: count('called'),
    flowsWithCode: Number(scalars.flows_with_code),
    flowsVerified: Number(scalars.flows_verified),
    deliveryFailures: count('send_failed') + count('undelivered'),
    rateLimited: count('rate_limited'),
    refusedCountries: countries.map(
      (row): CountryCount => ({ country: row.country ?? 'unknown', count: Number(row.n) }),
    ),
    tagJobsPending: Number(scalars.tag_jobs_pending),
    tagsFailed: Number(scalars.tags_failed),
  };
}

/** Params: now, team (due now), then now, team, team (new jobs for failed badges). */
export const RETRY_TAGS_SQL = {
  due: 'UPDATE tag_jobs SET run_at = ? WHERE team_id = ?',
  queue: `
    INSERT INTO tag_jobs (team_id, user_id, kind, flow_id, tries, run_at)
    SELECT v.team_id, v.user_id, 'set', v.flow_id, 0, ? FROM verifications v
    WHERE v.team_id = ? AND v.status = 'verified' AND v.profile_tag = 'failed'
      AND NOT EXISTS (SELECT 1 FROM tag_jobs j WHERE j.team_id = ? AND j.user_id = v.user_id)`,
} as const;

export const EXPORT_RECORDS_SQL = `
  SELECT user_id, e164, status, verified_at, ended_at, profile_tag FROM verifications
  WHERE team_id = ? ORDER BY verified_at, user_id`;

export interface ExportRow {
  user_id: string;
  e164: string;
  status: ExportRecord['status'];
  verified_at: Count;
  ended_at: Count | null;
  profile_tag: ExportRecord['profileTag'];
}

export function fromExportRow(row: ExportRow): ExportRecord {
  return {
    userId: row.user_id,
    e164: row.e164,
    status: row.status,
    verifiedAt: Number(row.verified_at),
    endedAt: row.ended_at === null ? null : Number(row.ended_at),
    profileTag: row.profile_tag,
  };
}

export const REQUEST_SQL = {
  batch: 'INSERT INTO request_batches (id, team_id, requester_id, created_at) VALUES (?, ?, ?, ?)',
  request: `
    INSERT INTO verification_requests (batch_id, team_id, user_id, requester_id, state, attempts, next_at)
    VALUES (?, ?, ?, ?, 'queued', 0, ?) ON CONFLICT (batch_id, user_id) DO NOTHING`,
  settle: 'UPDATE verification_requests SET state = ? WHERE id = ?',
  later: 'UPDATE verification_requests SET next_at = ?, last_error = ? WHERE id = ?',
  counts: 'SELECT state, count(*) AS n FROM verification_requests WHERE batch_id = ? GROUP BY state',
  queued: `SELECT 1 FROM verification_requests WHERE batch_id = ? AND state = 'queued' LIMIT 1`,
  deleteRequests: 'DELETE FROM verification_requests WHERE batch_id = ?',
  deleteBatch: 'DELETE FROM request_batches WHERE id = ? RETURNING team_id, requester_id',
} as const;

/** Params: lease end, now. `lock` is the dialect's row-claim clause (PostgreSQL's SKIP LOCKED). */
export function claimRequestSql(lock = ''): string {
  return `
    UPDATE verification_requests SET next_at = ?, attempts = attempts + 1
    WHERE id = (
      SELECT id FROM verification_requests WHERE state = 'queued' AND next_at <= ? ORDER BY next_at, id LIMIT 1 ${lock}
    )
    RETURNING id, batch_id, team_id, user_id, requester_id, attempts`;
}

export interface RequestRow {
  id: Count;
  batch_id: string;
  team_id: string;
  user_id: string;
  requester_id: string;
  attempts: number;
}

export function fromRequestRow(row: RequestRow): VerificationRequest {
  return {
    id: Number(row.id),
    batchId: row.batch_id,
    teamId: row.team_id,
    userId: row.user_id,
    requesterId: row.requester_id,
    attempts: row.attempts,
  };
}

export function reportFrom(
  batch: { team_id: string; requester_id: string },
  counts: readonly { state: string; n: Count }[],
): BatchReport {
  const of = (state: string) => Number(counts.find((row) => row.state === state)?.n ?? 0);
  return {
    teamId: batch.team_id,
    requesterId: batch.requester_id,
    asked: of('asked'),
    skipped: of('skipped'),
    failed: of('failed'),
  };
}
