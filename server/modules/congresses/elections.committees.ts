// The approval (chuẩn y) of an election opens the elected people's positions on the committee. The
// committee's composition over time belongs to the committees module: this file is the one place
// the elections call its face (`openCommitteeTerm`), in the caller's transaction.
import type { CommitteePosition } from '../../../domain/enums/congresses';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { openCommitteeTerm } from '../committees';

export type ElectedPositions = {
  orgUnitId: number;
  position: CommitteePosition;
  termFromYear: number;
  termToYear: number;
  /** The day the positions start (the vote's date, elections.md "Approval"). */
  fromDate: string;
  electionId: number;
  /** The approving decision. */
  decisionRef: string;
  memberIds: readonly number[];
};

/**
 * Open one position per elected member for the term; the unit's open positions of earlier terms end
 * the day before (term ended) — the new committee replaces the outgoing one from its election.
 */
export const openElectedPositions = async (
  tx: DbOrTx,
  actor: Actor,
  input: ElectedPositions,
): Promise<number[]> => {
  if (input.memberIds.length === 0) return [];
  const { ids } = await openCommitteeTerm(tx, actor, {
    orgUnitId: input.orgUnitId,
    termFromYear: input.termFromYear,
    termToYear: input.termToYear,
    fromDate: input.fromDate,
    decisionRef: input.decisionRef,
    closePrevious: true,
    entries: input.memberIds.map((memberId) => ({
      memberId,
      position: input.position,
      startReason: 'elected' as const,
      electionId: input.electionId,
    })),
  });
  return ids;
};
