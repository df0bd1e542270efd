import { type DbOrTx, sql } from '../../db/client';
import { idOf } from './id-of';

/** A regular cell meeting (10 invited, 9 present); returns its id. */
export const meetingIn = (
  db: DbOrTx,
  cellId: number,
  fields: { heldOn?: string; title?: string } = {},
): Promise<number> =>
  idOf(
    db,
    sql`insert into meetings (org_unit_id, kind, held_on, title, invited_count, present_count)
        values (${cellId}, 'cell_regular', ${fields.heldOn ?? '2026-01-06'},
          ${fields.title ?? 'Sinh hoạt chi bộ tháng 1'}, 10, 9) returning id`,
  );

/** A decision of the meeting, with a deadline (what a plan turns into a task); returns its id. */
export const meetingDecisionIn = (
  db: DbOrTx,
  meetingId: number,
  fields: { text?: string; deadline?: string } = {},
): Promise<number> =>
  idOf(
    db,
    sql`insert into meeting_decisions (meeting_id, text, deadline)
        values (${meetingId}, ${fields.text ?? 'Nội dung thử quyền'}, ${fields.deadline ?? '2026-12-31'})
        returning id`,
  );
