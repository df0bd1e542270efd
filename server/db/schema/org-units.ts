import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { ltree } from './types';

/** The organisation tree as it is today. History lives in `org_unit_history`. */
export const orgUnits = pgTable(
  'org_units',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: text().notNull(),
    name: text().notNull(),
    shortName: text(),
    parentId: integer(),
    path: ltree().notNull(),
    establishedOn: date({ mode: 'string' }).notNull(),
    dissolvedOn: date({ mode: 'string' }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('org_units_path_gist').using('gist', t.path),
    index('org_units_parent_idx').on(t.parentId),
  ],
);

/** One row per interval in which a unit had the same name, kind, parent and path. */
export const orgUnitHistory = pgTable(
  'org_unit_history',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    kind: text().notNull(),
    name: text().notNull(),
    shortName: text(),
    parentId: integer(),
    path: ltree().notNull(),
    operationId: integer(),
  },
  (t) => [
    index('org_unit_history_unit_idx').on(t.orgUnitId, t.validFrom),
    index('org_unit_history_path_gist').using('gist', t.path),
  ],
);

/** A restructuring decision: establish, rename, move, merge, split, dissolve. */
export const orgOperations = pgTable('org_operations', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  kind: text().notNull(),
  effectiveDate: date({ mode: 'string' }).notNull(),
  decisionNumber: text().notNull(),
  decisionDate: date({ mode: 'string' }),
  note: text(),
  summary: jsonb().notNull().default(sql`'{}'::jsonb`),
  actorUserId: integer(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The agency (cơ quan, đơn vị) a grassroots organisation sits in. */
export const agencies = pgTable(
  'agencies',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    name: text().notNull(),
    kind: text().notNull(),
    staffCount: integer(),
  },
  (t) => [index('agencies_org_idx').on(t.orgUnitId)],
);

/** Mass organisations of an agency: Công đoàn, Đoàn Thanh niên, Hội CCB, Ban Nữ công. */
export const massOrganisations = pgTable(
  'mass_organisations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    agencyId: integer()
      .notNull()
      .references(() => agencies.id),
    kind: text().notNull(),
    name: text().notNull(),
    memberCount: integer(),
  },
  (t) => [index('mass_organisations_agency_idx').on(t.agencyId)],
);
