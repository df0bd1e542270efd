// Keeping step with the national member database (CSDL đảng viên): an export of it is read with the
// import wizard's reader, matched with our members, and each difference is decided by a user
// (docs/domain/reconciliation.md).
import { type ReconColumn, reconFieldLabels } from '../domain/reconciliation/reconcile';
import { ZId, ZOk } from './common';
import { z } from './zod-vi';

export {
  type ReconColumn,
  type ReconField,
  reconFieldLabels,
  reconFields,
} from '../domain/reconciliation/reconcile';

/** The largest file read: an export of a grassroots organisation or a district is far smaller. */
export const reconMaxBytes = 15 * 1024 * 1024;
const maxBase64 = Math.ceil(reconMaxBytes / 3) * 4;
export const reconTooBigMessage =
  'Tệp lớn hơn 15 MB: hãy xuất từ CSDL đảng viên theo từng đảng bộ cơ sở rồi đối chiếu từng tệp.';

export const reconColumns = [
  'fullName',
  'birthDate',
  'citizenId',
  'cardNumber',
  'admittedOn',
  'recognisedOn',
  'cell',
  'parentUnit',
  'status',
] as const satisfies readonly ReconColumn[];
export const reconColumnLabels: Record<ReconColumn, string> = {
  ...reconFieldLabels,
  parentUnit: 'Đảng bộ cơ sở (của chi bộ)',
};

export const ZReconFile = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().min(1, 'Tệp rỗng.').max(maxBase64, reconTooBigMessage),
});
export type TReconFile = z.infer<typeof ZReconFile>;

/** column → index (0-based) in the file, or null when the file has no such column. */
export const ZReconMapping = z.object(
  Object.fromEntries(
    reconColumns.map((c) => [c, z.number().int().min(0).max(500).nullable()]),
  ) as Record<ReconColumn, z.ZodNullable<z.ZodNumber>>,
);
export type TReconMapping = z.infer<typeof ZReconMapping>;

export const ZReconLayout = z.object({
  headers: z.array(z.string()),
  headerRow: z.number().int(),
  rowCount: z.number().int(),
  mapping: ZReconMapping,
  sample: z.array(z.array(z.string().nullable())),
});
export type TReconLayout = z.infer<typeof ZReconLayout>;

export const ZReconRunCreate = ZReconFile.extend({ mapping: ZReconMapping });

export const reconGroups = [
  'differences',
  'onlyHere',
  'onlyThere',
  'matched',
  'outOfScope',
] as const;
export type ReconGroup = (typeof reconGroups)[number];
export const reconGroupLabels: Record<ReconGroup, string> = {
  differences: 'Khác nhau',
  onlyHere: 'Chỉ có ở ta',
  onlyThere: 'Chỉ có trong CSDL',
  matched: 'Khớp',
  outOfScope: 'Ngoài phạm vi',
};

export const reconDecisions = ['apply', 'keep', 'note'] as const;
export type ReconDecision = (typeof reconDecisions)[number];
export const reconDecisionLabels: Record<ReconDecision, string> = {
  apply: 'Sửa theo CSDL',
  keep: 'Giữ của ta',
  note: 'Đã xử lý ngoài hệ thống',
};

export const ZReconCounts = z.object({
  rows: z.number().int(),
  matched: z.number().int(),
  membersWithDifferences: z.number().int(),
  differences: z.number().int(),
  onlyHere: z.number().int(),
  onlyThere: z.number().int(),
  outOfScope: z.number().int(),
  undecided: z.number().int(),
});

export const ZReconRun = z.object({
  id: z.number().int(),
  fileName: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  unitName: z.string(),
  counts: ZReconCounts,
});
export type TReconRun = z.infer<typeof ZReconRun>;
export const ZReconRunList = z.object({ items: z.array(ZReconRun) });

export const ZReconUnitSummary = z.object({
  unitId: z.number().int().nullable(),
  unitName: z.string(),
  differences: z.number().int(),
  onlyHere: z.number().int(),
  onlyThere: z.number().int(),
  undecided: z.number().int(),
  byField: z.record(z.string(), z.number().int()),
});
export const ZReconRunDetail = ZReconRun.extend({ units: z.array(ZReconUnitSummary) });
export type TReconRunDetail = z.infer<typeof ZReconRunDetail>;

export const ZReconItemsQuery = z.object({
  group: z.enum(reconGroups).default('differences'),
  undecided: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZReconItem = z.object({
  id: z.number().int(),
  kind: z.string(),
  memberId: z.number().int().nullable(),
  memberName: z.string().nullable(),
  rowNumber: z.number().int().nullable(),
  rowName: z.string().nullable(),
  rowBirthDate: z.string().nullable(),
  rowCell: z.string().nullable(),
  unitName: z.string().nullable(),
  field: z.string().nullable(),
  fieldLabel: z.string().nullable(),
  ours: z.string().nullable(),
  theirs: z.string().nullable(),
  matchedBy: z.string().nullable(),
  note: z.string().nullable(),
  /** The decisions this item may take (none for a match or a row out of scope). */
  decisions: z.array(z.enum(reconDecisions)),
  decision: z.enum(reconDecisions).nullable(),
  decisionNote: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type TReconItem = z.infer<typeof ZReconItem>;
export const ZReconItems = z.object({ items: z.array(ZReconItem), total: z.number().int() });

export const ZReconDecisionInput = z
  .object({
    decision: z.enum(reconDecisions),
    note: z.string().trim().max(1000).optional(),
  })
  .refine((v) => v.decision !== 'note' || (v.note ?? '').length > 0, {
    message: 'Hãy ghi rõ đã xử lý thế nào.',
    path: ['note'],
  });
export type TReconDecisionInput = z.infer<typeof ZReconDecisionInput>;

export const ZReconDecided = ZOk.extend({ memberVersion: z.number().int().nullable() });
export const ZReconRunId = z.object({ id: ZId });
