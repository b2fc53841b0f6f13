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
];
