import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
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
import { orgUnits } from './org-units';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** Attached files (scanned forms, certificates). Kept in the database so a backup holds them. */
export const documents = pgTable('documents', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  orgUnitId: integer()
    .notNull()
    .references(() => orgUnits.id),
  fileName: text().notNull(),
  mimeType: text().notNull(),
  size: integer().notNull(),
  sha256: text().notNull(),
  content: bytea().notNull(),
  uploadedBy: integer(),
  uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A person the cell is preparing for admission (quần chúng ưu tú): not a member yet. */
export const applicants = pgTable(
  'applicants',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    fullName: text().notNull(),
    sex: text().notNull(),
    birthDate: date({ mode: 'string' }).notNull(),
    citizenId: text(),
    ethnicity: text().notNull().default('Kinh'),
    religion: text().notNull().default('Không'),
    generalEducation: text(),
    /** Which education rule applies: normal, hardship area, village elder (docs/domain/recruitment.md). */
    educationArea: text().notNull().default('normal'),
    workplace: text(),
    position: text(),
    phone: text(),
    source: text(),
    mentorName: text(),
    /** in_progress → member (admitted) → full; or stopped (with a reason). */
    status: text().notNull().default('in_progress'),
    stoppedReason: text(),
    /** An extension of the admission deadline (up to 30 more working days) was granted. */
    admissionExtended: boolean().notNull().default(false),
    memberId: integer().references(() => members.id),
    nameNorm: text().generatedAlwaysAs(sql`lower(immutable_unaccent(full_name))`),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('applicants_org_idx').on(t.orgUnitId, t.status),
    index('applicants_citizen_id_idx').on(t.citizenId),
  ],
);

/** One recorded step of the pipeline (docs/domain/recruitment.md), with its document and vote. */
export const recruitmentSteps = pgTable(
  'recruitment_steps',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    applicantId: integer()
      .notNull()
      .references(() => applicants.id),
    step: text().notNull(),
    stepDate: date({ mode: 'string' }).notNull(),
    outcome: text().notNull().default('passed'),
    votesFor: integer(),
    votesTotal: integer(),
    formCode: text(),
    documentNumber: text(),
    documentId: integer().references(() => documents.id),
    note: text(),
    recordedBy: integer(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recruitment_steps_applicant_idx').on(t.applicantId, t.stepDate)],
);

export const badgeAwards = pgTable(
  'badge_awards',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    milestone: integer().notNull(),
    awardDate: date({ mode: 'string' }).notNull(),
    decisionNumber: text(),
    early: boolean().notNull().default(false),
    /** Awarded after the member's death (truy tặng). */
    posthumous: boolean().notNull().default(false),
    /** Why early or posthumous, as the office records it. */
    reason: text(),
    /** The cell's recognition that a past discipline's shortcomings were corrected (24-QĐ/TW 27.3). */
    cellRecognizedOn: date({ mode: 'string' }),
    recordedBy: integer(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('badge_awards_member_milestone_key').on(t.memberId, t.milestone),
    // The period's awards first, for the dashboard's figures (plans/metrics/lifecycle.metrics.ts).
    index('badge_awards_date_idx').on(t.awardDate),
  ],
);

/** Card history: issued, re-issued (lost), exchanged (damaged or 51-CT/TW), recalled. */
export const partyCardEvents = pgTable(
  'party_card_events',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    action: text().notNull(),
    actionDate: date({ mode: 'string' }).notNull(),
    cardNumber: text(),
    reason: text(),
    decisionNumber: text(),
    recordedBy: integer(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('party_card_events_member_idx').on(t.memberId),
    index('party_card_events_date_idx').on(t.actionDate),
  ],
);

/** What a member's dues are computed from (01-QĐ/TW categories); one row per member. */
export const duesProfiles = pgTable('dues_profiles', {
  memberId: integer()
    .primaryKey()
    .references(() => members.id),
  category: text().notNull(),
  baseAmount: integer(),
  otherArea: text(),
  socialPensionAllowance: boolean().notNull().default(false),
  hardshipExemption: boolean().notNull().default(false),
  reductionPercent: integer(),
  reductionFrom: text(),
  reductionTo: text(),
  version: integer().notNull().default(1),
  updatedBy: integer(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const duesPayments = pgTable(
  'dues_payments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    /** The month the dues are for, 'YYYY-MM'. */
    month: text().notNull(),
    amount: integer().notNull(),
    paidOn: date({ mode: 'string' }).notNull(),
    method: text().notNull().default('cash'),
    recordedBy: integer(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dues_payments_member_month_key').on(t.memberId, t.month)],
);

/** Spreadsheet imports: a preview is stored, then committed all-or-nothing. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: text().notNull(),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    fileName: text().notNull(),
    fileSha256: text().notNull(),
    layoutFingerprint: text().notNull(),
    mapping: jsonb().notNull(),
    /** Columns with data the user chose not to import (0-based indexes). */
    skippedColumns: jsonb().notNull().default([]),
    status: text().notNull(),
    totalRows: integer().notNull().default(0),
    summary: jsonb(),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('import_jobs_file_idx').on(t.kind, t.fileSha256),
    uniqueIndex('import_jobs_committed_key')
      .on(t.kind, t.orgUnitId, t.fileSha256)
      .where(sql`status = 'committed'`),
  ],
);

/** Column mappings remembered per file layout (normalised header fingerprint). */
export const importLayouts = pgTable(
  'import_layouts',
  {
    kind: text().notNull(),
    fingerprint: text().notNull(),
    mapping: jsonb().notNull(),
    /** The skip decisions of this layout, remembered with its mapping. */
    skippedColumns: jsonb().notNull().default([]),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_layouts_key').on(t.kind, t.fingerprint)],
);
