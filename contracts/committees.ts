// Committees over time (docs/domain/congresses.md, "Cấp ủy qua các thời kỳ"): who held which position
// on an organisation's committee, from which decision and date, until when; mid-term changes; the
// committee as of a date; the structure of the committee against its congress's personnel plan.
import {
  committeeEndReasons,
  committeePositions,
  committeeStartReasons,
} from '../domain/enums/congresses';
import { ZId, ZIsoDate } from './common';
import { z } from './zod-vi';

const ZYear = z.coerce.number().int().min(1930).max(2999);
const ZDecisionRef = z.string().trim().min(1, 'Cần ghi số, ngày của quyết định.').max(300);

/** One position of the new committee when a term is opened (after an election or an appointment). */
export const ZCommitteeTermEntry = z.object({
  memberId: ZId,
  position: z.enum(committeePositions),
  startReason: z.enum(committeeStartReasons).default('elected'),
  /** The election that elected the member, when elected. */
  electionId: ZId.nullish(),
});
export type TCommitteeTermEntry = z.input<typeof ZCommitteeTermEntry>;

/** Open a unit's committee for a term: the rows of every position held, from one decision. */
export const ZOpenCommitteeTerm = z
  .object({
    orgUnitId: ZId,
    termFromYear: ZYear,
    termToYear: ZYear,
    fromDate: ZIsoDate,
    /** The decision the positions start from (the upper level's chuẩn y, or the appointment). */
    decisionRef: ZDecisionRef,
    /** End the previous term's open positions of the unit the day before (reason: term ended). */
    closePrevious: z.boolean().default(false),
    entries: z.array(ZCommitteeTermEntry).min(1).max(300),
  })
  .refine((v) => v.termToYear > v.termFromYear, {
    message: 'Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.',
    path: ['termToYear'],
  });
export type TOpenCommitteeTerm = z.input<typeof ZOpenCommitteeTerm>;

/** Mid-term: a member appointed or elected to fill a position (chỉ định / bầu bổ sung). */
export const ZCommitteeAddInput = z.object({
  orgUnitId: ZId,
  memberId: ZId,
  position: z.enum(committeePositions),
  startReason: z.enum(committeeStartReasons).default('appointed'),
  fromDate: ZIsoDate,
  decisionRef: ZDecisionRef,
  /** The term; by default the unit's term in force on the date. */
  termFromYear: ZYear.nullish(),
  termToYear: ZYear.nullish(),
});
export type TCommitteeAddInput = z.input<typeof ZCommitteeAddInput>;

/** Mid-term: a member leaves a position; toDate is the last day the position was held. */
export const ZCommitteeEndInput = z.object({
  version: z.number().int().min(1),
  toDate: ZIsoDate,
  endReason: z.enum(committeeEndReasons),
  decisionRef: ZDecisionRef,
});
export type TCommitteeEndInput = z.input<typeof ZCommitteeEndInput>;

/** Mid-term: a member moves from this position to another one from a date (the old ends the day before). */
export const ZCommitteeChangeInput = z.object({
  version: z.number().int().min(1),
  date: ZIsoDate,
  position: z.enum(committeePositions),
  startReason: z.enum(committeeStartReasons).default('appointed'),
  decisionRef: ZDecisionRef,
});
export type TCommitteeChangeInput = z.input<typeof ZCommitteeChangeInput>;

export const ZCommitteeRow = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  memberId: z.number(),
  fullName: z.string(),
  position: z.enum(committeePositions),
  termFromYear: z.number(),
  termToYear: z.number(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  startReason: z.enum(committeeStartReasons),
  startDecisionRef: z.string().nullable(),
  endReason: z.enum(committeeEndReasons).nullable(),
  endDecisionRef: z.string().nullable(),
  reElected: z.boolean(),
  /** The day the unit ceased to exist (merged, dissolved) while the position was still open. */
  unitDissolvedOn: z.string().nullable(),
  version: z.number(),
});
export type TCommitteeRow = z.infer<typeof ZCommitteeRow>;

export const ZCommitteeQuery = z.object({
  orgUnitId: ZId,
  /** The committee as of this date; today when absent. */
  date: ZIsoDate.optional(),
});

export const ZCommitteeView = z.object({
  orgUnit: z.object({ id: z.number(), name: z.string(), kind: z.string() }),
  date: z.string(),
  /** False when the unit did not exist on the date (not yet established, or merged/dissolved). */
  unitExisted: z.boolean(),
  /** The term in force on the date (from the positions held), when any. */
  term: z.object({ fromYear: z.number(), toYear: z.number() }).nullable(),
  groups: z.array(
    z.object({ position: z.enum(committeePositions), items: z.array(ZCommitteeRow) }),
  ),
  memberCount: z.number(),
  canEdit: z.boolean(),
});
export type TCommitteeView = z.infer<typeof ZCommitteeView>;

export const ZCommitteeHistoryQuery = z.object({ orgUnitId: ZId });
export const ZCommitteeHistory = z.object({
  orgUnit: z.object({ id: z.number(), name: z.string() }),
  /** Every position of every term, the latest term first. */
  items: z.array(ZCommitteeRow),
  /** Changes over time: each start and end of a position, latest first. */
  events: z.array(
    z.object({
      date: z.string(),
      kind: z.enum(['start', 'end']),
      rowId: z.number(),
      memberId: z.number(),
      fullName: z.string(),
      position: z.enum(committeePositions),
      reason: z.string().nullable(),
      decisionRef: z.string().nullable(),
    }),
  ),
});
export type TCommitteeHistory = z.infer<typeof ZCommitteeHistory>;

export const ZCommitteeHoldersQuery = z.object({
  orgUnitId: ZId,
  position: z.enum(committeePositions),
  date: ZIsoDate.optional(),
});
export const ZCommitteeHolders = z.object({ date: z.string(), items: z.array(ZCommitteeRow) });

export const ZMemberCommitteeParams = z.object({ memberId: ZId });
export const ZMemberCommitteePositions = z.object({ items: z.array(ZCommitteeRow) });

export const ZCommitteeSaved = z.object({ id: z.number(), version: z.number() });
export const ZCommitteeTermSaved = z.object({ ids: z.array(z.number()), closed: z.number() });

/** The committee on a date against the personnel plan of the unit's latest congress. */
export const ZCommitteeStructureQuery = ZCommitteeQuery;
export const ZCommitteeStructure = z.object({
  date: z.string(),
  congress: z
    .object({ id: z.number(), heldOn: z.string().nullable(), plannedOn: z.string().nullable() })
    .nullable(),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      /** 'count' for sizes, 'pct' for shares in percent. */
      unit: z.enum(['count', 'pct']),
      actual: z.number().nullable(),
      planned: z.number().nullable(),
      /** Actual minus planned (negative: short of the plan); null when no plan. */
      gap: z.number().nullable(),
      /** The committee falls short of the plan on this figure. */
      short: z.boolean(),
    }),
  ),
});
export type TCommitteeStructure = z.infer<typeof ZCommitteeStructure>;
