// Proposals and recommendations (đề xuất, kiến nghị) and the residence cell's yearly comments on members
// who work in agencies (Quy định 213-QĐ/TW): docs/domain/proposals.md.
import { proposalStates } from '../domain/rules/proposals/status';
import { ZId, ZIsoDate, ZOptionalText } from './common';
import { z } from './zod-vi';

export {
  type ProposalState,
  proposalStateLabels,
  proposalStates,
} from '../domain/rules/proposals/status';

export { ZDocumentUpload } from './recruitment';

export const proposalSourceKinds = ['unit', 'member', 'conference_delegate', 'other'] as const;
export type ProposalSourceKind = (typeof proposalSourceKinds)[number];
export const proposalSourceKindLabels: Record<ProposalSourceKind, string> = {
  unit: 'Tổ chức đảng',
  member: 'Đảng viên',
  conference_delegate: 'Đại biểu dự hội nghị',
  other: 'Khác',
};

export const proposalFields = [
  'organisation',
  'policy',
  'inspection',
  'facilities',
  'ideology',
  'other',
] as const;
export type ProposalField = (typeof proposalFields)[number];
export const proposalFieldLabels: Record<ProposalField, string> = {
  organisation: 'Tổ chức, cán bộ, đảng viên',
  policy: 'Chế độ, chính sách',
  inspection: 'Kiểm tra, giám sát',
  facilities: 'Cơ sở vật chất, kinh phí',
  ideology: 'Chính trị, tư tưởng',
  other: 'Lĩnh vực khác',
};

const ZText = (max = 500) => z.string().trim().min(1, 'Trường này bắt buộc.').max(max);

export const ZProposalFields = z.object({
  /** The committee whose register receives it. */
  orgUnitId: ZId,
  sourceKind: z.enum(proposalSourceKinds),
  sourceOrgUnitId: ZId.nullish(),
  sourceMemberId: ZId.nullish(),
  sourceText: ZOptionalText(300),
  meetingId: ZId.nullish(),
  raisedOn: ZIsoDate,
  field: z.enum(proposalFields).nullish(),
  content: ZText(4000),
  addressee: ZOptionalText(300),
  assigneeOrgUnitId: ZId.nullish(),
  dueOn: ZIsoDate.nullish(),
});
export type TProposalFields = z.infer<typeof ZProposalFields>;
export const ZProposalUpdate = ZProposalFields.extend({ version: z.number().int() });
export type TProposalUpdate = z.infer<typeof ZProposalUpdate>;

export const ZProposalAnswer = z.object({
  answeredOn: ZIsoDate,
  answer: ZText(4000),
  answerRef: ZOptionalText(100),
  /** The answering document's scan (uploaded first through `POST /api/proposals/documents`). */
  answerDocumentId: ZId.nullish(),
  version: z.number().int(),
});
export type TProposalAnswer = z.infer<typeof ZProposalAnswer>;
export const ZProposalWithdraw = z.object({
  reason: ZOptionalText(500),
  version: z.number().int(),
});

export const ZProposalQuery = z.object({
  orgUnitId: ZId.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  state: z.enum(proposalStates).optional(),
  sourceKind: z.enum(proposalSourceKinds).optional(),
  q: z.string().trim().max(100).optional(),
});

export const ZProposal = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  sourceKind: z.enum(proposalSourceKinds),
  sourceOrgUnitId: z.number().nullable(),
  sourceMemberId: z.number().nullable(),
  sourceText: z.string().nullable(),
  /** Who raised it, as shown: the unit's or member's name, or the text. */
  sourceName: z.string(),
  meetingId: z.number().nullable(),
  meetingTitle: z.string().nullable(),
  meetingHeldOn: z.string().nullable(),
  raisedOn: z.string(),
  field: z.enum(proposalFields).nullable(),
  content: z.string(),
  addressee: z.string().nullable(),
  assigneeOrgUnitId: z.number().nullable(),
  assigneeOrgUnitName: z.string().nullable(),
  dueOn: z.string().nullable(),
  state: z.enum(proposalStates),
  answeredOn: z.string().nullable(),
  answer: z.string().nullable(),
  answerRef: z.string().nullable(),
  answerDocumentId: z.number().nullable(),
  answerFileName: z.string().nullable(),
  version: z.number(),
  /** Whether the caller may edit the record (the register's committee in scope, office roles). */
  canEdit: z.boolean(),
  /** Whether the caller may record the answer (the register's or the assignee's unit in scope). */
  canAnswer: z.boolean(),
  /** Where the caller files the answer's scan: the assignee when in their scope, else the register. */
  answerUnitId: z.number().nullable(),
});
export type TProposal = z.infer<typeof ZProposal>;

export const ZProposalList = z.object({
  items: z.array(ZProposal),
  counts: z.object({
    total: z.number(),
    received: z.number(),
    assigned: z.number(),
    overdue: z.number(),
    answered: z.number(),
    withdrawn: z.number(),
  }),
});
export type TProposalList = z.infer<typeof ZProposalList>;

// Residence comments (Quy định 213-QĐ/TW, Điều 3: the workplace committee asks the residence cell for
// its comments on the member every year).
export const residenceConclusions = ['fulfilled', 'not_fulfilled'] as const;
export type ResidenceConclusion = (typeof residenceConclusions)[number];
export const residenceConclusionLabels: Record<ResidenceConclusion, string> = {
  fulfilled: 'Thực hiện tốt trách nhiệm nơi cư trú',
  not_fulfilled: 'Chưa thực hiện tốt trách nhiệm nơi cư trú',
};
export const residenceRecordedAs = ['residence_cell', 'transcribed'] as const;
export type ResidenceRecordedAs = (typeof residenceRecordedAs)[number];
export const residenceRecordedAsLabels: Record<ResidenceRecordedAs, string> = {
  residence_cell: 'Chi bộ nơi cư trú ghi',
  transcribed: 'Chi bộ nơi công tác nhập từ phiếu nhận xét',
};

export const ZResidenceCommentFields = z.object({
  memberId: ZId,
  year: z.coerce.number().int().min(2000).max(2100),
  residenceCell: ZText(300),
  residenceAddress: ZOptionalText(300),
  commentedOn: ZIsoDate,
  comment: ZText(4000),
  conclusion: z.enum(residenceConclusions).nullish(),
  recordedAs: z.enum(residenceRecordedAs),
  documentId: ZId.nullish(),
});
export type TResidenceCommentFields = z.infer<typeof ZResidenceCommentFields>;
export const ZResidenceCommentUpdate = ZResidenceCommentFields.extend({
  version: z.number().int(),
});
export type TResidenceCommentUpdate = z.infer<typeof ZResidenceCommentUpdate>;

export const ZResidenceComment = z.object({
  id: z.number(),
  memberId: z.number(),
  memberName: z.string(),
  year: z.number(),
  residenceCell: z.string(),
  residenceAddress: z.string().nullable(),
  commentedOn: z.string(),
  comment: z.string(),
  conclusion: z.enum(residenceConclusions).nullable(),
  recordedAs: z.enum(residenceRecordedAs),
  documentId: z.number().nullable(),
  version: z.number(),
});
export type TResidenceComment = z.infer<typeof ZResidenceComment>;

export const ZResidenceRosterQuery = z.object({
  orgUnitId: ZId.optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});
export const ZResidenceRoster = z.object({
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  year: z.number(),
  items: z.array(
    z.object({
      memberId: z.number(),
      fullName: z.string(),
      orgUnitName: z.string(),
      comment: ZResidenceComment.nullable(),
    }),
  ),
  withComment: z.number(),
  withoutComment: z.number(),
  /** Whether the caller may record comments (office roles and cell secretaries). */
  canWrite: z.boolean(),
});
export type TResidenceRoster = z.infer<typeof ZResidenceRoster>;

export const ZMemberResidenceQuery = z.object({ memberId: ZId });
export const ZMemberResidenceComments = z.object({ items: z.array(ZResidenceComment) });
export type TMemberResidenceComments = z.infer<typeof ZMemberResidenceComments>;
