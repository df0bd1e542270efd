// Attendance at cell meetings (tỷ lệ đảng viên dự sinh hoạt chi bộ) for a subtree and a period,
// exported for the metric catalogue (server/modules/plans/metrics): see README.md in this folder.
import { formatDate } from '../../../domain/text/vietnamese';
import { type DbOrTx, queryRows, sql } from '../../db/client';
import type { MetricValue } from '../figures';

export type CellMeetingRow = {
  id: number;
  org_unit_id: number;
  unit_name: string;
  held_on: string;
  present: number;
  expected: number;
};

/**
 * Cell meetings (regular and thematic) held in [from, to] by cells that were under `unitId` on the
 * day of the meeting (the tree as it was then), with members present and members expected.
 */
export const loadCellMeetings = async (
  db: DbOrTx,
  unitId: number,
  from: string,
  to: string,
): Promise<CellMeetingRow[]> =>
  queryRows<CellMeetingRow>(
    db,
    sql`select m.id, m.org_unit_id, h.name as unit_name, m.held_on,
          (select count(*) from meeting_attendance a where a.meeting_id = m.id and a.present)::int as present,
          (select count(*) from meeting_attendance a where a.meeting_id = m.id)::int as expected
        from meetings m
        join org_unit_history h on h.org_unit_id = m.org_unit_id and h.valid_from <= m.held_on
          and (h.valid_to is null or h.valid_to > m.held_on)
        join org_unit_history q on q.org_unit_id = ${unitId} and q.valid_from <= m.held_on
          and (q.valid_to is null or q.valid_to > m.held_on)
        where m.kind in ('cell_regular', 'cell_thematic') and m.held_on between ${from} and ${to}
          and h.path <@ q.path
        order by m.held_on, m.id`,
  );

/**
 * Members present at cell meetings over members expected (full and probationary members of the
 * cell on the day; exempted members are not expected), in %; records = the meetings counted.
 */
export const meetingAttendance = async ({
  db,
  unitId,
  from,
  to,
}: {
  db: DbOrTx;
  unitId: number;
  from: string;
  to: string;
}): Promise<MetricValue> => {
  const rows = await loadCellMeetings(db, unitId, from, to);
  if (rows.length === 0)
    return {
      status: 'unavailable',
      reason: 'Chưa có buổi sinh hoạt chi bộ nào được ghi trong kỳ.',
    };
  const present = rows.reduce((s, r) => s + r.present, 0);
  const expected = rows.reduce((s, r) => s + r.expected, 0);
  return {
    status: 'ok',
    value: expected === 0 ? null : (100 * present) / expected,
    numerator: present,
    denominator: expected,
    records: rows.map((r) => ({
      kind: 'meeting',
      id: r.id,
      label: `${r.unit_name} — ${formatDate(r.held_on)}`,
    })),
  };
};

/** "2025-11" … between two dates, both included. */
export const monthsBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const [ty, tm] = to.slice(0, 7).split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
};

/** Last day of a "YYYY-MM" month. */
export const monthEnd = (month: string): string => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
