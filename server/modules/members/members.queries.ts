import { type SQL, sql } from 'drizzle-orm';
import type { TMemberListItem, TMemberListQuery } from '../../../contracts/members';
import {
  type AgeBand,
  activeStatuses,
  ageBandRanges,
  type PartyAgeBand,
  partyAgeBandRanges,
} from '../../../domain/enums/members';
import { toLikeKey } from '../../../domain/text/vietnamese';
import { type DbOrTx, queryOne, queryRows } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { inScope } from '../../platform/access/scope';
import { todayIso } from '../../platform/clock';
import { forbidden, notFound } from '../../platform/errors';
import { activeStatusList } from '../figures';

export type MemberFilter = Omit<TMemberListQuery, 'page' | 'pageSize' | 'sort'>;

const inList = (column: SQL, values: readonly string[]) =>
  sql`${column} in (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

/** Age by year (report year − birth year), as on the statistical forms. */
const yearBands = (
  column: SQL,
  bands: readonly string[],
  ranges: Record<string, [number, number]>,
  year: number,
) =>
  sql`(${sql.join(
    bands.map((b) => {
      const [min, max] = ranges[b];
      return sql`(${year} - extract(year from ${column})::int between ${min} and ${max})`;
    }),
    sql` or `,
  )})`;

/**
 * How a name search finds its rows: `subtree` filters a small subtree's members by name; `keys`
 * reads the matches from the word-prefix index (`member_name_keys`) in key order, so its cost grows
 * with the matches read, not with the members stored.
 */
export type NameSearch = { mode: 'subtree' } | { mode: 'keys'; pattern: string };

export type MemberQuery = {
  from: SQL;
  where: SQL;
  search?: NameSearch;
  /** Members in the party in the chosen subtree (maintained totals). */
  scopeCount: number;
};

/** Up to this many members in the chosen subtree, sorting them beats walking the name-order index. */
const SMALL_SCOPE = 2_000;
/** Up to this many members in the chosen subtree, a name search filters them instead of the keys. */
const SMALL_SEARCH_SCOPE = 20_000;
/**
 * A name search lists and counts at most this many matches. Beyond, the list holds the first ones
 * in word order (the shortest, most exact word matches first), sorted the Vietnamese way, and the
 * total reads "more than 1,000": type more to narrow it.
 */
export const SEARCH_CAP = 1_000;

/** Thresholds, overridable so tests can reach the national-scale paths on the demo bloc. */
export type SearchOptions = { smallSearchScope?: number; searchCap?: number };

/**
 * The chosen unit (the actor's scope when none), checked to be in scope, with the members in the
 * party in its subtree and in the whole tree from the maintained totals: one round trip.
 */
const unitWithSizes = async (db: DbOrTx, actor: Actor, unitId: number) => {
  const row = await queryOne<{ id: number; path: string; scope: number; everyone: number }>(
    db,
    sql`select o.id, o.path::text as path,
          coalesce((select sum(count) from org_member_counts
                    where org_unit_id = o.id and dimension = 'status'), 0)::int as scope,
          coalesce((select sum(c.count) from org_member_counts c join org_units r on r.id = c.org_unit_id
                    where r.parent_id is null and c.dimension = 'status'), 0)::int as everyone
        from org_units o where o.id = ${unitId} and ${inScope(actor, sql`o.path`)}`,
  );
  if (!row) throw notFound('tổ chức đảng');
  return row;
};

/**
 * FROM and WHERE of a member list: scope first, then each filter the user chose. The FROM narrows
 * to name matches or to a small subtree first (`offset 0` keeps the planner from walking the
 * whole name-order index and filtering, the slow plan CONTRIBUTING.md warns of).
 */
export const buildMemberQuery = async (
  db: DbOrTx,
  actor: Actor,
  f: MemberFilter,
  { smallSearchScope = SMALL_SEARCH_SCOPE }: SearchOptions = {},
): Promise<MemberQuery> => {
  const unit = await unitWithSizes(db, actor, f.orgUnitId ?? actor.scopeOrgUnitId);
  const unitPath = unit.path;
  const joinUnits = sql`join org_units o on o.id = m.org_unit_id`;
  const subtreeRows = (and: SQL = sql`true`) =>
    sql`(select * from members m0 where m0.org_unit_id in
        (select id from org_units where path <@ ${unitPath}::ltree) and ${and} offset 0) m ${joinUnits}`;
  let from = sql`members m ${joinUnits}`;
  let search: NameSearch | undefined;
  const q = f.q?.trim();
  const isNumber = q ? /^\d{6,12}$/.test(q) : false;
  const year = Number(todayIso().slice(0, 4));
  const parts: SQL[] = [inScope(actor, sql`o.path`), sql`o.path <@ ${unitPath}::ltree`];
  parts.push(
    f.status?.length ? inList(sql`m.status`, f.status) : sql`m.status in (${activeStatusList})`,
  );
  const sensitiveFilter = Boolean(f.ethnicity?.length || f.religion?.length);
  if (sensitiveFilter && !can(actor, 'member.readSensitive'))
    throw forbidden('Bạn không có quyền lọc theo dân tộc, tôn giáo.');
  if (f.sex) parts.push(sql`m.sex = ${f.sex}`);
  if (f.ethnicity?.length) parts.push(inList(sql`m.ethnicity`, f.ethnicity));
  if (f.religion?.length) parts.push(inList(sql`m.religion`, f.religion));
  if (f.professionalLevel?.length)
    parts.push(inList(sql`m.professional_level`, f.professionalLevel));
  if (f.politicalTheory?.length) parts.push(inList(sql`m.political_theory`, f.politicalTheory));
  if (f.ageBand?.length)
    parts.push(yearBands(sql`m.birth_date`, f.ageBand as AgeBand[], ageBandRanges, year));
  if (f.partyAgeBand?.length)
    parts.push(
      yearBands(sql`m.party_age_from`, f.partyAgeBand as PartyAgeBand[], partyAgeBandRanges, year),
    );
  if (f.admissionYear) parts.push(sql`extract(year from m.admitted_on)::int = ${f.admissionYear}`);
  if (q && isNumber) {
    parts.push(sql`(m.citizen_id = ${q} or m.card_number = ${q} or m.record_number = ${q})`);
  } else if (q) {
    // Diacritic- and case-blind word prefixes: "nguyen van hung" and "van hung" find
    // "Nguyễn Văn Hưng"; "hung" does not find "Phùng".
    const key = toLikeKey(q);
    if (unit.scope <= smallSearchScope) {
      search = { mode: 'subtree' };
      from = subtreeRows(sql`(m0.name_norm like ${`${key}%`} or m0.name_norm like ${`% ${key}%`})`);
    } else {
      // Every word-boundary suffix of every name is a key: one btree range finds the matches.
      const pattern = `${key}%`;
      search = { mode: 'keys', pattern };
      from = sql`(select * from members m0 where m0.id in
        (select k.member_id from member_name_keys k where (k.key collate "C") like ${pattern})
        offset 0) m ${joinUnits}`;
    }
  } else {
    // A small subtree, or a small share of all members: sorting its rows beats walking the index.
    if (unit.scope <= SMALL_SCOPE || unit.scope * 10 < unit.everyone) from = subtreeRows();
  }
  return { from, where: sql.join(parts, sql` and `), search, scopeCount: unit.scope };
};

const orderBy = (sort: TMemberListQuery['sort']): SQL => {
  const dir = sort.startsWith('-') ? sql`desc` : sql`asc`;
  switch (sort.replace('-', '')) {
    case 'birthDate':
      return sql`m.birth_date ${dir}, m.id`;
    case 'admittedOn':
      return sql`m.admitted_on ${dir} nulls last, m.id`;
    default:
      // Vietnamese order: given name, then the full name, with our `vi` collation.
      return sql`m.given_name collate vi ${dir}, m.full_name collate vi ${dir}, m.id`;
  }
};

type ListRow = {
  id: number;
  full_name: string;
  sex: 'male' | 'female';
  birth_date: string;
  status: TMemberListItem['status'];
  org_unit_id: number;
  org_unit_name: string;
  admitted_on: string | null;
  recognised_on: string | null;
  position: string | null;
  political_theory: TMemberListItem['politicalTheory'];
  professional_level: TMemberListItem['professionalLevel'];
  ethnicity: string;
};

const listColumns = sql`m.id, m.full_name, m.sex, m.birth_date, m.status, m.org_unit_id,
  o.name as org_unit_name, m.admitted_on, m.recognised_on, m.position, m.political_theory,
  m.professional_level, m.ethnicity`;

const toItem = (r: ListRow, showSensitive: boolean): TMemberListItem => ({
  id: r.id,
  fullName: r.full_name,
  sex: r.sex,
  birthDate: r.birth_date,
  status: r.status,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  admittedOn: r.admitted_on,
  recognisedOn: r.recognised_on,
  position: r.position,
  politicalTheory: r.political_theory,
  professionalLevel: r.professional_level,
  ethnicity: showSensitive ? r.ethnicity : null,
});

/**
 * A list filtered only by subtree and in-party statuses is counted from the maintained totals:
 * one row instead of a scan of every member of a province.
 */
const countFromRollup = async (
  db: DbOrTx,
  actor: Actor,
  f: MemberFilter,
  scopeCount: number,
): Promise<number | null> => {
  const { orgUnitId, status, ...rest } = f;
  const others = Object.values(rest).some((v) =>
    Array.isArray(v) ? v.length > 0 : v !== undefined,
  );
  const statuses = status?.length ? status : activeStatuses;
  if (others || !statuses.every((s) => activeStatuses.includes(s))) return null;
  // Every in-party status: the subtree's total, already read with the unit.
  if (activeStatuses.every((s) => statuses.includes(s))) return scopeCount;
  const unitId = orgUnitId ?? actor.scopeOrgUnitId;
  const row = await queryOne<{ n: number }>(
    db,
    sql`select coalesce(sum(count), 0)::int as n from org_member_counts
        where org_unit_id = ${unitId} and dimension = 'status'
          and ${inList(sql`key`, statuses)}`,
  );
  return row?.n ?? 0;
};

type SearchPageRow = ListRow & { matched: number; key_rows: number };

/**
 * A name search over a large scope reads the first `cap + 1` matching keys in key order (the
 * shortest, most exact word matches first) with the columns the list sorts by, sorts the members
 * behind the first `cap` of them, and fetches only the page's rows: the cost follows the cap, not
 * the members stored. With no more than `cap` matches it is exact (every match, the true total);
 * beyond, the total is the cap and `totalCapped` says there are more. A name matching twice (a
 * repeated word, "Văn Văn") takes two of the keys read, so such matches are capped a little early.
 */
const findByNameKeys = async (
  db: DbOrTx,
  { where, pattern }: { where: SQL; pattern: string },
  query: TMemberListQuery,
  cap: number,
) => {
  const offset = (query.page - 1) * query.pageSize;
  // Both subqueries are fenced (`offset 0`) so the plan is the one above whatever the statistics
  // say (a table just loaded has none): keys in key order drive, each member is checked in turn.
  const found = sql`hits as materialized (
      select row_number() over () as rn, x.* from (
        select m.id, m.given_name, m.full_name, m.birth_date, m.admitted_on
        from (select k.member_id, (k.key collate "C") as key from member_name_keys k
              where (k.key collate "C") like ${pattern}
              order by (k.key collate "C"), k.member_id offset 0) k
        cross join lateral (
          select m.id, m.given_name, m.full_name, m.birth_date, m.admitted_on
          from members m join org_units o on o.id = m.org_unit_id
          where m.id = k.member_id and ${where} offset 0) m
        order by k.key, k.member_id
        limit ${cap + 1}) x
    ), found as materialized (
      select distinct on (id) * from hits where rn <= ${cap} order by id
    )`;
  const counts = sql`(select count(*) from found)::int as matched,
    (select count(*) from hits)::int as key_rows`;
  const rows = await queryRows<SearchPageRow>(
    db,
    sql`with ${found}, page as (
          select m.id from found m
          order by ${orderBy(query.sort)} limit ${query.pageSize} offset ${offset}
        )
        select ${listColumns}, ${counts}
        from page p join members m on m.id = p.id join org_units o on o.id = m.org_unit_id
        order by ${orderBy(query.sort)}`,
  );
  const c =
    rows[0] ??
    (await queryOne<{ matched: number; key_rows: number }>(
      db,
      sql`with ${found} select ${counts}`,
    ));
  const capped = (c?.key_rows ?? 0) > cap;
  return { rows, total: c?.matched ?? 0, totalCapped: capped };
};

/**
 * The parents of the units on a page whose name another unit of the actor's scope also bears
 * (issue 22: "Chi bộ Phòng Nghiệp vụ 1" exists under many organisations). One query per page; the
 * parent only when it lies in the scope, so nothing above the user's subtree is named.
 */
const withHomonymParents = async (
  db: DbOrTx,
  actor: Actor,
  items: TMemberListItem[],
): Promise<TMemberListItem[]> => {
  const unitIds = [...new Set(items.map((i) => i.orgUnitId))];
  if (unitIds.length === 0) return items;
  const rows = await queryRows<{ id: number; parent_name: string }>(
    db,
    sql`select o.id, p.name as parent_name
        from org_units o join org_units p on p.id = o.parent_id
        where o.id in (${sql.join(
          unitIds.map((id) => sql`${id}`),
          sql`, `,
        )}) and ${inScope(actor, sql`p.path`)}
          and exists (select 1 from org_units x
                      where x.name = o.name and x.id <> o.id and x.dissolved_on is null
                        and ${inScope(actor, sql`x.path`)})`,
  );
  const parents = new Map(rows.map((r) => [Number(r.id), r.parent_name]));
  return items.map((i) => ({ ...i, orgUnitParentName: parents.get(i.orgUnitId) ?? null }));
};

export const findMembers = async (
  db: DbOrTx,
  actor: Actor,
  query: TMemberListQuery,
  options: SearchOptions = {},
) => {
  const { from, where, search, scopeCount } = await buildMemberQuery(db, actor, query, options);
  const showSensitive = can(actor, 'member.readSensitive');
  if (search?.mode === 'keys') {
    const found = await findByNameKeys(
      db,
      { where, pattern: search.pattern },
      query,
      options.searchCap ?? SEARCH_CAP,
    );
    return {
      items: await withHomonymParents(
        db,
        actor,
        found.rows.map((r) => toItem(r, showSensitive)),
      ),
      total: found.total,
      totalCapped: found.totalCapped,
    };
  }
  const offset = (query.page - 1) * query.pageSize;
  const { page: _p, pageSize: _s, sort: _o, ...filter } = query;
  const rows = await queryRows<ListRow>(
    db,
    sql`select ${listColumns} from ${from}
        where ${where} order by ${orderBy(query.sort)} limit ${query.pageSize} offset ${offset}`,
  );
  const total =
    (await countFromRollup(db, actor, filter, scopeCount)) ??
    (await queryOne<{ n: number }>(db, sql`select count(*)::int as n from ${from} where ${where}`))
      ?.n ??
    0;
  return {
    items: await withHomonymParents(
      db,
      actor,
      rows.map((r) => toItem(r, showSensitive)),
    ),
    total,
    totalCapped: false,
  };
};

/** Every row of a filtered list, in pages, for exports (bounded memory). */
export async function* iterateMembers(
  db: DbOrTx,
  actor: Actor,
  query: TMemberListQuery,
  batch = 2000,
): AsyncGenerator<TMemberListItem[]> {
  const { from, where } = await buildMemberQuery(db, actor, query);
  const showSensitive = can(actor, 'member.readSensitive');
  for (let offset = 0; ; offset += batch) {
    const rows = await queryRows<ListRow>(
      db,
      sql`select ${listColumns} from ${from}
          where ${where} order by ${orderBy(query.sort)} limit ${batch} offset ${offset}`,
    );
    if (rows.length === 0) return;
    yield rows.map((r) => toItem(r, showSensitive));
    if (rows.length < batch) return;
  }
}
