import { PostgresStore } from '../../src/infrastructure/store/postgres-store';
import {
  createRestrictedRole,
  createTestSchema,
  describeWithPostgres,
  type RestrictedRole,
  type TestSchema,
  withClient,
} from '../support/postgres';
import { newFlow } from './store-contract';

describeWithPostgres('a restricted PostgreSQL role', () => {
  let schema: TestSchema;
  let role: RestrictedRole;

  beforeEach(async () => {
    schema = await createTestSchema();
    await (await PostgresStore.open(schema.url)).close(); // migrations run as the schema's owner
    role = await createRestrictedRole(schema);
  });

  afterEach(async () => {
    await role.drop();
    await schema.drop();
  });

  it('connects as itself, with the schema on its search_path', async () => {
    const { rows } = await withClient(role.url, (client) =>
      client.query('SELECT current_user AS name, current_schema() AS schema'),
    );
    expect(rows).toEqual([{ name: role.name, schema: schema.name }]);
  });

  it('lets the app open the migrated schema and write, until its write grants are revoked', async () => {
    const store = await PostgresStore.open(role.url);
    try {
      expect(await store.createFlow(newFlow('before'))).toBe(true);

      await role.revokeWrites();
      await expect(store.createFlow(newFlow('revoked'))).rejects.toMatchObject({
        code: '42501', // insufficient_privilege
        message: 'permission denied for table flows',
      });
      expect(await store.findFlow('before')).toMatchObject({ id: 'before' });

      await role.restoreWrites();
      expect(await store.createFlow(newFlow('restored'))).toBe(true);
    } finally {
      await store.close();
    }
  });
});
