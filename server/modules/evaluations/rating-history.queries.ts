// The decided year-end ratings of one subject over a run of years: what commendations (module
// emulation) check eligibility against, so a rating is never typed twice.
import type { QualityLevel } from '../../../domain/rules/evaluation/levels';
import { type DbOrTx, queryRows, sql } from '../../db/client';

export type DecidedYearRating = { year: number; level: QualityLevel; recordId: number };

/**
 * The decided (or published) level of a member (`member:<id>`) or a party organisation
 * (`unit:<id>`, rated as a cell or a grassroots organisation) in the yearly campaigns of
 * `fromYear`…`toYear`. Years without a decided record are absent.
 */
export const decidedYearRatings = async (
  db: DbOrTx,
  subject: { memberId: number } | { orgUnitId: number },
  fromYear: number,
  toYear: number,
): Promise<DecidedYearRating[]> => {
  const key = 'memberId' in subject ? `member:${subject.memberId}` : `unit:${subject.orgUnitId}`;
  const kinds = 'memberId' in subject ? ['member'] : ['cell', 'grassroots_organisation'];
  const rows = await queryRows<{ year: number; level: QualityLevel; id: number }>(
    db,
    sql`select distinct on (c.year) c.year, r.decided_level as level, r.id
        from evaluation_records r join evaluation_campaigns c on c.id = r.campaign_id
        where r.subject_key = ${key} and c.cycle = 'year'
          and c.year between ${fromYear} and ${toYear}
          and r.subject_kind in (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )})
          and r.status in ('decided', 'published') and r.decided_level is not null
        order by c.year, r.id desc`,
  );
  return rows.map((r) => ({ year: Number(r.year), level: r.level, recordId: Number(r.id) }));
};
