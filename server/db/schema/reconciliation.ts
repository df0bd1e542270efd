// Reconciliation with the national member database (CSDL đảng viên, docs/domain/reconciliation.md):
// each run (an export read, who, when, the file, the counts) and its items (a match, a field that
// differs, a member only here, a row only there or out of scope) with the decision taken on each.
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from './members';
import { orgUnits } from './org-units';

export type ReconRunCounts = {
  rows: number;
  matched: number;
  membersWithDifferences: number;
  differences: number;
  onlyHere: number;
  onlyThere: number;
  outOfScope: number;
};

export const reconciliationRuns = pgTable(
  'reconciliation_runs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The unit whose subtree was reconciled (the actor's scope unit). */
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    fileName: text().notNull(),
    sha256: text().notNull(),
    headers: jsonb().$type<string[]>().notNull(),
    mapping: jsonb().$type<Record<string, number | null>>().notNull(),
    counts: jsonb().$type<ReconRunCounts>().notNull(),
    createdBy: integer(),
    createdByName: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reconciliation_runs_unit_idx').on(t.orgUnitId, t.createdAt)],
);

export const reconciliationItems = pgTable(
  'reconciliation_items',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    runId: integer()
      .notNull()
      .references(() => reconciliationRuns.id),
    /** matched | difference | onlyHere | onlyThere | outOfScope */
    kind: text().notNull(),
    memberId: integer().references(() => members.id),
    /** The row of the file (1-based, as the spreadsheet numbers it). */
    rowNumber: integer(),
    /** The unit the item counts under in the summary: the member's cell, or the row's cell of ours. */
    orgUnitId: integer().references(() => orgUnits.id),
    /** Differences: the field, our value and the file's (normalised, and as written). */
    field: text(),
    ours: text(),
    theirs: text(),
    theirsText: text(),
    /** Matches: citizenId | cardNumber | nameBirth. */
    matchedBy: text(),
    /** What the file's row says (name, birth date, cell…), for rows without a member of ours. */
    row: jsonb().$type<Record<string, string | null>>(),
    note: text(),
    /** apply | keep | note; null while undecided. */
    decision: text(),
    decisionNote: text(),
    decidedBy: integer(),
    decidedByName: text(),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('reconciliation_items_run_idx').on(t.runId, t.kind),
    index('reconciliation_items_member_idx').on(t.memberId),
  ],
);
