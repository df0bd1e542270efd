// `npm run report -- [--org ID] --year N [--date YYYY-MM-DD] --format docx|pdf|xlsx|json [--out FILE]`:
// the annual report
// from the same data as the server (PostgreSQL from DATABASE_URL, otherwise the embedded database in
// DANGVU_DATA_DIR, like `npm start`; stop the server first, PGlite runs in one process). The figures
// are computed afresh; the free text written in the app's draft for that organisation and year (and
// its number, once issued) is used. Without --org: the bloc committee (the upper committee), or the
// top of the tree when there is none. --date is the date printed on the draft (names, place and date
// as of it: server/modules/reports/report-header.ts); default today, or 31/12 of a past year.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildReportModel } from '../domain/reports/annual-report';
import { loadConfig } from '../server/config';
import { createDatabase, queryOne, sql } from '../server/db/client';
import { claimDataDir } from '../server/db/data-dir-lock';
import { composeSnapshot, documentDateProblem, renderSnapshot } from '../server/modules/reports';
import { writeAudit } from '../server/platform/audit/audit';

const formats = ['docx', 'pdf', 'xlsx', 'json'] as const;
type Format = (typeof formats)[number];

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

const { values } = parseArgs({
  options: {
    org: { type: 'string' },
    year: { type: 'string' },
    date: { type: 'string' },
    format: { type: 'string', default: 'docx' },
    out: { type: 'string', short: 'o' },
  },
});
const year = Number(values.year);
if (!Number.isInteger(year) || year < 2000 || year > 2100)
  fail('Cần ghi năm báo cáo: --year 2025 (từ 2000 đến 2100).');
const format = values.format as Format;
if (!formats.includes(format)) fail('Định dạng phải là một trong: docx, pdf, xlsx, json.');
const dateArg = values.date;
if (dateArg !== undefined) {
  const d = new Date(`${dateArg}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(dateArg) ||
    Number.isNaN(d.getTime()) ||
    d.toISOString().slice(0, 10) !== dateArg
  )
    fail('--date phải là một ngày dạng năm-tháng-ngày, ví dụ --date 2020-12-15.');
  const problem = documentDateProblem(year, dateArg);
  if (problem) fail(problem);
}
const orgArg = values.org === undefined ? undefined : Number(values.org);
if (orgArg !== undefined && (!Number.isInteger(orgArg) || orgArg <= 0))
  fail('--org phải là mã số của một tổ chức đảng.');

try {
  const config = loadConfig();
  const release = config.databaseUrl ? null : claimDataDir(config.dataDir, 'npm run report');
  const database = await createDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: path.join(config.dataDir, 'pglite'),
    poolSize: 2,
    preparedStatements: config.preparedStatements,
  });
  const db = database.db;
  const started = Date.now();
  try {
    const unit = await queryOne<{ id: number; name: string }>(
      db,
      orgArg
        ? sql`select id, name from org_units where id = ${orgArg}`
        : sql`select id, name from org_units where dissolved_on is null
              order by (kind = 'upper_committee') desc, nlevel(path), id limit 1`,
    );
    if (!unit)
      fail(
        orgArg ? `Không có tổ chức đảng mã ${orgArg}.` : 'Cơ sở dữ liệu chưa có tổ chức đảng nào.',
      );
    const draft = await queryOne<{
      texts: Record<string, string>;
      number_text: string | null;
      issued_on: string | null;
    }>(
      db,
      sql`select r.texts, d.number_text, d.issued_on from report_drafts r
          left join issued_documents d on d.id = r.issued_document_id
          where r.org_unit_id = ${unit!.id} and r.year = ${year}`,
    );
    const snapshot = await composeSnapshot({
      db,
      unitId: unit!.id,
      year,
      issuedOn: draft?.issued_on ?? dateArg,
      documentNumber: draft?.number_text ?? null,
    });
    const texts = draft?.texts ?? {};
    const content =
      format === 'json'
        ? Buffer.from(
            JSON.stringify(
              {
                model: buildReportModel(snapshot.report, texts),
                figures: snapshot.report.figures,
                evidence: snapshot.evidence,
                annex: snapshot.annex,
              },
              null,
              2,
            ),
          )
        : await renderSnapshot(db, snapshot, texts, format);
    const out = path.resolve(
      values.out ??
        `bao-cao-tong-ket-${year}-${unit!.id}${format === 'xlsx' ? '-phu-luc' : ''}.${format}`,
    );
    writeFileSync(out, content);
    await db.transaction((tx) =>
      writeAudit(tx, {
        actor: null,
        action: 'report.export',
        entityType: 'org_unit',
        entityId: unit!.id,
        orgUnitId: unit!.id,
        meta: { year, format, via: 'cli', bytes: content.length },
      }),
    );
    process.stdout.write(
      `Đã lập báo cáo năm ${year} của ${unit!.name} (${format.toUpperCase()}, ${(content.length / 1024).toFixed(0)} KB) vào ${out} trong ${((Date.now() - started) / 1000).toFixed(1)} giây.\n`,
    );
  } finally {
    await database.close();
    release?.();
  }
} catch (error) {
  fail(`Không lập được báo cáo: ${error instanceof Error ? error.message : error}`);
}
