// Political and ideological education (docs/domain/education.md): programmes of study under a directive
// (Chỉ thị 05-CT/TW) or the year's topic, each unit's activities, members' yearly commitments, good models
// and examples (mô hình, điển hình) with their review, the programme's reviews (sơ kết, tổng kết) and the
// register of public-opinion notes (dư luận xã hội, định hướng thông tin).
import { ZId, ZIsoDate, ZOptionalText } from './common';
import { z } from './zod-vi';

const ZText = (max = 500) => z.string().trim().min(1, 'Trường này bắt buộc.').max(max);

export const programmeKinds = ['directive', 'annual_topic', 'other'] as const;
export const programmeKindLabels: Record<(typeof programmeKinds)[number], string> = {
  directive: 'Thực hiện chỉ thị, nghị quyết',
  annual_topic: 'Chuyên đề hằng năm',
  other: 'Khác',
};
export const activityKinds = ['study', 'thematic_meeting', 'contest', 'other'] as const;
export const activityKindLabels: Record<(typeof activityKinds)[number], string> = {
  study: 'Học tập, quán triệt',
  thematic_meeting: 'Sinh hoạt chuyên đề',
  contest: 'Hội thi, cuộc thi',
  other: 'Hoạt động khác',
};
export const commitmentOutcomes = ['kept', 'partly_kept', 'not_kept'] as const;
export const commitmentOutcomeLabels: Record<(typeof commitmentOutcomes)[number], string> = {
  kept: 'Thực hiện tốt cam kết',
  partly_kept: 'Thực hiện chưa đầy đủ',
  not_kept: 'Không thực hiện cam kết',
};
export const modelStatuses = ['registered', 'recognised', 'not_recognised'] as const;
export type ModelStatus = (typeof modelStatuses)[number];
export const modelStatusLabels: Record<ModelStatus, string> = {
  registered: 'Đã đăng ký, chờ xét',
  recognised: 'Được công nhận',
  not_recognised: 'Không công nhận',
};
export const modelFields = [
  'economy',
  'culture_society',
  'defence_security',
  'party_building',
  'mass_mobilisation',
  'other',
] as const;
export const modelFieldLabels: Record<(typeof modelFields)[number], string> = {
  economy: 'Phát triển kinh tế',
  culture_society: 'Văn hóa – xã hội',
  defence_security: 'Quốc phòng – an ninh',
  party_building: 'Xây dựng Đảng',
  mass_mobilisation: 'Dân vận',
  other: 'Lĩnh vực khác',
};
export const reviewKinds = ['interim', 'final'] as const;
export const reviewKindLabels: Record<(typeof reviewKinds)[number], string> = {
  interim: 'Sơ kết',
  final: 'Tổng kết',
};

// Programmes ----------------------------------------------------------------------------------------

export const ZProgrammeInput = z.object({
  orgUnitId: ZId,
  kind: z.enum(programmeKinds),
  title: ZText(300),
  directiveRef: ZOptionalText(300),
  resolutionId: ZId.nullish(),
  fromDate: ZIsoDate,
  toDate: ZIsoDate.nullish(),
  note: ZOptionalText(2000),
});
export type TProgrammeInput = z.infer<typeof ZProgrammeInput>;
export const ZProgrammeUpdate = ZProgrammeInput.extend({ version: z.number().int() });
export type TProgrammeUpdate = z.infer<typeof ZProgrammeUpdate>;

export const ZProgrammeQuery = z.object({
  /** Programmes running in this year (default: all). */
  year: z.coerce.number().int().min(1900).max(2999).optional(),
});

export const ZProgrammeListItem = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  kind: z.enum(programmeKinds),
  title: z.string(),
  directiveRef: z.string().nullable(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  activityCount: z.number(),
  modelCount: z.number(),
  canEdit: z.boolean(),
});
export type TProgrammeListItem = z.infer<typeof ZProgrammeListItem>;
export const ZProgrammeList = z.object({ items: z.array(ZProgrammeListItem) });

export const ZActivity = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  kind: z.enum(activityKinds),
  title: z.string(),
  heldOn: z.string(),
  meetingId: z.number().nullable(),
  meetingTitle: z.string().nullable(),
  participants: z.number().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});
export type TActivity = z.infer<typeof ZActivity>;

export const ZCommitment = z.object({
  id: z.number(),
  memberId: z.number(),
  memberName: z.string(),
  orgUnitName: z.string().nullable(),
  year: z.number(),
  signedOn: z.string(),
  content: z.string(),
  outcome: z.enum(commitmentOutcomes).nullable(),
  outcomeNote: z.string().nullable(),
  version: z.number(),
});
export type TCommitment = z.infer<typeof ZCommitment>;

/** The counts of a programme over a period, computed from the records (never typed). */
export const ZProgrammeCounts = z.object({
  /** Cells of the programme's subtree (today) that must take part. */
  unitsRequired: z.number(),
  unitsWithActivities: z.number(),
  activities: z.number(),
  participants: z.number(),
  /** Full and probationary members of those cells at the end of the period. */
  membersRequired: z.number(),
  membersWithCommitments: z.number(),
  modelsRegistered: z.number(),
  modelsRecognised: z.number(),
});
export type TProgrammeCounts = z.infer<typeof ZProgrammeCounts>;

export const ZUnitCoverage = z.object({
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  activities: z.number(),
  lastHeldOn: z.string().nullable(),
  members: z.number(),
  commitments: z.number(),
});

export const ZReview = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  kind: z.enum(reviewKinds),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  heldOn: z.string(),
  reportRef: z.string().nullable(),
  documentId: z.number().nullable(),
  note: z.string().nullable(),
  version: z.number(),
  canEdit: z.boolean(),
  /** Computed now from the records of the review's period and unit. */
  counts: ZProgrammeCounts,
});
export type TReview = z.infer<typeof ZReview>;

export const ZModelListItem = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  memberId: z.number().nullable(),
  memberName: z.string().nullable(),
  programmeId: z.number().nullable(),
  programmeTitle: z.string().nullable(),
  movementId: z.number().nullable(),
  movementName: z.string().nullable(),
  title: z.string(),
  field: z.enum(modelFields).nullable(),
  description: z.string().nullable(),
  registeredOn: z.string(),
  status: z.enum(modelStatuses),
  reviewedOn: z.string().nullable(),
  decisionRef: z.string().nullable(),
  recognisedByName: z.string().nullable(),
  reviewNote: z.string().nullable(),
  evidenceCount: z.number(),
  version: z.number(),
  canReview: z.boolean(),
});
export type TModelListItem = z.infer<typeof ZModelListItem>;

export const ZProgrammeDetail = ZProgrammeListItem.extend({
  resolutionId: z.number().nullable(),
  note: z.string().nullable(),
  version: z.number(),
  canRecord: z.boolean(),
  /** The year shown: the one asked for, or this year within the programme's period. */
  year: z.number(),
  counts: ZProgrammeCounts,
  coverage: z.array(ZUnitCoverage),
  activities: z.array(ZActivity),
  commitments: z.array(ZCommitment),
  models: z.array(ZModelListItem),
  reviews: z.array(ZReview),
});
export type TProgrammeDetail = z.infer<typeof ZProgrammeDetail>;

export const ZProgrammeDetailQuery = z.object({
  /** The commitments' year (default: the current year, within the programme's period). */
  year: z.coerce.number().int().min(1900).max(2999).optional(),
});

export const ZActivityInput = z.object({
  orgUnitId: ZId,
  kind: z.enum(activityKinds),
  title: ZText(300),
  heldOn: ZIsoDate,
  meetingId: ZId.nullish(),
  participants: z.number().int().min(0).max(100000).nullish(),
  note: ZOptionalText(2000),
});
export type TActivityInput = z.infer<typeof ZActivityInput>;
export const ZActivityUpdate = ZActivityInput.extend({ version: z.number().int() });
export type TActivityUpdate = z.infer<typeof ZActivityUpdate>;

export const ZCommitmentInput = z.object({
  memberId: ZId,
  year: z.number().int().min(1900).max(2999),
  signedOn: ZIsoDate,
  content: ZText(4000),
});
export type TCommitmentInput = z.infer<typeof ZCommitmentInput>;

export const ZCommitmentOutcome = z.object({
  outcome: z.enum(commitmentOutcomes),
  outcomeNote: ZOptionalText(2000),
  version: z.number().int(),
});
export type TCommitmentOutcome = z.infer<typeof ZCommitmentOutcome>;

export const ZReviewInput = z.object({
  orgUnitId: ZId,
  kind: z.enum(reviewKinds),
  title: ZText(300),
  periodFrom: ZIsoDate,
  periodTo: ZIsoDate,
  heldOn: ZIsoDate,
  reportRef: ZOptionalText(300),
  documentId: ZId.nullish(),
  note: ZOptionalText(4000),
});
export type TReviewInput = z.infer<typeof ZReviewInput>;
export const ZReviewUpdate = ZReviewInput.extend({ version: z.number().int() });
export type TReviewUpdate = z.infer<typeof ZReviewUpdate>;

// Models ----------------------------------------------------------------------------------------------

export const ZModelQuery = z.object({
  programmeId: ZId.optional(),
  movementId: ZId.optional(),
  status: z.enum(modelStatuses).optional(),
  year: z.coerce.number().int().min(1900).max(2999).optional(),
});
export const ZModelList = z.object({ items: z.array(ZModelListItem) });

export const ZModelInput = z.object({
  orgUnitId: ZId,
  memberId: ZId.nullish(),
  programmeId: ZId.nullish(),
  movementId: ZId.nullish(),
  title: ZText(300),
  field: z.enum(modelFields).nullish(),
  description: ZOptionalText(4000),
  registeredOn: ZIsoDate,
});
export type TModelInput = z.infer<typeof ZModelInput>;

export const ZModelReview = z.object({
  decision: z.enum(['recognised', 'not_recognised']),
  reviewedOn: ZIsoDate,
  decisionRef: ZOptionalText(300),
  reviewNote: ZOptionalText(2000),
  version: z.number().int(),
});
export type TModelReview = z.infer<typeof ZModelReview>;

export const ZEvidence = z.object({
  id: z.number(),
  title: z.string(),
  documentId: z.number().nullable(),
  fileName: z.string().nullable(),
  createdAt: z.string(),
});
export const ZModelDetail = ZModelListItem.extend({ evidence: z.array(ZEvidence) });
export type TModelDetail = z.infer<typeof ZModelDetail>;

export const ZEvidenceInput = z.object({
  title: ZText(300),
  documentId: ZId,
});
export type TEvidenceInput = z.infer<typeof ZEvidenceInput>;

// Opinion notes ---------------------------------------------------------------------------------------

export const ZOpinionNoteInput = z.object({
  orgUnitId: ZId,
  notedOn: ZIsoDate,
  topic: ZText(300),
  content: ZText(4000),
  source: ZOptionalText(300),
  orientation: ZOptionalText(4000),
});
export type TOpinionNoteInput = z.infer<typeof ZOpinionNoteInput>;
export const ZOpinionNoteUpdate = ZOpinionNoteInput.extend({ version: z.number().int() });
export type TOpinionNoteUpdate = z.infer<typeof ZOpinionNoteUpdate>;

export const ZOpinionNoteQuery = z.object({
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  q: z.string().trim().max(100).optional(),
});
export const ZOpinionNote = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  notedOn: z.string(),
  topic: z.string(),
  content: z.string(),
  source: z.string().nullable(),
  orientation: z.string().nullable(),
  version: z.number(),
});
export type TOpinionNote = z.infer<typeof ZOpinionNote>;
export const ZOpinionNoteList = z.object({ items: z.array(ZOpinionNote) });

export { ZDocumentUpload } from './recruitment';
