import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units';

/**
 * Đảng phí a grassroots organisation (Đảng bộ cơ sở, Chi bộ cơ sở) remitted to the committee above
 * it, as that committee's office received it (docs/domain/dues.md, "Nộp đảng phí lên cấp trên").
 * One row per organisation and period: a month (`period_kind = 'month'`, `period` 1–12) or a
 * quarter (`'quarter'`, 1–4) of `year`.
 */
export const duesRemittances = pgTable(
  'dues_remittances',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The remitting grassroots organisation. */
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    /** The committee that received it (the nearest committee above the organisation). */
    receivingOrgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    year: integer().notNull(),
    periodKind: text().notNull(),
    period: integer().notNull(),
    amount: integer().notNull(),
    receivedOn: date({ mode: 'string' }).notNull(),
    documentNumber: text(),
    note: text(),
    version: integer().notNull().default(1),
    recordedBy: integer(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dues_remittances_org_period_key').on(t.orgUnitId, t.year, t.periodKind, t.period),
    check(
      'dues_remittances_period_check',
      sql`(${t.periodKind} = 'month' and ${t.period} between 1 and 12) or (${t.periodKind} = 'quarter' and ${t.period} between 1 and 4)`,
    ),
    check('dues_remittances_amount_check', sql`${t.amount} >= 0`),
  ],
);
