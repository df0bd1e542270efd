import type { TOrgUnitNode } from '../../../contracts/org-units';
import type { OrgUnitKind } from '../../../domain/enums/org-units';
import { toLikeKey } from '../../../domain/text/vietnamese';
import { type DbOrTx, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { unitsAsOf } from '../../platform/access/units';
import { activeStatusList } from '../figures';

type NodeRow = {
  id: number;
  parent_id: number | null;
  kind: OrgUnitKind;
  name: string;
  short_name: string | null;
  path: string;
  member_count: number;
  child_count: number;
};

const toNode = (r: NodeRow): TOrgUnitNode => ({
  id: r.id,
  parentId: r.parent_id,
  kind: r.kind,
  name: r.name,
  shortName: r.short_name,
  path: r.path,
  memberCount: Number(r.member_count),
  childCount: Number(r.child_count),
});

/** Today's children (or the scope root) with counts from the maintained totals. */
export const findCurrentChildren = async (
  db: DbOrTx,
  actor: Actor,
  parentId: number | undefined,
): Promise<TOrgUnitNode[]> => {
  const where =
    parentId === undefined ? sql`o.id = ${actor.scopeOrgUnitId}` : sql`o.parent_id = ${parentId}`;
  const rows = await queryRows<NodeRow>(
    db,
    sql`select o.id, o.parent_id, o.kind, o.name, o.short_name, o.path::text as path,
          coalesce((select sum(c.count) from org_member_counts c
                    where c.org_unit_id = o.id and c.dimension = 'status'), 0)::int as member_count,
          (select count(*) from org_units k where k.parent_id = o.id and k.dissolved_on is null)::int as child_count
        from org_units o
        where ${where} and o.dissolved_on is null and ${inScope(actor, sql`o.path`)}
        order by o.name collate vi`,
  );
  return rows.map(toNode);
};

/** Children as they were on a past date, with counts from the member periods of that date. */
export const findChildrenAsOf = async (
  db: DbOrTx,
  actor: Actor,
  parentId: number | undefined,
  asOf: string,
): Promise<TOrgUnitNode[]> => {
  const where =
    parentId === undefined ? sql`u.id = ${actor.scopeOrgUnitId}` : sql`u.parent_id = ${parentId}`;
  const rows = await queryRows<NodeRow>(
    db,
    sql`with units as ${unitsAsOf(actor, asOf)},
        counts as (
          select p.org_unit_id, count(*) as n from member_periods p
          where p.valid_from <= ${asOf} and (p.valid_to is null or p.valid_to > ${asOf})
            and p.status in (${activeStatusList})
          group by 1)
        select u.id, u.parent_id, u.kind, u.name, u.short_name, u.path::text as path,
          coalesce((select sum(c.n) from units d join counts c on c.org_unit_id = d.id
                    where d.path <@ u.path), 0)::int as member_count,
          (select count(*) from units k where k.parent_id = u.id)::int as child_count
        from units u where ${where}
        order by u.name collate vi`,
  );
  return rows.map(toNode);
};

/**
 * Units of the actor's subtree (as of a date) whose name or short name holds the words typed,
 * diacritic-blind ("nghiep vu y" finds "Chi bộ Phòng Nghiệp vụ Y"), each with its path inside the
 * scope. Ordered so the likeliest unit comes first: the whole name, then a name starting with the
 * words, then the words at a word's start, then anywhere; within each, higher units first, then
 * Vietnamese alphabetical order. The subtree is narrowed first (unitsAsOf), so the substring filter
 * runs over the scope's units only (CONTRIBUTING: no ORDER BY … LIMIT over a %substring% index walk).
 */
export const searchUnits = async (
  db: DbOrTx,
  actor: Actor,
  opts: { q: string; asOf: string; kinds?: OrgUnitKind[]; page?: number; pageSize?: number },
) => {
  const key = toLikeKey(opts.q);
  const page = opts.page ?? 1;
  const pageSize = opts.pageSize ?? 50;
  const kindFilter =
    opts.kinds && opts.kinds.length > 0
      ? sql`and m.kind in (${sql.join(
          opts.kinds.map((k) => sql`${k}`),
          sql`, `,
        )})`
      : sql``;
  const rows = await queryRows<
    NodeRow & { ancestor_ids: number[]; ancestor_names: string[]; total: number }
  >(
    db,
    sql`with units as ${unitsAsOf(actor, opts.asOf)},
        keyed as (
          select u.*, lower(immutable_unaccent(u.name)) as name_key,
            lower(immutable_unaccent(coalesce(u.short_name, ''))) as short_key
          from units u),
        matched as (
          select k.*, case
              when k.name_key = ${key} or k.short_key = ${key} then 0
              when k.name_key like ${`${key}%`} or k.short_key like ${`${key}%`} then 1
              when k.name_key like ${`% ${key}%`} then 2
              else 3 end as rank
          from keyed k
          where k.name_key like ${`%${key}%`} or k.short_key like ${`%${key}%`})
        select m.id, m.parent_id, m.kind, m.name, m.short_name, m.path::text as path,
          0 as member_count,
          (select count(*) from units k where k.parent_id = m.id)::int as child_count,
          array(select a.id from units a where a.path @> m.path and a.id <> m.id
                order by nlevel(a.path)) as ancestor_ids,
          array(select a.name from units a where a.path @> m.path and a.id <> m.id
                order by nlevel(a.path)) as ancestor_names,
          count(*) over ()::int as total
        from matched m
        where true ${kindFilter}
        order by m.rank, nlevel(m.path), m.name collate vi, m.id
        limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  return {
    items: rows.map((r) => ({
      ...toNode(r),
      ancestorIds: r.ancestor_ids.map(Number),
      ancestorNames: r.ancestor_names,
    })),
    total: rows[0] ? Number(rows[0].total) : 0,
    page,
    pageSize,
  };
};
