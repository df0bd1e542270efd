import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, openTestDatabase } from '../test/test-db';
import { createDatabase, type Database, openPglite, sql } from './client';
import { createHealthCheck, latestMigrationMillis } from './health';

describe('GET /api/health', () => {
  let t: Awaited<ReturnType<typeof openTestApp>>;
  beforeAll(async () => {
    t = await openTestApp('empty');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 200 without a session when the database answers and its migrations are current', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, database: 'ok', migrations: 'current' });
  });
});

describe('the health check', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('empty');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('is pending while the newest migration of this build is not applied', async () => {
    const latest = latestMigrationMillis();
    expect(latest).toBeGreaterThan(0);
    expect(await createHealthCheck(database, { latest })()).toEqual({
      ok: true,
      database: 'ok',
      migrations: 'current',
    });
    // A build with one migration more than the database has applied.
    const ahead = createHealthCheck(database, { latest: latest + 1 });
    expect(await ahead()).toEqual({ ok: false, database: 'ok', migrations: 'pending' });
    // Applied (here: recorded) later, it turns current, and stays so without asking again.
    await database.db.execute(
      sql`update drizzle.__drizzle_migrations set created_at = ${latest + 1}
          where created_at = ${latest}`,
    );
    expect((await ahead()).migrations).toBe('current');
    await database.db.execute(
      sql`update drizzle.__drizzle_migrations set created_at = ${latest}
          where created_at = ${latest + 1}`,
    );
    expect(await ahead()).toEqual({ ok: true, database: 'ok', migrations: 'current' });
  });

  it('is pending on a database never migrated', async () => {
    const blank = await createDatabase({ pglite: await openPglite() });
    try {
      expect(await createHealthCheck(blank)()).toEqual({
        ok: false,
        database: 'ok',
        migrations: 'pending',
      });
    } finally {
      await blank.close();
    }
  });

  it('is unreachable when the database does not answer', async () => {
    const closed = await createDatabase({ pglite: await openPglite() });
    await closed.close();
    expect(await createHealthCheck(closed, { timeoutMs: 500 })()).toEqual({
      ok: false,
      database: 'unreachable',
      migrations: 'unknown',
    });
  });
});
