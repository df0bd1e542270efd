// Evaluation campaigns (opened through the API, which builds a record per subject) and complaints.
import { type DbOrTx, sql } from '../../db/client';
import type { Session } from '../test-db';
import { idOf } from './id-of';

/** A year campaign opened by the office over the unit's subtree; returns its id. */
export const campaignIn = async (
  office: Session,
  orgUnitId: number,
  year = 2026,
  openedOn = `${year}-11-20`,
): Promise<number> =>
  (await office.post('/api/evaluations/campaigns', { orgUnitId, year, openedOn })).json()
    .id as number;

/** The campaign's record of a member. */
export const evaluationRecordOf = (db: DbOrTx, campaignId: number, memberId: number) =>
  idOf(
    db,
    sql`select id from evaluation_records where campaign_id = ${campaignId} and member_id = ${memberId}`,
  );

/** A complaint filed about the record's result; returns its id. */
export const evaluationComplaintIn = (db: DbOrTx, recordId: number, filedOn = '2027-01-05') =>
  idOf(
    db,
    sql`insert into evaluation_complaints (record_id, filed_on, content)
        values (${recordId}, ${filedOn}, 'Thử') returning id`,
  );
