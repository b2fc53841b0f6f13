import type Database from 'better-sqlite3';

/** The store's one SQLite connection, shared by its parts, with each statement compiled once. */
export class SqliteConnection {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  /** Statements are compiled once and reused: preparing is most of the cost of a small query. */
  sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }
}
