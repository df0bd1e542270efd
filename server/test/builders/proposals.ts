import { type DbOrTx, sql } from '../../db/client';
import { idOf } from './id-of';

/** An open proposal received by a unit, assigned to that unit with a deadline; returns its id. */
export const proposalIn = async (db: DbOrTx, unitId: number): Promise<number> =>
  idOf(
    db,
    sql`insert into proposals (org_unit_id, source_kind, source_text, raised_on, content,
          assignee_org_unit_id, due_on)
        values (${unitId}, 'other', 'Đại biểu thử quyền', '2026-01-05', 'Kiến nghị thử quyền',
          ${unitId}, '2026-02-05') returning id`,
  );

/** The residence cell's comment on a member for 2025; returns its id. */
// The demo seed may already hold the member's 2025 comment: the builder then returns that one.
export const residenceCommentOf = async (db: DbOrTx, memberId: number): Promise<number> =>
  idOf(
    db,
    sql`insert into residence_comments (member_id, year, residence_cell, commented_on, comment,
          conclusion, recorded_as)
        values (${memberId}, 2025, 'Chi bộ khu phố thử', '2025-12-15', 'Nhận xét thử quyền',
          'fulfilled', 'transcribed')
        on conflict (member_id, year) do update set comment = excluded.comment
        returning id`,
  );
