// Actors for work done on behalf of accounts without a request (the notifications job): the same
// fields the session resolves, read fresh, so a scheduled read sees exactly what the user would.
import type { Role } from '../../../domain/enums/roles';
import { type DbOrTx, queryRows, sql } from '../../db/client';
import type { Actor } from './actor';

/** Every active account as an actor (scope path read now); `userIds` narrows the set. */
export const activeAccountActors = async (db: DbOrTx, userIds?: number[]): Promise<Actor[]> => {
  const rows = await queryRows<{
    id: number;
    username: string;
    display_name: string;
    role: Role;
    scope_org_unit_id: number;
    scope_path: string;
    member_id: number | null;
  }>(
    db,
    sql`select u.id, u.username, u.display_name, u.role, u.scope_org_unit_id, o.path::text as scope_path,
          u.member_id
        from users u join org_units o on o.id = u.scope_org_unit_id
        where u.is_active ${
          userIds
            ? sql`and u.id in (${sql.join(
                [0, ...userIds].map((id) => sql`${id}`),
                sql`, `,
              )})`
            : sql``
        }
        order by u.id`,
  );
  return rows.map((r) => ({
    userId: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    scopeOrgUnitId: r.scope_org_unit_id,
    scopePath: r.scope_path,
    memberId: r.member_id,
  }));
};
