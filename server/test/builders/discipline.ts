import { type DbOrTx, sql } from '../../db/client';
import { idOf } from './id-of';

/**
 * A decided reprimand (khiển trách) of a full member by the cell, with a complaint still pending;
 * returns the decision's id and the complaint's.
 */
export const disciplineWithComplaint = async (
  db: DbOrTx,
  member: { id: number; cellId: number },
): Promise<{ decision: number; complaint: number }> => {
  const decision = await idOf(
    db,
    sql`insert into discipline_decisions (subject_kind, member_id, org_unit_id, standing, status, form, body,
          body_org_unit_id, decision_number, violation, violation_from, decided_on)
        values ('member', ${member.id}, ${member.cellId}, 'full', 'decided', 'khien_trach', 'cell', ${member.cellId},
          '1-QĐ/CB', 'Thử', '2025-12-01', '2026-01-10') returning id`,
  );
  const complaint = await idOf(
    db,
    sql`insert into discipline_complaints (decision_id, filed_on, deadline_on, handled_by)
        values (${decision}, '2026-01-20', '2026-02-10', 'Đảng ủy') returning id`,
  );
  return { decision, complaint };
};
