// Record access for organisation units: a unit is read or changed only inside the actor's subtree,
// and a unit outside it is "not found", never "forbidden" (its existence is not disclosed).
import type { OrgUnitKind } from '../../../domain/enums/org-units';
import { type DbOrTx, queryOne, sql } from '../../db/client';
import { notFound } from '../errors';
import type { Actor } from './actor';
import { inScope } from './scope';

/** Units valid on a date, as they were then (name, parent, path), within the actor's scope. */
export const unitsAsOf = (actor: Actor, asOf: string) => sql`(
  select h.org_unit_id as id, h.parent_id, h.kind, h.name, h.short_name, h.path
  from org_unit_history h join org_units cur on cur.id = h.org_unit_id
  where h.valid_from <= ${asOf} and (h.valid_to is null or h.valid_to > ${asOf})
    and ${inScope(actor, sql`cur.path`)})`;

export type UnitRow = {
  id: number;
  kind: OrgUnitKind;
  name: string;
  short_name: string | null;
  parent_id: number | null;
  path: string;
  established_on: string;
  dissolved_on: string | null;
  version: number;
};

/** A unit today, only if in the actor's scope; otherwise "not found" (never "forbidden"). */
export const getUnitInScope = async (db: DbOrTx, actor: Actor, id: number, lock = false) => {
  const row = await queryOne<UnitRow>(
    db,
    sql`select id, kind, name, short_name, parent_id, path::text as path, established_on,
          dissolved_on, version
        from org_units o where o.id = ${id} and ${inScope(actor, sql`o.path`)}
        ${lock ? sql`for update` : sql``}`,
  );
  if (!row) throw notFound('tổ chức đảng');
  return row;
};
