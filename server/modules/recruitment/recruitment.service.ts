import { eq } from 'drizzle-orm';
import type {
  TApplicantDetail,
  TApplicantFields,
  TApplicantUpdate,
  TBoardItem,
  TDeadline,
  TStepInput,
  TStopInput,
} from '../../../contracts/recruitment';
import type { CalendarAdjustment } from '../../../domain/calendar/working-days';
import type { OrgUnitKind } from '../../../domain/enums/org-units';
import {
  applicableSteps,
  checkEligibility,
  checkStepOrder,
  failedVoteConsequence,
  nextStep,
  probationEnd,
  type RecordedStep,
  type RecruitmentContext,
  type RecruitmentStep,
  recruitmentStepInfo,
  stepDeadlines,
  voteResult,
} from '../../../domain/rules/recruitment/recruitment';
import { formatDate, normalizeText, toLikeKey } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import {
  applicants,
  memberEvents,
  members,
  partyCardEvents,
  recruitmentSteps,
} from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { canReach, requireAccess } from '../../platform/access/records';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../platform/errors';
import { getCalendarAdjustments } from '../calendar';
import { type FiguresTx, markMemberFactsChanged, withFigures } from '../figures';
import { appendMemberEvent, applyMemberTimeline, lockMember } from '../members';

type ApplicantRow = typeof applicants.$inferSelect;
type StepRow = typeof recruitmentSteps.$inferSelect;

/** Steps whose record is a decision of the upper committee's standing committee (§2.3). */
const decisionSteps: readonly RecruitmentStep[] = ['admission_decision', 'recognition_decision'];

const toRecorded = (rows: StepRow[]): RecordedStep[] =>
  rows.map((r) => ({
    step: r.step as RecruitmentStep,
    date: r.stepDate,
    outcome: r.outcome as 'passed' | 'failed',
    votesFor: r.votesFor,
    votesTotal: r.votesTotal,
  }));

/** The facts of the cell that decide which steps apply (sub-committee; grassroots cell). */
const contextOf = async (db: DbOrTx, orgUnitId: number): Promise<RecruitmentContext> => {
  const row = await queryOne<{ kind: OrgUnitKind; parent_kind: OrgUnitKind | null }>(
    db,
    sql`select o.kind, p.kind as parent_kind from org_units o
        left join org_units p on p.id = o.parent_id where o.id = ${orgUnitId}`,
  );
  return {
    cellIsGrassroots: row?.kind === 'grassroots_cell',
    hasSubcommittee: row?.parent_kind === 'sub_committee',
  };
};

const assertCell = async (db: DbOrTx, actor: Actor, orgUnitId: number) => {
  const unit = await getUnitInScope(db, actor, orgUnitId);
  if (unit.dissolved_on) throw invalidField('orgUnitId', `${unit.name} đã giải thể.`);
  if (unit.kind !== 'cell' && unit.kind !== 'grassroots_cell')
    throw invalidField(
      'orgUnitId',
      'Quần chúng được chi bộ (chi bộ trực thuộc hoặc chi bộ cơ sở) bồi dưỡng, giới thiệu.',
    );
  return unit;
};

const getApplicantInScope = async (
  db: DbOrTx,
  actor: Actor,
  id: number,
  lock = false,
): Promise<ApplicantRow> => {
  await requireAccess(db, actor, 'applicant.read', id);
  const query = db.select().from(applicants).where(eq(applicants.id, id));
  const [applicant] = lock ? await query.for('update') : await query;
  return applicant;
};

const stepsOf = (db: DbOrTx, applicantId: number) =>
  db
    .select()
    .from(recruitmentSteps)
    .where(eq(recruitmentSteps.applicantId, applicantId))
    .orderBy(recruitmentSteps.stepDate, recruitmentSteps.id);

const ceremonyDate = (recorded: RecordedStep[]) =>
  recorded.find((r) => r.step === 'ceremony' && r.outcome === 'passed')?.date ?? null;

const deadlinesOf = (
  applicant: Pick<ApplicantRow, 'admissionExtended' | 'status'>,
  recorded: RecordedStep[],
  ctx: RecruitmentContext,
  adjustments: CalendarAdjustment[],
  today: string,
): TDeadline[] =>
  applicant.status === 'stopped'
    ? []
    : stepDeadlines(
        recorded,
        { ...ctx, extended: applicant.admissionExtended },
        adjustments,
        today,
      ).map((d) => ({ ...d, label: recruitmentStepInfo[d.step].label }));

export const getApplicantDetail = async ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<TApplicantDetail> => {
  const a = await getApplicantInScope(db, actor, id);
  const unit = await getUnitInScope(db, actor, a.orgUnitId);
  const ctx = await contextOf(db, a.orgUnitId);
  const rows = await queryRows<{
    id: number;
    step: RecruitmentStep;
    step_date: string;
    outcome: 'passed' | 'failed';
    votes_for: number | null;
    votes_total: number | null;
    form_code: string | null;
    document_number: string | null;
    document_id: number | null;
    document_name: string | null;
    note: string | null;
    recorded_by_name: string | null;
    recorded_at: string | Date;
  }>(
    db,
    sql`select s.id, s.step, s.step_date, s.outcome, s.votes_for, s.votes_total, s.form_code,
          s.document_number, s.document_id, d.file_name as document_name, s.note,
          u.display_name as recorded_by_name, s.recorded_at
        from recruitment_steps s left join documents d on d.id = s.document_id
        left join users u on u.id = s.recorded_by
        where s.applicant_id = ${id} order by s.step_date, s.id`,
  );
  const recorded: RecordedStep[] = rows.map((r) => ({
    step: r.step,
    date: r.step_date,
    outcome: r.outcome,
    votesFor: r.votes_for,
    votesTotal: r.votes_total,
  }));
  const adjustments = await getCalendarAdjustments(db);
  const today = todayIso();
  const ceremony = ceremonyDate(recorded);
  const cellVote = recorded.find((r) => r.step === 'cell_vote');
  const awareness = recorded.find((r) => r.step === 'awareness_course' && r.outcome === 'passed');
  const eligibility = checkEligibility({
    birthDate: a.birthDate,
    voteDate: cellVote?.date ?? today,
    generalEducation: a.generalEducation,
    area: a.educationArea as 'normal' | 'hardship' | 'elder',
    awarenessCertificateOn: awareness?.date ?? null,
  });
  return {
    id: a.id,
    orgUnitId: a.orgUnitId,
    orgUnitName: unit.name,
    fullName: a.fullName,
    sex: a.sex as TApplicantDetail['sex'],
    birthDate: a.birthDate,
    citizenId: a.citizenId,
    ethnicity: a.ethnicity,
    religion: a.religion,
    generalEducation: a.generalEducation,
    educationArea: a.educationArea as TApplicantDetail['educationArea'],
    workplace: a.workplace,
    position: a.position,
    phone: a.phone,
    source: a.source,
    mentorName: a.mentorName,
    status: a.status as TApplicantDetail['status'],
    stoppedReason: a.stoppedReason,
    admissionExtended: a.admissionExtended,
    memberId: a.memberId,
    version: a.version,
    steps: rows.map((r) => ({
      id: r.id,
      step: r.step,
      label: recruitmentStepInfo[r.step].label,
      stepDate: r.step_date,
      outcome: r.outcome,
      votesFor: r.votes_for,
      votesTotal: r.votes_total,
      formCode: r.form_code,
      documentNumber: r.document_number,
      documentId: r.document_id,
      documentName: r.document_name,
      note: r.note,
      recordedByName: r.recorded_by_name,
      recordedAt: new Date(r.recorded_at).toISOString(),
    })),
    applicableSteps: applicableSteps(ctx).map((step) => ({
      step,
      label: recruitmentStepInfo[step].label,
      formCode: recruitmentStepInfo[step].formCode,
      vote: recruitmentStepInfo[step].vote,
      phase: recruitmentStepInfo[step].phase,
    })),
    nextStep: a.status === 'stopped' ? null : nextStep(recorded, ctx),
    deadlines: deadlinesOf(a, recorded, ctx, adjustments, today),
    probationEndsOn: ceremony ? probationEnd(ceremony) : null,
    // Eligibility matters until the cell has voted; after that it is history.
    eligibility: a.status === 'in_progress' ? eligibility : null,
    canWrite: can(actor, 'recruitment.write') && a.status !== 'stopped',
    canDecide: can(actor, 'recruitment.decide') && a.status !== 'stopped',
  };
};

const applicantValues = (f: Omit<TApplicantFields, 'orgUnitId'>) => ({
  fullName: normalizeText(f.fullName),
  sex: f.sex,
  birthDate: f.birthDate,
  citizenId: f.citizenId ?? null,
  ethnicity: f.ethnicity ? normalizeText(f.ethnicity) : 'Kinh',
  religion: f.religion ? normalizeText(f.religion) : 'Không',
  generalEducation: f.generalEducation ?? null,
  educationArea: f.educationArea,
  workplace: f.workplace ?? null,
  position: f.position ?? null,
  phone: f.phone ?? null,
  source: f.source ?? null,
  mentorName: f.mentorName ?? null,
});

const checkBirthDate = (birthDate: string) => {
  if (birthDate > todayIso())
    throw invalidField('birthDate', 'Ngày sinh không được sau ngày hôm nay.');
  if (birthDate < '1900-01-01') throw invalidField('birthDate', 'Ngày sinh không hợp lệ.');
};

const assertNoDuplicatePerson = async (
  db: DbOrTx,
  citizenId: string | null | undefined,
  exceptApplicantId?: number,
) => {
  if (!citizenId) return;
  const member = await queryOne<{ id: number }>(
    db,
    sql`select id from members where citizen_id = ${citizenId} limit 1`,
  );
  if (member)
    throw invalidField('citizenId', 'Số định danh cá nhân này đã có trong hồ sơ một đảng viên.');
  const other = await queryOne<{ id: number }>(
    db,
    sql`select id from applicants where citizen_id = ${citizenId} and status <> 'stopped'
        and id <> ${exceptApplicantId ?? 0} limit 1`,
  );
  if (other)
    throw invalidField(
      'citizenId',
      'Số định danh cá nhân này đã có trong một hồ sơ xét kết nạp đang theo dõi.',
    );
};

export const createApplicant = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TApplicantFields;
}): Promise<{ id: number; version: number }> => {
  checkBirthDate(input.birthDate);
  return db.transaction(async (tx) => {
    await assertCell(tx, actor, input.orgUnitId);
    await assertNoDuplicatePerson(tx, input.citizenId);
    const { orgUnitId, ...fields } = input;
    const [created] = await tx
      .insert(applicants)
      .values({ ...applicantValues(fields), orgUnitId, createdBy: actor.userId })
      .returning({ id: applicants.id, version: applicants.version });
    await writeAudit(tx, {
      actor,
      action: 'applicant.create',
      entityType: 'applicant',
      entityId: created.id,
      orgUnitId,
      after: input,
    });
    return created;
  });
};

export const updateApplicant = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TApplicantUpdate;
}): Promise<{ id: number; version: number }> => {
  checkBirthDate(input.birthDate);
  return db.transaction(async (tx) => {
    const before = await getApplicantInScope(tx, actor, id, true);
    if (before.version !== input.version) throw conflict();
    if (before.status === 'stopped')
      throw invalidField('status', 'Hồ sơ đã dừng xét, không sửa được.');
    await assertNoDuplicatePerson(tx, input.citizenId, id);
    const { version: _v, admissionExtended, ...fields } = input;
    const [after] = await tx
      .update(applicants)
      .set({
        ...applicantValues(fields),
        admissionExtended,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(applicants.id, id))
      .returning();
    await writeAudit(tx, {
      actor,
      action: 'applicant.update',
      entityType: 'applicant',
      entityId: id,
      orgUnitId: before.orgUnitId,
      before: { ...applicantValues(before as never), admissionExtended: before.admissionExtended },
      after: { ...fields, admissionExtended },
    });
    return { id, version: after.version };
  });
};

/** The new member, probationary from the admission decision (docs/domain/recruitment.md). */
const admitAsMember = async (
  tx: FiguresTx,
  actor: Actor,
  a: ApplicantRow,
  input: TStepInput,
): Promise<number> => {
  const [created] = await tx
    .insert(members)
    .values({
      fullName: a.fullName,
      sex: a.sex,
      birthDate: a.birthDate,
      citizenId: a.citizenId,
      ethnicity: a.ethnicity,
      religion: a.religion,
      phone: a.phone,
      workplace: a.workplace,
      position: a.position,
      generalEducation: a.generalEducation,
      orgUnitId: a.orgUnitId,
      status: 'probationary',
      standing: 'probationary',
    })
    .returning({ id: members.id });
  await tx.insert(memberEvents).values({
    memberId: created.id,
    kind: 'admitted',
    eventDate: input.stepDate,
    orgUnitId: a.orgUnitId,
    decisionNumber: input.documentNumber ?? null,
    note: `Kết nạp từ hồ sơ xét kết nạp số ${a.id}.`,
    recordedBy: actor.userId,
  });
  const after = await applyMemberTimeline(tx, created.id, null);
  await writeAudit(tx, {
    actor,
    action: 'member.create',
    entityType: 'member',
    entityId: created.id,
    orgUnitId: after.orgUnitId,
    after: { applicantId: a.id, kind: 'admitted', eventDate: input.stepDate },
  });
  return created.id;
};

/** A dated event on the member created from this applicant (recognition, removal). */
const addEventToMember = async (
  tx: FiguresTx,
  actor: Actor,
  memberId: number,
  event: {
    kind: 'recognised' | 'removed';
    eventDate: string;
    decisionNumber: string | null;
    note: string;
  },
) => {
  const before = await lockMember(tx, memberId);
  if (!before) throw notFound('đảng viên');
  await appendMemberEvent(tx, actor, before, { ...event, orgUnitId: null });
};

export type StepResult = {
  id: number;
  version: number;
  outcome: 'passed' | 'failed';
  message: string;
  memberId: number | null;
};

export const recordStep = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TStepInput;
}): Promise<StepResult> => {
  const today = todayIso();
  if (input.stepDate > today)
    throw invalidField('stepDate', 'Ngày của bước không được sau ngày hôm nay.');
  if (decisionSteps.includes(input.step) && !can(actor, 'recruitment.decide'))
    throw forbidden(
      'Quyết định kết nạp, công nhận đảng viên chính thức do Ban Thường vụ cấp ủy cấp trên ghi nhận.',
    );
  return withFigures(db, async (tx) => {
    const a = await getApplicantInScope(tx, actor, id, true);
    if (a.version !== input.version) throw conflict();
    if (a.status === 'stopped') throw invalidField('step', 'Hồ sơ đã dừng xét.');
    const ctx = await contextOf(tx, a.orgUnitId);
    const recorded = toRecorded(await stepsOf(tx, id));
    const order = checkStepOrder(recorded, input.step, input.stepDate, ctx);
    if (!order.ok) throw invalidField('step', order.message);
    if (input.documentId) {
      if (!(await canReach(tx, actor, 'document.read', input.documentId)))
        throw invalidField('documentId', 'Không tìm thấy tệp đính kèm.');
    }

    const info = recruitmentStepInfo[input.step];
    let outcome: 'passed' | 'failed' = 'passed';
    let message = `Đã ghi: ${info.label} (${formatDate(input.stepDate)}).`;
    if (info.vote) {
      if (input.votesFor == null || input.votesTotal == null)
        throw invalidField(
          'votesFor',
          'Cần ghi số phiếu tán thành và tổng số người có quyền biểu quyết.',
        );
      if (input.votesFor > input.votesTotal)
        throw invalidField(
          'votesFor',
          'Số phiếu tán thành không thể lớn hơn số người có quyền biểu quyết.',
        );
      const vote = voteResult(input.votesFor, input.votesTotal);
      if (!vote.passed) {
        outcome = 'failed';
        const failedBefore = recorded.filter(
          (r) => r.step === input.step && r.outcome === 'failed',
        ).length;
        message = `${vote.message} ${failedVoteConsequence(input.step, failedBefore + 1)}`;
      } else message = `${info.label}: ${vote.message}`;
    }
    if (input.step === 'cell_vote') {
      const awareness = recorded.find(
        (r) => r.step === 'awareness_course' && r.outcome === 'passed',
      );
      const eligibility = checkEligibility({
        birthDate: a.birthDate,
        voteDate: input.stepDate,
        generalEducation: a.generalEducation,
        area: a.educationArea as 'normal' | 'hardship' | 'elder',
        awarenessCertificateOn: awareness?.date ?? null,
      });
      if (!eligibility.ok)
        throw new AppError('VALIDATION', {
          message: `Chưa đủ điều kiện để chi bộ xét kết nạp: ${eligibility.reasons.join(' ')}`,
          fields: eligibility.reasons.map((r) => ({ path: 'stepDate', message: r })),
        });
    }

    const [step] = await tx
      .insert(recruitmentSteps)
      .values({
        applicantId: id,
        step: input.step,
        stepDate: input.stepDate,
        outcome,
        votesFor: input.votesFor ?? null,
        votesTotal: input.votesTotal ?? null,
        formCode: info.formCode,
        documentNumber: input.documentNumber ?? null,
        documentId: input.documentId ?? null,
        note: input.note ?? null,
        recordedBy: actor.userId,
      })
      .returning({ id: recruitmentSteps.id });

    let memberId = a.memberId;
    let status = a.status;
    if (outcome === 'passed' && input.step === 'admission_decision') {
      memberId = await admitAsMember(tx, actor, a, input);
      status = 'probation';
      message = `${message} Đã tạo hồ sơ đảng viên dự bị từ ngày ${formatDate(input.stepDate)}.`;
    }
    if (outcome === 'passed' && input.step === 'recognition_decision' && memberId) {
      const ceremony = ceremonyDate(recorded);
      if (!ceremony) throw invalidField('step', 'Chưa ghi ngày tổ chức lễ kết nạp.');
      // Full membership takes effect at the end of probation even when the decision is late.
      const effective = probationEnd(ceremony);
      if (effective > input.stepDate)
        throw invalidField(
          'stepDate',
          `Chưa hết 12 tháng dự bị: thời gian dự bị kết thúc ngày ${formatDate(effective)}.`,
        );
      await addEventToMember(tx, actor, memberId, {
        kind: 'recognised',
        eventDate: effective,
        decisionNumber: input.documentNumber ?? null,
        note: `Quyết định ngày ${formatDate(input.stepDate)}; công nhận từ ngày hết dự bị.`,
      });
      status = 'full';
      message = `${message} Đảng viên chính thức từ ngày ${formatDate(effective)}.`;
    }
    if (outcome === 'passed' && input.step === 'card_issued' && memberId) {
      if (!input.documentNumber) throw invalidField('documentNumber', 'Cần ghi số thẻ đảng viên.');
      // Locked like every other writer of the member's facts: two recounts of one member never interleave.
      await lockMember(tx, memberId);
      await tx.insert(partyCardEvents).values({
        memberId,
        action: 'issued',
        actionDate: input.stepDate,
        cardNumber: input.documentNumber,
        recordedBy: actor.userId,
      });
      markMemberFactsChanged(tx, [memberId]);
      await tx
        .update(members)
        .set({
          cardNumber: input.documentNumber,
          cardIssuedOn: input.stepDate,
          updatedAt: new Date(),
        })
        .where(eq(members.id, memberId));
    }
    const [after] = await tx
      .update(applicants)
      .set({ memberId, status, version: a.version + 1, updatedAt: new Date() })
      .where(eq(applicants.id, id))
      .returning({ version: applicants.version });
    await writeAudit(tx, {
      actor,
      action: 'applicant.step',
      entityType: 'applicant',
      entityId: id,
      orgUnitId: a.orgUnitId,
      after: { ...input, outcome },
      meta: { stepId: step.id, memberId },
    });
    return { id, version: after.version, outcome, message, memberId };
  });
};

/**
 * Stop following an applicant. After admission this is the removal from the list of a
 * probationer who did not meet the standards (docs/domain/recruitment.md).
 */
export const stopApplicant = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TStopInput;
}): Promise<{ id: number; version: number }> => {
  if (input.stopDate > todayIso())
    throw invalidField('stopDate', 'Ngày không được sau ngày hôm nay.');
  return withFigures(db, async (tx) => {
    const a = await getApplicantInScope(tx, actor, id, true);
    if (a.version !== input.version) throw conflict();
    if (a.status === 'stopped' || a.status === 'full')
      throw invalidField('status', 'Hồ sơ này không còn trong quá trình xét.');
    if (a.status === 'probation' && a.memberId) {
      if (!can(actor, 'recruitment.decide'))
        throw forbidden('Xóa tên đảng viên dự bị do cấp ủy có thẩm quyền quyết định.');
      await addEventToMember(tx, actor, a.memberId, {
        kind: 'removed',
        eventDate: input.stopDate,
        decisionNumber: input.decisionNumber ?? null,
        note: `Xóa tên đảng viên dự bị: ${input.reason}`,
      });
    }
    const [after] = await tx
      .update(applicants)
      .set({
        status: 'stopped',
        stoppedReason: input.reason,
        version: a.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(applicants.id, id))
      .returning({ version: applicants.version });
    await writeAudit(tx, {
      actor,
      action: 'applicant.stop',
      entityType: 'applicant',
      entityId: id,
      orgUnitId: a.orgUnitId,
      before: { status: a.status },
      after: { status: 'stopped', ...input },
    });
    return { id, version: after.version };
  });
};

const boardLimit = 500;

export const getBoard = async ({
  db,
  actor,
  orgUnitId,
  q,
  includeClosed,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  q?: string;
  includeClosed?: boolean;
}) => {
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  const rows = await queryRows<{
    id: number;
    full_name: string;
    birth_date: string;
    org_unit_id: number;
    org_unit_name: string;
    status: TBoardItem['status'];
    admission_extended: boolean;
    kind: OrgUnitKind;
    parent_kind: OrgUnitKind | null;
  }>(
    db,
    sql`select a.id, a.full_name, a.birth_date, a.org_unit_id, o.name as org_unit_name,
          a.status, a.admission_extended, o.kind, p.kind as parent_kind
        from applicants a join org_units o on o.id = a.org_unit_id
        left join org_units p on p.id = o.parent_id
        where o.path <@ ${unit.path}::ltree
          ${includeClosed ? sql`` : sql`and a.status in ('in_progress', 'probation')`}
          ${q ? sql`and a.name_norm like ${`%${toLikeKey(q)}%`}` : sql``}
        order by a.id desc limit ${boardLimit + 1}`,
  );
  const truncated = rows.length > boardLimit;
  const list = rows.slice(0, boardLimit);
  const ids = list.map((r) => r.id);
  const stepRows = ids.length
    ? await queryRows<{
        applicant_id: number;
        step: RecruitmentStep;
        step_date: string;
        outcome: 'passed' | 'failed';
      }>(
        db,
        sql`select applicant_id, step, step_date, outcome from recruitment_steps
            where applicant_id in (${sql.join(
              ids.map((i) => sql`${i}`),
              sql`, `,
            )})
            order by step_date, id`,
      )
    : [];
  const byApplicant = new Map<number, RecordedStep[]>();
  for (const s of stepRows) {
    const list = byApplicant.get(s.applicant_id) ?? [];
    list.push({ step: s.step, date: s.step_date, outcome: s.outcome });
    byApplicant.set(s.applicant_id, list);
  }
  const adjustments = await getCalendarAdjustments(db);
  const today = todayIso();
  const severity = { overdue: 0, due_soon: 1, pending: 2, done_late: 3, done: 4 } as const;
  const items: TBoardItem[] = list.map((r) => {
    const recorded = byApplicant.get(r.id) ?? [];
    const ctx = {
      cellIsGrassroots: r.kind === 'grassroots_cell',
      hasSubcommittee: r.parent_kind === 'sub_committee',
    };
    const open = deadlinesOf(
      { admissionExtended: r.admission_extended, status: r.status },
      recorded,
      ctx,
      adjustments,
      today,
    )
      .filter((d) => d.status !== 'done' && d.status !== 'done_late')
      .sort((x, y) => severity[x.status] - severity[y.status] || x.dueOn.localeCompare(y.dueOn));
    return {
      id: r.id,
      fullName: r.full_name,
      birthDate: r.birth_date,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_unit_name,
      status: r.status,
      nextStep: r.status === 'stopped' ? null : nextStep(recorded, ctx),
      lastStepDate: recorded.at(-1)?.date ?? null,
      nextDeadline: open[0] ?? null,
    };
  });
  const columns = applicableSteps({ cellIsGrassroots: false, hasSubcommittee: true }).map(
    (step) => ({
      step,
      label: recruitmentStepInfo[step].label,
      formCode: recruitmentStepInfo[step].formCode,
    }),
  );
  return { columns, items, truncated };
};
