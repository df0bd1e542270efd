import { type DbOrTx, sql } from '../../db/client';
import { idOf } from './id-of';

/** An empty report draft of the unit for the year; returns its id. */
export const reportDraftIn = (db: DbOrTx, orgUnitId: number, year = 2025): Promise<number> =>
  idOf(
    db,
    sql`insert into report_drafts (org_unit_id, year) values (${orgUnitId}, ${year}) returning id`,
  );
