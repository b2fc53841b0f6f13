import 'dotenv/config';
import { parseArgs } from 'node:util';
import { ConfigError, loadDatabaseUrl } from '../config';
import { openStore } from '../infrastructure/store/open-store';
import { errorText } from '../shared/error-text';

const USAGE = 'usage: npm run audit:export -- --team T0123456789 [--limit 1000]';

/**
 * Prints a workspace's audit log as JSON lines, newest first, for an admin's records or a SIEM.
 * Reads only DATABASE_URL. Events hold masked numbers and never a code.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { team: { type: 'string' }, limit: { type: 'string', default: '1000' } } });
  const limit = Number(values.limit);
  if (!values.team || !Number.isInteger(limit) || limit < 1) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(64); // EX_USAGE
  }
  const store = await openStore(loadDatabaseUrl(process.env));
  try {
    for (const event of await store.listAudit(values.team, limit)) {
      process.stdout.write(`${JSON.stringify({ ...event, at: new Date(event.at * 1000).toISOString() })}\n`);
    }
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  const reason = error instanceof ConfigError ? error.message : errorText(error);
  process.stderr.write(`audit export failed: ${reason}\n`);
  process.exit(1);
});
