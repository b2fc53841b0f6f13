import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Member } from '../../verification/flow-reference';
import type {
  Flow,
  FlowStatus,
  NewFlow,
  ProfileTagState,
  VerificationRecord,
  VerificationStore,
} from '../../verification/ports';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';

interface FlowRow {
  id: string;
  team_id: string;
  user_id: string;
  e164: string;
  message_id: string | null;
  status: FlowStatus;
  attempts: number;
  created_at: number;
  expires_at: number;
}

interface VerificationRow {
  team_id: string;
  user_id: string;
  e164: string;
  flow_id: string;
  verified_at: number;
  profile_tag: ProfileTagState;
}

/**
 * The embedded store: one SQLite file, WAL journal. Each state change is a single conditional
 * statement (or one transaction), so the database, not JavaScript, decides races.
 */
export class SqliteStore implements VerificationStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
  }

  async createFlow(flow: NewFlow): Promise<boolean> {
    const result = this.db
      .prepare(
        `INSERT INTO flows (id, team_id, user_id, e164, status, created_at, expires_at)
         VALUES (?, ?, ?, ?, 'sending', ?, ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(flow.id, flow.teamId, flow.userId, flow.e164, flow.createdAt, flow.expiresAt);
    return result.changes === 1;
  }

  async findFlow(id: string): Promise<Flow | undefined> {
    const row = this.db.prepare('SELECT * FROM flows WHERE id = ?').get(id) as FlowRow | undefined;
    return row && toFlow(row);
  }

  async markSent(id: string, messageId: string): Promise<void> {
    this.db
      .prepare(`UPDATE flows SET status = 'pending', message_id = ? WHERE id = ? AND status = 'sending'`)
      .run(messageId, id);
  }

  async markSendFailed(id: string): Promise<void> {
    this.db.prepare(`UPDATE flows SET status = 'send_failed' WHERE id = ? AND status = 'sending'`).run(id);
  }

  async claimAttempt(id: string, maxAttempts: number, nowSeconds: number): Promise<number | undefined> {
    const row = this.db
      .prepare(
        `UPDATE flows SET attempts = attempts + 1
         WHERE id = ? AND status = 'pending' AND attempts < ? AND expires_at > ?
         RETURNING attempts`,
      )
      .get(id, maxAttempts, nowSeconds) as { attempts: number } | undefined;
    return row?.attempts;
  }

  async refundAttempt(id: string): Promise<void> {
    this.db
      .prepare(`UPDATE flows SET attempts = attempts - 1 WHERE id = ? AND status = 'pending' AND attempts > 0`)
      .run(id);
  }

  async lock(id: string): Promise<void> {
    this.db.prepare(`UPDATE flows SET status = 'locked' WHERE id = ? AND status = 'pending'`).run(id);
  }

  async completeFlow(id: string, record: VerificationRecord): Promise<boolean> {
    return this.db.transaction(() => {
      const flipped = this.db
        .prepare(`UPDATE flows SET status = 'verified' WHERE id = ? AND status = 'pending'`)
        .run(id);
      if (flipped.changes !== 1) return false;
      this.db
        .prepare(
          `INSERT INTO verifications (team_id, user_id, e164, flow_id, verified_at, profile_tag)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (team_id, user_id) DO UPDATE SET
             e164 = excluded.e164, flow_id = excluded.flow_id,
             verified_at = excluded.verified_at, profile_tag = excluded.profile_tag`,
        )
        .run(record.teamId, record.userId, record.e164, record.flowId, record.verifiedAt, record.profileTag);
      return true;
    })();
  }

  async setProfileTag(member: Member, flowId: string, state: ProfileTagState): Promise<void> {
    this.db
      .prepare('UPDATE verifications SET profile_tag = ? WHERE team_id = ? AND user_id = ? AND flow_id = ?')
      .run(state, member.teamId, member.userId, flowId);
  }

  async findVerification(member: Member): Promise<VerificationRecord | undefined> {
    const row = this.db
      .prepare('SELECT * FROM verifications WHERE team_id = ? AND user_id = ?')
      .get(member.teamId, member.userId) as VerificationRow | undefined;
    return (
      row && {
        teamId: row.team_id,
        userId: row.user_id,
        e164: row.e164,
        flowId: row.flow_id,
        verifiedAt: row.verified_at,
        profileTag: row.profile_tag,
      }
    );
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function migrate(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version),
  );
  for (const migration of SQLITE_MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Math.floor(Date.now() / 1000),
      );
    })();
  }
}

function toFlow(row: FlowRow): Flow {
  return {
    id: row.id,
    teamId: row.team_id,
    userId: row.user_id,
    e164: row.e164,
    messageId: row.message_id,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
