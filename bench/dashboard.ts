// `npm run bench:dashboard`: p50/p95 of the dashboard's API calls (the dashboard itself, the year's
// plan, a drill-down) through Fastify with authentication, on the demo bloc of `npm start` (PGlite),
// and on PostgreSQL too when DATABASE_URL (or BENCH_DATABASE_URL) is set: there also on the province
// of ~200,000 members (bench/datasets.ts) with a decided 2025 evaluation of every member and
// grassroots organisation and ten months of 2026 dues (~2 M payments), so those figures have the
// province's volume behind them.
// Writes bench/results/dashboard.{json,md}. BENCH_ITERATIONS defaults to 30 here (a dashboard is dozens
// of metric queries).
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

if (process.env.DATABASE_URL && !process.env.BENCH_DATABASE_URL)
  process.env.BENCH_DATABASE_URL = process.env.DATABASE_URL;
process.env.BENCH_ITERATIONS ??= '30';

const main = async () => {
  const { migrateDatabase, queryRows, sql } = await import('../server/db/client');
  const { seedDemo } = await import('../server/seed/load-demo');
  const { ITERATIONS, measure, openBenchApp, openEngine, root } = await import('./common');
  type Row = import('./common').Row;
  const engines: ('pglite' | 'postgres')[] = process.env.BENCH_DATABASE_URL
    ? ['pglite', 'postgres']
    : ['pglite'];
  const year = new Date().toISOString().slice(0, 4);
  const dataset = 'demo bloc of npm start, ~6,000 members';
  const provinceLabel = 'province, ~200,000 members, 2025 rated, 2026 dues';
  const { loadBloc } = await import('../server/seed/load-demo');
  const { rebuildPlacedFacts } = await import('../server/modules/figures');
  const { datasets } = await import('./datasets');
  /** The province, and a decided 2025 yearly evaluation over it (one record per member and organisation). */
  const loadProvince = async (db: import('../server/db/client').Db) => {
    await loadBloc(db, datasets.province.build());
    await db.execute(sql`insert into evaluation_campaigns
        (org_unit_id, title, year, cycle, period_from, period_to, rule_set, opened_on, status)
      select id, 'Đánh giá, xếp loại năm 2025', 2025, 'year', '2025-01-01', '2025-12-31', 'QD366',
        '2025-12-01', 'closed' from org_units where parent_id is null`);
    await db.execute(sql`insert into evaluation_records (campaign_id, subject_kind, subject_key,
        org_unit_id, member_id, subject_name, status, proposed_level, decided_level, decided_on)
      select (select max(id) from evaluation_campaigns), 'member', 'member:' || m.id, p.org_unit_id,
        m.id, m.full_name, 'decided', 'HTTNV',
        (array['HTXSNV','HTTNV','HTTNV','HTTNV','HTNV','KHTNV'])[1 + m.id % 6], '2025-12-20'
      from members m join member_periods p on p.member_id = m.id and p.valid_from <= '2025-12-20'
        and (p.valid_to is null or p.valid_to > '2025-12-20') and p.status in ('probationary', 'full')`);
    await db.execute(sql`insert into evaluation_records (campaign_id, subject_kind, subject_key,
        org_unit_id, subject_name, status, proposed_level, decided_level, decided_on)
      select (select max(id) from evaluation_campaigns), 'grassroots_organisation', 'unit:' || o.id,
        o.id, o.name, 'decided', 'HTTNV', (array['HTXSNV','HTTNV','HTTNV','HTNV'])[1 + o.id % 4],
        '2025-12-18'
      from org_units o where o.kind in ('grassroots_committee', 'grassroots_cell') and o.dissolved_on is null`);
    // 2026 dues, January to October, paid on the 10th by every member in the party then.
    await db.execute(sql`insert into dues_payments (member_id, month, amount, paid_on)
      select p.member_id, to_char(d, 'YYYY-MM'), 10000 + 1000 * (p.member_id % 40), d::date + 9
      from generate_series('2026-01-01'::date, '2026-10-01'::date, '1 month') d
      join member_periods p on p.valid_from <= d::date + 9
        and (p.valid_to is null or p.valid_to > d::date + 9)
        and p.status in ('probationary', 'full')`);
    await db.transaction((tx) => rebuildPlacedFacts(tx));
  };
  const results: Row[] = [];
  const runs: { engine: 'pglite' | 'postgres'; dataset: string }[] = engines.map((engine) => ({
    engine,
    dataset,
  }));
  if (engines.includes('postgres')) runs.push({ engine: 'postgres', dataset: provinceLabel });
  for (const { engine, dataset } of runs) {
    process.stdout.write(`\n${engine} / ${dataset}: loading…\n`);
    const province = dataset === provinceLabel;
    const database = await openEngine(engine, province ? 'dashboard_province' : 'dashboard_bloc');
    await migrateDatabase(database);
    if (province) await loadProvince(database.db);
    else await seedDemo(database.db);
    await database.db.execute(sql`vacuum analyze`);
    const [top] = await queryRows<{ id: number }>(
      database.db,
      sql`select id from org_units where kind = ${province ? 'province_committee' : 'upper_committee'} order by id limit 1`,
    );
    const { app, get } = await openBenchApp(database, top.id);
    const grassroots = (
      await queryRows<{ id: number }>(
        database.db,
        sql`select id from org_units where kind in ('grassroots_committee','grassroots_cell') and dissolved_on is null order by id`,
      )
    ).map((r) => r.id);
    const add = (r: Omit<Row, 'engine' | 'dataset'>) => {
      results.push({ engine, dataset, ...r });
      process.stdout.write(
        `  ${engine.padEnd(8)} ${r.query.padEnd(48)} p50 ${r.p50} ms  p95 ${r.p95} ms\n`,
      );
    };
    add(await measure('dashboard, whole bloc', () => get(`/api/dashboard?year=${year}`)));
    add(
      await measure('dashboard of last year (rated), whole bloc', () =>
        get(`/api/dashboard?year=${Number(year) - 1}`),
      ),
    );
    add(
      await measure('dashboard, one grassroots org', (i) =>
        get(`/api/dashboard?year=${year}&orgUnitId=${grassroots[i % grassroots.length]}`),
      ),
    );
    add(await measure('year plan, whole bloc', () => get(`/api/plans/year?year=${year}`)));
    add(
      await measure('drill-down: admissions of the year, whole bloc', () =>
        get(`/api/plans/metric-records?code=recruitment.admitted&year=${year}`),
      ),
    );
    await app.close();
    await database.close();
  }
  const commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const date = new Date().toISOString();
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    path.join(root, 'bench/results/dashboard.json'),
    `${JSON.stringify({ date, commit, machine, iterations: ITERATIONS, results }, null, 2)}\n`,
  );
  const md = [
    '# Dashboard benchmark',
    '',
    `Date ${date}, commit ${commit}, machine ${machine}. Each figure: ${ITERATIONS} authenticated requests through Fastify (inject, no network) after 20 warm-up requests.`,
    ...(process.env.BENCH_NOTE ? [process.env.BENCH_NOTE] : []),
    'Targets: issue 6, the whole dashboard under 150 ms p95 on PostgreSQL at 200,000 members (the province rows); issue 8, under 100 ms p95 on PGlite for a committee (the demo bloc rows). "whole bloc" is the scope root (the province root for the province).',
    '',
    '| engine | dataset | query | p50 ms | p95 ms | max ms |',
    '|---|---|---|---|---|---|',
    ...results.map(
      (r) => `| ${r.engine} | ${r.dataset} | ${r.query} | ${r.p50} | ${r.p95} | ${r.max} |`,
    ),
    '',
  ].join('\n');
  writeFileSync(path.join(root, 'bench/results/dashboard.md'), md);
  process.stdout.write(`\n${md}\n`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
