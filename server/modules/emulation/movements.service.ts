// Emulation movements (phong trào thi đua; docs/domain/emulation.md). A movement belongs to the
// committee that launched it: its subtree takes part and registers, its ancestors see it. Each actor
// sees the registrations and models of its own subtree only.
import type {
  TMovementDetail,
  TMovementFields,
  TMovementListItem,
  TMovementUpdate,
  TRegistrationInput,
} from '../../../contracts/emulation';
import { toSearchKey } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { emulationMovements, movementRegistrations } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can, isPathInScope } from '../../platform/access/permissions';
import { containsScope, inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { conflict, invalidField, notFound } from '../../platform/errors';
import { movementModels } from './models.queries';

/** A movement is visible in the launching committee's subtree and to its ancestors. */
const visible = (actor: Actor) =>
  sql`(${inScope(actor, sql`ow.path`)} or ${containsScope(actor, sql`ow.path`)})`;

type MovementRow = {
  id: number;
  org_unit_id: number;
  org_unit_name: string;
  owner_path: string;
  name: string;
  launch_ref: string | null;
  criteria: string;
  from_date: string;
  to_date: string;
  note: string | null;
  version: number;
};

export const getVisibleMovement = async (db: DbOrTx, actor: Actor, id: number, lock = false) => {
  const row = await queryOne<MovementRow>(
    db,
    sql`select m.id, m.org_unit_id, ow.name as org_unit_name, ow.path::text as owner_path, m.name,
          m.launch_ref, m.criteria, m.from_date, m.to_date, m.note, m.version
        from emulation_movements m join org_units ow on ow.id = m.org_unit_id
        where m.id = ${id} and ${visible(actor)}
        ${lock ? sql`for update of m` : sql``}`,
  );
  if (!row) throw notFound('phong trào thi đua');
  return row;
};

const canEdit = (actor: Actor, m: Pick<MovementRow, 'owner_path'>) =>
  can(actor, 'emulation.write') && isPathInScope(actor, m.owner_path);

const checkFields = async (db: DbOrTx, actor: Actor, input: TMovementFields) => {
  const owner = await getUnitInScope(db, actor, input.orgUnitId);
  if (input.toDate < input.fromDate)
    throw invalidField('toDate', 'Ngày kết thúc không được trước ngày bắt đầu phong trào.');
  return owner;
};

const values = (input: TMovementFields) => ({
  orgUnitId: input.orgUnitId,
  name: input.name,
  launchRef: input.launchRef ?? null,
  criteria: input.criteria,
  fromDate: input.fromDate,
  toDate: input.toDate,
  note: input.note ?? null,
});

export const createMovement = ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TMovementFields;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const owner = await checkFields(tx, actor, input);
    const [row] = await tx
      .insert(emulationMovements)
      .values({ ...values(input), createdBy: actor.userId })
      .returning({ id: emulationMovements.id, version: emulationMovements.version });
    await writeAudit(tx, {
      actor,
      action: 'emulation.movement.create',
      entityType: 'emulation_movement',
      entityId: row.id,
      orgUnitId: owner.id,
      after: input,
    });
    return row;
  });

export const updateMovement = ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TMovementUpdate;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await getVisibleMovement(tx, actor, id, true);
    if (!canEdit(actor, before)) throw notFound('phong trào thi đua');
    if (before.version !== input.version) throw conflict();
    const owner = await checkFields(tx, actor, input);
    const [row] = await tx
      .update(emulationMovements)
      .set({ ...values(input), version: before.version + 1 })
      .where(sql`id = ${id}`)
      .returning({ id: emulationMovements.id, version: emulationMovements.version });
    await writeAudit(tx, {
      actor,
      action: 'emulation.movement.update',
      entityType: 'emulation_movement',
      entityId: id,
      orgUnitId: owner.id,
      before,
      after: input,
    });
    return row;
  });

export const listMovements = async ({
  db,
  actor,
  year,
  q,
}: {
  db: Db;
  actor: Actor;
  year?: number;
  q?: string;
}): Promise<{ items: TMovementListItem[] }> => {
  const like = q ? `%${toSearchKey(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await queryRows<{
    id: number;
    org_unit_id: number;
    org_unit_name: string;
    name: string;
    launch_ref: string | null;
    from_date: string;
    to_date: string;
    units: number;
    members: number;
    models: number;
    recognised: number;
  }>(
    db,
    sql`select m.id, m.org_unit_id, ow.name as org_unit_name, m.name, m.launch_ref, m.from_date,
          m.to_date,
          (select count(*) from movement_registrations r join org_units o on o.id = r.org_unit_id
            where r.movement_id = m.id and r.member_id is null and ${inScope(actor, sql`o.path`)})::int as units,
          (select count(*) from movement_registrations r join org_units o on o.id = r.org_unit_id
            where r.movement_id = m.id and r.member_id is not null and ${inScope(actor, sql`o.path`)})::int as members,
          (select count(*) from exemplary_models x join org_units o on o.id = x.org_unit_id
            where x.movement_id = m.id and ${inScope(actor, sql`o.path`)})::int as models,
          (select count(*) from exemplary_models x join org_units o on o.id = x.org_unit_id
            where x.movement_id = m.id and x.status = 'recognised' and ${inScope(actor, sql`o.path`)})::int as recognised
        from emulation_movements m join org_units ow on ow.id = m.org_unit_id
        where ${visible(actor)}
          ${year ? sql`and m.from_date <= make_date(${year}, 12, 31) and m.to_date >= make_date(${year}, 1, 1)` : sql``}
          ${like ? sql`and (lower(immutable_unaccent(m.name)) like ${like} or lower(immutable_unaccent(coalesce(m.launch_ref, ''))) like ${like})` : sql``}
        order by m.from_date desc, m.id desc
        limit 200`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_unit_name,
      name: r.name,
      launchRef: r.launch_ref,
      fromDate: r.from_date,
      toDate: r.to_date,
      registeredUnits: r.units,
      registeredMembers: r.members,
      models: r.models,
      recognisedModels: r.recognised,
    })),
  };
};

export const getMovement = async ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<TMovementDetail> => {
  const m = await getVisibleMovement(db, actor, id);
  // Only the counts: the registrations themselves are a paged list (registrations-list.queries.ts).
  const counts = await queryOne<{ units: number; members: number }>(
    db,
    sql`select count(*) filter (where r.member_id is null)::int as units,
          count(*) filter (where r.member_id is not null)::int as members
        from movement_registrations r join org_units o on o.id = r.org_unit_id
        where r.movement_id = ${id} and ${inScope(actor, sql`o.path`)}`,
  );
  return {
    id: m.id,
    orgUnitId: m.org_unit_id,
    orgUnitName: m.org_unit_name,
    name: m.name,
    launchRef: m.launch_ref,
    criteria: m.criteria,
    fromDate: m.from_date,
    toDate: m.to_date,
    note: m.note,
    version: m.version,
    canEdit: canEdit(actor, m),
    registeredUnits: counts?.units ?? 0,
    registeredMembers: counts?.members ?? 0,
    models: await movementModels(db, actor, id),
  };
};

const duplicate = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
};

/**
 * Register a unit, or a member of it, in a movement: the unit must be in the actor's subtree and
 * in the launching committee's; a member is registered under their own cell.
 */
export const registerInMovement = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TRegistrationInput;
}): Promise<{ id: number }> => {
  try {
    return await db.transaction(async (tx) => {
      const m = await getVisibleMovement(tx, actor, id);
      let unit = await getUnitInScope(tx, actor, input.orgUnitId);
      if (!(unit.path === m.owner_path || unit.path.startsWith(`${m.owner_path}.`)))
        throw invalidField('orgUnitId', 'Đơn vị đăng ký phải thuộc cấp ủy phát động phong trào.');
      if (input.memberId) {
        const member = await queryOne<{ org_unit_id: number; path: string }>(
          tx,
          sql`select mb.org_unit_id, o.path::text as path from members mb
              join org_units o on o.id = mb.org_unit_id
              where mb.id = ${input.memberId} and mb.status in ('full', 'probationary')
                and ${inScope(actor, sql`o.path`)}`,
        );
        if (!member || !(member.path === unit.path || member.path.startsWith(`${unit.path}.`)))
          throw invalidField('memberId', 'Đảng viên không thuộc đơn vị đăng ký.');
        unit = await getUnitInScope(tx, actor, member.org_unit_id);
      }
      if (input.registeredOn > m.to_date)
        throw invalidField('registeredOn', 'Ngày đăng ký sau khi phong trào đã kết thúc.');
      const [row] = await tx
        .insert(movementRegistrations)
        .values({
          movementId: id,
          orgUnitId: unit.id,
          memberId: input.memberId ?? null,
          registeredOn: input.registeredOn,
          undertaking: input.undertaking ?? null,
          createdBy: actor.userId,
        })
        .returning({ id: movementRegistrations.id });
      await writeAudit(tx, {
        actor,
        action: 'emulation.registration.create',
        entityType: 'movement_registration',
        entityId: row.id,
        orgUnitId: unit.id,
        after: { movementId: id, ...input },
      });
      return row;
    });
  } catch (error) {
    if (duplicate(error))
      throw invalidField('orgUnitId', 'Đơn vị (đảng viên) này đã đăng ký phong trào.');
    throw error;
  }
};

/** Withdraw a registration entered by mistake (the unit must be in the actor's subtree). */
export const deleteRegistration = ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<{ ok: true }> =>
  db.transaction(async (tx) => {
    const row = await queryOne<{
      id: number;
      movement_id: number;
      org_unit_id: number;
      member_id: number | null;
    }>(
      tx,
      sql`select r.id, r.movement_id, r.org_unit_id, r.member_id from movement_registrations r
          join org_units o on o.id = r.org_unit_id
          where r.id = ${id} and ${inScope(actor, sql`o.path`)} for update of r`,
    );
    if (!row) throw notFound('đăng ký thi đua');
    await tx.execute(sql`delete from movement_registrations where id = ${id}`);
    await writeAudit(tx, {
      actor,
      action: 'emulation.registration.delete',
      entityType: 'movement_registration',
      entityId: id,
      orgUnitId: row.org_unit_id,
      before: row,
    });
    return { ok: true as const };
  });
