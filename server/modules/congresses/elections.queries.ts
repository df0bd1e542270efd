// Reads for the elections and delegates of congresses: a congress within the actor's subtree, its
// elections with their candidates, and the outcome recomputed by the statute's counting rule
// (domain/rules/congresses, docs/domain/congresses.md "Counting").

import type { TElection } from '../../../contracts/congress-elections';
import type { ElectionBody, ElectionStatus } from '../../../domain/enums/congresses';
import {
  countElection,
  type ElectionCount,
  type ElectionInput,
} from '../../../domain/rules/congresses';
import { type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { notFound } from '../../platform/errors';

export type CongressRow = {
  id: number;
  round_id: number;
  org_unit_id: number;
  org_unit_name: string;
  path: string;
  kind: 'members' | 'delegates';
  status: string;
  held_on: string | null;
  planned_on: string | null;
  summoned_count: number | null;
  term_from_year: number;
  term_to_year: number;
};

/** A congress whose unit lies in the actor's subtree; otherwise "not found" (never "forbidden"). */
export const congressInScope = async (
  db: DbOrTx,
  actor: Actor,
  id: number,
  lock = false,
): Promise<CongressRow> => {
  const row = await queryOne<CongressRow>(
    db,
    sql`select c.id, c.round_id, c.org_unit_id, o.name as org_unit_name, o.path::text as path,
          c.kind, c.status, c.held_on, c.planned_on, c.summoned_count,
          r.from_year as term_from_year, r.to_year as term_to_year
        from congresses c join org_units o on o.id = c.org_unit_id
        join congress_rounds r on r.id = c.round_id
        where c.id = ${id} and ${inScope(actor, sql`o.path`)}
        ${lock ? sql`for update of c` : sql``}`,
  );
  if (!row) throw notFound('đại hội');
  return row;
};

export type ElectionRow = {
  id: number;
  congress_id: number;
  body: ElectionBody;
  round_no: number;
  at_first_session: boolean;
  held_on: string;
  seats: number;
  majority_base: number;
  ballots_issued: number;
  ballots_returned: number;
  ballots_valid: number;
  ballots_invalid: number;
  status: ElectionStatus;
  approved_on: string | null;
  approval_ref: string | null;
  version: number;
};

export type CandidateRow = {
  election_id: number;
  member_id: number;
  full_name: string;
  org_unit_name: string | null;
  votes: number;
  outcome: 'elected' | 'not_elected' | 'tied';
  nominated_at_congress: boolean;
};

const electionColumns = sql`e.id, e.congress_id, e.body, e.round_no, e.at_first_session, e.held_on,
  e.seats, e.majority_base, e.ballots_issued, e.ballots_returned, e.ballots_valid,
  e.ballots_invalid, e.status, e.approved_on, e.approval_ref, e.version`;

export const electionsOf = (db: DbOrTx, congressId: number) =>
  queryRows<ElectionRow>(
    db,
    sql`select ${electionColumns} from congress_elections e where e.congress_id = ${congressId}
        order by e.at_first_session, e.body, e.round_no`,
  );

/** One election of the congress (already checked in scope), or "not found". */
export const electionOf = async (
  db: DbOrTx,
  congressId: number,
  electionId: number,
  lock = false,
): Promise<ElectionRow> => {
  const row = await queryOne<ElectionRow>(
    db,
    sql`select ${electionColumns} from congress_elections e
        where e.id = ${electionId} and e.congress_id = ${congressId}
        ${lock ? sql`for update of e` : sql``}`,
  );
  if (!row) throw notFound('cuộc bầu cử');
  return row;
};

export const candidatesOf = (db: DbOrTx, electionIds: readonly number[]) =>
  electionIds.length === 0
    ? Promise.resolve([] as CandidateRow[])
    : queryRows<CandidateRow>(
        db,
        sql`select k.election_id, k.member_id, m.full_name, o.name as org_unit_name, k.votes,
              k.outcome, k.nominated_at_congress
            from congress_candidates k join members m on m.id = k.member_id
            left join org_units o on o.id = m.org_unit_id
            where k.election_id in (${sql.join(
              electionIds.map((id) => sql`${id}`),
              sql`, `,
            )})
            order by k.election_id, k.id`,
      );

/** The counting rule's input from stored figures: candidates keyed by member id. */
export const countInput = (
  e: Pick<
    ElectionRow,
    | 'held_on'
    | 'seats'
    | 'majority_base'
    | 'ballots_issued'
    | 'ballots_returned'
    | 'ballots_valid'
    | 'ballots_invalid'
  >,
  candidates: readonly { member_id: number; votes: number }[],
): ElectionInput => ({
  heldOn: e.held_on,
  seats: e.seats,
  majorityBase: e.majority_base,
  ballotsIssued: e.ballots_issued,
  ballotsReturned: e.ballots_returned,
  ballotsValid: e.ballots_valid,
  ballotsInvalid: e.ballots_invalid,
  candidates: candidates.map((c) => String(c.member_id)),
  votes: Object.fromEntries(candidates.map((c) => [String(c.member_id), c.votes])),
});

/** The rule's messages name candidates by id ("123"): name them by their full name instead. */
export const withNames = (messages: readonly string[], names: ReadonlyMap<string, string>) =>
  messages.map((m) =>
    m.replace(/"(\d+)"/g, (whole, id: string) => {
      const name = names.get(id);
      return name ? `đồng chí ${name}` : whole;
    }),
  );

/** An election as the API answers it, its outcome recounted from the stored figures. */
export const electionView = (
  e: ElectionRow,
  candidates: readonly CandidateRow[],
  hasLaterRound: boolean,
): TElection => {
  const counted = countElection(countInput(e, candidates));
  const count: ElectionCount | null = counted.ok ? counted : null;
  const byId = new Map(count?.candidates.map((c) => [c.id, c]) ?? []);
  const names = new Map(candidates.map((c) => [String(c.member_id), c.full_name]));
  return {
    id: e.id,
    congressId: e.congress_id,
    body: e.body,
    roundNo: e.round_no,
    atFirstSession: e.at_first_session,
    heldOn: e.held_on,
    seats: e.seats,
    majorityBase: e.majority_base,
    ballotsIssued: e.ballots_issued,
    ballotsReturned: e.ballots_returned,
    ballotsValid: e.ballots_valid,
    ballotsInvalid: e.ballots_invalid,
    status: e.status,
    approvedOn: e.approved_on,
    approvalRef: e.approval_ref,
    version: e.version,
    votesNeeded: count?.votesNeeded ?? Math.floor(e.majority_base / 2) + 1,
    candidates: candidates.map((c) => ({
      memberId: c.member_id,
      fullName: c.full_name,
      orgUnitName: c.org_unit_name,
      votes: c.votes,
      outcome: c.outcome,
      shareOfValid: byId.get(String(c.member_id))?.shareOfValid ?? null,
      nominatedAtCongress: c.nominated_at_congress,
    })),
    furtherRound: count?.furtherRound
      ? {
          reason: count.furtherRound.reason,
          seats: count.furtherRound.seats,
          among: count.furtherRound.among.map(Number),
          congressDecides: count.furtherRound.congressDecides,
          message: withNames([count.furtherRound.message], names)[0] as string,
        }
      : null,
    hasLaterRound,
    messages: withNames(count ? count.messages : counted.ok ? [] : counted.errors, names),
  };
};
