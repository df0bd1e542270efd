// `npm run bench:prepared`: the statements' preparation (issue 24, server/db/prepared-statements.ts)
// measured A/B in one process on the 200,000-member province (PostgreSQL; built by
// `npm run bench:foundation -- --sizes=province --engines=postgres`). Two apps on the same database,
// one with `DATABASE_PREPARED_STATEMENTS=off`, take the same requests in alternation (unprepared
// first on odd rounds, prepared first on even ones), so a busy machine slows both alike.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toSearchKey } from '../domain/text/vietnamese';
import { createDatabase, queryRows, sql } from '../server/db/client';
import { dbSuffix, openBenchApp, percentile, pgUrl, root } from './common';

const rounds = Number(process.env.BENCH_ITERATIONS ?? 200);
const url = new URL(pgUrl);
url.pathname = `/dangvu_bench_province${dbSuffix}`;

const open = async (preparedStatements: boolean) => {
  const database = await createDatabase({
    databaseUrl: url.toString(),
    poolSize: 2,
    preparedStatements,
  });
  const rootId = (
    await queryRows<{ id: number }>(
      database.db,
      sql`select id from org_units where parent_id is null`,
    )
  )[0].id;
  return { database, ...(await openBenchApp(database, rootId)) };
};

const main = async () => {
  const loadBefore = os.loadavg()[0].toFixed(1);
  const off = await open(false);
  const on = await open(true);
  const db = off.database.db;
  const names = (
    await queryRows<{ full_name: string }>(
      db,
      sql`select full_name from members order by id limit 200`,
    )
  ).map((r) => r.full_name);
  const grassroots = (
    await queryRows<{ id: number }>(
      db,
      sql`select id from org_units where kind in ('grassroots_committee','grassroots_cell') order by id limit 200`,
    )
  ).map((r) => r.id);
  const year = new Date().getFullYear();
  const endpoints: [string, (i: number) => string][] = [
    ['member list page (province root)', (i) => `/api/members?page=${(i % 50) + 1}`],

    [
      'member list page (one grassroots org)',
      (i) => `/api/members?orgUnitId=${grassroots[i % grassroots.length]}`,
    ],
    [
      'name search without diacritics (top 20)',
      (i) =>
        `/api/members?q=${encodeURIComponent(
          toSearchKey(names[i % names.length])
            .split(' ')
            .slice(-2)
            .join(' '),
        )}`,
    ],
    ['overview (province root)', () => '/api/overview'],
    [
      'overview (one grassroots org)',
      (i) => `/api/overview?orgUnitId=${grassroots[i % grassroots.length]}`,
    ],
    [
      'dashboard (one grassroots org)',
      (i) => `/api/dashboard?year=${year}&orgUnitId=${grassroots[i % grassroots.length]}`,
    ],
  ];
  const rows: { endpoint: string; off: number[]; on: number[] }[] = [];
  for (const [endpoint, path_] of endpoints) {
    const times = { off: [] as number[], on: [] as number[] };
    for (let i = -20; i < rounds; i++) {
      const order = i % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
      for (const which of order) {
        const t0 = performance.now();
        await (which === 'on' ? on : off).get(path_(i + 20));
        if (i >= 0) times[which].push(performance.now() - t0);
      }
    }
    const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
    const o = sorted(times.off);
    const n = sorted(times.on);
    rows.push({
      endpoint,
      off: [percentile(o, 50), percentile(o, 95)],
      on: [percentile(n, 50), percentile(n, 95)],
    });
    process.stdout.write(
      `  ${endpoint.padEnd(42)} unprepared p50 ${o[Math.floor(o.length / 2)].toFixed(2)}  prepared p50 ${n[Math.floor(n.length / 2)].toFixed(2)} ms\n`,
    );
  }
  await off.app.close();
  await on.app.close();
  await off.database.close();
  await on.database.close();
  const commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  const f = (x: number) => x.toFixed(2);
  const md = [
    '# Prepared statements A/B (issue 24)',
    '',
    `Date ${new Date().toISOString()}, commit ${commit}, ${machine}. PostgreSQL, the 200,000-member province. ${rounds} rounds per endpoint after 20 warm-up rounds; each round sends the request to both apps (Fastify inject, no network, computed afresh: \`Cache-Control: no-cache\`), alternating which goes first.`,
    `Load average (1 min) ${loadBefore} before and ${os.loadavg()[0].toFixed(1)} after, on ${os.cpus().length} cores.`,
    '"unprepared": `DATABASE_PREPARED_STATEMENTS=off` (every statement parsed and planned on every call, as before); "prepared": the default (each statement parsed once per connection, planned for its values each time: `plan_cache_mode = force_custom_plan`, see `server/db/prepared-statements.ts`).',
    '',
    '| endpoint | unprepared p50 ms | unprepared p95 ms | prepared p50 ms | prepared p95 ms | p50 change |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.endpoint} | ${f(r.off[0])} | ${f(r.off[1])} | ${f(r.on[0])} | ${f(r.on[1])} | ${Math.round((r.on[0] / r.off[0] - 1) * 100)}% |`,
    ),
    '',
  ].join('\n');
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(path.join(root, 'bench/results/prepared.md'), md);
  process.stdout.write(`\n${md}\n`);
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
