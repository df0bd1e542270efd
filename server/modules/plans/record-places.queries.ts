import type { TMetricRecord } from '../../../contracts/plans';
import { unitPathLabel } from '../../../domain/text/unit-path';
import { type DbOrTx, queryRows, sql } from '../../db/client';

/**
 * The records behind a figure with the unit each stands in, as a path from below the figure's unit
 * ("Đảng bộ Sở Y tế › Chi bộ Phòng Nghiệp vụ Y"), listed in the member list's order: Vietnamese order
 * of the given name, then the full name (issue 22: the drawer listed bare names). Members and
 * applicants are placed by their current unit; other records keep their order.
 */
export const placeRecords = async (
  db: DbOrTx,
  figureUnitPath: string,
  records: TMetricRecord[],
): Promise<TMetricRecord[]> => {
  const ids = (kind: string) => [
    ...new Set(records.filter((r) => r.kind === kind).map((r) => r.id)),
  ];
  const members = ids('member');
  const applicants = ids('applicant');
  if (members.length === 0 && applicants.length === 0) return records;
  const list = (xs: number[]) =>
    xs.length > 0
      ? sql.join(
          xs.map((x) => sql`${x}`),
          sql`, `,
        )
      : sql`null`;
  const rows = await queryRows<{ kind: string; id: number; names: string[]; rank: number }>(
    db,
    sql`with placed as (
          select 'member' as kind, m.id, m.org_unit_id, m.given_name, m.full_name
          from members m where m.id in (${list(members)})
          union all
          select 'applicant', a.id, a.org_unit_id,
            regexp_replace(a.full_name, '^.* ', ''), a.full_name
          from applicants a where a.id in (${list(applicants)}))
        select p.kind, p.id,
          array(select u.name from org_units u join org_units o on o.id = p.org_unit_id
                where u.path @> o.path and u.path <@ ${figureUnitPath}::ltree
                  and u.path <> ${figureUnitPath}::ltree
                order by nlevel(u.path)) as names,
          (row_number() over (order by p.given_name collate vi, p.full_name collate vi, p.id))::int as rank
        from placed p`,
  );
  const byKey = new Map(rows.map((r) => [`${r.kind}:${r.id}`, r]));
  const placed = records.map((r, i) => {
    const row = byKey.get(`${r.kind}:${r.id}`);
    const names = row?.names ?? [];
    return {
      record:
        names.length > 0
          ? { ...r, orgUnitPath: unitPathLabel(names.slice(0, -1), names.at(-1)!) }
          : r,
      rank: row ? row.rank : rows.length + i,
    };
  });
  return placed.sort((a, b) => a.rank - b.rank).map((p) => p.record);
};
