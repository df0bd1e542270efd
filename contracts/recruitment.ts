import { sexes } from '../domain/enums/members';
import { recruitmentSteps } from '../domain/rules/recruitment/recruitment';
import { ZId, ZIsoDate, ZOptionalText } from './common';
import { ZCitizenId, ZFullName, ZGeneralEducation } from './person';
import { z } from './zod-vi';

export const applicantStatuses = ['in_progress', 'probation', 'full', 'stopped'] as const;
export const applicantStatusLabels: Record<(typeof applicantStatuses)[number], string> = {
  in_progress: 'Đang bồi dưỡng, xét kết nạp',
  probation: 'Đảng viên dự bị',
  full: 'Đã chính thức',
  stopped: 'Dừng xét',
};
export const educationAreas = ['normal', 'hardship', 'elder'] as const;
export const educationAreaLabels: Record<(typeof educationAreas)[number], string> = {
  normal: 'Thông thường (tốt nghiệp THCS)',
  hardship: 'Miền núi, biên giới, vùng dân tộc, khó khăn (tốt nghiệp tiểu học)',
  elder: 'Già làng, trưởng bản có uy tín (biết đọc, biết viết)',
};

export const ZApplicantFields = z.object({
  orgUnitId: ZId,
  fullName: ZFullName,
  sex: z.enum(sexes),
  birthDate: ZIsoDate,
  citizenId: ZCitizenId,
  ethnicity: ZOptionalText(50),
  religion: ZOptionalText(50),
  generalEducation: ZGeneralEducation,
  educationArea: z.enum(educationAreas).default('normal'),
  workplace: ZOptionalText(300),
  position: ZOptionalText(300),
  phone: ZOptionalText(20),
  source: ZOptionalText(500),
  mentorName: ZOptionalText(200),
});
export type TApplicantFields = z.infer<typeof ZApplicantFields>;

export const ZApplicantUpdate = ZApplicantFields.omit({ orgUnitId: true }).extend({
  admissionExtended: z.boolean().default(false),
  version: z.number().int().positive(),
});
export type TApplicantUpdate = z.infer<typeof ZApplicantUpdate>;

export const ZStepInput = z.object({
  step: z.enum(recruitmentSteps),
  stepDate: ZIsoDate,
  /** For vote steps: the number in favour and the number entitled to vote. */
  votesFor: z.number().int().min(0).max(10000).nullish(),
  votesTotal: z.number().int().min(1).max(10000).nullish(),
  documentNumber: ZOptionalText(100),
  documentId: ZId.nullish(),
  note: ZOptionalText(1000),
  version: z.number().int().positive(),
});
export type TStepInput = z.infer<typeof ZStepInput>;

export const ZStopInput = z.object({
  stopDate: ZIsoDate,
  reason: z.string().trim().min(3, 'Cần ghi rõ lý do.').max(1000),
  decisionNumber: ZOptionalText(100),
  version: z.number().int().positive(),
});
export type TStopInput = z.infer<typeof ZStopInput>;

export const ZDocumentUpload = z.object({
  orgUnitId: ZId,
  fileName: z.string().trim().min(1).max(200),
  mimeType: z.string().trim().min(3).max(100),
  /** Base64 content; scanned forms are small (the body limit applies). */
  contentBase64: z.string().min(1).max(14_000_000),
});

const ZDeadline = z.object({
  step: z.enum(recruitmentSteps),
  label: z.string(),
  dueOn: z.string(),
  basis: z.string(),
  status: z.enum(['done', 'done_late', 'overdue', 'due_soon', 'pending']),
  workingDaysLeft: z.number().nullable(),
});
export type TDeadline = z.infer<typeof ZDeadline>;

export const ZRecordedStep = z.object({
  id: z.number(),
  step: z.enum(recruitmentSteps),
  label: z.string(),
  stepDate: z.string(),
  outcome: z.enum(['passed', 'failed']),
  votesFor: z.number().nullable(),
  votesTotal: z.number().nullable(),
  formCode: z.string().nullable(),
  documentNumber: z.string().nullable(),
  documentId: z.number().nullable(),
  documentName: z.string().nullable(),
  note: z.string().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
});

export const ZApplicantDetail = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  fullName: z.string(),
  sex: z.enum(sexes),
  birthDate: z.string(),
  citizenId: z.string().nullable(),
  ethnicity: z.string(),
  religion: z.string(),
  generalEducation: z.string().nullable(),
  educationArea: z.enum(educationAreas),
  workplace: z.string().nullable(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  source: z.string().nullable(),
  mentorName: z.string().nullable(),
  status: z.enum(applicantStatuses),
  stoppedReason: z.string().nullable(),
  admissionExtended: z.boolean(),
  memberId: z.number().nullable(),
  version: z.number(),
  steps: z.array(ZRecordedStep),
  applicableSteps: z.array(
    z.object({
      step: z.enum(recruitmentSteps),
      label: z.string(),
      formCode: z.string().nullable(),
      vote: z.string().nullable(),
      phase: z.enum(['admission', 'probation']),
    }),
  ),
  nextStep: z.enum(recruitmentSteps).nullable(),
  deadlines: z.array(ZDeadline),
  probationEndsOn: z.string().nullable(),
  eligibility: z.object({ ok: z.boolean(), reasons: z.array(z.string()) }).nullable(),
  canWrite: z.boolean(),
  canDecide: z.boolean(),
});
export type TApplicantDetail = z.infer<typeof ZApplicantDetail>;

export const ZBoardQuery = z.object({
  orgUnitId: ZId.optional(),
  q: z.string().trim().max(100).optional(),
  includeClosed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const ZBoardItem = z.object({
  id: z.number(),
  fullName: z.string(),
  birthDate: z.string(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  status: z.enum(applicantStatuses),
  nextStep: z.enum(recruitmentSteps).nullable(),
  lastStepDate: z.string().nullable(),
  nextDeadline: ZDeadline.nullable(),
});
export type TBoardItem = z.infer<typeof ZBoardItem>;

export const ZBoard = z.object({
  columns: z.array(
    z.object({
      step: z.enum(recruitmentSteps),
      label: z.string(),
      formCode: z.string().nullable(),
    }),
  ),
  items: z.array(ZBoardItem),
  truncated: z.boolean(),
});

export const ZTargetQuery = z.object({
  orgUnitId: ZId.optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});
export const ZTargetInput = z.object({
  orgUnitId: ZId,
  year: z.number().int().min(2000).max(2100),
  target: z.number().int().min(0).max(1_000_000),
});
const ZTargetProgress = z.object({
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  /** The unit's own admission target: its yearly plan target bound to `recruitment.admitted`. */
  target: z.number().nullable(),
  /** That plan target (Kế hoạch, chỉ tiêu), to open it; null without one. */
  targetId: z.number().nullable(),
  /** Sum of the children's own targets, shown when the unit has none of its own. */
  childTargets: z.number(),
  admitted: z.number(),
  percent: z.number().nullable(),
  /** "vượt 15,8%", "đạt 87,5% chỉ tiêu", "chưa giao chỉ tiêu". */
  summary: z.string(),
});
export const ZTargetReport = z.object({
  year: z.number(),
  unit: ZTargetProgress,
  children: z.array(ZTargetProgress),
});
export type TTargetReport = z.infer<typeof ZTargetReport>;
