// The annual report: drafts per organisation and year, generation jobs, free text, evidence, exports.
import { placeholderKeys } from '../domain/reports/annual-report';
import { ZId } from './common';
import { z } from './zod-vi';

export const ZReportYear = z.coerce
  .number()
  .int()
  .min(2000, 'Năm không hợp lệ.')
  .max(2100, 'Năm không hợp lệ.');

export const ZReportQuery = z.object({ orgUnitId: ZId.optional(), year: ZReportYear });
export const ZGenerateInput = z.object({
  orgUnitId: ZId.optional(),
  year: ZReportYear,
  /** The date printed on the draft ("Lạng Sơn, ngày 10 tháng 12 năm 2025"); default: today, or 31/12 of a past year. */
  documentDate: z.iso.date('Ngày của văn bản không hợp lệ.').optional(),
});

const ZInline = z.discriminatedUnion('t', [
  z.object({ t: z.literal('text'), text: z.string() }),
  z.object({ t: z.literal('figure'), key: z.string(), text: z.string() }),
  z.object({ t: z.literal('missing'), key: z.string(), text: z.string() }),
  z.object({ t: z.literal('placeholder'), key: z.string(), text: z.string(), filled: z.boolean() }),
]);
const ZBlock = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('heading'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    text: z.string(),
  }),
  z.object({ kind: z.literal('paragraph'), inlines: z.array(ZInline) }),
]);
export const ZReportModel = z.object({
  header: z.object({
    superiorName: z.string(),
    issuerName: z.string(),
    numberText: z.string(),
    placeDate: z.string(),
  }),
  typeName: z.string(),
  summary: z.array(z.string()),
  blocks: z.array(ZBlock),
  recipients: z.array(z.string()),
  signer: z.object({ authority: z.string(), title: z.string(), name: z.string() }),
});

export const ZReportFigure = z.object({
  key: z.string(),
  metricCode: z.string(),
  label: z.string(),
  /** The value as the report prints it, or null when the figure is not available. */
  display: z.string().nullable(),
  unavailableReason: z.string().nullable(),
  previousDisplay: z.string().nullable(),
  recordCount: z.number(),
});

export const ZPlaceholderInfo = z.object({ key: z.string(), prompt: z.string() });

export const ZReportDraft = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  year: z.number(),
  version: z.number(),
  texts: z.record(z.string(), z.string()),
  generatedAt: z.string().nullable(),
  model: ZReportModel.nullable(),
  figures: z.array(ZReportFigure),
  placeholders: z.array(ZPlaceholderInfo),
  issuedNumber: z.string().nullable(),
  pdfAvailable: z.boolean(),
});
export const ZReportDraftResult = z.object({ draft: ZReportDraft.nullable() });

const placeholderKeySet = new Set<string>([...placeholderKeys, 'signerName']);
export const ZTextsInput = z.object({
  version: z.number().int().positive(),
  texts: z
    .record(z.string(), z.string().max(20_000, 'Nội dung quá dài (tối đa 20.000 ký tự).'))
    .refine(
      (t) => Object.keys(t).every((k) => placeholderKeySet.has(k)),
      'Mục nội dung không hợp lệ.',
    ),
});
export const ZSaved = z.object({ id: z.number(), version: z.number() });

export const ZJobStep = z.object({
  title: z.string(),
  status: z.enum(['pending', 'running', 'done', 'failed']),
  detail: z.string().nullable(),
});
export const ZJob = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  steps: z.array(ZJobStep),
  draftId: z.number().nullable(),
  error: z.string().nullable(),
});
export const ZJobParams = z.object({ id: z.string().uuid() });
export const ZJobStarted = z.object({ jobId: z.string() });

export const exportFormats = ['docx', 'pdf', 'xlsx'] as const;
export const ZExportQuery = z.object({ format: z.enum(exportFormats) });

export const ZEvidenceRecord = z.object({ kind: z.string(), id: z.number(), label: z.string() });
export const ZEvidence = z.object({
  draftId: z.number(),
  orgUnitName: z.string(),
  year: z.number(),
  generatedAt: z.string().nullable(),
  figures: z.array(
    z.object({
      key: z.string(),
      metricCode: z.string(),
      label: z.string(),
      display: z.string().nullable(),
      scope: z.object({ unitId: z.number(), from: z.string(), to: z.string(), asOf: z.string() }),
      records: z.array(ZEvidenceRecord),
    }),
  ),
});

export const ZIssueInput = z.object({ issuedOn: z.iso.date().optional() });
export const ZIssued = z.object({ documentId: z.number(), numberText: z.string() });

export type TReportDraft = z.infer<typeof ZReportDraft>;
export type TReportModel = z.infer<typeof ZReportModel>;
export type TJob = z.infer<typeof ZJob>;
export type TEvidence = z.infer<typeof ZEvidence>;
