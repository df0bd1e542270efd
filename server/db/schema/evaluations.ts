// Year-end (quarterly, term) evaluation and classification (docs/domain/evaluation.md).
// Rules: domain/rules/evaluation (the rule set is chosen by the period's year).
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { members } from './members';
import { agencies, massOrganisations, orgUnits } from './org-units';

/**
 * One evaluation campaign: a subtree (its root unit) and a period. Campaigns of the same period
 * never overlap (a unit is in at most one campaign per period).
 */
export const evaluationCampaigns = pgTable(
  'evaluation_campaigns',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    title: text().notNull(),
    year: integer().notNull(),
    /** year | quarter | term (quarters and terms from 2025, 366-QĐ/TW). */
    cycle: text().notNull(),
    quarter: integer(),
    periodFrom: date({ mode: 'string' }).notNull(),
    periodTo: date({ mode: 'string' }).notNull(),
    /** QD132 | QD124 | QD366, from the year; a historical year keeps its own rule set. */
    ruleSet: text().notNull(),
    /** An administrator's adjustments of the year's parameters (only keys the rule set knows). */
    paramsOverride: jsonb().notNull().default(sql`'{}'::jsonb`),
    openedOn: date({ mode: 'string' }).notNull(),
    selfAssessmentDue: date({ mode: 'string' }),
    reviewDue: date({ mode: 'string' }),
    appraisalDue: date({ mode: 'string' }),
    decisionDue: date({ mode: 'string' }),
    publicationDue: date({ mode: 'string' }),
    /** open → closed. */
    status: text().notNull().default('open'),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluation_campaigns_org_year_idx').on(t.orgUnitId, t.year)],
);

/**
 * One subject of a campaign: a member, a cell, a grassroots organisation, its committee, a mass
 * organisation or an agency. `orgUnitId` places it in the tree (the member's cell; the unit; the
 * agency's party organisation). The step columns hold the current state; `evaluation_steps`
 * keeps the dated, attributed history.
 */
export const evaluationRecords = pgTable(
  'evaluation_records',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => evaluationCampaigns.id),
    subjectKind: text().notNull(),
    /** member:<id> | unit:<id> | committee:<id> | agency:<id> | mass:<id>: one record per subject. */
    subjectKey: text().notNull(),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    memberId: integer().references(() => members.id),
    agencyId: integer().references(() => agencies.id),
    massOrganisationId: integer().references(() => massOrganisations.id),
    /** The grassroots organisation (TCCSĐ) the subject belongs to: the HTXS cap group of members. */
    grassrootsOrgId: integer().references(() => orgUnits.id),
    subjectName: text().notNull(),
    /** pending → self_assessed → reviewed → appraised → decided → published; or not_rated. */
    status: text().notNull(),
    notRatedReason: text(),
    /** The facts the engine used (tasks, discipline, leave, civil-service level, dates …). */
    facts: jsonb().notNull().default(sql`'{}'::jsonb`),
    /** The engine's result: level, reasons, score, missing items, removal flag. */
    proposal: jsonb().notNull().default(sql`'{}'::jsonb`),
    proposedLevel: text().notNull(),
    /** Self-assessment (Mẫu 2A/2B/2C, or the collective's draft report). */
    selfAssessment: jsonb(),
    selfLevel: text(),
    /** Review at the cell / committee meeting: votes per level and the level the meeting proposes. */
    reviewVotes: jsonb(),
    reviewLevel: text(),
    appraisalLevel: text(),
    decidedLevel: text(),
    decisionNumber: text(),
    decidedOn: date({ mode: 'string' }),
    publishedOn: date({ mode: 'string' }),
    /** Agencies: the yearly "đạt chuẩn văn hoá, an toàn về an ninh trật tự" result. */
    culturalStandard: boolean(),
    /** Two consecutive KHTNV years: the member is flagged for removal (xóa tên). */
    removalFlag: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('evaluation_records_campaign_idx').on(t.campaignId, t.subjectKind),
    index('evaluation_records_org_idx').on(t.orgUnitId),
    index('evaluation_records_member_idx').on(t.memberId),
    uniqueIndex('evaluation_records_subject_key').on(t.campaignId, t.subjectKey),
  ],
);

/** Each step of a record's flow, dated and attributed (who recorded it, on whose behalf). */
export const evaluationSteps = pgTable(
  'evaluation_steps',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    recordId: integer()
      .notNull()
      .references(() => evaluationRecords.id),
    /** self_assessment | review | appraisal | decision | publication | complaint | complaint_resolved */
    step: text().notNull(),
    stepDate: date({ mode: 'string' }).notNull(),
    level: text(),
    documentNumber: text(),
    note: text(),
    data: jsonb(),
    /** Entered by someone else on the subject's behalf (the office, the cell secretary). */
    onBehalf: boolean().notNull().default(false),
    recordedBy: integer(),
    recordedByName: text(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluation_steps_record_idx').on(t.recordId, t.stepDate)],
);

/** A complaint about a published result; the upper committee re-verifies and answers. */
export const evaluationComplaints = pgTable(
  'evaluation_complaints',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    recordId: integer()
      .notNull()
      .references(() => evaluationRecords.id),
    filedOn: date({ mode: 'string' }).notNull(),
    content: text().notNull(),
    /** pending | upheld (level kept) | changed (level changed). */
    outcome: text().notNull().default('pending'),
    outcomeLevel: text(),
    resolvedOn: date({ mode: 'string' }),
    answer: text(),
    filedBy: integer(),
    resolvedBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluation_complaints_record_idx').on(t.recordId)],
);
