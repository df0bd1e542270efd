// `npm run bench:report`: the full annual report of the demo bloc (every figure through the metric
// catalogue with its evidence, the statistical annex, the DOCX and the XLSX), on PostgreSQL and PGlite;
// the PDF conversion by LibreOffice is timed apart (an external process). Target: < 5 s for the full
// report with annexes. Writes bench/results/report.{json,md}. Options: --engines=postgres,pglite
// --runs=5 --year=2025
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildReportModel } from '../domain/reports/annual-report';
import { migrateDatabase, queryOne, sql } from '../server/db/client';
import {
  composeSnapshot,
  convertDocxToPdf,
  findSoffice,
  renderAnnexXlsx,
  renderReportDocx,
} from '../server/modules/reports';
import { seedDemo } from '../server/seed/load-demo';
import { openEngine, percentile, root } from './common';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const engines = arg('engines', 'postgres,pglite').split(',') as ('postgres' | 'pglite')[];
const RUNS = Number(arg('runs', '5'));
const YEAR = Number(arg('year', String(new Date().getFullYear() - 1)));

type Row = { engine: string; step: string; p50: number; max: number; n: number };

const summarise = (engine: string, step: string, times: number[]): Row => {
  const sorted = [...times].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x);
  return {
    engine,
    step,
    p50: r(percentile(sorted, 50)!),
    max: r(sorted[sorted.length - 1]!),
    n: sorted.length,
  };
};

const benchOne = async (engine: 'postgres' | 'pglite') => {
  const database = await openEngine(engine, 'report_bloc');
  await migrateDatabase(database);
  await seedDemo(database.db);
  await database.db.execute(sql`vacuum analyze`);
  const db = database.db;
  const unit = (await queryOne<{ id: number }>(
    db,
    sql`select id from org_units where kind = 'upper_committee' order by id limit 1`,
  ))!;
  const times: Record<string, number[]> = { figures: [], docx: [], xlsx: [], total: [] };
  let records = 0;
  let docxBytes: Buffer | null = null;
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const snapshot = await composeSnapshot({ db, unitId: unit.id, year: YEAR });
    const t1 = performance.now();
    const docx = await renderReportDocx(buildReportModel(snapshot.report, {}));
    const t2 = performance.now();
    await renderAnnexXlsx(snapshot.annex);
    const t3 = performance.now();
    if (i === 0) {
      records = snapshot.evidence.reduce((n, e) => n + e.records.length, 0);
      docxBytes = docx;
      continue; // warm-up
    }
    times.figures!.push(t1 - t0);
    times.docx!.push(t2 - t1);
    times.xlsx!.push(t3 - t2);
    times.total!.push(t3 - t0);
  }
  await database.close();
  const rows = [
    summarise(
      engine,
      'figures, evidence and annex tables (catalogue + annex queries)',
      times.figures!,
    ),
    summarise(engine, 'DOCX', times.docx!),
    summarise(engine, 'XLSX annex', times.xlsx!),
    summarise(engine, 'full report with annexes (DOCX + XLSX)', times.total!),
  ];
  return { rows, records, docxBytes };
};

const main = async () => {
  const rows: Row[] = [];
  let records = 0;
  let docx: Buffer | null = null;
  for (const engine of engines) {
    process.stdout.write(`${engine}: loading the demo bloc…\n`);
    const r = await benchOne(engine);
    rows.push(...r.rows);
    records = r.records;
    docx = r.docxBytes;
  }
  let pdf: { ms: number; bytes: number } | string = 'LibreOffice not installed';
  if (findSoffice() && docx) {
    const t0 = performance.now();
    const out = await convertDocxToPdf(docx);
    pdf = { ms: Math.round(performance.now() - t0), bytes: out.length };
  }
  const commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const date = new Date().toISOString();
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    path.join(root, 'bench/results/report.json'),
    `${JSON.stringify({ date, commit, machine, year: YEAR, runs: RUNS, evidenceRecords: records, pdf, results: rows }, null, 2)}\n`,
  );
  const md = [
    '# Annual report benchmark',
    '',
    `Date ${date}, commit ${commit}, machine ${machine}. The annual report ${YEAR} of the demo bloc of \`npm start\` (~6,000 members): ${RUNS} runs after one warm-up; ${records.toLocaleString('en')} evidence records.`,
    'Target: the full report with annexes in < 5 s (5,000 ms).',
    '',
    '| engine | step | p50 ms | max ms | runs |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.engine} | ${r.step} | ${r.p50} | ${r.max} | ${r.n} |`),
    '',
    typeof pdf === 'string'
      ? `PDF: ${pdf}.`
      : `PDF from the DOCX by LibreOffice (fresh profile, one conversion): ${pdf.ms} ms, ${Math.round(pdf.bytes / 1024)} KB.`,
    '',
  ].join('\n');
  writeFileSync(path.join(root, 'bench/results/report.md'), md);
  process.stdout.write(`\n${md}\n`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
