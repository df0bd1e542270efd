// `npm run bench:http`: HTTP throughput on loopback with autocannon — the bare Fastify ceiling, a
// Fastify + `select 1` ceiling, and dangvu's authenticated read endpoints on the 200,000-member
// province (run `npm run bench:foundation -- --sizes=province --engines=postgres` first to create it).
// Bounded: each run lasts BENCH_HTTP_SECONDS (default 10) at 50 connections, 127.0.0.1 only.
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { toSearchKey } from '../domain/text/vietnamese';
import { hashPassword } from '../server/platform/auth/password';
import { dbSuffix } from './common';

const root = path.resolve(import.meta.dirname, '..');
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dbUrl = (() => {
  const u = new URL(baseUrl);
  u.pathname = `/dangvu_bench_province${dbSuffix}`;
  return u.toString();
})();
const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const connections = 50;

const pgliteDir = path.join(root, 'bench/data/pglite-http');
const pgliteConnections = 20;

const start = (mode: string, port: number, env: Record<string, string> = {}) =>
  new Promise<ChildProcess>((resolve, reject) => {
    const target = mode === 'pglite' ? pgliteDir : dbUrl;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'bench/http-target.ts'), mode, String(port), target],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } },
    );
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`${mode} exited ${code}`)));
  });

type Result = {
  endpoint: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
};

const run = async (
  label: string,
  url: string,
  headers: Record<string, string> = {},
  paths?: string[],
  clients = connections,
): Promise<Result> => {
  const options = {
    url,
    connections: clients,
    duration: seconds,
    headers,
    requests: paths?.map((p) => ({ method: 'GET' as const, path: p })),
  };
  await autocannon({ ...options, duration: 2 }); // warm-up, not counted
  const r = await autocannon(options);
  const result = {
    endpoint: label,
    reqPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
  process.stdout.write(
    `  ${label.padEnd(48)} ${String(result.reqPerSec).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors}  non-2xx ${result.non2xx}\n`,
  );
  return result;
};

const main = async () => {
  // The machine is shared: the load average before and after says how noisy the run was.
  const loadBefore = os.loadavg()[0].toFixed(1);
  const results: Result[] = [];
  const hello = await start('hello', 3901);
  results.push(await run('Fastify hello world', 'http://127.0.0.1:3901/hello'));
  hello.kill();
  const select1 = await start('select1', 3902);
  results.push(await run('Fastify + pg select 1', 'http://127.0.0.1:3902/select1'));
  select1.kill();

  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  // A previous run's sessions hold the user: end them first, so the benchmark can run again.
  await client.query(
    `delete from sessions where user_id in (select id from users where username = 'benchhttp')`,
  );
  await client.query(`delete from users where username = 'benchhttp'`);
  const rootId = (await client.query('select id from org_units where parent_id is null')).rows[0]
    .id;
  await client.query(
    `insert into users (username, display_name, password_hash, role, scope_org_unit_id) values ('benchhttp', 'HTTP bench', $1, 'org_office', $2)`,
    [await hashPassword('Bench2026pass'), rootId],
  );
  const names: string[] = (
    await client.query('select full_name from members order by id limit 300')
  ).rows.map((r) => r.full_name);
  const grassroots: number[] = (
    await client.query(
      `select id from org_units where kind in ('grassroots_committee','grassroots_cell') limit 300`,
    )
  ).rows.map((r) => r.id);
  await client.end();

  // Before issue 24's prepared statements (the same code with them off), computed afresh only.
  const unprepared = await start('app', 3904, { BENCH_PREPARED: 'off' });
  const cookieOf = async (port: number) => {
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'benchhttp', password: 'Bench2026pass' }),
    });
    return (login.headers.get('set-cookie') ?? '').split(';')[0];
  };
  const unpreparedCookie = await cookieOf(3904);

  const app = await start('app', 3903);
  const login = await fetch('http://127.0.0.1:3903/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'benchhttp', password: 'Bench2026pass' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  // Each read endpoint twice: as served (an unchanged answer comes again from memory,
  // server/platform/http/response-cache.ts), then computed afresh on every request
  // (`Cache-Control: no-cache`, what a hard reload sends): the database work of each request.
  const endpoints: [string, string[]][] = [
    [
      'member list page (province root)',
      Array.from({ length: 50 }, (_, i) => `/api/members?page=${i + 1}`),
    ],
    [
      'member list page (one grassroots org)',
      grassroots.map((id) => `/api/members?orgUnitId=${id}`),
    ],
    [
      'name search without diacritics',
      names.map(
        (n) =>
          `/api/members?q=${encodeURIComponent(toSearchKey(n).split(' ').slice(-2).join(' '))}`,
      ),
    ],
    ['overview (province root)', ['/api/overview']],
    ['overview (one grassroots org)', grassroots.map((id) => `/api/overview?orgUnitId=${id}`)],
    ['dashboard (province root)', [`/api/dashboard?year=${new Date().getFullYear()}`]],
  ];
  for (const [label, paths] of endpoints)
    results.push(
      await run(
        `${label}, computed afresh, statements unprepared`,
        'http://127.0.0.1:3904',
        { cookie: unpreparedCookie, 'cache-control': 'no-cache' },
        paths,
      ),
    );
  unprepared.kill();
  for (const [label, paths] of endpoints) {
    results.push(await run(label, 'http://127.0.0.1:3903', { cookie }, paths));
    results.push(
      await run(
        `${label}, computed afresh`,
        'http://127.0.0.1:3903',
        { cookie, 'cache-control': 'no-cache' },
        paths,
      ),
    );
  }
  app.kill();

  // The embedded database (issue 24's second goal): the demo bloc of `npm start` in one process,
  // 20 connections; the ceiling is the same process's `/api/health` (one `select` on PGlite).
  const embedded: Result[] = [];
  const lite = await start('pglite', 3905);
  const liteCookie = await cookieOf(3905);
  const prefixes = ['nguyen van', 'hoang thi', 'tran thi', 'le van', 'pham thi', 'vu van', 'dang'];
  const liteEndpoints: [string, string[]][] = [
    ['/api/health (the ceiling)', ['/api/health']],
    [
      'member list page (bloc root)',
      Array.from({ length: 30 }, (_, i) => `/api/members?page=${i + 1}`),
    ],
    [
      'name search, common prefixes',
      prefixes.map((q) => `/api/members?q=${encodeURIComponent(q)}`),
    ],
    ['overview (bloc root)', ['/api/overview']],
    ['reminders (bloc root)', ['/api/lifecycle/reminders']],
  ];
  for (const [label, paths] of liteEndpoints)
    embedded.push(
      await run(
        label.startsWith('/api/health') ? label : `${label}, computed afresh`,
        'http://127.0.0.1:3905',
        { cookie: liteCookie, 'cache-control': 'no-cache' },
        paths,
        pgliteConnections,
      ),
    );
  lite.kill();

  const ceiling = results[1].reqPerSec;
  const liteCeiling = embedded[0].reqPerSec;
  const commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  const md = [
    '# HTTP benchmark (autocannon, loopback)',
    '',
    `Date ${new Date().toISOString()}, commit ${commit}, ${machine}. ${connections} connections, ${seconds} s per endpoint after a 2 s warm-up; server and load generator share the machine. Data: the 200,000-member province on PostgreSQL.`,
    `Load average (1 min) ${loadBefore} before and ${os.loadavg()[0].toFixed(1)} after the run on ${os.cpus().length} cores: other work shared the machine, so absolute req/s are noisy; the shares of the ceiling measured in the same run are the figure to compare.`,
    'Goals: each real read endpoint ≥ 50% of the Fastify + `select 1` ceiling as served (issue 8), ≥ 25% computed afresh (issue 24). Each endpoint is measured as served (an answer whose data has not changed is served again from memory: `server/platform/http/README.md`) and "computed afresh" (`Cache-Control: no-cache` on every request, so each one does its database work). "statements unprepared": the same build with `DATABASE_PREPARED_STATEMENTS=off` (before issue 24: every statement parsed and planned on every call), run first in the same run.',
    '',
    '| endpoint | req/s | p50 ms | p99 ms | errors | non-2xx | share of select-1 ceiling |',
    '|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.endpoint} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${Math.round((r.reqPerSec / ceiling) * 100)}% |`,
    ),
    '',
    '## The embedded database (PGlite)',
    '',
    `The demo bloc of \`npm start\` (~6,000 members) in \`${path.relative(root, pgliteDir)}\` (seeded at the first run), one server process, ${pgliteConnections} connections, ${seconds} s per endpoint; every request computed afresh. Goals (issue 24): member list ≥ 5% and name search ≥ 2.5% of \`/api/health\`.`,
    '',
    '| endpoint | req/s | p50 ms | p99 ms | errors | non-2xx | share of /api/health |',
    '|---|---|---|---|---|---|---|',
    ...embedded.map(
      (r) =>
        `| ${r.endpoint} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${((r.reqPerSec / liteCeiling) * 100).toFixed(1)}% |`,
    ),
    '',
  ].join('\n');
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(path.join(root, 'bench/results/http.md'), md);
  writeFileSync(
    path.join(root, 'bench/results/http.json'),
    `${JSON.stringify({ commit, machine, seconds, connections, results, embedded }, null, 2)}\n`,
  );
  process.stdout.write(`\n${md}\n`);
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
