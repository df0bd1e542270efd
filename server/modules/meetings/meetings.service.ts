// Meetings (docs/domain/meetings.md): cell meetings record each member of the cell on that day as present or
// absent with a reason; committee conferences record how many were invited and present. Decisions
// adopted are kept with an owner and a deadline for follow-up.
import {
  cellMeetingKinds,
  cellUnitKinds,
  committeeUnitKinds,
  type TAttendanceReport,
  type TMeetingDetail,
  type TMeetingInput,
  type TMeetingUpdate,
  type TRoster,
} from '../../../contracts/meetings';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { meetingAttendance, meetingDecisions, meetings } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { canReach } from '../../platform/access/records';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { conflict, invalidField, notFound } from '../../platform/errors';
import { loadCellMeetings, monthEnd, monthsBetween } from './attendance.queries';

/** Full and probationary members of a cell on a date (exempted members are not expected). */
export const rosterOn = async (db: DbOrTx, orgUnitId: number, date: string) =>
  queryRows<{ member_id: number; full_name: string; standing: string }>(
    db,
    sql`select p.member_id, m.full_name, p.standing from member_periods p
        join members m on m.id = p.member_id
        where p.org_unit_id = ${orgUnitId} and p.valid_from <= ${date}
          and (p.valid_to is null or p.valid_to > ${date}) and p.status in ('full', 'probationary')
        order by m.given_name collate vi, m.full_name collate vi`,
  );

export const getRoster = async ({
  db,
  actor,
  orgUnitId,
  date,
}: {
  db: Db;
  actor: Actor;
  orgUnitId: number;
  date: string;
}): Promise<TRoster> => {
  const unit = await getUnitInScope(db, actor, orgUnitId);
  const rows = await rosterOn(db, unit.id, date);
  return {
    members: rows.map((r) => ({
      memberId: r.member_id,
      fullName: r.full_name,
      standing: r.standing,
    })),
  };
};

const checkInput = async (db: DbOrTx, actor: Actor, input: TMeetingInput) => {
  const unit = await getUnitInScope(db, actor, input.orgUnitId);
  if (input.heldOn > todayIso())
    throw invalidField('heldOn', 'Ngày họp không được sau ngày hôm nay.');
  const isCellMeeting = cellMeetingKinds.includes(input.kind);
  if (isCellMeeting && !(cellUnitKinds as readonly string[]).includes(unit.kind))
    throw invalidField('kind', 'Sinh hoạt chi bộ chỉ ghi cho chi bộ.');
  if (!isCellMeeting && !(committeeUnitKinds as readonly string[]).includes(unit.kind))
    throw invalidField('kind', 'Hội nghị Ban Chấp hành, Ban Thường vụ chỉ ghi cho đảng bộ.');
  if (input.minutesDocumentId) {
    if (!(await canReach(db, actor, 'document.read', input.minutesDocumentId)))
      throw invalidField('minutesDocumentId', 'Không tìm thấy tệp biên bản.');
  }
  if (!isCellMeeting) {
    const invited = input.invitedCount ?? 0;
    const present = input.presentCount ?? 0;
    if (invited < 1)
      throw invalidField('invitedCount', 'Cần ghi số đại biểu được triệu tập (từ 1 trở lên).');
    if (present > invited)
      throw invalidField(
        'presentCount',
        'Số đại biểu có mặt không được lớn hơn số được triệu tập.',
      );
    return { unit, invited, present, attendance: [] as TMeetingInput['attendance'] };
  }
  const roster = await rosterOn(db, unit.id, input.heldOn);
  const byId = new Map(roster.map((r) => [r.member_id, r]));
  const seen = new Set<number>();
  for (const [i, a] of input.attendance.entries()) {
    if (!byId.has(a.memberId))
      throw invalidField(
        `attendance.${i}.memberId`,
        'Đảng viên này không sinh hoạt tại chi bộ vào ngày họp.',
      );
    if (seen.has(a.memberId))
      throw invalidField(`attendance.${i}.memberId`, 'Một đảng viên được ghi hai lần.');
    seen.add(a.memberId);
    if (!a.present && !a.absenceReason)
      throw invalidField(
        `attendance.${i}.absenceReason`,
        `Cần ghi lý do vắng mặt của đồng chí ${byId.get(a.memberId)!.full_name}.`,
      );
  }
  const missing = roster.filter((r) => !seen.has(r.member_id));
  if (missing.length > 0)
    throw invalidField(
      'attendance',
      `Chưa điểm danh: ${missing
        .slice(0, 5)
        .map((m) => m.full_name)
        .join(', ')}${missing.length > 5 ? ` và ${missing.length - 5} đồng chí khác` : ''}.`,
    );
  return {
    unit,
    invited: roster.length,
    present: input.attendance.filter((a) => a.present).length,
    attendance: input.attendance,
  };
};

/**
 * Replace the attendance; upsert the decisions by id so that a decision keeps its id, and with it the
 * key task it became, when the meeting is edited. A decision that became a key task cannot be removed
 * here: the task in the plan is deleted first (which clears the link).
 */
const writeChildren = async (
  tx: DbOrTx,
  meetingId: number,
  attendance: TMeetingInput['attendance'],
  decisions: TMeetingInput['decisions'],
) => {
  await tx.execute(sql`delete from meeting_attendance where meeting_id = ${meetingId}`);
  if (attendance.length)
    await tx.insert(meetingAttendance).values(
      attendance.map((a) => ({
        meetingId,
        memberId: a.memberId,
        present: a.present,
        absenceReason: a.present ? null : (a.absenceReason ?? null),
      })),
    );
  const existing = await queryRows<{ id: number; text: string; key_task_id: number | null }>(
    tx,
    sql`select id, text, key_task_id from meeting_decisions where meeting_id = ${meetingId}`,
  );
  const kept = new Set<number>();
  for (const [i, d] of decisions.entries()) {
    if (d.id == null) continue;
    if (!existing.some((e) => e.id === d.id) || kept.has(d.id))
      throw invalidField(`decisions.${i}.id`, 'Nội dung nghị quyết không thuộc cuộc họp này.');
    kept.add(d.id);
  }
  const removed = existing.filter((e) => !kept.has(e.id));
  const linked = removed.find((e) => e.key_task_id !== null);
  if (linked)
    throw invalidField(
      'decisions',
      `Nội dung "${linked.text}" đã thành nhiệm vụ trọng tâm: hãy xóa nhiệm vụ trong kế hoạch trước.`,
    );
  if (removed.length)
    await tx.execute(
      sql`delete from meeting_decisions where id in (${sql.join(
        removed.map((e) => sql`${e.id}`),
        sql`, `,
      )})`,
    );
  for (const d of decisions) {
    const fields = {
      text: d.text.normalize('NFC'),
      owner: d.owner ?? null,
      deadline: d.deadline ?? null,
      done: d.done,
    };
    if (d.id == null) await tx.insert(meetingDecisions).values({ meetingId, ...fields });
    else await tx.update(meetingDecisions).set(fields).where(sql`id = ${d.id}`);
  }
};

export const createMeeting = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TMeetingInput;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const checked = await checkInput(tx, actor, input);
    const [row] = await tx
      .insert(meetings)
      .values({
        orgUnitId: checked.unit.id,
        kind: input.kind,
        heldOn: input.heldOn,
        title: input.title.normalize('NFC'),
        agenda: input.agenda ?? null,
        invitedCount: checked.invited,
        presentCount: checked.present,
        minutesDocumentId: input.minutesDocumentId ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: meetings.id, version: meetings.version });
    await writeChildren(tx, row.id, checked.attendance, input.decisions);
    await writeAudit(tx, {
      actor,
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: row.id,
      orgUnitId: checked.unit.id,
      after: input,
    });
    return row;
  });

const getMeetingInScope = async (db: DbOrTx, actor: Actor, id: number, lock = false) => {
  const row = await queryOne<{
    id: number;
    org_unit_id: number;
    org_unit_name: string;
    kind: TMeetingDetail['kind'];
    held_on: string;
    title: string;
    agenda: string | null;
    invited_count: number;
    present_count: number;
    minutes_document_id: number | null;
    minutes_document_name: string | null;
    version: number;
  }>(
    db,
    sql`select m.id, m.org_unit_id, o.name as org_unit_name, m.kind, m.held_on, m.title, m.agenda,
          m.invited_count, m.present_count, m.minutes_document_id,
          d.file_name as minutes_document_name, m.version
        from meetings m join org_units o on o.id = m.org_unit_id
        left join documents d on d.id = m.minutes_document_id
        where m.id = ${id} and ${inScope(actor, sql`o.path`)}
        ${lock ? sql`for update of m` : sql``}`,
  );
  if (!row) throw notFound('cuộc họp');
  return row;
};

export const updateMeeting = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TMeetingUpdate;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await getMeetingInScope(tx, actor, id, true);
    if (before.version !== input.version) throw conflict();
    const checked = await checkInput(tx, actor, input);
    const [row] = await tx
      .update(meetings)
      .set({
        orgUnitId: checked.unit.id,
        kind: input.kind,
        heldOn: input.heldOn,
        title: input.title.normalize('NFC'),
        agenda: input.agenda ?? null,
        invitedCount: checked.invited,
        presentCount: checked.present,
        minutesDocumentId: input.minutesDocumentId ?? null,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(sql`id = ${id}`)
      .returning({ id: meetings.id, version: meetings.version });
    await writeChildren(tx, id, checked.attendance, input.decisions);
    await writeAudit(tx, {
      actor,
      action: 'meeting.update',
      entityType: 'meeting',
      entityId: id,
      orgUnitId: checked.unit.id,
      before,
      after: input,
    });
    return row;
  });

export const getMeeting = async ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<TMeetingDetail> => {
  const m = await getMeetingInScope(db, actor, id);
  const attendance = await queryRows<{
    member_id: number;
    full_name: string;
    present: boolean;
    absence_reason: string | null;
  }>(
    db,
    sql`select a.member_id, x.full_name, a.present, a.absence_reason from meeting_attendance a
        join members x on x.id = a.member_id where a.meeting_id = ${id}
        order by x.given_name collate vi, x.full_name collate vi`,
  );
  // "Done" of a decision that became a key task is derived from the task's status here rather than
  // copied into meeting_decisions: the result is recorded in the plans module (possibly by the owner
  // cell), so a derived value cannot drift and needs no write across modules.
  const decisions = await queryRows<{
    id: number;
    text: string;
    owner: string | null;
    deadline: string | null;
    done: boolean;
    task_id: number | null;
    task_title: string | null;
    task_year: number | null;
    task_unit_id: number | null;
  }>(
    db,
    sql`select d.id, d.text, d.owner, d.deadline, coalesce(k.status = 'completed', d.done) as done,
          k.id as task_id, k.title as task_title, k.year as task_year, k.org_unit_id as task_unit_id
        from meeting_decisions d left join key_tasks k on k.id = d.key_task_id
        where d.meeting_id = ${id} order by d.id`,
  );
  return {
    id: m.id,
    orgUnitId: m.org_unit_id,
    orgUnitName: m.org_unit_name,
    kind: m.kind,
    heldOn: m.held_on,
    title: m.title,
    agenda: m.agenda,
    invitedCount: m.invited_count,
    presentCount: m.present_count,
    minutesDocumentId: m.minutes_document_id,
    minutesDocumentName: m.minutes_document_name,
    version: m.version,
    canEdit: can(actor, 'meeting.write'),
    canCreateTasks: can(actor, 'plans.write'),
    attendance: attendance.map((a) => ({
      memberId: a.member_id,
      fullName: a.full_name,
      present: a.present,
      absenceReason: a.absence_reason,
    })),
    decisions: decisions.map((d) => ({
      id: d.id,
      text: d.text,
      owner: d.owner,
      deadline: d.deadline,
      done: d.done,
      keyTask:
        d.task_id === null
          ? null
          : { id: d.task_id, title: d.task_title!, year: d.task_year!, orgUnitId: d.task_unit_id! },
    })),
  };
};

/**
 * Attendance rate per cell and month, and the months in which a cell that existed for the whole
 * month held no cell meeting (the statute expects one a month). Months not yet over are not flagged.
 */
export const getAttendanceReport = async ({
  db,
  actor,
  unitId,
  from,
  to,
}: {
  db: Db;
  actor: Actor;
  unitId?: number;
  from: string;
  to: string;
}): Promise<TAttendanceReport> => {
  if (to < from) throw invalidField('to', 'Ngày cuối kỳ phải sau ngày đầu kỳ.');
  const unit = await getUnitInScope(db, actor, unitId ?? actor.scopeOrgUnitId);
  const months = monthsBetween(from, to);
  if (months.length > 36) throw invalidField('to', 'Mỗi lần xem tối đa 36 tháng.');
  const cells = await queryRows<{
    id: number;
    name: string;
    parent_name: string | null;
    established_on: string;
    dissolved_on: string | null;
  }>(
    db,
    sql`select o.id, o.name, p.name as parent_name, o.established_on, o.dissolved_on
        from org_units o left join org_units p on p.id = o.parent_id
        where o.path <@ ${unit.path}::ltree and o.kind in ('cell', 'grassroots_cell')
          and o.established_on <= ${to} and (o.dissolved_on is null or o.dissolved_on > ${from})
        order by p.name collate vi nulls first, o.name collate vi`,
  );
  const meetingRows = await loadCellMeetings(db, unit.id, from, to);
  const today = todayIso();
  let present = 0;
  let expected = 0;
  let missedCount = 0;
  const out = cells.map((c) => {
    const mine = meetingRows.filter((m) => m.org_unit_id === c.id);
    const cellMonths = months.map((month) => {
      const inMonth = mine.filter((m) => m.held_on.startsWith(month));
      const start = `${month}-01`;
      const end = monthEnd(month);
      const existedAllMonth =
        c.established_on <= start && (c.dissolved_on === null || c.dissolved_on > end);
      const missed = inMonth.length === 0 && existedAllMonth && end < today;
      if (missed) missedCount += 1;
      return {
        month,
        meetings: inMonth.length,
        present: inMonth.reduce((s, m) => s + m.present, 0),
        expected: inMonth.reduce((s, m) => s + m.expected, 0),
        missed,
      };
    });
    const p = cellMonths.reduce((s, m) => s + m.present, 0);
    const e = cellMonths.reduce((s, m) => s + m.expected, 0);
    present += p;
    expected += e;
    return {
      id: c.id,
      name: c.name,
      parentName: c.parent_name,
      present: p,
      expected: e,
      rate: e === 0 ? null : (100 * p) / e,
      months: cellMonths,
    };
  });
  return {
    unitId: unit.id,
    unitName: unit.name,
    months,
    present,
    expected,
    rate: expected === 0 ? null : (100 * present) / expected,
    missedCount,
    cells: out,
  };
};
