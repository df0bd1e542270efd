import { type DbOrTx, sql } from '../../db/client';
import { idOf } from './id-of';

/** A congress round run by the unit (no congresses registered); returns its id. */
export const congressRoundIn = (db: DbOrTx, orgUnitId: number, fromYear = 2025): Promise<number> =>
  idOf(
    db,
    sql`insert into congress_rounds (org_unit_id, name, from_year, to_year, cell_deadline)
        values (${orgUnitId}, ${`Đại hội nhiệm kỳ ${fromYear}–${fromYear + 5}`}, ${fromYear},
          ${fromYear + 5}, ${`${fromYear}-05-31`}) returning id`,
  );

/** The unit's congress in the round, planned (level 'cell' unless told); returns its id. */
export const congressIn = (
  db: DbOrTx,
  roundId: number,
  orgUnitId: number,
  level: 'cell' | 'grassroots' | 'upper' = 'cell',
): Promise<number> =>
  idOf(
    db,
    sql`insert into congresses (round_id, org_unit_id, level, kind)
        values (${roundId}, ${orgUnitId}, ${level}, ${level === 'cell' ? 'members' : 'delegates'})
        returning id`,
  );

/** A document entry of the congress (for a delete to remove); returns its id. */
export const congressDocumentIn = (db: DbOrTx, congressId: number): Promise<number> =>
  idOf(
    db,
    sql`insert into congress_documents (congress_id, kind, title)
        values (${congressId}, 'other', 'Tài liệu thử quyền') returning id`,
  );
