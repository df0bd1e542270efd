import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/test-db';
import { createDatabase, type Database, queryRows, sql } from './client';

/**
 * On PostgreSQL (TEST_DATABASE_URL): the app's statements are prepared once per connection and give
 * the same answers as unnamed ones (issue 24). PGlite has no pool of connections to prepare on.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('prepared statements on PostgreSQL', () => {
  let base: Database;
  let url: string;
  beforeAll(async () => {
    base = await openTestDatabase('demo');
    url = (base.pool as unknown as { options: { connectionString: string } }).options
      .connectionString;
  });
  afterAll(async () => {
    await base?.close();
  });

  const open = (preparedStatements: boolean) =>
    createDatabase({ databaseUrl: url, poolSize: 1, preparedStatements });
  const unitsOfKind = (database: Database, kind: string) =>
    queryRows<{ name: string }>(
      database.db,
      sql`select o.name from org_units o where o.kind = ${kind} order by o.name, o.id limit 5`,
    );
  const preparedHere = (database: Database) =>
    queryRows<{ statement: string }>(
      database.db,
      sql`select statement from pg_prepared_statements`,
    );

  it('prepares a statement run again on its connection, and answers as unnamed statements do', async () => {
    const kinds = ['cell', 'grassroots_committee', 'grassroots_cell'];
    const on = await open(true);
    const off = await open(false);
    try {
      for (const kind of kinds) {
        const unnamed = await unitsOfKind(off, kind);
        expect(unnamed.length).toBeGreaterThan(0);
        expect(await unitsOfKind(on, kind)).toEqual(unnamed);
        expect(await unitsOfKind(on, kind)).toEqual(unnamed);
      }
      const onList = (await preparedHere(on)).map((r) => r.statement);
      expect(onList.some((s) => s.includes('from org_units o where o.kind = $1'))).toBe(true);
      expect(await preparedHere(off)).toEqual([]);
    } finally {
      await on.close();
      await off.close();
    }
  });
});
