// The approval (chuẩn y) of an election opens the elected people's positions on the committee. The
// committee's composition over time belongs to the committees module; this file is the one place
// the elections call it, so the call follows that module's face.
//
// TEMPORARY until the `committees` branch is merged: the rows are written here directly, in the
// caller's transaction, with the fields the committees module keeps (committee_memberships). At
// the merge this body becomes a call of the committees face (`openCommitteeTerm` or its name).
import type { CommitteePosition } from '../../../domain/enums/congresses';
import { type DbOrTx, queryRows, sql } from '../../db/client';
import { committeeMemberships } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';

export type ElectedPositions = {
  orgUnitId: number;
  position: CommitteePosition;
  termFromYear: number;
  termToYear: number;
  /** The day the positions start (the vote's date, docs in README.md "Approval"). */
  fromDate: string;
  electionId: number;
  /** The approving decision. */
  decisionRef: string;
  memberIds: readonly number[];
};

/** Open one position per elected member; a position already open for the term is left as it is. */
export const openElectedPositions = async (
  tx: DbOrTx,
  actor: Actor,
  input: ElectedPositions,
): Promise<number[]> => {
  if (input.memberIds.length === 0) return [];
  const open = await queryRows<{ member_id: number }>(
    tx,
    sql`select member_id from committee_memberships
        where org_unit_id = ${input.orgUnitId} and position = ${input.position}
          and term_from_year = ${input.termFromYear} and to_date is null`,
  );
  const already = new Set(open.map((r) => r.member_id));
  const previous = await queryRows<{ member_id: number }>(
    tx,
    sql`select distinct member_id from committee_memberships
        where org_unit_id = ${input.orgUnitId} and term_to_year <= ${input.termFromYear}
          and term_from_year < ${input.termFromYear}`,
  );
  const sat = new Set(previous.map((r) => r.member_id));
  const fresh = input.memberIds.filter((id) => !already.has(id));
  if (fresh.length === 0) return [];
  const rows = await tx
    .insert(committeeMemberships)
    .values(
      fresh.map((memberId) => ({
        orgUnitId: input.orgUnitId,
        memberId,
        position: input.position,
        termFromYear: input.termFromYear,
        termToYear: input.termToYear,
        fromDate: input.fromDate,
        startReason: 'elected',
        startDecisionRef: input.decisionRef,
        electionId: input.electionId,
        reElected: sat.has(memberId),
        createdBy: actor.userId,
      })),
    )
    .returning({ id: committeeMemberships.id });
  return rows.map((r) => r.id);
};
