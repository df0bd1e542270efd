// The residence cell's yearly comments on members working in agencies (nhận xét của chi bộ nơi cư trú;
// Quy định 213-QĐ/TW ngày 02/01/2020 của Bộ Chính trị, Điều 3: the workplace committee asks the residence
// cell for its comments every year, before the year-end evaluation; Hướng dẫn 33-HD/BTCTW ngày 30/10/2020
// lists members for whom no yearly comment is asked). One comment per member and year, recorded by the
// residence cell or transcribed by the workplace cell from the paper form. docs/domain/proposals.md.
import type {
  TMemberResidenceComments,
  TResidenceComment,
  TResidenceCommentFields,
  TResidenceCommentUpdate,
  TResidenceRoster,
} from '../../../contracts/proposals';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { residenceComments } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { canReach, requireAccess } from '../../platform/access/records';
import { seesOwnRecordOnly } from '../../platform/access/role-rules';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { conflict, invalidField, notFound } from '../../platform/errors';
import { activeStatusList } from '../figures';

type CommentRow = {
  id: number;
  member_id: number;
  member_name: string;
  year: number;
  residence_cell: string;
  residence_address: string | null;
  commented_on: string;
  comment: string;
  conclusion: TResidenceComment['conclusion'];
  recorded_as: TResidenceComment['recordedAs'];
  document_id: number | null;
  version: number;
  org_unit_id: number | null;
};

const selectComments = sql`select c.id, c.member_id, m.full_name as member_name, c.year,
    c.residence_cell, c.residence_address, c.commented_on::text as commented_on, c.comment,
    c.conclusion, c.recorded_as, c.document_id, c.version, m.org_unit_id
  from residence_comments c join members m on m.id = c.member_id`;

const toComment = (r: CommentRow): TResidenceComment => ({
  id: r.id,
  memberId: r.member_id,
  memberName: r.member_name,
  year: Number(r.year),
  residenceCell: r.residence_cell,
  residenceAddress: r.residence_address,
  commentedOn: r.commented_on,
  comment: r.comment,
  conclusion: r.conclusion,
  recordedAs: r.recorded_as,
  documentId: r.document_id,
  version: r.version,
});

/** The comments of one member, newest year first (a member reads their own; others in scope). */
export const listMemberResidenceComments = async ({
  db,
  actor,
  memberId,
}: {
  db: DbOrTx;
  actor: Actor;
  memberId: number;
}): Promise<TMemberResidenceComments> => {
  await requireAccess(db, actor, 'member.read', memberId);
  const rows = await queryRows<CommentRow>(
    db,
    sql`${selectComments} where c.member_id = ${memberId} order by c.year desc`,
  );
  return { items: rows.map(toComment) };
};

/**
 * The members of a unit's subtree today and, for the year, the residence cell's comment or its lack:
 * the list the workplace cell works through before the year-end evaluation.
 */
export const getResidenceRoster = async ({
  db,
  actor,
  orgUnitId,
  year,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  year: number;
}): Promise<TResidenceRoster> => {
  // A member reads only their own comments (the member route), never a unit's list.
  if (seesOwnRecordOnly(actor)) throw notFound('tổ chức đảng');
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  const rows = await queryRows<{
    member_id: number;
    full_name: string;
    org_unit_name: string;
    comment_id: number | null;
  }>(
    db,
    sql`select m.id as member_id, m.full_name, o.name as org_unit_name, c.id as comment_id
        from members m join org_units o on o.id = m.org_unit_id
        left join residence_comments c on c.member_id = m.id and c.year = ${year}
        where o.path <@ ${unit.path}::ltree and m.status in (${activeStatusList})
        order by (c.id is not null), o.name, m.full_name, m.id
        limit 5000`,
  );
  const ids = rows.flatMap((r) => (r.comment_id ? [r.comment_id] : []));
  const comments = new Map<number, TResidenceComment>();
  if (ids.length > 0) {
    const list = sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    );
    for (const c of await queryRows<CommentRow>(db, sql`${selectComments} where c.id in (${list})`))
      comments.set(c.id, toComment(c));
  }
  const items = rows.map((r) => ({
    memberId: r.member_id,
    fullName: r.full_name,
    orgUnitName: r.org_unit_name,
    comment: r.comment_id ? (comments.get(r.comment_id) ?? null) : null,
  }));
  const withComment = items.filter((i) => i.comment).length;
  return {
    orgUnitId: unit.id,
    orgUnitName: unit.name,
    year,
    items,
    withComment,
    withoutComment: items.length - withComment,
    canWrite: can(actor, 'residence.write'),
  };
};

const checkFields = async (db: DbOrTx, actor: Actor, input: TResidenceCommentFields) => {
  const member = await requireAccess(db, actor, 'member.write', input.memberId);
  // The comment on year N is given at the end of N or early in N+1 (before the year's evaluation).
  if (input.commentedOn < `${input.year}-01-01`)
    throw invalidField('commentedOn', `Ngày nhận xét không được trước năm ${input.year}.`);
  if (input.commentedOn > todayIso())
    throw invalidField('commentedOn', 'Ngày nhận xét không được sau ngày hôm nay.');
  if (input.documentId && !(await canReach(db, actor, 'document.read', input.documentId)))
    throw invalidField('documentId', 'Không tìm thấy tệp đính kèm.');
  return member;
};

const duplicate = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
};
const duplicateError = (year: number) =>
  invalidField('year', `Đảng viên này đã có nhận xét của chi bộ nơi cư trú năm ${year}.`);

const values = (input: TResidenceCommentFields) => ({
  memberId: input.memberId,
  year: input.year,
  residenceCell: input.residenceCell.normalize('NFC'),
  residenceAddress: input.residenceAddress ?? null,
  commentedOn: input.commentedOn,
  comment: input.comment.normalize('NFC'),
  conclusion: input.conclusion ?? null,
  recordedAs: input.recordedAs,
  documentId: input.documentId ?? null,
});

export const createResidenceComment = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TResidenceCommentFields;
}): Promise<{ id: number; version: number }> => {
  try {
    return await db.transaction(async (tx) => {
      const member = await checkFields(tx, actor, input);
      const [row] = await tx
        .insert(residenceComments)
        .values({ ...values(input), createdBy: actor.userId })
        .returning({ id: residenceComments.id, version: residenceComments.version });
      await writeAudit(tx, {
        actor,
        action: 'residence_comment.create',
        entityType: 'residence_comment',
        entityId: row.id,
        orgUnitId: member.org_unit_id,
        after: input,
      });
      return row;
    });
  } catch (error) {
    if (duplicate(error)) throw duplicateError(input.year);
    throw error;
  }
};

export const updateResidenceComment = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TResidenceCommentUpdate;
}): Promise<{ id: number; version: number }> => {
  try {
    return await db.transaction(async (tx) => {
      const before = await queryOne<CommentRow>(
        tx,
        sql`${selectComments} where c.id = ${id} for update of c`,
      );
      if (!before) throw notFound('nhận xét');
      // The record is reached through its member: out of scope reads as absent.
      await requireAccess(tx, actor, 'member.write', before.member_id).catch(() => {
        throw notFound('nhận xét');
      });
      if (before.version !== input.version) throw conflict();
      const member = await checkFields(tx, actor, input);
      const [row] = await tx
        .update(residenceComments)
        .set({ ...values(input), version: before.version + 1 })
        .where(sql`id = ${id}`)
        .returning({ id: residenceComments.id, version: residenceComments.version });
      await writeAudit(tx, {
        actor,
        action: 'residence_comment.update',
        entityType: 'residence_comment',
        entityId: id,
        orgUnitId: member.org_unit_id,
        before: toComment(before),
        after: input,
      });
      return row;
    });
  } catch (error) {
    if (duplicate(error)) throw duplicateError(input.year);
    throw error;
  }
};
