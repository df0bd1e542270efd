// The discipline register (docs/domain/discipline.md): proposals and decisions against members and
// organisations with every rule checked before a decision is accepted (form by subject and
// standing, the deciding body's authority, the limitation period, and the vote: more than half of the
// body's members, two thirds to propose an expulsion – 22-QĐ/TW art. 15, docs/domain/discipline.md;
// decisions recorded before votes were kept stay valid with the vote unknown), their effects (an expulsion is
// the member's 'expelled' event at the decision date; a dissolution is the org-units 'dissolve'
// operation under the decision's number), the automatic lapse after 12 months, and complaints.

import { eq } from 'drizzle-orm';
import type {
  TComplaintOutcome,
  TDisciplineInput,
  TDisciplineRow,
} from '../../../contracts/inspection';
import type { TOrgOperation } from '../../../contracts/org-units';
import type { OrgUnitKind } from '../../../domain/enums/org-units';
import {
  bodyLevel,
  checkComplaint,
  checkDecision,
  complaintDeadline,
  type DecidingBody,
  type DisciplineForm,
  type DisciplineParams,
  decidingBodyLabels,
  disciplineDefaults,
  disciplineFormLabels,
  formsBySubject,
  type LimitationGround,
  lapseDate,
  limitationOf,
  type Standing,
} from '../../../domain/rules/discipline/discipline';
import { formatDate, normalizeText } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { disciplineComplaints, disciplineDecisions } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope, type UnitRow } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors';
import { type FiguresTx, withFigures } from '../figures';
import {
  appendMemberEvent,
  type DecisionStateRow,
  decisionStateSql,
  lockMember,
  stateOfRow,
} from '../members';
import { applyOrgOperation } from '../org-units';

/** Administrators may adjust the uncertain parameters (settings key `discipline_params`). */
export const getDisciplineParams = async (db: DbOrTx): Promise<DisciplineParams> => {
  const row = await queryOne<{ value: Partial<DisciplineParams> }>(
    db,
    sql`select value from settings where key = 'discipline_params'`,
  );
  return { ...disciplineDefaults, ...(row?.value ?? {}) } as DisciplineParams;
};

const levelKinds: Record<(typeof bodyLevel)[DecidingBody], OrgUnitKind[]> = {
  cell: ['cell', 'grassroots_cell'],
  sub_committee: ['sub_committee'],
  grassroots: ['grassroots_committee', 'grassroots_cell'],
  upper: ['upper_committee'],
};

type Subject = {
  kind: 'member' | 'organisation';
  memberId: number | null;
  orgUnit: UnitRow;
  name: string;
  standing: Standing | null;
};

const resolveSubject = async (
  tx: DbOrTx,
  actor: Actor,
  input: TDisciplineInput,
): Promise<Subject> => {
  if (input.subjectKind === 'member') {
    if (!input.memberId) throw invalidField('memberId', 'Cần chọn đảng viên.');
    const m = await queryOne<{
      id: number;
      full_name: string;
      org_unit_id: number;
      status: string;
      standing: string;
    }>(
      tx,
      sql`select m.id, m.full_name, m.org_unit_id, m.status, m.standing from members m
          join org_units o on o.id = m.org_unit_id
          where m.id = ${input.memberId} and ${inScope(actor, sql`o.path`)}`,
    );
    if (!m) throw notFound('đảng viên');
    if (!['probationary', 'full', 'exempted', 'suspended'].includes(m.status))
      throw invalidField('memberId', `${m.full_name} không còn sinh hoạt đảng.`);
    return {
      kind: 'member',
      memberId: m.id,
      orgUnit: await getUnitInScope(tx, actor, m.org_unit_id),
      name: m.full_name,
      standing: m.standing === 'probationary' ? 'probationary' : 'full',
    };
  }
  if (!input.orgUnitId) throw invalidField('orgUnitId', 'Cần chọn tổ chức đảng.');
  const unit = await getUnitInScope(tx, actor, input.orgUnitId);
  if (unit.dissolved_on) throw invalidField('orgUnitId', `${unit.name} đã giải thể.`);
  return { kind: 'organisation', memberId: null, orgUnit: unit, name: unit.name, standing: null };
};

const checkBody = (subject: Subject, bodyUnit: UnitRow, body: DecidingBody) => {
  if (!levelKinds[bodyLevel[body]].includes(bodyUnit.kind))
    throw invalidField('body', `${decidingBodyLabels[body]} không thuộc ${bodyUnit.name}.`);
  const under =
    subject.kind === 'member'
      ? subject.orgUnit.path === bodyUnit.path ||
        subject.orgUnit.path.startsWith(`${bodyUnit.path}.`)
      : subject.orgUnit.path.startsWith(`${bodyUnit.path}.`);
  if (!under)
    throw invalidField(
      'bodyOrgUnitId',
      subject.kind === 'member'
        ? `${subject.name} không thuộc ${bodyUnit.name}.`
        : `${subject.name} không phải tổ chức cấp dưới của ${bodyUnit.name}.`,
    );
};

/** The checks as the form shows them before saving (no change). */
export const previewDiscipline = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TDisciplineInput;
}) => {
  const params = await getDisciplineParams(db);
  const subject = await resolveSubject(db, actor, input);
  const decidedOn = input.decidedOn ?? todayIso();
  const violationOn = input.violationTo ?? input.violationFrom;
  const result = checkDecision(
    {
      subject: subject.kind,
      standing: subject.standing,
      form: input.form,
      body: input.body,
      violationOn,
      decidedOn,
      ground: (input.limitationGround ?? null) as LimitationGround | null,
      vote: input.vote ?? null,
      proposal: input.proposal,
    },
    params,
  );
  const bodyUnit = await getUnitInScope(db, actor, input.bodyOrgUnitId);
  let placement = {
    rule: 'Cấp quyết định',
    ok: true,
    message: `${decidingBodyLabels[input.body]} – ${bodyUnit.name}.`,
  };
  try {
    checkBody(subject, bodyUnit, input.body);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    placement = { rule: 'Cấp quyết định', ok: false, message: e.message };
  }
  const checks = [...result.checks, placement];
  return {
    ok: checks.every((c) => c.ok),
    checks,
    lapsesOn: lapseDate(
      { form: input.form, announcedOn: input.announcedOn ?? null, decidedOn },
      params,
    ),
    limitationExpiresOn: limitationOf(
      {
        form: input.form,
        violationOn,
        ground: (input.limitationGround ?? null) as LimitationGround | null,
      },
      params,
    ).expiresOn,
  };
};

/** The member's exit at the expulsion decision, through the member timeline (status, totals follow). */
const expelMember = async (
  tx: FiguresTx,
  actor: Actor,
  memberId: number,
  date: string,
  decisionNumber: string,
) => {
  const before = await lockMember(tx, memberId);
  if (!before) throw notFound('đảng viên');
  try {
    const { eventId } = await appendMemberEvent(tx, actor, before, {
      kind: 'expelled',
      eventDate: date,
      orgUnitId: null,
      decisionNumber,
      note: 'Khai trừ ra khỏi Đảng (quyết định kỷ luật).',
    });
    return eventId;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw invalidField(
      'decidedOn',
      `Không ghi được việc khai trừ vào lý lịch đảng viên: ${error.message}`,
    );
  }
};

export const recordDiscipline = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TDisciplineInput;
}): Promise<{ id: number; message: string }> => {
  const today = todayIso();
  if (input.violationTo && input.violationTo < input.violationFrom)
    throw invalidField('violationTo', 'Ngày kết thúc vi phạm không thể trước ngày bắt đầu.');
  if (input.violationFrom > today)
    throw invalidField('violationFrom', 'Ngày vi phạm không được sau ngày hôm nay.');
  if (!input.proposal) {
    if (!input.decidedOn) throw invalidField('decidedOn', 'Cần ghi ngày quyết định kỷ luật.');
    if (!input.decisionNumber)
      throw invalidField('decisionNumber', 'Cần ghi số quyết định kỷ luật.');
    if (input.decidedOn > today)
      throw invalidField('decidedOn', 'Ngày quyết định không được sau ngày hôm nay.');
    for (const [key, v] of [
      ['announcedOn', input.announcedOn],
      ['receivedOn', input.receivedOn],
    ] as const) {
      if (v && v < input.decidedOn)
        throw invalidField(key, 'Ngày này không thể trước ngày quyết định.');
      if (v && v > today) throw invalidField(key, 'Ngày này không được sau ngày hôm nay.');
    }
  }
  return withFigures(db, async (tx) => {
    const params = await getDisciplineParams(tx);
    const subject = await resolveSubject(tx, actor, input);
    const bodyUnit = await getUnitInScope(tx, actor, input.bodyOrgUnitId);
    checkBody(subject, bodyUnit, input.body);
    if (input.caseId) {
      const c = await queryOne<{ id: number }>(
        tx,
        sql`select c.id from inspection_cases c join org_units o on o.id = c.org_unit_id
            where c.id = ${input.caseId} and ${inScope(actor, sql`o.path`)}`,
      );
      if (!c) throw notFound('cuộc kiểm tra');
    }
    const violationOn = input.violationTo ?? input.violationFrom;
    const decidedOn = input.decidedOn ?? today;
    const result = checkDecision(
      {
        subject: subject.kind,
        standing: subject.standing,
        form: input.form,
        body: input.body,
        violationOn,
        decidedOn,
        ground: (input.limitationGround ?? null) as LimitationGround | null,
        vote: input.vote ?? null,
        proposal: input.proposal,
      },
      params,
    );
    // A proposal is checked for its form and its vote; a decision for every rule.
    const failed = result.checks.find(
      (c) =>
        !c.ok && (!input.proposal || c.rule === 'Hình thức kỷ luật' || c.rule === 'Biểu quyết'),
    );
    if (failed)
      throw invalidField(
        failed.rule === 'Thời hiệu'
          ? 'violationFrom'
          : failed.rule === 'Thẩm quyền'
            ? 'body'
            : failed.rule === 'Biểu quyết'
              ? 'vote'
              : 'form',
        failed.message,
      );
    let memberEventId: number | null = null;
    let orgOperationId: number | null = null;
    if (!input.proposal && input.form === 'khai_tru' && subject.memberId)
      memberEventId = await expelMember(
        tx,
        actor,
        subject.memberId,
        decidedOn,
        input.decisionNumber!,
      );
    if (!input.proposal && input.form === 'giai_tan') {
      const op: TOrgOperation = {
        kind: 'dissolve',
        orgUnitId: subject.orgUnit.id,
        effectiveDate: decidedOn,
        decisionNumber: input.decisionNumber!,
        decisionDate: decidedOn,
        note: `Kỷ luật giải tán: ${normalizeText(input.violation)}`,
      };
      // Nested: a savepoint inside this transaction, so the register and the tree change together.
      const res = await applyOrgOperation({ db: tx, actor, input: op });
      orgOperationId = res.operationId;
    }
    // A decision closes the open proposals about the same subject.
    if (!input.proposal)
      await tx.execute(
        sql`update discipline_decisions set status = 'closed', version = version + 1
            where status = 'proposed' and ${subject.memberId ? sql`member_id = ${subject.memberId}` : sql`member_id is null and org_unit_id = ${subject.orgUnit.id}`}`,
      );
    const [created] = await tx
      .insert(disciplineDecisions)
      .values({
        subjectKind: subject.kind,
        memberId: subject.memberId,
        orgUnitId: subject.orgUnit.id,
        standing: subject.standing,
        caseId: input.caseId ?? null,
        status: input.proposal ? 'proposed' : 'decided',
        form: input.form,
        body: input.body,
        bodyOrgUnitId: bodyUnit.id,
        decisionNumber: input.decisionNumber ?? null,
        violation: normalizeText(input.violation),
        limitationGround: input.limitationGround ?? null,
        violationFrom: input.violationFrom,
        violationTo: input.violationTo ?? null,
        decidedOn: input.proposal ? null : decidedOn,
        announcedOn: input.proposal ? null : (input.announcedOn ?? null),
        receivedOn: input.proposal ? null : (input.receivedOn ?? null),
        voteMembers: input.vote?.members ?? null,
        votePresent: input.vote?.present ?? null,
        voteFor: input.vote?.inFavour ?? null,
        voteAgainst: input.vote?.against ?? null,
        memberEventId,
        orgOperationId,
        createdBy: actor.userId,
      })
      .returning({ id: disciplineDecisions.id });
    await writeAudit(tx, {
      actor,
      action: input.proposal ? 'discipline.propose' : 'discipline.decide',
      entityType: 'discipline_decision',
      entityId: created.id,
      orgUnitId: subject.orgUnit.id,
      after: { ...input, checks: result.checks },
    });
    const what =
      `${disciplineFormLabels[input.form].toLowerCase()} ${subject.kind === 'member' ? 'đảng viên' : ''} ${subject.name}`.replace(
        /\s+/g,
        ' ',
      );
    const message = input.proposal
      ? `Đã ghi đề nghị ${what}; đối tượng đang được xem xét kỷ luật.`
      : `Đã ghi quyết định ${input.decisionNumber} ${what}.${
          input.form === 'khai_tru' ? ' Lý lịch đảng viên đã ghi sự kiện khai trừ.' : ''
        }${input.form === 'giai_tan' ? ' Tổ chức đã được đóng trên cây tổ chức.' : ''}`;
    return { id: created.id, message };
  });
};

type RegisterRow = DecisionStateRow & {
  subject_name: string;
  org_unit_name: string;
  standing: string | null;
  case_id: number | null;
  body: DecidingBody;
  decision_number: string | null;
  violation: string;
  violation_from: string;
  violation_to: string | null;
  received_on: string | null;
  vote_members: number | null;
  vote_present: number | null;
  vote_for: number | null;
  vote_against: number | null;
};

export const registerRowsSql = (where: ReturnType<typeof sql>) => sql`
  select x.*, coalesce(m.full_name, o.name) as subject_name, o.name as org_unit_name, d.standing,
    d.case_id, d.body, d.decision_number, d.violation, d.violation_from, d.violation_to, d.received_on,
    d.vote_members, d.vote_present, d.vote_for, d.vote_against
  from (${decisionStateSql}) x join discipline_decisions d on d.id = x.id
  join org_units o on o.id = d.org_unit_id left join members m on m.id = d.member_id
  where d.status <> 'closed' and ${where}
  order by coalesce(d.decided_on, d.created_at::date) desc, d.id desc`;

export const toRegisterRow = (
  r: RegisterRow,
  complaints: TDisciplineRow['complaints'],
  params: DisciplineParams,
  asOf: string,
): TDisciplineRow => ({
  id: r.id,
  subjectKind: r.subject_kind,
  memberId: r.member_id,
  subjectName: r.subject_name,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  standing: r.standing,
  caseId: r.case_id,
  form: r.form,
  body: r.body,
  decisionNumber: r.decision_number,
  violation: r.violation,
  violationFrom: r.violation_from,
  violationTo: r.violation_to,
  decidedOn: r.decided_on,
  announcedOn: r.announced_on,
  receivedOn: r.received_on,
  vote:
    r.vote_members == null
      ? null
      : {
          members: r.vote_members,
          present: r.vote_present ?? 0,
          inFavour: r.vote_for ?? 0,
          against: r.vote_against ?? 0,
        },
  state: stateOfRow(r, asOf),
  lapsesOn: r.decided_on
    ? lapseDate({ form: r.form, announcedOn: r.announced_on, decidedOn: r.decided_on }, params)
    : null,
  complaintDeadline:
    r.decided_on != null
      ? complaintDeadline(r.received_on ?? r.announced_on ?? r.decided_on, params)
      : null,
  complaints,
});

export const listDiscipline = async ({
  db,
  actor,
  orgUnitId,
  year,
  form,
  subjectKind,
  state,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  year?: number;
  form?: DisciplineForm;
  subjectKind?: 'member' | 'organisation';
  state?: TDisciplineRow['state'];
}): Promise<{ items: TDisciplineRow[] }> => {
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  const params = await getDisciplineParams(db);
  const rows = await queryRows<RegisterRow>(
    db,
    registerRowsSql(sql`o.path <@ ${unit.path}::ltree
      ${year ? sql`and extract(year from coalesce(d.decided_on, d.created_at::date)) = ${year}` : sql``}
      ${form ? sql`and d.form = ${form}` : sql``}
      ${subjectKind ? sql`and d.subject_kind = ${subjectKind}` : sql``}`),
  );
  const complaints = rows.length
    ? await db
        .select()
        .from(disciplineComplaints)
        .where(
          sql`${disciplineComplaints.decisionId} in (${sql.join(
            rows.map((r) => sql`${r.id}`),
            sql`, `,
          )})`,
        )
        .orderBy(disciplineComplaints.id)
    : [];
  const today = todayIso();
  const items = rows
    .map((r) =>
      toRegisterRow(
        r,
        complaints
          .filter((c) => c.decisionId === r.id)
          .map((c) => ({
            id: c.id,
            filedOn: c.filedOn,
            deadlineOn: c.deadlineOn,
            handledBy: c.handledBy,
            outcome: c.outcome as TDisciplineRow['complaints'][number]['outcome'],
            outcomeOn: c.outcomeOn,
            outcomeNote: c.outcomeNote,
            newForm: c.newForm as DisciplineForm | null,
            version: c.version,
          })),
        params,
        today,
      ),
    )
    .filter((r) => !state || r.state === state);
  // The register is sensitive (discipline on members' records): every read is logged.
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'read_sensitive',
      entityType: 'discipline_register',
      entityId: unit.id,
      orgUnitId: unit.id,
      meta: { year: year ?? null, rows: items.length },
    }),
  );
  return { items };
};

const getDecisionInScope = async (tx: DbOrTx, actor: Actor, id: number) => {
  const row = await queryOne<{ id: number; org_unit_id: number }>(
    tx,
    sql`select d.id, d.org_unit_id from discipline_decisions d join org_units o on o.id = d.org_unit_id
        where d.id = ${id} and ${inScope(actor, sql`o.path`)}`,
  );
  if (!row) throw notFound('quyết định kỷ luật');
  const [d] = await tx
    .select()
    .from(disciplineDecisions)
    .where(eq(disciplineDecisions.id, id))
    .for('update');
  return d;
};

/** A complaint: within 1 month of receiving the decision; a late one is recorded as not accepted. */
export const fileComplaint = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: { filedOn: string; handledBy: string };
}): Promise<{ id: number; accepted: boolean; message: string }> => {
  if (input.filedOn > todayIso())
    throw invalidField('filedOn', 'Ngày khiếu nại không được sau ngày hôm nay.');
  return db.transaction(async (tx) => {
    const d = await getDecisionInScope(tx, actor, id);
    if (d.status !== 'decided' || !d.decidedOn)
      throw invalidField('filedOn', 'Chỉ khiếu nại được quyết định kỷ luật đã ban hành.');
    const pending = await queryOne<{ id: number }>(
      tx,
      sql`select id from discipline_complaints where decision_id = ${id} and outcome = 'pending' limit 1`,
    );
    if (pending)
      throw invalidField('filedOn', 'Khiếu nại trước về quyết định này đang được giải quyết.');
    const params = await getDisciplineParams(tx);
    const receivedOn = d.receivedOn ?? d.announcedOn ?? d.decidedOn;
    const check = checkComplaint({ receivedOn, filedOn: input.filedOn }, params);
    if (!check.ok && input.filedOn < receivedOn) throw invalidField('filedOn', check.message);
    const [created] = await tx
      .insert(disciplineComplaints)
      .values({
        decisionId: id,
        filedOn: input.filedOn,
        deadlineOn: check.deadline,
        handledBy: normalizeText(input.handledBy),
        outcome: check.ok ? 'pending' : 'not_accepted',
        outcomeOn: check.ok ? null : input.filedOn,
        outcomeNote: check.ok ? null : check.message,
      })
      .returning({ id: disciplineComplaints.id });
    await writeAudit(tx, {
      actor,
      action: 'discipline.complaint',
      entityType: 'discipline_decision',
      entityId: id,
      orgUnitId: d.orgUnitId,
      after: { ...input, accepted: check.ok, deadline: check.deadline },
    });
    return {
      id: created.id,
      accepted: check.ok,
      message: check.ok
        ? `Đã ghi khiếu nại (trong thời hạn, đến ${formatDate(check.deadline)}). Trong khi chờ giải quyết, quyết định vẫn được chấp hành.`
        : check.message,
    };
  });
};

export const decideComplaint = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TComplaintOutcome;
}): Promise<{ id: number; message: string }> => {
  if (input.outcomeOn > todayIso())
    throw invalidField('outcomeOn', 'Ngày giải quyết không được sau ngày hôm nay.');
  return db.transaction(async (tx) => {
    const c = await queryOne<{
      decision_id: number;
      version: number;
      outcome: string;
      filed_on: string;
    }>(
      tx,
      sql`select decision_id, version, outcome, filed_on from discipline_complaints where id = ${id} for update`,
    );
    if (!c) throw notFound('khiếu nại');
    const d = await getDecisionInScope(tx, actor, c.decision_id);
    if (c.version !== input.version) throw conflict();
    if (c.outcome !== 'pending') throw invalidField('outcome', 'Khiếu nại này đã được giải quyết.');
    if (input.outcomeOn < c.filed_on)
      throw invalidField('outcomeOn', 'Ngày giải quyết không thể trước ngày khiếu nại.');
    let message = 'Giữ nguyên quyết định kỷ luật.';
    if (input.outcome === 'reduced') {
      const forms = formsBySubject[d.subjectKind as 'member' | 'organisation'];
      if (
        !input.newForm ||
        !forms.includes(input.newForm) ||
        forms.indexOf(input.newForm) >= forms.indexOf(d.form as DisciplineForm)
      )
        throw invalidField('newForm', 'Hình thức mới phải nhẹ hơn hình thức đã quyết định.');
      await tx
        .update(disciplineDecisions)
        .set({ form: input.newForm, version: d.version + 1 })
        .where(eq(disciplineDecisions.id, d.id));
      message = `Giảm hình thức kỷ luật xuống ${disciplineFormLabels[input.newForm].toLowerCase()}.`;
    }
    if (input.outcome === 'annulled') {
      await tx
        .update(disciplineDecisions)
        .set({ status: 'annulled', version: d.version + 1 })
        .where(eq(disciplineDecisions.id, d.id));
      message = 'Xóa bỏ quyết định kỷ luật.';
    }
    if (input.outcome !== 'upheld' && (d.form === 'khai_tru' || d.form === 'giai_tan'))
      message += ` Việc ${d.form === 'khai_tru' ? 'khai trừ đã ghi vào lý lịch' : 'giải tán đã ghi trên cây tổ chức'} cần được phục hồi bằng một quyết định riêng (kết nạp lại, thành lập lại).`;
    await tx.execute(
      sql`update discipline_complaints set outcome = ${input.outcome}, outcome_on = ${input.outcomeOn},
            outcome_note = ${input.outcomeNote ?? null}, new_form = ${input.newForm ?? null}, version = version + 1
          where id = ${id}`,
    );
    await writeAudit(tx, {
      actor,
      action: 'discipline.complaint.outcome',
      entityType: 'discipline_decision',
      entityId: d.id,
      orgUnitId: d.orgUnitId,
      before: { form: d.form, status: d.status },
      after: input,
    });
    return { id, message };
  });
};
