// Committees over time (docs/domain/congresses.md, "Cấp ủy qua các thời kỳ"): a member's position on
// an organisation's committee from a decision and a date until the last day held. One row per position
// (a secretary also holds a committee member's and a standing member's row). Every write runs in one
// transaction with its audit record; rows are versioned; a unit out of the actor's subtree is "not found".

import {
  type TCommitteeAddInput,
  type TCommitteeChangeInput,
  type TCommitteeEndInput,
  type TOpenCommitteeTerm,
  ZCommitteeAddInput,
  ZCommitteeChangeInput,
  ZCommitteeEndInput,
  ZOpenCommitteeTerm,
} from '../../../contracts/committees';
import type { z } from '../../../contracts/zod-vi';
import {
  type CommitteePosition,
  type CommitteeStartReason,
  committeePositionLabels,
} from '../../../domain/enums/congresses';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { committeeMemberships } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { requireAccess } from '../../platform/access/records';
import { getUnitInScope, type UnitRow } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { AppError, conflict, invalidField } from '../../platform/errors';
import { committeeOnlyPositions, dayBefore } from './committees.policy';

/** Parse with the contract, answering a bad input as a Vietnamese validation error (for face callers). */
const parseInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new AppError('VALIDATION', {
    message: fields[0]?.message ?? 'Dữ liệu không hợp lệ.',
    fields,
  });
};

/** Writers of one unit's committee are serialised, so the overlap checks below see each other. */
const lockUnitCommittee = (tx: DbOrTx, orgUnitId: number) =>
  tx.execute(sql`select pg_advisory_xact_lock(730101, ${orgUnitId})`);

/** The members must belong to the unit's subtree (today, or on the date the position starts). */
const checkMembersOfUnit = async (
  tx: DbOrTx,
  unit: UnitRow,
  memberIds: number[],
  date: string,
  field: (index: number) => string,
) => {
  const ids = [...new Set(memberIds)];
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`select m.id from members m join org_units mo on mo.id = m.org_unit_id
        where m.id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})
          and (mo.path <@ ${unit.path}::ltree or exists (
            select 1 from member_periods p join org_units po on po.id = p.org_unit_id
            where p.member_id = m.id and p.valid_from <= ${date}
              and (p.valid_to is null or p.valid_to > ${date}) and po.path <@ ${unit.path}::ltree))`,
  );
  const found = new Set(rows.map((r) => r.id));
  const missing = memberIds.findIndex((id) => !found.has(id));
  if (missing >= 0)
    throw invalidField(
      field(missing),
      `Đảng viên không thuộc ${unit.name}: chỉ đảng viên của tổ chức đảng (hoặc các tổ chức trực thuộc) mới tham gia cấp ủy.`,
    );
};

/**
 * After a write, the unit's rows must not overlap: a member holds a position once at a time, and a unit
 * has one secretary (and one inspection chair) at a time. Checked on the whole unit inside the lock.
 */
const checkOverlaps = async (tx: DbOrTx, orgUnitId: number) => {
  const dup = await queryOne<{ full_name: string; position: CommitteePosition; from_date: string }>(
    tx,
    sql`select m.full_name, a.position, b.from_date from committee_memberships a
        join committee_memberships b on b.org_unit_id = a.org_unit_id and b.id > a.id
          and b.position = a.position
          and a.from_date <= coalesce(b.to_date, '9999-12-31')
          and b.from_date <= coalesce(a.to_date, '9999-12-31')
        join members m on m.id = a.member_id
        where a.org_unit_id = ${orgUnitId} and a.member_id = b.member_id
        limit 1`,
  );
  if (dup)
    throw new AppError('VALIDATION', {
      message: `Đồng chí ${dup.full_name} đang giữ chức vụ ${committeePositionLabels[dup.position]} trong thời gian này: một đảng viên không giữ cùng một chức vụ hai lần cùng lúc.`,
    });
  const single = await queryOne<{ a_name: string; b_name: string; position: CommitteePosition }>(
    tx,
    sql`select ma.full_name as a_name, mb.full_name as b_name, a.position
        from committee_memberships a
        join committee_memberships b on b.org_unit_id = a.org_unit_id and b.id > a.id
          and b.position = a.position
          and a.from_date <= coalesce(b.to_date, '9999-12-31')
          and b.from_date <= coalesce(a.to_date, '9999-12-31')
        join members ma on ma.id = a.member_id join members mb on mb.id = b.member_id
        where a.org_unit_id = ${orgUnitId} and a.position in ('secretary', 'inspection_chair')
          and a.member_id <> b.member_id
        limit 1`,
  );
  if (single)
    throw new AppError('VALIDATION', {
      message:
        single.position === 'secretary'
          ? `Mỗi tổ chức đảng chỉ có một Bí thư tại một thời điểm: đồng chí ${single.a_name} và đồng chí ${single.b_name} trùng thời gian giữ chức Bí thư. Hãy ghi việc thôi giữ chức của Bí thư trước.`
          : `Mỗi ủy ban kiểm tra chỉ có một Chủ nhiệm tại một thời điểm: đồng chí ${single.a_name} và đồng chí ${single.b_name} trùng thời gian.`,
    });
};

/**
 * Whether each member sat on the same unit's committee (or its inspection commission, for inspection
 * positions) in the previous term: the unit's latest term before this one.
 */
const reElectedMembers = async (tx: DbOrTx, orgUnitId: number, termFromYear: number) => {
  const rows = await queryRows<{ member_id: number; committee: boolean; inspection: boolean }>(
    tx,
    sql`select member_id,
          bool_or(position in ('secretary', 'deputy_secretary', 'standing_member', 'member')) as committee,
          bool_or(position in ('inspection_chair', 'inspection_deputy', 'inspection_member')) as inspection
        from committee_memberships
        where org_unit_id = ${orgUnitId} and term_from_year = (
          select max(term_from_year) from committee_memberships
          where org_unit_id = ${orgUnitId} and term_from_year < ${termFromYear})
        group by member_id`,
  );
  return new Map(rows.map((r) => [r.member_id, r]));
};

const wasReElected = (
  previous: Map<number, { committee: boolean; inspection: boolean }>,
  memberId: number,
  position: CommitteePosition,
) => {
  const p = previous.get(memberId);
  if (!p) return false;
  return committeeOnlyPositions.includes(position) ? p.committee : p.inspection;
};

/**
 * Open a unit's committee for a term, in the caller's transaction (the elections' approval calls it;
 * the caller checks its own access, the unit is checked against the actor's scope here anyway).
 * With `closePrevious`, the unit's open positions of earlier terms end the day before (term ended).
 * Re-elected (tái cử): the member sat on the unit's committee in the previous term.
 */
export const openCommitteeTerm = async (
  tx: DbOrTx,
  actor: Actor,
  rawInput: TOpenCommitteeTerm,
): Promise<{ ids: number[]; closed: number }> => {
  const input = parseInput(ZOpenCommitteeTerm, rawInput);
  const unit = await getUnitInScope(tx, actor, input.orgUnitId);
  await lockUnitCommittee(tx, unit.id);
  await checkMembersOfUnit(
    tx,
    unit,
    input.entries.map((e) => e.memberId),
    input.fromDate,
    (i) => `entries.${i}.memberId`,
  );
  let closed: { id: number; member_id: number; position: string; from_date: string }[] = [];
  if (input.closePrevious) {
    const toDate = dayBefore(input.fromDate);
    const late = await queryOne<{ id: number }>(
      tx,
      sql`select id from committee_memberships where org_unit_id = ${unit.id} and to_date is null
            and term_from_year < ${input.termFromYear} and from_date > ${toDate} limit 1`,
    );
    if (late)
      throw invalidField(
        'fromDate',
        'Có chức vụ của nhiệm kỳ trước bắt đầu từ ngày này trở về sau: không thể kết thúc nhiệm kỳ trước vào hôm trước ngày mở nhiệm kỳ mới.',
      );
    closed = await queryRows(
      tx,
      sql`update committee_memberships
          set to_date = ${toDate}, end_reason = 'term_ended', end_decision_ref = ${input.decisionRef},
            version = version + 1
          where org_unit_id = ${unit.id} and to_date is null and term_from_year < ${input.termFromYear}
          returning id, member_id, position, from_date`,
    );
  }
  const previous = await reElectedMembers(tx, unit.id, input.termFromYear);
  const inserted = await tx
    .insert(committeeMemberships)
    .values(
      input.entries.map((e) => ({
        orgUnitId: unit.id,
        memberId: e.memberId,
        position: e.position,
        termFromYear: input.termFromYear,
        termToYear: input.termToYear,
        fromDate: input.fromDate,
        startReason: e.startReason,
        startDecisionRef: input.decisionRef,
        electionId: e.electionId ?? null,
        reElected: wasReElected(previous, e.memberId, e.position),
        createdBy: actor.userId,
      })),
    )
    .returning({ id: committeeMemberships.id });
  await checkOverlaps(tx, unit.id);
  await writeAudit(tx, {
    actor,
    action: 'committee.openTerm',
    entityType: 'committee_membership',
    entityId: unit.id,
    orgUnitId: unit.id,
    after: { ...input, ids: inserted.map((r) => r.id) },
    meta: { closed: closed.map((c) => c.id) },
  });
  return { ids: inserted.map((r) => r.id), closed: closed.length };
};

/** The term in force on a date at the unit (from its positions), for a mid-term addition. */
const termOn = async (tx: DbOrTx, orgUnitId: number, date: string) =>
  queryOne<{ term_from_year: number; term_to_year: number }>(
    tx,
    sql`select term_from_year, term_to_year from committee_memberships
        where org_unit_id = ${orgUnitId} and from_date <= ${date}
        order by term_from_year desc, from_date desc limit 1`,
  );

const insertPosition = async (
  tx: DbOrTx,
  actor: Actor,
  unit: UnitRow,
  row: {
    memberId: number;
    position: CommitteePosition;
    startReason: CommitteeStartReason;
    fromDate: string;
    decisionRef: string;
    termFromYear: number;
    termToYear: number;
  },
) => {
  const previous = await reElectedMembers(tx, unit.id, row.termFromYear);
  const [saved] = await tx
    .insert(committeeMemberships)
    .values({
      orgUnitId: unit.id,
      memberId: row.memberId,
      position: row.position,
      termFromYear: row.termFromYear,
      termToYear: row.termToYear,
      fromDate: row.fromDate,
      startReason: row.startReason,
      startDecisionRef: row.decisionRef,
      reElected: wasReElected(previous, row.memberId, row.position),
      createdBy: actor.userId,
    })
    .returning({ id: committeeMemberships.id, version: committeeMemberships.version });
  return saved;
};

/** Mid-term: a member appointed or elected to fill a position (chỉ định, bầu bổ sung). */
export const addCommitteePosition = async ({
  db,
  actor,
  input: rawInput,
}: {
  db: Db;
  actor: Actor;
  input: TCommitteeAddInput;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const input = parseInput(ZCommitteeAddInput, rawInput);
    const unit = await getUnitInScope(tx, actor, input.orgUnitId);
    await lockUnitCommittee(tx, unit.id);
    await checkMembersOfUnit(tx, unit, [input.memberId], input.fromDate, () => 'memberId');
    const term =
      input.termFromYear && input.termToYear
        ? { term_from_year: input.termFromYear, term_to_year: input.termToYear }
        : await termOn(tx, unit.id, input.fromDate);
    if (!term)
      throw invalidField(
        'termFromYear',
        'Tổ chức đảng chưa có cấp ủy nhiệm kỳ nào trước ngày này: hãy ghi nhiệm kỳ (từ năm, đến năm).',
      );
    if (term.term_to_year <= term.term_from_year)
      throw invalidField('termToYear', 'Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.');
    const saved = await insertPosition(tx, actor, unit, {
      memberId: input.memberId,
      position: input.position,
      startReason: input.startReason,
      fromDate: input.fromDate,
      decisionRef: input.decisionRef,
      termFromYear: term.term_from_year,
      termToYear: term.term_to_year,
    });
    await checkOverlaps(tx, unit.id);
    await writeAudit(tx, {
      actor,
      action: 'committee.add',
      entityType: 'committee_membership',
      entityId: saved.id,
      orgUnitId: unit.id,
      after: { ...input, termFromYear: term.term_from_year, termToYear: term.term_to_year },
    });
    return saved;
  });

type MembershipRow = {
  id: number;
  org_unit_id: number;
  member_id: number;
  position: CommitteePosition;
  term_from_year: number;
  term_to_year: number;
  from_date: string;
  to_date: string | null;
  end_reason: string | null;
  version: number;
};

/** One position row for a write: in the actor's subtree (else "not found"), locked, version checked. */
const loadForWrite = async (tx: DbOrTx, actor: Actor, id: number, version: number) => {
  const facts = await requireAccess(tx, actor, 'committeeMembership.write', id);
  await lockUnitCommittee(tx, facts.org_unit_id!);
  const row = (await queryOne<MembershipRow>(
    tx,
    sql`select id, org_unit_id, member_id, position, term_from_year, term_to_year, from_date, to_date,
          end_reason, version
        from committee_memberships where id = ${id} for update`,
  ))!;
  if (row.version !== version) throw conflict();
  if (row.to_date !== null)
    throw new AppError('VALIDATION', {
      message: 'Chức vụ này đã kết thúc: chỉ ghi thay đổi cho chức vụ đang giữ.',
    });
  return row;
};

/** Mid-term: a member leaves a position (resigned, moved, dismissed, disciplined…); toDate is the last day. */
export const endCommitteePosition = async ({
  db,
  actor,
  id,
  input: rawInput,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TCommitteeEndInput;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const input = parseInput(ZCommitteeEndInput, rawInput);
    const before = await loadForWrite(tx, actor, id, input.version);
    if (input.toDate < before.from_date)
      throw invalidField(
        'toDate',
        'Ngày thôi giữ chức vụ không được trước ngày bắt đầu giữ chức vụ.',
      );
    const [saved] = await queryRows<{ id: number; version: number }>(
      tx,
      sql`update committee_memberships
          set to_date = ${input.toDate}, end_reason = ${input.endReason},
            end_decision_ref = ${input.decisionRef}, version = version + 1
          where id = ${id} returning id, version`,
    );
    await checkOverlaps(tx, before.org_unit_id);
    await writeAudit(tx, {
      actor,
      action: 'committee.end',
      entityType: 'committee_membership',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before,
      after: input,
    });
    return saved;
  });

/**
 * Mid-term: a member moves from this position to another from a date (e.g. a deputy elected secretary):
 * the old position ends the day before, the new one starts on the date, in the same term.
 */
export const changeCommitteePosition = async ({
  db,
  actor,
  id,
  input: rawInput,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TCommitteeChangeInput;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const input = parseInput(ZCommitteeChangeInput, rawInput);
    const before = await loadForWrite(tx, actor, id, input.version);
    if (input.position === before.position)
      throw invalidField('position', 'Chức vụ mới phải khác chức vụ đang giữ.');
    if (input.date <= before.from_date)
      throw invalidField('date', 'Ngày nhận chức vụ mới phải sau ngày bắt đầu giữ chức vụ cũ.');
    await tx.execute(
      sql`update committee_memberships
          set to_date = ${dayBefore(input.date)}, end_reason = null,
            end_decision_ref = ${input.decisionRef}, version = version + 1
          where id = ${id}`,
    );
    const unit = await getUnitInScope(tx, actor, before.org_unit_id);
    const saved = await insertPosition(tx, actor, unit, {
      memberId: before.member_id,
      position: input.position,
      startReason: input.startReason,
      fromDate: input.date,
      decisionRef: input.decisionRef,
      termFromYear: before.term_from_year,
      termToYear: before.term_to_year,
    });
    await checkOverlaps(tx, before.org_unit_id);
    await writeAudit(tx, {
      actor,
      action: 'committee.change',
      entityType: 'committee_membership',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before,
      after: { ...input, newId: saved.id },
    });
    return saved;
  });
