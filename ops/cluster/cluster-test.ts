// `npm run test:cluster`: the deployment of docs/scaling.md run for real on this machine, from
// Debian's packages, loopback only, bounded in time (CLUSTER_TEST_LIMIT_S, 300 s), every process
// stopped by PID and every directory removed at the end, pass or fail (ops/cluster/cluster.ts).
//
// HAProxy → 2 app processes → PgBouncer (transaction mode) → PostgreSQL primary + hot standby
// (synchronous streaming replication), and checks, in order:
//  1. the start-up lock holds through PgBouncer: both processes wait while another client holds it;
//  2. LISTEN/NOTIFY: each app's change feed listens through PgBouncer's session-mode pool (a
//     LISTEN through the transaction-mode pool hears nothing), and a write on one process
//     invalidates the other's cached page;
//  3. advisory transaction locks (the audit chain) under concurrent writes through PgBouncer;
//     prepared statements: the apps run with DATABASE_PREPARED_STATEMENTS=off (PgBouncer 1.18 could
//     not carry them), and nothing but server/db/prepared-statements.ts names a statement;
//  4. read-your-writes through the proxy; lag-tolerant reads are served by the standby;
//  5. the standby lagging (replay paused) and stopped: those reads fall back to the primary;
//  6. the primary killed (SIGKILL) during writes, the standby promoted, PgBouncer repointed: every
//     write acknowledged before the kill is on the new primary, and the cluster serves again.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createDatabase, migrateDatabase, sql } from '../../server/db/client';
import { verifyAuditChain } from '../../server/platform/audit/audit';
import { hashPassword } from '../../server/platform/auth/password';
import { generateDemoBloc } from '../../server/seed/demo-bloc';
import { loadBloc } from '../../server/seed/load-demo';
import { type Cluster, log, ports, root, sleep, withCluster } from './cluster';
import { login, type Session, setPosition } from './http';

const limitMs = Number(process.env.CLUSTER_TEST_LIMIT_S ?? 300) * 1000;
const started = Date.now();
const passed: string[] = [];
const pass = (what: string) => {
  passed.push(what);
  log(`PASS ${what}`);
};

const query = async <T = Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
) => {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
};

const until = async (what: string, test: () => Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await test().catch(() => false)) return Date.now() - (end - ms);
    await sleep(100);
  }
  throw new Error(`timed out (${ms} ms) waiting for ${what}`);
};

type ListItem = { id: number; position: string | null };
const listPage = async (s: Session, url: string, base?: string) => {
  const res = await s.get(url, base);
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return {
    items: ((await res.json()) as { items: ListItem[] }).items,
    cache: res.headers.get('x-dangvu-cache'),
  };
};
const positionIn = (items: ListItem[], id: number) => items.find((i) => i.id === id)?.position;

/** Tuples the standby's dangvu database has returned so far (its statistics, flushed within ~1 s). */
const standbyTuples = async (c: Cluster) =>
  Number(
    (
      await query<{ n: string }>(
        c.url(ports.standby),
        `select tup_returned + tup_fetched as n from pg_stat_database where datname = 'dangvu'`,
      )
    )[0].n,
  );

const run = async (c: Cluster) => {
  await c.startPrimary();
  await c.startStandby();
  await c.startBouncer();
  // A small bloc (800 members), loaded directly on the primary: the demo's first start would take
  // minutes on a busy 2-core machine, and every check below needs only members and one account.
  const setup = await createDatabase({ databaseUrl: c.url(ports.primary), poolSize: 4 });
  await migrateDatabase(setup);
  await loadBloc(setup.db, generateDemoBloc({ seed: 4420, grassroots: 12, members: 800 }));
  await setup.db.execute(sql`analyze`);
  const password = 'Cluster2026pass';
  await setup.db.execute(
    sql`insert into users (username, display_name, password_hash, role, scope_org_unit_id)
        select 'cluster', 'Kiểm thử cụm', ${await hashPassword(password)}, 'org_office', id
        from org_units where parent_id is null`,
  );
  await setup.close();
  log('primary: migrated, 800-member bloc and one office account loaded');

  // 1. The start-up lock through PgBouncer: held here, in a transaction through the pool, while
  // both processes start; both wait for it, then start.
  const holder = new pg.Client({ connectionString: c.appUrls.primary });
  await holder.connect();
  await holder.query('begin');
  await holder.query('select pg_advisory_xact_lock($1)', [0x64616e67]);
  const starting = c.startApps({ DANGVU_SEED: 'none' });
  starting.catch(() => {});
  await until(
    'both processes to wait for the start-up lock',
    async () =>
      (
        await query<{ n: number }>(
          c.url(ports.primary),
          `select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`,
        )
      )[0].n === 2,
    180_000,
  );
  const upEarly = c.apps.filter((a) => a.output.join('').includes('đang chạy')).length;
  await holder.query('commit');
  await holder.end();
  const apps = await starting;
  await c.startProxy();
  // Synchronous from here on (the seed above ran asynchronously: it is 6,000 members of commits).
  c.synchronous(true);
  const primary = c.url(ports.primary);
  log(`cluster up in ${Math.round((Date.now() - started) / 1000)} s`);

  assert.equal(upEarly, 0, 'no process started while the lock was held');
  pass(
    '1. start-up lock (pg_advisory_xact_lock in a transaction) through PgBouncer: while another client held it, both processes waited (2 lock waits in pg_locks), then started',
  );
  const writer = await login(c.proxyUrl, 'cluster', password);
  const reader = await login(c.proxyUrl, 'cluster', password);
  const page = '/api/members?pageSize=50';
  const members = (await listPage(reader, page)).items.map((m) => m.id);
  assert.ok(members.length >= 40);

  // 2. LISTEN/NOTIFY.
  const listeners = await query<{ n: number }>(
    primary,
    `select count(*)::int as n from pg_stat_activity where application_name = 'dangvu data changes'`,
  );
  assert.equal(listeners[0].n, 2, 'both change feeds listen on the primary');
  const heard = { session: 0, transaction: 0 };
  const listenOn = async (database: string, key: keyof typeof heard) => {
    const client = new pg.Client({ connectionString: c.url(ports.bouncer, database) });
    await client.connect();
    client.on('notification', () => heard[key]++);
    await client.query('listen dangvu_data_changed');
    return client;
  };
  const viaSession = await listenOn('dangvu_session', 'session');
  const viaTransaction = await listenOn('dangvu', 'transaction');
  const [app1, app2] = apps.map((a) => `http://127.0.0.1:${a.port}`);
  const target = members[0];
  // A repeated page is served from app 1's cache (retried: any change, even a replay, empties it).
  await until(
    'a cache hit on app 1',
    async () => (await listPage(reader, page, app1)).cache === 'hit',
    10_000,
  );
  assert.equal(await setPosition(writer, target, 'notify-1', app2), 200);
  const invalidatedIn = await until(
    'app 1 to drop its cached page after a write on app 2',
    async () => {
      const again = await listPage(reader, page, app1);
      return positionIn(again.items, target) === 'notify-1';
    },
    5_000,
  );
  await sleep(500);
  await viaSession.end();
  await viaTransaction.end();
  assert.ok(heard.session >= 1, 'LISTEN through the session-mode pool hears the write');
  assert.equal(heard.transaction, 0, 'LISTEN through the transaction-mode pool hears nothing');
  pass(
    `2. LISTEN/NOTIFY: 2 change feeds listen through PgBouncer's session pool; a write on app 2 showed in app 1's cached page ${invalidatedIn} ms later (its change feed, then the standby's replay); LISTEN through the transaction pool heard ${heard.transaction} notifications (session pool: ${heard.session})`,
  );

  // 3. Advisory transaction locks under concurrent writes; prepared statements.
  const concurrent = await Promise.all(
    members.slice(1, 21).map((id, i) => setPosition(writer, id, `concurrent-${i}`)),
  );
  assert.deepEqual(concurrent, Array(20).fill(200));
  const audit = await createDatabase({ databaseUrl: primary, poolSize: 2 });
  const chain = await verifyAuditChain(audit.db);
  await audit.close();
  assert.ok(chain.ok, 'the audit chain is whole');
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) return sources(p);
      return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
    });
  // The one place that names statements is turned off for these apps (ops/cluster/cluster.ts).
  const named = sources(path.join(root, 'server')).filter(
    (f) =>
      !f.endsWith(path.join('db', 'prepared-statements.ts')) &&
      /\.prepare\(|\bname:\s*'[^']*'\s*,\s*text:|\{\s*\.\.\.\w+,\s*name\s*\}/.test(
        readFileSync(f, 'utf8'),
      ),
  );
  assert.deepEqual(named, [], 'no other named prepared statement in the server');
  const cluster = readFileSync(path.join(root, 'ops/cluster/cluster.ts'), 'utf8');
  assert.match(
    cluster,
    /DATABASE_PREPARED_STATEMENTS: 'off'/,
    'the apps behind PgBouncer prepare nothing',
  );
  const bouncerVersion = execFileSync('pgbouncer', ['--version']).toString().split('\n')[0];
  pass(
    `3. 20 concurrent writes through the proxy and PgBouncer, each under the audit's pg_advisory_xact_lock: all 200, audit chain whole (${chain.checked} records); prepared statements off behind PgBouncer, none named elsewhere in server/ (${bouncerVersion} has no max_prepared_statements)`,
  );

  // 4. Read-your-writes, and the standby serving lag-tolerant reads.
  for (let i = 0; i < 10; i++) {
    const id = members[21 + i];
    assert.equal(await setPosition(writer, id, `ryw-${i}`), 200);
    assert.equal(
      positionIn((await listPage(writer, page)).items, id),
      `ryw-${i}`,
      'the writer sees its write in the list at once',
    );
  }
  reader.forgetWrites();
  await sleep(1_500);
  const before = await standbyTuples(c);
  for (let i = 0; i < 20; i++)
    await listPage(reader, `/api/members?pageSize=50&page=${(i % 15) + 2}`);
  await sleep(1_500);
  const served = (await standbyTuples(c)) - before;
  assert.ok(served > 2_000, `the standby served the list pages (${served} tuples)`);
  pass(
    `4. read-your-writes: 10 writes, each seen at once in the list by its session; 20 list pages of a session that had not written were read on the standby (${served} tuples there)`,
  );

  // 5. The standby lagging, then stopped.
  await query(c.url(ports.standby), 'select pg_wal_replay_pause()');
  const lagged = members[31];
  assert.equal(await setPosition(writer, lagged, 'while-lagging'), 200);
  await sleep(2_000);
  const onStandby = await query<{ position: string | null }>(
    c.url(ports.standby),
    'select position from members where id = $1',
    [lagged],
  );
  assert.notEqual(
    onStandby[0].position,
    'while-lagging',
    'the paused standby does not have the write',
  );
  assert.equal(
    positionIn((await listPage(reader, page)).items, lagged),
    'while-lagging',
    'a session that had not written sees it: read on the primary',
  );
  await query(c.url(ports.standby), 'select pg_wal_replay_resume()');
  await until(
    'the standby to catch up',
    async () =>
      (
        await query<{ position: string }>(
          c.url(ports.standby),
          'select position from members where id = $1',
          [lagged],
        )
      )[0].position === 'while-lagging',
    10_000,
  );
  pass(
    '5a. standby lagging (replay paused): lag-tolerant reads went to the primary and saw the latest write; the standby caught up when resumed',
  );

  // With one standby, synchronous commits would wait for it while it is down: degrade to
  // asynchronous first (what Patroni's non-strict synchronous mode does), restore after.
  c.synchronous(false);
  c.stopStandby();
  // 4 readers for 3 s from the stop: reads in flight on the standby fail (PgBouncer answers a
  // client waiting for a server that is down after query_wait_timeout, 10 s); later ones go to the primary.
  let failed = 0;
  let ok = 0;
  const burstEnd = Date.now() + 3_000;
  const burstStart = Date.now();
  let slowest = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (Date.now() < burstEnd) {
        const t = Date.now();
        const r = await reader.get(page);
        await r.arrayBuffer();
        slowest = Math.max(slowest, Date.now() - t);
        if (r.status === 200) ok++;
        else failed++;
      }
    }),
  );
  const burstMs = Date.now() - burstStart;
  const stopped = members[32];
  assert.equal(await setPosition(writer, stopped, 'standby-down'), 200);
  reader.forgetWrites();
  const after = await Promise.all(Array.from({ length: 20 }, () => listPage(reader, page)));
  assert.ok(
    after.every((p) => positionIn(p.items, stopped) === 'standby-down'),
    'reads on the primary while the standby is down',
  );
  c.restartStandby();
  c.synchronous(true);
  await until(
    'the standby to stream synchronously again',
    async () =>
      (
        await query<{ s: string }>(
          primary,
          `select sync_state as s from pg_stat_replication where application_name = 'standby1'`,
        )
      )[0]?.s === 'sync',
    30_000,
  );
  pass(
    `5b. standby stopped: 4 readers from the stop on, over ${Math.round(burstMs / 100) / 10} s: ${ok} reads answered, ${failed} failed (on the standby as it stopped; slowest answer ${slowest} ms); then 20 of 20 reads answered from the primary, with a write made meanwhile; restarted, it streams synchronously again`,
  );

  // 6. The primary dies during writes; the standby is promoted.
  const acknowledged = new Map<number, string>();
  const failures: string[] = [];
  let killed = false;
  let writing = true;
  const pool = members.slice(33);
  let next = 0;
  let acks = 0;
  const workers = Array.from({ length: 4 }, async () => {
    while (writing) {
      const id = pool[next++ % pool.length];
      const value = `failover-${next}`;
      const status = await setPosition(writer, id, value).catch(() => 0);
      if (status === 200) {
        acknowledged.set(id, value);
        if (!killed) acks++;
      } else if (killed) failures.push(String(status));
      if (killed && status !== 200) await sleep(200);
    }
  });
  await until('40 acknowledged writes', async () => acks >= 40, 30_000);
  const beforeKill = new Map(acknowledged);
  const acksBeforeKill = acks;
  killed = true;
  c.killPrimary();
  const killedAt = Date.now();
  // Acknowledged before the kill: everything in `beforeKill`; a write answered 200 after the kill
  // was committed by a new primary (below), or never answered.
  await sleep(1_000);
  c.promoteStandby();
  await c.repointBouncer(ports.standby);
  const serving = await until(
    'a write through the proxy after the promotion',
    async () => (await setPosition(writer, members[0], 'after-failover')) === 200,
    30_000,
  );
  const downMs = Date.now() - killedAt;
  writing = false;
  await Promise.all(workers);
  const newPrimary = c.url(ports.standby);
  const rows = await query<{ id: number; position: string }>(
    newPrimary,
    'select id, position from members where id = any($1)',
    [[...beforeKill.keys()]],
  );
  const found = new Map(rows.map((r) => [r.id, r.position]));
  // A member written again after the kill may hold a later value: acknowledged values only grow.
  const lost = [...beforeKill].filter(([id, v]) => {
    const now = found.get(id) ?? '';
    return now !== v && !(now.startsWith('failover-') && Number(now.slice(9)) > Number(v.slice(9)));
  });
  assert.deepEqual(lost, [], 'every write acknowledged before the kill is on the new primary');
  const promoted = await query<{ r: boolean }>(newPrimary, 'select pg_is_in_recovery() as r');
  assert.equal(promoted[0].r, false);
  await until(
    'both change feeds to listen on the new primary',
    async () =>
      (
        await query<{ n: number }>(
          newPrimary,
          `select count(*)::int as n from pg_stat_activity where application_name = 'dangvu data changes'`,
        )
      )[0].n === 2,
    15_000,
  );
  const reads = await Promise.all(
    Array.from({ length: 20 }, () => reader.get(page).then((r) => r.status)),
  );
  assert.deepEqual(reads, Array(20).fill(200));
  const audit2 = await createDatabase({ databaseUrl: newPrimary, poolSize: 2 });
  const chain2 = await verifyAuditChain(audit2.db);
  await audit2.close();
  assert.ok(chain2.ok, 'the audit chain is whole after the failover');
  pass(
    `6. primary killed (SIGKILL) during writes (4 writers, ${acksBeforeKill} writes acknowledged before the kill, the last of them per member checked: ${beforeKill.size} members), standby promoted 1 s after the kill, PgBouncer repointed: every acknowledged write is on the new primary; writes served again ${Math.round(serving / 100) / 10} s after the promotion (${Math.round(downMs / 100) / 10} s after the kill; ${failures.length} writes failed meanwhile), both change feeds listen again, reads 20/20, audit chain whole (${chain2.checked} records)`,
  );
};

await withCluster({ name: `test-${process.pid}`, limitMs }, run)
  .then(() => {
    log(
      `cluster test passed: ${passed.length} checks in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    process.exit(0);
  })
  .catch((error) => {
    log(
      `cluster test FAILED after ${Math.round((Date.now() - started) / 1000)} s: ${error instanceof Error ? error.stack : String(error)}`,
    );
    process.exit(1);
  });
