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

/** The WHERE clause of a member list: scope first, then each filter the user chose. */
export const memberWhere = async (db: DbOrTx, actor: Actor, f: MemberFilter): Promise<SQL> => {
  const unitPath = f.orgUnitId
    ? (await getUnitInScope(db, actor, f.orgUnitId)).path
    : actor.scopePath;
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
  if (f.q) {
    const q = f.q.trim();
    if (/^\d{6,12}$/.test(q)) {
      parts.push(sql`(m.citizen_id = ${q} or m.card_number = ${q} or m.record_number = ${q})`);
    } else {
      // Diacritic- and case-blind: "nguyen van hung" finds "Nguyễn Văn Hưng"; matches any part.
      parts.push(sql`m.name_norm like ${`%${toLikeKey(q)}%`}`);
    }
  }
  return sql.join(parts, sql` and `);
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
  const where = await memberWhere(db, actor, query);
  const offset = (query.page - 1) * query.pageSize;
  const { page: _p, pageSize: _s, sort: _o, ...filter } = query;
  const rows = await queryRows<ListRow>(
    db,
    sql`select ${listColumns} from members m join org_units o on o.id = m.org_unit_id
        where ${where} order by ${orderBy(query.sort)} limit ${query.pageSize} offset ${offset}`,
  );
  const total =
    (await countFromRollup(db, actor, filter)) ??
    (
      await queryOne<{ n: number }>(
        db,
        sql`select count(*)::int as n from members m join org_units o on o.id = m.org_unit_id where ${where}`,
      )
    )?.n ??
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
  const where = await memberWhere(db, actor, query);
  const showSensitive = can(actor, 'member.readSensitive');
  for (let offset = 0; ; offset += batch) {
    const rows = await queryRows<ListRow>(
      db,
      sql`select ${listColumns} from members m join org_units o on o.id = m.org_unit_id
          where ${where} order by ${orderBy(query.sort)} limit ${batch} offset ${offset}`,
    );
    if (rows.length === 0) return;
    yield rows.map((r) => toItem(r, showSensitive));
    if (rows.length < batch) return;
  }
}
