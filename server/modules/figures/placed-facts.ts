// Maintained per-day sums of placed facts for every subtree (`org_fact_counts`), so that the figures of
// dashboards and targets are a range read of one unit's rows instead of a scan of facts placed in the
// tree (issue 8; figures over a large subtree never scan members: docs/ARCHITECTURE.md, "The read models").
//
// Placement is the catalogue's rule (./placement.ts): a fact counts for the unit where it was recorded
// and for every unit that held that unit ON THE FACT'S DATE. The facts kept:
// - source 'member': each member event (kind = the event's kind, amount 1; an event without a cell is
//   placed by the cell the member was in before it); their time in the party cut by their cell's history
//   (`status:<status>`, +1 where a piece begins, −1 where it ends: summed up to a day, the members of a
//   status in the tree of that day; also summed by year, `status:<status>@year`); their dues payments
//   (`dues`, the amount, placed by their cell on the day paid), Party badges (`badge`) and first party
//   cards (`card_issued`), each placed by their cell on its date;
// - source 'evaluation_record': a decided yearly evaluation (`evaluation:<year>:<subject kind>:rated`,
//   and `…:good`, `…:excellent`, `…:cultural` when they hold), on the decision date;
// - source 'dissemination' (one source per unit): for every resolution plan whose study the unit's
//   history rows were required to hold, `dissemination:<resolution>:required`, `…:held` and
//   `…:action_programme` as +1/−1 steps, so that their sum up to a day A is the coverage of
//   server/modules/resolutions/coverage.queries.ts at asOf A (units required in the tree of
//   min(deadline, A), of which those with a session / an action programme dated by A).
// Each placed row is kept in `placed_facts` with its path, so a change takes back exactly what it added:
// a recount subtracts the stored rows of the changed sources and adds them again from the source tables
// and the tree as they are now. Every writer of these sources or of the tree's history marks what it
// changed in its transaction (./changes.ts), which runs the recounts below once before the commit;
// `placed-facts.db.test.ts` checks the sums equal the scans.
import type { SQL } from 'drizzle-orm';
import { activeStatuses } from '../../../domain/enums/members';
import { type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { memberUnitBefore, placedPathOn } from './placement';

type Source = 'member' | 'evaluation_record' | 'dissemination';

/**
 * The membership steps (`status:<status>`) are also summed by year: `status:<status>@year`, dated
 * 1 January, holds the sum of that year's daily rows (kept by the same statement as they are).
 */
export const YEAR_SUFFIX = '@year';

/** `(v1, v2, …)` for an `in` clause. */
const valueList = (values: readonly (number | string)[]) =>
  sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

/**
 * Every unit's intervals in the tree with its path then, exactly as `placedUnits` places facts: its
 * history rows, and today's path before its first history row. Joined on (unit, day) it gives the path
 * a fact counts under; a day after a unit's history ended finds none.
 */
const placedIntervals = sql`(
  select h.org_unit_id as unit_id, h.valid_from, h.valid_to, h.path from org_unit_history h
  union all
  select o.id, '0001-01-01'::date, f.first_from, o.path
  from org_units o left join (
    select org_unit_id, min(valid_from) as first_from from org_unit_history group by 1) f
    on f.org_unit_id = o.id)`;

/**
 * Join the path a fact of `unit` on `day` counts under, as `pi.path`: a hash join over every unit's
 * intervals for bulk work (a rebuild, an import, a restructuring), lookups per row for a few sources.
 */
type PlacedOn = (unit: SQL, day: SQL) => SQL;
const placedOnBulk: PlacedOn = (unit, day) => sql`
  join ${placedIntervals} pi on pi.unit_id = ${unit}
    and pi.valid_from <= ${day} and (pi.valid_to is null or pi.valid_to > ${day})`;
const placedOnLookup: PlacedOn = (unit, day) => sql`
  join lateral (select ${placedPathOn(unit, day)} as path) pi on pi.path is not null`;

/** Which sources: `(column) => condition` on a source id column (a set, or a range for bulk loads). */
type Match = (column: SQL) => SQL;
const inSet =
  (ids: SQL): Match =>
  (column) =>
    sql`${column} in ${ids}`;
const between =
  (first: number, last: number): Match =>
  (column) =>
    sql`${column} between ${first} and ${last}`;

/**
 * Rows of the matched members' dated facts in one table (`f`: dues paid, badges, first cards), each
 * placed by the member's cell on its day; `amount` 1 unless given (the sum paid).
 */
const cellFacts = (
  ids: Match,
  placedOn: PlacedOn,
  f: { from: SQL; kind: string; day: SQL; amount?: SQL; where?: SQL },
) => sql`
  select f.member_id, ${f.kind}::text, ${f.day}, ${f.amount ?? sql`1`}::bigint, pi.path
  from ${f.from}
  join member_periods p on p.member_id = f.member_id
    and p.valid_from <= ${f.day} and (p.valid_to is null or p.valid_to > ${f.day})
  ${placedOn(sql`p.org_unit_id`, f.day)}
  where ${ids(sql`f.member_id`)} ${f.where ? sql`and ${f.where}` : sql``}`;

/** Rows `(source_id, kind, day, amount, path)` of the facts of the matched members. */
const memberFactRows = (ids: Match, placedOn: PlacedOn) => sql`
  select e.member_id as source_id, e.kind, e.event_date as day, 1::bigint as amount, pi.path
  from (select e.*, coalesce(e.org_unit_id,
          ${memberUnitBefore(sql`e.member_id`, sql`e.event_date`)}) as placed_unit
        from member_events e where ${ids(sql`e.member_id`)}) e
  ${placedOn(sql`e.placed_unit`, sql`e.event_date`)}
  union all
  select piece.member_id, 'status:' || piece.status, d.day, d.delta, piece.path
  from (
    select p.member_id, p.status, h.path, greatest(p.valid_from, h.valid_from) as starts,
      case when p.valid_to is null then h.valid_to when h.valid_to is null then p.valid_to
           else least(p.valid_to, h.valid_to) end as ends
    from member_periods p
    join org_unit_history h on h.org_unit_id = p.org_unit_id
      and h.valid_from < coalesce(p.valid_to, 'infinity'::date)
      and coalesce(h.valid_to, 'infinity'::date) > p.valid_from
    where ${ids(sql`p.member_id`)} and p.status in ${valueList(activeStatuses)}) piece
  cross join lateral (values (piece.starts, 1::bigint), (piece.ends, -1::bigint)) as d(day, delta)
  where d.day is not null and piece.starts < coalesce(piece.ends, 'infinity'::date)
  union all
  ${cellFacts(ids, placedOn, {
    from: sql`dues_payments f`,
    kind: 'dues',
    day: sql`f.paid_on`,
    amount: sql`f.amount`,
  })}
  union all
  ${cellFacts(ids, placedOn, { from: sql`badge_awards f`, kind: 'badge', day: sql`f.award_date` })}
  union all
  ${cellFacts(ids, placedOn, {
    from: sql`party_card_events f`,
    kind: 'card_issued',
    day: sql`f.action_date`,
    where: sql`f.action = 'issued'`,
  })}`;

/** Rows of the matched decided yearly evaluation records: rated, and good / excellent / cultural. */
const evaluationFactRows = (ids: Match, placedOn: PlacedOn) => sql`
  select r.id as source_id, 'evaluation:' || c.year || ':' || r.subject_kind || ':' || f.flag as kind,
    r.decided_on as day, 1::bigint as amount, pi.path
  from evaluation_records r join evaluation_campaigns c on c.id = r.campaign_id
  ${placedOn(sql`r.org_unit_id`, sql`r.decided_on`)}
  cross join lateral (values
    ('rated', true),
    ('good', r.decided_level in ('HTXSNV', 'HTTNV')),
    ('excellent', r.decided_level = 'HTXSNV'),
    ('cultural', coalesce(r.cultural_standard, false))) as f(flag, holds)
  where ${ids(sql`r.id`)} and c.cycle = 'year' and r.decided_level is not null
    and r.decided_on is not null and f.holds`;

/**
 * Rows of the units in `ids` for every resolution plan (source_id = the unit). A history row h of a
 * unit of the plan's kinds under its target unit counts as required while the tree of
 * min(deadline, A) holds it: from h.valid_from when that is on or before the deadline, until
 * h.valid_to when that is on or before the deadline (a row still valid at the deadline counts for
 * every later A). Held: the same row from max(valid_from, the unit's first session) on; action
 * programme: from max(valid_from, its issue date) on. A unit lies under the target (or a subtree
 * root) on a day when its path of that day holds the target's id, as placement.ts reads it.
 */
const disseminationFactRows = (ids: Match) => sql`
  select h.org_unit_id as source_id, 'dissemination:' || p.resolution_id || ':' || f.flag as kind,
    f.day, f.amount, h.path
  from org_unit_history h
  join resolution_plans p on h.kind = any(p.unit_kinds) and h.valid_from <= p.study_deadline
    and h.path ~ ('*.' || p.target_unit_id || '.*')::lquery
  left join lateral (select min(x.held_on) as held_on from dissemination_sessions x
    where x.resolution_id = p.resolution_id and x.org_unit_id = h.org_unit_id) s on true
  left join action_programmes a on a.resolution_id = p.resolution_id
    and a.org_unit_id = h.org_unit_id
  cross join lateral (select
      case when h.valid_to <= p.study_deadline then h.valid_to end as ends,
      greatest(h.valid_from, s.held_on) as held_from,
      greatest(h.valid_from, a.issued_on) as ap_from) e
  cross join lateral (values
    ('required', h.valid_from, 1::bigint, true),
    ('required', e.ends, -1::bigint, true),
    ('held', e.held_from, 1::bigint,
      s.held_on is not null and e.held_from < coalesce(e.ends, 'infinity'::date)),
    ('held', e.ends, -1::bigint,
      s.held_on is not null and e.held_from < coalesce(e.ends, 'infinity'::date)),
    ('action_programme', e.ap_from, 1::bigint,
      a.issued_on is not null and e.ap_from < coalesce(e.ends, 'infinity'::date)),
    ('action_programme', e.ends, -1::bigint,
      a.issued_on is not null and e.ap_from < coalesce(e.ends, 'infinity'::date))
  ) as f(flag, day, amount, holds)
  where ${ids(sql`h.org_unit_id`)} and f.holds and f.day is not null`;

const factRows: Record<Source, (ids: Match, placedOn: PlacedOn) => SQL> = {
  member: memberFactRows,
  evaluation_record: evaluationFactRows,
  dissemination: (ids) => disseminationFactRows(ids),
};

/**
 * Take back the stored facts of these sources (`ids`: an SQL set of ids), place them again from the
 * source tables and the tree as they are now, and move every ancestor's sums by the difference: one
 * statement, whose sum rows are locked in key order so that concurrent recounts cannot deadlock. Rows
 * that fall to 0 stay: they sum to nothing, and deleting them would scan the table at every change.
 */
const recount = (tx: DbOrTx, source: Source, ids: Match, bulk: boolean) =>
  tx.execute(sql`
    with old as (
      delete from placed_facts where source = ${source} and ${ids(sql`source_id`)}
      returning kind, day, -amount as amount, path),
    new as (
      insert into placed_facts (source, source_id, kind, day, amount, path)
      select ${source}, source_id, kind, day, amount, path
      from (${factRows[source](ids, bulk ? placedOnBulk : placedOnLookup)}) t
      returning kind, day, amount, path),
    change as (
      select a.id::int as org_unit_id, f.kind, f.day, sum(f.amount) as total
      from (select * from old union all select * from new) f
      cross join lateral unnest(string_to_array(f.path::text, '.')) as a(id)
      group by 1, 2, 3 having sum(f.amount) <> 0),
    year_change as (
      select org_unit_id, kind || ${YEAR_SUFFIX} as kind, make_date(extract(year from day)::int, 1, 1) as day,
        sum(total) as total
      from change where kind like 'status:%' group by 1, 2, 3 having sum(total) <> 0)
    insert into org_fact_counts (org_unit_id, kind, day, total)
    select org_unit_id, kind, day, total
    from (select * from change union all select * from year_change) c order by 1, 2, 3
    on conflict (org_unit_id, kind, day) do update set total = org_fact_counts.total + excluded.total`);

/** After these members' events, periods, dues, badges or party cards changed. */
export const recountMemberFacts = async (tx: DbOrTx, memberIds: readonly number[]) => {
  if (memberIds.length > 0)
    await recount(tx, 'member', inSet(valueList([...new Set(memberIds)])), memberIds.length > 50);
};

/** After a bulk write: the members in an SQL set (e.g. the rows of an import job). */
export const recountMembersIn = (tx: DbOrTx, memberIds: SQL) =>
  recount(tx, 'member', inSet(memberIds), true);

/**
 * After a bulk load of the members, or of the evaluation records, with ids in [first, last]: range
 * reads of the source tables and of the stored facts, whatever their size (a province of the national
 * benchmark).
 */
export const recountMembersBetween = (tx: DbOrTx, first: number, last: number) =>
  recount(tx, 'member', between(first, last), true);
export const recountEvaluationsBetween = (tx: DbOrTx, first: number, last: number) =>
  recount(tx, 'evaluation_record', between(first, last), true);

/** After these evaluation records changed (a decision, a complaint's outcome, the cultural result). */
export const recountEvaluationFacts = async (tx: DbOrTx, recordIds: readonly number[]) => {
  if (recordIds.length > 0)
    await recount(
      tx,
      'evaluation_record',
      inSet(valueList([...new Set(recordIds)])),
      recordIds.length > 50,
    );
};

/**
 * After a resolution's plan, a unit's session or action programme, or a unit's history (a new unit)
 * changed: the dissemination facts of these units (ids, or an SQL set of ids).
 */
export const recountDisseminationFacts = async (tx: DbOrTx, unitIds: readonly number[] | SQL) => {
  if (!Array.isArray(unitIds))
    return void (await recount(tx, 'dissemination', inSet(unitIds as SQL), true));
  if (unitIds.length > 0)
    await recount(tx, 'dissemination', inSet(valueList([...new Set(unitIds as number[])])), true);
};

/** The units that lay under any of these units at any time (for a plan's target, old and new). */
export const unitsEverUnder = (unitIds: readonly number[]) =>
  sql`(select distinct h.org_unit_id from org_unit_history h where ${sql.join(
    unitIds.map((id) => sql`h.path ~ ${`*.${id}.*`}::lquery`),
    sql` or `,
  )})`;

type Marked = { ids: ReadonlySet<number>; sets: readonly SQL[] };

/**
 * The tree changed around these units: recount, once each, every source placed under any of them
 * (by its stored facts, or by its units as they are now) and the sources marked one by one.
 */
export const recountSourcesUnder = async (
  tx: DbOrTx,
  unitIds: readonly number[],
  marked: Partial<Record<Source, Marked>> = {},
) => {
  const under = (path: SQL) =>
    sql`(${sql.join(
      unitIds.map((id) => sql`${path} ~ ${`*.${id}.*`}::lquery`),
      sql` or `,
    )})`;
  await tx.execute(sql`create temporary table if not exists recount_sources
    (source text, source_id int, primary key (source, source_id)) on commit drop`);
  await tx.execute(sql`delete from recount_sources`);
  await tx.execute(sql`insert into recount_sources
    select source, source_id from placed_facts where ${under(sql`path`)}
    union
    select 'member', p.member_id from member_periods p join org_units o on o.id = p.org_unit_id
    where ${under(sql`o.path`)}
    union
    select 'evaluation_record', r.id from evaluation_records r join org_units o on o.id = r.org_unit_id
    where ${under(sql`o.path`)}
    union
    select 'dissemination', h.org_unit_id from org_unit_history h where ${under(sql`h.path`)}`);
  for (const [source, m] of Object.entries(marked) as [Source, Marked][]) {
    if (m.ids.size > 0)
      await tx.execute(sql`insert into recount_sources
        select ${source}, v.id from (values ${sql.join(
          [...m.ids].map((id) => sql`(${id}::int)`),
          sql`, `,
        )}) as v(id)
        on conflict do nothing`);
    for (const set of m.sets)
      await tx.execute(sql`insert into recount_sources
        select ${source}, s.id from ${set} as s(id) on conflict do nothing`);
  }
  for (const source of ['member', 'evaluation_record', 'dissemination'] as const)
    await recount(
      tx,
      source,
      inSet(sql`(select source_id from recount_sources where source = ${source})`),
      true,
    );
};

/** Rebuild every fact from the source tables (bulk loads, seeds). */
export const rebuildPlacedFacts = async (tx: DbOrTx) => {
  await tx.execute(sql`delete from org_fact_counts`);
  await tx.execute(sql`delete from placed_facts`);
  await recount(tx, 'member', inSet(sql`(select id from members)`), true);
  await recount(tx, 'evaluation_record', inSet(sql`(select id from evaluation_records)`), true);
  await recount(tx, 'dissemination', inSet(sql`(select id from org_units)`), true);
};

/** An installation upgraded to the maintained facts has sources but no facts yet: build them once. */
export const ensurePlacedFacts = async (tx: DbOrTx) => {
  const r = await queryOne<{ missing: boolean }>(
    tx,
    sql`select exists (select 1 from member_events)
          and not exists (select 1 from placed_facts) as missing`,
  );
  if (r?.missing) return rebuildPlacedFacts(tx);
  // Installations upgraded after the member facts were built: the dissemination facts, once.
  const d = await queryOne<{ missing: boolean }>(
    tx,
    sql`select exists (select 1 from resolution_plans)
          and not exists (select 1 from placed_facts where source = 'dissemination') as missing`,
  );
  if (d?.missing) await recountDisseminationFacts(tx, sql`(select id from org_units)`);
  // … and after the badges and first cards joined the member facts (or a backup from before was
  // restored): each member whose badge or first card has no fact yet, by the (source, id) index.
  await recountMembersIn(
    tx,
    sql`(select x.member_id from (
           select member_id, 'badge' as kind from badge_awards
           union select member_id, 'card_issued' from party_card_events where action = 'issued') x
         where not exists (select 1 from placed_facts f where f.source = 'member'
           and f.source_id = x.member_id and f.kind = x.kind))`,
  );
};

/**
 * Dissemination coverage from the maintained sums, per resolution plan: units required, held and with
 * an action programme under `unitId` at asOf (the same figures as coverage.queries.ts reads from the
 * records). `plans`: an SQL condition on resolution_plans `p`.
 */
export const disseminationSums = async (
  db: DbOrTx,
  unitId: number,
  plans: SQL,
  asOf: string,
): Promise<
  {
    resolution_id: number;
    action_programme_required: boolean;
    required: number;
    held: number;
    action_programmes: number;
  }[]
> =>
  (
    await queryRows<{
      resolution_id: number;
      action_programme_required: boolean;
      flag: string;
      n: string | number;
    }>(
      db,
      // A range read of the unit's rows per plan and figure (a join would read all the unit's rows).
      sql`select p.resolution_id, p.action_programme_required, f.flag,
            (select coalesce(sum(c.total), 0) from org_fact_counts c
             where c.org_unit_id = ${unitId} and c.day <= ${asOf}
               and c.kind = 'dissemination:' || p.resolution_id || ':' || f.flag) as n
          from resolution_plans p
          cross join (values ('required'), ('held'), ('action_programme')) as f(flag)
          where ${plans}
          order by 1`,
    )
  ).reduce(
    (out, r) => {
      const id = Number(r.resolution_id);
      let row = out.find((x) => x.resolution_id === id);
      if (!row) {
        row = {
          resolution_id: id,
          action_programme_required: r.action_programme_required,
          required: 0,
          held: 0,
          action_programmes: 0,
        };
        out.push(row);
      }
      const n = Number(r.n);
      if (r.flag === 'required') row.required = n;
      else if (r.flag === 'held') row.held = n;
      else row.action_programmes = n;
      return out;
    },
    [] as {
      resolution_id: number;
      action_programme_required: boolean;
      required: number;
      held: number;
      action_programmes: number;
    }[],
  );

/** The sum of the facts of these kinds under `unitId` dated in [from, until] (a period figure). */
export const sumFacts = async (
  db: DbOrTx,
  unitId: number,
  kinds: readonly string[],
  from: string,
  until: string,
): Promise<number> => {
  const r = await queryOne<{ n: string | number }>(
    db,
    sql`select coalesce(sum(total), 0) as n from org_fact_counts
        where org_unit_id = ${unitId} and kind in ${valueList(kinds)}
          and day >= ${from} and day <= ${until}`,
  );
  return Number(r?.n ?? 0);
};

/**
 * Members in the party of these statuses under `unitId` on `date`, in the tree of that day: the
 * membership steps summed up to that day, whole years before it from their year rows (a province's
 * steps go back decades: tens of thousands of daily rows, against one row a year).
 */
export const countMembersOn = async (
  db: DbOrTx,
  unitId: number,
  statuses: readonly string[],
  date: string,
): Promise<number> => {
  const yearStart = `${date.slice(0, 4)}-01-01`;
  const r = await queryOne<{ n: string | number }>(
    db,
    sql`select coalesce(sum(total), 0) as n from org_fact_counts
        where org_unit_id = ${unitId} and (
          (kind in ${valueList(statuses.map((s) => `status:${s}${YEAR_SUFFIX}`))} and day < ${yearStart})
          or (kind in ${valueList(statuses.map((s) => `status:${s}`))}
            and day >= ${yearStart} and day <= ${date}))`,
  );
  return Number(r?.n ?? 0);
};

/** A period figure month by month: `[{ month: 1…12, count }]`, months with none left out. */
export const monthlyFacts = async (
  db: DbOrTx,
  unitId: number,
  kinds: readonly string[],
  from: string,
  until: string,
): Promise<{ month: number; count: number }[]> =>
  (
    await queryRows<{ month: number; count: string | number }>(
      db,
      sql`select extract(month from day)::int as month, sum(total) as count
          from org_fact_counts
          where org_unit_id = ${unitId} and kind in ${valueList(kinds)}
            and day >= ${from} and day <= ${until}
          group by 1 order by 1`,
    )
  ).map((r) => ({ month: Number(r.month), count: Number(r.count) }));
