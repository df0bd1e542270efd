// The approval (chuẩn y) of an election opens the elected people's positions on the committee,
// through the committees module's face (which owns the committee over time). Electing the committee
// itself (cấp ủy, or a small cell's secretary, at the congress) starts the new term: the previous
// term's open positions of the unit end the day before (docs/domain/congresses.md). The bodies
// elected at the first session (standing committee, secretary, deputies, inspection commission) join
// the term already opened.
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

/** Open one position per elected member, in the caller's transaction. */
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
    // Only positions of earlier terms close: a first-session election finds them closed already.
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
