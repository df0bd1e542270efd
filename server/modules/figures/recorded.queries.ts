// Which registers hold at least one record for a subtree and a period (domain/reports/recorded.ts):
// what tells "nothing recorded for this period" from a real zero in the annual report, its annex and
// the dashboard. Facts are placed like the metrics place them (placement.ts): by the member's cell,
// or the subject's unit, on the fact's date. One cheap `exists` per area.
import type { Recorded, RecordingArea } from '../../../domain/reports/recorded';
import { type DbOrTx, queryOne, sql } from '../../db/client';
import { placedJoin } from './placement';

const onDay = (member: ReturnType<typeof sql>, date: ReturnType<typeof sql>) => sql`
  join member_periods p on p.member_id = ${member}
    and p.valid_from <= ${date} and (p.valid_to is null or p.valid_to > ${date})`;

/** The areas with at least one record for the subtree of `unitId` dated in [from, until]. */
export const recordedAreas = async (
  db: DbOrTx,
  unitId: number,
  from: string,
  until: string,
): Promise<Recorded> => {
  const row = await queryOne<Record<RecordingArea, boolean>>(
    db,
    sql`select
      exists (select 1 from member_periods p ${placedJoin(unitId, sql`p.org_unit_id`, sql`greatest(p.valid_from, ${from}::date)`)}
              where p.valid_from <= ${until} and (p.valid_to is null or p.valid_to > ${from})) as members,
      exists (select 1 from dues_payments d ${onDay(sql`d.member_id`, sql`d.paid_on`)}
              ${placedJoin(unitId, sql`p.org_unit_id`, sql`d.paid_on`)}
              where d.paid_on between ${from} and ${until}) as dues,
      exists (select 1 from party_card_events c ${onDay(sql`c.member_id`, sql`c.action_date`)}
              ${placedJoin(unitId, sql`p.org_unit_id`, sql`c.action_date`)}
              where c.action_date between ${from} and ${until}) as cards,
      exists (select 1 from badge_awards b ${onDay(sql`b.member_id`, sql`b.award_date`)}
              ${placedJoin(unitId, sql`p.org_unit_id`, sql`b.award_date`)}
              where b.award_date between ${from} and ${until}) as badges,
      (exists (select 1 from inspection_cases c join inspection_case_subjects s on s.case_id = c.id
               ${placedJoin(unitId, sql`s.org_unit_id`, sql`c.decision_date`)}
               where c.decision_date between ${from} and ${until})
        or exists (select 1 from discipline_decisions d
               ${placedJoin(unitId, sql`d.org_unit_id`, sql`d.decided_on`)}
               where d.status = 'decided' and d.decided_on between ${from} and ${until})) as inspection`,
  );
  const areas = new Set<RecordingArea>();
  for (const [area, present] of Object.entries(row ?? {}))
    if (present) areas.add(area as RecordingArea);
  return areas;
};
