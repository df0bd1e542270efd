// `npm run bench:export`: the member export (GET /api/members/export.xlsx) of the ~200,000-member
// province on PostgreSQL, over real HTTP on loopback, streamed to a file. The server runs in a child
// process, so its memory is measured alone: its resident set is sampled every 50 ms during each
// export and its peak (VmHWM, reset before each export through /proc/<pid>/clear_refs) is read after.
// Three exports: a unit of a few thousand members, ~20,000 members (the province filtered) and the
// whole province; each file is read back with exceljs' streaming reader (rows counted, header checked).
// The province is loaded once into dangvu_bench_province<BENCH_DB_SUFFIX> and reused by later runs
// (--rebuild loads it again). Writes bench/results/export.{json,md}.
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { buildApp } from '../server/app';
import { createDatabase, migrateDatabase, queryOne, queryRows, sql } from '../server/db/client';
import { users } from '../server/db/schema/index';
import { hashPassword } from '../server/platform/auth/password';
import { loadBloc } from '../server/seed/load-demo';
import { dbSuffix, pgUrl, root } from './common';
import { datasets } from './datasets';

const dbName = `dangvu_bench_province${dbSuffix}`;
const dbUrl = (() => {
  const url = new URL(pgUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
})();
const password = 'Bench2026pass';

/** Child mode: serve the API on a free loopback port and print it. */
const serve = async () => {
  const database = await createDatabase({ databaseUrl: dbUrl, poolSize: 4 });
  const app = await buildApp({
    database,
    cookieSecret: 'bench-cookie-secret-0123456789-abcdefghijkl',
    serveWeb: false,
    config: { loginRateLimit: 1000 },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  process.stdout.write(`PORT ${typeof address === 'object' && address ? address.port : 0}\n`);
};

/** Load the province unless a previous run left it (with its benchmark user). */
const prepare = async (rebuild: boolean) => {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [dbName]))
    .rowCount;
  await admin.end();
  if (exists && !rebuild) {
    const database = await createDatabase({ databaseUrl: dbUrl, poolSize: 2 });
    try {
      const ok = await queryOne<{ n: number }>(
        database.db,
        sql`select (select count(*) from users where username = 'exportbench')::int as n`,
      );
      if (ok?.n) return 'reused';
    } catch {
      // not ours or not migrated: load it again
    } finally {
      await database.close();
    }
  }
  const a = new pg.Client({ connectionString: pgUrl });
  await a.connect();
  await a.query(`drop database if exists ${dbName} with (force)`);
  await a.query(`create database ${dbName}`);
  await a.end();
  const database = await createDatabase({ databaseUrl: dbUrl, poolSize: 4 });
  await migrateDatabase(database);
  const t0 = performance.now();
  await loadBloc(database.db, datasets.province.build());
  await database.db.execute(sql`vacuum analyze`);
  const rootUnit = await queryOne<{ id: number }>(
    database.db,
    sql`select id from org_units where parent_id is null`,
  );
  await database.db.insert(users).values({
    username: 'exportbench',
    displayName: 'Benchmark xuất',
    passwordHash: await hashPassword(password),
    role: 'org_office',
    scopeOrgUnitId: rootUnit!.id,
  });
  await database.close();
  return `loaded in ${Math.round((performance.now() - t0) / 1000)} s`;
};

type Case = { label: string; query: string; members: number };

/**
 * What to export: the smallest unit holding at least 2,000 members; the whole province filtered to
 * members without political theory training (~20,000); the whole province (~200,000).
 */
const pickCases = async (): Promise<Case[]> => {
  const database = await createDatabase({ databaseUrl: dbUrl, poolSize: 2 });
  const sizes = await queryRows<{ id: number; name: string; n: number; root: boolean }>(
    database.db,
    sql`select o.id, o.name, sum(c.count)::int as n, o.parent_id is null as root
        from org_member_counts c join org_units o on o.id = c.org_unit_id
        where c.dimension = 'status' group by o.id, o.name, o.parent_id order by n`,
  );
  const root = sizes.find((s) => s.root)!;
  const untrained = await queryOne<{ n: number }>(
    database.db,
    sql`select count::int as n from org_member_counts
        where org_unit_id = ${root.id} and dimension = 'political_theory' and key = 'none'`,
  );
  await database.close();
  const unit = sizes.find((s) => s.n >= 2_000 && !s.root)!;
  return [
    { label: unit.name, query: `orgUnitId=${unit.id}`, members: unit.n },
    {
      label: 'whole province, without political theory training',
      query: `orgUnitId=${root.id}&politicalTheory=none`,
      members: untrained!.n,
    },
    { label: 'whole province', query: `orgUnitId=${root.id}`, members: root.n },
  ];
};

const status = (pid: number, field: 'VmRSS' | 'VmHWM') => {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`));
  return m ? Number(m[1]) * 1024 : 0;
};

const startChild = async (): Promise<{ child: ChildProcess; port: number }> => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/export.ts', '--serve'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (d: Buffer) => {
      text += d.toString();
      const m = text.match(/PORT (\d+)/);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  return { child, port };
};

/** Rows of the file's sheet, read back with the streaming reader, and its header row. */
const readBack = async (file: string) => {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  let rows = 0;
  let members = 0;
  let header: unknown[] = [];
  let stamp = '';
  let total = '';
  for await (const sheet of reader)
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      rows += 1;
      const values = row.values as unknown[];
      if (rows === 2) stamp = String(values[1]);
      if (rows === 4) header = values.slice(1);
      if (typeof values[1] === 'number') members += 1;
      if (typeof values[1] === 'string' && values[1].startsWith('Tổng số')) total = values[1];
    }
  return { members, header, stamp, total };
};

const main = async () => {
  if (process.argv.includes('--serve')) return serve();
  const prepared = await prepare(process.argv.includes('--rebuild'));
  process.stdout.write(`province: ${prepared}\n`);
  const cases = await pickCases();
  const { child, port } = await startChild();
  const base = `http://127.0.0.1:${port}`;
  const results: {
    export: string;
    members: number;
    rows: number;
    seconds: number;
    rowsPerSecond: number;
    fileMb: number;
    rssBeforeMb: number;
    peakRssMb: number;
    peakSampledMb: number;
    growthMb: number;
    readBack: { rows: number; headerOk: boolean; stamped: boolean; total: string };
  }[] = [];
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'exportbench', password }),
    });
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
    const cookie = String(login.headers.get('set-cookie')).split(';')[0];
    const dir = path.join(os.tmpdir(), 'dangvu-bench-export');
    mkdirSync(dir, { recursive: true });
    const exportTo = async (query: string, file: string) => {
      const res = await fetch(
        `${base}/api/members/export.xlsx?${query}&purpose=${encodeURIComponent('Đo hiệu năng xuất danh sách')}`,
        { headers: { cookie } },
      );
      if (!res.ok || !res.body) throw new Error(`export: ${res.status} ${await res.text()}`);
      await pipeline(Readable.fromWeb(res.body as never), createWriteStream(file));
    };
    // Warm-up: the code paths of an export loaded once (a small unit), not measured.
    await exportTo(cases[0].query, path.join(dir, 'warmup.xlsx'));
    for (const [i, c] of cases.entries()) {
      const file = path.join(dir, `export-${i}.xlsx`);
      (global as { gc?: () => void }).gc?.();
      await new Promise((r) => setTimeout(r, 500));
      const before = status(child.pid!, 'VmRSS');
      writeFileSync(`/proc/${child.pid}/clear_refs`, '5'); // reset the peak (VmHWM) to now
      let sampled = before;
      const timer = setInterval(() => {
        sampled = Math.max(sampled, status(child.pid!, 'VmRSS'));
      }, 50);
      const t0 = performance.now();
      await exportTo(c.query, file);
      const seconds = (performance.now() - t0) / 1000;
      clearInterval(timer);
      const peak = status(child.pid!, 'VmHWM');
      const back = await readBack(file);
      const dataRows = back.members;
      const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
      results.push({
        export: c.label,
        members: c.members,
        rows: dataRows,
        seconds: Math.round(seconds * 10) / 10,
        rowsPerSecond: Math.round(dataRows / seconds),
        fileMb: mb(statSync(file).size),
        rssBeforeMb: mb(before),
        peakRssMb: mb(peak),
        peakSampledMb: mb(sampled),
        growthMb: mb(peak - before),
        readBack: {
          rows: dataRows,
          headerOk: back.header[1] === 'Họ và tên' && back.header.length === 21,
          stamped: back.stamp.startsWith('Người xuất: Benchmark xuất'),
          total: back.total,
        },
      });
      process.stdout.write(`${JSON.stringify(results.at(-1))}\n`);
    }
  } finally {
    child.kill();
  }
  const commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const md = [
    '# Member export benchmark (XLSX, streamed)',
    '',
    `Date ${new Date().toISOString()}, commit ${commit}, machine ${machine}. PostgreSQL (${pgUrl.replace(/\/\/[^@]*@/, '//')}), the province of ~200,000 members (bench/datasets.ts).`,
    'Each export: `GET /api/members/export.xlsx?orgUnitId=…&purpose=…` over HTTP on loopback, authenticated as the province office, streamed to a file; the server is a child process (`NODE_ENV=production`).',
    "Resident memory of the server process: before the export, and its peak during it (VmHWM, reset through `/proc/<pid>/clear_refs` before each export; the 50 ms samples of VmRSS agree). Files read back with exceljs' streaming reader.",
    "The machine (2 cores) was shared with other engineers' work while measuring: times are noisy, memory is not.",
    'Target (issue 8): the 200,000-member export streams with bounded memory: the peak must not grow with the rows.',
    '',
    '| export | rows | seconds | rows/s | file MB | RSS before MB | peak RSS MB | growth MB | read back |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.export} | ${r.rows.toLocaleString('en')} | ${r.seconds} | ${r.rowsPerSecond.toLocaleString('en')} | ${r.fileMb} | ${r.rssBeforeMb} | ${r.peakRssMb} | ${r.growthMb} | ${r.readBack.headerOk && r.readBack.stamped && r.readBack.rows === r.members ? 'ok' : 'MISMATCH'} |`,
    ),
    '',
  ].join('\n');
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(path.join(root, 'bench/results/export.md'), md);
  writeFileSync(
    path.join(root, 'bench/results/export.json'),
    `${JSON.stringify({ date: new Date().toISOString(), commit, machine, results }, null, 2)}\n`,
  );
  process.stdout.write(`${md}\n`);
};

main().then(
  () => {
    if (!process.argv.includes('--serve')) process.exit(0);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
