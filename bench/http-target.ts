// A server process for bench/http.ts: `hello` (bare Fastify), `select1` (Fastify + pg), or `app`
// (dangvu itself on an existing benchmark database). Listens on 127.0.0.1 only.
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../server/app';
import { createDatabase, migrateDatabase } from '../server/db/client';

const [mode, port, databaseUrl] = process.argv.slice(2);

if (mode === 'hello') {
  const app = Fastify();
  app.get('/hello', async () => ({ hello: 'world' }));
  await app.listen({ port: Number(port), host: '127.0.0.1' });
} else if (mode === 'select1') {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const app = Fastify();
  app.get('/select1', async () => (await pool.query('select 1 as one')).rows[0]);
  await app.listen({ port: Number(port), host: '127.0.0.1' });
} else {
  // BENCH_PREPARED=off: the statements unnamed, as before issue 24 (the A/B of bench/http.ts).
  const database = await createDatabase({
    databaseUrl,
    poolSize: 10,
    preparedStatements: process.env.BENCH_PREPARED !== 'off',
  });
  // A benchmark database made by an older commit gets this one's migrations (the change triggers).
  await migrateDatabase(database);
  const app = await buildApp({
    database,
    cookieSecret: 'bench-cookie-secret-0123456789-abcdefghijkl',
    serveWeb: false,
    config: { loginRateLimit: 100000 },
  });
  await app.listen({ port: Number(port), host: '127.0.0.1' });
}
process.stdout.write('ready\n');
