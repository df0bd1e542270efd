// Spreadsheet imports: upload → column mapping → preview → all-or-nothing commit (README.md).
import { createHash } from 'node:crypto';
import type {
  ImportKind,
  TImportCommit,
  TImportJob,
  TImportMapping,
  TImportResult,
  TImportRow,
  TImportSummary,
  TImportUpload,
} from '../../../contracts/imports';
import { importMaxBytes } from '../../../contracts/imports';
import { formatNumber } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { withFigures } from '../figures';
import {
  guessMapping,
  guessSkippedColumns,
  importFields,
  isKnownHeader,
  layoutFingerprint,
} from './imports.fields';
import { type ParsedSheet, parseSpreadsheet } from './imports.parse';
import {
  type CellRow,
  checkAgainstRecords,
  checkRows,
  loadCellRows,
  type RowResult,
  unmarkedCopy,
  validateRows,
} from './imports.validate';
import { writeApplicants, writeEvents, writeMembers } from './imports.write';

export type Progress = (phase: string, done: number, total: number) => void | Promise<void>;

type JobRow = {
  id: number;
  kind: ImportKind;
  org_unit_id: number;
  file_name: string;
  file_sha256: string;
  layout_fingerprint: string;
  mapping: TImportMapping;
  skipped_columns: number[];
  status: 'uploaded' | 'previewed' | 'committed';
  total_rows: number;
  summary: { preview?: TImportSummary; result?: TImportResult; headerConversions?: number } | null;
  created_at: string | Date;
  size: number;
  header_row: number;
  headers: string[];
};

/** Parsed files and preview results of recent jobs, kept in memory; rebuilt from the stored file. */
const sheets = new Map<number, ParsedSheet>();
const previews = new Map<number, RowResult[]>();
const remember = <V>(cache: Map<number, V>, id: number, value: V) => {
  cache.delete(id);
  cache.set(id, value);
  while (cache.size > 3) cache.delete(cache.keys().next().value as number);
};

/**
 * The rows' own checks (fields, dates, cells) of a job's last preview, and what they were computed
 * from. `checkRows` is a pure function of the file, the mapping, the day and the actor's cells, so
 * the commit uses them again while all of these are the same, re-reading the cells in its
 * transaction; the checks against the records (duplicates, rows imported before, the events'
 * members) are always made again there.
 */
const ownChecks = new Map<number, { basis: string; rows: RowResult[] }>();
const checkBasis = (mapping: TImportMapping, today: string, cells: CellRow[]) =>
  // The mapping's keys sorted: read back from jsonb, they come in another order. The cells are the
  // actor's, so another actor's commit uses the kept checks only if it sees the same cells.
  JSON.stringify([Object.entries(mapping).sort(), today, cells]);

const loadJob = async (db: DbOrTx, actor: Actor, id: number): Promise<JobRow> => {
  const job = await queryOne<JobRow>(
    db,
    sql`select j.*, f.size, f.header_row, f.headers
        from import_jobs j join import_files f on f.job_id = j.id
        join org_units o on o.id = j.org_unit_id
        where j.id = ${id} and ${inScope(actor, sql`o.path`)}`,
  );
  if (!job) throw notFound('lần nhập dữ liệu');
  return job;
};

const sheetOf = async (db: DbOrTx, job: JobRow, progress?: Progress): Promise<ParsedSheet> => {
  const cached = sheets.get(job.id);
  if (cached) return cached;
  const file = await queryOne<{ content: Buffer | Uint8Array }>(
    db,
    sql`select content from import_files where job_id = ${job.id}`,
  );
  const sheet = await parseSpreadsheet(
    Buffer.from(file!.content),
    job.file_name,
    isKnownHeader(job.kind),
    (done, total) => progress?.('reading', done, total),
  );
  remember(sheets, job.id, sheet);
  return sheet;
};

const summarise = (rows: RowResult[]): TImportSummary => {
  const encodings: Record<string, number> = {};
  let conversions = 0;
  for (const r of rows)
    for (const c of r.conversions) {
      encodings[c.encoding] = (encodings[c.encoding] ?? 0) + 1;
      conversions += 1;
    }
  return {
    total: rows.length,
    valid: rows.filter((r) => !r.errors.length && !r.duplicate && !r.already).length,
    errors: rows.filter((r) => r.errors.length).length,
    warnings: rows.filter((r) => r.warnings.length).length,
    converted: rows.filter((r) => r.conversions.length).length,
    conversions,
    encodings,
    duplicates: rows.filter((r) => r.duplicate && !r.errors.length).length,
    alreadyImported: rows.filter((r) => r.already).length,
  };
};

const showCell = (c: ParsedSheet['rows'][number]['cells'][number]) =>
  c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c);

/** Spreadsheet column letters, as Excel shows them: 0 → A, 26 → AA. */
export const columnLetter = (index: number): string =>
  (index >= 26 ? columnLetter(Math.floor(index / 26) - 1) : '') +
  String.fromCharCode(65 + (index % 26));

/** Every column with data in at least one row, with up to three different sample values. */
const dataColumnsOf = (sheet: ParsedSheet): TImportJob['dataColumns'] => {
  const out: TImportJob['dataColumns'] = [];
  for (let column = 0; column < sheet.headers.length; column++) {
    const samples = new Set<string>();
    for (const r of sheet.rows) {
      const v = r.cells[column] ?? null;
      if (v !== null) samples.add(showCell(v));
      if (samples.size === 3) break;
    }
    if (samples.size)
      out.push({ column, header: sheet.headers[column] ?? '', samples: [...samples] });
  }
  return out;
};

/**
 * Columns that hold data but are neither mapped to a field nor skipped by the user: their data
 * would be lost, so the commit waits for a choice (issue 17).
 */
export const unmappedColumnsOf = (
  sheet: ParsedSheet,
  mapping: TImportMapping,
  skipped: readonly number[],
): TImportJob['unmappedColumns'] => {
  const taken = new Set<number>([...skipped]);
  for (const col of Object.values(mapping)) if (col !== null && col !== undefined) taken.add(col);
  return dataColumnsOf(sheet).filter((c) => !taken.has(c.column));
};

const columnName = (c: { column: number; header: string }) =>
  `cột ${columnLetter(c.column)}${c.header ? ` "${c.header}"` : ''}`;

const toJob = (job: JobRow, sheet: ParsedSheet, layoutRemembered: boolean): TImportJob => ({
  id: job.id,
  kind: job.kind,
  fileName: job.file_name,
  sha256: job.file_sha256,
  size: job.size,
  status: job.status,
  headerRow: job.header_row,
  headers: job.headers,
  fields: importFields[job.kind].map((f) => ({
    key: f.key,
    label: f.label,
    required: Boolean(f.required),
  })),
  mapping: job.mapping,
  skippedColumns: job.skipped_columns ?? [],
  dataColumns: dataColumnsOf(sheet),
  unmappedColumns: unmappedColumnsOf(sheet, job.mapping, job.skipped_columns ?? []),
  layoutRemembered,
  rowCount: job.total_rows,
  sampleRows: sheet.rows.slice(0, 5).map((r) => r.cells.map(showCell)),
  headerConversions: job.summary?.headerConversions ?? sheet.headerConversions.length,
  summary: job.summary?.preview ?? null,
  result: job.summary?.result ?? null,
  createdAt: new Date(job.created_at).toISOString(),
});

/** Upload: read the file, find its header row, and propose (or recall) the column mapping. */
export const uploadImport = async ({
  db,
  actor,
  input,
  progress,
}: {
  db: Db;
  actor: Actor;
  input: TImportUpload;
  progress?: Progress;
}): Promise<TImportJob> => {
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0) throw invalidField('contentBase64', 'Tệp rỗng.');
  if (content.length > importMaxBytes)
    throw invalidField('contentBase64', 'Tệp lớn hơn 25 MB: hãy chia thành nhiều tệp nhỏ hơn.');
  await progress?.('reading', 0, 1);
  const sheet = await parseSpreadsheet(
    content,
    input.fileName,
    isKnownHeader(input.kind),
    (done, total) => progress?.('reading', done, total),
  );
  const fingerprint = layoutFingerprint(input.kind, sheet.headers);
  const layout = await queryOne<{ mapping: TImportMapping; skipped_columns: number[] }>(
    db,
    sql`select mapping, skipped_columns from import_layouts
        where kind = ${input.kind} and fingerprint = ${fingerprint}`,
  );
  const mapping = layout?.mapping ?? guessMapping(input.kind, sheet.headers);
  // A remembered layout keeps its skip decisions; a new one only skips its numbering column.
  const skipped = layout?.skipped_columns ?? guessSkippedColumns(sheet.headers, mapping);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const job = await db.transaction(async (tx) => {
    const [created] = await queryRows<{ id: number }>(
      tx,
      sql`insert into import_jobs (kind, org_unit_id, file_name, file_sha256, layout_fingerprint, mapping, skipped_columns, status, total_rows, summary, created_by)
          values (${input.kind}, ${actor.scopeOrgUnitId}, ${input.fileName}, ${sha256}, ${fingerprint},
            ${JSON.stringify(mapping)}::jsonb, ${JSON.stringify(skipped)}::jsonb, 'uploaded', ${sheet.rows.length},
            ${JSON.stringify({ headerConversions: sheet.headerConversions.length })}::jsonb, ${actor.userId})
          returning id`,
    );
    await tx.execute(
      sql`insert into import_files (job_id, size, content, header_row, headers)
          values (${created.id}, ${content.length}, ${content}, ${sheet.headerRow}, ${JSON.stringify(sheet.headers)}::jsonb)`,
    );
    return loadJob(tx, actor, created.id);
  });
  remember(sheets, job.id, sheet);
  return toJob(job, sheet, Boolean(layout));
};

export const getImport = async ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<TImportJob> => {
  const job = await loadJob(db, actor, id);
  const sheet = await sheetOf(db, job);
  const layout = await queryOne<{ ok: number }>(
    db,
    sql`select 1 as ok from import_layouts where kind = ${job.kind} and fingerprint = ${job.layout_fingerprint}`,
  );
  return toJob(job, sheet, Boolean(layout));
};

export const listImports = async ({ db, actor }: { db: Db; actor: Actor }) => {
  const rows = await queryRows<JobRow>(
    db,
    sql`select j.* from import_jobs j join org_units o on o.id = j.org_unit_id
        where ${inScope(actor, sql`o.path`)} order by j.id desc limit 50`,
  );
  return {
    items: rows.map((j) => ({
      id: j.id,
      kind: j.kind,
      fileName: j.file_name,
      status: j.status,
      rowCount: j.total_rows,
      createdAt: new Date(j.created_at).toISOString(),
      result: j.summary?.result ?? null,
    })),
  };
};

const checkMapping = (
  kind: ImportKind,
  mapping: TImportMapping,
  width: number,
  skipped: readonly number[],
) => {
  const missing = importFields[kind].filter(
    (f) => f.required && (mapping[f.key] === null || mapping[f.key] === undefined),
  );
  if (missing.length)
    throw new AppError('VALIDATION', {
      message: `Chưa ghép cột cho: ${missing.map((f) => f.label).join(', ')}.`,
      fields: missing.map((f) => ({ path: `mapping.${f.key}`, message: 'Cần chọn cột.' })),
    });
  const used = new Map<number, string>();
  for (const f of importFields[kind]) {
    const col = mapping[f.key];
    if (col === null || col === undefined) continue;
    if (col >= width) throw invalidField(`mapping.${f.key}`, 'Cột không có trong tệp.');
    if (used.has(col))
      throw invalidField(
        `mapping.${f.key}`,
        `Một cột không thể ghép cho cả "${used.get(col)}" và "${f.label}".`,
      );
    used.set(col, f.label);
  }
  for (const col of skipped) {
    if (col >= width) throw invalidField('skippedColumns', 'Cột bỏ qua không có trong tệp.');
    if (used.has(col))
      throw invalidField(
        'skippedColumns',
        `Cột ${columnLetter(col)} đã ghép cho "${used.get(col)}" nên không thể đồng thời bỏ qua.`,
      );
  }
  return Object.fromEntries(importFields[kind].map((f) => [f.key, mapping[f.key] ?? null]));
};

/** Preview: check every row with the chosen mapping; the mapping is remembered for this layout. */
export const previewImport = async ({
  db,
  actor,
  id,
  mapping: proposed,
  skippedColumns,
  progress,
}: {
  db: Db;
  actor: Actor;
  id: number;
  mapping: TImportMapping;
  /** Omitted: the job's current skip decisions, less the columns now mapped. */
  skippedColumns?: number[];
  progress?: Progress;
}): Promise<TImportJob> => {
  const job = await loadJob(db, actor, id);
  if (job.status === 'committed')
    throw new AppError('CONFLICT', { message: 'Lần nhập này đã được ghi vào hệ thống.' });
  const sheet = await sheetOf(db, job, progress);
  const mappedColumns = new Set(Object.values(proposed));
  const skipped = [
    ...new Set(skippedColumns ?? (job.skipped_columns ?? []).filter((c) => !mappedColumns.has(c))),
  ].sort((a, b) => a - b);
  const mapping = checkMapping(job.kind, proposed, job.headers.length, skipped);
  const today = todayIso();
  const cells = await loadCellRows(db, actor);
  const own = checkRows({
    kind: job.kind,
    sheet,
    mapping,
    today,
    cells,
    onProgress: (done, total) => progress?.('validating', done, total),
  });
  remember(ownChecks, job.id, { basis: checkBasis(mapping, today, cells), rows: own });
  const rows = await checkAgainstRecords(db, actor, job.kind, unmarkedCopy(own));
  remember(previews, job.id, rows);
  const summary = summarise(rows);
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      update import_jobs set mapping = ${JSON.stringify(mapping)}::jsonb,
        skipped_columns = ${JSON.stringify(skipped)}::jsonb, status = 'previewed',
        summary = coalesce(summary, '{}'::jsonb) || ${JSON.stringify({ preview: summary })}::jsonb
      where id = ${job.id}`);
    await tx.execute(sql`
      insert into import_layouts (kind, fingerprint, mapping, skipped_columns, updated_at)
      values (${job.kind}, ${job.layout_fingerprint}, ${JSON.stringify(mapping)}::jsonb,
        ${JSON.stringify(skipped)}::jsonb, now())
      on conflict (kind, fingerprint) do update
        set mapping = excluded.mapping, skipped_columns = excluded.skipped_columns, updated_at = now()`);
  });
  return getImport({ db, actor, id });
};

const rowStatus = (r: RowResult): TImportRow['status'] =>
  r.errors.length ? 'error' : r.already ? 'already' : r.duplicate ? 'duplicate' : 'ok';

export const getImportRows = async ({
  db,
  actor,
  id,
  query,
}: {
  db: Db;
  actor: Actor;
  id: number;
  query: { page: number; pageSize: number; filter: string };
}) => {
  const job = await loadJob(db, actor, id);
  let rows = previews.get(job.id);
  if (!rows) {
    if (job.status === 'uploaded')
      throw new AppError('CONFLICT', { message: 'Hãy ghép cột và xem trước trước đã.' });
    rows = await validateRows({
      db,
      actor,
      kind: job.kind,
      sheet: await sheetOf(db, job),
      mapping: job.mapping,
      today: todayIso(),
    });
    remember(previews, job.id, rows);
  }
  const filtered = rows.filter((r) =>
    query.filter === 'errors'
      ? r.errors.length > 0
      : query.filter === 'warnings'
        ? r.warnings.length > 0
        : query.filter === 'converted'
          ? r.conversions.length > 0
          : query.filter === 'duplicates'
            ? (r.duplicate !== null && !r.errors.length) || r.already
            : true,
  );
  const start = (query.page - 1) * query.pageSize;
  return {
    items: filtered.slice(start, start + query.pageSize).map(
      (r): TImportRow => ({
        rowNumber: r.rowNumber,
        status: rowStatus(r),
        values: r.values,
        errors: r.errors,
        warnings: r.warnings,
        conversions: r.conversions,
        duplicate: r.duplicate,
      }),
    ),
    total: filtered.length,
    page: query.page,
    pageSize: query.pageSize,
  };
};

const IMPORT_LOCK = 730_002;

/**
 * Commit: in ONE transaction, check every row again against the database as it is now, refuse if
 * any row still has an error or an undecided duplicate, write the rest, and audit it. The same file
 * committed before writes nothing; rows imported before (same content) are skipped.
 */
export const commitImport = async ({
  db,
  actor,
  id,
  input,
  progress,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TImportCommit;
  progress?: Progress;
}): Promise<TImportResult> => {
  const first = await loadJob(db, actor, id);
  if (first.status === 'uploaded')
    throw new AppError('CONFLICT', { message: 'Hãy ghép cột và xem trước trước khi ghi.' });
  const sheet = await sheetOf(db, first, progress);
  const result = await withFigures(db, async (tx): Promise<TImportResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
    const job = await loadJob(tx, actor, id);
    const same = await queryOne<{ id: number; committed_at: string | Date }>(
      tx,
      sql`select id, committed_at from import_jobs
          where kind = ${job.kind} and file_sha256 = ${job.file_sha256} and status = 'committed'
          order by id limit 1`,
    );
    if (same) {
      const when = new Date(same.committed_at).toLocaleString('vi-VN', {
        timeZone: 'Asia/Ho_Chi_Minh',
      });
      return {
        created: 0,
        skipped: 0,
        excluded: 0,
        alreadyImported: job.total_rows,
        sameFileJobId: same.id,
        message: `Tệp này đã được ghi lúc ${when} (lần nhập số ${same.id}): không ghi thêm gì.`,
        orgUnitIds: [],
      };
    }
    const unmapped = unmappedColumnsOf(sheet, job.mapping, job.skipped_columns ?? []);
    if (unmapped.length)
      throw new AppError('VALIDATION', {
        message: `Còn ${formatNumber(unmapped.length)} cột có dữ liệu chưa được ghép với thông tin nào, cũng chưa được đánh dấu bỏ qua (${unmapped
          .slice(0, 5)
          .map((c) => `${columnName(c)}, ví dụ "${c.samples[0]}"`)
          .join(
            '; ',
          )}${unmapped.length > 5 ? '…' : ''}): hãy ghép hoặc chọn bỏ qua từng cột ở bước ghép cột. Chưa ghi gì.`,
        fields: unmapped.map((c) => ({
          path: `skippedColumns.${c.column}`,
          message: 'Cần ghép hoặc bỏ qua cột này.',
        })),
      });
    const today = todayIso();
    const cells = await loadCellRows(tx, actor);
    const kept = ownChecks.get(job.id);
    const own =
      kept && kept.basis === checkBasis(job.mapping, today, cells)
        ? kept.rows
        : checkRows({
            kind: job.kind,
            sheet,
            mapping: job.mapping,
            today,
            cells,
            onProgress: (done, total) => progress?.('validating', done, total),
          });
    const rows = await checkAgainstRecords(tx, actor, job.kind, unmarkedCopy(own));
    const excluded = new Set(input.excludedRows);
    const decisionOf = (r: RowResult) =>
      input.duplicateDecisions[String(r.rowNumber)] ?? input.duplicateDefault ?? null;
    const blocking = rows.filter((r) => !excluded.has(r.rowNumber) && r.errors.length);
    if (blocking.length)
      throw new AppError('VALIDATION', {
        message: `Còn ${formatNumber(blocking.length)} dòng có lỗi (${blocking
          .slice(0, 3)
          .map((r) => `dòng ${r.rowNumber}: ${r.errors.join(' ')}`)
          .join(
            '; ',
          )}${blocking.length > 3 ? '; …' : ''}): sửa tệp rồi tải lên lại, hoặc bỏ các dòng đó. Chưa ghi gì.`,
      });
    const undecided = rows.filter(
      (r) => !excluded.has(r.rowNumber) && !r.already && r.duplicate && decisionOf(r) === null,
    );
    if (undecided.length)
      throw new AppError('VALIDATION', {
        message: `Còn ${formatNumber(undecided.length)} dòng trùng chưa quyết định (bỏ qua hay nhập như người mới). Chưa ghi gì.`,
      });
    const forced = rows.filter(
      (r) =>
        !excluded.has(r.rowNumber) &&
        r.duplicate &&
        !r.duplicate.allowImport &&
        decisionOf(r) === 'import',
    );
    if (forced.length)
      throw new AppError('VALIDATION', {
        message: `Dòng ${forced[0].rowNumber}: ${forced[0].duplicate!.reason} Chưa ghi gì.`,
      });
    const accepted = rows.filter(
      (r) =>
        !excluded.has(r.rowNumber) && !r.already && (!r.duplicate || decisionOf(r) === 'import'),
    );
    const skipped = rows.filter(
      (r) => !excluded.has(r.rowNumber) && !r.already && r.duplicate && decisionOf(r) !== 'import',
    ).length;
    const alreadyImported = rows.filter((r) => !excluded.has(r.rowNumber) && r.already).length;
    const writer =
      job.kind === 'members'
        ? writeMembers
        : job.kind === 'applicants'
          ? writeApplicants
          : writeEvents;
    const progressOf: Progress = (phase, done, total) => progress?.(phase, done, total);
    await writer(tx, actor, job.id, accepted, progressOf);
    const orgUnitIds = [
      ...new Set(accepted.map((r) => r.data.orgUnitId as number | null).filter((v) => v !== null)),
    ] as number[];
    const label = { members: 'đảng viên', applicants: 'quần chúng', events: 'sự kiện' }[job.kind];
    const result: TImportResult = {
      created: accepted.length,
      skipped,
      excluded: rows.filter((r) => excluded.has(r.rowNumber)).length,
      alreadyImported,
      sameFileJobId: null,
      message:
        accepted.length === 0 && alreadyImported > 0
          ? `Mọi dòng của tệp đã được nhập trước đây: không ghi thêm gì.`
          : `Đã ghi ${formatNumber(accepted.length)} ${label}.`,
      orgUnitIds: orgUnitIds.slice(0, 50),
    };
    await tx.execute(sql`
      update import_jobs set status = 'committed', committed_at = now(),
        summary = coalesce(summary, '{}'::jsonb) || ${JSON.stringify({ preview: summarise(rows), result })}::jsonb
      where id = ${job.id}`);
    await writeAudit(tx, {
      actor,
      action: 'import.commit',
      entityType: 'import',
      entityId: job.id,
      orgUnitId: job.org_unit_id,
      meta: {
        kind: job.kind,
        fileName: job.file_name,
        sha256: job.file_sha256,
        rows: rows.length,
        created: result.created,
        skipped: result.skipped,
        excluded: result.excluded,
        alreadyImported: result.alreadyImported,
      },
    });
    previews.delete(job.id);
    ownChecks.delete(job.id);
    return result;
  });
  // A large load leaves the planner's statistics stale, and PGlite has no autovacuum to refresh
  // them: without this, the next lists and checks over these tables can pick plans that take seconds.
  if (result.created >= ANALYZE_AFTER_ROWS)
    await db.execute(sql.raw(`analyze ${analyzedTables[first.kind].join(', ')}`));
  return result;
};

const ANALYZE_AFTER_ROWS = 5_000;
const analyzedTables: Record<ImportKind, string[]> = {
  members: ['members', 'member_events', 'member_periods', 'org_member_counts', 'import_row_keys'],
  applicants: ['applicants', 'import_row_keys'],
  events: ['member_events', 'member_periods', 'members', 'org_member_counts', 'import_row_keys'],
};
