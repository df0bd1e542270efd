import { type DbOrTx, queryRows, sql } from '../../db/client';
import { idOf } from './id-of';

/** A congress round run by a committee (2025–2030 unless told), reused when it exists; its id. */
export const congressRoundIn = async (db: DbOrTx, orgUnitId: number, fromYear = 2025) => {
  const found = await queryRows<{ id: number }>(
    db,
    sql`select id from congress_rounds where org_unit_id = ${orgUnitId} and from_year = ${fromYear}`,
  );
  if (found[0]) return found[0].id;
  return idOf(
    db,
    sql`insert into congress_rounds (org_unit_id, name, from_year, to_year)
        values (${orgUnitId}, ${`Đại hội nhiệm kỳ ${fromYear}–${fromYear + 5}`}, ${fromYear},
          ${fromYear + 5}) returning id`,
  );
};

/** A unit's congress in a round (held on 20/6/2025, 20 convened, unless told); its id. */
export const congressIn = (
  db: DbOrTx,
  roundId: number,
  orgUnitId: number,
  fields: {
    kind?: 'members' | 'delegates';
    level?: string;
    heldOn?: string;
    summoned?: number;
  } = {},
): Promise<number> =>
  idOf(
    db,
    sql`insert into congresses (round_id, org_unit_id, level, kind, status, held_on, summoned_count,
          present_count)
        values (${roundId}, ${orgUnitId}, ${fields.level ?? 'grassroots'}, ${fields.kind ?? 'members'},
          'held', ${fields.heldOn ?? '2025-06-20'}, ${fields.summoned ?? 20}, ${fields.summoned ?? 20})
        returning id`,
  );

/** Full members of a unit's subtree on a date (by their period then), first by id. */
export const fullMembersOn = async (db: DbOrTx, unitId: number, date: string, count: number) =>
  queryRows<{ id: number; full_name: string }>(
    db,
    sql`select distinct m.id, m.full_name from members m
        join member_periods p on p.member_id = m.id
        join org_units o on o.id = p.org_unit_id
        where o.path <@ (select path from org_units where id = ${unitId})
          and p.valid_from <= ${date} and (p.valid_to is null or p.valid_to > ${date})
          and p.status = 'full' and m.status = 'full'
        order by m.id limit ${count}`,
  );
