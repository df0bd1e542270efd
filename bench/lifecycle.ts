// `npm run bench:lifecycle`: p50/p95 of the member-lifecycle read paths (pipeline board, applicant
// record, reminders, badges due, dues sheet, targets) through Fastify with authentication, on
// PostgreSQL and PGlite. The bloc is the full demo of `npm start` (applicants recorded step by step
// through the service); the province (~200,000 members, no applicants or dues) measures the paths
// that scan members: badges due and the reminders of the whole province.
// Writes bench/results/lifecycle.{json,md}. Options: --sizes=bloc,province --engines=postgres,pglite;
// the province on PGlite only with --pglite-province (its load alone took over 25 minutes on 2 cores).
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nextAwardDate } from '../domain/rules/badges/badges';
import { migrateDatabase, queryRows, sql } from '../server/db/client';
import { loadBloc, seedDemo } from '../server/seed/load-demo';
import { ITERATIONS, measure, openBenchApp, openEngine, type Row, root } from './common';
import { datasets } from './datasets';

const arg = (name: string, fallback: string) =>
  (process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback).split(',');
const sizes = arg('sizes', 'bloc,province') as ('bloc' | 'province')[];
const engines = arg('engines', 'postgres,pglite') as ('postgres' | 'pglite')[];
const today = new Date().toISOString().slice(0, 10);
const labels = {
  bloc: 'demo bloc of npm start, ~6,000 members',
  province: datasets.province.label,
};

const benchOne = async (engine: 'postgres' | 'pglite', size: 'bloc' | 'province') => {
  const database = await openEngine(engine, `lifecycle_${size}`);
  await migrateDatabase(database);
  const t0 = performance.now();
  if (size === 'bloc') await seedDemo(database.db);
  else await loadBloc(database.db, datasets.province.build());
  const loadSeconds = Math.round((performance.now() - t0) / 100) / 10;
  await database.db.execute(sql`vacuum analyze`);
  const [top] = await queryRows<{ id: number }>(
    database.db,
    sql`select id from org_units where kind = ${size === 'bloc' ? 'upper_committee' : 'province_committee'} order by id limit 1`,
  );
  const { app, get } = await openBenchApp(database, top.id);
  const ids = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ id: number }>(database.db, query)).map((r) => r.id);
  const grassroots = await ids(
    sql`select id from org_units where kind in ('grassroots_committee','grassroots_cell') and dissolved_on is null order by id`,
  );
  const cells = await ids(
    sql`select distinct m.org_unit_id as id from dues_payments p join members m on m.id = p.member_id order by 1`,
  );
  const applicants = await ids(sql`select id from applicants order by id`);
  const rows: Row[] = [];
  const add = (r: Omit<Row, 'engine' | 'dataset'>) => {
    rows.push({ engine, dataset: labels[size], ...r });
    process.stdout.write(
      `  ${engine.padEnd(8)} ${size.padEnd(8)} ${r.query.padEnd(44)} p50 ${r.p50} ms  p95 ${r.p95} ms\n`,
    );
  };
  const award = nextAwardDate(today);
  if (size === 'bloc') {
    add(await measure('pipeline board, whole bloc', () => get('/api/recruitment/board')));
    add(
      await measure('pipeline board, one grassroots org', (i) =>
        get(`/api/recruitment/board?orgUnitId=${grassroots[i % grassroots.length]}`),
      ),
    );
    add(
      await measure('applicant record with deadlines', (i) =>
        get(`/api/recruitment/applicants/${applicants[i % applicants.length]}`),
      ),
    );
    add(
      await measure('dues collection sheet of a cell', (i) =>
        get(`/api/lifecycle/dues?orgUnitId=${cells[i % cells.length]}&month=${today.slice(0, 7)}`),
      ),
    );
    add(
      await measure('admission targets, whole bloc', () =>
        get(`/api/recruitment/targets?year=${today.slice(0, 4)}`),
      ),
    );
  }
  add(
    await measure(`badges due at ${award}, whole ${size}`, () =>
      get(`/api/lifecycle/badges?awardDate=${award}`),
    ),
  );
  add(await measure(`reminders, whole ${size}`, () => get('/api/lifecycle/reminders')));
  add(
    await measure('reminders, one grassroots org', (i) =>
      get(`/api/lifecycle/reminders?orgUnitId=${grassroots[i % grassroots.length]}`),
    ),
  );
  await app.close();
  await database.close();
  return { rows, load: { engine, dataset: labels[size], loadSeconds } };
};

const main = async () => {
  const results: Row[] = [];
  const loads: { engine: string; dataset: string; loadSeconds: number }[] = [];
  for (const size of sizes)
    for (const engine of engines) {
      if (size === 'province' && engine === 'pglite' && !process.argv.includes('--pglite-province'))
        continue;
      process.stdout.write(`\n${engine} / ${labels[size]}: loading…\n`);
      const r = await benchOne(engine, size);
      results.push(...r.rows);
      loads.push(r.load);
    }
  const commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const date = new Date().toISOString();
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    path.join(root, 'bench/results/lifecycle.json'),
    `${JSON.stringify({ date, commit, machine, iterations: ITERATIONS, loads, results }, null, 2)}\n`,
  );
  const md = [
    '# Member-lifecycle benchmark',
    '',
    `Date ${date}, commit ${commit}, machine ${machine}. Each figure: ${ITERATIONS} authenticated requests through Fastify (inject, no network) after 20 warm-up requests.`,
    'Target: every read < 50 ms p95 on PostgreSQL for the bloc; the province figures show how the whole-province lists grow.',
    '',
    '| engine | dataset | query | p50 ms | p95 ms | max ms |',
    '|---|---|---|---|---|---|',
    ...results.map(
      (r) => `| ${r.engine} | ${r.dataset} | ${r.query} | ${r.p50} | ${r.p95} | ${r.max} |`,
    ),
    '',
    '| engine | dataset | load (s; bloc: the full demo incl. applicants recorded through the service) |',
    '|---|---|---|',
    ...loads.map((l) => `| ${l.engine} | ${l.dataset} | ${l.loadSeconds} |`),
    '',
  ].join('\n');
  writeFileSync(path.join(root, 'bench/results/lifecycle.md'), md);
  process.stdout.write(`\n${md}\n`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
