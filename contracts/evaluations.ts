// Year-end evaluation and classification (docs/domain/evaluation.md): campaigns per subtree and
// period, one record per subject with its flow (self-assessment → review → appraisal → decision →
// publication → complaint), the HTXS cap and order checks, and the results with their drill-down.
import { khtnvCaseCodes } from '../domain/rules/evaluation/khtnv-cases';
import {
  criterionGrades,
  cycles,
  memberRoles,
  notRatedReasons,
  qualityLevels,
  subjectKinds,
} from '../domain/rules/evaluation/levels';
import { ZCsv, ZId, ZIsoDate, ZOptionalText } from './common';
import { z } from './zod-vi';

const ZYear = z.coerce.number().int().min(1990).max(2100);
const ZCount = z.number().int().min(0).max(100000);
export const recordStatuses = [
  'pending',
  'self_assessed',
  'reviewed',
  'appraised',
  'decided',
  'published',
  'not_rated',
] as const;
export type RecordStatus = (typeof recordStatuses)[number];
export const ZLevel = z.enum(qualityLevels);
export const ZTaskFacts = z
  .object({ total: ZCount, onTime: ZCount, exceeded: ZCount, late: ZCount })
  .refine((t) => t.onTime + t.late <= t.total, {
    message: 'Số nhiệm vụ đúng hạn và trễ hạn không được vượt tổng số nhiệm vụ.',
  })
  .refine((t) => t.exceeded <= t.onTime + t.late, {
    message: 'Số nhiệm vụ vượt yêu cầu không được vượt số nhiệm vụ đã hoàn thành.',
  });
const ZScores = z.record(z.string().max(40), z.number().min(0).max(100));
const ZGrades = z.record(z.string().max(60), z.enum(criterionGrades));

export const ZDeadlines = z.object({
  selfAssessmentDue: ZIsoDate.nullish(),
  reviewDue: ZIsoDate.nullish(),
  appraisalDue: ZIsoDate.nullish(),
  decisionDue: ZIsoDate.nullish(),
  publicationDue: ZIsoDate.nullish(),
});

export const ZCampaignInput = ZDeadlines.extend({
  orgUnitId: ZId,
  year: ZYear,
  cycle: z.enum(cycles).default('year'),
  quarter: z.number().int().min(1).max(4).nullish(),
  /** A term's dates (nhiệm kỳ); a year or a quarter derives its own. */
  periodFrom: ZIsoDate.nullish(),
  periodTo: ZIsoDate.nullish(),
  title: ZOptionalText(300),
  openedOn: ZIsoDate,
  paramsOverride: z.record(z.string(), z.unknown()).default({}),
});
export type TCampaignInput = z.infer<typeof ZCampaignInput>;

export const ZCampaignUpdate = ZDeadlines.extend({
  version: z.number().int(),
  status: z.enum(['open', 'closed']).optional(),
  paramsOverride: z.record(z.string(), z.unknown()).optional(),
});
export type TCampaignUpdate = z.infer<typeof ZCampaignUpdate>;

export const ZCampaignQuery = z.object({ year: ZYear.optional(), orgUnitId: ZId.optional() });

export const ZProgress = z.object({
  total: z.number(),
  notRated: z.number(),
  pending: z.number(),
  selfAssessed: z.number(),
  reviewed: z.number(),
  appraised: z.number(),
  decided: z.number(),
  published: z.number(),
});
export type TProgress = z.infer<typeof ZProgress>;

export const ZCampaign = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  title: z.string(),
  year: z.number(),
  cycle: z.enum(cycles),
  quarter: z.number().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  ruleSet: z.string(),
  ruleSetName: z.string(),
  openedOn: z.string(),
  selfAssessmentDue: z.string().nullable(),
  reviewDue: z.string().nullable(),
  appraisalDue: z.string().nullable(),
  decisionDue: z.string().nullable(),
  publicationDue: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  version: z.number(),
  progress: ZProgress,
});
export type TCampaign = z.infer<typeof ZCampaign>;
export const ZCampaignList = z.object({ items: z.array(ZCampaign) });

const ZCriterion = z.object({
  code: z.string(),
  label: z.string(),
  maxPoints: z.number().nullable(),
});
export const ZCriteriaSet = z.object({
  code: z.string(),
  name: z.string(),
  groups: z.array(z.object({ name: z.string(), items: z.array(ZCriterion) })),
});
export type TCriteriaSet = z.infer<typeof ZCriteriaSet>;

export const ZCampaignDetail = ZCampaign.extend({
  paramsOverride: z.record(z.string(), z.unknown()),
  /** The parameters of the year as applied (defaults + override), for the administrator. */
  params: z.record(z.string(), z.unknown()),
  /** How subjects are scored: points per framework item (366) or grades per criterion group. */
  scoring: z.enum(['points', 'grades']),
  /** Criteria sets keyed by subject kind (and by member role for 366). */
  criteria: z.record(z.string(), ZCriteriaSet),
  progressByUnit: z.array(
    ZProgress.extend({ orgUnitId: z.number().nullable(), orgUnitName: z.string() }),
  ),
  canManage: z.boolean(),
});
export type TCampaignDetail = z.infer<typeof ZCampaignDetail>;

export const ZRecordQuery = z.object({
  campaignId: ZId.optional(),
  orgUnitId: ZId.optional(),
  year: ZYear.optional(),
  cycle: z.enum(cycles).optional(),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
  subjectKind: ZCsv(z.enum(subjectKinds)),
  /** A decided level, 'not_rated', or 'pending' (not decided yet). */
  level: z.enum([...qualityLevels, 'not_rated', 'pending']).optional(),
  notRatedReason: z.enum(notRatedReasons).optional(),
  status: ZCsv(z.enum(recordStatuses)),
  mine: z.coerce.boolean().optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type TRecordQuery = z.infer<typeof ZRecordQuery>;

export const ZRecordSummary = z.object({
  id: z.number(),
  campaignId: z.number(),
  year: z.number(),
  subjectKind: z.enum(subjectKinds),
  subjectName: z.string(),
  memberId: z.number().nullable(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  status: z.enum(recordStatuses),
  notRatedReason: z.enum(notRatedReasons).nullable(),
  proposedLevel: z.string(),
  score: z.number().nullable(),
  selfLevel: ZLevel.nullable(),
  reviewLevel: ZLevel.nullable(),
  appraisalLevel: ZLevel.nullable(),
  decidedLevel: ZLevel.nullable(),
  removalFlag: z.boolean(),
  culturalStandard: z.boolean().nullable(),
  version: z.number(),
});
export type TRecordSummary = z.infer<typeof ZRecordSummary>;
export const ZRecordList = z.object({
  items: z.array(ZRecordSummary),
  total: z.number(),
});

export const ZStep = z.object({
  step: z.string(),
  stepDate: z.string(),
  level: z.string().nullable(),
  documentNumber: z.string().nullable(),
  note: z.string().nullable(),
  onBehalf: z.boolean(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
});
export const ZComplaint = z.object({
  id: z.number(),
  filedOn: z.string(),
  content: z.string(),
  outcome: z.enum(['pending', 'upheld', 'changed']),
  outcomeLevel: ZLevel.nullable(),
  resolvedOn: z.string().nullable(),
  answer: z.string().nullable(),
});

export const ZRecordDetail = ZRecordSummary.extend({
  campaignTitle: z.string(),
  ruleSet: z.string(),
  cycle: z.enum(cycles),
  scoring: z.enum(['points', 'grades']),
  criteria: ZCriteriaSet,
  facts: z.record(z.string(), z.unknown()),
  proposal: z.object({
    level: z.string(),
    reasons: z.array(z.string()),
    score: z.number().nullish(),
    missing: z.array(z.string()).nullish(),
    removalFlag: z.object({ reason: z.string() }).nullish(),
    /** The KHTNV cases that forced the level. */
    khtnvCases: z.array(z.string()).nullish(),
  }),
  selfAssessment: z.record(z.string(), z.unknown()).nullable(),
  reviewVotes: z.record(z.string(), z.number()).nullable(),
  decisionNumber: z.string().nullable(),
  decidedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  previousLevels: z.array(z.object({ year: z.number(), level: z.string() })),
  removalReason: z.string().nullable(),
  orderProblems: z.array(z.string()),
  /** The KHTNV cases the reviewer may record for this subject, in the regulation's words. */
  khtnvCaseOptions: z.array(z.object({ code: z.enum(khtnvCaseCodes), wording: z.string() })),
  /** Where the KHTNV cases come from (the year's rule set). */
  khtnvCaseSource: z.string(),
  steps: z.array(ZStep),
  complaints: z.array(ZComplaint),
  /** What the caller may do next on this record. */
  actions: z.array(
    z.enum(['self_assess', 'review', 'appraise', 'decide', 'publish', 'complain', 'resolve']),
  ),
});
export type TRecordDetail = z.infer<typeof ZRecordDetail>;

export const ZSelfAssessmentInput = z.object({
  version: z.number().int(),
  assessedOn: ZIsoDate,
  scores: ZScores.optional(),
  grades: ZGrades.optional(),
  tasks: ZTaskFacts.nullish(),
  /** 366: the member's place (PL2–PL5); default: individual without a post. */
  role: z.enum(memberRoles).nullish(),
  proposedLevel: ZLevel,
  strengths: ZOptionalText(4000),
  weaknesses: ZOptionalText(4000),
  commitments: ZOptionalText(4000),
});
export type TSelfAssessmentInput = z.infer<typeof ZSelfAssessmentInput>;

export const ZVotes = z.object({
  present: ZCount,
  HTXSNV: ZCount.default(0),
  HTTNV: ZCount.default(0),
  HTNV: ZCount.default(0),
  KHTNV: ZCount.default(0),
});

export const ZReviewInput = z.object({
  version: z.number().int(),
  reviewedOn: ZIsoDate,
  level: ZLevel,
  votes: ZVotes,
  note: ZOptionalText(2000),
  /** Facts entered at the meeting; scores / grades / tasks replace the self-assessed ones. */
  scores: ZScores.optional(),
  grades: ZGrades.optional(),
  tasks: ZTaskFacts.nullish(),
  role: z.enum(memberRoles).nullish(),
  sickLeaveMonths: z.number().min(0).max(12).nullish(),
  maternityLeaveMonths: z.number().min(0).max(12).nullish(),
  civilServant: z.boolean().nullish(),
  civilServiceLevel: ZLevel.nullish(),
  shortcomings: z
    .object({ total: ZCount, fixed: ZCount })
    .refine((s) => s.fixed <= s.total, { message: 'Số đã khắc phục không vượt tổng số.' })
    .nullish(),
  /** Agencies: "đạt chuẩn văn hoá, an toàn về an ninh trật tự" this year. */
  culturalStandard: z.boolean().nullish(),
  /** KHTNV cases found at the meeting (khtnv-cases.ts); an empty list clears them. */
  khtnvCases: z.array(z.enum(khtnvCaseCodes)).max(20).nullish(),
});
export type TReviewInput = z.infer<typeof ZReviewInput>;

export const ZAppraisalInput = z.object({
  version: z.number().int(),
  appraisedOn: ZIsoDate,
  level: ZLevel,
  note: ZOptionalText(2000),
});
export type TAppraisalInput = z.infer<typeof ZAppraisalInput>;

export const ZDecisionInput = z.object({
  decidedOn: ZIsoDate,
  decisionNumber: z.string().trim().min(1, 'Cần nhập số quyết định.').max(100),
  items: z
    .array(z.object({ recordId: ZId, version: z.number().int(), level: ZLevel }))
    .min(1, 'Chọn ít nhất một đối tượng.')
    .max(2000),
});
export type TDecisionInput = z.infer<typeof ZDecisionInput>;

export const ZCapGroup = z.object({
  label: z.string(),
  base: z.number(),
  allowed: z.number(),
  proposedHtxs: z.number(),
  ok: z.boolean(),
  message: z.string(),
});
export const ZDecisionCheck = z.object({
  ok: z.boolean(),
  cap: z.object({
    ok: z.boolean(),
    allowed: z.number(),
    proposedHtxs: z.number(),
    message: z.string(),
    /** The cap with its base and source, e.g. "… không vượt quá 20% số được xếp loại HTTNV …". */
    rule: z.string(),
    groups: z.array(ZCapGroup),
  }),
  order: z.array(
    z.object({ recordId: z.number(), subjectName: z.string(), problems: z.array(z.string()) }),
  ),
});
export type TDecisionCheck = z.infer<typeof ZDecisionCheck>;

export const ZPublishInput = z.object({
  publishedOn: ZIsoDate,
  items: z
    .array(z.object({ recordId: ZId, version: z.number().int() }))
    .min(1)
    .max(5000),
});
export type TPublishInput = z.infer<typeof ZPublishInput>;

export const ZComplaintInput = z.object({
  version: z.number().int(),
  filedOn: ZIsoDate,
  content: z.string().trim().min(1, 'Cần nhập nội dung khiếu nại.').max(4000),
});
export type TComplaintInput = z.infer<typeof ZComplaintInput>;

export const ZComplaintResolution = z.object({
  version: z.number().int(),
  resolvedOn: ZIsoDate,
  outcome: z.enum(['upheld', 'changed']),
  level: ZLevel.nullish(),
  answer: z.string().trim().min(1, 'Cần nhập trả lời khiếu nại.').max(4000),
});
export type TComplaintResolution = z.infer<typeof ZComplaintResolution>;

export const ZSaved = z.object({ id: z.number(), version: z.number() });
export const ZSavedMany = z.object({ saved: z.array(ZSaved) });

export const ZResultsQuery = z.object({
  orgUnitId: ZId,
  year: ZYear,
  cycle: z.enum(cycles).default('year'),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
});
export type TResultsQuery = z.infer<typeof ZResultsQuery>;

const ZLevelCounts = z.object({
  HTXSNV: z.number(),
  HTTNV: z.number(),
  HTNV: z.number(),
  KHTNV: z.number(),
  not_rated: z.number(),
});
export const ZResults = z.object({
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  year: z.number(),
  ruleSet: z.string(),
  groups: z.array(
    z.object({
      key: z.enum([
        'organisations',
        'grassroots_organisation',
        'cell',
        'member',
        'mass_organisation',
        'agency',
        'committee',
      ]),
      label: z.string(),
      subjectKinds: z.array(z.enum(subjectKinds)),
      total: z.number(),
      rated: z.number(),
      pending: z.number(),
      counts: ZLevelCounts,
      goodOrBetter: z.number(),
    }),
  ),
  notRated: z.array(
    z.object({ reason: z.enum(notRatedReasons), label: z.string(), count: z.number() }),
  ),
  culturalStandard: z.object({ met: z.number(), assessed: z.number(), total: z.number() }),
  removalFlagged: z.number(),
});
export type TResults = z.infer<typeof ZResults>;
