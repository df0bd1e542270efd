// Meetings (docs/domain/meetings.md): the committee's conferences and the cells' monthly
// and thematic meetings, with attendance per member for cell meetings and the decisions adopted.
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { documents } from './lifecycle';
import { members } from './members';
import { orgUnits } from './org-units';
import { keyTasks } from './plans';

export const meetings = pgTable(
  'meetings',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    /** cell_regular | cell_thematic | committee_conference | committee_year_end | standing_committee */
    kind: text().notNull(),
    heldOn: date({ mode: 'string' }).notNull(),
    title: text().notNull(),
    agenda: text(),
    /** For conferences: people invited and present. For cell meetings: derived from attendance. */
    invitedCount: integer().notNull(),
    presentCount: integer().notNull(),
    minutesDocumentId: integer().references(() => documents.id),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meetings_unit_date_idx').on(t.orgUnitId, t.heldOn)],
);

/** One row per member expected at a cell meeting: present, or absent with a reason. */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: integer()
      .notNull()
      .references(() => meetings.id),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    present: boolean().notNull(),
    absenceReason: text(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.memberId] }),
    index('meeting_attendance_member_idx').on(t.memberId),
  ],
);

/** A decision adopted at a meeting, with an owner and deadline so it can be followed up. */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id),
    text: text().notNull(),
    owner: text(),
    deadline: date({ mode: 'string' }),
    /** Stored done flag; a decision turned into a key task shows the task's status instead. */
    done: boolean().notNull().default(false),
    /**
     * The key task this decision became (in the meeting unit's plan). The task finds its origin
     * through this link; deleting the task clears it and the decision keeps its own flag again.
     */
    keyTaskId: integer().references(() => keyTasks.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('meeting_decisions_meeting_idx').on(t.meetingId),
    uniqueIndex('meeting_decisions_key_task_uq').on(t.keyTaskId),
  ],
);
