import { type Db, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';

/** "Chi bộ X – Đảng bộ Y" when the name alone is not unique in the actor's subtree. */
export const cellLabels = async (db: Db, actor: Actor): Promise<Map<number, string>> => {
  const rows = await queryRows<{ id: number; name: string; parent_name: string | null; n: number }>(
    db,
    sql`select o.id, o.name, p.name as parent_name,
          count(*) over (partition by lower(immutable_unaccent(o.name)))::int as n
        from org_units o left join org_units p on p.id = o.parent_id
        where ${inScope(actor, sql`o.path`)} and o.kind in ('cell', 'grassroots_cell')`,
  );
  return new Map(
    rows.map((r) => [r.id, r.n > 1 && r.parent_name ? `${r.name} – ${r.parent_name}` : r.name]),
  );
};
