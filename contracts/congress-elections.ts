// Elections and delegates of congresses (docs/domain/congresses.md): the rounds of voting for each
// body (committee, delegates, and at the first session the standing committee, secretary, deputies,
// inspection commission and its chair), their candidates and votes, the outcome by the statute's
// counting rule, re-votes, the upper level's approval (chuẩn y); delegates to a congress of delegates
// by lower unit, their allocation and the credentials check (thẩm tra tư cách đại biểu).
import {
  credentialStatuses,
  delegateKinds,
  electionBodies,
  electionStatuses,
} from '../domain/enums/congresses';
import { ZId, ZIsoDate, ZOptionalText } from './common';
import { z } from './zod-vi';

const ZCount = z.number().int().min(0).max(1_000_000);

export const ZCongressParams = z.object({ id: ZId });
export const ZElectionParams = z.object({ id: ZId, electionId: ZId });
export const ZDelegateParams = z.object({ id: ZId, delegateId: ZId });

export const ZCandidateInput = z.object({
  memberId: ZId,
  votes: ZCount,
  /** Nominated or self-nominated at the congress, not proposed by the outgoing committee. */
  nominatedAtCongress: z.boolean().default(false),
});

const electionFigures = {
  atFirstSession: z.boolean().default(false),
  heldOn: ZIsoDate,
  seats: z.number().int().min(1).max(1000),
  /** The base "more than half" is judged on: members (delegates) convened less the exclusions. */
  majorityBase: z.number().int().min(1).max(1_000_000),
  ballotsIssued: ZCount,
  ballotsReturned: ZCount,
  ballotsValid: ZCount,
  ballotsInvalid: ZCount,
  candidates: z.array(ZCandidateInput).min(1, 'Danh sách bầu cử chưa có người nào.').max(500),
};

/**
 * A new round: the first vote for a body, or (with `revoteOf`) the re-vote among the tied or for
 * the seats left by the round named — its body and round number follow from that round.
 */
export const ZElectionInput = z.object({
  body: z.enum(electionBodies),
  revoteOf: ZId.nullish(),
  ...electionFigures,
});
export type TElectionInput = z.infer<typeof ZElectionInput>;

export const ZElectionUpdate = z.object({ ...electionFigures, version: z.number().int() });
export type TElectionUpdate = z.infer<typeof ZElectionUpdate>;

export const ZElectionApproval = z.object({
  approvedOn: ZIsoDate,
  /** The approving decision ("Quyết định số 125-QĐ/ĐU ngày 30/6/2025"). */
  approvalRef: z.string().trim().min(1, 'Cần ghi số quyết định chuẩn y.').max(300),
  version: z.number().int(),
});

export const ZCandidateOutcome = z.enum(['elected', 'not_elected', 'tied']);

export const ZElectionCandidate = z.object({
  memberId: z.number(),
  fullName: z.string(),
  orgUnitName: z.string().nullable(),
  votes: z.number(),
  outcome: ZCandidateOutcome,
  shareOfValid: z.number().nullable(),
  nominatedAtCongress: z.boolean(),
});

export const ZFurtherRound = z.object({
  reason: z.enum(['tie', 'shortfall']),
  seats: z.number(),
  /** Member ids of those who stand in the further round. */
  among: z.array(z.number()),
  congressDecides: z.boolean(),
  message: z.string(),
});

export const ZElection = z.object({
  id: z.number(),
  congressId: z.number(),
  body: z.enum(electionBodies),
  roundNo: z.number(),
  atFirstSession: z.boolean(),
  heldOn: z.string(),
  seats: z.number(),
  majorityBase: z.number(),
  ballotsIssued: z.number(),
  ballotsReturned: z.number(),
  ballotsValid: z.number(),
  ballotsInvalid: z.number(),
  status: z.enum(electionStatuses),
  approvedOn: z.string().nullable(),
  approvalRef: z.string().nullable(),
  version: z.number(),
  votesNeeded: z.number(),
  candidates: z.array(ZElectionCandidate),
  /** Null when every seat of the round is filled. */
  furtherRound: ZFurtherRound.nullable(),
  /** A later round of the same body exists (then this one is not edited any more). */
  hasLaterRound: z.boolean(),
  messages: z.array(z.string()),
});
export type TElection = z.infer<typeof ZElection>;

export const ZElectionList = z.object({
  congress: z.object({
    id: z.number(),
    orgUnitId: z.number(),
    orgUnitName: z.string(),
    kind: z.string(),
    heldOn: z.string().nullable(),
    plannedOn: z.string().nullable(),
    summonedCount: z.number().nullable(),
    termFromYear: z.number(),
    termToYear: z.number(),
  }),
  items: z.array(ZElection),
  canWrite: z.boolean(),
  /** The actor is the upper level of the congress's unit and may approve (chuẩn y). */
  canApprove: z.boolean(),
});
export type TElectionList = z.infer<typeof ZElectionList>;

export const ZSavedElection = z.object({ id: z.number(), version: z.number() });

// Delegates --------------------------------------------------------------------------------------

export const ZAllocationInput = z.object({
  fromOrgUnitId: ZId,
  seats: z.number().int().min(0).max(10000),
  alternates: z.number().int().min(0).max(10000).default(0),
});
/** The whole set of allocations of a congress of delegates (units left out lose theirs). */
export const ZAllocationsInput = z.object({
  allocations: z.array(ZAllocationInput).max(1000),
});

export const ZDelegateInput = z.object({
  memberId: ZId,
  /** The unit the delegate comes from: a lower unit, or the congress's own unit (ex officio). */
  fromOrgUnitId: ZId,
  kind: z.enum(['ex_officio', 'appointed']),
  isAlternate: z.boolean().default(false),
});

/** Take the elected delegates of a lower unit's congress ('delegates' election) into this one. */
export const ZElectedDelegatesInput = z.object({ fromOrgUnitId: ZId });

export const ZCredentialsInput = z.object({
  status: z.enum(credentialStatuses),
  note: ZOptionalText(1000),
  version: z.number().int(),
});

export const ZDelegate = z.object({
  id: z.number(),
  memberId: z.number(),
  fullName: z.string(),
  fromOrgUnitId: z.number(),
  kind: z.enum(delegateKinds),
  isAlternate: z.boolean(),
  electionId: z.number().nullable(),
  credentialStatus: z.enum(credentialStatuses),
  credentialNote: z.string().nullable(),
  version: z.number(),
});

export const ZDelegateUnit = z.object({
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  seats: z.number(),
  alternates: z.number(),
  elected: z.number(),
  electedAlternates: z.number(),
  total: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  pending: z.number(),
  /** The lower unit's congress in the same round has a 'delegates' election with elected people. */
  hasElectedToImport: z.boolean(),
  delegates: z.array(ZDelegate),
});

export const ZDelegateBoard = z.object({
  congressId: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  kind: z.string(),
  units: z.array(ZDelegateUnit),
  totals: z.object({
    seats: z.number(),
    alternates: z.number(),
    delegates: z.number(),
    elected: z.number(),
    accepted: z.number(),
    rejected: z.number(),
    pending: z.number(),
  }),
  /** Units directly below the congress's unit (to allocate seats to). */
  lowerUnits: z.array(z.object({ id: z.number(), name: z.string() })),
  canWrite: z.boolean(),
});
export type TDelegateBoard = z.infer<typeof ZDelegateBoard>;
