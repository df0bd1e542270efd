// Congress rounds, each unit's congress, its documents and personnel plan, and the progress board
// (docs/domain/congresses.md). Elections and delegates are in contracts/congress-elections.ts.
import {
  congressDocumentKinds,
  congressKinds,
  congressLevels,
  congressStatuses,
} from '../domain/enums/congresses';
import { ZId, ZIsoDate, ZOptionalText, ZPageQuery } from './common';
import { z } from './zod-vi';

const ZYear = z.coerce.number().int().min(1990).max(2100);
const ZText = (max = 500) => z.string().trim().min(1, 'Trường này bắt buộc.').max(max);
const ZCount = z.number().int().min(0).max(1_000_000).nullish();
const ZPct = z.number().int().min(0, 'Từ 0 đến 100.').max(100, 'Từ 0 đến 100.').nullish();
const ZFlag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

// ---------------------------------------------------------------------------------------------
// Rounds

const ZRoundFields = z.object({
  name: ZText(200),
  fromYear: ZYear,
  toYear: ZYear,
  /** The Politburo's directive as written ("Chỉ thị số 45-CT/TW ngày 14/4/2025"). */
  directiveRef: ZOptionalText(300),
  /** The directive in the register of resolutions, when it is there. */
  directiveResolutionId: ZId.nullish(),
  /** The committee's plan and guidance ("Kế hoạch số 12-KH/ĐU …"). */
  planRef: ZOptionalText(300),
  cellDeadline: ZIsoDate.nullish(),
  grassrootsDeadline: ZIsoDate.nullish(),
  upperDeadline: ZIsoDate.nullish(),
  note: ZOptionalText(2000),
});
const yearsInOrder = {
  check: (r: { fromYear: number; toYear: number }) => r.toYear > r.fromYear,
  message: 'Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.',
  path: ['toYear'],
};

export const ZRoundInput = ZRoundFields.extend({
  /** The committee that runs the round for its subtree. */
  orgUnitId: ZId,
  /** Register a congress for every unit of the subtree active on `registerOn`, in one go. */
  registerUnits: z.boolean().default(false),
  /** The round's start: units active on this day are registered (default today). */
  registerOn: ZIsoDate.nullish(),
}).refine(yearsInOrder.check, { message: yearsInOrder.message, path: yearsInOrder.path });
export type TRoundInput = z.infer<typeof ZRoundInput>;
export const ZRoundUpdate = ZRoundFields.extend({ version: z.number().int() }).refine(
  yearsInOrder.check,
  { message: yearsInOrder.message, path: yearsInOrder.path },
);
export type TRoundUpdate = z.infer<typeof ZRoundUpdate>;
export const ZRoundCreated = z.object({
  id: z.number(),
  version: z.number(),
  /** How many congresses were registered with the round. */
  registered: z.number(),
});

export const ZRoundQuery = z.object({ orgUnitId: ZId.optional() });
export const ZRound = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  name: z.string(),
  fromYear: z.number(),
  toYear: z.number(),
  directiveRef: z.string().nullable(),
  directiveResolutionId: z.number().nullable(),
  /** The directive's number in the register, when linked. */
  directiveNumber: z.string().nullable(),
  planRef: z.string().nullable(),
  cellDeadline: z.string().nullable(),
  grassrootsDeadline: z.string().nullable(),
  upperDeadline: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
  /** Congresses of the round in the caller's scope, and how many of them are held. */
  congressCount: z.number(),
  heldCount: z.number(),
  /** The caller's office runs this round (its unit is in the caller's subtree). */
  canEdit: z.boolean(),
});
export type TRound = z.infer<typeof ZRound>;
export const ZRoundList = z.object({ items: z.array(ZRound) });

/** Register one unit's congress in a round (a unit missed at the start, or added later). */
export const ZRegisterCongress = z.object({
  orgUnitId: ZId,
  /** Default: from the statute's rule (domain/rules/congresses `congressKind`). */
  kind: z.enum(congressKinds).nullish(),
  isPilot: z.boolean().default(false),
  plannedOn: ZIsoDate.nullish(),
});
export type TRegisterCongress = z.infer<typeof ZRegisterCongress>;

// ---------------------------------------------------------------------------------------------
// Congresses

export const congressStates = ['held', 'not_held', 'on_schedule', 'late', 'approved'] as const;
export type CongressState = (typeof congressStates)[number];

export const ZCongressQuery = ZPageQuery.extend({
  roundId: ZId.optional(),
  /** Congresses of this unit's subtree (default: the caller's whole scope). */
  orgUnitId: ZId.optional(),
  /** Only the congress of `orgUnitId` itself, not of its subtree. */
  ownUnit: ZFlag,
  status: z.enum(congressStatuses).optional(),
  level: z.enum(congressLevels).optional(),
  late: ZFlag,
  /** The board's drill-down: held / not held / on schedule / late / results approved, on `asOf`. */
  state: z.enum(congressStates).optional(),
  asOf: ZIsoDate.optional(),
  q: z.string().trim().max(100).optional(),
});
export type TCongressQuery = z.infer<typeof ZCongressQuery>;

export const ZCongressListItem = z.object({
  id: z.number(),
  roundId: z.number(),
  roundName: z.string(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  /** The unit's ancestors below the round's committee and the unit, "Đảng bộ Sở Y tế › Chi bộ …". */
  orgUnitPath: z.string(),
  level: z.enum(congressLevels),
  kind: z.enum(congressKinds),
  ordinal: z.number().nullable(),
  isPilot: z.boolean(),
  status: z.enum(congressStatuses),
  plannedOn: z.string().nullable(),
  heldOn: z.string().nullable(),
  place: z.string().nullable(),
  /** The round's deadline for the congress's level. */
  deadline: z.string().nullable(),
  /** Held after the deadline, or not held (by `asOf`, default today) and the deadline passed. */
  late: z.boolean(),
});
export type TCongressListItem = z.infer<typeof ZCongressListItem>;
export const ZCongressList = z.object({
  items: z.array(ZCongressListItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const ZCongressDocument = z.object({
  id: z.number(),
  kind: z.enum(congressDocumentKinds),
  title: z.string(),
  ref: z.string().nullable(),
  adoptedOn: z.string().nullable(),
  documentId: z.number().nullable(),
  documentName: z.string().nullable(),
});

const personnelPlanShape = {
  plannedCommitteeSize: z.number().nullable(),
  plannedStandingSize: z.number().nullable(),
  plannedDeputyCount: z.number().nullable(),
  plannedInspectionSize: z.number().nullable(),
  plannedYoungPct: z.number().nullable(),
  plannedWomenPct: z.number().nullable(),
  plannedMinorityPct: z.number().nullable(),
  plannedReelectedPct: z.number().nullable(),
};

export const ZCongressDetail = ZCongressListItem.extend({
  endedOn: z.string().nullable(),
  planApprovedOn: z.string().nullable(),
  planApprovalRef: z.string().nullable(),
  summonedCount: z.number().nullable(),
  presentCount: z.number().nullable(),
  resultsApprovedOn: z.string().nullable(),
  resultsApprovalRef: z.string().nullable(),
  /** The plan term the congress's resolution opened (its targets are entered on the plan page). */
  termId: z.number().nullable(),
  termName: z.string().nullable(),
  ...personnelPlanShape,
  note: z.string().nullable(),
  version: z.number(),
  round: z.object({
    id: z.number(),
    name: z.string(),
    fromYear: z.number(),
    toYear: z.number(),
    orgUnitId: z.number(),
    orgUnitName: z.string(),
  }),
  documents: z.array(ZCongressDocument),
  /** Whether an election of the committee (or, for a small cell, its secretary) is recorded. */
  electionsRecorded: z.boolean(),
  /** May edit the congress, its documents and personnel plan and record it as held. */
  canEdit: z.boolean(),
  /** Is the upper level of the congress's unit with the approving permission. */
  canApprove: z.boolean(),
});
export type TCongressDetail = z.infer<typeof ZCongressDetail>;

export const ZCongressUpdate = z.object({
  kind: z.enum(congressKinds),
  ordinal: z.number().int().min(1).max(100).nullish(),
  isPilot: z.boolean(),
  plannedOn: ZIsoDate.nullish(),
  endedOn: ZIsoDate.nullish(),
  place: ZOptionalText(300),
  summonedCount: ZCount,
  presentCount: ZCount,
  note: ZOptionalText(2000),
  version: z.number().int(),
});
export type TCongressUpdate = z.infer<typeof ZCongressUpdate>;

export const ZPersonnelPlanUpdate = z.object({
  plannedCommitteeSize: z.number().int().min(1).max(200).nullish(),
  plannedStandingSize: z.number().int().min(1).max(50).nullish(),
  plannedDeputyCount: z.number().int().min(0).max(10).nullish(),
  plannedInspectionSize: z.number().int().min(1).max(50).nullish(),
  plannedYoungPct: ZPct,
  plannedWomenPct: ZPct,
  plannedMinorityPct: ZPct,
  plannedReelectedPct: ZPct,
  version: z.number().int(),
});
export type TPersonnelPlanUpdate = z.infer<typeof ZPersonnelPlanUpdate>;

/**
 * A step of the status flow. Forward: planned → approved (plan approval date and ref, the upper
 * level) → held (date not after today, counts) → results_approved (the upper level, elections
 * recorded). Back one or more steps: the upper level only, with a reason.
 */
export const ZStatusChange = z.object({
  to: z.enum(congressStatuses),
  version: z.number().int(),
  planApprovedOn: ZIsoDate.nullish(),
  planApprovalRef: ZOptionalText(300),
  heldOn: ZIsoDate.nullish(),
  endedOn: ZIsoDate.nullish(),
  summonedCount: ZCount,
  presentCount: ZCount,
  resultsApprovedOn: ZIsoDate.nullish(),
  resultsApprovalRef: ZOptionalText(300),
  reason: ZOptionalText(1000),
});
export type TStatusChange = z.infer<typeof ZStatusChange>;

export const ZCongressDocumentInput = z.object({
  kind: z.enum(congressDocumentKinds),
  title: ZText(500),
  ref: ZOptionalText(300),
  adoptedOn: ZIsoDate.nullish(),
  /** A file uploaded through POST /api/congresses/documents. */
  documentId: ZId.nullish(),
});
export type TCongressDocumentInput = z.infer<typeof ZCongressDocumentInput>;
export const ZCongressDocumentSaved = z.object({
  id: z.number(),
  /** For a resolution of a grassroots or upper congress: the plan term it opened or updated. */
  termId: z.number().nullable(),
});
export const ZCongressDocumentParams = z.object({ id: ZId, documentId: ZId });

export const ZCongressFileUpload = z.object({
  orgUnitId: ZId,
  fileName: z.string().trim().min(1).max(255),
  mimeType: z.string().max(200),
  contentBase64: z.string().min(1).max(15_000_000),
});

// ---------------------------------------------------------------------------------------------
// The progress board

export const ZBoardQuery = z.object({
  roundId: ZId,
  /** The subtree (default: the caller's scope unit, or the round's unit when the caller is above it). */
  orgUnitId: ZId.optional(),
  /** Figures as of this day (default today). */
  asOf: ZIsoDate.optional(),
});
export const ZBoardCounts = z.object({
  /** Units that must hold a congress (registered in the round). */
  total: z.number(),
  held: z.number(),
  onSchedule: z.number(),
  late: z.number(),
  notHeld: z.number(),
  approved: z.number(),
});
export type TBoardCounts = z.infer<typeof ZBoardCounts>;
export const ZBoard = z.object({
  round: ZRound.pick({ id: true, name: true, fromYear: true, toYear: true }),
  unit: z.object({ id: z.number(), name: z.string() }),
  asOf: z.string(),
  levels: z.array(
    ZBoardCounts.extend({
      level: z.enum(congressLevels),
      label: z.string(),
      deadline: z.string().nullable(),
    }),
  ),
  totals: ZBoardCounts,
  /** By direct child unit of the board's unit (its own congress as the first row, when it has one). */
  children: z.array(
    ZBoardCounts.extend({
      orgUnitId: z.number(),
      name: z.string(),
      /** The row is the board unit's own congress, not a child's subtree. */
      own: z.boolean(),
    }),
  ),
});
export type TBoard = z.infer<typeof ZBoard>;
