// A server process for bench/http.ts: `hello` (bare Fastify), `select1` (Fastify + pg), `app`
// (dangvu itself on an existing benchmark database), or `pglite` (dangvu on the embedded database in
// a data directory, seeded with the demo bloc of `npm start` when empty). Listens on 127.0.0.1 only.
import { existsSync } from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../server/app';
import {
  createDatabase,
  type Database,
  migrateDatabase,
  queryRows,
  refreshStatistics,
  sql,
} from '../server/db/client';
import { users } from '../server/db/schema/index';
import { hashPassword } from '../server/platform/auth/password';
import { seedDemo } from '../server/seed/load-demo';

const [mode, port, databaseUrl] = process.argv.slice(2);

/** dangvu itself on the database, on 127.0.0.1 (logins unlimited: the bench logs in often). */
const serve = async (database: Database) => {
  const app = await buildApp({
    database,
    cookieSecret: 'bench-cookie-secret-0123456789-abcdefghijkl',
    serveWeb: false,
    config: { loginRateLimit: 100000 },
  });
  await app.listen({ port: Number(port), host: '127.0.0.1' });
};

if (mode === 'hello') {
  const app = Fastify();
  app.get('/hello', async () => ({ hello: 'world' }));
  await app.listen({ port: Number(port), host: '127.0.0.1' });
} else if (mode === 'select1') {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const app = Fastify();
  app.get('/select1', async () => (await pool.query('select 1 as one')).rows[0]);
  await app.listen({ port: Number(port), host: '127.0.0.1' });
} else if (mode === 'pglite') {
  // As `npm start` runs it: the demo bloc, statistics refreshed at start; the bench's office account.
  const fresh = !existsSync(databaseUrl);
  const database = await createDatabase({ dataDir: databaseUrl });
  await migrateDatabase(database);
  if (fresh) await seedDemo(database.db);
  await refreshStatistics(database);
  const [root] = await queryRows<{ id: number }>(
    database.db,
    sql`select id from org_units where parent_id is null`,
  );
  await database.db.execute(sql`delete from sessions where user_id in
    (select id from users where username = 'benchhttp')`);
  await database.db.execute(sql`delete from users where username = 'benchhttp'`);
  await database.db.insert(users).values({
    username: 'benchhttp',
    displayName: 'HTTP bench',
    passwordHash: await hashPassword('Bench2026pass'),
    role: 'org_office',
    scopeOrgUnitId: root.id,
  });
  await serve(database);
} else {
  // BENCH_PREPARED=off: the statements unnamed, as before issue 24 (the A/B of bench/http.ts).
  const database = await createDatabase({
    databaseUrl,
    poolSize: 10,
    preparedStatements: process.env.BENCH_PREPARED !== 'off',
  });
  // A benchmark database made by an older commit gets this one's migrations (the change triggers).
  await migrateDatabase(database);
  await serve(database);
}
process.stdout.write('ready\n');
