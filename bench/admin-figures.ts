/**
 * `npx tsx bench/admin-figures.ts [--runs N]`: the store time of the admin console's `figures()` on
 * 100k audit rows and 10k verification records of one workspace (a month of audit lines, so the
 * week the figures cover holds about a quarter of them), in SQLite and in PostgreSQL
 * (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test, in a throwaway schema).
 * Prints p50 / p95 / max in ms; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { PostgresStore } from '../src/infrastructure/store/postgres-store';
import { SqliteStore } from '../src/infrastructure/store/sqlite-store';
import type { VerificationStore } from '../src/verification/ports';
import { createTestSchema } from '../test/support/postgres';
import { summarize } from './report';

const AUDIT_ROWS = 100_000;
const RECORDS = 10_000;
const TEAM = 'T0BENCH';
const NOW = Math.floor(Date.now() / 1000);
const MONTH = 30 * 86_400;
const TYPES = [
  'flow_started',
  'sent',
  'verified',
  'tag_set',
  'resent',
  'called',
  'send_failed',
  'rate_limited',
  'refused_country',
  'delivered',
];

async function measure(store: VerificationStore, runs: number): Promise<string> {
  await store.admin.figures(TEAM, NOW); // warm-up: statements prepared, pages cached
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await store.admin.figures(TEAM, NOW);
    samples.push(performance.now() - started);
  }
  const { p50, p95, max } = summarize(samples);
  return `p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${max.toFixed(2)} ms (${runs} runs)`;
}

function seedSqlite(path: string): void {
  const db = new Database(path);
  const audit = db.prepare(
    'INSERT INTO audit_events (at, team_id, user_id, type, flow_id, reason) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const record = db.prepare(
    `INSERT INTO verifications (team_id, user_id, e164, flow_id, verified_at, profile_tag) VALUES (?, ?, ?, ?, ?, 'set')`,
  );
  db.transaction(() => {
    for (let i = 0; i < AUDIT_ROWS; i += 1) {
      const type = TYPES[i % TYPES.length] as string;
      audit.run(
        NOW - (i % MONTH),
        TEAM,
        `U${i % RECORDS}`,
        type,
        `f${Math.floor(i / 10)}`,
        type === 'refused_country' ? 'NZ' : null,
      );
    }
    for (let i = 0; i < RECORDS; i += 1)
      record.run(TEAM, `U${i}`, `+6149${String(i).padStart(7, '0')}`, `f${i}`, NOW - i);
  })();
  db.close();
}

async function seedPostgres(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const types = `(ARRAY['${TYPES.join("','")}'])`;
  await client.query(
    `INSERT INTO audit_events (at, team_id, user_id, type, flow_id, reason)
     SELECT $1 - (i % $2), $3, 'U' || (i % $4), ${types}[1 + i % ${TYPES.length}], 'f' || (i / 10),
            CASE WHEN ${types}[1 + i % ${TYPES.length}] = 'refused_country' THEN 'NZ' END
     FROM generate_series(0, $5 - 1) AS i`,
    [NOW, MONTH, TEAM, RECORDS, AUDIT_ROWS],
  );
  await client.query(
    `INSERT INTO verifications (team_id, user_id, e164, flow_id, verified_at, profile_tag)
     SELECT $1, 'U' || i, '+6149' || lpad(i::text, 7, '0'), 'f' || i, $2 - i, 'set' FROM generate_series(0, $3 - 1) AS i`,
    [TEAM, NOW, RECORDS],
  );
  await client.query('ANALYZE');
  await client.end();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' } } });
  const runs = Number(values.runs);
  const folder = mkdtempSync(join(tmpdir(), 'verify-phone-bench-figures-'));
  try {
    const path = join(folder, 'store.db');
    await new SqliteStore(path).close(); // migrated
    seedSqlite(path);
    const sqlite = new SqliteStore(path);
    console.log(`SQLite      figures(): ${await measure(sqlite, runs)}`);
    await sqlite.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const schema = await createTestSchema();
  try {
    await (await PostgresStore.open(schema.url)).close(); // migrated
    await seedPostgres(schema.url);
    const postgres = await PostgresStore.open(schema.url);
    console.log(`PostgreSQL  figures(): ${await measure(postgres, runs)}`);
    await postgres.close();
  } finally {
    await schema.drop();
  }
  console.log(
    `(${AUDIT_ROWS.toLocaleString('en')} audit rows over 30 days, ${RECORDS.toLocaleString('en')} records, one workspace)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
