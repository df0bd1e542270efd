// The models (mô hình, điển hình) proposed and rated at a movement's review. The table
// `exemplary_models` belongs to the education module; until its face exports a query for a movement's
// models, this small read of the rows with `movement_id` stands in (scoped to the actor's subtree).
import type { TMovementModel } from '../../../contracts/emulation';
import { type DbOrTx, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';

export const movementModels = async (
  db: DbOrTx,
  actor: Actor,
  movementId: number,
): Promise<TMovementModel[]> => {
  const rows = await queryRows<{
    id: number;
    org_unit_name: string;
    member_name: string | null;
    title: string;
    field: string | null;
    registered_on: string;
    status: string;
    reviewed_on: string | null;
    decision_ref: string | null;
  }>(
    db,
    sql`select x.id, o.name as org_unit_name, mb.full_name as member_name, x.title, x.field,
          x.registered_on, x.status, x.reviewed_on, x.decision_ref
        from exemplary_models x join org_units o on o.id = x.org_unit_id
        left join members mb on mb.id = x.member_id
        where x.movement_id = ${movementId} and ${inScope(actor, sql`o.path`)}
        order by x.status = 'recognised' desc, x.registered_on, x.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    orgUnitName: r.org_unit_name,
    memberName: r.member_name,
    title: r.title,
    field: r.field,
    registeredOn: r.registered_on,
    status: r.status,
    reviewedOn: r.reviewed_on,
    decisionRef: r.decision_ref,
  }));
};
