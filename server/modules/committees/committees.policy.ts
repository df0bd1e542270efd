// Pure helpers of the committees module (no I/O).
import type { CommitteePosition } from '../../../domain/enums/congresses';

/** Positions on the committee proper (the executive committee and its standing committee). */
export const committeeOnlyPositions: readonly CommitteePosition[] = [
  'secretary',
  'deputy_secretary',
  'standing_member',
  'member',
];
/** Positions on the committee's inspection commission. */
export const inspectionPositions: readonly CommitteePosition[] = [
  'inspection_chair',
  'inspection_deputy',
  'inspection_member',
];

/** The calendar day before an ISO date (a position ends the day before its successor starts). */
export const dayBefore = (iso: string): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};
