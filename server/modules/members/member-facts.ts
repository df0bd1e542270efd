// Maintained per-day counts of member events for every subtree (`org_fact_counts`), so that period
// figures (admissions, recognitions, transfers, removals… of a year, at any as-of date) are a range
// read of one unit's rows instead of a scan of events placed in the tree (issue 8; ENGINEERING.md
// "figures over a large subtree never scan members").
//
// Placement is the catalogue's rule (plans/metrics/placement.ts): an event counts for its cell, or
// for an event without a cell (transfer out, death, removal…) the cell the member was in before it,
// and for every unit that held that cell ON THE EVENT'S DATE. Each event's placed path is kept in
// `member_event_facts`, so a change takes back exactly what it added: recounting a member subtracts
// their stored facts and adds them again from the events, the periods and the tree as they are now.
// Every writer of member events or of the tree's history calls one of the functions below inside its
// own transaction; `member-facts.db.test.ts` checks the counts equal the scan on random subtrees.
import type { SQL } from 'drizzle-orm';
import { type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { memberUnitBefore } from '../plans/metrics/placement';
import { activeStatusList } from './member-rollup';

/** Add `sign` × the stored event facts and membership deltas selected by `where` (alias `f`). */
const applyStoredFacts = async (tx: DbOrTx, where: SQL, sign: 1 | -1) => {
  const upsert = sql`on conflict (org_unit_id, kind, day)
    do update set count = org_fact_counts.count + excluded.count`;
  await tx.execute(sql`
    insert into org_fact_counts (org_unit_id, kind, day, count)
    select a.id::int, f.kind, f.day, ${sign} * count(*)::int
    from member_event_facts f
    cross join lateral unnest(string_to_array(f.path::text, '.')) as a(id)
    where ${where}
    group by 1, 2, 3
    ${upsert}`);
  await tx.execute(sql`
    insert into org_fact_counts (org_unit_id, kind, day, count)
    select a.id::int, 'status:' || f.status, f.day, ${sign} * sum(f.delta)::int
    from member_status_facts f
    cross join lateral unnest(string_to_array(f.path::text, '.')) as a(id)
    where ${where}
    group by 1, 2, 3
    ${upsert}`);
};

/**
 * The path of `unit` on `date` exactly as `placedUnits` places it: the history row valid that day, or
 * today's path for a day before the unit's first history row; none after a unit's history ended.
 */
const placedPathOn = (unit: SQL, date: SQL) => sql`coalesce(
  (select h.path from org_unit_history h where h.org_unit_id = ${unit}
     and h.valid_from <= ${date} and (h.valid_to is null or h.valid_to > ${date})
   order by h.valid_from desc limit 1),
  (select o.path from org_units o where o.id = ${unit} and not exists (
     select 1 from org_unit_history h where h.org_unit_id = ${unit} and h.valid_from <= ${date})))`;

/** Place the events selected by `where` (alias `e`) and store them. */
const placeEvents = (tx: DbOrTx, where: SQL) =>
  tx.execute(sql`
    insert into member_event_facts (event_id, member_id, kind, day, path)
    select id, member_id, kind, event_date, path from (
      select e.id, e.member_id, e.kind, e.event_date,
        ${placedPathOn(sql`coalesce(e.org_unit_id, ${memberUnitBefore(sql`e.member_id`, sql`e.event_date`)})`, sql`e.event_date`)} as path
      from member_events e
      where ${where}) placed
    where path is not null`);

/**
 * Cut the periods in the party of the members selected by `where` (alias `p`) by their cell's history
 * rows (the same rows the scan of members at a date joins) and store +1 / −1 at each piece's ends.
 */
const placePeriods = (tx: DbOrTx, where: SQL) =>
  tx.execute(sql`
    insert into member_status_facts (member_id, status, day, delta, path)
    select member_id, status, day, delta, path from (
      select p.member_id, p.status, h.path,
        greatest(p.valid_from, h.valid_from) as starts,
        case when p.valid_to is null then h.valid_to when h.valid_to is null then p.valid_to
             else least(p.valid_to, h.valid_to) end as ends
      from member_periods p
      join org_unit_history h on h.org_unit_id = p.org_unit_id
        and h.valid_from < coalesce(p.valid_to, 'infinity'::date)
        and coalesce(h.valid_to, 'infinity'::date) > p.valid_from
      where ${where} and p.status in (${activeStatusList})) piece
    cross join lateral (values (starts, 1), (ends, -1)) as d(day, delta)
    where d.day is not null and starts < coalesce(ends, 'infinity'::date)`);

/** `(v1, v2, …)` for an `in` clause. */
const valueList = (values: readonly (number | string)[]) =>
  sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

/** Take back and add again the facts of the members in `members` (an SQL set of member ids). */
export const recountMembersIn = async (tx: DbOrTx, members: SQL) => {
  await applyStoredFacts(tx, sql`f.member_id in ${members}`, -1);
  await tx.execute(sql`delete from member_event_facts where member_id in ${members}`);
  await tx.execute(sql`delete from member_status_facts where member_id in ${members}`);
  await placeEvents(tx, sql`e.member_id in ${members}`);
  await placePeriods(tx, sql`p.member_id in ${members}`);
  // Rows that fall to 0 stay (they sum to nothing); deleting them would scan the table each time.
  await applyStoredFacts(tx, sql`f.member_id in ${members}`, 1);
};

/** Recount the events of these members (after their events or periods changed). */
export const recountMemberFacts = async (tx: DbOrTx, memberIds: readonly number[]) => {
  if (memberIds.length > 0) await recountMembersIn(tx, valueList([...new Set(memberIds)]));
};

/**
 * The tree changed around `unitId` (a merge, move, split or dissolution rewrote its history): recount
 * the members whose events were placed under it or who were ever in one of its cells.
 */
export const recountFactsUnder = async (tx: DbOrTx, unitId: number) => {
  const lquery = sql`${`*.${unitId}.*`}::lquery`;
  await tx.execute(sql`create temporary table if not exists recount_members
    (member_id int primary key) on commit drop`);
  await tx.execute(sql`delete from recount_members`);
  await tx.execute(sql`insert into recount_members
    select f.member_id from member_event_facts f where f.path ~ ${lquery}
    union
    select p.member_id from member_periods p join org_units o on o.id = p.org_unit_id
    where o.path ~ ${lquery}`);
  await recountMembersIn(tx, sql`(select member_id from recount_members)`);
};

/** Rebuild everything from the events (bulk loads, restore, upgrade). */
export const rebuildMemberFacts = async (tx: DbOrTx) => {
  await tx.execute(sql`delete from org_fact_counts`);
  await tx.execute(sql`delete from member_event_facts`);
  await tx.execute(sql`delete from member_status_facts`);
  await placeEvents(tx, sql`true`);
  await placePeriods(tx, sql`true`);
  await applyStoredFacts(tx, sql`true`, 1);
};

/** An installation upgraded to the rollup has events but no facts yet: build them once. */
export const ensureMemberFacts = async (tx: DbOrTx) => {
  const r = await queryOne<{ missing: boolean }>(
    tx,
    sql`select exists (select 1 from member_events)
          and not exists (select 1 from member_event_facts) as missing`,
  );
  if (r?.missing) await rebuildMemberFacts(tx);
};

/** Members in the party of these statuses under `unitId` on `date`, in the tree of that day. */
export const countMembersOn = async (
  db: DbOrTx,
  unitId: number,
  statuses: readonly string[],
  date: string,
): Promise<number> => {
  const r = await queryOne<{ n: number }>(
    db,
    sql`select coalesce(sum(count), 0)::int as n from org_fact_counts
        where org_unit_id = ${unitId} and kind in ${valueList(statuses.map((s) => `status:${s}`))}
          and day <= ${date}`,
  );
  return Number(r?.n ?? 0);
};

/** Events of these kinds placed under `unitId`, dated in [from, until]: one range read. */
export const countMemberFacts = async (
  db: DbOrTx,
  unitId: number,
  kinds: readonly string[],
  from: string,
  until: string,
): Promise<number> => {
  const r = await queryOne<{ n: number }>(
    db,
    sql`select coalesce(sum(count), 0)::int as n from org_fact_counts
        where org_unit_id = ${unitId} and kind in ${valueList(kinds)}
          and day >= ${from} and day <= ${until}`,
  );
  return Number(r?.n ?? 0);
};

/** The same figure month by month over [from, until]: `[{ month: 1…12, count }]`, months with none left out. */
export const monthlyMemberFacts = async (
  db: DbOrTx,
  unitId: number,
  kinds: readonly string[],
  from: string,
  until: string,
): Promise<{ month: number; count: number }[]> =>
  (
    await queryRows<{ month: number; count: number }>(
      db,
      sql`select extract(month from day)::int as month, sum(count)::int as count
          from org_fact_counts
          where org_unit_id = ${unitId} and kind in ${valueList(kinds)}
            and day >= ${from} and day <= ${until}
          group by 1 order by 1`,
    )
  ).map((r) => ({ month: Number(r.month), count: Number(r.count) }));
