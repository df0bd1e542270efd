import { type DbOrTx, sql } from '../../db/client';
import { idOf } from './id-of';

/** A movement launched by the unit for its subtree in 2026; returns its id. */
export const movementIn = (db: DbOrTx, orgUnitId: number): Promise<number> =>
  idOf(
    db,
    sql`insert into emulation_movements (org_unit_id, name, criteria, from_date, to_date)
        values (${orgUnitId}, 'Dân vận khéo (thử quyền)', 'Có mô hình dân vận khéo', '2026-01-10', '2026-12-31')
        returning id`,
  );

/** A unit's registration in the movement; several may stand side by side (no member). */
export const registrationIn = (
  db: DbOrTx,
  movementId: number,
  orgUnitId: number,
): Promise<number> =>
  idOf(
    db,
    sql`insert into movement_registrations (movement_id, org_unit_id, registered_on)
        values (${movementId}, ${orgUnitId}, '2026-02-01') returning id`,
  );

/** A commendation of the unit proposed by itself (a certificate, 2025); returns its id. */
export const commendationIn = (db: DbOrTx, orgUnitId: number): Promise<number> =>
  idOf(
    db,
    sql`insert into commendations (proposing_org_unit_id, subject_kind, subject_org_unit_id, form, year,
          achievements, proposed_on)
        values (${orgUnitId}, 'organisation', ${orgUnitId}, 'certificate', 2025, 'Thử quyền', '2026-01-12')
        returning id`,
  );
