import { type DbOrTx, sql } from '../../db/client';
import { idOf } from './id-of';

/** An open committee position (a member of the unit's committee since 2025-06-01); returns its id. */
export const committeePositionIn = (
  db: DbOrTx,
  orgUnitId: number,
  memberId: number,
  fields: { position?: string; fromDate?: string } = {},
): Promise<number> =>
  idOf(
    db,
    sql`insert into committee_memberships (org_unit_id, member_id, position, term_from_year,
          term_to_year, from_date, start_reason, start_decision_ref)
        values (${orgUnitId}, ${memberId}, ${fields.position ?? 'member'}, 2025, 2030,
          ${fields.fromDate ?? '2025-06-01'}, 'elected', 'Quyết định chuẩn y') returning id`,
  );
