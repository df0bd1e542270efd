// The progress board's counting (docs/domain/congresses.md, "Schedule"; README "Progress board"): pure, from the congresses'
// status and dates, the round's deadline of each one's level and the day of the figures. Whether a
// congress held was on schedule is the statute's helper `congressTimeliness` (held on or before the
// deadline); a congress not held by the day counts as late once its deadline has passed.
import type { TBoardCounts } from '../../../contracts/congresses';
import type { CongressStatus } from '../../../domain/enums/congresses';
import { congressTimeliness } from '../../../domain/rules/congresses';

export type BoardCongress = {
  status: CongressStatus;
  heldOn: string | null;
  resultsApprovedOn: string | null;
  /** The round's deadline for the congress's level (null: no deadline set). */
  deadline: string | null;
};

export type CongressState = {
  /** Held by `asOf` (recorded as held, on a day not after `asOf`). */
  held: boolean;
  onSchedule: boolean;
  late: boolean;
  /** Its results approved (chuẩn y) by `asOf`. */
  approved: boolean;
};

const isHeld = (status: CongressStatus) => status === 'held' || status === 'results_approved';

/** Where one congress stands on a day. */
export const congressStateOn = (c: BoardCongress, asOf: string): CongressState => {
  const held = isHeld(c.status) && c.heldOn !== null && c.heldOn <= asOf;
  let late = false;
  if (held && c.deadline) {
    const t = congressTimeliness(c.heldOn as string, c.deadline);
    late = t.ok && t.status === 'late';
  } else if (!held && c.deadline) late = c.deadline < asOf;
  return {
    held,
    onSchedule: held && !late,
    late,
    approved:
      held &&
      c.status === 'results_approved' &&
      (c.resultsApprovedOn === null || c.resultsApprovedOn <= asOf),
  };
};

export const emptyCounts = (): TBoardCounts => ({
  total: 0,
  held: 0,
  onSchedule: 0,
  late: 0,
  notHeld: 0,
  approved: 0,
});

/** The board's figures of a set of congresses on a day. */
export const countCongresses = (rows: readonly BoardCongress[], asOf: string): TBoardCounts => {
  const out = emptyCounts();
  for (const row of rows) {
    const s = congressStateOn(row, asOf);
    out.total += 1;
    if (s.held) out.held += 1;
    else out.notHeld += 1;
    if (s.onSchedule) out.onSchedule += 1;
    if (s.late) out.late += 1;
    if (s.approved) out.approved += 1;
  }
  return out;
};
