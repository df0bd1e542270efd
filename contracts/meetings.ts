// Meetings (docs/domain/meetings.md): the committee's conferences and the cells' monthly
// and thematic meetings, attendance per member, decisions adopted, and attendance rates per cell.
import { ZId, ZIsoDate, ZOptionalText } from './common';
import { z } from './zod-vi';

export const meetingKinds = [
  'cell_regular',
  'cell_thematic',
  'committee_conference',
  'committee_year_end',
  'standing_committee',
] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingKindLabels: Record<MeetingKind, string> = {
  cell_regular: 'Sinh hoạt chi bộ định kỳ',
  cell_thematic: 'Sinh hoạt chuyên đề',
  committee_conference: 'Hội nghị Ban Chấp hành',
  committee_year_end: 'Hội nghị Ban Chấp hành mở rộng tổng kết năm',
  standing_committee: 'Hội nghị Ban Thường vụ',
};
/** Cell meetings record attendance member by member; the statute expects one every month. */
export const cellMeetingKinds: readonly MeetingKind[] = ['cell_regular', 'cell_thematic'];
/** Units that hold cell meetings, and units that hold committee conferences. */
export const cellUnitKinds = ['cell', 'grassroots_cell'] as const;
export const committeeUnitKinds = [
  'upper_committee',
  'grassroots_committee',
  'sub_committee',
] as const;

const ZText = (max = 500) => z.string().trim().min(1, 'Trường này bắt buộc.').max(max);

export const ZAttendanceInput = z.object({
  memberId: ZId,
  present: z.boolean(),
  absenceReason: ZOptionalText(300),
});
export const ZDecisionInput = z.object({
  /** A decision already saved keeps its id (and its link to a key task) when the meeting is edited. */
  id: ZId.nullish(),
  text: ZText(2000),
  owner: ZOptionalText(200),
  deadline: ZIsoDate.nullish(),
  done: z.boolean().default(false),
});

export const ZMeetingInput = z.object({
  orgUnitId: ZId,
  kind: z.enum(meetingKinds),
  heldOn: ZIsoDate,
  title: ZText(300),
  agenda: ZOptionalText(4000),
  /** Cell meetings: one row per member of the cell on that day. */
  attendance: z.array(ZAttendanceInput).max(500).default([]),
  /** Conferences: how many were invited and present. */
  invitedCount: z.number().int().min(0).max(100000).nullish(),
  presentCount: z.number().int().min(0).max(100000).nullish(),
  decisions: z.array(ZDecisionInput).max(100).default([]),
  minutesDocumentId: ZId.nullish(),
});
export type TMeetingInput = z.infer<typeof ZMeetingInput>;
export const ZMeetingUpdate = ZMeetingInput.extend({ version: z.number().int() });
export type TMeetingUpdate = z.infer<typeof ZMeetingUpdate>;

export const ZMeetingQuery = z.object({
  orgUnitId: ZId.optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  /** Issue 22: one group (the unit that held the meetings), a kind, words of the title. */
  unit: ZId.optional(),
  kind: z.enum(meetingKinds).optional(),
  q: z.string().trim().max(200).optional(),
  /** Paged group after group; without `pageSize` the 500 latest (the calendar, pickers). */
  page: z.coerce.number().int().min(1).max(100000).optional(),
  /** 0 answers the groups and the total only. */
  pageSize: z.coerce.number().int().min(0).max(200).optional(),
});
export type TMeetingQuery = z.infer<typeof ZMeetingQuery>;
export const ZMeetingExportQuery = ZMeetingQuery.omit({ page: true, pageSize: true });
export type TMeetingExportQuery = z.infer<typeof ZMeetingExportQuery>;

export const ZMeetingListItem = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  kind: z.enum(meetingKinds),
  heldOn: z.string(),
  title: z.string(),
  invitedCount: z.number(),
  presentCount: z.number(),
  decisionCount: z.number(),
});
export type TMeetingListItem = z.infer<typeof ZMeetingListItem>;
/** The meetings of one unit (a cell, a committee) that match the filters. */
export const ZMeetingGroup = z.object({
  orgUnitId: z.number(),
  /** The unit's name, with its parent's when the name alone is ambiguous. */
  label: z.string(),
  count: z.number(),
  /** Of them, cell meetings (monthly or thematic). */
  cellMeetings: z.number(),
  /** The latest meeting's date. */
  lastHeldOn: z.string(),
});
export type TMeetingGroup = z.infer<typeof ZMeetingGroup>;
export const ZMeetingList = z.object({
  items: z.array(ZMeetingListItem),
  /** How many match the filters, and their groups by unit (issue 22). */
  total: z.number(),
  groups: z.array(ZMeetingGroup),
});

export const ZMeetingDetail = ZMeetingListItem.omit({ decisionCount: true }).extend({
  agenda: z.string().nullable(),
  attendance: z.array(
    z.object({
      memberId: z.number(),
      fullName: z.string(),
      present: z.boolean(),
      absenceReason: z.string().nullable(),
    }),
  ),
  decisions: z.array(
    z.object({
      id: z.number(),
      text: z.string(),
      owner: z.string().nullable(),
      deadline: z.string().nullable(),
      /** For a decision turned into a key task: whether the task is completed. */
      done: z.boolean(),
      keyTask: z
        .object({ id: z.number(), title: z.string(), year: z.number(), orgUnitId: z.number() })
        .nullable(),
    }),
  ),
  minutesDocumentId: z.number().nullable(),
  minutesDocumentName: z.string().nullable(),
  version: z.number(),
  canEdit: z.boolean(),
  /** Whether the caller may turn decisions into key tasks (the offices: plans.write). */
  canCreateTasks: z.boolean(),
});
export type TMeetingDetail = z.infer<typeof ZMeetingDetail>;

export const ZRosterQuery = z.object({ orgUnitId: ZId, date: ZIsoDate });
export const ZRoster = z.object({
  members: z.array(z.object({ memberId: z.number(), fullName: z.string(), standing: z.string() })),
});
export type TRoster = z.infer<typeof ZRoster>;

export const ZAttendanceQuery = z.object({
  unitId: ZId.optional(),
  from: ZIsoDate,
  to: ZIsoDate,
});
const ZMonthCell = z.object({
  month: z.string(),
  meetings: z.number(),
  present: z.number(),
  expected: z.number(),
  /** Null when the cell did not exist for the whole month or the month is not over. */
  missed: z.boolean(),
});
export const ZAttendanceReport = z.object({
  unitId: z.number(),
  unitName: z.string(),
  months: z.array(z.string()),
  present: z.number(),
  expected: z.number(),
  /** 100 × present / expected, null without meetings. */
  rate: z.number().nullable(),
  missedCount: z.number(),
  cells: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      parentName: z.string().nullable(),
      present: z.number(),
      expected: z.number(),
      rate: z.number().nullable(),
      months: z.array(ZMonthCell),
    }),
  ),
});
export type TAttendanceReport = z.infer<typeof ZAttendanceReport>;
