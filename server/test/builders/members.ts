// Members of the demo bloc that tests need: found, not made (the demo seed has them).
import { type DbOrTx, queryOne, sql } from '../../db/client';

/** The unit (cell) a member belongs to. */
export const cellOfMember = async (db: DbOrTx, memberId: number): Promise<number> => {
  const row = await queryOne<{ org_unit_id: number }>(
    db,
    sql`select org_unit_id from members where id = ${memberId}`,
  );
  if (!row) throw new Error(`builder: no member ${memberId}`);
  return row.org_unit_id;
};

/** A member of the unit's subtree whose history has a transfer letter (moves and transfers in). */
export const transferLetterIn = async (
  db: DbOrTx,
  unitId: number,
): Promise<{ memberId: number; eventId: number }> => {
  const row = await queryOne<{ member_id: number; id: number }>(
    db,
    sql`select e.member_id, e.id from member_events e join members m on m.id = e.member_id
        join org_units o on o.id = m.org_unit_id
        where o.path <@ (select path from org_units where id = ${unitId})
          and e.kind in ('transferred_in', 'moved') and m.status in ('full', 'probationary')
        order by e.id limit 1`,
  );
  if (!row) throw new Error(`builder: no transfer letter under unit ${unitId}`);
  return { memberId: row.member_id, eventId: row.id };
};
