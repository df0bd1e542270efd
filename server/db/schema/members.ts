import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units';
import { ltree } from './types';

/**
 * The member record (lý lịch 1-HSĐV / phiếu 2-HSĐV). Columns under "derived" are written only by
 * the member timeline (domain/rules/members) from `member_events`, never edited directly.
 */
export const members = pgTable(
  'members',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    // identity
    fullName: text().notNull(),
    birthName: text(),
    alias: text(),
    sex: text().notNull(),
    birthDate: date({ mode: 'string' }).notNull(),
    birthPlace: text(),
    homeTown: text(),
    permanentAddress: text(),
    currentAddress: text(),
    ethnicity: text().notNull().default('Kinh'),
    religion: text().notNull().default('Không'),
    citizenId: text(),
    phone: text(),
    email: text(),
    // work
    occupation: text(),
    workplace: text(),
    position: text(),
    civilServiceRank: text(),
    salaryGrade: text(),
    // education
    generalEducation: text(),
    professionalLevel: text().notNull().default('none'),
    professionalField: text(),
    academicTitle: text(),
    politicalTheory: text().notNull().default('none'),
    foreignLanguage: text(),
    itLevel: text(),
    minorityLanguage: text(),
    // party data (not derived)
    referee1: text(),
    referee2: text(),
    cardNumber: text(),
    cardIssuedOn: date({ mode: 'string' }),
    recordNumber: text(),
    // other organisations, history
    youthUnionJoinedOn: date({ mode: 'string' }),
    tradeUnionJoinedOn: date({ mode: 'string' }),
    militaryEnlistedOn: date({ mode: 'string' }),
    militaryDischargedOn: date({ mode: 'string' }),
    militaryRank: text(),
    health: text(),
    policyFamily: text(),
    awards: text(),
    workHistory: jsonb().$type<{ from: string; to: string | null; description: string }[]>(),
    // sensitive (need-to-know, reads logged)
    disciplineHistory: text(),
    familyPoliticalHistory: text(),
    family:
      jsonb().$type<
        { relation: string; fullName: string; birthYear: number | null; note: string }[]
      >(),
    // derived from member_events by the member timeline
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    status: text().notNull(),
    standing: text().notNull(),
    admittedOn: date({ mode: 'string' }),
    recognisedOn: date({ mode: 'string' }),
    partyAgeFrom: date({ mode: 'string' }),
    temporarilyAway: boolean().notNull().default(false),
    // search and sort
    nameNorm: text().generatedAlwaysAs(sql`lower(immutable_unaccent(full_name))`),
    givenName: text().generatedAlwaysAs(sql`regexp_replace(full_name, '^.* ', '')`),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('members_org_idx').on(t.orgUnitId, t.status),
    index('members_name_norm_trgm').using('gin', t.nameNorm.op('gin_trgm_ops')),
    index('members_citizen_id_idx').on(t.citizenId),
  ],
);

/**
 * Every word-boundary suffix of a member's unaccented name ("nguyen van hung", "van hung", "hung"):
 * a word-prefix search is one btree range on `key` (index `(key collate "C", member_id)`, migration
 * 0014), so it costs the matches read, not the members stored. Kept by statement triggers on
 * `members` (insert, update, delete), so every writer — services, imports, COPY loads, restores —
 * keeps it without a call; derived, so backups leave it out.
 */
export const memberNameKeys = pgTable(
  'member_name_keys',
  {
    memberId: integer().notNull(),
    key: text().notNull(),
  },
  (t) => [index('member_name_keys_member_idx').on(t.memberId)],
);

export const memberEvents = pgTable(
  'member_events',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    kind: text().notNull(),
    eventDate: date({ mode: 'string' }).notNull(),
    orgUnitId: integer().references(() => orgUnits.id),
    /** An organisation outside the tree (transfer from/to), as written on the letter. */
    externalOrg: text(),
    standing: text(),
    originalAdmittedOn: date({ mode: 'string' }),
    originalRecognisedOn: date({ mode: 'string' }),
    decisionNumber: text(),
    /** Transfers: the letter of introduction (giấy giới thiệu) and when it was presented. */
    letterNumber: text(),
    letterDate: date({ mode: 'string' }),
    presentedOn: date({ mode: 'string' }),
    note: text(),
    orgOperationId: integer(),
    recordedBy: integer(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('member_events_member_idx').on(t.memberId, t.eventDate),
    // Period figures of the metric catalogue (admissions, transfers… of a year) read by kind and date.
    index('member_events_kind_date_idx').on(t.kind, t.eventDate),
  ],
);

/** Derived intervals (status, cell) per member, for counts and lists "as of" any date. */
export const memberPeriods = pgTable(
  'member_periods',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer()
      .notNull()
      .references(() => members.id),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    orgUnitId: integer().notNull(),
    status: text().notNull(),
    standing: text().notNull(),
  },
  (t) => [
    index('member_periods_member_idx').on(t.memberId),
    index('member_periods_org_idx').on(t.orgUnitId, t.validFrom),
  ],
);

/**
 * Maintained subtree totals of members in the party today, per dimension (status, sex, birth
 * year, …): each org row holds the sum over its whole subtree, so any scope is one lookup.
 */
export const orgMemberCounts = pgTable(
  'org_member_counts',
  {
    orgUnitId: integer().notNull(),
    dimension: text().notNull(),
    key: text().notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgUnitId, t.dimension, t.key] })],
);

/**
 * Facts placed in the tree (modules/figures/placement.ts): a member's events (amount 1), their time in
 * the party cut by their cell's history (`status:<s>`, +1 where a piece begins and −1 where it ends),
 * their dues payments (amount in đồng), Party badges and first party cards, and decided yearly
 * evaluation records. Each row keeps the path
 * of the unit it counts for on its day, so a change takes back exactly what it added to
 * `org_fact_counts` (modules/figures/placed-facts.ts).
 */
export const placedFacts = pgTable(
  'placed_facts',
  {
    /** 'member' (events, membership, dues, badges, first cards) | 'evaluation_record' | 'dissemination'. */
    source: text().notNull(),
    sourceId: integer().notNull(),
    kind: text().notNull(),
    day: date({ mode: 'string' }).notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
    path: ltree().notNull(),
  },
  (t) => [index('placed_facts_source_idx').on(t.source, t.sourceId)],
);

/**
 * Maintained per-day sums of the placed facts for every unit on their paths: a period figure for any
 * subtree is a range read of one unit's rows and a figure at a date a sum up to it, never a scan.
 */
export const orgFactCounts = pgTable(
  'org_fact_counts',
  {
    orgUnitId: integer().notNull(),
    kind: text().notNull(),
    day: date({ mode: 'string' }).notNull(),
    total: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgUnitId, t.kind, t.day] })],
);
