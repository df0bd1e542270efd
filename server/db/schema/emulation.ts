// Emulation and commendations (docs/domain/emulation.md): emulation movements with their criteria and
// period, the units and members registered in them (their models are `exemplary_models` with a
// movement), and commendations proposed → reviewed → decided by the granting authority, with the
// eligibility checked from the recorded ratings kept as it was when the proposal was reviewed.
import {
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

/** An emulation movement (phong trào thi đua) launched by a committee for its subtree. */
export const emulationMovements = pgTable(
  'emulation_movements',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    name: text().notNull(),
    /** The launching document as written ("Kế hoạch số 20-KH/ĐUK ngày …"). */
    launchRef: text(),
    /** The criteria, one per line, as the launching document states them. */
    criteria: text().notNull(),
    fromDate: date({ mode: 'string' }).notNull(),
    toDate: date({ mode: 'string' }).notNull(),
    note: text(),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('emulation_movements_unit_idx').on(t.orgUnitId)],
);

/** A unit's or a member's registration in a movement (đăng ký thi đua). */
export const movementRegistrations = pgTable(
  'movement_registrations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    movementId: integer()
      .notNull()
      .references(() => emulationMovements.id),
    /** The registered unit, or the member's unit when a member registers. */
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    memberId: integer().references(() => members.id),
    registeredOn: date({ mode: 'string' }).notNull(),
    /** What the unit or member undertakes (chỉ tiêu, nội dung đăng ký). */
    undertaking: text(),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('movement_registrations_movement_idx').on(t.movementId),
    uniqueIndex('movement_registrations_subject_key').on(t.movementId, t.orgUnitId, t.memberId),
  ],
);

/**
 * A commendation (khen thưởng) for an organisation or a member: proposed by a unit, reviewed, decided by
 * the granting authority (granted or refused).
 */
export const commendations = pgTable(
  'commendations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The unit that proposes (its office records the proposal). */
    proposingOrgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    /** organisation | member */
    subjectKind: text().notNull(),
    subjectOrgUnitId: integer().references(() => orgUnits.id),
    subjectMemberId: integer().references(() => members.id),
    /** The form: certificate of merit, exemplary clean-and-strong organisation for N years, … */
    form: text().notNull(),
    /** The year (or the last year of the run of years) the commendation is for. */
    year: integer().notNull(),
    /** How many years running the form asks for, when it asks (e.g. 5 years of HTXS). */
    yearsRunning: integer(),
    /** The movement it crowns, when it does. */
    movementId: integer().references(() => emulationMovements.id),
    achievements: text().notNull(),
    /** proposed | reviewed | granted | refused */
    status: text().notNull().default('proposed'),
    proposedOn: date({ mode: 'string' }).notNull(),
    reviewedOn: date({ mode: 'string' }),
    reviewNote: text(),
    /** The eligibility from the recorded ratings when reviewed: per year, the rating and whether it counts. */
    eligibility: jsonb(),
    /** The granting authority: the level that decides, and its decision as written. */
    grantingOrgUnitId: integer().references(() => orgUnits.id),
    grantingAuthority: text(),
    decidedOn: date({ mode: 'string' }),
    decisionRef: text(),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('commendations_proposing_idx').on(t.proposingOrgUnitId),
    index('commendations_year_idx').on(t.year),
    index('commendations_member_idx').on(t.subjectMemberId),
    index('commendations_unit_idx').on(t.subjectOrgUnitId),
  ],
);
