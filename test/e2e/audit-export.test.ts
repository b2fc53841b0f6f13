import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/infrastructure/store/sqlite-store';

const CLI = join(__dirname, '..', '..', 'src', 'cli', 'export-audit.ts');

function runExport(args: string[], databaseUrl: string) {
  const { PATH, HOME } = process.env;
  return spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), CLI, ...args], {
    env: { PATH: PATH ?? '', HOME: HOME ?? '', DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
}

describe('audit export', () => {
  let folder: string;
  let databaseUrl: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'verify-phone-audit-'));
    databaseUrl = `sqlite:${join(folder, 'audit.db')}`;
    const store = new SqliteStore(join(folder, 'audit.db'));
    const base = { userId: 'U1', flowId: 'f1', maskedNumber: '+61 4•• ••• 156', reason: null };
    await store.appendAudit({ ...base, teamId: 'T1', type: 'sent', at: 1_800_000_000 });
    await store.appendAudit({ ...base, teamId: 'T1', type: 'verified', at: 1_800_000_060 });
    await store.appendAudit({ ...base, teamId: 'T2', type: 'sent', at: 1_800_000_120 });
    await store.close();
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("prints one workspace's events as JSON lines, newest first", () => {
    const result = runExport(['--team', 'T1'], databaseUrl);
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({
        type: 'verified',
        teamId: 'T1',
        at: '2027-01-15T08:01:00.000Z',
        maskedNumber: '+61 4•• ••• 156',
      }),
      expect.objectContaining({ type: 'sent', teamId: 'T1', at: '2027-01-15T08:00:00.000Z' }),
    ]);
  });

  it('explains its usage when the workspace is missing', () => {
    const result = runExport([], databaseUrl);
    expect(result.status).toBe(64);
    expect(result.stderr).toContain('usage: npm run audit:export -- --team');
  });

  it('names a malformed DATABASE_URL', () => {
    const result = runExport(['--team', 'T1'], 'mysql://nope');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL must look like');
  });
});
