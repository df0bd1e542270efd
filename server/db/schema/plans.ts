// The annual plan (docs/domain/annual-plan.md): terms with the congress resolution's targets, each
// year's key tasks and numeric targets bound to a metric of the catalogue (server/modules/plans/metrics).

import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { members } from './members';
import { orgUnits } from './org-units';

/** A committee's term (nhiệm kỳ, e.g. 2025–2030) and the congress resolution that set its targets. */
export const planTerms = pgTable(
  'plan_terms',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    name: text().notNull(),
    fromYear: integer().notNull(),
    toYear: integer().notNull(),
    /** The congress resolution (number and title), e.g. "Nghị quyết Đại hội đại biểu lần thứ II". */
    congressResolution: text(),
    congressDate: date({ mode: 'string' }),
    note: text(),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_terms_unit_from_key').on(t.orgUnitId, t.fromYear)],
);

/**
 * A numeric target (chỉ tiêu): for a term (year null: the congress resolution's target over the whole
 * term) or for one year; set for a unit, and cascaded to lower units (parentTargetId) whose shares roll
 * up to it. Bound to a metric code of the catalogue; threshold is a count or a percentage.
 */
export const planTargets = pgTable(
  'plan_targets',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    termId: integer().references(() => planTerms.id),
    year: integer(),
    parentTargetId: integer(),
    title: text().notNull(),
    metricCode: text().notNull(),
    /**
     * Further metrics bound to the same target ("100% … quán triệt và xây dựng chương trình hành động":
     * dissemination and action programmes): met only when every bound metric meets the threshold.
     */
    additionalMetricCodes: text().array().notNull().default(sql`'{}'::text[]`),
    /** For metrics about one resolution. */
    resolutionId: integer(),
    comparator: text().notNull(),
    threshold: doublePrecision().notNull(),
    baseline: doublePrecision(),
    note: text(),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plan_targets_unit_year_idx').on(t.orgUnitId, t.year),
    index('plan_targets_parent_idx').on(t.parentTargetId),
    index('plan_targets_term_idx').on(t.termId),
  ],
);

/**
 * A key task (nhiệm vụ trọng tâm) in a unit's plan for a year: handed down by the upper level
 * (origin 'assigned', with the unit that assigned it) or set by the unit itself; owned by a collective
 * (an org unit) or a person (a member); its result and year-end rating.
 */
export const keyTasks = pgTable(
  'key_tasks',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The unit whose plan holds the task. */
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    year: integer().notNull(),
    termId: integer().references(() => planTerms.id),
    title: text().notNull(),
    /** The requirement: what counts as done. */
    requirement: text(),
    products: text(),
    origin: text().notNull(),
    assignedByOrgUnitId: integer().references(() => orgUnits.id),
    /** The upper level's task this one was handed down from. */
    parentTaskId: integer(),
    ownerKind: text().notNull(),
    ownerOrgUnitId: integer().references(() => orgUnits.id),
    ownerMemberId: integer().references(() => members.id),
    deadline: date({ mode: 'string' }).notNull(),
    status: text().notNull().default('planned'),
    completedOn: date({ mode: 'string' }),
    /** By how much the result exceeded the requirement, in percent (0: met exactly). */
    exceededPercent: doublePrecision(),
    resultNote: text(),
    rating: text(),
    ratedOn: date({ mode: 'string' }),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('key_tasks_unit_year_idx').on(t.orgUnitId, t.year),
    index('key_tasks_owner_unit_idx').on(t.ownerOrgUnitId, t.deadline),
    index('key_tasks_owner_member_idx').on(t.ownerMemberId, t.deadline),
    index('key_tasks_assigned_by_idx').on(t.assignedByOrgUnitId, t.year),
  ],
);
