import type { Pool } from 'pg';
import { inLockedTransaction } from './postgres-transaction';

/**
 * Schema history for PostgreSQL, the same tables and columns as SQLITE_MIGRATIONS (unix seconds and
 * row ids are BIGINT), applied in order, each once. Never edit a shipped migration: add the next one.
 */
export const POSTGRES_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'flows and verifications',
    sql: `
      CREATE TABLE flows (
        id          TEXT PRIMARY KEY,
        team_id     TEXT NOT NULL,
        user_id     TEXT NOT NULL,
        e164        TEXT NOT NULL,
        message_id  TEXT,
        status      TEXT NOT NULL CHECK (status IN ('sending', 'send_failed', 'pending', 'locked', 'verified')),
        attempts    INTEGER NOT NULL DEFAULT 0,
        created_at  BIGINT NOT NULL,
        expires_at  BIGINT NOT NULL
      );
      CREATE INDEX flows_by_member ON flows (team_id, user_id, created_at);

      CREATE TABLE verifications (
        team_id      TEXT NOT NULL,
        user_id      TEXT NOT NULL,
        e164         TEXT NOT NULL,
        flow_id      TEXT NOT NULL,
        verified_at  BIGINT NOT NULL,
        profile_tag  TEXT NOT NULL CHECK (profile_tag IN ('pending', 'set', 'failed', 'not_configured')),
        PRIMARY KEY (team_id, user_id)
      );
      CREATE INDEX verifications_by_number ON verifications (team_id, e164);
    `,
  },
  {
    version: 2,
    name: 'resends, rate limits, audit log, profile tag retries',
    sql: `
      ALTER TABLE flows ADD COLUMN sent_at BIGINT NOT NULL DEFAULT 0;
      UPDATE flows SET sent_at = created_at;

      CREATE TABLE rate_events (
        id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        bucket  TEXT NOT NULL,
        at      BIGINT NOT NULL
      );
      CREATE INDEX rate_events_by_bucket ON rate_events (bucket, at);

      CREATE TABLE audit_events (
        id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at             BIGINT NOT NULL,
        team_id        TEXT NOT NULL,
        user_id        TEXT NOT NULL,
        type           TEXT NOT NULL,
        flow_id        TEXT,
        masked_number  TEXT,
        reason         TEXT
      );
      CREATE INDEX audit_events_by_team ON audit_events (team_id, id);
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_events is append-only'; END;
      $$;
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

      CREATE TABLE tag_jobs (
        id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        team_id      TEXT NOT NULL,
        user_id      TEXT NOT NULL,
        flow_id      TEXT NOT NULL,
        label_value  TEXT NOT NULL,
        label_alt    TEXT NOT NULL,
        tries        INTEGER NOT NULL,
        run_at       BIGINT NOT NULL,
        last_error   TEXT
      );
      CREATE INDEX tag_jobs_by_run_at ON tag_jobs (run_at, id);
    `,
  },
  {
    version: 3,
    name: 'tag jobs read their badge from the verification record',
    // The badge's words are the Slack tagger's, built at each try from the record: a job stores none.
    sql: 'ALTER TABLE tag_jobs DROP COLUMN label_value, DROP COLUMN label_alt;',
  },
  {
    version: 4,
    name: 'OAuth installations, sealed, and the workspaces of org-wide installs',
    // `sealed` is the whole installation encrypted (AES-256-GCM, the row key as associated data).
    sql: `
      CREATE TABLE installations (
        installation_key  TEXT NOT NULL PRIMARY KEY,
        sealed            TEXT NOT NULL,
        installed_at      BIGINT NOT NULL
      );

      CREATE TABLE enterprise_workspaces (
        team_id        TEXT NOT NULL PRIMARY KEY,
        enterprise_id  TEXT NOT NULL
      );
      CREATE INDEX enterprise_workspaces_by_enterprise ON enterprise_workspaces (enterprise_id);
      CREATE INDEX tag_jobs_by_team ON tag_jobs (team_id);
    `,
  },
  {
    version: 5,
    name: "the delivery state of a flow's current message",
    // `delivered` or the reason it was not; NULL until a final report, and again after each send.
    sql: 'ALTER TABLE flows ADD COLUMN delivery TEXT',
  },
  {
    version: 6,
    name: 'verification status, badge clearing, Slack event ids, audit retention',
    // As SQLite's version 7. TRUNCATE still always raises (TG_OP is not DELETE).
    sql: `
      ALTER TABLE verifications ADD COLUMN status TEXT NOT NULL DEFAULT 'verified'
        CHECK (status IN ('verified', 'revoked', 'expired'));
      ALTER TABLE verifications ADD COLUMN ended_at BIGINT;
      ALTER TABLE verifications ADD COLUMN phone_synced_at BIGINT;
      CREATE INDEX verifications_by_status ON verifications (status, verified_at);
      ALTER TABLE tag_jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'set' CHECK (kind IN ('set', 'clear'));

      CREATE TABLE slack_events (
        event_id     TEXT NOT NULL PRIMARY KEY,
        received_at  BIGINT NOT NULL
      );
      CREATE INDEX slack_events_by_received_at ON slack_events (received_at);

      CREATE TABLE audit_retention (
        id               INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
        min_age_seconds  BIGINT NOT NULL CHECK (min_age_seconds >= 86400)
      );
      INSERT INTO audit_retention (id, min_age_seconds) VALUES (1, 34560000);
      CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' AND OLD.at <= extract(epoch FROM now())::bigint
               - COALESCE((SELECT min_age_seconds FROM audit_retention WHERE id = 1), 4000000000) THEN
            RETURN OLD;
          END IF;
          RAISE EXCEPTION 'audit_events is append-only';
        END;
      $$;
    `,
  },
  {
    version: 7,
    name: 'pending requests of the Workflow Builder step "Request phone verification"',
    // One row per step execution; ended_at starts its retention.
    sql: `
      CREATE TABLE workflow_requests (
        execution_id  TEXT NOT NULL PRIMARY KEY,
        team_id       TEXT NOT NULL,
        user_id       TEXT NOT NULL,
        requested_at  BIGINT NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('pending', 'completed', 'declined', 'timed_out')),
        ended_at      BIGINT
      );
      CREATE INDEX workflow_requests_by_member ON workflow_requests (team_id, user_id, state);
      CREATE INDEX workflow_requests_by_state ON workflow_requests (state, requested_at);
    `,
  },
  {
    version: 8,
    name: "admin console: figures' indexes, verification requests",
    // As SQLite's version 9.
    sql: `
      CREATE INDEX audit_events_by_type ON audit_events (team_id, type, at, flow_id);
      CREATE INDEX verifications_by_team_status ON verifications (team_id, status, profile_tag);

      CREATE TABLE request_batches (
        id            TEXT NOT NULL PRIMARY KEY,
        team_id       TEXT NOT NULL,
        requester_id  TEXT NOT NULL,
        created_at    BIGINT NOT NULL
      );

      CREATE TABLE verification_requests (
        id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        batch_id      TEXT NOT NULL,
        team_id       TEXT NOT NULL,
        user_id       TEXT NOT NULL,
        requester_id  TEXT NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('queued', 'asked', 'skipped', 'failed')),
        attempts      INTEGER NOT NULL,
        next_at       BIGINT NOT NULL,
        last_error    TEXT,
        UNIQUE (batch_id, user_id)
      );
      CREATE INDEX verification_requests_due ON verification_requests (state, next_at, id);
    `,
  },
  {
    version: 9,
    name: 'indexes for the retention job',
    // As SQLite's version 10.
    sql: `
      CREATE INDEX flows_by_created_at ON flows (created_at);
      CREATE INDEX rate_events_by_at ON rate_events (at);
      CREATE INDEX audit_events_by_at ON audit_events (at);
      CREATE INDEX verifications_by_ended_at ON verifications (ended_at);
    `,
  },
  {
    version: 10,
    name: 'shared-number check by number',
    // As SQLite's version 11.
    sql: `
      DROP INDEX verifications_by_number;
      CREATE INDEX verifications_by_number ON verifications (team_id, e164, status);
    `,
  },
];

/**
 * The advisory lock key that serialises migrations: any two processes opening the store at once
 * (several replicas starting together) take turns, and the second finds the work done.
 */
export const MIGRATION_LOCK_KEY = '7657368540001';

/**
 * Brings the schema (the connection's search_path) up to date, all in one transaction, so a failed
 * migration leaves nothing half applied. On an up-to-date schema it only reads, so an app role with
 * no DDL rights (no CREATE on the schema) can open a database that its owner migrated.
 */
export async function migratePostgres(pool: Pool): Promise<void> {
  await inLockedTransaction(pool, [MIGRATION_LOCK_KEY], async (client) => {
    // Not CREATE TABLE IF NOT EXISTS: that needs CREATE on the schema even when the table is there.
    const bookkeeping = await client.query(
      "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'",
    );
    if (bookkeeping.rowCount === 0) {
      await client.query(
        'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
      );
    }
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    for (const migration of POSTGRES_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        Math.floor(Date.now() / 1000),
      ]);
    }
  });
}
