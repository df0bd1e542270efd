// The board's counting on a day (docs/domain/congresses.md, "Schedule"): held by the day, on
// schedule (held on or before the level's deadline, `congressTimeliness`), late (held after it, or
// not held and the deadline passed), results approved by the day.
import { describe, expect, it } from 'vitest';
import { type BoardCongress, congressStateOn, countCongresses } from './board.policy';

const c = (fields: Partial<BoardCongress>): BoardCongress => ({
  status: 'planned',
  heldOn: null,
  resultsApprovedOn: null,
  deadline: '2025-05-31',
  ...fields,
});

describe('congressStateOn (docs/domain/congresses.md, "Schedule")', () => {
  it('a congress held on the deadline day is on schedule; one day after is late', () => {
    expect(congressStateOn(c({ status: 'held', heldOn: '2025-05-31' }), '2025-12-31')).toEqual({
      held: true,
      onSchedule: true,
      late: false,
      approved: false,
    });
    expect(
      congressStateOn(c({ status: 'held', heldOn: '2025-06-01' }), '2025-12-31'),
    ).toMatchObject({ held: true, onSchedule: false, late: true });
  });

  it('not held: late only once the deadline has passed; no deadline, never late', () => {
    expect(congressStateOn(c({}), '2025-05-31').late).toBe(false);
    expect(congressStateOn(c({}), '2025-06-01').late).toBe(true);
    expect(congressStateOn(c({ deadline: null }), '2030-01-01').late).toBe(false);
  });

  it('a congress held (or approved) after the day of the figures does not count yet', () => {
    const later = c({
      status: 'results_approved',
      heldOn: '2025-05-20',
      resultsApprovedOn: '2025-06-10',
    });
    expect(congressStateOn(later, '2025-05-19')).toMatchObject({ held: false, approved: false });
    expect(congressStateOn(later, '2025-06-01')).toMatchObject({ held: true, approved: false });
    expect(congressStateOn(later, '2025-06-10')).toMatchObject({ held: true, approved: true });
  });

  it('counts a set: total = held + not held; late covers held late and overdue', () => {
    const rows = [
      c({ status: 'held', heldOn: '2025-05-20' }),
      c({ status: 'held', heldOn: '2025-06-10' }),
      c({}),
      c({ status: 'results_approved', heldOn: '2025-05-30', resultsApprovedOn: '2025-06-05' }),
      c({ status: 'approved' }),
    ];
    expect(countCongresses(rows, '2025-06-30')).toEqual({
      total: 5,
      held: 3,
      onSchedule: 2,
      late: 3,
      notHeld: 2,
      approved: 1,
    });
  });
});
