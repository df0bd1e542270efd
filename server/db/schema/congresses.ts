// Congresses and committees (docs/domain/congresses.md): a round per term under the directive of the
// Politburo and the committee's plan, each unit's congress with its documents, delegates and elections,
// and each organisation's committee over time (who held which position, from which decision, until when).
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { documents } from './lifecycle';
import { members } from './members';
import { orgUnits } from './org-units';
import { planTerms } from './plans';
import { resolutions } from './resolutions';

/** A congress round (đợt đại hội) run by a committee for its subtree, for one term. */
export const congressRounds = pgTable(
  'congress_rounds',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The committee that directs the round: its subtree's units hold their congresses in it. */
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    name: text().notNull(),
    fromYear: integer().notNull(),
    toYear: integer().notNull(),
    /** The Politburo's directive for the round, as written ("Chỉ thị số 45-CT/TW ngày 14/4/2025"). */
    directiveRef: text(),
    /** The directive in the register of resolutions, when it is there. */
    directiveResolutionId: integer().references(() => resolutions.id),
    /** The committee's own plan and guidance for the round ("Kế hoạch số 12-KH/ĐU …"). */
    planRef: text(),
    /** Deadlines per level: cells and sub-committees, grassroots organisations, the upper congress. */
    cellDeadline: date({ mode: 'string' }),
    grassrootsDeadline: date({ mode: 'string' }),
    upperDeadline: date({ mode: 'string' }),
    note: text(),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('congress_rounds_unit_from_key').on(t.orgUnitId, t.fromYear)],
);

/** One unit's congress in a round. */
export const congresses = pgTable(
  'congresses',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer()
      .notNull()
      .references(() => congressRounds.id),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    /** cell | grassroots | upper (from the unit's kind when the congress was registered). */
    level: text().notNull(),
    /** members | delegates */
    kind: text().notNull(),
    /** Lần thứ (the congress's ordinal). */
    ordinal: integer(),
    isPilot: boolean().notNull().default(false),
    /** planned | approved | held | results_approved */
    status: text().notNull().default('planned'),
    plannedOn: date({ mode: 'string' }),
    heldOn: date({ mode: 'string' }),
    endedOn: date({ mode: 'string' }),
    place: text(),
    /** The upper level's approval of the congress plan (documents, personnel, date). */
    planApprovedOn: date({ mode: 'string' }),
    planApprovalRef: text(),
    /** Members (or delegates) summoned and present. */
    summonedCount: integer(),
    presentCount: integer(),
    /** The upper level's approval (chuẩn y) of the elections' results. */
    resultsApprovedOn: date({ mode: 'string' }),
    resultsApprovalRef: text(),
    /** The term the congress's resolution opens in the plan (its targets are the term's targets). */
    termId: integer().references(() => planTerms.id),
    // The personnel plan (đề án nhân sự): sizes and the structure the committee should have.
    plannedCommitteeSize: integer(),
    plannedStandingSize: integer(),
    plannedDeputyCount: integer(),
    plannedInspectionSize: integer(),
    /** Minimum shares in percent: young members, women, ethnic minorities; the re-elected share aimed at. */
    plannedYoungPct: integer(),
    plannedWomenPct: integer(),
    plannedMinorityPct: integer(),
    plannedReelectedPct: integer(),
    note: text(),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('congresses_round_unit_key').on(t.roundId, t.orgUnitId),
    index('congresses_unit_idx').on(t.orgUnitId),
    index('congresses_held_idx').on(t.heldOn),
  ],
);

/** A document of a congress: political report, self-review, personnel plan, resolution, minutes. */
export const congressDocuments = pgTable(
  'congress_documents',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    congressId: integer()
      .notNull()
      .references(() => congresses.id),
    kind: text().notNull(),
    title: text().notNull(),
    /** Number and date as written ("Nghị quyết số 01-NQ/ĐH ngày 12/6/2025"). */
    ref: text(),
    adoptedOn: date({ mode: 'string' }),
    /** The scanned or signed file, when attached. */
    documentId: integer().references(() => documents.id),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('congress_documents_congress_idx').on(t.congressId)],
);

/** How many delegates a lower unit sends to a congress of delegates (phân bổ đại biểu). */
export const congressDelegateAllocations = pgTable(
  'congress_delegate_allocations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The congress of delegates the delegates attend. */
    congressId: integer()
      .notNull()
      .references(() => congresses.id),
    fromOrgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    seats: integer().notNull(),
    alternates: integer().notNull().default(0),
  },
  (t) => [uniqueIndex('congress_delegate_allocations_key').on(t.congressId, t.fromOrgUnitId)],
);

/** A delegate to a congress of delegates, and the credentials check (thẩm tra tư cách đại biểu). */
export const congressDelegates = pgTable(
  'congress_delegates',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    congressId: integer()
      .notNull()
      .references(() => congresses.id),
    fromOrgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    /** elected | ex_officio | appointed */
    kind: text().notNull(),
    isAlternate: boolean().notNull().default(false),
    /** The lower congress's election that elected the delegate. */
    electionId: integer(),
    /** pending | accepted | rejected */
    credentialStatus: text().notNull().default('pending'),
    credentialNote: text(),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('congress_delegates_member_key').on(t.congressId, t.memberId),
    index('congress_delegates_from_idx').on(t.fromOrgUnitId),
  ],
);

/**
 * One round of voting for one body (the committee, delegates, the standing committee, the secretary…),
 * at the congress or at the new committee's first session. Candidates' votes are in congress_candidates;
 * who was elected follows from the statute's rule (domain/rules/congresses), stored for queries.
 */
export const congressElections = pgTable(
  'congress_elections',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    congressId: integer()
      .notNull()
      .references(() => congresses.id),
    body: text().notNull(),
    /** 1 for the first vote; 2, 3… for re-votes among the tied or for the seats left. */
    roundNo: integer().notNull().default(1),
    /** Bầu tại hội nghị lần thứ nhất của cấp ủy khóa mới (standing committee, secretary, UBKT…). */
    atFirstSession: boolean().notNull().default(false),
    heldOn: date({ mode: 'string' }).notNull(),
    seats: integer().notNull(),
    /**
     * The base "more than half" is judged on (Quy chế bầu cử trong Đảng, 244-QĐ/TW art. 32 §2–3): the
     * members (or official delegates) convened less the exclusions the Quy chế lists; at the first
     * session, the new committee's members. Not the valid ballots (docs/domain/congresses.md).
     */
    majorityBase: integer().notNull(),
    ballotsIssued: integer().notNull(),
    ballotsReturned: integer().notNull(),
    ballotsValid: integer().notNull(),
    ballotsInvalid: integer().notNull(),
    /** recorded | approved (chuẩn y by the upper level) */
    status: text().notNull().default('recorded'),
    approvedOn: date({ mode: 'string' }),
    approvalRef: text(),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('congress_elections_round_key').on(t.congressId, t.body, t.roundNo)],
);

/** A candidate on an election's ballot and the votes received (phiếu bầu đồng ý). */
export const congressCandidates = pgTable(
  'congress_candidates',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    electionId: integer()
      .notNull()
      .references(() => congressElections.id),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    votes: integer().notNull(),
    /** elected | not_elected | tied (needs a re-vote), from the counting rule. */
    outcome: text().notNull(),
    /** Self-nominated or nominated at the congress rather than proposed by the outgoing committee. */
    nominatedAtCongress: boolean().notNull().default(false),
  },
  (t) => [
    uniqueIndex('congress_candidates_key').on(t.electionId, t.memberId),
    index('congress_candidates_member_idx').on(t.memberId),
  ],
);

/**
 * A member's position on an organisation's committee, from a date until a date (open while serving).
 * One row per position held: a secretary is also a committee member and a standing member, so "who was
 * the secretary of X on D" and "who sat on X's committee on D" are both one range query.
 */
export const committeeMemberships = pgTable(
  'committee_memberships',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    position: text().notNull(),
    /** The term (nhiệm kỳ) the position belongs to, as "2025–2030" years. */
    termFromYear: integer().notNull(),
    termToYear: integer().notNull(),
    fromDate: date({ mode: 'string' }).notNull(),
    toDate: date({ mode: 'string' }),
    /** elected | appointed | supplemented */
    startReason: text().notNull(),
    startDecisionRef: text(),
    /** The election that elected the member, when elected. */
    electionId: integer().references(() => congressElections.id),
    endReason: text(),
    endDecisionRef: text(),
    /** Sat on the same unit's committee in the previous term (tái cử). */
    reElected: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('committee_memberships_unit_idx').on(t.orgUnitId, t.fromDate),
    index('committee_memberships_member_idx').on(t.memberId),
  ],
);
