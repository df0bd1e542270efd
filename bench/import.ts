// `npm run bench:import`: a 100,000-row member XLSX, and the same rows as CSV, through the whole import (upload/parse, preview,
// commit in one transaction) on PostgreSQL, compared with a raw COPY of the same member rows.
// Writes bench/results/import.md. Options: --rows=100000 (BENCH_DATABASE_URL for PostgreSQL).
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import type { TImportJob } from '../contracts/imports';
import { copyRows } from '../server/db/bulk';
import { createDatabase, migrateDatabase, queryOne, queryRows, sql } from '../server/db/client';
import { readOrgMemberCounts, scanOrgMemberCounts } from '../server/modules/figures';
import { commitImport, previewImport, uploadImport } from '../server/modules/imports';
import type { Actor } from '../server/platform/access/actor';
import { loadBloc } from '../server/seed/load-demo';
import { dbSuffix } from './common';
import { datasets } from './datasets';

const rowsArg = Number(process.argv.find((a) => a.startsWith('--rows='))?.split('=')[1] ?? 100_000);
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const root = path.resolve(import.meta.dirname, '..');

const openDb = async (name: string) => {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const database = await createDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  await migrateDatabase(database);
  await loadBloc(database.db, datasets.bloc.build());
  return database;
};

const given = ['Hùng', 'Lan', 'Minh', 'Hằng', 'Đức', 'Thảo', 'Nam', 'Hương', 'Tuấn', 'Mai'];
const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const middle = ['Văn', 'Thị', 'Minh', 'Thu', 'Quang', 'Ngọc'];

type Person = {
  name: string;
  sex: string;
  birth: string;
  cid: string;
  admitted: string;
  full: string | null;
};
const people = (n: number): Person[] =>
  Array.from({ length: n }, (_, i) => {
    const y = 1960 + (i % 40);
    const m = 1 + (i % 12);
    const d = 1 + (i % 28);
    const ay = Math.min(y + 25 + (i % 10), 2024);
    return {
      name: `${family[i % 10]} ${middle[(i >> 3) % 6]} ${given[(i >> 5) % 10]} ${i}`.replace(
        / \d+$/,
        (s) => ` ${String.fromCharCode(65 + (Number(s) % 26))}`,
      ),
      sex: i % 2 ? 'Nữ' : 'Nam',
      birth: `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`,
      cid: `09${String(i).padStart(10, '0')}`,
      admitted: `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${ay}`,
      full: i % 3 ? `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${ay + 1}` : null,
    };
  });

const main = async () => {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`;
  const list = people(rowsArg);

  // The file: written with the streaming writer (as an office's 10–20 MB list would be).
  const db1 = await openDb(`dangvu_bench_import${dbSuffix}`);
  const cells = await queryRows<{ id: number; label: string }>(
    db1.db,
    sql`select o.id, o.name || ' – ' || p.name as label from org_units o join org_units p on p.id = o.parent_id
        where o.kind = 'cell' and o.dissolved_on is null order by o.id limit 50`,
  );
  const file = path.join(os.tmpdir(), 'dangvu-bench-import.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const sheet = wb.addWorksheet('DS');
  sheet
    .addRow([
      'STT',
      'Họ và tên',
      'Giới tính',
      'Ngày sinh',
      'Số CCCD',
      'Chi bộ',
      'Ngày vào Đảng',
      'Ngày chính thức',
    ])
    .commit();
  for (const [i, p] of list.entries())
    sheet
      .addRow([
        i + 1,
        p.name,
        p.sex,
        p.birth,
        p.cid,
        cells[i % cells.length].label,
        p.admitted,
        p.full ?? '',
      ])
      .commit();
  sheet.commit();
  await wb.commit();
  const content = (await import('node:fs')).readFileSync(file);

  const csvRows = [
    [
      'STT',
      'Họ và tên',
      'Giới tính',
      'Ngày sinh',
      'Số CCCD',
      'Chi bộ',
      'Ngày vào Đảng',
      'Ngày chính thức',
    ],
    ...list.map((p, i) => [
      String(i + 1),
      p.name,
      p.sex,
      p.birth,
      p.cid,
      cells[i % cells.length].label,
      p.admitted,
      p.full ?? '',
    ]),
  ];
  const csv = Buffer.from(
    csvRows
      .map((r) => r.map((v) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(';'))
      .join('\r\n'),
  );
  await db1.close();

  /** The whole import of one file on a fresh copy of the bloc: upload, preview, commit. */
  const importFile = async (fileName: string, bytes: Buffer) => {
    const database = await openDb(`dangvu_bench_import${dbSuffix}`);
    const rootUnit = (await queryOne<{ id: number; path: string }>(
      database.db,
      sql`select id, path::text as path from org_units where parent_id is null`,
    ))!;
    const actor: Actor = {
      userId: 1,
      username: 'bench',
      displayName: 'Benchmark',
      role: 'org_office',
      scopeOrgUnitId: rootUnit.id,
      scopePath: rootUnit.path,
      memberId: null,
    };
    const count = async () =>
      (await queryOne<{ n: number }>(database.db, sql`select count(*)::int as n from members`))!.n;
    const before = await count();
    const t0 = performance.now();
    const job: TImportJob = await uploadImport({
      db: database.db,
      actor,
      input: { kind: 'members', fileName, contentBase64: bytes.toString('base64') },
    });
    const t1 = performance.now();
    await previewImport({ db: database.db, actor, id: job.id, mapping: job.mapping });
    const t2 = performance.now();
    // Where the commit's time goes: the first report of each phase (validating, writing, totals).
    const marks: Record<string, number> = {};
    const result = await commitImport({
      db: database.db,
      actor,
      id: job.id,
      input: { excludedRows: [], duplicateDecisions: {}, duplicateDefault: 'skip' },
      progress: (phase, done, total) => {
        const key = phase === 'totals' && done === total ? 'totals done' : phase;
        marks[key] ??= performance.now();
      },
    });
    const t3 = performance.now();
    const at = (k: string) => marks[k] ?? t3;
    const commitPhases = {
      check: at('writing') - t2,
      write: at('totals') - at('writing'),
      totals: at('totals done') - at('totals'),
      end: t3 - at('totals done'),
    };
    const added = (await count()) - before;
    const countsOk =
      JSON.stringify(await readOrgMemberCounts(database.db, rootUnit.id)) ===
      JSON.stringify(await scanOrgMemberCounts(database.db, rootUnit.id));
    await database.close();
    return {
      upload: t1 - t0,
      preview: t2 - t1,
      commit: t3 - t2,
      total: t3 - t0,
      commitPhases,
      result,
      added,
      countsOk,
    };
  };
  const xlsx = await importFile('bench.xlsx', content);
  const csvRun = await importFile('bench.csv', csv);

  // Raw COPY of the same member rows (no parsing, checks, events, periods or totals).
  const db2 = await openDb(`dangvu_bench_import_raw${dbSuffix}`);
  const cellIds = await queryRows<{ id: number }>(
    db2.db,
    sql`select id from org_units where kind = 'cell' and dissolved_on is null order by id limit 50`,
  );
  const iso = (dmy: string) => dmy.split('/').reverse().join('-');
  const r0 = performance.now();
  await db2.db.transaction(async (tx) => {
    await copyRows(
      tx,
      'members',
      [
        'full_name',
        'sex',
        'birth_date',
        'citizen_id',
        'org_unit_id',
        'status',
        'standing',
        'admitted_on',
      ],
      list.map((p, i) => [
        p.name,
        p.sex === 'Nam' ? 'male' : 'female',
        iso(p.birth),
        p.cid,
        cellIds[i % cellIds.length].id,
        p.full ? 'full' : 'probationary',
        p.full ? 'full' : 'probationary',
        iso(p.admitted),
      ]),
    );
  });
  const r1 = performance.now();
  await db2.close();

  const s = (ms: number) => (ms / 1000).toFixed(1);
  const rate = (ms: number) => Math.round(rowsArg / (ms / 1000));
  const md = `# Import benchmark

Date ${new Date().toISOString()}, machine ${machine}. PostgreSQL (${pgUrl.replace(/\/\/[^@]*@/, '//')}), the bloc
(~8,000 members) loaded first, a fresh database per run. Files: ${rowsArg.toLocaleString('en')} member rows, XLSX of
${(content.length / 1e6).toFixed(1)} MB and the same rows as CSV (UTF-8, ";") of ${(csv.length / 1e6).toFixed(1)} MB.
Targets: a 100,000-row XLSX in under 60 s; the validated CSV import at least a quarter of raw COPY's rate.

| step | XLSX s | CSV s |
|---|---|---|
| upload: read the file, find header, guess mapping, store file | ${s(xlsx.upload)} | ${s(csvRun.upload)} |
| preview: check every row (dates, cells, duplicates, row keys) | ${s(xlsx.preview)} | ${s(csvRun.preview)} |
| commit: read and check again + COPY members, events, periods, row keys + totals, one transaction | ${s(xlsx.commit)} | ${s(csvRun.commit)} |
| … of which: read and check every row again (in the transaction) | ${s(xlsx.commitPhases.check)} | ${s(csvRun.commitPhases.check)} |
| … of which: member timelines, COPY members, events, periods, row keys | ${s(xlsx.commitPhases.write)} | ${s(csvRun.commitPhases.write)} |
| … of which: maintained totals and placed facts of the new members | ${s(xlsx.commitPhases.totals)} | ${s(csvRun.commitPhases.totals)} |
| … of which: commit, audit, analyze | ${s(xlsx.commitPhases.end)} | ${s(csvRun.commitPhases.end)} |
| **whole import** | **${s(xlsx.total)}** | **${s(csvRun.total)}** |
| rows per second (file rows / whole import) | ${rate(xlsx.total).toLocaleString('en')} | ${rate(csvRun.total).toLocaleString('en')} |

Raw COPY of the same ${rowsArg.toLocaleString('en')} member rows (one table, no parsing, checks, events or totals):
${s(r1 - r0)} s, ${rate(r1 - r0).toLocaleString('en')} rows/s. **Validated CSV import / raw COPY: ${Math.round((rate(csvRun.total) / rate(r1 - r0)) * 100)}%**
(XLSX: ${Math.round((rate(xlsx.total) / rate(r1 - r0)) * 100)}%).

Created ${csvRun.result.created.toLocaleString('en')} members from the CSV (${csvRun.added.toLocaleString('en')} new rows; XLSX:
${xlsx.result.created.toLocaleString('en')}); maintained totals equal the scan at the root: ${csvRun.countsOk && xlsx.countsOk ? 'yes' : 'NO'}.
Rows skipped as duplicates (same generated name and birth date as an earlier row): ${csvRun.result.skipped.toLocaleString('en')}.
`;
  writeFileSync(path.join(root, 'bench/results/import.md'), md);
  console.log(md);
};

await main();
