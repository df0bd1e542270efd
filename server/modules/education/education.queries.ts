// Counts of political education, computed from the records (docs/domain/education.md): the programme
// page, a review's figures (sơ kết, tổng kết — never typed in) and the metric catalogue all read these.
// A subtree is given by its root's ltree path; units are taken as they are today (a cell dissolved
// before the period's end is not required).
import type { TProgrammeCounts } from '../../../contracts/education';
import { type DbOrTx, queryOne, queryRows, sql } from '../../db/client';

export type CountsScope = {
  /** ltree path of the subtree's root. */
  rootPath: string;
  /** One programme, or every programme (null). */
  programmeId: number | null;
  from: string;
  to: string;
};

/** Units that must take part: the cells (chi bộ) of the subtree, existing at the period's end. */
const requiredCells = (s: CountsScope) => sql`(
  select o.id, o.name from org_units o
  where o.path <@ ${s.rootPath}::ltree and o.kind in ('cell', 'grassroots_cell')
    and o.established_on <= ${s.to} and (o.dissolved_on is null or o.dissolved_on > ${s.to}))`;

/** Full and probationary members of those cells at the period's end. */
const requiredMembers = (s: CountsScope) => sql`(
  select p.member_id, p.org_unit_id from member_periods p
  where p.org_unit_id in (select id from ${requiredCells(s)} rc)
    and p.valid_from <= ${s.to} and (p.valid_to is null or p.valid_to > ${s.to})
    and p.status in ('full', 'probationary'))`;

const programmeFilter = (column: string, s: CountsScope) =>
  s.programmeId == null ? sql`true` : sql`${sql.raw(column)} = ${s.programmeId}`;

const activitiesIn = (s: CountsScope) => sql`(
  select a.* from study_activities a join org_units o on o.id = a.org_unit_id
  where o.path <@ ${s.rootPath}::ltree and a.held_on between ${s.from} and ${s.to}
    and ${programmeFilter('a.programme_id', s)})`;

const commitmentsIn = (s: CountsScope) => sql`(
  select c.* from study_commitments c
  where c.year between extract(year from ${s.from}::date) and extract(year from ${s.to}::date)
    and ${programmeFilter('c.programme_id', s)})`;

const modelsIn = (s: CountsScope) => sql`(
  select x.* from exemplary_models x join org_units o on o.id = x.org_unit_id
  where o.path <@ ${s.rootPath}::ltree and ${programmeFilter('x.programme_id', s)})`;

export const educationCounts = async (db: DbOrTx, s: CountsScope): Promise<TProgrammeCounts> => {
  const row = await queryOne<Record<keyof TProgrammeCounts, string | number>>(
    db,
    sql`select
      (select count(*) from ${requiredCells(s)} rc) as "unitsRequired",
      (select count(distinct a.org_unit_id) from ${activitiesIn(s)} a
        where a.org_unit_id in (select id from ${requiredCells(s)} rc)) as "unitsWithActivities",
      (select count(*) from ${activitiesIn(s)} a) as "activities",
      (select coalesce(sum(a.participants), 0) from ${activitiesIn(s)} a) as "participants",
      (select count(distinct rm.member_id) from ${requiredMembers(s)} rm) as "membersRequired",
      (select count(distinct c.member_id) from ${commitmentsIn(s)} c
        where c.member_id in (select member_id from ${requiredMembers(s)} rm))
        as "membersWithCommitments",
      (select count(*) from ${modelsIn(s)} x where x.registered_on between ${s.from} and ${s.to})
        as "modelsRegistered",
      (select count(*) from ${modelsIn(s)} x where x.status = 'recognised'
        and x.reviewed_on between ${s.from} and ${s.to}) as "modelsRecognised"`,
  );
  const n = (k: keyof TProgrammeCounts) => Number(row?.[k] ?? 0);
  return {
    unitsRequired: n('unitsRequired'),
    unitsWithActivities: n('unitsWithActivities'),
    activities: n('activities'),
    participants: n('participants'),
    membersRequired: n('membersRequired'),
    membersWithCommitments: n('membersWithCommitments'),
    modelsRegistered: n('modelsRegistered'),
    modelsRecognised: n('modelsRecognised'),
  };
};

/** Per required cell: its activities in the period and its members' commitments. */
export const educationCoverage = (db: DbOrTx, s: CountsScope) =>
  queryRows<{
    org_unit_id: number;
    org_unit_name: string;
    activities: number;
    last_held_on: string | null;
    members: number;
    commitments: number;
  }>(
    db,
    sql`select rc.id as org_unit_id, rc.name as org_unit_name,
          (select count(*)::int from ${activitiesIn(s)} a where a.org_unit_id = rc.id) as activities,
          (select max(a.held_on)::text from ${activitiesIn(s)} a where a.org_unit_id = rc.id)
            as last_held_on,
          (select count(*)::int from ${requiredMembers(s)} rm where rm.org_unit_id = rc.id) as members,
          (select count(distinct c.member_id)::int from ${commitmentsIn(s)} c
            where c.member_id in (select member_id from ${requiredMembers(s)} rm
              where rm.org_unit_id = rc.id)) as commitments
        from ${requiredCells(s)} rc order by rc.name collate vi`,
  );

/** Records behind the figures (metric drill-down). */
export const educationRecords = {
  programmes: (db: DbOrTx, s: CountsScope) =>
    queryRows<{ id: number; label: string; date: string }>(
      db,
      sql`select p.id, p.title as label, p.from_date::text as date from study_programmes p
          join org_units o on o.id = p.org_unit_id
          where o.path <@ ${s.rootPath}::ltree and p.from_date <= ${s.to}
            and (p.to_date is null or p.to_date >= ${s.from})
          order by p.from_date, p.id`,
    ),
  unitsWithActivities: (db: DbOrTx, s: CountsScope) =>
    queryRows<{ id: number; label: string; date: string }>(
      db,
      sql`select rc.id, rc.name as label, max(a.held_on)::text as date
          from ${requiredCells(s)} rc join ${activitiesIn(s)} a on a.org_unit_id = rc.id
          group by rc.id, rc.name order by rc.name collate vi`,
    ),
  membersWithCommitments: (db: DbOrTx, s: CountsScope) =>
    queryRows<{ id: number; label: string; date: string }>(
      db,
      sql`select m.id, m.full_name as label, max(c.signed_on)::text as date
          from ${commitmentsIn(s)} c join members m on m.id = c.member_id
          where c.member_id in (select member_id from ${requiredMembers(s)} rm)
          group by m.id, m.full_name order by m.full_name collate vi`,
    ),
  models: (db: DbOrTx, s: CountsScope, recognised: boolean) =>
    queryRows<{ id: number; label: string; date: string }>(
      db,
      recognised
        ? sql`select x.id, x.title as label, x.reviewed_on::text as date from ${modelsIn(s)} x
              where x.status = 'recognised' and x.reviewed_on between ${s.from} and ${s.to}
              order by x.reviewed_on, x.id`
        : sql`select x.id, x.title as label, x.registered_on::text as date from ${modelsIn(s)} x
              where x.registered_on between ${s.from} and ${s.to} order by x.registered_on, x.id`,
    ),
};
