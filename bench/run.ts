// `npm run bench:foundation` (part of `npm run bench`): p50/p95 latency of the foundation's read paths through the real HTTP stack
// (Fastify inject, authenticated), on PostgreSQL and on PGlite, for a bloc and a province.
// Writes bench/results/foundation.{json,md}. Options: --sizes=bloc,province --engines=postgres,pglite
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toSearchKey } from '../domain/text/vietnamese';
import { migrateDatabase, queryRows, sql } from '../server/db/client';
import { loadBloc } from '../server/seed/load-demo';
import { ITERATIONS, measure, openBenchApp, openEngine, type Row, root } from './common';
import { type DatasetName, datasets } from './datasets';

const arg = (name: string, fallback: string) =>
  (process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback).split(',');
const sizes = arg('sizes', 'bloc,province') as DatasetName[];
const engines = arg('engines', 'postgres,pglite') as ('postgres' | 'pglite')[];

const benchOne = async (engine: 'postgres' | 'pglite', size: DatasetName) => {
  const database = await openEngine(engine, size);
  await migrateDatabase(database);
  const bloc = datasets[size].build();
  const t0 = performance.now();
  await loadBloc(database.db, bloc);
  const loadMs = performance.now() - t0;
  await database.db.execute(sql`vacuum analyze`);
  const [rootUnit] = await queryRows<{ id: number }>(
    database.db,
    sql`select id from org_units where parent_id is null`,
  );
  const { app, get } = await openBenchApp(database, rootUnit.id);
  const grassroots = (
    await queryRows<{ id: number }>(
      database.db,
      sql`select id from org_units where kind in ('grassroots_committee','grassroots_cell') and dissolved_on is null order by id`,
    )
  ).map((r) => r.id);
  const names = (
    await queryRows<{ full_name: string }>(
      database.db,
      sql`select full_name from members order by id limit 500`,
    )
  ).map((r) => r.full_name);
  // Searches as people type them: the last two words of a real name, without diacritics.
  const queries = names.map((n) => toSearchKey(n).split(' ').slice(-2).join(' '));
  const rows: Row[] = [];
  const add = (r: Omit<Row, 'engine' | 'dataset'>) => {
    rows.push({ engine, dataset: datasets[size].label, ...r });
    process.stdout.write(
      `  ${engine.padEnd(8)} ${size.padEnd(8)} ${r.query.padEnd(44)} p50 ${r.p50} ms  p95 ${r.p95} ms\n`,
    );
  };
  add(
    await measure('member list page (20 rows, Vietnamese order)', (i) =>
      get(`/api/members?page=${1 + (i % 50)}&pageSize=20`),
    ),
  );
  add(
    await measure('member list page in one grassroots org', (i) =>
      get(`/api/members?orgUnitId=${grassroots[i % grassroots.length]}&page=1&pageSize=20`),
    ),
  );
  add(
    await measure('diacritic-blind name search (top 20)', (i) =>
      get(`/api/members?q=${encodeURIComponent(queries[i % queries.length])}&pageSize=20`),
    ),
  );
  add(await measure('overview aggregates, root', () => get('/api/overview')));
  add(
    await measure('overview aggregates, one grassroots org', (i) =>
      get(`/api/overview?orgUnitId=${grassroots[i % grassroots.length]}`),
    ),
  );
  const memberCount = bloc.members.length;
  await app.close();
  await database.close();
  return {
    rows,
    load: {
      engine,
      dataset: datasets[size].label,
      members: memberCount,
      units: bloc.units.length,
      loadSeconds: Math.round(loadMs / 100) / 10,
    },
  };
};

const main = async () => {
  const results: Row[] = [];
  const loads: {
    engine: string;
    dataset: string;
    members: number;
    units: number;
    loadSeconds: number;
  }[] = [];
  for (const size of sizes) {
    for (const engine of engines) {
      process.stdout.write(`\n${engine} / ${datasets[size].label}: loading…\n`);
      const r = await benchOne(engine, size);
      results.push(...r.rows);
      loads.push(r.load);
    }
  }
  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
    } catch {
      return 'unknown';
    }
  })();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const meta = {
    date: new Date().toISOString(),
    commit,
    machine,
    iterations: ITERATIONS,
    target: 'PostgreSQL, 200,000 members: every read < 50 ms p95',
  };
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    path.join(root, 'bench/results/foundation.json'),
    `${JSON.stringify({ ...meta, loads, results }, null, 2)}\n`,
  );
  const md = [
    '# Foundation benchmark',
    '',
    `Date ${meta.date}, commit ${commit}, machine ${machine}. Each figure: ${ITERATIONS} authenticated requests through Fastify (inject, no network) after 20 warm-up requests.`,
    `Target: ${meta.target}.`,
    '',
    '| engine | dataset | query | p50 ms | p95 ms | max ms |',
    '|---|---|---|---|---|---|',
    ...results.map(
      (r) => `| ${r.engine} | ${r.dataset} | ${r.query} | ${r.p50} | ${r.p95} | ${r.max} |`,
    ),
    '',
    '| engine | dataset | members (incl. those who left) | units | load (s: generate + COPY in one transaction) |',
    '|---|---|---|---|---|',
    ...loads.map(
      (l) => `| ${l.engine} | ${l.dataset} | ${l.members} | ${l.units} | ${l.loadSeconds} |`,
    ),
    '',
  ].join('\n');
  writeFileSync(path.join(root, 'bench/results/foundation.md'), md);
  process.stdout.write(`\n${md}\n`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
