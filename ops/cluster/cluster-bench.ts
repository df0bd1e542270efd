// `npm run bench:cluster`: 60 s of mixed reads and writes through HAProxy on the cluster of
// ops/cluster/cluster.ts (2 app processes, PgBouncer in transaction mode, a PostgreSQL primary and a
// hot standby for the lag-tolerant reads), on the 200,000-member province. The same sessions and
// request mix as `npm run bench:load` (bench/load.ts, one process on one PostgreSQL): 200 sessions,
// each looping over a member list page, a diacritic-blind search, the overview, its member's record
// and an edit of that record (1 write in 5 requests). The sessions are opened in the database (the
// login's rate limit is per client address, and every client here is 127.0.0.1). Also measured: the
// CPU time each part of the cluster used, the standby's replay lag, and what each database served.
// Writes bench/results/cluster.{md,json}. Env: BENCH_LOAD_SECONDS (60), BENCH_LOAD_SESSIONS (200).

import { execFileSync, execSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import autocannon from 'autocannon';
import pg from 'pg';
import { datasets } from '../../bench/datasets';
import { toSearchKey } from '../../domain/text/vietnamese';
import { createDatabase, migrateDatabase, sql } from '../../server/db/client';
import { loadBloc } from '../../server/seed/load-demo';
import { type Cluster, log, ports, root, sleep, withCluster } from './cluster';
import { editable } from './http';

const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const sessions = Number(process.env.BENCH_LOAD_SESSIONS ?? 200);
const cookieSecret = 'cluster-cookie-secret-0123456789-abcdefgh';

type Account = { userId: number; memberId: number; query: string; headers: Record<string, string> };

/** Accounts as bench/load.ts makes them, each with a session opened in the database. */
const createSessions = async (url: string): Promise<Account[]> => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const rootId = (await c.query('select id from org_units where parent_id is null')).rows[0].id;
  const grassroots = (
    await c.query(
      `select o.id from org_units o where o.kind in ('grassroots_committee','grassroots_cell') and o.dissolved_on is null
         and exists (select 1 from members m join org_units u on u.id = m.org_unit_id
                     where u.path <@ o.path and m.status = 'full')
       order by o.id limit $1`,
      [sessions],
    )
  ).rows.map((r) => r.id as number);
  const accounts: Account[] = [];
  for (let i = 0; i < sessions; i++) {
    const atRoot = i % 5 === 0;
    const scope = atRoot ? rootId : grassroots[i % grassroots.length];
    const user = (
      await c.query(
        `insert into users (username, display_name, password_hash, role, scope_org_unit_id)
         values ($1, $2, 'not-used', $3, $4) returning id`,
        [
          `load${String(i).padStart(3, '0')}`,
          `Tải thử ${i}`,
          atRoot ? 'org_office' : 'grassroots_office',
          scope,
        ],
      )
    ).rows[0];
    const member = (
      await c.query(
        `select m.id, m.full_name from members m join org_units u on u.id = m.org_unit_id
         where u.path <@ (select path from org_units where id = $1) and m.status = 'full'
         order by m.id offset $2 limit 1`,
        [scope, atRoot ? i : Math.floor(i / grassroots.length)],
      )
    ).rows[0];
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    await c.query(
      `insert into sessions (id, user_id, csrf_token, expires_at) values ($1, $2, $3, now() + interval '1 day')`,
      [createHash('sha256').update(token).digest('hex'), user.id, csrf],
    );
    const cookie = `dv_session=${encodeURIComponent(fastifyCookie.sign(token, cookieSecret))}`;
    accounts.push({
      userId: user.id,
      memberId: member.id,
      query: toSearchKey(member.full_name).split(' ').slice(-2).join(' '),
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    });
  }
  await c.end();
  return accounts;
};

/** CPU seconds (user + system) of a process and all its descendants, from /proc. */
const cpuSeconds = (pid: number): number => {
  const tick = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());
  const own = (p: number) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / tick;
    } catch {
      return 0;
    }
  };
  const children = (p: number): number[] => {
    try {
      return execFileSync('ps', ['-o', 'pid=', '--ppid', String(p)])
        .toString()
        .split('\n')
        .map((s) => Number(s.trim()))
        .filter((n) => n > 0);
    } catch {
      return [];
    }
  };
  const walk = (p: number): number => own(p) + children(p).reduce((sum, c) => sum + walk(c), 0);
  return walk(pid);
};

const tuples = async (url: string) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const row = (
    await c.query(
      `select tup_returned + tup_fetched as read, xact_commit as commits from pg_stat_database where datname = 'dangvu'`,
    )
  ).rows[0];
  await c.end();
  return { read: Number(row.read), commits: Number(row.commits) };
};

const run = async (c: Cluster) => {
  const t0 = Date.now();
  await c.startPrimary();
  const primary = c.url(ports.primary);
  log('building the 200,000-member province on the primary…');
  const database = await createDatabase({ databaseUrl: primary, poolSize: 4 });
  await migrateDatabase(database);
  await loadBloc(database.db, datasets.province.build());
  await database.db.execute(sql`vacuum analyze`);
  await database.close();
  const accounts = await createSessions(primary);
  const loadSeconds = Math.round((Date.now() - t0) / 1000);
  const sizeClient = new pg.Client({ connectionString: primary });
  await sizeClient.connect();
  const databaseBytes = Number(
    (await sizeClient.query(`select pg_database_size('dangvu') as n`)).rows[0].n,
  );
  await sizeClient.end();
  log(`province loaded in ${loadSeconds} s (${Math.round(databaseBytes / 2 ** 20)} MiB)`);
  await c.startStandby();
  await c.startBouncer();
  const apps = await c.startApps({ DANGVU_SEED: 'none' });
  await c.startProxy();

  let writes = 0;
  /** A few answers that were not 2xx, to say what they were. */
  const failures = new Map<string, number>();
  const note = (status: number, body: string) => {
    if (status < 300) return;
    const key = `${status} ${body.slice(0, 160)}`;
    failures.set(key, (failures.get(key) ?? 0) + 1);
  };
  const requestsFor = (s: Account) => {
    let record: Record<string, unknown> | null = null;
    let page = 1;
    return [
      {
        method: 'GET' as const,
        path: '/api/members?page=1',
        headers: s.headers,
        setupRequest: (req: { path: string }) => ({
          ...req,
          path: `/api/members?page=${(page++ % 20) + 1}`,
        }),
        onResponse: note,
      },
      {
        method: 'GET' as const,
        path: `/api/members?q=${encodeURIComponent(s.query)}`,
        headers: s.headers,
        onResponse: note,
      },
      { method: 'GET' as const, path: '/api/overview', headers: s.headers, onResponse: note },
      {
        method: 'GET' as const,
        path: `/api/members/${s.memberId}`,
        headers: s.headers,
        onResponse: (status: number, body: string) => {
          note(status, body);
          record = status === 200 ? (JSON.parse(body) as Record<string, unknown>) : null;
        },
      },
      {
        method: 'PUT' as const,
        path: `/api/members/${s.memberId}`,
        headers: s.headers,
        setupRequest: (req: Record<string, unknown>) => {
          if (!record) return req;
          writes++;
          return {
            ...req,
            body: JSON.stringify({
              ...editable(record),
              position: `Chuyên viên (tải thử ${writes})`,
            }),
          };
        },
        onResponse: note,
      },
    ];
  };

  // The parts whose CPU time is counted, by PID (the postmasters with their backends).
  const pidOf = (file: string) => Number(readFileSync(file, 'utf8').split('\n')[0]);
  const parts: Record<string, number[]> = {
    'app processes (2)': apps.map((a) => a.child.pid!),
    'PostgreSQL primary': [pidOf(path.join(c.dir, 'primary/postmaster.pid'))],
    'PostgreSQL standby': [pidOf(path.join(c.dir, 'standby/postmaster.pid'))],
    PgBouncer: [pidOf(path.join(c.dir, 'pgbouncer/pgbouncer.pid'))],
    HAProxy: [c.proxyPid()],
  };
  const cpu = () =>
    Object.fromEntries(
      Object.entries(parts).map(([k, pids]) => [k, pids.reduce((s, p) => s + cpuSeconds(p), 0)]),
    );
  // The standby's replay lag as the primary sees it, every second.
  const lags: number[] = [];
  const lagClient = new pg.Client({ connectionString: primary });
  await lagClient.connect();
  const sampling = setInterval(() => {
    lagClient
      .query(
        `select coalesce(extract(epoch from replay_lag), 0) * 1000 as ms from pg_stat_replication`,
      )
      .then((r) => lags.push(Number(r.rows[0]?.ms ?? -1)))
      .catch(() => {});
  }, 1_000);
  let next = 0;
  const before = {
    cpu: cpu(),
    self: process.cpuUsage(),
    primary: await tuples(primary),
    standby: await tuples(c.url(ports.standby)),
  };
  const started = Date.now();
  const result = await autocannon({
    url: c.proxyUrl,
    connections: accounts.length,
    duration: seconds,
    timeout: 30,
    setupClient: (client: { setRequests: (r: unknown[]) => void }) => {
      client.setRequests(requestsFor(accounts[next++ % accounts.length]));
    },
  } as autocannon.Options);
  const wall = (Date.now() - started) / 1000;
  clearInterval(sampling);
  await lagClient.end();
  await sleep(1_500); // statistics are flushed within a second
  const after = {
    cpu: cpu(),
    self: process.cpuUsage(before.self),
    primary: await tuples(primary),
    standby: await tuples(c.url(ports.standby)),
  };
  const cpuUsed: Record<string, number> = Object.fromEntries(
    Object.keys(parts).map((k) => [k, Math.round((after.cpu[k] - before.cpu[k]) * 10) / 10]),
  );
  cpuUsed['load generator (autocannon, this process)'] =
    Math.round((after.self.user + after.self.system) / 1e5) / 10;
  const cpuTotal = Object.values(cpuUsed).reduce((a, b) => a + b, 0);
  const sortedLags = [...lags].sort((a, b) => a - b);

  const commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const summary = {
    date: new Date().toISOString(),
    commit,
    machine,
    loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 10) / 10),
    seconds,
    provinceLoadSeconds: loadSeconds,
    databaseMiB: Math.round(databaseBytes / 2 ** 20),
    sessions: accounts.length,
    requests: result.requests.total,
    reqPerSec: Math.round(result.requests.average),
    writes: Math.round(result.requests.total / 5),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: (result as unknown as { statusCodeStats?: Record<string, { count: number }> })
      .statusCodeStats,
    failedAnswers: Object.fromEntries([...failures].sort((a, b) => b[1] - a[1]).slice(0, 8)),
    cpuSeconds: cpuUsed,
    cpuSecondsTotal: Math.round(cpuTotal * 10) / 10,
    wallSeconds: Math.round(wall * 10) / 10,
    tuplesRead: {
      primary: after.primary.read - before.primary.read,
      standby: after.standby.read - before.standby.read,
    },
    commits: {
      primary: after.primary.commits - before.primary.commits,
      standby: after.standby.commits - before.standby.commits,
    },
    replayLagMs: {
      p50: sortedLags[Math.floor(sortedLags.length / 2)] ?? null,
      max: sortedLags[sortedLags.length - 1] ?? null,
      samples: sortedLags.length,
    },
  };
  const share = (k: string) =>
    `${cpuUsed[k]} s (${Math.round((cpuUsed[k] / wall) * 100)} % of one core)`;
  const md = [
    '# Cluster load test (HAProxy, 2 app processes, PgBouncer, PostgreSQL primary + hot standby)',
    '',
    `Date ${summary.date}, commit ${commit}, ${machine}. \`npm run bench:cluster\` (ops/cluster/cluster-bench.ts).`,
    '',
    `Everything on this one machine, loopback only: HAProxy 2.6 (round robin) → 2 \`server/main.ts\` processes → PgBouncer 1.18 (transaction mode; the change feed's LISTEN through a session-mode pool) → PostgreSQL 15 primary, and a streaming-replication hot standby (asynchronous) serving the lag-tolerant reads (member list and search, overview) while it keeps within 1 s of the primary. Data: the 200,000-member province (${summary.databaseMiB} MiB on disk, built in ${loadSeconds} s). ${summary.sessions} sessions (one connection each: 1 in 5 at the province office, the rest in grassroots offices), ${seconds} s; each loops over a member list page, a diacritic-blind search, the overview, its member's record and an edit of that record (1 write in 5 requests) — the mix of \`bench/results/load.md\` (one process, one PostgreSQL).`,
    '',
    `**Noisy figures.** The machine has 2 cores, and other work ran on it at the same time (load average at the end: ${summary.loadAverageAtEnd.join(', ')}). The load generator, both app processes, both databases, PgBouncer and HAProxy all shared those 2 cores, so the cluster cannot be faster here than one process: it measures that the parts work together under load, and what each part costs, not what separate machines would give.`,
    '',
    '| requests | req/s | writes (≈) | p50 ms | p99 ms | max ms | errors | timeouts | non-2xx |',
    '|---|---|---|---|---|---|---|---|---|',
    `| ${summary.requests} | ${summary.reqPerSec} | ${summary.writes} | ${summary.p50} | ${summary.p99} | ${summary.max} | ${summary.errors} | ${summary.timeouts} | ${summary.non2xx} |`,
    '',
    ...(failures.size
      ? [
          'Answers that were not 2xx (status and the start of the body, how many):',
          '',
          ...Object.entries(summary.failedAnswers).map(
            ([k, n]) => `- ${n} × \`${k.replace(/`/g, "'")}\``,
          ),
          '',
        ]
      : []),
    `How the 2 cores were shared over the ${summary.wallSeconds} s (CPU time of each part, user + system, its processes and their children; ${summary.cpuSecondsTotal} s in all out of ${Math.round(wall * 2)} s available; the rest went to other work on the machine):`,
    '',
    '| part | CPU time |',
    '|---|---|',
    ...Object.keys(cpuUsed).map((k) => `| ${k} | ${share(k)} |`),
    '',
    `Rows read (pg_stat_database, tuples returned + fetched): primary ${summary.tuplesRead.primary.toLocaleString('en')}, standby ${summary.tuplesRead.standby.toLocaleString('en')}. Commits on the primary: ${summary.commits.primary.toLocaleString('en')}. Replay lag of the standby as the primary saw it (pg_stat_replication.replay_lag, each second): p50 ${summary.replayLagMs.p50 === null ? '–' : Math.round(summary.replayLagMs.p50)} ms, max ${summary.replayLagMs.max === null ? '–' : Math.round(summary.replayLagMs.max)} ms over ${summary.replayLagMs.samples} samples.`,
    '',
  ].join('\n');
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(path.join(root, 'bench/results/cluster.md'), md);
  writeFileSync(
    path.join(root, 'bench/results/cluster.json'),
    `${JSON.stringify(summary, null, 2)}\n`,
  );
  process.stdout.write(`\n${md}\n`);
  if (summary.errors || summary.non2xx || summary.timeouts) process.exitCode = 1;
};

await withCluster(
  {
    name: `bench-${process.pid}`,
    limitMs: 60 * 60_000,
    postgresConf: ['shared_buffers = 512MB', 'max_wal_size = 4GB'],
  },
  run,
).then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
