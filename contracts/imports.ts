import { ZId, ZPageQuery } from './common';
import { z } from './zod-vi';

export const importKinds = ['members', 'applicants', 'events'] as const;
export type ImportKind = (typeof importKinds)[number];
export const importKindLabels: Record<ImportKind, string> = {
  members: 'Đảng viên',
  applicants: 'Quần chúng ưu tú (phát triển đảng)',
  events: 'Sự kiện của đảng viên (chuyển sinh hoạt, miễn sinh hoạt…)',
};

/** 25 MB of file: a 100,000-row member list is 10–20 MB. */
export const importMaxBytes = 25 * 1024 * 1024;
const maxBase64 = Math.ceil(importMaxBytes / 3) * 4;

export const ZImportUpload = z.object({
  kind: z.enum(importKinds),
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z
    .string()
    .min(1, 'Tệp rỗng.')
    .max(maxBase64, 'Tệp lớn hơn 25 MB: hãy chia thành nhiều tệp nhỏ hơn.'),
});
export type TImportUpload = z.infer<typeof ZImportUpload>;

/** field → column index (0-based) or null when the file has no such column. */
export const ZImportMapping = z.record(
  z.string().max(50),
  z.number().int().min(0).max(500).nullable(),
);
export type TImportMapping = z.infer<typeof ZImportMapping>;

/** Columns (0-based) with data that the user chose not to import; omitted: the job's current choice. */
export const ZImportSkippedColumns = z.array(z.number().int().min(0).max(500)).max(501);

export const ZImportPreviewInput = z.object({
  mapping: ZImportMapping,
  skippedColumns: ZImportSkippedColumns.optional(),
});

export const duplicateDecisions = ['skip', 'import'] as const;
export const ZImportCommit = z.object({
  /** Rows (spreadsheet row numbers) the user leaves out explicitly. */
  excludedRows: z.array(z.number().int().min(1)).max(200_000).default([]),
  /** Per duplicate row: skip it or import it as a new person anyway. */
  duplicateDecisions: z.record(z.string().max(10), z.enum(duplicateDecisions)).default({}),
  /** A decision for every duplicate row without its own. */
  duplicateDefault: z.enum(duplicateDecisions).nullish(),
});
export type TImportCommit = z.infer<typeof ZImportCommit>;

export const ZImportSummary = z.object({
  total: z.number(),
  valid: z.number(),
  errors: z.number(),
  warnings: z.number(),
  converted: z.number(),
  conversions: z.number(),
  encodings: z.record(z.string(), z.number()),
  duplicates: z.number(),
  alreadyImported: z.number(),
});
export type TImportSummary = z.infer<typeof ZImportSummary>;

export const ZImportResult = z.object({
  created: z.number(),
  skipped: z.number(),
  excluded: z.number(),
  alreadyImported: z.number(),
  /** The same file had been committed before: nothing was written. */
  sameFileJobId: z.number().nullable(),
  message: z.string(),
  orgUnitIds: z.array(z.number()),
});
export type TImportResult = z.infer<typeof ZImportResult>;

export const importStatuses = ['uploaded', 'previewed', 'committed'] as const;

export const ZImportField = z.object({
  key: z.string(),
  label: z.string(),
  required: z.boolean(),
});

const ZImportColumn = z.object({
  column: z.number(),
  header: z.string(),
  samples: z.array(z.string()),
});

export const ZImportJob = z.object({
  id: z.number(),
  kind: z.enum(importKinds),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number(),
  status: z.enum(importStatuses),
  headerRow: z.number(),
  headers: z.array(z.string()),
  fields: z.array(ZImportField),
  mapping: ZImportMapping,
  skippedColumns: ZImportSkippedColumns,
  /** Every column with data in at least one row, with up to three different values. */
  dataColumns: z.array(ZImportColumn),
  /** Columns with data that are neither mapped nor skipped: the commit waits for a choice. */
  unmappedColumns: z.array(ZImportColumn),
  layoutRemembered: z.boolean(),
  rowCount: z.number(),
  sampleRows: z.array(z.array(z.string())),
  headerConversions: z.number(),
  summary: ZImportSummary.nullable(),
  result: ZImportResult.nullable(),
  createdAt: z.string(),
});
export type TImportJob = z.infer<typeof ZImportJob>;

export const ZImportConversion = z.object({
  field: z.string(),
  original: z.string(),
  converted: z.string(),
  encoding: z.string(),
});

export const ZImportRow = z.object({
  rowNumber: z.number(),
  status: z.enum(['ok', 'error', 'duplicate', 'already']),
  values: z.record(z.string(), z.string().nullable()),
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
  conversions: z.array(ZImportConversion),
  duplicate: z
    .object({
      reason: z.string(),
      existingId: z.number().nullable(),
      allowImport: z.boolean(),
    })
    .nullable(),
});
export type TImportRow = z.infer<typeof ZImportRow>;

export const importRowFilters = ['all', 'errors', 'warnings', 'converted', 'duplicates'] as const;
export const ZImportRowsQuery = ZPageQuery.extend({
  filter: z.enum(importRowFilters).default('all'),
});
export const ZImportRows = z.object({
  items: z.array(ZImportRow),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const ZImportList = z.object({
  items: z.array(
    ZImportJob.pick({
      id: true,
      kind: true,
      fileName: true,
      status: true,
      rowCount: true,
      createdAt: true,
      result: true,
    }),
  ),
});

export const ZSpreadsheetExportQuery = z.object({
  orgUnitId: ZId.optional(),
  purpose: z.string().trim().min(3, 'Cần ghi rõ mục đích xuất dữ liệu.').max(300),
});

/** One line of a streamed (NDJSON) answer: progress, then the result or an error. */
export type ImportStreamLine =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'result'; result: unknown }
  | { type: 'error'; code: string; message: string };

export const importPhaseLabels: Record<string, string> = {
  reading: 'Đang đọc tệp',
  validating: 'Đang kiểm tra từng dòng',
  writing: 'Đang ghi dữ liệu',
  totals: 'Đang cập nhật số liệu tổng hợp',
};
