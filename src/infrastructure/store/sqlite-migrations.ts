import type Database from 'better-sqlite3';

/** Schema history, applied in order, each once. Never edit a shipped migration: add the next one. */
export const SQLITE_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
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
        created_at  INTEGER NOT NULL,
        expires_at  INTEGER NOT NULL
      );
      CREATE INDEX flows_by_member ON flows (team_id, user_id, created_at);

      CREATE TABLE verifications (
        team_id      TEXT NOT NULL,
        user_id      TEXT NOT NULL,
        e164         TEXT NOT NULL,
        flow_id      TEXT NOT NULL,
        verified_at  INTEGER NOT NULL,
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
      ALTER TABLE flows ADD COLUMN sent_at INTEGER NOT NULL DEFAULT 0;
      UPDATE flows SET sent_at = created_at;

      CREATE TABLE rate_events (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        bucket  TEXT NOT NULL,
        at      INTEGER NOT NULL
      );
      CREATE INDEX rate_events_by_bucket ON rate_events (bucket, at);

      CREATE TABLE audit_events (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        at             INTEGER NOT NULL,
        team_id        TEXT NOT NULL,
        user_id        TEXT NOT NULL,
        type           TEXT NOT NULL,
        flow_id        TEXT,
        masked_number  TEXT,
        reason         TEXT
      );
      CREATE INDEX audit_events_by_team ON audit_events (team_id, id);
      CREATE TRIGGER audit_events_append_only_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
      CREATE TRIGGER audit_events_append_only_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;

      CREATE TABLE tag_jobs (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        team_id      TEXT NOT NULL,
        user_id      TEXT NOT NULL,
        flow_id      TEXT NOT NULL,
        label_value  TEXT NOT NULL,
        label_alt    TEXT NOT NULL,
        tries        INTEGER NOT NULL,
        run_at       INTEGER NOT NULL,
        last_error   TEXT
      );
      CREATE INDEX tag_jobs_by_run_at ON tag_jobs (run_at, id);
    `,
  },
  {
    // SQLite, unlike PostgreSQL, lets a non-INTEGER PRIMARY KEY column hold NULL unless it says
    // NOT NULL, which version 1 did not. A column's constraints cannot be altered, so the table is
    // rebuilt (https://sqlite.org/lang_altertable.html#otheralter). A row with a NULL id could not be
    // found by id, so it is not copied.
    version: 3,
    name: 'flows.id NOT NULL, as in PostgreSQL',
    sql: `
      CREATE TABLE flows_v3 (
        id          TEXT NOT NULL PRIMARY KEY,
        team_id     TEXT NOT NULL,
        user_id     TEXT NOT NULL,
        e164        TEXT NOT NULL,
        message_id  TEXT,
        status      TEXT NOT NULL CHECK (status IN ('sending', 'send_failed', 'pending', 'locked', 'verified')),
        attempts    INTEGER NOT NULL DEFAULT 0,
        created_at  INTEGER NOT NULL,
        expires_at  INTEGER NOT NULL,
        sent_at     INTEGER NOT NULL DEFAULT 0
      );
      INSERT INTO flows_v3 SELECT id, team_id, user_id, e164, message_id, status, attempts, created_at, expires_at, sent_at
        FROM flows WHERE id IS NOT NULL;
      DROP TABLE flows;
      ALTER TABLE flows_v3 RENAME TO flows;
      CREATE INDEX flows_by_member ON flows (team_id, user_id, created_at);
    `,
  },
  {
    version: 4,
    name: 'tag jobs read their badge from the verification record',
    // The badge's words are the Slack tagger's, built at each try from the record: a job stores none.
    sql: `
      ALTER TABLE tag_jobs DROP COLUMN label_value;
      ALTER TABLE tag_jobs DROP COLUMN label_alt;
    `,
  },
  {
    version: 5,
    name: 'OAuth installations, sealed, and the workspaces of org-wide installs',
    // `sealed` is the whole installation encrypted (AES-256-GCM, the row key as associated data).
    sql: `
      CREATE TABLE installations (
        installation_key  TEXT NOT NULL PRIMARY KEY,
        sealed            TEXT NOT NULL,
        installed_at      INTEGER NOT NULL
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
    version: 6,
    name: "the delivery state of a flow's current message",
    // `delivered` or the reason it was not; NULL until a final report, and again after each send.
    sql: 'ALTER TABLE flows ADD COLUMN delivery TEXT',
  },
  {
    version: 7,
    name: 'verification status, badge clearing, Slack event ids, audit retention',
    // A record ends as revoked or expired (removed deletes it); ended_at starts its retention.
    // phone_synced_at: the app wrote the number into the profile's phone field, which now ties the record.
    // The audit log stays append-only except for rows older than audit_retention.min_age_seconds,
    // judged by the database's own clock.
    sql: `
      ALTER TABLE verifications ADD COLUMN status TEXT NOT NULL DEFAULT 'verified'
        CHECK (status IN ('verified', 'revoked', 'expired'));
      ALTER TABLE verifications ADD COLUMN ended_at INTEGER;
      ALTER TABLE verifications ADD COLUMN phone_synced_at INTEGER;
      CREATE INDEX verifications_by_status ON verifications (status, verified_at);
      ALTER TABLE tag_jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'set' CHECK (kind IN ('set', 'clear'));

      CREATE TABLE slack_events (
        event_id     TEXT NOT NULL PRIMARY KEY,
        received_at  INTEGER NOT NULL
      );
      CREATE INDEX slack_events_by_received_at ON slack_events (received_at);

      CREATE TABLE audit_retention (
        id               INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
        min_age_seconds  INTEGER NOT NULL CHECK (min_age_seconds >= 86400)
      );
      INSERT INTO audit_retention (id, min_age_seconds) VALUES (1, 34560000);
      DROP TRIGGER audit_events_append_only_delete;
      CREATE TRIGGER audit_events_append_only_delete BEFORE DELETE ON audit_events
        WHEN OLD.at > CAST(strftime('%s', 'now') AS INTEGER)
          - IFNULL((SELECT min_age_seconds FROM audit_retention WHERE id = 1), 4000000000)
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
    `,
  },
  {
    version: 8,
    name: 'pending requests of the Workflow Builder step "Request phone verification"',
    // One row per step execution; ended_at starts its retention.
    sql: `
      CREATE TABLE workflow_requests (
        execution_id  TEXT NOT NULL PRIMARY KEY,
        team_id       TEXT NOT NULL,
        user_id       TEXT NOT NULL,
        requested_at  INTEGER NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('pending', 'completed', 'declined', 'timed_out')),
        ended_at      INTEGER
      );
      CREATE INDEX workflow_requests_by_member ON workflow_requests (team_id, user_id, state);
      CREATE INDEX workflow_requests_by_state ON workflow_requests (state, requested_at);
    `,
  },
  {
    version: 9,
    name: "admin console: figures' indexes, verification requests",
    // The console counts a week of audit events by type, reading the index alone (flow_id included).
    // A request is deleted, with its batch, once the batch is reported to its admin.
    sql: `
      CREATE INDEX audit_events_by_type ON audit_events (team_id, type, at, flow_id);
      CREATE INDEX verifications_by_team_status ON verifications (team_id, status, profile_tag);

      CREATE TABLE request_batches (
        id            TEXT NOT NULL PRIMARY KEY,
        team_id       TEXT NOT NULL,
        requester_id  TEXT NOT NULL,
        created_at    INTEGER NOT NULL
      );

      CREATE TABLE verification_requests (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        batch_id      TEXT NOT NULL,
        team_id       TEXT NOT NULL,
        user_id       TEXT NOT NULL,
        requester_id  TEXT NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('queued', 'asked', 'skipped', 'failed')),
        attempts      INTEGER NOT NULL,
        next_at       INTEGER NOT NULL,
        last_error    TEXT,
        UNIQUE (batch_id, user_id)
      );
      CREATE INDEX verification_requests_due ON verification_requests (state, next_at, id);
    `,
  },
  {
    version: 10,
    name: 'indexes for the retention job',
    // The retention job runs every minute: each of its deletes reads an index, not the whole table.
    sql: `
      CREATE INDEX flows_by_created_at ON flows (created_at);
      CREATE INDEX rate_events_by_at ON rate_events (at);
      CREATE INDEX audit_events_by_at ON audit_events (at);
      CREATE INDEX verifications_by_ended_at ON verifications (ended_at);
    `,
  },
  {
    version: 11,
    name: 'shared-number check by number',
    // With (team_id, e164) and (team_id, status, …) equally specific, SQLite picked the second: every
    // shared-number check read every verified member of the workspace. Three equal columns win.
    sql: `
      DROP INDEX verifications_by_number;
      CREATE INDEX verifications_by_number ON verifications (team_id, e164, status);
    `,
  },
];

/** Brings the database up to date, all in one immediate transaction: a failed migration leaves nothing half applied. */
export function migrateSqlite(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  db.transaction(() => {
    const applied = new Set(
      (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version),
    );
    for (const migration of SQLITE_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Math.floor(Date.now() / 1000),
      );
    }
  }).immediate();
}
