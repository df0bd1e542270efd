// The annual report use cases: generate (a job with steps the UI polls), read the draft with its
// model, save the office's free text (kept when figures are regenerated), export DOCX / PDF / XLSX,
// the evidence appendix, and issuing (the next number of the register, in one transaction).
import { randomUUID } from 'node:crypto';
import type { TEvidence, TJob, TReportDraft } from '../../../contracts/reports';
import {
  type AnnualReportData,
  buildReportModel,
  placeholderKeys,
  placeholderPrompts,
} from '../../../domain/reports/annual-report';
import { type Db, type DbOrTx, queryOne, sql } from '../../db/client';
import { readSetting } from '../../db/settings';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors';
import { registerDocument } from '../documents';
import { type AnnexData, gatherAnnex, renderAnnexXlsx } from './report-annex';
import { displayFigure, type Evidence, gatherReportData } from './report-data';
import { type DocumentFormat, defaultDocumentFormat, renderReportDocx } from './report-docx';
import { defaultReportDate, documentDateProblem, reportHeader } from './report-header';
import { convertDocxToPdf, findSoffice } from './report-pdf';

export type StoredSnapshot = { report: AnnualReportData; evidence: Evidence[]; annex: AnnexData };

/** The root of a scope, or a grassroots organisation (docs/domain/annual-report-figures.md: bloc and TCCSĐ reports). */
const reportingKinds = [
  'province_committee',
  'upper_committee',
  'grassroots_committee',
  'grassroots_cell',
];

const reportUnit = async (db: DbOrTx, actor: Actor, orgUnitId: number | undefined) => {
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  if (unit.id !== actor.scopeOrgUnitId && !reportingKinds.includes(unit.kind))
    throw invalidField(
      'orgUnitId',
      'Báo cáo tổng kết lập cho Đảng bộ cấp trên hoặc một tổ chức cơ sở đảng (đảng bộ cơ sở, chi bộ cơ sở).',
    );
  return unit;
};

export const reportTitle = (year: number) =>
  `Báo cáo tổng kết công tác xây dựng Đảng năm ${year}, phương hướng, nhiệm vụ năm ${year + 1}`;

// ---------------------------------------------------------------- generation jobs (in memory)

type JobState = TJob & { userId: number; startedAt: number };
const jobs = new Map<string, JobState>();
const JOB_TTL_MS = 60 * 60 * 1000;

const stepTitles = [
  'Tính các số liệu từ danh mục chỉ số',
  'Lập các biểu thống kê phụ lục',
  'Lưu bản nháp báo cáo',
];

export const getJob = ({ actor, id }: { actor: Actor; id: string }): TJob => {
  const job = jobs.get(id);
  if (!job || job.userId !== actor.userId) throw notFound('tiến trình lập báo cáo');
  const { userId: _u, startedAt: _s, ...rest } = job;
  return rest;
};

/** Computes figures and annex for a draft and stores them; the office's text is kept. */
export const generateDraft = async ({
  db,
  actor,
  unitId,
  year,
  documentDate,
  onStep,
}: {
  db: Db;
  actor: Actor;
  unitId: number;
  year: number;
  /** The date printed on the draft (report-header.ts: names, place and date as of it). */
  documentDate?: string;
  onStep?: (index: number, status: 'running' | 'done', detail?: string) => void;
}): Promise<number> => {
  const existing = await queryOne<{
    id: number;
    texts: Record<string, string>;
    data: StoredSnapshot | null;
    number_text: string | null;
    issued_on: string | null;
  }>(
    db,
    sql`select r.id, r.texts, r.data, d.number_text, d.issued_on from report_drafts r
        left join issued_documents d on d.id = r.issued_document_id
        where r.org_unit_id = ${unitId} and r.year = ${year}`,
  );
  onStep?.(0, 'running');
  const snapshot = await gatherReportData({
    db,
    unitId,
    year,
    // An issued report keeps the date of its number in the register.
    issuedOn: existing?.issued_on ?? documentDate,
    documentNumber: existing?.number_text ?? null,
    onProgress: (_step, done, total) => onStep?.(0, 'running', `${done}/${total} chỉ số`),
  });
  onStep?.(0, 'done');
  onStep?.(1, 'running');
  const annex = await gatherAnnex({ db, unitId, year });
  onStep?.(1, 'done');
  onStep?.(2, 'running');
  const data: StoredSnapshot = { ...snapshot, annex };
  const id = await db.transaction(async (tx) => {
    const row = await queryOne<{ id: number }>(
      tx,
      sql`insert into report_drafts (org_unit_id, year, data, generated_at, updated_by)
          values (${unitId}, ${year}, ${JSON.stringify(data)}::jsonb, now(), ${actor.userId})
          on conflict (org_unit_id, year) do update set data = excluded.data,
            generated_at = excluded.generated_at, updated_by = excluded.updated_by,
            updated_at = now(), version = report_drafts.version + 1
          returning id`,
    );
    await writeAudit(tx, {
      actor,
      action: 'report.generate',
      entityType: 'report_draft',
      entityId: row!.id,
      orgUnitId: unitId,
      meta: { year, figures: snapshot.evidence.length },
    });
    return row!.id;
  });
  onStep?.(2, 'done');
  return id;
};

export const startGeneration = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { orgUnitId?: number; year: number; documentDate?: string };
}): Promise<{ jobId: string }> => {
  const unit = await reportUnit(db, actor, input.orgUnitId);
  const dateProblem = input.documentDate
    ? documentDateProblem(input.year, input.documentDate)
    : null;
  if (dateProblem) throw invalidField('documentDate', dateProblem);
  const now = Date.now();
  for (const [key, job] of jobs) if (now - job.startedAt > JOB_TTL_MS) jobs.delete(key);
  const job: JobState = {
    id: randomUUID(),
    status: 'running',
    steps: stepTitles.map((title) => ({ title, status: 'pending', detail: null })),
    draftId: null,
    error: null,
    userId: actor.userId,
    startedAt: now,
  };
  jobs.set(job.id, job);
  void generateDraft({
    db,
    actor,
    unitId: unit.id,
    year: input.year,
    documentDate: input.documentDate,
    onStep: (index, status, detail) => {
      job.steps[index] = {
        ...job.steps[index]!,
        status,
        detail: detail ?? job.steps[index]!.detail,
      };
    },
  })
    .then((draftId) => {
      job.draftId = draftId;
      job.status = 'done';
    })
    .catch((error: unknown) => {
      job.status = 'failed';
      job.error =
        error instanceof AppError ? error.message : 'Lập báo cáo không thành công. Hãy thử lại.';
      for (const step of job.steps) if (step.status === 'running') step.status = 'failed';
    });
  return { jobId: job.id };
};

/** Figures, evidence and annex for an organisation and year, without storing them (command line, bench). */
export const composeSnapshot = async (args: {
  db: DbOrTx;
  unitId: number;
  year: number;
  issuedOn?: string;
  documentNumber?: string | null;
}): Promise<StoredSnapshot> => {
  const snapshot = await gatherReportData(args);
  const annex = await gatherAnnex({ db: args.db, unitId: args.unitId, year: args.year });
  return { ...snapshot, annex };
};

// ---------------------------------------------------------------- drafts

type DraftRow = {
  id: number;
  org_unit_id: number;
  org_unit_name: string;
  year: number;
  version: number;
  texts: Record<string, string>;
  data: StoredSnapshot | null;
  generated_at: Date | string | null;
  number_text: string | null;
};

const draftSelect = sql`select r.id, r.org_unit_id, o.name as org_unit_name, r.year, r.version, r.texts,
    r.data, r.generated_at, d.number_text
  from report_drafts r join org_units o on o.id = r.org_unit_id
  left join issued_documents d on d.id = r.issued_document_id`;

const draftById = async (db: DbOrTx, actor: Actor, id: number, lock = false) => {
  const row = await queryOne<DraftRow>(
    db,
    sql`${draftSelect} where r.id = ${id} and ${inScope(actor, sql`o.path`)}
        ${lock ? sql`for update of r` : sql``}`,
  );
  if (!row) throw notFound('báo cáo');
  return row;
};

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

const toDraft = (row: DraftRow): TReportDraft => {
  const report = row.data?.report ?? null;
  return {
    id: row.id,
    orgUnitId: row.org_unit_id,
    orgUnitName: row.org_unit_name,
    year: row.year,
    version: row.version,
    texts: row.texts,
    generatedAt: iso(row.generated_at),
    model: report ? buildReportModel(report, row.texts) : null,
    figures: report
      ? Object.values(report.figures).map((f) => ({
          key: f.key,
          metricCode: f.metricCode,
          label: f.label,
          display: displayFigure(f.unit, f.current),
          unavailableReason: f.current.status === 'unavailable' ? f.current.reason : null,
          previousDisplay: displayFigure(f.unit, f.previous),
          recordCount: f.recordCount,
        }))
      : [],
    placeholders: [
      ...placeholderKeys.map((key) => ({ key, prompt: placeholderPrompts[key] })),
      { key: 'signerName', prompt: 'họ và tên người ký' },
    ],
    issuedNumber: row.number_text,
    pdfAvailable: findSoffice() !== null,
  };
};

export const getDraft = async ({
  db,
  actor,
  orgUnitId,
  year,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  year: number;
}): Promise<{ draft: TReportDraft | null }> => {
  const unit = await reportUnit(db, actor, orgUnitId);
  const row = await queryOne<DraftRow>(
    db,
    sql`${draftSelect} where r.org_unit_id = ${unit.id} and r.year = ${year}`,
  );
  return { draft: row ? toDraft(row) : null };
};

export const getDraftById = async ({ db, actor, id }: { db: Db; actor: Actor; id: number }) =>
  toDraft(await draftById(db, actor, id));

export const saveTexts = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: { version: number; texts: Record<string, string> };
}) =>
  db.transaction(async (tx) => {
    const row = await draftById(tx, actor, id, true);
    if (row.version !== input.version) throw conflict();
    const texts = Object.fromEntries(
      Object.entries(input.texts)
        .map(([k, v]) => [k, v.normalize('NFC').trim()] as const)
        .filter(([, v]) => v.length > 0),
    );
    const saved = await queryOne<{ version: number }>(
      tx,
      sql`update report_drafts set texts = ${JSON.stringify(texts)}::jsonb, version = version + 1,
            updated_by = ${actor.userId}, updated_at = now()
          where id = ${id} returning version`,
    );
    await writeAudit(tx, {
      actor,
      action: 'report.texts',
      entityType: 'report_draft',
      entityId: id,
      orgUnitId: row.org_unit_id,
      before: row.texts,
      after: texts,
    });
    return { id, version: saved!.version };
  });

// ---------------------------------------------------------------- exports

const documentFormatOf = async (db: DbOrTx): Promise<DocumentFormat> => {
  const setting = await readSetting<Partial<DocumentFormat>>(db, 'reports.format');
  return {
    ...defaultDocumentFormat,
    ...setting,
    margins: { ...defaultDocumentFormat.margins, ...setting?.margins },
  };
};

const mimeTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Renders a stored snapshot (also used by the command line). */
export const renderSnapshot = async (
  db: DbOrTx,
  data: StoredSnapshot,
  texts: Record<string, string>,
  format: 'docx' | 'pdf' | 'xlsx',
): Promise<Buffer> => {
  if (format === 'xlsx') return renderAnnexXlsx(data.annex);
  const docx = await renderReportDocx(
    buildReportModel(data.report, texts),
    await documentFormatOf(db),
  );
  return format === 'pdf' ? convertDocxToPdf(docx) : docx;
};

export const exportReport = async ({
  db,
  actor,
  id,
  format,
}: {
  db: Db;
  actor: Actor;
  id: number;
  format: 'docx' | 'pdf' | 'xlsx';
}) => {
  const row = await draftById(db, actor, id);
  if (!row.data)
    throw new AppError('BAD_REQUEST', {
      message: 'Báo cáo chưa được lập số liệu. Hãy bấm "Lập báo cáo".',
    });
  const content = await renderSnapshot(db, row.data, row.texts, format);
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'report.export',
      entityType: 'report_draft',
      entityId: id,
      orgUnitId: row.org_unit_id,
      meta: { format, year: row.year, bytes: content.length },
    }),
  );
  const name = `bao-cao-tong-ket-${row.year}${format === 'xlsx' ? '-phu-luc' : ''}.${format}`;
  return { content, mimeType: mimeTypes[format], fileName: name };
};

export const getEvidence = async ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<TEvidence> => {
  const row = await draftById(db, actor, id);
  const report = row.data?.report;
  // The evidence names members: reading it is an export of personal data, logged.
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'report.evidence',
      entityType: 'report_draft',
      entityId: id,
      orgUnitId: row.org_unit_id,
      meta: { year: row.year },
    }),
  );
  return {
    draftId: row.id,
    orgUnitName: row.org_unit_name,
    year: row.year,
    generatedAt: iso(row.generated_at),
    figures: (row.data?.evidence ?? []).map((e) => {
      const f = report?.figures[e.key];
      return {
        key: e.key,
        metricCode: e.metricCode,
        label: e.label,
        display: f ? displayFigure(f.unit, f.current) : null,
        scope: e.scope,
        records: e.records,
      };
    }),
  };
};

// ---------------------------------------------------------------- issuing

export const issueReport = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: { issuedOn?: string };
}) =>
  db.transaction(async (tx) => {
    const row = await draftById(tx, actor, id, true);
    if (row.number_text)
      throw new AppError('CONFLICT', {
        message: `Báo cáo này đã được vào sổ với ${row.number_text}.`,
      });
    if (!row.data) throw new AppError('BAD_REQUEST', { message: 'Báo cáo chưa được lập số liệu.' });
    const unit = await getUnitInScope(tx, actor, row.org_unit_id);
    const issuedOn = input.issuedOn ?? row.data.report.issuedOn ?? defaultReportDate(row.year);
    const dateProblem = documentDateProblem(row.year, issuedOn);
    if (dateProblem) throw invalidField('issuedOn', dateProblem);
    const doc = await registerDocument(tx, {
      actor,
      issuer: unit,
      type: 'report',
      title: reportTitle(row.year),
      issuedOn,
      signer: row.texts.signerName ?? null,
      reportDraftId: row.id,
    });
    // The issued report is headed, placed and dated as of its issue date (report-header.ts).
    const header = await reportHeader(tx, row.org_unit_id, issuedOn);
    const data: StoredSnapshot = {
      ...row.data,
      report: {
        ...row.data.report,
        ...header,
        signer: { ...header.signer, name: row.data.report.signer.name },
        documentNumber: doc.numberText,
        issuedOn,
      },
    };
    await tx.execute(
      sql`update report_drafts set issued_document_id = ${doc.id}, data = ${JSON.stringify(data)}::jsonb,
            version = version + 1, updated_by = ${actor.userId}, updated_at = now()
          where id = ${row.id}`,
    );
    return { documentId: doc.id, numberText: doc.numberText };
  });
