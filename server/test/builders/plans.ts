import { type DbOrTx, sql } from '../../db/client';
import { idOf } from './id-of';

/** A plan target of the unit (at least 2 admissions in the year); returns its id. */
export const planTargetIn = (db: DbOrTx, unitId: number, year = 2026): Promise<number> =>
  idOf(
    db,
    sql`insert into plan_targets (org_unit_id, year, title, metric_code, comparator, threshold)
        values (${unitId}, ${year}, 'Kết nạp', 'recruitment.admitted', 'gte', 2) returning id`,
  );

/** A key task of the unit's own, owned by the unit, due at the year's end; returns its id. */
export const keyTaskIn = (db: DbOrTx, unitId: number, year = 2026): Promise<number> =>
  idOf(
    db,
    sql`insert into key_tasks (org_unit_id, year, title, origin, owner_kind, owner_org_unit_id, deadline)
        values (${unitId}, ${year}, 'Nhiệm vụ', 'own', 'unit', ${unitId}, ${`${year}-12-31`}) returning id`,
  );

/** A term of the unit (by default far in the future, so that it overlaps no seeded term). */
export const planTermIn = (
  db: DbOrTx,
  unitId: number,
  years: { from: number; to: number } = { from: 2040, to: 2045 },
  name = 'Nhiệm kỳ thử quyền',
): Promise<number> =>
  idOf(
    db,
    sql`insert into plan_terms (org_unit_id, name, from_year, to_year)
        values (${unitId}, ${name}, ${years.from}, ${years.to}) returning id`,
  );
