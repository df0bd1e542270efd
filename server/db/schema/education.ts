// Political and ideological education (docs/domain/education.md): programmes of study under a directive or
// a yearly topic, each unit's activities (a thematic cell meeting is linked, not recorded twice), members'
// yearly commitments to follow them, good models and examples (mô hình, điển hình) registered by units,
// reviewed and recognised, the periodic reviews (sơ kết, tổng kết), and the register of public-opinion notes.
import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { emulationMovements } from './emulation';
import { documents } from './lifecycle';
import { meetings } from './meetings';
import { members } from './members';
import { orgUnits } from './org-units';
import { resolutions } from './resolutions';

/** A programme of study (e.g. Chỉ thị 05-CT/TW, the year's topic) run by a committee for its subtree. */
export const studyProgrammes = pgTable(
  'study_programmes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The committee that runs the programme: its subtree's units take part. */
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    /** directive | annual_topic | other */
    kind: text().notNull(),
    title: text().notNull(),
    /** The directive or topic as written ("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"). */
    directiveRef: text(),
    /** The directive in the register of resolutions, when it is there. */
    resolutionId: integer().references(() => resolutions.id),
    fromDate: date({ mode: 'string' }).notNull(),
    toDate: date({ mode: 'string' }),
    note: text(),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('study_programmes_unit_idx').on(t.orgUnitId)],
);

/** What a unit did under a programme: a study session, a thematic meeting, a contest. */
export const studyActivities = pgTable(
  'study_activities',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer()
      .notNull()
      .references(() => studyProgrammes.id),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    /** study | thematic_meeting | contest | other */
    kind: text().notNull(),
    title: text().notNull(),
    heldOn: date({ mode: 'string' }).notNull(),
    /** The cell's thematic meeting (sinh hoạt chuyên đề) already recorded in meetings. */
    meetingId: integer().references(() => meetings.id),
    participants: integer(),
    note: text(),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('study_activities_programme_idx').on(t.programmeId),
    index('study_activities_unit_held_idx').on(t.orgUnitId, t.heldOn),
  ],
);

/** A member's yearly commitment to study and follow (bản cam kết tu dưỡng, rèn luyện) and its outcome. */
export const studyCommitments = pgTable(
  'study_commitments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer()
      .notNull()
      .references(() => studyProgrammes.id),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    year: integer().notNull(),
    signedOn: date({ mode: 'string' }).notNull(),
    content: text().notNull(),
    /** The year-end self-review of the commitment: kept | partly_kept | not_kept (null until then). */
    outcome: text(),
    outcomeNote: text(),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('study_commitments_member_year_key').on(t.programmeId, t.memberId, t.year),
    index('study_commitments_member_idx').on(t.memberId),
  ],
);

/**
 * A good model or example (mô hình, điển hình tiên tiến) registered by a unit — a collective's model or a
 * member as an example — under a programme of study or an emulation movement ("Dân vận khéo"),
 * reviewed and recognised (or not) by the level that runs the programme or movement.
 */
export const exemplaryModels = pgTable(
  'exemplary_models',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The unit that registered it (the model's collective, or the member's unit). */
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    /** Set when the example is a member (điển hình cá nhân). */
    memberId: integer().references(() => members.id),
    programmeId: integer().references(() => studyProgrammes.id),
    movementId: integer().references(() => emulationMovements.id),
    title: text().notNull(),
    /** The field: economy, culture-society, defence-security, party building, mass mobilisation, … */
    field: text(),
    description: text(),
    registeredOn: date({ mode: 'string' }).notNull(),
    /** registered | recognised | not_recognised */
    status: text().notNull().default('registered'),
    reviewedOn: date({ mode: 'string' }),
    /** The recognition decision as written, and the level that decided. */
    decisionRef: text(),
    recognisedByOrgUnitId: integer().references(() => orgUnits.id),
    reviewNote: text(),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('exemplary_models_unit_idx').on(t.orgUnitId),
    index('exemplary_models_movement_idx').on(t.movementId),
    index('exemplary_models_programme_idx').on(t.programmeId),
  ],
);

/** Evidence of a model (photos, reports, certificates): attached files. */
export const exemplaryModelEvidence = pgTable(
  'exemplary_model_evidence',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    modelId: integer()
      .notNull()
      .references(() => exemplaryModels.id),
    title: text().notNull(),
    documentId: integer().references(() => documents.id),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exemplary_model_evidence_model_idx').on(t.modelId)],
);

/** A periodic review of a programme (sơ kết, tổng kết) held by a unit over a period. */
export const programmeReviews = pgTable(
  'programme_reviews',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    programmeId: integer()
      .notNull()
      .references(() => studyProgrammes.id),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    /** interim (sơ kết) | final (tổng kết) */
    kind: text().notNull(),
    title: text().notNull(),
    periodFrom: date({ mode: 'string' }).notNull(),
    periodTo: date({ mode: 'string' }).notNull(),
    heldOn: date({ mode: 'string' }).notNull(),
    /** The review's report as written ("Báo cáo số 45-BC/ĐU …") and its file. */
    reportRef: text(),
    documentId: integer().references(() => documents.id),
    note: text(),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('programme_reviews_programme_idx').on(t.programmeId)],
);

/** A dated note of public opinion and information orientation (dư luận xã hội, định hướng thông tin). */
export const opinionNotes = pgTable(
  'opinion_notes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    notedOn: date({ mode: 'string' }).notNull(),
    topic: text().notNull(),
    /** What members and the public say, as summarised by the unit. */
    content: text().notNull(),
    /** Where it was heard or read (a meeting, the press, social networks, …). */
    source: text(),
    /** The orientation given or proposed, and to whom it was reported. */
    orientation: text(),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('opinion_notes_unit_date_idx').on(t.orgUnitId, t.notedOn)],
);
