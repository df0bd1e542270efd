// `npm run bench:national`: the whole country on PostgreSQL (issue 8, "Data" and "Figures fast at any
// scale"). Loads 34 provinces (bench/datasets.ts `nationalProvince`: ~5.6 M members, ~50,000
// grassroots organisations, ~150,000 cells, their events since 2010 and a decided 2025 yearly
// evaluation of every member and grassroots organisation) under one national root, one province per
// transaction with the maintained totals and facts added per province, then measures the read paths
// through Fastify (inject, authenticated) next to the naive scans they replace.
//
// Options: --provinces=N (default 34); --skip-load re-measures an existing load (after applying any
// new migration to it); --keep-indexes loads with every index in place (by default the secondary
// indexes of members, events and periods that the load does not read are dropped before and created
// again after, exactly as the migrations define them).
// Database: dangvu_bench_national<BENCH_DB_SUFFIX> on BENCH_DATABASE_URL's server. Writes
// bench/results/national.{json,md}; load times are kept in bench/data/national-load.json so that
// --skip-load reports them too. BENCH_ITERATIONS defaults to 30 here.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';

process.env.BENCH_ITERATIONS ??= '30';

const flag = (name: string) => process.argv.includes(`--${name}`);
const option = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

type LoadInfo = {
  date: string;
  commit: string;
  provinces: number;
  droppedIndexes: boolean;
  /** False while loading, or when the load was stopped between provinces (then the log says why). */
  complete: boolean;
  phases: Record<string, number>;
  perProvince: { province: number; members: number; seconds: number }[];
  totalSeconds: number;
};

const main = async () => {
  const { toSearchKey } = await import('../domain/text/vietnamese');
  const { activeStatuses } = await import('../domain/enums/members');
  const { createDatabase, migrateDatabase, queryOne, queryRows, sql } = await import(
    '../server/db/client'
  );
  type Db = import('../server/db/client').Db;
  const { loadBloc } = await import('../server/seed/load-demo');
  const { recountEvaluationsBetween } = await import('../server/modules/figures');
  const { memberDimensionValuesOf } = await import('../server/modules/figures');
  const { ITERATIONS, dbSuffix, measure, openBenchApp, percentile, pgUrl, root } = await import(
    './common'
  );
  const { nationalBlocCount } = await import('./datasets');

  const provinces = Number(option('provinces') ?? 34);
  const skipLoad = flag('skip-load');
  const keepIndexes = flag('keep-indexes');
  const name = `dangvu_bench_national${dbSuffix}`;
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const dataDir = path.join(root, 'bench/data');
  mkdirSync(dataDir, { recursive: true });
  const loadFile = path.join(dataDir, `national-load${dbSuffix}.json`);
  const indexFile = path.join(dataDir, `national-indexes${dbSuffix}.json`);
  const log = (line: string) =>
    process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
    } catch {
      return 'unknown';
    }
  })();

  if (!skipLoad) {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
  }
  const database = await createDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  const db = database.db;
  const tMigrate = performance.now();
  await migrateDatabase(database);
  log(`migrated in ${Math.round(performance.now() - tMigrate)} ms`);

  /** Secondary indexes the load does not read: dropped before, created again after (one statement each). */
  const droppable = async () =>
    queryRows<{ indexname: string; indexdef: string }>(
      db,
      sql`select i.indexname, i.indexdef from pg_indexes i
          join pg_index x on x.indexrelid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass
          where i.schemaname = 'public' and i.tablename in ('members', 'member_events', 'member_periods')
            and not x.indisprimary and not x.indisunique
            and i.indexname not in ('member_events_member_idx', 'member_periods_member_idx')
          order by i.indexname`,
    );
  const createIndexes = async (defs: { indexname: string; indexdef: string }[]) => {
    for (const d of defs) {
      const t = performance.now();
      await db.transaction(async (tx) => {
        await tx.execute(sql`set local maintenance_work_mem = '2GB'`);
        await tx.execute(
          sql.raw(d.indexdef.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS ')),
        );
      });
      log(`  index ${d.indexname}: ${Math.round(performance.now() - t)} ms`);
    }
  };
  const roundPhases = (phases: Record<string, number>) =>
    Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v / 100) / 10]));
  const readLoad = (): LoadInfo | null =>
    existsSync(loadFile) ? JSON.parse(readFileSync(loadFile, 'utf8')) : null;
  const saveLoad = (info: LoadInfo) =>
    writeFileSync(loadFile, `${JSON.stringify(info, null, 2)}\n`);
  /**
   * The end of a load (or of one stopped between provinces): the dropped indexes created again, then
   * vacuum analyze; their times are added to the load's record.
   */
  const finishLoad = async () => {
    const info = readLoad();
    const extra: Record<string, number> = {};
    if (existsSync(indexFile)) {
      const t = performance.now();
      await createIndexes(JSON.parse(readFileSync(indexFile, 'utf8')));
      extra.indexes = performance.now() - t;
      unlinkSync(indexFile);
    }
    const t = performance.now();
    await db.execute(sql`vacuum analyze`);
    extra.vacuum_analyze = performance.now() - t;
    if (info) {
      const total = Object.values(extra).reduce((a, b) => a + b, 0) / 1000;
      info.phases = { ...info.phases, ...roundPhases(extra) };
      info.totalSeconds = Math.round((info.totalSeconds + total) * 10) / 10;
      info.complete = true;
      saveLoad(info);
      log(`loaded in ${info.totalSeconds} s: ${JSON.stringify(info.phases)}`);
    }
  };
  // A load stopped before its end left indexes dropped and no statistics: finish it before measuring.
  if (skipLoad && (existsSync(indexFile) || readLoad()?.complete === false)) await finishLoad();

  if (!skipLoad) {
    const phases: Record<string, number> = {
      generate_wait: 0,
      prepare: 0,
      copy: 0,
      totals: 0,
      facts: 0,
      evaluations: 0,
    };
    const perProvince: LoadInfo['perProvince'] = [];
    if (existsSync(loadFile)) unlinkSync(loadFile);
    const tLoad = performance.now();
    // The national root: there is no national kind, so a province_committee that holds the 34.
    const { unitIds } = await loadBloc(
      db,
      {
        units: [
          {
            key: 'N',
            kind: 'province_committee',
            name: 'Toàn quốc (dữ liệu thử tải)',
            shortName: 'TQ',
            parentKey: null,
            establishedOn: '1930-02-03',
          },
        ],
        members: [],
      },
      { rollups: 'add' },
    );
    const nationalId = unitIds.get('N')!;
    const [campaign] = await queryRows<{ id: number }>(
      db,
      sql`insert into evaluation_campaigns
            (org_unit_id, title, year, cycle, period_from, period_to, rule_set, opened_on, status)
          values (${nationalId}, 'Đánh giá, xếp loại năm 2025', 2025, 'year', '2025-01-01',
            '2025-12-31', 'QD366', '2025-12-01', 'closed') returning id`,
    );
    if (!keepIndexes) {
      const defs = await droppable();
      writeFileSync(indexFile, JSON.stringify(defs, null, 2));
      for (const d of defs) await db.execute(sql.raw(`drop index ${d.indexname}`));
      log(`dropped ${defs.map((d) => d.indexname).join(', ')}`);
    }

    // A worker does not inherit tsx's loader on Node 20: it registers it, then imports the TypeScript.
    const entry = new URL('./national-generate.ts', import.meta.url).href;
    const worker = new Worker(
      `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
      { eval: true, workerData: { provinces: Array.from({ length: provinces }, (_, p) => p) } },
    );
    type Generated = { province: number; bloc: import('../server/seed/demo-bloc').DemoBloc };
    const nextProvince = () =>
      new Promise<Generated | null>((resolve, reject) => {
        worker.once('message', (m: Generated | null) => {
          worker.off('error', reject);
          resolve(m);
        });
        worker.once('error', reject);
        worker.postMessage('next');
      });
    let pending = nextProvince();
    for (;;) {
      const tWait = performance.now();
      const generated = await pending;
      phases.generate_wait += performance.now() - tWait;
      if (!generated) break;
      pending = nextProvince(); // the worker generates the next province while this one loads
      const { province, bloc } = generated;
      const t0 = performance.now();
      const own: Record<string, number> = {};
      await db.transaction(async (tx) => {
        await tx.execute(sql`set local synchronous_commit = off`);
        await tx.execute(sql`set local work_mem = '256MB'`);
        await tx.execute(sql`set local maintenance_work_mem = '1GB'`);
        const loaded = await loadBloc(tx as unknown as Db, bloc, {
          parentId: nationalId,
          rollups: 'add',
          onPhase: (phase, ms) => {
            own[phase] = ms;
          },
        });
        const t = performance.now();
        const first = loaded.memberIds[0];
        const last = loaded.memberIds[loaded.memberIds.length - 1];
        const provinceId = loaded.unitIds.get('P')!;
        const before = (await queryOne<{ n: number }>(
          tx,
          sql`select coalesce(max(id), 0)::int as n from evaluation_records`,
        ))!.n;
        // A decided 2025 evaluation of every member in the party on the decision day, and of every
        // grassroots organisation (as bench/dashboard.ts does for its province).
        await tx.execute(sql`insert into evaluation_records (campaign_id, subject_kind, subject_key,
            org_unit_id, member_id, subject_name, status, proposed_level, decided_level, decided_on)
          select ${campaign.id}, 'member', 'member:' || m.id, p.org_unit_id, m.id, m.full_name,
            'decided', 'HTTNV', (array['HTXSNV','HTTNV','HTTNV','HTTNV','HTNV','KHTNV'])[1 + m.id % 6],
            '2025-12-20'
          from members m join member_periods p on p.member_id = m.id
            and p.member_id between ${first} and ${last} and p.valid_from <= '2025-12-20'
            and (p.valid_to is null or p.valid_to > '2025-12-20') and p.status in ('probationary', 'full')
          where m.id between ${first} and ${last}`);
        await tx.execute(sql`insert into evaluation_records (campaign_id, subject_kind, subject_key,
            org_unit_id, subject_name, status, proposed_level, decided_level, decided_on)
          select ${campaign.id}, 'grassroots_organisation', 'unit:' || o.id, o.id, o.name, 'decided',
            'HTTNV', (array['HTXSNV','HTTNV','HTTNV','HTNV'])[1 + o.id % 4], '2025-12-18'
          from org_units o
          where o.path <@ (select path from org_units where id = ${provinceId})
            and o.kind in ('grassroots_committee', 'grassroots_cell') and o.dissolved_on is null`);
        const lastRecord = (await queryOne<{ n: number }>(
          tx,
          sql`select coalesce(max(id), 0)::int as n from evaluation_records`,
        ))!.n;
        await tx.execute(sql`analyze evaluation_records`);
        await recountEvaluationsBetween(tx, before + 1, lastRecord);
        own.evaluations = performance.now() - t;
      });
      for (const [k, v] of Object.entries(own)) phases[k] = (phases[k] ?? 0) + v;
      const seconds = (performance.now() - t0) / 1000;
      perProvince.push({
        province: province + 1,
        members: bloc.members.length,
        seconds: Math.round(seconds * 10) / 10,
      });
      // Written after every province: a load stopped early still says what it holds.
      saveLoad({
        date: new Date().toISOString(),
        commit,
        provinces: perProvince.length,
        droppedIndexes: !keepIndexes,
        complete: false,
        phases: roundPhases(phases),
        perProvince,
        totalSeconds: Math.round((performance.now() - tLoad) / 100) / 10,
      });
      log(
        `province ${province + 1}/${provinces} (${nationalBlocCount(province)} blocs, ${bloc.members.length} members): ${seconds.toFixed(1)} s — ${Object.entries(
          own,
        )
          .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
          .join(', ')}`,
      );
    }
    await worker.terminate();
    await finishLoad();
  }

  // ---- measurements ----
  const load = readLoad();
  const [national] = await queryRows<{ id: number; path: string }>(
    db,
    sql`select id, path::text as path from org_units where parent_id is null order by id limit 1`,
  );
  const [province] = await queryRows<{ id: number; path: string }>(
    db,
    sql`select id, path::text as path from org_units where parent_id = ${national.id} order by id limit 1`,
  );
  const [bloc] = await queryRows<{ id: number; path: string }>(
    db,
    sql`select id, path::text as path from org_units where parent_id = ${province.id}
          and kind = 'upper_committee' order by id limit 1`,
  );
  const sizes = (await queryOne<Record<string, number>>(
    db,
    sql`select
      (select count(*) from members)::int as members,
      (select count(*) from members where status in ('probationary', 'full'))::int as members_in_party,
      (select count(*) from org_units where parent_id = ${national.id})::int as provinces,
      (select count(*) from org_units where kind = 'upper_committee')::int as blocs,
      (select count(*) from org_units where kind in ('grassroots_committee', 'grassroots_cell'))::int as grassroots,
      (select count(*) from org_units where kind = 'cell')::int as cells,
      (select count(*) from member_events)::int as events,
      (select count(*) from member_periods)::int as periods,
      (select count(*) from evaluation_records)::int as evaluation_records,
      (select count(*) from placed_facts)::int as placed_facts,
      (select count(*) from org_fact_counts)::int as org_fact_counts,
      (select count(*) from org_member_counts)::int as org_member_counts,
      (select pg_database_size(current_database()))::bigint as bytes`,
  ))!;
  log(`dataset: ${JSON.stringify(sizes)}`);

  const { app, get } = await openBenchApp(database, national.id);
  const names = (
    await queryRows<{ full_name: string }>(
      db,
      sql`select full_name from members where id % 9973 = 0 order by id limit 500`,
    )
  ).map((r) => r.full_name);
  // Searches as people type them: the last two words of a real name, without diacritics.
  const queries = names.map((n) => toSearchKey(n).split(' ').slice(-2).join(' '));

  /** A naive query: run twice (each takes seconds), the times in ms. */
  const naive = async (q: ReturnType<typeof sql>) => {
    const times: number[] = [];
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      await db.execute(q);
      times.push(Math.round(performance.now() - t));
    }
    return times;
  };
  const subtreeMembers = (p: string) =>
    sql`members m join org_units o on o.id = m.org_unit_id where o.path <@ ${p}::ltree`;
  const active = sql.join(
    activeStatuses.map((s) => sql`${s}`),
    sql`, `,
  );
  const year = new Date().toISOString().slice(0, 4);
  /** The dashboard's headline figures by scanning: members by status, admissions of the year, 2025 ratings. */
  const naiveDashboard = (p: string) => sql`select
      (select json_agg(t) from (select m.status, count(*) from ${subtreeMembers(p)}
        and m.status in (${active}) group by 1) t) as by_status,
      (select count(*) from member_events e join org_units o on o.id = e.org_unit_id
        where o.path <@ ${p}::ltree and e.kind = 'admitted'
          and e.event_date between ${`${year}-01-01`} and ${`${year}-12-31`}) as admitted,
      (select json_agg(t) from (select r.subject_kind, r.decided_level, count(*)
        from evaluation_records r join org_units o on o.id = r.org_unit_id
        where o.path <@ ${p}::ltree and r.decided_level is not null group by 1, 2) t) as rated`;
  /** The overview's figures by scanning: every dimension of the subtree's members in the party. */
  const naiveOverview = (p: string) => sql`select d.dimension, d.key, count(*)
      from members m join org_units o on o.id = m.org_unit_id
      cross join lateral ${memberDimensionValuesOf(sql`m`)} as d(dimension, key)
      where o.path <@ ${p}::ltree and m.status in (${active}) group by 1, 2`;
  /** A list page as a naive list does it: the page, and its total by count(*) over the subtree. */
  const naiveListPage = sql`select
      (select count(*) from ${subtreeMembers(national.path)} and m.status in (${active})) as total,
      (select json_agg(t) from (select m.id, m.full_name from ${subtreeMembers(national.path)}
        and m.status in (${active})
        order by m.given_name collate vi, m.full_name collate vi, m.id limit 20 offset 400) t) as page`;
  const naiveSearch = (
    q: string,
  ) => sql`select m.id, m.full_name from ${subtreeMembers(national.path)}
      and m.status in (${active}) and lower(unaccent(m.full_name)) like ${`%${q}%`}
      order by m.given_name collate vi, m.full_name collate vi, m.id limit 20`;

  type Result = {
    query: string;
    goal: number;
    p50: number;
    p95: number;
    max: number;
    n: number;
    naive: string;
    naiveMs: number[];
  };
  const results: Result[] = [];
  const add = async (
    label: string,
    goal: number,
    run: (i: number) => Promise<void>,
    naiveLabel: string,
    naiveRun: () => Promise<number[]>,
  ) => {
    const r = await measure(label, run);
    const naiveMs = await naiveRun();
    results.push({ ...r, goal, naive: naiveLabel, naiveMs });
    log(
      `${label.padEnd(44)} p50 ${r.p50} ms  p95 ${r.p95} ms (goal ${goal})  naive ${naiveMs.join(', ')} ms`,
    );
  };
  const timesOf = async (run: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      await run();
      times.push(Math.round(performance.now() - t));
    }
    return times;
  };
  const scopes = [
    ['national root', national],
    ['one province', province],
    ['one bloc', bloc],
  ] as const;
  for (const [label, unit] of scopes)
    await add(
      `dashboard ${year}, ${label}`,
      label === 'national root' ? 100 : 20,
      () => get(`/api/dashboard?year=${year}&orgUnitId=${unit.id}`),
      'scan: members by status, admissions of the year, 2025 ratings over the subtree',
      () => naive(naiveDashboard(unit.path)),
    );
  await add(
    `dashboard 2025 (rated year), national root`,
    100,
    () => get(`/api/dashboard?year=2025&orgUnitId=${national.id}`),
    'scan: members by status, admissions of the year, 2025 ratings over the subtree',
    () => naive(naiveDashboard(national.path)),
  );
  for (const [label, unit] of scopes.slice(0, 2))
    await add(
      `overview aggregates, ${label}`,
      label === 'national root' ? 100 : 20,
      () => get(`/api/overview?orgUnitId=${unit.id}`),
      'scan: every dimension of the members in the party over the subtree',
      () => naive(naiveOverview(unit.path)),
    );
  await add(
    'member list page (20 rows, Vietnamese order), national',
    30,
    (i) => get(`/api/members?page=${1 + (i % 50)}&pageSize=20`),
    'count(*) of the subtree for the total, and the page in vi order',
    () => naive(naiveListPage),
  );
  await add(
    'diacritic-blind name search (top 20), national',
    50,
    (i) => get(`/api/members?q=${encodeURIComponent(queries[i % queries.length])}&pageSize=20`),
    'lower(unaccent(full_name)) like %q% over the subtree, top 20 in vi order',
    () => timesOf(() => db.execute(naiveSearch(queries[0]))),
  );
  // The maintained reads themselves, in SQL, beside the same figures by scanning.
  const sqlTimes = async (q: ReturnType<typeof sql>) => {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) await db.execute(q);
    for (let i = 0; i < ITERATIONS; i++) {
      const t = performance.now();
      await db.execute(q);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const r = (x: number) => Math.round(x * 100) / 100;
    return {
      p50: r(percentile(times, 50)),
      p95: r(percentile(times, 95)),
      max: r(times[times.length - 1]),
      n: times.length,
    };
  };
  for (const [label, unit] of scopes) {
    const r = await sqlTimes(
      sql`select key, count from org_member_counts where org_unit_id = ${unit.id} and dimension = 'status'`,
    );
    const naiveMs = await naive(
      sql`select m.status, count(*) from ${subtreeMembers(unit.path)} and m.status in (${active}) group by 1`,
    );
    results.push({
      query: `SQL: members in the party by status, ${label} (org_member_counts)`,
      goal: label === 'national root' ? 100 : 20,
      ...r,
      naive: 'count(*) of members joined to org_units with path <@, by status',
      naiveMs,
    });
    log(`SQL status ${label}: p95 ${r.p95} ms, naive ${naiveMs.join(', ')} ms`);
  }
  {
    const r = await sqlTimes(
      sql`select kind, sum(total) from org_fact_counts where org_unit_id = ${national.id}
          and kind like 'evaluation:2025:%' and day between '2025-01-01' and '2025-12-31' group by 1`,
    );
    const naiveMs = await naive(
      sql`select r.subject_kind, r.decided_level, count(*) from evaluation_records r
          join org_units o on o.id = r.org_unit_id where o.path <@ ${national.path}::ltree
          and r.decided_level is not null group by 1, 2`,
    );
    results.push({
      query: 'SQL: 2025 ratings, national root (org_fact_counts)',
      goal: 100,
      ...r,
      naive: 'count(*) of evaluation records joined to org_units with path <@, by level',
      naiveMs,
    });
    log(`SQL ratings national: p95 ${r.p95} ms, naive ${naiveMs.join(', ')} ms`);
  }
  await app.close();
  await database.close();

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const date = new Date().toISOString();
  const ratio = (r: Result) => Math.round(Math.min(...r.naiveMs) / r.p95);
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    path.join(root, 'bench/results/national.json'),
    `${JSON.stringify({ date, commit, machine, iterations: ITERATIONS, sizes, load, results }, null, 2)}\n`,
  );
  const phaseNotes: Record<string, string> = {
    generate_wait:
      'waiting for the generator (a worker thread, one province ahead; mostly the first province)',
    prepare: 'ids reserved, parent paths',
    copy: 'member timelines derived and rows COPYed: units, history, agencies, members, events, periods',
    totals:
      'analyze, then org_member_counts added for the province and its ancestors (one statement)',
    facts:
      'placed_facts and org_fact_counts added for the province’s member-id range (one statement)',
    evaluations: 'the 2025 evaluation records inserted, and their facts added',
    indexes: 'the dropped secondary indexes created again',
    vacuum_analyze: 'vacuum analyze of the database',
  };
  const provinceSeconds = (load?.perProvince ?? []).reduce((a, p) => a + p.seconds, 0);
  const memberRate = Math.round(
    (load?.perProvince ?? []).reduce((a, p) => a + p.members, 0) / Math.max(provinceSeconds, 1),
  );
  const gb = (b: number) => `${(b / 2 ** 30).toFixed(1)} GB`;
  const md = [
    '# National benchmark',
    '',
    `Date ${date}, commit ${commit}, machine ${machine}, PostgreSQL (\`${name}\`). Each API figure: ${ITERATIONS} authenticated requests through Fastify (inject, no network) after 20 warm-up requests; "SQL" rows are the maintained read alone. The naive query runs twice on the same data (ms, both runs); ratio = the faster naive run / p95. Reproduce: \`BENCH_DB_SUFFIX=… npm run bench:national\` (\`--provinces=N\`, \`--skip-load\`).`,
    '',
    '## Dataset',
    '',
    `${sizes.provinces} provinces, ${sizes.blocs} blocs, ${sizes.grassroots} grassroots organisations, ${sizes.cells} cells; ${sizes.members} members (${sizes.members_in_party} in the party today), ${sizes.events} events, ${sizes.periods} periods, ${sizes.evaluation_records} evaluation records (2025, decided); maintained: ${sizes.org_member_counts} total rows, ${sizes.placed_facts} placed facts, ${sizes.org_fact_counts} per-day sums. Database ${gb(sizes.bytes)}. No dues payments.`,
    '',
    ...(load
      ? [
          `Load (${load.date}, commit ${load.commit}, ${load.provinces} provinces, one transaction each${load.droppedIndexes ? ', secondary indexes dropped and created again' : ''}): ${load.totalSeconds} s in all (${(load.totalSeconds / 60).toFixed(1)} min).`,
          '',
          '| phase | what | seconds |',
          '|---|---|---|',
          ...Object.entries(load.phases).map(([k, v]) => `| ${k} | ${phaseNotes[k] ?? k} | ${v} |`),
          '',
          ...(load.provinces < 34
            ? [
                `Only ${load.provinces} of the 34 provinces were loaded (the load is stopped between provinces when its time runs out; \`--skip-load\` then creates the indexes, analyzes and measures). At the measured rate of ${memberRate} members/s for the provinces' own work, the 34 provinces (~5.6 M members) would take about ${(5_600_000 / memberRate / 3600).toFixed(1)} h on this machine at the same load.`,
                '',
              ]
            : []),
        ]
      : []),
    '## Results',
    '',
    '| query | goal p95 ms | p50 ms | p95 ms | naive | naive ms | ratio | met |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.query} | < ${r.goal} | ${r.p50} | ${r.p95} | ${r.naive} | ${r.naiveMs.join(', ')} | ${ratio(r)}× | ${r.p95 < r.goal ? 'yes' : '**no**'} |`,
    ),
    '',
  ].join('\n');
  writeFileSync(path.join(root, 'bench/results/national.md'), md);
  process.stdout.write(`\n${md}\n`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
