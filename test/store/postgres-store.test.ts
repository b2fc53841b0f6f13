import { Client } from 'pg';
import { openStore } from '../../src/infrastructure/store/open-store';
import { POSTGRES_MIGRATIONS } from '../../src/infrastructure/store/postgres-migrations';
import { PostgresStore } from '../../src/infrastructure/store/postgres-store';
import { advisoryLockIds } from '../../src/infrastructure/store/postgres-transaction';
import type { RateLimit } from '../../src/verification/model';
import type { VerificationStore } from '../../src/verification/ports';
import { createTestSchema, describeWithPostgres, type TestSchema } from '../support/postgres';
import { describeStoreContract, newFlow, OLD_AUDIT_EVENT, recordFor, SAMPLE_AUDIT_EVENT } from './store-contract';

describeWithPostgres('PostgreSQL', () => {
  describeStoreContract('PostgreSQL', async () => {
    const schema = await createTestSchema();
    let store: VerificationStore = await PostgresStore.open(schema.url);
    return {
      get store() {
        return store;
      },
      async reopen() {
        await store.close();
        store = await PostgresStore.open(schema.url);
        return store;
      },
      async destroy() {
        await store.close();
        await schema.drop();
      },
    };
  });

  describe('PostgreSQL specifics', () => {
    let schema: TestSchema;

    beforeEach(async () => {
      schema = await createTestSchema();
    });

    afterEach(() => schema.drop());

    async function raw<T>(use: (client: Client) => Promise<T>): Promise<T> {
      const client = new Client({ connectionString: schema.url });
      await client.connect();
      try {
        return await use(client);
      } finally {
        await client.end();
      }
    }

    it('refuses to change or truncate audit events, and to delete one younger than the audit retention', async () => {
      const store = await PostgresStore.open(schema.url);
      await store.appendAudit(SAMPLE_AUDIT_EVENT);
      await store.close();
      await raw(async (client) => {
        await expect(client.query("UPDATE audit_events SET type = 'verified'")).rejects.toThrow('append-only');
        await expect(client.query('DELETE FROM audit_events')).rejects.toThrow('append-only');
        await expect(client.query('TRUNCATE audit_events')).rejects.toThrow('append-only');
        await client.query('INSERT INTO audit_events (at, team_id, user_id, type) VALUES ($1, $2, $3, $4)', [
          OLD_AUDIT_EVENT.at,
          'T1',
          'U1',
          'flow_started',
        ]);
        const cutoff = SAMPLE_AUDIT_EVENT.at - 400 * 86_400;
        expect((await client.query('DELETE FROM audit_events WHERE at < $1', [cutoff])).rowCount).toBe(1);
        await expect(client.query('UPDATE audit_retention SET min_age_seconds = 60')).rejects.toThrow('check');
        expect((await client.query('SELECT count(*)::int AS n FROM audit_events')).rows).toEqual([{ n: 1 }]);
      });
    });

    it('migrates once when several processes open a new database at the same moment', async () => {
      const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresStore.open(schema.url, { max: 2 })));
      await Promise.all(stores.map((store) => store.close()));
      const versions = await raw(async (client) => {
        const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY 1');
        return rows.map((row) => row.version);
      });
      expect(versions).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));
    });

    it('is what openStore gives for postgres:// and postgresql:// URLs', async () => {
      for (const url of [schema.url, schema.url.replace(/^postgres:/, 'postgresql:')]) {
        const store = await openStore(url);
        try {
          expect(store).toBeInstanceOf(PostgresStore);
          expect(await store.createFlow(newFlow(url))).toBe(true);
        } finally {
          await store.close();
        }
      }
    });

    describe('two processes (two pools) on one database', () => {
      let first: PostgresStore;
      let second: PostgresStore;
      /** Alternates between the two stores, as requests spread over two replicas. */
      const either = (index: number): PostgresStore => (index % 2 === 0 ? first : second);

      beforeEach(async () => {
        first = await PostgresStore.open(schema.url, { max: 5 });
        second = await PostgresStore.open(schema.url, { max: 5 });
      });

      afterEach(async () => {
        await first.close();
        await second.close();
      });

      it('never counts more attempts than the limit', async () => {
        await first.createFlow(newFlow('f1'));
        await second.markSent('f1', 'm-1', 700);
        const claims = await Promise.all(Array.from({ length: 40 }, (_, i) => either(i).claimAttempt('f1', 5, 150)));
        expect(claims.filter((claim) => claim !== undefined).sort()).toEqual([1, 2, 3, 4, 5]);
        expect(await first.findFlow('f1')).toMatchObject({ attempts: 5 });
      });

      it('never exceeds any rate limit, whatever order the buckets are given in', async () => {
        const team: RateLimit = { bucket: 'send:team:T1', limit: 5, windowSeconds: 3_600 };
        const member = (user: number): RateLimit => ({
          bucket: `send:member:T1:U${user}`,
          limit: 2,
          windowSeconds: 3_600,
        });
        const takes = Array.from({ length: 60 }, (_, i) => {
          const limits = i % 3 === 0 ? [team, member(i % 4)] : [member(i % 4), team];
          return either(i)
            .takeRateLimits(limits, 1_000)
            .then((result) => ({ user: i % 4, ok: result.kind === 'taken' }));
        });
        const granted = (await Promise.all(takes)).filter((take) => take.ok);
        expect(granted).toHaveLength(5);
        for (let user = 0; user < 4; user += 1) {
          expect(granted.filter((take) => take.user === user).length).toBeLessThanOrEqual(2);
        }
        const counts = await Promise.all([team, member(0), member(1), member(2), member(3)].map(countEvents));
        expect(counts[0]).toBe(5);
        expect(counts.slice(1).reduce((sum, count) => sum + count, 0)).toBe(5);
      });

      async function countEvents(limit: RateLimit): Promise<number> {
        const client = new Client({ connectionString: schema.url });
        await client.connect();
        try {
          const { rows } = await client.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM rate_events WHERE bucket = $1',
            [limit.bucket],
          );
          return rows[0]?.n ?? -1;
        } finally {
          await client.end();
        }
      }

      it('completes a flow once', async () => {
        await first.createFlow(newFlow('f1'));
        await first.markSent('f1', 'm-1', 700);
        const results = await Promise.all(
          Array.from({ length: 12 }, (_, i) => either(i).completeFlow('f1', recordFor('f1'), false)),
        );
        expect(results.filter((result) => result === 'completed')).toHaveLength(1);
        expect(results.filter((result) => result === 'not_pending')).toHaveLength(11);
      });

      it('lets only one of two members racing for the same number have it', async () => {
        const rounds = Array.from({ length: 10 }, async (_, round) => {
          const e164 = `+6149157${String(round).padStart(4, '0')}`;
          const alice = { teamId: 'T1', userId: `A${round}` };
          const bob = { teamId: 'T1', userId: `B${round}` };
          for (const [store, member] of [
            [first, alice],
            [second, bob],
          ] as const) {
            const id = `${member.userId}-f`;
            await store.createFlow(newFlow(id, { ...member, e164 }));
            await store.markSent(id, `m-${id}`, 700);
          }
          const results = await Promise.all([
            first.completeFlow(`${alice.userId}-f`, recordFor(`${alice.userId}-f`, { ...alice, e164 }), false),
            second.completeFlow(`${bob.userId}-f`, recordFor(`${bob.userId}-f`, { ...bob, e164 }), false),
          ]);
          expect([...results].sort()).toEqual(['completed', 'number_taken']);
          const holders = await Promise.all([first.findVerification(alice), second.findVerification(bob)]);
          expect(holders.filter(Boolean)).toHaveLength(1);
        });
        await Promise.all(rounds);
      });

      it('hands each due tag job to exactly one claimer', async () => {
        for (let index = 0; index < 10; index += 1) {
          await either(index).enqueueTagJob(
            { teamId: 'T1', userId: `U${index}`, kind: 'set', flowId: `f${index}`, tries: 1 },
            500,
          );
        }
        const claims = await Promise.all(Array.from({ length: 40 }, (_, i) => either(i).claimTagJob(500, 60)));
        const ids = claims.flatMap((claim) => (claim ? [claim.id] : []));
        expect(ids).toHaveLength(10);
        expect(new Set(ids).size).toBe(10);
        expect(await first.claimTagJob(500, 60)).toBeUndefined();
      });
    });
  });
});

describe('PostgreSQL store without a server', () => {
  it('fails to open without putting the password in the error', async () => {
    const url = 'postgres://verify:hunter2-not-here@127.0.0.1:1/verify';
    const failure = await PostgresStore.open(url).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toMatch(/^Could not open the PostgreSQL store at 127\.0\.0\.1:1\/verify: /);
    expect(failure?.message).not.toContain('hunter2');
    expect(String(failure?.cause)).not.toContain('hunter2');
  });

  it('orders advisory locks the same way in every process, each key once', () => {
    const ids = advisoryLockIds(['rate:b', 'rate:a', 'rate:b']);
    expect(ids).toHaveLength(2);
    expect(advisoryLockIds(['rate:a', 'rate:b'])).toEqual(ids);
    expect(BigInt(ids[0] ?? '0') < BigInt(ids[1] ?? '0')).toBe(true);
  });
});
