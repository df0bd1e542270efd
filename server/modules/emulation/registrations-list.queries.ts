// The registrations of a movement as a long list that stays usable (issues 20 and 22): the demo's
// "Dân vận khéo" 2021–2025 has some 285 unit and 1,330 member registrations in the bloc. Filtered (a
// unit and the units under it, unit or member registrations, words of the unit's or member's name or
// of the undertaking, diacritic-blind), paged on the server in the order of the tree (a committee's
// own registration, then its members', then its cells'), and exported to XLSX with the same filter.
// Each actor sees its own subtree's registrations only, as on the movement's detail.
import type { SQL } from 'drizzle-orm';
import {
  registrationKindLabels,
  type TRegistration,
  type TRegistrationExportQuery,
  type TRegistrationList,
  type TRegistrationQuery,
} from '../../../contracts/emulation';
import { formatDate, toLikeKey } from '../../../domain/text/vietnamese';
import { type Db, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { listWorkbook } from '../../platform/list-workbook';
import { getVisibleMovement } from './movements.service';

/**
 * The filter without the kind (`o` the registration's unit, `mb` the member): shared by the counts,
 * the page and the export. A unit outside the actor's subtree is refused (404) by `getUnitInScope`.
 */
const filterOf = async (
  db: Db,
  actor: Actor,
  movementId: number,
  q: TRegistrationExportQuery,
): Promise<{ where: SQL; unit: { id: number; name: string } | null }> => {
  const where: SQL[] = [sql`r.movement_id = ${movementId}`, inScope(actor, sql`o.path`)];
  const unit = q.unit ? await getUnitInScope(db, actor, q.unit) : null;
  if (unit) where.push(sql`o.path <@ ${unit.path}::ltree`);
  if (q.q) {
    const like = `%${toLikeKey(q.q)}%`;
    where.push(sql`(lower(immutable_unaccent(o.name)) like ${like}
      or lower(immutable_unaccent(coalesce(mb.full_name, ''))) like ${like}
      or lower(immutable_unaccent(coalesce(r.undertaking, ''))) like ${like})`);
  }
  return { where: sql.join(where, sql` and `), unit };
};

const kindOf = (kind: TRegistrationExportQuery['kind']) =>
  kind === 'unit'
    ? sql` and r.member_id is null`
    : kind === 'member'
      ? sql` and r.member_id is not null`
      : sql``;

const from = sql`from movement_registrations r join org_units o on o.id = r.org_unit_id
  left join org_units p on p.id = o.parent_id
  left join members mb on mb.id = r.member_id`;
/** The tree's order: a unit, its own registration first, then its members' by given name. */
const order = sql`order by o.path, r.member_id is not null, mb.given_name collate vi,
  mb.full_name collate vi, r.id`;

type Row = {
  id: number;
  org_unit_id: number;
  org_unit_name: string;
  parent_name: string | null;
  member_id: number | null;
  member_name: string | null;
  registered_on: string;
  undertaking: string | null;
};
const select = sql`select r.id, r.org_unit_id, o.name as org_unit_name, p.name as parent_name,
  r.member_id, mb.full_name as member_name, r.registered_on, r.undertaking`;

const toItem = (r: Row): TRegistration => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  parentName: r.parent_name,
  memberId: r.member_id,
  memberName: r.member_name,
  registeredOn: r.registered_on,
  undertaking: r.undertaking,
});

const countsOf = async (db: Db, where: SQL) => {
  const row = await queryOne<{ units: number; members: number }>(
    db,
    sql`select count(*) filter (where r.member_id is null)::int as units,
          count(*) filter (where r.member_id is not null)::int as members
        ${from} where ${where}`,
  );
  return { units: row?.units ?? 0, members: row?.members ?? 0 };
};

export const listRegistrations = async ({
  db,
  actor,
  id,
  query,
}: {
  db: Db;
  actor: Actor;
  id: number;
  query: TRegistrationQuery;
}): Promise<TRegistrationList> => {
  await getVisibleMovement(db, actor, id);
  const { where } = await filterOf(db, actor, id, query);
  const counts = await countsOf(db, where);
  const total =
    query.kind === 'unit'
      ? counts.units
      : query.kind === 'member'
        ? counts.members
        : counts.units + counts.members;
  const rows = await queryRows<Row>(
    db,
    sql`${select} ${from} where ${where} ${kindOf(query.kind)} ${order}
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  return { items: rows.map(toItem), total, counts };
};

const exportColumns = [
  { header: 'STT', width: 6 },
  { header: 'Đơn vị', width: 40 },
  { header: 'Trực thuộc', width: 36 },
  { header: 'Đảng viên', width: 28 },
  { header: 'Ngày đăng ký', width: 14 },
  { header: 'Nội dung, chỉ tiêu đăng ký', width: 60 },
];

/**
 * Every registration of the filter, in the page's order, as an XLSX workbook. It names members, so
 * the export is audited like the other list exports.
 */
export const exportRegistrationsXlsx = async ({
  db,
  actor,
  id,
  query,
}: {
  db: Db;
  actor: Actor;
  id: number;
  query: TRegistrationExportQuery;
}): Promise<{ buffer: Buffer; count: number }> => {
  const movement = await getVisibleMovement(db, actor, id);
  const { where, unit } = await filterOf(db, actor, id, query);
  const rows = await queryRows<Row>(
    db,
    sql`${select} ${from} where ${where} ${kindOf(query.kind)} ${order} limit 20000`,
  );
  const units = rows.filter((r) => r.member_id === null).length;
  const buffer = await listWorkbook({
    sheetName: 'Đăng ký thi đua',
    title: `Đăng ký thi đua – ${movement.name}`,
    subtitle: `${rows.length} lượt đăng ký (${units} đơn vị, ${rows.length - units} đảng viên)${unit ? `; đơn vị: ${unit.name}` : ''}${query.kind ? `; ${registrationKindLabels[query.kind].toLowerCase()}` : ''}${query.q ? `; tìm: “${query.q}”` : ''}.`,
    columns: exportColumns,
    rows: rows.map((r, i) => [
      i + 1,
      r.org_unit_name,
      r.parent_name ?? '',
      r.member_name ?? 'Cả đơn vị',
      formatDate(r.registered_on),
      r.undertaking ?? '',
    ]),
  });
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'emulation.registration.export',
      entityType: 'emulation_movement',
      entityId: id,
      orgUnitId: unit?.id ?? actor.scopeOrgUnitId,
      after: { ...query, rows: rows.length },
    }),
  );
  return { buffer, count: rows.length };
};
