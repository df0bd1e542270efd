// The register of proposals and recommendations (đề xuất, kiến nghị; docs/domain/proposals.md). A proposal
// belongs to the register of the unit that received it and may be assigned to a body in our tree that
// must answer by a deadline. It is visible to users whose subtree holds the register's unit or the
// assignee; the register's office (or cell secretary) records and edits it; either side records the answer.

import type { TReminder } from '../../../contracts/lifecycle';
import type {
  TProposal,
  TProposalAnswer,
  TProposalFields,
  TProposalList,
  TProposalUpdate,
} from '../../../contracts/proposals';
import { addDays } from '../../../domain/calendar/date-math';
import { type ProposalState, proposalState } from '../../../domain/rules/proposals/status';
import { formatDate, toSearchKey } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { proposals } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can, isPathInScope } from '../../platform/access/permissions';
import { canReach } from '../../platform/access/records';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { conflict, invalidField, notFound } from '../../platform/errors';

/** A proposal is visible where its register's unit or the body assigned to answer lies in the subtree. */
const visible = (actor: Actor) =>
  sql`(${inScope(actor, sql`o.path`)} or coalesce(${inScope(actor, sql`a.path`)}, false))`;

type Row = {
  id: number;
  org_unit_id: number;
  org_unit_name: string;
  org_path: string;
  source_kind: TProposal['sourceKind'];
  source_org_unit_id: number | null;
  source_member_id: number | null;
  source_text: string | null;
  source_unit_name: string | null;
  source_member_name: string | null;
  meeting_id: number | null;
  meeting_title: string | null;
  meeting_held_on: string | null;
  raised_on: string;
  field: TProposal['field'];
  content: string;
  addressee: string | null;
  assignee_org_unit_id: number | null;
  assignee_name: string | null;
  assignee_path: string | null;
  due_on: string | null;
  status: string;
  answered_on: string | null;
  answer: string | null;
  answer_ref: string | null;
  answer_document_id: number | null;
  answer_file_name: string | null;
  version: number;
};

const selectRows = sql`select p.id, p.org_unit_id, o.name as org_unit_name, o.path::text as org_path,
    p.source_kind, p.source_org_unit_id, p.source_member_id, p.source_text,
    so.name as source_unit_name, sm.full_name as source_member_name,
    p.meeting_id, mt.title as meeting_title, mt.held_on::text as meeting_held_on, p.raised_on::text as raised_on, p.field, p.content,
    p.addressee, p.assignee_org_unit_id, a.name as assignee_name, a.path::text as assignee_path,
    p.due_on::text as due_on, p.status, p.answered_on::text as answered_on, p.answer, p.answer_ref,
    p.answer_document_id, ad.file_name as answer_file_name, p.version
  from proposals p join org_units o on o.id = p.org_unit_id
  left join org_units a on a.id = p.assignee_org_unit_id
  left join org_units so on so.id = p.source_org_unit_id
  left join members sm on sm.id = p.source_member_id
  left join meetings mt on mt.id = p.meeting_id
  left join documents ad on ad.id = p.answer_document_id`;

const canEditRow = (actor: Actor, r: Pick<Row, 'org_path'>) =>
  can(actor, 'proposal.write') && isPathInScope(actor, r.org_path);
const canAnswerRow = (actor: Actor, r: Pick<Row, 'org_path' | 'assignee_path' | 'status'>) =>
  can(actor, 'proposal.answer') &&
  r.status !== 'withdrawn' &&
  (isPathInScope(actor, r.org_path) ||
    (r.assignee_path !== null && isPathInScope(actor, r.assignee_path)));

const toProposal = (actor: Actor, r: Row, today: string): TProposal => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  sourceKind: r.source_kind,
  sourceOrgUnitId: r.source_org_unit_id,
  sourceMemberId: r.source_member_id,
  sourceText: r.source_text,
  sourceName: r.source_unit_name ?? r.source_member_name ?? r.source_text ?? '—',
  meetingId: r.meeting_id,
  meetingTitle: r.meeting_title,
  meetingHeldOn: r.meeting_held_on,
  raisedOn: r.raised_on,
  field: r.field,
  content: r.content,
  addressee: r.addressee,
  assigneeOrgUnitId: r.assignee_org_unit_id,
  assigneeOrgUnitName: r.assignee_name,
  dueOn: r.due_on,
  state: proposalState(
    {
      status: r.status,
      assigneeOrgUnitId: r.assignee_org_unit_id,
      addressee: r.addressee,
      dueOn: r.due_on,
    },
    today,
  ),
  answeredOn: r.answered_on,
  answer: r.answer,
  answerRef: r.answer_ref,
  answerDocumentId: r.answer_document_id,
  answerFileName: r.answer_file_name,
  version: r.version,
  canEdit: canEditRow(actor, r),
  canAnswer: canAnswerRow(actor, r),
  answerUnitId: !canAnswerRow(actor, r)
    ? null
    : r.assignee_org_unit_id !== null && r.assignee_path && isPathInScope(actor, r.assignee_path)
      ? r.assignee_org_unit_id
      : r.org_unit_id,
});

const getVisibleRow = async (db: DbOrTx, actor: Actor, id: number, lock = false) => {
  const row = await queryOne<Row>(
    db,
    sql`${selectRows} where p.id = ${id} and ${visible(actor)} ${lock ? sql`for update of p` : sql``}`,
  );
  if (!row) throw notFound('kiến nghị');
  return row;
};

/** The source, the meeting, the assignee and the dates: each must exist and be reachable. */
const checkFields = async (db: DbOrTx, actor: Actor, input: TProposalFields) => {
  const unit = await getUnitInScope(db, actor, input.orgUnitId);
  const today = todayIso();
  if (input.raisedOn > today)
    throw invalidField('raisedOn', 'Ngày tiếp nhận không được sau ngày hôm nay.');
  if (input.dueOn && input.dueOn < input.raisedOn)
    throw invalidField('dueOn', 'Hạn trả lời không được trước ngày tiếp nhận.');
  if (input.sourceKind === 'unit') {
    if (!input.sourceOrgUnitId)
      throw invalidField('sourceOrgUnitId', 'Chọn tổ chức đảng đề xuất, kiến nghị.');
    await getUnitInScope(db, actor, input.sourceOrgUnitId).catch(() => {
      throw invalidField('sourceOrgUnitId', 'Không tìm thấy tổ chức đảng trong phạm vi của bạn.');
    });
  }
  if (input.sourceKind === 'member' && !input.sourceMemberId)
    throw invalidField('sourceMemberId', 'Chọn đảng viên đề xuất, kiến nghị.');
  if (input.sourceMemberId && !(await canReach(db, actor, 'member.read', input.sourceMemberId)))
    throw invalidField('sourceMemberId', 'Không tìm thấy đảng viên trong phạm vi của bạn.');
  if (
    (input.sourceKind === 'other' || input.sourceKind === 'conference_delegate') &&
    !input.sourceMemberId &&
    !input.sourceText
  )
    throw invalidField('sourceText', 'Ghi rõ người hoặc nơi đề xuất, kiến nghị.');
  if (input.meetingId && !(await canReach(db, actor, 'meeting.read', input.meetingId)))
    throw invalidField('meetingId', 'Không tìm thấy hội nghị trong phạm vi của bạn.');
  if (input.assigneeOrgUnitId)
    await getUnitInScope(db, actor, input.assigneeOrgUnitId).catch(() => {
      throw invalidField(
        'assigneeOrgUnitId',
        'Không tìm thấy tổ chức được giao trả lời trong phạm vi của bạn.',
      );
    });
  return unit;
};

const values = (input: TProposalFields) => ({
  orgUnitId: input.orgUnitId,
  sourceKind: input.sourceKind,
  // Keep only the source the kind names, so a changed kind leaves no stale link behind.
  sourceOrgUnitId: input.sourceKind === 'unit' ? (input.sourceOrgUnitId ?? null) : null,
  sourceMemberId:
    input.sourceKind === 'member' || input.sourceKind === 'conference_delegate'
      ? (input.sourceMemberId ?? null)
      : null,
  sourceText: input.sourceText ?? null,
  meetingId: input.meetingId ?? null,
  raisedOn: input.raisedOn,
  field: input.field ?? null,
  content: input.content.normalize('NFC'),
  addressee: input.addressee ?? null,
  assigneeOrgUnitId: input.assigneeOrgUnitId ?? null,
  dueOn: input.dueOn ?? null,
});

export const createProposal = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TProposalFields;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const unit = await checkFields(tx, actor, input);
    const [row] = await tx
      .insert(proposals)
      .values({ ...values(input), createdBy: actor.userId })
      .returning({ id: proposals.id, version: proposals.version });
    await writeAudit(tx, {
      actor,
      action: 'proposal.create',
      entityType: 'proposal',
      entityId: row.id,
      orgUnitId: unit.id,
      after: input,
    });
    return row;
  });

export const updateProposal = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TProposalUpdate;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await getVisibleRow(tx, actor, id, true);
    if (!canEditRow(actor, before)) throw notFound('kiến nghị');
    if (before.version !== input.version) throw conflict();
    const unit = await checkFields(tx, actor, input);
    if (before.answered_on && input.raisedOn > before.answered_on)
      throw invalidField('raisedOn', 'Ngày tiếp nhận không được sau ngày trả lời.');
    const [row] = await tx
      .update(proposals)
      .set({ ...values(input), version: before.version + 1 })
      .where(sql`id = ${id}`)
      .returning({ id: proposals.id, version: proposals.version });
    await writeAudit(tx, {
      actor,
      action: 'proposal.update',
      entityType: 'proposal',
      entityId: id,
      orgUnitId: unit.id,
      before,
      after: input,
    });
    return row;
  });

/** The answer of the body that had to answer (or of the register's office on its behalf). */
export const answerProposal = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TProposalAnswer;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await getVisibleRow(tx, actor, id, true);
    if (!canAnswerRow(actor, before)) throw notFound('kiến nghị');
    if (before.version !== input.version) throw conflict();
    if (input.answeredOn < before.raised_on)
      throw invalidField('answeredOn', 'Ngày trả lời không được trước ngày tiếp nhận.');
    if (input.answeredOn > todayIso())
      throw invalidField('answeredOn', 'Ngày trả lời không được sau ngày hôm nay.');
    if (
      input.answerDocumentId &&
      !(await canReach(tx, actor, 'document.read', input.answerDocumentId))
    )
      throw invalidField('answerDocumentId', 'Không tìm thấy tệp văn bản trả lời.');
    const [row] = await tx
      .update(proposals)
      .set({
        status: 'answered',
        answeredOn: input.answeredOn,
        answer: input.answer.normalize('NFC'),
        answerRef: input.answerRef ?? null,
        // A corrected answer without a new scan keeps the one attached before.
        answerDocumentId: input.answerDocumentId ?? before.answer_document_id,
        version: before.version + 1,
      })
      .where(sql`id = ${id}`)
      .returning({ id: proposals.id, version: proposals.version });
    await writeAudit(tx, {
      actor,
      action: 'proposal.answer',
      entityType: 'proposal',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before: { status: before.status, answeredOn: before.answered_on, answer: before.answer },
      after: input,
    });
    return row;
  });

/** Withdrawn by who raised it (recorded by the register's office): no longer waits for an answer. */
export const withdrawProposal = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: { reason?: string | null; version: number };
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await getVisibleRow(tx, actor, id, true);
    if (!canEditRow(actor, before)) throw notFound('kiến nghị');
    if (before.version !== input.version) throw conflict();
    if (before.status === 'answered')
      throw invalidField('status', 'Kiến nghị đã được trả lời, không thể rút.');
    const [row] = await tx
      .update(proposals)
      .set({ status: 'withdrawn', version: before.version + 1 })
      .where(sql`id = ${id}`)
      .returning({ id: proposals.id, version: proposals.version });
    await writeAudit(tx, {
      actor,
      action: 'proposal.withdraw',
      entityType: 'proposal',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before: { status: before.status },
      after: { status: 'withdrawn', reason: input.reason ?? null },
    });
    return row;
  });

export const getProposal = async ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<TProposal> => toProposal(actor, await getVisibleRow(db, actor, id), todayIso());

const maxRows = 2000;

/**
 * The register of a unit's subtree (what it received, and what it was assigned to answer), newest
 * first, with the count of each state before the state filter.
 */
export const listProposals = async ({
  db,
  actor,
  orgUnitId,
  year,
  state,
  sourceKind,
  q,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  year?: number;
  state?: ProposalState;
  sourceKind?: TProposal['sourceKind'];
  q?: string;
}): Promise<TProposalList> => {
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  const rows = await queryRows<Row>(
    db,
    sql`${selectRows}
        where (o.path <@ ${unit.path}::ltree or coalesce(a.path <@ ${unit.path}::ltree, false))
          and ${visible(actor)}
          ${year ? sql`and extract(year from p.raised_on) = ${year}` : sql``}
          ${sourceKind ? sql`and p.source_kind = ${sourceKind}` : sql``}
        order by p.raised_on desc, p.id desc limit ${maxRows}`,
  );
  const today = todayIso();
  const key = q ? toSearchKey(q) : '';
  const all = rows
    .map((r) => toProposal(actor, r, today))
    .filter(
      (p) =>
        !key ||
        toSearchKey(
          `${p.content} ${p.sourceName} ${p.addressee ?? ''} ${p.answer ?? ''} ${p.answerRef ?? ''}`,
        ).includes(key),
    );
  const count = (s: ProposalState) => all.filter((p) => p.state === s).length;
  return {
    items: state ? all.filter((p) => p.state === state) : all,
    counts: {
      total: all.length,
      received: count('received'),
      assigned: count('assigned'),
      overdue: count('overdue'),
      answered: count('answered'),
      withdrawn: count('withdrawn'),
    },
  };
};

/** How many days ahead a deadline is "due soon" in the reminders. */
const dueSoonDays = 7;

/**
 * Open proposals past their deadline, or due within a week, that a subtree must answer (as the
 * assignee) or whose register it keeps: items for the reminders ("Việc cần làm", lifecycle module).
 */
export const proposalReminders = async (
  db: DbOrTx,
  unitPath: string,
  today: string,
): Promise<TReminder[]> => {
  const rows = await queryRows<{
    id: number;
    content: string;
    due_on: string;
    source: string;
    unit_id: number;
    unit_name: string;
    assignee_name: string | null;
    addressee: string | null;
  }>(
    db,
    sql`select p.id, p.content, p.due_on::text as due_on,
          coalesce(so.name, sm.full_name, p.source_text, '') as source,
          o.id as unit_id, o.name as unit_name, a.name as assignee_name, p.addressee
        from proposals p join org_units o on o.id = p.org_unit_id
        left join org_units a on a.id = p.assignee_org_unit_id
        left join org_units so on so.id = p.source_org_unit_id
        left join members sm on sm.id = p.source_member_id
        where p.status = 'open' and p.due_on is not null
          and p.due_on <= ${addDays(today, dueSoonDays)}
          and (o.path <@ ${unitPath}::ltree or coalesce(a.path <@ ${unitPath}::ltree, false))
        order by p.due_on, p.id limit 500`,
  );
  return rows.map((r) => {
    const overdue = r.due_on < today;
    const short = r.content.length > 80 ? `${r.content.slice(0, 80)}…` : r.content;
    const who = r.assignee_name ?? r.addressee ?? r.unit_name;
    return {
      kind: 'proposal_overdue' as const,
      date: r.due_on,
      severity: overdue ? ('overdue' as const) : ('due_soon' as const),
      title: `Kiến nghị${r.source ? ` của ${r.source}` : ''}: ${short}`,
      detail: overdue
        ? `Quá hạn trả lời từ ngày ${formatDate(r.due_on)}; ${who} chưa trả lời.`
        : `Hạn trả lời ${formatDate(r.due_on)} (${who}).`,
      // Grouped under the unit that received it (the reminders page groups by unit).
      orgUnitId: r.unit_id,
      orgUnitName: r.unit_name,
      link: `/kien-nghi?id=${r.id}`,
    };
  });
};
