// Inspection, supervision and discipline (docs/domain/inspection.md): programmes, cases, the discipline register,
// complaints and the figures with their drill-down.
import {
  decidingBodies,
  disciplineForms,
  limitationGrounds,
  subjectKinds,
} from '../domain/rules/discipline/discipline';
import {
  caseKinds,
  caseSteps,
  conductingBodies,
  programmePeriods,
} from '../domain/rules/inspection/inspection';
import { ZId, ZIsoDate, ZOptionalText } from './common';
import { z } from './zod-vi';

const ZYear = z.coerce.number().int().min(1990).max(2100);
const ZText = (max = 500) => z.string().trim().min(1, 'Trường này bắt buộc.').max(max);
const ZDocNumber = z.string().trim().min(1, 'Cần nhập số văn bản.').max(100);

export const ZProgrammeItemInput = z.object({
  kind: z.enum(caseKinds),
  subjectOrgUnitId: ZId.nullish(),
  subjectText: ZText(300),
  theme: ZText(1000),
  quarter: z.number().int().min(1).max(4).nullish(),
  lead: ZOptionalText(200),
});
export type TProgrammeItemInput = z.infer<typeof ZProgrammeItemInput>;

export const ZProgrammeInput = z.object({
  orgUnitId: ZId,
  body: z.enum(conductingBodies),
  period: z.enum(programmePeriods),
  year: ZYear,
  toYear: ZYear.nullish(),
  title: ZText(300),
  decisionNumber: ZOptionalText(100),
  approvedOn: ZIsoDate.nullish(),
  items: z.array(ZProgrammeItemInput).max(200).default([]),
});
export type TProgrammeInput = z.infer<typeof ZProgrammeInput>;

export const ZProgrammeQuery = z.object({ orgUnitId: ZId.optional(), year: ZYear.optional() });

export const ZProgrammeItem = z.object({
  id: z.number(),
  kind: z.enum(caseKinds),
  subjectOrgUnitId: z.number().nullable(),
  subjectText: z.string(),
  theme: z.string(),
  quarter: z.number().nullable(),
  lead: z.string().nullable(),
  caseId: z.number().nullable(),
});
export const ZProgramme = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  body: z.enum(conductingBodies),
  period: z.enum(programmePeriods),
  year: z.number(),
  toYear: z.number().nullable(),
  title: z.string(),
  decisionNumber: z.string().nullable(),
  approvedOn: z.string().nullable(),
  items: z.array(ZProgrammeItem),
});
export type TProgramme = z.infer<typeof ZProgramme>;
export const ZProgrammeList = z.object({ items: z.array(ZProgramme) });

const ZSubjectInput = z.object({
  kind: z.enum(subjectKinds),
  orgUnitId: ZId.nullish(),
  memberId: ZId.nullish(),
});
const ZTeamInput = z.object({
  name: ZText(200),
  role: z.enum(['lead', 'deputy', 'member', 'secretary']),
  userId: ZId.nullish(),
});

/** Accounts that may be put on a case's team (so that they see its file): active, in the caller's scope. */
export const ZTeamCandidateQuery = z.object({ q: z.string().trim().max(100).optional() });
export const ZTeamCandidates = z.object({
  items: z.array(z.object({ id: z.number(), displayName: z.string(), scopeName: z.string() })),
});
export type TTeamCandidate = z.infer<typeof ZTeamCandidates>['items'][number];

export const ZCaseInput = z.object({
  orgUnitId: ZId,
  body: z.enum(conductingBodies),
  kind: z.enum(caseKinds),
  programmeItemId: ZId.nullish(),
  title: ZText(300),
  content: ZOptionalText(4000),
  decisionNumber: ZDocNumber,
  decisionDate: ZIsoDate,
  plannedFrom: ZIsoDate.nullish(),
  plannedTo: ZIsoDate.nullish(),
  subjects: z.array(ZSubjectInput).min(1, 'Cần ít nhất một đối tượng.').max(200),
  team: z.array(ZTeamInput).max(30).default([]),
});
export type TCaseInput = z.infer<typeof ZCaseInput>;

export const ZCaseFromItemInput = ZCaseInput.omit({
  orgUnitId: true,
  body: true,
  kind: true,
  programmeItemId: true,
  title: true,
}).extend({ title: ZOptionalText(300) });
export type TCaseFromItemInput = z.infer<typeof ZCaseFromItemInput>;

export const ZCaseStepInput = z.object({
  step: z.enum(caseSteps),
  stepDate: ZIsoDate,
  documentNumber: ZOptionalText(100),
  note: ZOptionalText(4000),
  version: z.number().int(),
});
export type TCaseStepInput = z.infer<typeof ZCaseStepInput>;

export const ZConclusionInput = z.object({
  conclusionNumber: ZDocNumber,
  conclusionDate: ZIsoDate,
  conclusionText: ZText(8000),
  reportSummary: ZOptionalText(4000),
  outcomeSummary: ZText(1000),
  violationFound: z.boolean(),
  publish: z.boolean(),
  recommendations: z
    .array(
      z.object({
        text: ZText(2000),
        addresseeOrgUnitId: ZId.nullish(),
        dueOn: ZIsoDate.nullish(),
      }),
    )
    .max(50)
    .default([]),
  version: z.number().int(),
});
export type TConclusionInput = z.infer<typeof ZConclusionInput>;

export const ZRecommendationUpdate = z.object({
  status: z.enum(['open', 'done']),
  doneOn: ZIsoDate.nullish(),
  followUp: ZOptionalText(2000),
  version: z.number().int(),
});
export type TRecommendationUpdate = z.infer<typeof ZRecommendationUpdate>;

export const ZCaseQuery = z.object({
  orgUnitId: ZId.optional(),
  year: ZYear.optional(),
  kind: z.enum(caseKinds).optional(),
  body: z.enum(conductingBodies).optional(),
  status: z.enum(['open', 'concluded']).optional(),
});

const ZSubject = z.object({
  kind: z.enum(subjectKinds),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  memberId: z.number().nullable(),
  memberName: z.string().nullable(),
});

/** What every role allowed to see the case sees: that it exists, and its outcome once published. */
export const ZCaseSummary = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  body: z.enum(conductingBodies),
  kind: z.enum(caseKinds),
  title: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  year: z.number(),
  status: z.enum(['open', 'concluded']),
  subjects: z.array(ZSubject),
  published: z.boolean(),
  conclusionNumber: z.string().nullable(),
  conclusionDate: z.string().nullable(),
  outcomeSummary: z.string().nullable(),
  programmeItemId: z.number().nullable(),
  /** Whether the caller may open the case file (need-to-know). */
  canReadFile: z.boolean(),
});
export type TCaseSummary = z.infer<typeof ZCaseSummary>;
export const ZCaseList = z.object({ items: z.array(ZCaseSummary) });

export const ZCaseFile = z.object({
  content: z.string().nullable(),
  plannedFrom: z.string().nullable(),
  plannedTo: z.string().nullable(),
  team: z.array(z.object({ name: z.string(), role: z.string(), userId: z.number().nullable() })),
  steps: z.array(
    z.object({
      id: z.number(),
      step: z.enum(caseSteps),
      label: z.string(),
      stepDate: z.string(),
      documentNumber: z.string().nullable(),
      note: z.string().nullable(),
      recordedByName: z.string().nullable(),
    }),
  ),
  timeline: z.array(
    z.object({
      step: z.enum(caseSteps),
      label: z.string(),
      required: z.boolean(),
      done: z.boolean(),
    }),
  ),
  nextStep: z.enum(caseSteps).nullable(),
  reportSummary: z.string().nullable(),
  conclusionText: z.string().nullable(),
  violationFound: z.boolean().nullable(),
  recommendations: z.array(
    z.object({
      id: z.number(),
      text: z.string(),
      addresseeOrgUnitId: z.number().nullable(),
      addresseeName: z.string().nullable(),
      dueOn: z.string().nullable(),
      status: z.enum(['open', 'done']),
      doneOn: z.string().nullable(),
      followUp: z.string().nullable(),
      version: z.number(),
    }),
  ),
  disciplines: z.array(
    z.object({
      id: z.number(),
      subjectName: z.string(),
      form: z.enum(disciplineForms),
      status: z.string(),
    }),
  ),
  canWrite: z.boolean(),
});

export const ZCaseDetail = ZCaseSummary.extend({
  version: z.number(),
  /** Null when the caller has no need to know: they see only the summary. */
  file: ZCaseFile.nullable(),
  confidentialityNotice: z.string(),
});
export type TCaseDetail = z.infer<typeof ZCaseDetail>;

/** The vote on a discipline (22-QĐ/TW art. 15): the body's members, those present, for and against. */
export const ZDisciplineVote = z.object({
  members: z.number().int().min(1).max(1000),
  present: z.number().int().min(0).max(1000),
  inFavour: z.number().int().min(0).max(1000),
  against: z.number().int().min(0).max(1000),
});
export type TDisciplineVote = z.infer<typeof ZDisciplineVote>;

export const ZDisciplineInput = z.object({
  subjectKind: z.enum(subjectKinds),
  memberId: ZId.nullish(),
  orgUnitId: ZId.nullish(),
  caseId: ZId.nullish(),
  /** A proposal is recorded without a decision: the subject is "under review". */
  proposal: z.boolean().default(false),
  form: z.enum(disciplineForms),
  body: z.enum(decidingBodies),
  bodyOrgUnitId: ZId,
  decisionNumber: ZOptionalText(100),
  violation: ZText(4000),
  limitationGround: z.enum(limitationGrounds).nullish(),
  violationFrom: ZIsoDate,
  violationTo: ZIsoDate.nullish(),
  decidedOn: ZIsoDate.nullish(),
  announcedOn: ZIsoDate.nullish(),
  receivedOn: ZIsoDate.nullish(),
  /** Required for a new record; decisions recorded before votes were kept have none. */
  vote: ZDisciplineVote.nullish(),
});
export type TDisciplineInput = z.infer<typeof ZDisciplineInput>;

export const ZDisciplineCheck = z.object({
  ok: z.boolean(),
  checks: z.array(z.object({ rule: z.string(), ok: z.boolean(), message: z.string() })),
  lapsesOn: z.string().nullable(),
  limitationExpiresOn: z.string().nullable(),
});

/** Where a discipline decision stands (lapsed: its term ran out; permanent: khai trừ, giải tán). */
export const disciplineStates = [
  'proposed',
  'in_force',
  'lapsed',
  'permanent',
  'annulled',
] as const;
/** The two groups the inspection figures count subjects in. */
export const subjectGroups = ['committees', 'inspection_commissions'] as const;

export const ZDisciplineQuery = z.object({
  orgUnitId: ZId.optional(),
  year: ZYear.optional(),
  form: z.enum(disciplineForms).optional(),
  subjectKind: z.enum(subjectKinds).optional(),
  state: z.enum(disciplineStates).optional(),
});

export const ZComplaint = z.object({
  id: z.number(),
  filedOn: z.string(),
  deadlineOn: z.string(),
  handledBy: z.string(),
  outcome: z.enum(['pending', 'upheld', 'reduced', 'annulled', 'not_accepted']),
  outcomeOn: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  newForm: z.enum(disciplineForms).nullable(),
  version: z.number(),
});

export const ZDisciplineRow = z.object({
  id: z.number(),
  subjectKind: z.enum(subjectKinds),
  memberId: z.number().nullable(),
  subjectName: z.string(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  standing: z.string().nullable(),
  caseId: z.number().nullable(),
  form: z.enum(disciplineForms),
  body: z.enum(decidingBodies),
  decisionNumber: z.string().nullable(),
  violation: z.string(),
  violationFrom: z.string(),
  violationTo: z.string().nullable(),
  decidedOn: z.string().nullable(),
  announcedOn: z.string().nullable(),
  receivedOn: z.string().nullable(),
  /** Null: recorded before votes were kept (vote unknown). */
  vote: ZDisciplineVote.nullable(),
  state: z.enum(disciplineStates),
  lapsesOn: z.string().nullable(),
  complaintDeadline: z.string().nullable(),
  complaints: z.array(ZComplaint),
});
export type TDisciplineRow = z.infer<typeof ZDisciplineRow>;
export const ZDisciplineList = z.object({ items: z.array(ZDisciplineRow) });

export const ZComplaintInput = z.object({
  filedOn: ZIsoDate,
  handledBy: ZText(200),
});
export const ZComplaintOutcome = z.object({
  outcome: z.enum(['upheld', 'reduced', 'annulled']),
  outcomeOn: ZIsoDate,
  outcomeNote: ZOptionalText(2000),
  newForm: z.enum(disciplineForms).nullish(),
  version: z.number().int(),
});
export type TComplaintOutcome = z.infer<typeof ZComplaintOutcome>;

export const ZFiguresQuery = z.object({
  orgUnitId: ZId.optional(),
  year: ZYear,
  body: z.enum(conductingBodies).optional(),
});

const ZCount = z.object({ organisations: z.number(), members: z.number(), total: z.number() });
export const ZFigures = z.object({
  year: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  body: z.enum(conductingBodies).nullable(),
  countingRule: z.string(),
  casesByKind: z.array(z.object({ kind: z.enum(caseKinds), label: z.string(), count: z.number() })),
  subjectsByBody: z.array(
    z.object({ body: z.enum(conductingBodies), label: z.string(), ...ZCount.shape }),
  ),
  subjectsByGroup: z.array(
    z.object({
      group: z.enum(subjectGroups),
      label: z.string(),
      ...ZCount.shape,
    }),
  ),
  disciplineByForm: z.array(
    z.object({
      form: z.enum(disciplineForms),
      subjectKind: z.enum(subjectKinds),
      label: z.string(),
      count: z.number(),
    }),
  ),
  disciplinedMembers: z.number(),
  disciplinedOrganisations: z.number(),
  recommendations: z.object({ open: z.number(), done: z.number() }),
  sentences: z.array(z.string()),
});
export type TFigures = z.infer<typeof ZFigures>;

export const ZFigureRecordsQuery = ZFiguresQuery.extend({
  figure: z.enum(['cases', 'subjects', 'discipline', 'recommendations']),
  kind: z.enum(caseKinds).optional(),
  group: z.enum(subjectGroups).optional(),
  subjectKind: z.enum(subjectKinds).optional(),
  form: z.enum(disciplineForms).optional(),
  status: z.enum(['open', 'done']).optional(),
});
export const ZFigureRecords = z.object({
  title: z.string(),
  countingRule: z.string(),
  columns: z.array(z.object({ key: z.string(), title: z.string() })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});
export type TFigureRecords = z.infer<typeof ZFigureRecords>;
