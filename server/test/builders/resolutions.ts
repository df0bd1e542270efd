import { type DbOrTx, sql } from '../../db/client';
import { idOf } from './id-of';

/**
 * A resolution registered by a grassroots committee, with a plan for its own subtree (study by
 * 31 March, an action programme by 30 April); returns the resolution's id.
 */
export const resolutionIn = async (db: DbOrTx, committeeId: number): Promise<number> => {
  const id = await idOf(
    db,
    sql`insert into resolutions (owner_unit_id, issuer_level, issuer_name, kind, number, issued_on, title)
        values (${committeeId}, 'own', 'Đảng ủy', 'resolution', ${`1-NQ/ĐU-${committeeId}`}, '2026-01-05',
          'Nghị quyết thử quyền') returning id`,
  );
  await db.execute(sql`insert into resolution_plans (resolution_id, target_unit_id, unit_kinds,
      study_deadline, action_programme_required, action_programme_deadline)
    values (${id}, ${committeeId}, array['grassroots_committee','cell'], '2026-03-31', true, '2026-04-30')`);
  return id;
};
