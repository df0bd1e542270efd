import { type SQL, sql } from 'drizzle-orm';
import type { TMemberListItem, TMemberListQuery } from '../../../contracts/members';
import {
  type AgeBand,
  activeStatuses,
  ageBandRanges,
  type PartyAgeBand,
  partyAgeBandRanges,
} from '../../../domain/enums/members';
import { type DbOrTx, queryOne, queryRows } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { inScope } from '../../platform/access/scope';
import { forbidden } from '../../platform/errors';
import { todayIso } from '../org-units/org-units.policy';
import { activeStatusList, getUnitInScope, toLikeKey } from '../org-units/org-units.queries';

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

export type MemberQuery = { from: SQL; where: SQL };

/** Up to this many members in the chosen subtree, sorting them beats walking the name-order index. */
const SMALL_SCOPE = 2_000;

/**
 * FROM and WHERE of a member list: scope first, then each filter the user chose. The FROM narrows
 * to name matches or to a small subtree first (`offset 0` keeps the planner from walking the
 * whole name-order index and filtering, the slow plan of performance-limits.md §3).
 */
export const buildMemberQuery = async (
  db: DbOrTx,
  actor: Actor,
  f: MemberFilter,
): Promise<MemberQuery> => {
  const unit = f.orgUnitId
    ? await getUnitInScope(db, actor, f.orgUnitId)
    : { id: actor.scopeOrgUnitId, path: actor.scopePath };
  const unitPath = unit.path;
  const joinUnits = sql`join org_units o on o.id = m.org_unit_id`;
  let from = sql`members m ${joinUnits}`;
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
    // "Nguyễn Văn Hưng"; "hung" does not find "Phùng". Both patterns use the trigram index.
    const key = toLikeKey(q);
    const match = (alias: SQL) =>
      sql`(${alias}.name_norm like ${`${key}%`} or ${alias}.name_norm like ${`% ${key}%`})`;
    parts.push(match(sql`m`));
    from = sql`(select * from members m0 where ${match(sql`m0`)} offset 0) m ${joinUnits}`;
  } else {
    const sizes = await queryOne<{ scope: number; everyone: number }>(
      db,
      sql`select
            coalesce((select sum(count) from org_member_counts
                      where org_unit_id = ${unit.id} and dimension = 'status'), 0)::int as scope,
            coalesce((select sum(c.count) from org_member_counts c join org_units r on r.id = c.org_unit_id
                      where r.parent_id is null and c.dimension = 'status'), 0)::int as everyone`,
    );
    const scope = sizes?.scope ?? 0;
    // A small subtree, or a small share of all members: sorting its rows beats walking the index.
    if (scope <= SMALL_SCOPE || scope * 10 < (sizes?.everyone ?? 0)) {
      from = sql`(select * from members m0 where m0.org_unit_id in
        (select id from org_units where path <@ ${unitPath}::ltree) offset 0) m ${joinUnits}`;
    }
  }
  return { from, where: sql.join(parts, sql` and `) };
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
): Promise<number | null> => {
  const { orgUnitId, status, ...rest } = f;
  const others = Object.values(rest).some((v) =>
    Array.isArray(v) ? v.length > 0 : v !== undefined,
  );
  const statuses = status?.length ? status : activeStatuses;
  if (others || !statuses.every((s) => activeStatuses.includes(s))) return null;
  const unitId = orgUnitId ?? actor.scopeOrgUnitId;
  const row = await queryOne<{ n: number }>(
    db,
    sql`select coalesce(sum(count), 0)::int as n from org_member_counts
        where org_unit_id = ${unitId} and dimension = 'status'
          and ${inList(sql`key`, statuses)}`,
  );
  return row?.n ?? 0;
};

export const findMembers = async (db: DbOrTx, actor: Actor, query: TMemberListQuery) => {
  const { from, where } = await buildMemberQuery(db, actor, query);
  const offset = (query.page - 1) * query.pageSize;
  const { page: _p, pageSize: _s, sort: _o, ...filter } = query;
  const rows = await queryRows<ListRow>(
    db,
    sql`select ${listColumns} from ${from}
        where ${where} order by ${orderBy(query.sort)} limit ${query.pageSize} offset ${offset}`,
  );
  const total =
    (await countFromRollup(db, actor, filter)) ??
    (await queryOne<{ n: number }>(db, sql`select count(*)::int as n from ${from} where ${where}`))
      ?.n ??
    0;
  const showSensitive = can(actor, 'member.readSensitive');
  return { items: rows.map((r) => toItem(r, showSensitive)), total };
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
