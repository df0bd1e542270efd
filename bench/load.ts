// `npm run bench:load`: the bounded load test of issue 9. 200 sessions (200 accounts of different roles
// and scopes, each logged in), 60 s of mixed reads and writes with autocannon on loopback against the
// 200,000-member province on PostgreSQL: member list pages, diacritic-blind searches, the overview, a
// member's record, and an edit of that record (read the version, write it back). Each session edits
// its own member, so every write must succeed: any error, non-2xx answer or conflict fails the run.
// Writes bench/results/load.{json,md}. Env: BENCH_LOAD_SECONDS (60), BENCH_LOAD_SESSIONS (200).
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { toSearchKey } from '../domain/text/vietnamese';
import { migrateDatabase, sql } from '../server/db/client';
import { hashPassword } from '../server/platform/auth/password';
import { loadBloc } from '../server/seed/load-demo';
import { dbSuffix, openEngine, pgUrl, root } from './common';
import { datasets } from './datasets';

const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const sessions = Number(process.env.BENCH_LOAD_SESSIONS ?? 200);
const port = 3911;
const dbUrl = (() => {
  const u = new URL(pgUrl);
  u.pathname = `/dangvu_bench_province${dbSuffix}`;
  return u.toString();
})();

/** Reuse the province of `npm run bench:foundation` when it is there; otherwise build it (about a minute). */
const ensureProvince = async () => {
  const probe = new pg.Client({ connectionString: pgUrl });
  await probe.connect();
  const exists =
    (
      await probe.query(
        `select 1 from pg_database where datname = 'dangvu_bench_province${dbSuffix}'`,
      )
    ).rowCount === 1;
  await probe.end();
  if (exists) {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    const n = await c
      .query('select count(*)::int as n from members')
      .then((r) => r.rows[0].n as number)
      .catch(() => 0);
    await c.end();
    if (n > 150_000) return;
  }
  process.stdout.write('building the 200,000-member province…\n');
  const database = await openEngine('postgres', 'province');
  await migrateDatabase(database);
  await loadBloc(database.db, datasets.province.build());
  await database.db.execute(sql`vacuum analyze`);
  await database.close();
};

type Account = { username: string; memberId: number; orgUnitId: number; query: string };

/** Accounts as a province would have them: office staff at the top, grassroots offices, secretaries. */
const createAccounts = async (): Promise<Account[]> => {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  await c.query(
    `delete from sessions where user_id in (select id from users where username like 'load%')`,
  );
  await c.query(`delete from users where username like 'load%'`);
  const hash = await hashPassword('Load2026pass');
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
    // One in five at the province's office; the rest in a grassroots organisation's office.
    const atRoot = i % 5 === 0;
    const scope = atRoot ? rootId : grassroots[i % grassroots.length];
    const username = `load${String(i).padStart(3, '0')}`;
    await c.query(
      `insert into users (username, display_name, password_hash, role, scope_org_unit_id)
       values ($1, $2, $3, $4, $5)`,
      [username, `Tải thử ${i}`, hash, atRoot ? 'org_office' : 'grassroots_office', scope],
    );
    // Its own member to edit (distinct per session: the writes never conflict).
    const member = (
      await c.query(
        `select m.id, m.full_name, m.org_unit_id from members m join org_units u on u.id = m.org_unit_id
         where u.path <@ (select path from org_units where id = $1) and m.status = 'full'
         order by m.id offset $2 limit 1`,
        [scope, atRoot ? i : Math.floor(i / grassroots.length)],
      )
    ).rows[0];
    accounts.push({
      username,
      memberId: member.id,
      orgUnitId: scope,
      query: toSearchKey(member.full_name).split(' ').slice(-2).join(' '),
    });
  }
  await c.end();
  return accounts;
};

const startApp = () =>
  new Promise<ChildProcess>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'bench/http-target.ts'), 'app', String(port), dbUrl],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`app exited ${code}`)));
  });

/** The fields a member edit sends back: the record without what the server computes. */
const editable = (m: Record<string, unknown>) => {
  const {
    id: _id,
    status: _s,
    standing: _st,
    orgUnitId: _o,
    orgUnitName: _on,
    orgUnitPath: _op,
    admittedOn: _a,
    recognisedOn: _r,
    partyAgeFrom: _p,
    partyAgeYears: _py,
    temporarilyAway: _t,
    sensitiveHidden: _sh,
    canEdit: _ce,
    events: _e,
    updatedAt: _u,
    ...fields
  } = m;
  return fields;
};

const main = async () => {
  await ensureProvince();
  const accounts = await createAccounts();
  const app = await startApp();
  const base = `http://127.0.0.1:${port}`;
  const logins = await Promise.all(
    accounts.map(async (a) => {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: a.username, password: 'Load2026pass' }),
      });
      if (res.status !== 200) throw new Error(`login ${a.username}: ${res.status}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      return {
        ...a,
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      };
    }),
  );

  let next = 0;
  let writes = 0;
  const requestsFor = (s: (typeof logins)[number]) => {
    let record: Record<string, unknown> | null = null;
    let page = 1;
    return [
      {
        method: 'GET' as const,
        path: `/api/members?page=1`,
        headers: s.headers,
        setupRequest: (req: { path: string }) => ({
          ...req,
          path: `/api/members?page=${(page++ % 20) + 1}`,
        }),
      },
      {
        method: 'GET' as const,
        path: `/api/members?q=${encodeURIComponent(s.query)}`,
        headers: s.headers,
      },
      { method: 'GET' as const, path: `/api/overview`, headers: s.headers },
      {
        method: 'GET' as const,
        path: `/api/members/${s.memberId}`,
        headers: s.headers,
        onResponse: (status: number, body: string) => {
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
      },
    ];
  };
  const result = await autocannon({
    url: base,
    connections: logins.length,
    duration: seconds,
    timeout: 30,
    setupClient: (client: { setRequests: (r: unknown[]) => void }) => {
      client.setRequests(requestsFor(logins[next++ % logins.length]));
    },
  } as autocannon.Options);
  app.kill();

  const commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const summary = {
    date: new Date().toISOString(),
    commit,
    machine,
    seconds,
    sessions: logins.length,
    requests: result.requests.total,
    reqPerSec: Math.round(result.requests.average),
    writes: Math.round(result.requests.total / 5),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
  const md = [
    '# Load test (autocannon, loopback)',
    '',
    `Date ${summary.date}, commit ${commit}, ${machine}. ${summary.sessions} sessions (one connection each: 1 in 5 at the province office, the rest in grassroots offices), ${seconds} s; server and load generator share the machine. Data: the 200,000-member province on PostgreSQL. Each session loops: member list page, diacritic-blind search, overview, its member's record, an edit of that record (1 write in 5 requests).`,
    'Goal: zero errors, zero non-2xx; p99 reported.',
    '',
    '| requests | req/s | writes (≈) | p50 ms | p99 ms | max ms | errors | timeouts | non-2xx |',
    '|---|---|---|---|---|---|---|---|---|',
    `| ${summary.requests} | ${summary.reqPerSec} | ${summary.writes} | ${summary.p50} | ${summary.p99} | ${summary.max} | ${summary.errors} | ${summary.timeouts} | ${summary.non2xx} |`,
    '',
  ].join('\n');
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(path.join(root, 'bench/results/load.md'), md);
  writeFileSync(
    path.join(root, 'bench/results/load.json'),
    `${JSON.stringify(summary, null, 2)}\n`,
  );
  process.stdout.write(`\n${md}\n`);
  if (summary.errors || summary.non2xx || summary.timeouts) process.exitCode = 1;
};

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
