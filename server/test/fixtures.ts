import { sql } from 'drizzle-orm';
import { type DbOrTx, queryOne } from '../db/client';

/** Well-known places in the demo bloc for tests: a cell secretary's cell, its siblings, others. */
export const demoFixtures = async (db: DbOrTx) => {
  const one = async <T>(query: ReturnType<typeof sql>) => (await queryOne<T>(db, query))!;
  const root = await one<{ id: number }>(
    sql`select id from org_units where kind = 'province_committee'`,
  );
  const upper = await one<{ id: number }>(
    sql`select id from org_units where kind = 'upper_committee'`,
  );
  const committee = await one<{ id: number }>(
    sql`select id from org_units where name = 'Đảng bộ Sở Y tế'`,
  );
  const cell = await one<{ id: number }>(
    sql`select scope_org_unit_id as id from users where username = 'bithu'`,
  );
  const siblingCell = await one<{ id: number }>(
    sql`select id from org_units where parent_id = ${committee.id} and id <> ${cell.id} and dissolved_on is null order by id limit 1`,
  );
  const otherCommittee = await one<{ id: number }>(
    sql`select id from org_units where name = 'Đảng bộ Bệnh viện Đa khoa tỉnh'`,
  );
  const memberOf = (unitId: number) =>
    one<{ id: number; full_name: string; version: number }>(
      sql`select m.id, m.full_name, m.version from members m join org_units o on o.id = m.org_unit_id
          where o.path <@ (select path from org_units where id = ${unitId}) and m.status = 'full'
          order by m.id limit 1`,
    );
  const self = await one<{ id: number }>(
    sql`select member_id as id from users where username = 'dangvien'`,
  );
  return {
    rootId: root.id,
    upperId: upper.id,
    committeeId: committee.id,
    cellId: cell.id,
    siblingCellId: siblingCell.id,
    otherCommitteeId: otherCommittee.id,
    selfMemberId: self.id,
    memberInCell: await memberOf(cell.id),
    memberInSibling: await memberOf(siblingCell.id),
    memberElsewhere: await memberOf(otherCommittee.id),
  };
};

/** The fields of a member detail that PUT /api/members/:id takes back, with its version. */
export const editableFields = (detail: Record<string, unknown>) => {
  const {
    id: _id,
    status: _s,
    standing: _st,
    orgUnitId: _o,
    orgUnitName: _on,
    orgUnitPath: _op,
    admittedOn: _a,
    recognisedOn: _r,
    partyAgeFrom: _p,
    partyAgeYears: _py,
    temporarilyAway: _t,
    sensitiveHidden: _sh,
    canEdit: _ce,
    events: _e,
    updatedAt: _u,
    ...fields
  } = detail;
  return fields;
};
