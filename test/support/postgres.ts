import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { describePostgresTarget } from '../../src/infrastructure/store/postgres-pool';

/** The server the PostgreSQL tests use; each test makes its own schema there. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const PROBE_TIMEOUT_MS = 3_000;

export interface TestSchema {
  /** TEST_DATABASE_URL with its search_path set to the schema, for any number of pools or processes. */
  readonly url: string;
  readonly name: string;
  /** Drops the schema and all in it. */
  drop(): Promise<void>;
}

/** A fresh, empty schema, so test files (and tests) can share the server in parallel. */
export async function createTestSchema(baseUrl = TEST_DATABASE_URL): Promise<TestSchema> {
  const name = `vp_test_${randomBytes(6).toString('hex')}`;
  await withClient(baseUrl, (client) => client.query(`CREATE SCHEMA ${name}`));
  return {
    name,
    url: withSearchPath(baseUrl, name),
    drop: () => withClient(baseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)).then(() => {}),
  };
}

/** A LOGIN role for the app, whose write grants a test can take away and give back. */
export interface RestrictedRole {
  readonly name: string;
  /** Connects as the role, with the schema's search_path. */
  readonly url: string;
  /** Revokes INSERT, UPDATE and DELETE on the schema's tables; open connections feel it at their next statement. */
  revokeWrites(): Promise<void>;
  /** Grants INSERT, UPDATE and DELETE on the schema's tables again. */
  restoreWrites(): Promise<void>;
  /** Drops the role and its grants (roles are server-wide: a schema's drop leaves them). Call once. */
  drop(): Promise<void>;
}

/**
 * A new LOGIN role with what the app needs to run but not to migrate: USAGE on the schema, SELECT,
 * INSERT, UPDATE and DELETE on its tables, USAGE and SELECT on its sequences. The grants cover the
 * tables there are now, so migrate first as the owner (`PostgresStore.open(schema.url)`), then connect
 * the app with the role's `url`. The role also has a password, so `url` works whether the server
 * trusts loopback connections (as the local test server does) or asks for one.
 */
export async function createRestrictedRole(schema: TestSchema): Promise<RestrictedRole> {
  const name = `vp_role_${randomBytes(6).toString('hex')}`;
  const password = randomBytes(16).toString('hex');
  const writes = `INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema.name}`;
  const asOwner = (sql: string) => withClient(schema.url, (client) => client.query(sql)).then(() => {});
  await asOwner(`
    CREATE ROLE ${name} LOGIN PASSWORD '${password}';
    GRANT USAGE ON SCHEMA ${schema.name} TO ${name};
    GRANT SELECT, ${writes} TO ${name};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema.name} TO ${name};
  `);
  const url = new URL(schema.url);
  url.username = name;
  url.password = password;
  return {
    name,
    url: url.toString(),
    revokeWrites: () => asOwner(`REVOKE ${writes} FROM ${name}`),
    restoreWrites: () => asOwner(`GRANT ${writes} TO ${name}`),
    drop: () => asOwner(`DROP OWNED BY ${name}; DROP ROLE ${name}`),
  };
}

/** `url` with `options=-c search_path=<schema>` added, which PostgreSQL applies to every connection. */
export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  const options = [parsed.searchParams.get('options'), `-c search_path=${schema}`].filter(Boolean).join(' ');
  parsed.searchParams.set('options', options);
  return parsed.toString();
}

/** Whether the test server accepts a connection and a query. */
export async function postgresAvailable(url = TEST_DATABASE_URL): Promise<boolean> {
  try {
    await withClient(url, (client) => client.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

let warned = false;

/**
 * `describe` for tests that need the PostgreSQL server. When it is unreachable: under CI=true the
 * block fails, saying why; elsewhere it is skipped, with one warning.
 *
 * Jest collects tests synchronously, so the probe runs synchronously, in a child process.
 */
export function describeWithPostgres(name: string, fn: () => void): void {
  const problem = probeSynchronously(TEST_DATABASE_URL);
  if (problem === undefined) {
    describe(name, fn);
    return;
  }
  const why = `PostgreSQL at ${describePostgresTarget(TEST_DATABASE_URL)} is unreachable (${problem})`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('has a PostgreSQL server to run against', () => {
        throw new Error(
          `${why}. CI=true, so this is a failure, not a skip: .ci/run starts the local server; ` +
            'TEST_DATABASE_URL points the tests at another.',
        );
      });
    });
    return;
  }
  if (!warned) {
    warned = true;
    console.warn(`Skipping PostgreSQL tests: ${why}. Start it, or set TEST_DATABASE_URL; with CI=true this fails.`);
  }
  describe.skip(name, fn);
}

/** undefined when the server answers, else why not (never the URL itself: it may hold a password). */
function probeSynchronously(url: string): string | undefined {
  const script = `
    const { Client } = require(${JSON.stringify(require.resolve('pg'))});
    const client = new Client({ connectionString: process.env.PROBE_URL, connectionTimeoutMillis: ${PROBE_TIMEOUT_MS} });
    client.on('error', () => {});
    client.connect().then(() => client.query('SELECT 1')).then(
      () => client.end().then(() => process.exit(0)),
      (error) => {
        const inner = error && Array.isArray(error.errors) && error.errors[0];
        process.stderr.write(String((inner || error).message || (inner || error).code || error));
        process.exit(1);
      },
    );
  `;
  const result = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, PROBE_URL: url },
    encoding: 'utf8',
    timeout: PROBE_TIMEOUT_MS * 3,
  });
  if (result.status === 0) return undefined;
  if (result.error) return result.error.message;
  return result.stderr.trim().split('\n')[0] || `probe exited with ${result.status ?? result.signal}`;
}

/** Runs `use` on a fresh connection to `url`, closed afterwards whatever happens. */
export async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
