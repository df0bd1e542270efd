// Congress vocabulary (docs/domain/congresses.md): rounds, congresses, elections, committees over time.
import type { OrgUnitKind } from './org-units';

/** The level a congress belongs to; each level has its own deadline in a round's schedule. */
export const congressLevels = ['cell', 'grassroots', 'upper'] as const;
export type CongressLevel = (typeof congressLevels)[number];
export const congressLevelLabels: Record<CongressLevel, string> = {
  cell: 'Chi bộ trực thuộc, đảng bộ bộ phận',
  grassroots: 'Tổ chức cơ sở đảng',
  upper: 'Đảng bộ cấp trên cơ sở',
};
/** Which level a unit's congress is at, from the unit's kind. */
export const congressLevelOfKind: Record<OrgUnitKind, CongressLevel> = {
  cell: 'cell',
  sub_committee: 'cell',
  grassroots_cell: 'grassroots',
  grassroots_committee: 'grassroots',
  upper_committee: 'upper',
  province_committee: 'upper',
};

/** Đại hội toàn thể đảng viên, or đại hội đại biểu (delegates elected by the lower congresses). */
export const congressKinds = ['members', 'delegates'] as const;
export type CongressKind = (typeof congressKinds)[number];
export const congressKindLabels: Record<CongressKind, string> = {
  members: 'Đại hội đảng viên',
  delegates: 'Đại hội đại biểu',
};

/** planned → approved (the upper level approved the plan) → held → results_approved (chuẩn y). */
export const congressStatuses = ['planned', 'approved', 'held', 'results_approved'] as const;
export type CongressStatus = (typeof congressStatuses)[number];
export const congressStatusLabels: Record<CongressStatus, string> = {
  planned: 'Đang chuẩn bị',
  approved: 'Đã duyệt kế hoạch',
  held: 'Đã tổ chức',
  results_approved: 'Đã chuẩn y kết quả',
};

export const congressDocumentKinds = [
  'political_report',
  'self_review',
  'personnel_plan',
  'resolution',
  'minutes',
  'other',
] as const;
export type CongressDocumentKind = (typeof congressDocumentKinds)[number];
export const congressDocumentKindLabels: Record<CongressDocumentKind, string> = {
  political_report: 'Báo cáo chính trị',
  self_review: 'Báo cáo kiểm điểm của cấp ủy',
  personnel_plan: 'Đề án nhân sự',
  resolution: 'Nghị quyết đại hội',
  minutes: 'Biên bản',
  other: 'Tài liệu khác',
};

/** What an election fills: at the congress (committee, delegates) or at the committee's first session. */
export const electionBodies = [
  'committee',
  'delegates',
  'standing_committee',
  'secretary',
  'deputy_secretary',
  'inspection_commission',
  'inspection_chair',
] as const;
export type ElectionBody = (typeof electionBodies)[number];
export const electionBodyLabels: Record<ElectionBody, string> = {
  committee: 'Ban chấp hành (cấp ủy)',
  delegates: 'Đại biểu dự đại hội cấp trên',
  standing_committee: 'Ban thường vụ',
  secretary: 'Bí thư',
  deputy_secretary: 'Phó bí thư',
  inspection_commission: 'Ủy ban kiểm tra',
  inspection_chair: 'Chủ nhiệm ủy ban kiểm tra',
};

export const electionStatuses = ['recorded', 'approved'] as const;
export type ElectionStatus = (typeof electionStatuses)[number];

/** Positions on a committee, the highest first (a member holds one row per position). */
export const committeePositions = [
  'secretary',
  'deputy_secretary',
  'standing_member',
  'member',
  'inspection_chair',
  'inspection_deputy',
  'inspection_member',
] as const;
export type CommitteePosition = (typeof committeePositions)[number];
export const committeePositionLabels: Record<CommitteePosition, string> = {
  secretary: 'Bí thư',
  deputy_secretary: 'Phó Bí thư',
  standing_member: 'Ủy viên Ban Thường vụ',
  member: 'Cấp ủy viên',
  inspection_chair: 'Chủ nhiệm Ủy ban kiểm tra',
  inspection_deputy: 'Phó Chủ nhiệm Ủy ban kiểm tra',
  inspection_member: 'Ủy viên Ủy ban kiểm tra',
};
/** The position an election of a body leads to. */
export const positionOfElectionBody: Partial<Record<ElectionBody, CommitteePosition>> = {
  committee: 'member',
  standing_committee: 'standing_member',
  secretary: 'secretary',
  deputy_secretary: 'deputy_secretary',
  inspection_commission: 'inspection_member',
  inspection_chair: 'inspection_chair',
};

/** How a member came onto a committee position. */
export const committeeStartReasons = ['elected', 'appointed', 'supplemented'] as const;
export type CommitteeStartReason = (typeof committeeStartReasons)[number];
export const committeeStartReasonLabels: Record<CommitteeStartReason, string> = {
  elected: 'Được bầu tại đại hội / hội nghị',
  appointed: 'Chỉ định',
  supplemented: 'Bầu bổ sung',
};

/** Why a member left a committee position. */
export const committeeEndReasons = [
  'term_ended',
  'resigned',
  'moved',
  'dismissed',
  'disciplined',
  'retired',
  'died',
  'restructured',
] as const;
export type CommitteeEndReason = (typeof committeeEndReasons)[number];
export const committeeEndReasonLabels: Record<CommitteeEndReason, string> = {
  term_ended: 'Hết nhiệm kỳ',
  resigned: 'Xin thôi',
  moved: 'Chuyển công tác',
  dismissed: 'Miễn nhiệm',
  disciplined: 'Cách chức (kỷ luật)',
  retired: 'Nghỉ hưu',
  died: 'Từ trần',
  restructured: 'Sắp xếp, hợp nhất tổ chức',
};

export const delegateKinds = ['elected', 'ex_officio', 'appointed'] as const;
export type DelegateKind = (typeof delegateKinds)[number];
export const delegateKindLabels: Record<DelegateKind, string> = {
  elected: 'Được bầu',
  ex_officio: 'Đương nhiên (cấp ủy viên)',
  appointed: 'Chỉ định',
};

export const credentialStatuses = ['pending', 'accepted', 'rejected'] as const;
export type CredentialStatus = (typeof credentialStatuses)[number];
export const credentialStatusLabels: Record<CredentialStatus, string> = {
  pending: 'Chưa thẩm tra',
  accepted: 'Đủ tư cách',
  rejected: 'Không đủ tư cách',
};
