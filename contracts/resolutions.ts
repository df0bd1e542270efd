// Resolutions, directives and conclusions and their dissemination (docs/domain/
// resolutions.md): the register, the plan, the units' study sessions and action programmes, the members'
// reflections and the coverage figures with their drill-down.
import { ZId, ZIsoDate, ZOptionalText } from './common';
import { z } from './zod-vi';

export const issuerLevels = ['central', 'province', 'upper', 'own'] as const;
export type IssuerLevel = (typeof issuerLevels)[number];
export const issuerLevelLabels: Record<IssuerLevel, string> = {
  central: 'Trung ương',
  province: 'Tỉnh ủy',
  upper: 'Đảng ủy cấp trên',
  own: 'Cấp ủy ban hành',
};

export const resolutionKinds = [
  'resolution',
  'directive',
  'conclusion',
  'regulation',
  'instruction',
  'other',
] as const;
export type ResolutionKind = (typeof resolutionKinds)[number];
export const resolutionKindLabels: Record<ResolutionKind, string> = {
  resolution: 'Nghị quyết',
  directive: 'Chỉ thị',
  conclusion: 'Kết luận',
  regulation: 'Quy định',
  instruction: 'Hướng dẫn',
  other: 'Văn bản khác',
};

export const sessionForms = ['in_person', 'online', 'hybrid'] as const;
export type SessionForm = (typeof sessionForms)[number];
export const sessionFormLabels: Record<SessionForm, string> = {
  in_person: 'Trực tiếp',
  online: 'Trực tuyến',
  hybrid: 'Kết hợp trực tiếp và trực tuyến',
};

/** Kinds of unit a plan can require to hold a session. */
export const planUnitKinds = [
  'grassroots_committee',
  'grassroots_cell',
  'sub_committee',
  'cell',
] as const;
export type PlanUnitKind = (typeof planUnitKinds)[number];
/** The usual plan: every grassroots organisation and every cell ("chi bộ, đảng bộ cơ sở"). */
export const defaultPlanUnitKinds: PlanUnitKind[] = [
  'grassroots_committee',
  'grassroots_cell',
  'cell',
];

const ZText = (max = 500) => z.string().trim().min(1, 'Trường này bắt buộc.').max(max);

export const ZPlanInput = z.object({
  targetUnitId: ZId,
  unitKinds: z.array(z.enum(planUnitKinds)).min(1, 'Chọn ít nhất một loại tổ chức.').max(4),
  studyDeadline: ZIsoDate,
  actionProgrammeRequired: z.boolean(),
  actionProgrammeDeadline: ZIsoDate.nullish(),
  note: ZOptionalText(1000),
});
export type TPlanInput = z.infer<typeof ZPlanInput>;

export const ZResolutionFields = z.object({
  ownerUnitId: ZId,
  issuerLevel: z.enum(issuerLevels),
  issuerName: ZText(200),
  kind: z.enum(resolutionKinds),
  number: z.string().trim().min(1, 'Cần nhập số văn bản.').max(100),
  issuedOn: ZIsoDate,
  title: ZText(500),
  summary: ZOptionalText(4000),
  documentId: ZId.nullish(),
  plan: ZPlanInput.nullish(),
});
export type TResolutionFields = z.infer<typeof ZResolutionFields>;
export const ZResolutionUpdate = ZResolutionFields.extend({ version: z.number().int() });
export type TResolutionUpdate = z.infer<typeof ZResolutionUpdate>;

export const ZResolutionQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  kind: z.enum(resolutionKinds).optional(),
  q: z.string().trim().max(100).optional(),
});

export const ZPlan = z.object({
  targetUnitId: z.number(),
  targetUnitName: z.string(),
  unitKinds: z.array(z.enum(planUnitKinds)),
  studyDeadline: z.string(),
  actionProgrammeRequired: z.boolean(),
  actionProgrammeDeadline: z.string().nullable(),
  note: z.string().nullable(),
});
export type TPlan = z.infer<typeof ZPlan>;

export const ZResolutionListItem = z.object({
  id: z.number(),
  ownerUnitId: z.number(),
  ownerUnitName: z.string(),
  issuerLevel: z.enum(issuerLevels),
  issuerName: z.string(),
  kind: z.enum(resolutionKinds),
  number: z.string(),
  issuedOn: z.string(),
  title: z.string(),
  studyDeadline: z.string().nullable(),
  /** Coverage for the caller's own subtree, today. */
  required: z.number(),
  held: z.number(),
  actionProgrammes: z.number(),
});
export type TResolutionListItem = z.infer<typeof ZResolutionListItem>;
export const ZResolutionList = z.object({ items: z.array(ZResolutionListItem) });

export const ZResolutionDetail = ZResolutionListItem.omit({
  studyDeadline: true,
  required: true,
  held: true,
  actionProgrammes: true,
}).extend({
  summary: z.string().nullable(),
  documentId: z.number().nullable(),
  documentName: z.string().nullable(),
  version: z.number(),
  plan: ZPlan.nullable(),
  canEdit: z.boolean(),
});
export type TResolutionDetail = z.infer<typeof ZResolutionDetail>;

export const ZCoverageQuery = z.object({
  unitId: ZId.optional(),
  asOf: ZIsoDate.optional(),
});

const ZUnitRef = z.object({ id: z.number(), name: z.string(), kind: z.string() });
export const ZCoverageUnit = ZUnitRef.extend({
  heldOn: z.string().nullable(),
  late: z.boolean(),
  actionProgrammeOn: z.string().nullable(),
});
export type TCoverageUnit = z.infer<typeof ZCoverageUnit>;
export const ZCoverageChild = ZUnitRef.extend({
  required: z.number(),
  held: z.number(),
  actionProgrammes: z.number(),
  /** Whether the child has required units below it to drill into. */
  canDrill: z.boolean(),
});
export const ZCoverage = z.object({
  unitId: z.number(),
  unitName: z.string(),
  asOf: z.string(),
  /** The date the tree is read at: the study deadline, or the as-of date when earlier. */
  treeDate: z.string(),
  studyDeadline: z.string(),
  actionProgrammeRequired: z.boolean(),
  actionProgrammeDeadline: z.string().nullable(),
  required: z.number(),
  held: z.number(),
  heldLate: z.number(),
  actionProgrammes: z.number(),
  invited: z.number(),
  attended: z.number(),
  members: z.number(),
  reflections: z.number(),
  /** "7/9 (77,8%) chi bộ, đảng bộ cơ sở đã tổ chức quán triệt" */
  sentences: z.array(z.string()),
  children: z.array(ZCoverageChild),
  units: z.array(ZCoverageUnit),
});
export type TCoverage = z.infer<typeof ZCoverage>;

export const ZSessionInput = z
  .object({
    orgUnitId: ZId,
    heldOn: ZIsoDate,
    form: z.enum(sessionForms),
    invited: z.number().int().min(1, 'Số người được triệu tập phải từ 1 trở lên.').max(100000),
    attended: z.number().int().min(0).max(100000),
    note: ZOptionalText(1000),
  })
  .refine((v) => v.attended <= v.invited, {
    path: ['attended'],
    message: 'Số người dự không được lớn hơn số người được triệu tập.',
  });
export type TSessionInput = z.infer<typeof ZSessionInput>;

export const ZActionProgrammeInput = z.object({
  orgUnitId: ZId,
  number: z.string().trim().min(1, 'Cần nhập số văn bản.').max(100),
  issuedOn: ZIsoDate,
  title: ZOptionalText(500),
  documentId: ZId.nullish(),
});
export type TActionProgrammeInput = z.infer<typeof ZActionProgrammeInput>;

export const ZProgressReportInput = z.object({
  orgUnitId: ZId,
  reportedOn: ZIsoDate,
  content: ZText(4000),
});
export type TProgressReportInput = z.infer<typeof ZProgressReportInput>;

export const ZUnitRecordQuery = z.object({ orgUnitId: ZId });
export const ZUnitRecord = z.object({
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  required: z.boolean(),
  sessions: z.array(
    z.object({
      id: z.number(),
      heldOn: z.string(),
      form: z.enum(sessionForms),
      invited: z.number(),
      attended: z.number(),
      note: z.string().nullable(),
    }),
  ),
  actionProgramme: z
    .object({
      number: z.string(),
      issuedOn: z.string(),
      title: z.string().nullable(),
      documentId: z.number().nullable(),
      documentName: z.string().nullable(),
    })
    .nullable(),
  progressReports: z.array(
    z.object({ id: z.number(), reportedOn: z.string(), content: z.string() }),
  ),
});
export type TUnitRecord = z.infer<typeof ZUnitRecord>;

export const ZReflectionRoster = z.object({
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  submitted: z.number(),
  total: z.number(),
  members: z.array(
    z.object({
      memberId: z.number(),
      fullName: z.string(),
      submittedOn: z.string().nullable(),
    }),
  ),
});
export type TReflectionRoster = z.infer<typeof ZReflectionRoster>;

export const ZReflectionInput = z.object({
  content: z
    .string()
    .trim()
    .min(30, 'Bài thu hoạch cần ít nhất 30 ký tự.')
    .max(20000)
    .transform((v) => v.normalize('NFC')),
});
export type TReflectionInput = z.infer<typeof ZReflectionInput>;

export const ZMyReflectionItem = z.object({
  resolutionId: z.number(),
  number: z.string(),
  title: z.string(),
  kind: z.enum(resolutionKinds),
  issuedOn: z.string(),
  studyDeadline: z.string().nullable(),
  submittedOn: z.string().nullable(),
  content: z.string().nullable(),
});
export type TMyReflectionItem = z.infer<typeof ZMyReflectionItem>;
export const ZMyReflections = z.object({ items: z.array(ZMyReflectionItem) });

/** Files attach through the same checked upload as the recruitment dossier (content sniffed, ≤ 10 MB). */
export { ZDocumentUpload } from './recruitment';
