import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Client } from 'pg';
import { openStore } from '../../src/infrastructure/store/open-store';
import { createTestSchema, describeWithPostgres, withClient } from '../support/postgres';

/**
 * What the app relies on in a schema, in terms both dialects share: per table, each column's
 * nullability and coarse type class, and each index's uniqueness and columns in order. The primary
 * key is the index named PRIMARY KEY and a UNIQUE constraint's index is named after its columns,
 * since the dialects name those indexes differently. DEFAULTs, CHECKs and triggers are not compared.
 *
 * Every table is compared, schema_migrations too: both dialects name it alike, and its shape is the
 * app's as much as any other table's.
 */
type SchemaShape = Record<string, TableShape>;

interface TableShape {
  readonly columns: Record<string, { readonly nullable: boolean; readonly type: string }>;
  readonly indexes: Record<string, IndexShape>;
}

interface IndexShape {
  readonly unique: boolean;
  readonly columns: readonly string[];
}

const PRIMARY_KEY = 'PRIMARY KEY';
const uniqueConstraintName = (columns: readonly string[]) => `UNIQUE (${columns.join(', ')})`;

describeWithPostgres('one schema, two dialects', () => {
  it('migrates SQLite and PostgreSQL to the same tables, columns, keys and indexes', async () => {
    const sqlite = await migratedSqliteShape();
    const postgres = await migratedPostgresShape();
    expect(Object.keys(postgres)).toEqual(expect.arrayContaining(['flows', 'verifications', 'schema_migrations']));
    expect(sqlite).toEqual(postgres);
  });
});

async function migratedSqliteShape(): Promise<SchemaShape> {
  const folder = mkdtempSync(join(tmpdir(), 'verify-phone-parity-'));
  const path = join(folder, 'store.db');
  try {
    await (await openStore(`sqlite:${path}`)).close();
    const db = new Database(path, { readonly: true });
    try {
      return sqliteShape(db);
    } finally {
      db.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function migratedPostgresShape(): Promise<SchemaShape> {
  const schema = await createTestSchema();
  try {
    await (await openStore(schema.url)).close();
    return await withClient(schema.url, (client) => postgresShape(client, schema.name));
  } finally {
    await schema.drop();
  }
}

function sqliteShape(db: Database.Database): SchemaShape {
  // sqlite_* tables (sqlite_sequence, for AUTOINCREMENT) are SQLite's own, not the app's schema.
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((table) => [table, sqliteTable(db, table)]));
}

interface SqliteColumn {
  readonly name: string;
  readonly type: string;
  readonly notnull: number;
  readonly pk: number;
}

function sqliteTable(db: Database.Database, table: string): TableShape {
  const columns = db.prepare('SELECT name, type, "notnull", pk FROM pragma_table_info(?)').all(table) as SqliteColumn[];
  const primaryKey = columns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk);
  // A lone INTEGER PRIMARY KEY is the rowid, which can never be NULL, though table_info says notnull = 0.
  const rowid = primaryKey.length === 1 && primaryKey[0]?.type.toUpperCase() === 'INTEGER' ? primaryKey[0].name : '';
  const nullable = (column: SqliteColumn) => column.notnull === 0 && column.name !== rowid;
  return {
    columns: Object.fromEntries(
      columns.map((column) => [column.name, { nullable: nullable(column), type: sqliteTypeClass(column.type) }]),
    ),
    indexes: {
      // From table_info, not index_list: a rowid primary key has no index of its own.
      ...(primaryKey.length === 0 ? {} : { [PRIMARY_KEY]: { unique: true, columns: primaryKey.map((c) => c.name) } }),
      ...sqliteIndexes(db, table),
    },
  };
}

/** The table's indexes but the primary key's. */
function sqliteIndexes(db: Database.Database, table: string): Record<string, IndexShape> {
  const indexes = db.prepare('SELECT name, "unique", origin FROM pragma_index_list(?)').all(table) as {
    name: string;
    unique: number;
    origin: 'c' | 'u' | 'pk';
  }[];
  const columnsOf = db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck();
  return Object.fromEntries(
    indexes
      .filter((index) => index.origin !== 'pk')
      .map((index) => {
        const columns = columnsOf.all(index.name) as string[];
        const name = index.origin === 'u' ? uniqueConstraintName(columns) : index.name;
        return [name, { unique: index.unique === 1, columns }];
      }),
  );
}

/** SQLite's type affinity rules (https://sqlite.org/datatype3.html, 3.1), in order. */
function sqliteTypeClass(declared: string): string {
  const type = declared.toUpperCase();
  if (type.includes('INT')) return 'integer';
  if (/CHAR|CLOB|TEXT/.test(type)) return 'text';
  if (type === '' || type.includes('BLOB')) return 'blob';
  if (/REAL|FLOA|DOUB/.test(type)) return 'real';
  return 'numeric';
}

/** By information_schema's data_type; any other type stays as it is named, and so differs. */
const POSTGRES_TYPE_CLASSES: Readonly<Record<string, string>> = {
  smallint: 'integer',
  integer: 'integer',
  bigint: 'integer',
  text: 'text',
  'character varying': 'text',
  character: 'text',
  real: 'real',
  'double precision': 'real',
  numeric: 'numeric',
  bytea: 'blob',
};

const POSTGRES_COLUMNS = `
  SELECT c.table_name AS table, c.column_name AS name, c.is_nullable = 'YES' AS nullable, c.data_type AS type
    FROM information_schema.columns c
    JOIN information_schema.tables t USING (table_schema, table_name)
   WHERE c.table_schema = $1 AND t.table_type = 'BASE TABLE'`;

/** Every index of the schema's tables, with the primary key or UNIQUE constraint it backs, if any. */
const POSTGRES_INDEXES = `
  SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, c.contype AS constraint,
         array(SELECT a.attname FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                ORDER BY k.n)::text[] AS columns
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.contype IN ('p', 'u')
   WHERE n.nspname = $1`;

interface PostgresIndex extends IndexShape {
  readonly table: string;
  readonly name: string;
  readonly constraint: 'p' | 'u' | null;
}

async function postgresShape(client: Client, schema: string): Promise<SchemaShape> {
  const columns = await client.query<{ table: string; name: string; nullable: boolean; type: string }>(
    POSTGRES_COLUMNS,
    [schema],
  );
  const indexes = await client.query<PostgresIndex>(POSTGRES_INDEXES, [schema]);
  const shape: SchemaShape = {};
  const tableOf = (name: string): TableShape => {
    shape[name] ??= { columns: {}, indexes: {} };
    return shape[name];
  };
  for (const { table, name, nullable, type } of columns.rows) {
    tableOf(table).columns[name] = { nullable, type: POSTGRES_TYPE_CLASSES[type] ?? type };
  }
  for (const index of indexes.rows) {
    tableOf(index.table).indexes[postgresIndexName(index)] = { unique: index.unique, columns: index.columns };
  }
  return shape;
}

function postgresIndexName(index: PostgresIndex): string {
  if (index.constraint === 'p') return PRIMARY_KEY;
  return index.constraint === 'u' ? uniqueConstraintName(index.columns) : index.name;
}
