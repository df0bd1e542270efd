// Resolutions, directives and conclusions with their dissemination (docs/domain/
// resolutions.md): register → plan → study sessions per unit → action programmes →
// members' reflections → progress reports. Vocabulary: contracts/resolutions.ts.
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { documents } from './lifecycle';
import { members } from './members';
import { orgUnits } from './org-units';

/** A resolution, directive, conclusion … as registered by a committee (the owner unit). */
export const resolutions = pgTable(
  'resolutions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The committee that registered it: its subtree studies it, its ancestors see it. */
    ownerUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    /** central | province | upper | own */
    issuerLevel: text().notNull(),
    /** As written on the document: "Ban Chấp hành Trung ương", "Tỉnh ủy Lạng Sơn". */
    issuerName: text().notNull(),
    /** resolution | directive | conclusion | regulation | instruction | other */
    kind: text().notNull(),
    number: text().notNull(),
    issuedOn: date({ mode: 'string' }).notNull(),
    title: text().notNull(),
    summary: text(),
    documentId: integer().references(() => documents.id),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resolutions_owner_idx').on(t.ownerUnitId, t.issuedOn),
    uniqueIndex('resolutions_owner_number_uq').on(t.ownerUnitId, t.number),
  ],
);

/**
 * The dissemination plan of a resolution: the units of the given kinds under `targetUnitId` must
 * hold a study session by `studyDeadline`, and issue an action programme by its deadline when required.
 */
export const resolutionPlans = pgTable(
  'resolution_plans',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    resolutionId: integer()
      .notNull()
      .references(() => resolutions.id),
    targetUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    unitKinds: text().array().notNull(),
    studyDeadline: date({ mode: 'string' }).notNull(),
    actionProgrammeRequired: boolean().notNull().default(false),
    actionProgrammeDeadline: date({ mode: 'string' }),
    note: text(),
  },
  (t) => [
    uniqueIndex('resolution_plans_resolution_uq').on(t.resolutionId),
    index('resolution_plans_deadline_idx').on(t.studyDeadline),
  ],
);

/** A study session (hội nghị quán triệt, học tập) held by a unit. */
export const disseminationSessions = pgTable(
  'dissemination_sessions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    resolutionId: integer()
      .notNull()
      .references(() => resolutions.id),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    heldOn: date({ mode: 'string' }).notNull(),
    /** in_person | online | hybrid */
    form: text().notNull(),
    invited: integer().notNull(),
    attended: integer().notNull(),
    note: text(),
    recordedBy: integer(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dissemination_sessions_res_unit_idx').on(t.resolutionId, t.orgUnitId)],
);

/** A unit's action programme or implementation plan for a resolution. */
export const actionProgrammes = pgTable(
  'action_programmes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    resolutionId: integer()
      .notNull()
      .references(() => resolutions.id),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    number: text().notNull(),
    issuedOn: date({ mode: 'string' }).notNull(),
    title: text(),
    documentId: integer().references(() => documents.id),
    recordedBy: integer(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('action_programmes_res_unit_uq').on(t.resolutionId, t.orgUnitId)],
);

/** A member's reflection (bài thu hoạch); `orgUnitId` is the member's cell when it was submitted. */
export const resolutionReflections = pgTable(
  'resolution_reflections',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    resolutionId: integer()
      .notNull()
      .references(() => resolutions.id),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    submittedOn: date({ mode: 'string' }).notNull(),
    content: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('resolution_reflections_res_member_uq').on(t.resolutionId, t.memberId),
    index('resolution_reflections_unit_idx').on(t.orgUnitId),
  ],
);

/** A unit's periodic report on implementing a resolution (sơ kết, tổng kết). */
export const resolutionProgressReports = pgTable(
  'resolution_progress_reports',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    resolutionId: integer()
      .notNull()
      .references(() => resolutions.id),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    reportedOn: date({ mode: 'string' }).notNull(),
    content: text().notNull(),
    recordedBy: integer(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resolution_progress_res_unit_idx').on(t.resolutionId, t.orgUnitId)],
);
