// Proposals and recommendations (docs/domain/proposals.md): the register of what units, members and
// conference delegates raise, each assigned to the body that must answer, with a deadline and the answer;
// and the residence cell's yearly comments on members who work in agencies (Quy định 213-QĐ/TW).
import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { documents } from './lifecycle';
import { meetings } from './meetings';
import { members } from './members';
import { orgUnits } from './org-units';

/** A proposal or recommendation (đề xuất, kiến nghị) received by a committee. */
export const proposals = pgTable(
  'proposals',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The committee whose register holds it (received it). */
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    /** unit | member | conference_delegate | other */
    sourceKind: text().notNull(),
    sourceOrgUnitId: integer().references(() => orgUnits.id),
    sourceMemberId: integer().references(() => members.id),
    /** Who raised it, as written when not a recorded unit or member. */
    sourceText: text(),
    /** The conference (meeting) where it was raised, when it was. */
    meetingId: integer().references(() => meetings.id),
    raisedOn: date({ mode: 'string' }).notNull(),
    /** The field: organisation, policy, inspection, facilities, … */
    field: text(),
    content: text().notNull(),
    /** The body addressed, as written ("Ban Thường vụ Đảng ủy", "Ban Tổ chức Tỉnh ủy"). */
    addressee: text(),
    /** The body in our tree that must answer (null when it is outside: the addressee says who). */
    assigneeOrgUnitId: integer().references(() => orgUnits.id),
    dueOn: date({ mode: 'string' }),
    /** open | answered | withdrawn */
    status: text().notNull().default('open'),
    answeredOn: date({ mode: 'string' }),
    answer: text(),
    answerRef: text(),
    answerDocumentId: integer().references(() => documents.id),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('proposals_unit_raised_idx').on(t.orgUnitId, t.raisedOn),
    index('proposals_assignee_idx').on(t.assigneeOrgUnitId),
  ],
);

/**
 * The residence cell's comments on a member who works in an agency (nhận xét của chi bộ nơi cư trú),
 * one per member and year: recorded by the residence cell or transcribed by the workplace cell.
 */
export const residenceComments = pgTable(
  'residence_comments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    year: integer().notNull(),
    /** The residence cell as written (it is usually outside our tree: a commune's or ward's cell). */
    residenceCell: text().notNull(),
    residenceAddress: text(),
    commentedOn: date({ mode: 'string' }).notNull(),
    /** The cell's comment on the member's conduct and duties where they live. */
    comment: text().notNull(),
    /** The comment's conclusion as the form states it: fulfilled | not_fulfilled. */
    conclusion: text(),
    /** residence_cell | transcribed (entered by the workplace cell from the paper form) */
    recordedAs: text().notNull(),
    documentId: integer().references(() => documents.id),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('residence_comments_member_year_key').on(t.memberId, t.year)],
);
