import { eq, sql } from 'drizzle-orm';
import type {
  TMemberCreate,
  TMemberDetail,
  TMemberEventInput,
  TMemberFields,
  TMemberUpdate,
} from '../../../contracts/members';
import { memberSensitiveFields } from '../../../contracts/members';
import { addDays } from '../../../domain/calendar/date-math';
import type { MemberEventKind } from '../../../domain/enums/members';
import { memberHoldingKinds, type OrgUnitKind } from '../../../domain/enums/org-units';
import { partyAgeYears } from '../../../domain/rules/members/member-timeline';
import { normalizeText } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, queryRows } from '../../db/client';
import { memberEvents, members } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { requireAccess } from '../../platform/access/records';
import { seesOwnRecordOnly } from '../../platform/access/role-rules';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors';
import { withFigures } from '../figures';
import { isUnderDisciplineReview } from './discipline-state.queries';
import {
  appendMemberEvent,
  applyMemberTimeline,
  lockMember,
  markMemberAttributeChange,
} from './member-timeline.service';

type MemberRow = typeof members.$inferSelect;

/** Events that move a member with a letter of introduction (docs/domain/members.md). */
const transferKinds: readonly MemberEventKind[] = [
  'transferred_in',
  'transferred_out',
  'moved',
  'temporary_out',
  'temporary_return',
];

const invalid = (message: string, path: string) => invalidField(path, message);

/** The member row, only if its cell is in the actor's scope (a member sees only themself). */
const getMemberInScope = async (
  db: DbOrTx,
  actor: Actor,
  id: number,
  lock = false,
): Promise<MemberRow> => {
  await requireAccess(db, actor, 'member.read', id);
  const row = lock
    ? await lockMember(db, id)
    : (await db.select().from(members).where(eq(members.id, id)))[0];
  if (!row) throw notFound('đảng viên');
  return row;
};

const assertCell = async (db: DbOrTx, actor: Actor, orgUnitId: number, path = 'orgUnitId') => {
  const unit = await getUnitInScope(db, actor, orgUnitId);
  if (unit.dissolved_on) throw invalid(`${unit.name} đã giải thể.`, path);
  if (!memberHoldingKinds.includes(unit.kind as OrgUnitKind))
    throw invalid(
      'Đảng viên phải sinh hoạt tại một chi bộ (chi bộ trực thuộc hoặc chi bộ cơ sở).',
      path,
    );
  return unit;
};

const checkDates = (fields: TMemberFields, eventDate?: string) => {
  const today = todayIso();
  if (fields.birthDate > today)
    throw invalid('Ngày sinh không được sau ngày hôm nay.', 'birthDate');
  if (fields.birthDate < '1900-01-01') throw invalid('Ngày sinh không hợp lệ.', 'birthDate');
  if (eventDate) {
    if (eventDate > today)
      throw invalid('Ngày của sự kiện không được sau ngày hôm nay.', 'entry.eventDate');
    const age = partyAgeYears(fields.birthDate, eventDate);
    if (age < 16)
      throw invalid('Ngày vào Đảng không phù hợp với ngày sinh (chưa đủ tuổi).', 'entry.eventDate');
  }
};

const recordValues = (f: TMemberFields) => ({
  ...f,
  fullName: normalizeText(f.fullName),
  ethnicity: f.ethnicity ? normalizeText(f.ethnicity) : 'Kinh',
  religion: f.religion ? normalizeText(f.religion) : 'Không',
});

/** The record without sensitive fields, for roles without need-to-know. */
const redact = (row: Record<string, unknown>) => {
  const copy = { ...row };
  for (const key of memberSensitiveFields) copy[key] = null;
  return copy;
};

export const getMemberDetail = async ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<TMemberDetail> => {
  const m = await getMemberInScope(db, actor, id);
  const showSensitive = can(actor, 'member.readSensitive') || actor.memberId === id;
  const path = await queryRows<{ id: number; name: string }>(
    db,
    sql`select a.id, a.name from org_units o join org_units a on a.path @> o.path
        where o.id = ${m.orgUnitId} and ${seesOwnRecordOnly(actor) ? sql`true` : inScope(actor, sql`a.path`)}
        order by nlevel(a.path)`,
  );
  const events = await queryRows<{
    id: number;
    kind: MemberEventKind;
    event_date: string;
    org_unit_id: number | null;
    org_unit_name: string | null;
    external_org: string | null;
    decision_number: string | null;
    letter_number: string | null;
    letter_date: string | null;
    presented_on: string | null;
    note: string | null;
    recorded_at: Date | string;
    recorded_by_name: string | null;
  }>(
    db,
    sql`select e.id, e.kind, e.event_date, e.org_unit_id, o.name as org_unit_name, e.external_org,
          e.decision_number, e.letter_number, e.letter_date, e.presented_on, e.note, e.recorded_at, u.display_name as recorded_by_name
        from member_events e left join org_units o on o.id = e.org_unit_id
        left join users u on u.id = e.recorded_by
        where e.member_id = ${id} order by e.event_date desc, e.id desc`,
  );
  if (showSensitive && actor.memberId !== id) {
    // Reads of sensitive fields are logged (Nghị định 13/2023/NĐ-CP; docs/domain/members.md).
    await db.transaction((tx) =>
      writeAudit(tx, {
        actor,
        action: 'read_sensitive',
        entityType: 'member',
        entityId: id,
        orgUnitId: m.orgUnitId,
        meta: { fields: memberSensitiveFields },
      }),
    );
  }
  const base = showSensitive ? m : (redact(m) as MemberRow);
  const { nameNorm: _n, givenName: _g, createdAt: _c, ...rest } = base;
  const today = todayIso();
  return {
    ...rest,
    sex: m.sex as TMemberDetail['sex'],
    status: m.status as TMemberDetail['status'],
    standing: m.standing as TMemberDetail['standing'],
    professionalLevel: m.professionalLevel as TMemberDetail['professionalLevel'],
    politicalTheory: m.politicalTheory as TMemberDetail['politicalTheory'],
    orgUnitName: path[path.length - 1]?.name ?? '',
    orgUnitPath: path,
    partyAgeYears: m.partyAgeFrom ? partyAgeYears(m.partyAgeFrom, today) : null,
    sensitiveHidden: !showSensitive,
    canEdit: can(actor, 'member.write'),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      eventDate: e.event_date,
      orgUnitId: e.org_unit_id,
      orgUnitName: e.org_unit_name,
      externalOrg: e.external_org,
      decisionNumber: e.decision_number,
      letterNumber: e.letter_number,
      letterDate: e.letter_date,
      presentedOn: e.presented_on,
      note: e.note,
      recordedAt: new Date(e.recorded_at).toISOString(),
      recordedByName: e.recorded_by_name,
    })),
    updatedAt: new Date(m.updatedAt).toISOString(),
  } as TMemberDetail;
};

export const createMember = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TMemberCreate;
}): Promise<{ id: number }> => {
  const { entry, ...fields } = input;
  checkDates(fields, entry.eventDate);
  return withFigures(db, async (tx) => {
    await assertCell(tx, actor, entry.orgUnitId, 'entry.orgUnitId');
    if (fields.citizenId) {
      const dup = await queryOne<{ id: number; full_name: string }>(
        tx,
        sql`select id, full_name from members where citizen_id = ${fields.citizenId} limit 1`,
      );
      if (dup)
        throw invalid(
          'Số định danh cá nhân này đã có trong hồ sơ một đảng viên khác.',
          'citizenId',
        );
    }
    const [created] = await tx
      .insert(members)
      .values({
        ...recordValues(fields),
        orgUnitId: entry.orgUnitId,
        status: 'probationary',
        standing: 'probationary',
      })
      .returning({ id: members.id });
    await tx.insert(memberEvents).values({
      memberId: created.id,
      kind: entry.kind,
      eventDate: entry.eventDate,
      orgUnitId: entry.orgUnitId,
      decisionNumber: entry.decisionNumber ?? null,
      ...(entry.kind === 'transferred_in'
        ? {
            standing: entry.standing,
            originalAdmittedOn: entry.originalAdmittedOn,
            originalRecognisedOn: entry.originalRecognisedOn ?? null,
            externalOrg: entry.externalOrg ?? null,
          }
        : {}),
      recordedBy: actor.userId,
    });
    const after = await applyMemberTimeline(tx, created.id, null);
    await writeAudit(tx, {
      actor,
      action: 'member.create',
      entityType: 'member',
      entityId: created.id,
      orgUnitId: after.orgUnitId,
      after: { ...fields, entry },
    });
    return { id: created.id };
  });
};

export const updateMember = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TMemberUpdate;
}): Promise<{ id: number; version: number }> => {
  const { version, ...fields } = input;
  checkDates(fields);
  return withFigures(db, async (tx) => {
    const before = await getMemberInScope(tx, actor, id, true);
    if (before.version !== version) throw conflict();
    if (fields.citizenId && fields.citizenId !== before.citizenId) {
      const dup = await queryOne<{ id: number }>(
        tx,
        sql`select id from members where citizen_id = ${fields.citizenId} and id <> ${id} limit 1`,
      );
      if (dup)
        throw invalid(
          'Số định danh cá nhân này đã có trong hồ sơ một đảng viên khác.',
          'citizenId',
        );
    }
    const values = recordValues(fields);
    if (!can(actor, 'member.readSensitive')) {
      // A role that cannot see sensitive fields cannot overwrite them either.
      for (const key of memberSensitiveFields) delete (values as Record<string, unknown>)[key];
    }
    const [after] = await tx
      .update(members)
      .set({ ...values, version: before.version + 1, updatedAt: new Date() })
      .where(eq(members.id, id))
      .returning();
    markMemberAttributeChange(tx, before, after);
    const changedBefore: Record<string, unknown> = {};
    const changedAfter: Record<string, unknown> = {};
    for (const key of Object.keys(values) as (keyof typeof values)[]) {
      const a = JSON.stringify(before[key as keyof MemberRow] ?? null);
      const b = JSON.stringify(after[key as keyof MemberRow] ?? null);
      if (a !== b) {
        changedBefore[key] = before[key as keyof MemberRow] ?? null;
        changedAfter[key] = after[key as keyof MemberRow] ?? null;
      }
    }
    await writeAudit(tx, {
      actor,
      action: 'member.update',
      entityType: 'member',
      entityId: id,
      orgUnitId: after.orgUnitId,
      before: changedBefore,
      after: changedAfter,
      meta: { version: after.version },
    });
    return { id, version: after.version };
  });
};

/** Record a dated event; the status, cell and totals follow from the whole history. */
export const addMemberEvent = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TMemberEventInput;
}): Promise<{ id: number; version: number }> => {
  if (input.eventDate > todayIso())
    throw invalid('Ngày của sự kiện không được sau ngày hôm nay.', 'eventDate');
  const transfer = transferKinds.includes(input.kind);
  if (!transfer && (input.letterNumber || input.letterDate || input.presentedOn))
    throw invalid('Giấy giới thiệu chỉ ghi cho sự kiện chuyển sinh hoạt đảng.', 'letterNumber');
  if (input.letterDate && input.presentedOn && input.presentedOn < input.letterDate)
    throw invalid('Ngày xuất trình không thể trước ngày của giấy giới thiệu.', 'presentedOn');
  if (input.presentedOn && input.presentedOn > todayIso())
    throw invalid('Ngày xuất trình không được sau ngày hôm nay.', 'presentedOn');
  return withFigures(db, async (tx) => {
    const before = await getMemberInScope(tx, actor, id, true);
    if (before.version !== input.version) throw conflict();
    if (input.orgUnitId) await assertCell(tx, actor, input.orgUnitId);
    // A member being inspected for signs of violation, an accusation, or proposed for discipline
    // is not transferred out until it is settled (docs/domain/discipline.md).
    if (
      (input.kind === 'transferred_out' || input.kind === 'temporary_out') &&
      (await isUnderDisciplineReview(tx, id))
    )
      throw invalid(
        `Đồng chí ${before.fullName} đang được xem xét kỷ luật (đang bị kiểm tra khi có dấu hiệu vi phạm, giải quyết tố cáo hoặc đề nghị kỷ luật), chưa chuyển sinh hoạt đảng ra ngoài cho đến khi có kết luận.`,
        'kind',
      );
    const { version } = await appendMemberEvent(tx, actor, before, {
      kind: input.kind,
      eventDate: input.eventDate,
      orgUnitId: input.orgUnitId ?? null,
      externalOrg: input.externalOrg ?? null,
      decisionNumber: input.decisionNumber ?? null,
      letterNumber: input.letterNumber ?? null,
      letterDate: input.letterDate ?? null,
      presentedOn: input.presentedOn ?? null,
      note: input.note ?? null,
    });
    return { id, version };
  });
};

export const assertCanWriteMember = (actor: Actor) => {
  if (!can(actor, 'member.write')) throw forbidden();
};

/**
 * The receiving organisation confirmed that the member presented the transfer letter. The
 * member must present it within 30 days of issue (docs/domain/members.md); later ones are flagged.
 */
export const confirmLetterPresented = async ({
  db,
  actor,
  id,
  eventId,
  presentedOn,
}: {
  db: Db;
  actor: Actor;
  id: number;
  eventId: number;
  presentedOn: string;
}): Promise<{ ok: true; late: boolean }> => {
  if (presentedOn > todayIso())
    throw invalid('Ngày xuất trình không được sau ngày hôm nay.', 'presentedOn');
  return db.transaction(async (tx) => {
    const member = await getMemberInScope(tx, actor, id, true);
    const event = await queryOne<{
      id: number;
      kind: MemberEventKind;
      letter_date: string | null;
      event_date: string;
    }>(
      tx,
      sql`select id, kind, letter_date, event_date from member_events where id = ${eventId} and member_id = ${id}`,
    );
    if (!event || !transferKinds.includes(event.kind)) throw notFound('sự kiện chuyển sinh hoạt');
    const issued = event.letter_date ?? event.event_date;
    if (presentedOn < issued)
      throw invalid('Ngày xuất trình không thể trước ngày của giấy giới thiệu.', 'presentedOn');
    await tx.execute(
      sql`update member_events set presented_on = ${presentedOn} where id = ${eventId}`,
    );
    const late = presentedOn > addDays(issued, letterPresentationDays);
    await writeAudit(tx, {
      actor,
      action: 'member.letter_presented',
      entityType: 'member',
      entityId: id,
      orgUnitId: member.orgUnitId,
      after: { eventId, presentedOn, late },
    });
    return { ok: true as const, late };
  });
};

/** The member presents the letter within 30 (calendar) days of issue (docs/domain/members.md). */
export const letterPresentationDays = 30;
