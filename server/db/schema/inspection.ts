// Inspection, supervision and discipline (docs/domain/inspection.md, discipline.md). Vocabulary and rules:
// domain/rules/inspection and domain/rules/discipline.
import { boolean, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { memberEvents, members } from './members';
import { orgOperations, orgUnits } from './org-units';
import { users } from './platform';

/** A term or yearly inspection-and-supervision programme of a body (chương trình kiểm tra, giám sát). */
export const inspectionProgrammes = pgTable(
  'inspection_programmes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The committee the body belongs to (the upper committee or a grassroots committee). */
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    body: text().notNull(),
    period: text().notNull(),
    year: integer().notNull(),
    /** For a term programme: the last year of the term (2025–2030 → year 2025, toYear 2030). */
    toYear: integer(),
    title: text().notNull(),
    decisionNumber: text(),
    approvedOn: date({ mode: 'string' }),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_programmes_org_idx').on(t.orgUnitId, t.year)],
);

/** One planned item of a programme; it turns into a case when the case is opened. */
export const inspectionProgrammeItems = pgTable(
  'inspection_programme_items',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer()
      .notNull()
      .references(() => inspectionProgrammes.id),
    kind: text().notNull(),
    /** The subject organisation, when one is named; otherwise the subject text says who. */
    subjectOrgUnitId: integer().references(() => orgUnits.id),
    subjectText: text().notNull(),
    theme: text().notNull(),
    quarter: integer(),
    lead: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_programme_items_programme_idx').on(t.programmeId)],
);

/** A case: one inspection or supervision with its decision, team, steps and conclusion. */
export const inspectionCases = pgTable(
  'inspection_cases',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The committee the conducting body belongs to. */
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    body: text().notNull(),
    kind: text().notNull(),
    programmeItemId: integer().references(() => inspectionProgrammeItems.id),
    title: text().notNull(),
    /** Contents (need-to-know): the theme and what is inspected. */
    content: text(),
    decisionNumber: text().notNull(),
    decisionDate: date({ mode: 'string' }).notNull(),
    year: integer().notNull(),
    plannedFrom: date({ mode: 'string' }),
    plannedTo: date({ mode: 'string' }),
    /** open → concluded (conclusion recorded). */
    status: text().notNull().default('open'),
    reportSummary: text(),
    conclusionNumber: text(),
    conclusionDate: date({ mode: 'string' }),
    conclusionText: text(),
    /** What others may see once published: the outcome in one or two sentences. */
    outcomeSummary: text(),
    violationFound: boolean(),
    publishedOn: date({ mode: 'string' }),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspection_cases_org_year_idx').on(t.orgUnitId, t.year),
    index('inspection_cases_item_idx').on(t.programmeItemId),
    // The period's cases first, for the dashboard's figures (plans/metrics/inspection.metrics.ts).
    index('inspection_cases_decision_date_idx').on(t.decisionDate),
  ],
);

/** The organisations and members a case is about; `orgUnitId` places the subject in the tree. */
export const inspectionCaseSubjects = pgTable(
  'inspection_case_subjects',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer()
      .notNull()
      .references(() => inspectionCases.id),
    subjectKind: text().notNull(),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    memberId: integer().references(() => members.id),
  },
  (t) => [
    index('inspection_case_subjects_case_idx').on(t.caseId),
    index('inspection_case_subjects_member_idx').on(t.memberId),
    index('inspection_case_subjects_org_idx').on(t.orgUnitId),
  ],
);

/** The team (đoàn kiểm tra, giám sát); members with an account see the case file. */
export const inspectionCaseTeam = pgTable(
  'inspection_case_team',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer()
      .notNull()
      .references(() => inspectionCases.id),
    name: text().notNull(),
    role: text().notNull(),
    userId: integer().references(() => users.id),
  },
  (t) => [
    index('inspection_case_team_case_idx').on(t.caseId),
    index('inspection_case_team_user_idx').on(t.userId),
  ],
);

export const inspectionCaseSteps = pgTable(
  'inspection_case_steps',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer()
      .notNull()
      .references(() => inspectionCases.id),
    step: text().notNull(),
    stepDate: date({ mode: 'string' }).notNull(),
    documentNumber: text(),
    note: text(),
    recordedBy: integer(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_case_steps_case_idx').on(t.caseId, t.stepDate)],
);

/** A recommendation of the conclusion and its follow-up until done. */
export const inspectionRecommendations = pgTable(
  'inspection_recommendations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer()
      .notNull()
      .references(() => inspectionCases.id),
    text: text().notNull(),
    addresseeOrgUnitId: integer().references(() => orgUnits.id),
    dueOn: date({ mode: 'string' }),
    status: text().notNull().default('open'),
    doneOn: date({ mode: 'string' }),
    followUp: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_recommendations_case_idx').on(t.caseId)],
);

/** The discipline register: proposals and decisions against members and organisations. */
export const disciplineDecisions = pgTable(
  'discipline_decisions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    subjectKind: text().notNull(),
    memberId: integer().references(() => members.id),
    /** The disciplined organisation, or the member's cell at the decision. */
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    /** The member's standing at the decision (probationers: two forms only). */
    standing: text(),
    caseId: integer().references(() => inspectionCases.id),
    /** proposed (under review) → decided; annulled by a complaint's outcome. */
    status: text().notNull(),
    form: text().notNull(),
    body: text().notNull(),
    bodyOrgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    decisionNumber: text(),
    violation: text().notNull(),
    limitationGround: text(),
    violationFrom: date({ mode: 'string' }).notNull(),
    violationTo: date({ mode: 'string' }),
    decidedOn: date({ mode: 'string' }),
    announcedOn: date({ mode: 'string' }),
    receivedOn: date({ mode: 'string' }),
    /** The vote (22-QĐ/TW art. 15); null on decisions recorded before votes were kept. */
    voteMembers: integer(),
    votePresent: integer(),
    voteFor: integer(),
    voteAgainst: integer(),
    memberEventId: integer().references(() => memberEvents.id),
    orgOperationId: integer().references(() => orgOperations.id),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('discipline_decisions_member_idx').on(t.memberId),
    index('discipline_decisions_org_idx').on(t.orgUnitId),
    index('discipline_decisions_decided_idx').on(t.decidedOn),
  ],
);

/** A complaint about a discipline decision (1 month from receiving it) and its outcome. */
export const disciplineComplaints = pgTable(
  'discipline_complaints',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    decisionId: integer()
      .notNull()
      .references(() => disciplineDecisions.id),
    filedOn: date({ mode: 'string' }).notNull(),
    deadlineOn: date({ mode: 'string' }).notNull(),
    handledBy: text().notNull(),
    /** pending → upheld | reduced | annulled; or not_accepted (filed late). */
    outcome: text().notNull().default('pending'),
    outcomeOn: date({ mode: 'string' }),
    outcomeNote: text(),
    newForm: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('discipline_complaints_decision_idx').on(t.decisionId)],
);
