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

/**
 * For the authorisation matrix: a cell's congress with an approved election of its committee (so
 * edits and deletes are refused after authorisation) and delegates — one for the credentials, and
 * one spare per user so that each allowed delete removes its own row.
 */
export const congressElectionsIn = async (db: DbOrTx, cellId: number, users: readonly string[]) => {
  const parent = (
    await queryRows<{ parent_id: number }>(
      db,
      sql`select parent_id from org_units where id = ${cellId}`,
    )
  )[0]!.parent_id;
  // The 2020–2025 round: the matrix's congress fixture holds the cell's 2025–2030 congress.
  const round = await congressRoundIn(db, parent, 2020);
  const congress = await congressIn(db, round, cellId, { level: 'cell' });
  const members = await queryRows<{ id: number }>(
    db,
    sql`select m.id from members m join org_units o on o.id = m.org_unit_id
        where o.path <@ (select path from org_units where id = ${parent}) and m.status = 'full'
        order by m.id limit ${users.length + 1}`,
  );
  const election = await idOf(
    db,
    sql`insert into congress_elections (congress_id, body, round_no, held_on, seats, majority_base,
          ballots_issued, ballots_returned, ballots_valid, ballots_invalid, status, approved_on,
          approval_ref)
        values (${congress}, 'committee', 1, '2025-05-10', 1, 10, 10, 10, 10, 0, 'approved',
          '2025-05-20', '1-QĐ/TEST') returning id`,
  );
  await db.execute(
    sql`insert into congress_candidates (election_id, member_id, votes, outcome)
        values (${election}, ${members[0]!.id}, 9, 'elected')`,
  );
  const delegateOf = (memberId: number) =>
    idOf(
      db,
      sql`insert into congress_delegates (congress_id, from_org_unit_id, member_id, kind)
          values (${congress}, ${cellId}, ${memberId}, 'appointed') returning id`,
    );
  const delegate = await delegateOf(members[0]!.id);
  const spareDelegate: Record<string, number> = {};
  for (const [i, u] of users.entries()) spareDelegate[u] = await delegateOf(members[i + 1]!.id);
  return { congress, election, delegate, spareDelegate };
};
