// Inspection and supervision (DOMAIN.md §5, regulations.md §4.6): programmes and their items, cases
// (from an item or unplanned) with subjects, team, steps, conclusion and recommendations.
// Confidentiality: a case file is need-to-know. The UBKT (inspection role, in scope) and the
// people on the case's team see it; every read of a file is written to the audit log. Others see
// at most that the case exists and, once published, its outcome – offices and the standing
// committee within their scope; cell secretaries only published cases within their cell; members
// only published cases that name them.
import { eq } from 'drizzle-orm';
import type {
  TCaseDetail,
  TCaseFromItemInput,
  TCaseInput,
  TCaseStepInput,
  TCaseSummary,
  TConclusionInput,
  TProgramme,
  TProgrammeInput,
  TProgrammeItemInput,
  TRecommendationUpdate,
  TTeamCandidate,
} from '../../../contracts/inspection';
import type { OrgUnitKind } from '../../../domain/enums/org-units';
import type { disciplineFormLabels } from '../../../domain/rules/discipline/discipline';
import {
  type CaseKind,
  type CaseStep,
  type ConductingBody,
  caseStepInfo,
  caseSteps,
  checkCaseStep,
  conductingBodyLabels,
  conductingLevel,
  nextCaseStep,
  stepLabel,
} from '../../../domain/rules/inspection/inspection';
import { normalizeText } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import {
  inspectionCaseSteps,
  inspectionCaseSubjects,
  inspectionCases,
  inspectionCaseTeam,
  inspectionProgrammeItems,
  inspectionProgrammes,
  inspectionRecommendations,
} from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { getUnitInScope, type UnitRow } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors';

type CaseRow = typeof inspectionCases.$inferSelect;

const levelKinds: Record<'upper' | 'grassroots' | 'cell', OrgUnitKind[]> = {
  upper: ['upper_committee'],
  grassroots: ['grassroots_committee', 'grassroots_cell'],
  cell: ['cell', 'grassroots_cell'],
};

/** The body must belong to a unit of its level (the bloc committee, a grassroots committee, a cell). */
export const assertBodyUnit = (unit: UnitRow, body: ConductingBody, path = 'body'): void => {
  if (!levelKinds[conductingLevel[body]].includes(unit.kind))
    throw invalidField(
      path,
      `${conductingBodyLabels[body]} không thuộc ${unit.name}; hãy chọn đúng chủ thể của tổ chức này.`,
    );
};

const text = (v: string | null | undefined) => (v ? normalizeText(v) : null);

// ───────────────────────────── Programmes ─────────────────────────────

const assertProgrammeOwner = (actor: Actor, body: ConductingBody) => {
  // The UBKT keeps the inspection commissions' programmes; offices those of their committees.
  const inspectionBody = body === 'upper_inspection' || body === 'grassroots_inspection';
  if (actor.role === 'inspection' ? !inspectionBody && body !== 'cell' : inspectionBody)
    throw forbidden(
      inspectionBody
        ? 'Chương trình của Ủy ban Kiểm tra do Ủy ban Kiểm tra lập.'
        : 'Chương trình của cấp ủy, ban thường vụ do văn phòng cấp ủy lập.',
    );
};

const checkItemSubject = async (
  db: DbOrTx,
  actor: Actor,
  owner: UnitRow,
  item: TProgrammeItemInput,
) => {
  if (!item.subjectOrgUnitId) return;
  const unit = await getUnitInScope(db, actor, item.subjectOrgUnitId);
  if (!unit.path.startsWith(`${owner.path}.`) && unit.id !== owner.id)
    throw invalidField('items', `${unit.name} không thuộc ${owner.name}.`);
};

export const createProgramme = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TProgrammeInput;
}): Promise<{ id: number }> => {
  assertProgrammeOwner(actor, input.body);
  if (input.period === 'term' && (!input.toYear || input.toYear <= input.year))
    throw invalidField(
      'toYear',
      'Chương trình toàn khóa cần năm kết thúc nhiệm kỳ (sau năm bắt đầu).',
    );
  return db.transaction(async (tx) => {
    const owner = await getUnitInScope(tx, actor, input.orgUnitId);
    assertBodyUnit(owner, input.body);
    for (const item of input.items) await checkItemSubject(tx, actor, owner, item);
    const [created] = await tx
      .insert(inspectionProgrammes)
      .values({
        orgUnitId: owner.id,
        body: input.body,
        period: input.period,
        year: input.year,
        toYear: input.period === 'term' ? (input.toYear ?? null) : null,
        title: normalizeText(input.title),
        decisionNumber: input.decisionNumber ?? null,
        approvedOn: input.approvedOn ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: inspectionProgrammes.id });
    if (input.items.length)
      await tx.insert(inspectionProgrammeItems).values(
        input.items.map((i) => ({
          programmeId: created.id,
          kind: i.kind,
          subjectOrgUnitId: i.subjectOrgUnitId ?? null,
          subjectText: normalizeText(i.subjectText),
          theme: normalizeText(i.theme),
          quarter: i.quarter ?? null,
          lead: text(i.lead),
        })),
      );
    await writeAudit(tx, {
      actor,
      action: 'inspection.programme.create',
      entityType: 'inspection_programme',
      entityId: created.id,
      orgUnitId: owner.id,
      after: input,
    });
    return created;
  });
};

const getProgrammeInScope = async (db: DbOrTx, actor: Actor, id: number) => {
  const row = await queryOne<{
    id: number;
    org_unit_id: number;
    body: ConductingBody;
    path: string;
  }>(
    db,
    sql`select p.id, p.org_unit_id, p.body, o.path::text as path from inspection_programmes p
        join org_units o on o.id = p.org_unit_id
        where p.id = ${id} and o.path <@ ${actor.scopePath}::ltree`,
  );
  if (!row) throw notFound('chương trình kiểm tra, giám sát');
  return row;
};

export const addProgrammeItem = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TProgrammeItemInput;
}): Promise<{ id: number }> =>
  db.transaction(async (tx) => {
    const p = await getProgrammeInScope(tx, actor, id);
    assertProgrammeOwner(actor, p.body);
    const owner = await getUnitInScope(tx, actor, p.org_unit_id);
    await checkItemSubject(tx, actor, owner, input);
    const [created] = await tx
      .insert(inspectionProgrammeItems)
      .values({
        programmeId: id,
        kind: input.kind,
        subjectOrgUnitId: input.subjectOrgUnitId ?? null,
        subjectText: normalizeText(input.subjectText),
        theme: normalizeText(input.theme),
        quarter: input.quarter ?? null,
        lead: text(input.lead),
      })
      .returning({ id: inspectionProgrammeItems.id });
    await writeAudit(tx, {
      actor,
      action: 'inspection.programme.item',
      entityType: 'inspection_programme',
      entityId: id,
      orgUnitId: p.org_unit_id,
      after: input,
    });
    return created;
  });

/** Programmes of the units in the actor's subtree and of the committees above within it. */
export const listProgrammes = async ({
  db,
  actor,
  orgUnitId,
  year,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  year?: number;
}): Promise<{ items: TProgramme[] }> => {
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  const rows = await queryRows<{
    id: number;
    org_unit_id: number;
    org_unit_name: string;
    body: ConductingBody;
    period: 'year' | 'term';
    year: number;
    to_year: number | null;
    title: string;
    decision_number: string | null;
    approved_on: string | null;
  }>(
    db,
    sql`select p.id, p.org_unit_id, o.name as org_unit_name, p.body, p.period, p.year, p.to_year,
          p.title, p.decision_number, p.approved_on
        from inspection_programmes p join org_units o on o.id = p.org_unit_id
        where o.path <@ ${unit.path}::ltree
          ${year ? sql`and (p.year = ${year} or (p.period = 'term' and p.year <= ${year} and p.to_year >= ${year}))` : sql``}
        order by p.year desc, nlevel(o.path), p.id`,
  );
  const items = rows.length
    ? await queryRows<{
        id: number;
        programme_id: number;
        kind: CaseKind;
        subject_org_unit_id: number | null;
        subject_text: string;
        theme: string;
        quarter: number | null;
        lead: string | null;
        case_id: number | null;
      }>(
        db,
        sql`select i.id, i.programme_id, i.kind, i.subject_org_unit_id, i.subject_text, i.theme,
              i.quarter, i.lead, (select min(c.id) from inspection_cases c where c.programme_item_id = i.id) as case_id
            from inspection_programme_items i
            where i.programme_id in (${sql.join(
              rows.map((r) => sql`${r.id}`),
              sql`, `,
            )})
            order by i.quarter nulls last, i.id`,
      )
    : [];
  return {
    items: rows.map((r) => ({
      id: r.id,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_unit_name,
      body: r.body,
      period: r.period,
      year: r.year,
      toYear: r.to_year,
      title: r.title,
      decisionNumber: r.decision_number,
      approvedOn: r.approved_on,
      items: items
        .filter((i) => i.programme_id === r.id)
        .map((i) => ({
          id: i.id,
          kind: i.kind,
          subjectOrgUnitId: i.subject_org_unit_id,
          subjectText: i.subject_text,
          theme: i.theme,
          quarter: i.quarter,
          lead: i.lead,
          caseId: i.case_id,
        })),
    })),
  };
};

// ───────────────────────────── Cases: who sees what ─────────────────────────────

/** Cases the actor may know exist (before the per-role publication rule). */
const visibleCaseSql = (actor: Actor) => {
  const team = sql`exists (select 1 from inspection_case_team t where t.case_id = c.id and t.user_id = ${actor.userId})`;
  if (actor.role === 'member')
    return sql`(exists (select 1 from inspection_case_subjects s where s.case_id = c.id and s.member_id = ${actor.memberId ?? 0}) and c.published_on is not null)`;
  const scoped = sql`(co.path <@ ${actor.scopePath}::ltree or exists (
      select 1 from inspection_case_subjects s join org_units so on so.id = s.org_unit_id
      where s.case_id = c.id and so.path <@ ${actor.scopePath}::ltree))`;
  if (actor.role === 'cell_secretary')
    return sql`((${scoped} and c.published_on is not null) or ${team})`;
  return sql`(${scoped} or ${team})`;
};

const fullAccessSql = (actor: Actor) =>
  sql`(${actor.role === 'inspection' ? sql`true` : sql`false`} or exists (
    select 1 from inspection_case_team t where t.case_id = c.id and t.user_id = ${actor.userId}))`;

type SummaryRow = {
  id: number;
  org_unit_id: number;
  org_unit_name: string;
  body: ConductingBody;
  kind: CaseKind;
  title: string;
  decision_number: string;
  decision_date: string;
  year: number;
  status: 'open' | 'concluded';
  published_on: string | null;
  conclusion_number: string | null;
  conclusion_date: string | null;
  outcome_summary: string | null;
  programme_item_id: number | null;
  full_access: boolean;
  version: number;
};

const summarySelect = (actor: Actor) => sql`
  select c.id, c.org_unit_id, co.name as org_unit_name, c.body, c.kind, c.title, c.decision_number,
    c.decision_date, c.year, c.status, c.published_on, c.conclusion_number, c.conclusion_date,
    c.outcome_summary, c.programme_item_id, c.version, ${fullAccessSql(actor)} as full_access
  from inspection_cases c join org_units co on co.id = c.org_unit_id`;

const subjectsOf = async (db: DbOrTx, actor: Actor, caseIds: number[], full: Set<number>) => {
  if (caseIds.length === 0) return new Map<number, TCaseSummary['subjects']>();
  const rows = await queryRows<{
    case_id: number;
    subject_kind: 'member' | 'organisation';
    org_unit_id: number;
    org_unit_name: string;
    member_id: number | null;
    member_name: string | null;
    in_scope: boolean;
  }>(
    db,
    sql`select s.case_id, s.subject_kind, s.org_unit_id, o.name as org_unit_name, s.member_id,
          m.full_name as member_name, (o.path <@ ${actor.scopePath}::ltree) as in_scope
        from inspection_case_subjects s join org_units o on o.id = s.org_unit_id
        left join members m on m.id = s.member_id
        where s.case_id in (${sql.join(
          caseIds.map((i) => sql`${i}`),
          sql`, `,
        )}) order by s.id`,
  );
  const out = new Map<number, TCaseSummary['subjects']>();
  for (const r of rows) {
    // Without the file, only subjects within the caller's own subtree are named.
    const visible =
      full.has(r.case_id) ||
      (actor.role === 'member' ? r.member_id === actor.memberId : r.in_scope);
    if (!visible) continue;
    const list = out.get(r.case_id) ?? [];
    list.push({
      kind: r.subject_kind,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_unit_name,
      memberId: r.member_id,
      memberName: r.member_name,
    });
    out.set(r.case_id, list);
  }
  return out;
};

const toSummary = (r: SummaryRow, subjects: TCaseSummary['subjects']): TCaseSummary => {
  const shown = r.full_access || r.published_on != null;
  return {
    id: r.id,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    body: r.body,
    kind: r.kind,
    title: r.title,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    year: r.year,
    status: r.status,
    subjects,
    published: r.published_on != null,
    conclusionNumber: shown ? r.conclusion_number : null,
    conclusionDate: shown ? r.conclusion_date : null,
    outcomeSummary: shown ? r.outcome_summary : null,
    programmeItemId: r.programme_item_id,
    canReadFile: r.full_access,
  };
};

export const listCases = async ({
  db,
  actor,
  orgUnitId,
  year,
  kind,
  body,
  status,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  year?: number;
  kind?: CaseKind;
  body?: ConductingBody;
  status?: 'open' | 'concluded';
}): Promise<{ items: TCaseSummary[] }> => {
  const unit =
    orgUnitId && actor.role !== 'member' ? await getUnitInScope(db, actor, orgUnitId) : null;
  const rows = await queryRows<SummaryRow>(
    db,
    sql`${summarySelect(actor)}
        where ${visibleCaseSql(actor)}
          ${unit ? sql`and (co.path <@ ${unit.path}::ltree or exists (select 1 from inspection_case_subjects s join org_units so on so.id = s.org_unit_id where s.case_id = c.id and so.path <@ ${unit.path}::ltree))` : sql``}
          ${year ? sql`and c.year = ${year}` : sql``}
          ${kind ? sql`and c.kind = ${kind}` : sql``}
          ${body ? sql`and c.body = ${body}` : sql``}
          ${status ? sql`and c.status = ${status}` : sql``}
        order by c.decision_date desc, c.id desc limit 500`,
  );
  const full = new Set(rows.filter((r) => r.full_access).map((r) => r.id));
  const subjects = await subjectsOf(
    db,
    actor,
    rows.map((r) => r.id),
    full,
  );
  return { items: rows.map((r) => toSummary(r, subjects.get(r.id) ?? [])) };
};

const getCaseRow = async (db: DbOrTx, actor: Actor, id: number): Promise<SummaryRow> => {
  const row = await queryOne<SummaryRow>(
    db,
    sql`${summarySelect(actor)} where c.id = ${id} and ${visibleCaseSql(actor)}`,
  );
  if (!row) throw notFound('cuộc kiểm tra, giám sát');
  return row;
};

/** For changes: the case, locked, only for the UBKT within scope (or the case's team). */
const getCaseForWrite = async (tx: DbOrTx, actor: Actor, id: number, version: number) => {
  const summary = await getCaseRow(tx, actor, id);
  if (!summary.full_access || !can(actor, 'inspection.write'))
    throw notFound('cuộc kiểm tra, giám sát');
  const [row] = await tx
    .select()
    .from(inspectionCases)
    .where(eq(inspectionCases.id, id))
    .for('update');
  if (row.version !== version) throw conflict();
  return row;
};

export const confidentialityNotice =
  'Hồ sơ kiểm tra, giám sát là tài liệu mật, chỉ Ủy ban Kiểm tra và thành viên đoàn được giao xem nội dung. Mỗi lần mở hồ sơ đều được ghi nhật ký. Các đồng chí khác chỉ xem được việc có cuộc kiểm tra, giám sát và kết quả khi đã thông báo.';

export const getCaseDetail = async ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<TCaseDetail> => {
  const r = await getCaseRow(db, actor, id);
  const subjects =
    (await subjectsOf(db, actor, [id], new Set(r.full_access ? [id] : []))).get(id) ?? [];
  const summary = toSummary(r, subjects);
  if (!r.full_access) return { ...summary, version: r.version, file: null, confidentialityNotice };
  const [c] = await db.select().from(inspectionCases).where(eq(inspectionCases.id, id));
  const team = await db.select().from(inspectionCaseTeam).where(eq(inspectionCaseTeam.caseId, id));
  const steps = await queryRows<{
    id: number;
    step: CaseStep;
    step_date: string;
    document_number: string | null;
    note: string | null;
    recorded_by_name: string | null;
  }>(
    db,
    sql`select s.id, s.step, s.step_date, s.document_number, s.note, u.display_name as recorded_by_name
        from inspection_case_steps s left join users u on u.id = s.recorded_by
        where s.case_id = ${id} order by s.step_date, s.id`,
  );
  const recs = await queryRows<{
    id: number;
    text: string;
    addressee_org_unit_id: number | null;
    addressee_name: string | null;
    due_on: string | null;
    status: 'open' | 'done';
    done_on: string | null;
    follow_up: string | null;
    version: number;
  }>(
    db,
    sql`select r.id, r.text, r.addressee_org_unit_id, o.name as addressee_name, r.due_on, r.status,
          r.done_on, r.follow_up, r.version
        from inspection_recommendations r left join org_units o on o.id = r.addressee_org_unit_id
        where r.case_id = ${id} order by r.id`,
  );
  const disciplines = await queryRows<{
    id: number;
    subject_name: string;
    form: string;
    status: string;
  }>(
    db,
    sql`select d.id, coalesce(m.full_name, o.name) as subject_name, d.form, d.status
        from discipline_decisions d left join members m on m.id = d.member_id
        join org_units o on o.id = d.org_unit_id where d.case_id = ${id} order by d.id`,
  );
  const recorded = steps.map((s) => ({ step: s.step, date: s.step_date }));
  // Every read of a case file is logged (need-to-know; DOMAIN.md §5).
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'read_case_file',
      entityType: 'inspection_case',
      entityId: id,
      orgUnitId: r.org_unit_id,
    }),
  );
  return {
    ...summary,
    version: r.version,
    confidentialityNotice,
    file: {
      content: c.content,
      plannedFrom: c.plannedFrom,
      plannedTo: c.plannedTo,
      team: team.map((t) => ({ name: t.name, role: t.role, userId: t.userId })),
      steps: steps.map((s) => ({
        id: s.id,
        step: s.step,
        label: stepLabel(r.kind, s.step),
        stepDate: s.step_date,
        documentNumber: s.document_number,
        note: s.note,
        recordedByName: s.recorded_by_name,
      })),
      timeline: caseSteps.map((step) => ({
        step,
        label: stepLabel(r.kind, step),
        required: caseStepInfo[step].required,
        done: recorded.some((x) => x.step === step),
      })),
      nextStep: nextCaseStep(recorded),
      reportSummary: c.reportSummary,
      conclusionText: c.conclusionText,
      violationFound: c.violationFound,
      recommendations: recs.map((x) => ({
        id: x.id,
        text: x.text,
        addresseeOrgUnitId: x.addressee_org_unit_id,
        addresseeName: x.addressee_name,
        dueOn: x.due_on,
        status: x.status,
        doneOn: x.done_on,
        followUp: x.follow_up,
        version: x.version,
      })),
      disciplines: disciplines.map((d) => ({
        id: d.id,
        subjectName: d.subject_name,
        form: d.form as keyof typeof disciplineFormLabels,
        status: d.status,
      })),
      canWrite: can(actor, 'inspection.write'),
    },
  };
};

// ───────────────────────────── Cases: changes ─────────────────────────────

const resolveSubjects = async (
  tx: DbOrTx,
  actor: Actor,
  conductor: UnitRow,
  subjects: TCaseInput['subjects'],
) => {
  const out: {
    subjectKind: 'member' | 'organisation';
    orgUnitId: number;
    memberId: number | null;
  }[] = [];
  const seen = new Set<string>();
  for (const s of subjects) {
    if (s.kind === 'organisation') {
      if (!s.orgUnitId) throw invalidField('subjects', 'Cần chọn tổ chức đảng là đối tượng.');
      const unit = await getUnitInScope(tx, actor, s.orgUnitId);
      if (unit.path !== conductor.path && !unit.path.startsWith(`${conductor.path}.`))
        throw invalidField('subjects', `${unit.name} không thuộc phạm vi của ${conductor.name}.`);
      if (seen.has(`o${unit.id}`)) continue;
      seen.add(`o${unit.id}`);
      out.push({ subjectKind: 'organisation', orgUnitId: unit.id, memberId: null });
    } else {
      if (!s.memberId) throw invalidField('subjects', 'Cần chọn đảng viên là đối tượng.');
      const m = await queryOne<{ id: number; org_unit_id: number; path: string }>(
        tx,
        sql`select m.id, m.org_unit_id, o.path::text as path from members m join org_units o on o.id = m.org_unit_id
            where m.id = ${s.memberId} and o.path <@ ${actor.scopePath}::ltree`,
      );
      if (!m) throw notFound('đảng viên');
      if (!m.path.startsWith(`${conductor.path}.`) && m.path !== conductor.path)
        throw invalidField('subjects', `Đảng viên không thuộc phạm vi của ${conductor.name}.`);
      if (seen.has(`m${m.id}`)) continue;
      seen.add(`m${m.id}`);
      out.push({ subjectKind: 'member', orgUnitId: m.org_unit_id, memberId: m.id });
    }
  }
  return out;
};

const insertCase = async (
  tx: DbOrTx,
  actor: Actor,
  input: TCaseInput,
): Promise<{ id: number; version: number }> => {
  if (input.decisionDate > todayIso())
    throw invalidField('decisionDate', 'Ngày quyết định không được sau ngày hôm nay.');
  if (input.plannedFrom && input.plannedTo && input.plannedTo < input.plannedFrom)
    throw invalidField('plannedTo', 'Ngày kết thúc dự kiến không thể trước ngày bắt đầu.');
  if (input.plannedFrom && input.plannedFrom < input.decisionDate)
    throw invalidField('plannedFrom', 'Ngày bắt đầu không thể trước ngày quyết định.');
  const conductor = await getUnitInScope(tx, actor, input.orgUnitId);
  assertBodyUnit(conductor, input.body);
  const subjects = await resolveSubjects(tx, actor, conductor, input.subjects);
  for (const t of input.team) {
    if (!t.userId) continue;
    const u = await queryOne<{ id: number }>(
      tx,
      sql`select u.id from users u join org_units o on o.id = u.scope_org_unit_id
          where u.id = ${t.userId} and u.is_active and o.path <@ ${actor.scopePath}::ltree`,
    );
    if (!u)
      throw invalidField(
        'team',
        'Không tìm thấy tài khoản của thành viên đoàn (tài khoản đã khóa hoặc ngoài phạm vi).',
      );
  }
  const [created] = await tx
    .insert(inspectionCases)
    .values({
      orgUnitId: conductor.id,
      body: input.body,
      kind: input.kind,
      programmeItemId: input.programmeItemId ?? null,
      title: normalizeText(input.title),
      content: text(input.content),
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      year: Number(input.decisionDate.slice(0, 4)),
      plannedFrom: input.plannedFrom ?? null,
      plannedTo: input.plannedTo ?? null,
      createdBy: actor.userId,
    })
    .returning({ id: inspectionCases.id, version: inspectionCases.version });
  await tx
    .insert(inspectionCaseSubjects)
    .values(subjects.map((s) => ({ ...s, caseId: created.id })));
  if (input.team.length)
    await tx.insert(inspectionCaseTeam).values(
      input.team.map((t) => ({
        caseId: created.id,
        name: normalizeText(t.name),
        role: t.role,
        userId: t.userId ?? null,
      })),
    );
  // The decision is the first step of every case.
  await tx.insert(inspectionCaseSteps).values({
    caseId: created.id,
    step: 'decision',
    stepDate: input.decisionDate,
    documentNumber: input.decisionNumber,
    recordedBy: actor.userId,
  });
  await writeAudit(tx, {
    actor,
    action: 'inspection.case.create',
    entityType: 'inspection_case',
    entityId: created.id,
    orgUnitId: conductor.id,
    after: { ...input, content: input.content ? '(mật)' : null },
  });
  return created;
};

/**
 * Accounts that may be put on a case's team, so that the confidentiality rule "people assigned to
 * a case see its file" can be used: active accounts whose scope lies in the caller's subtree. Only
 * the id, display name and scope are given (no role, username or login data).
 */
export const listTeamCandidates = async ({
  db,
  actor,
  q,
}: {
  db: Db;
  actor: Actor;
  q?: string;
}): Promise<TTeamCandidate[]> => {
  const filter = q
    ? sql`and lower(immutable_unaccent(u.display_name)) like lower(immutable_unaccent(${`%${q}%`}))`
    : sql``;
  const rows = await queryRows<{ id: number; display_name: string; scope_name: string }>(
    db,
    sql`select u.id, u.display_name, o.name as scope_name from users u
        join org_units o on o.id = u.scope_org_unit_id
        where u.is_active and o.path <@ ${actor.scopePath}::ltree ${filter}
        order by u.display_name, u.id limit 50`,
  );
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, scopeName: r.scope_name }));
};

/** For the demo seed: an unplanned case in its own transaction. */
export const insertCaseForSeed = (db: Db, actor: Actor, input: TCaseInput) =>
  db.transaction((tx) => insertCase(tx, actor, input));

export const createCase = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TCaseInput;
}): Promise<{ id: number; version: number }> => {
  if (input.programmeItemId)
    throw invalidField(
      'programmeItemId',
      'Cuộc kiểm tra theo chương trình được lập từ mục của chương trình.',
    );
  return db.transaction((tx) => insertCase(tx, actor, input));
};

/** Open the case planned by a programme item: body, kind and committee come from the programme. */
export const createCaseFromItem = async ({
  db,
  actor,
  itemId,
  input,
}: {
  db: Db;
  actor: Actor;
  itemId: number;
  input: TCaseFromItemInput;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const item = await queryOne<{
      id: number;
      programme_id: number;
      kind: CaseKind;
      theme: string;
      subject_text: string;
      subject_org_unit_id: number | null;
    }>(
      tx,
      sql`select i.id, i.programme_id, i.kind, i.theme, i.subject_text, i.subject_org_unit_id
          from inspection_programme_items i join inspection_programmes p on p.id = i.programme_id
          join org_units o on o.id = p.org_unit_id
          where i.id = ${itemId} and o.path <@ ${actor.scopePath}::ltree for update of i`,
    );
    if (!item) throw notFound('mục của chương trình');
    const p = await getProgrammeInScope(tx, actor, item.programme_id);
    const existing = await queryOne<{ id: number }>(
      tx,
      sql`select id from inspection_cases where programme_item_id = ${itemId} limit 1`,
    );
    if (existing)
      throw invalidField(
        'programmeItemId',
        'Mục này của chương trình đã được lập thành cuộc kiểm tra, giám sát.',
      );
    return insertCase(tx, actor, {
      ...input,
      orgUnitId: p.org_unit_id,
      body: p.body,
      kind: item.kind,
      programmeItemId: item.id,
      title: input.title ?? `${item.theme} – ${item.subject_text}`,
      content: input.content ?? item.theme,
    });
  });

export const recordCaseStep = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TCaseStepInput;
}): Promise<{ id: number; version: number }> => {
  if (input.stepDate > todayIso())
    throw invalidField('stepDate', 'Ngày của bước không được sau ngày hôm nay.');
  if (input.step === 'conclusion')
    throw invalidField('step', 'Kết luận được ghi cùng nội dung kết luận và kiến nghị.');
  return db.transaction(async (tx) => {
    const c = await getCaseForWrite(tx, actor, id, input.version);
    const recorded = (
      await tx.select().from(inspectionCaseSteps).where(eq(inspectionCaseSteps.caseId, id))
    ).map((s) => ({ step: s.step as CaseStep, date: s.stepDate }));
    const check = checkCaseStep(c.kind as CaseKind, recorded, input.step, input.stepDate);
    if (!check.ok) throw invalidField('step', check.message);
    await tx.insert(inspectionCaseSteps).values({
      caseId: id,
      step: input.step,
      stepDate: input.stepDate,
      documentNumber: input.documentNumber ?? null,
      note: input.note ?? null,
      recordedBy: actor.userId,
    });
    const [after] = await tx
      .update(inspectionCases)
      .set({ version: c.version + 1, updatedAt: new Date() })
      .where(eq(inspectionCases.id, id))
      .returning({ version: inspectionCases.version });
    await writeAudit(tx, {
      actor,
      action: 'inspection.case.step',
      entityType: 'inspection_case',
      entityId: id,
      orgUnitId: c.orgUnitId,
      after: { step: input.step, stepDate: input.stepDate, documentNumber: input.documentNumber },
    });
    return { id, version: after.version };
  });
};

export const recordConclusion = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TConclusionInput;
}): Promise<{ id: number; version: number }> => {
  if (input.conclusionDate > todayIso())
    throw invalidField('conclusionDate', 'Ngày kết luận không được sau ngày hôm nay.');
  return db.transaction(async (tx) => {
    const c: CaseRow = await getCaseForWrite(tx, actor, id, input.version);
    const recorded = (
      await tx.select().from(inspectionCaseSteps).where(eq(inspectionCaseSteps.caseId, id))
    ).map((s) => ({ step: s.step as CaseStep, date: s.stepDate }));
    const check = checkCaseStep(c.kind as CaseKind, recorded, 'conclusion', input.conclusionDate);
    if (!check.ok) throw invalidField('conclusionDate', check.message);
    const conductor = await getUnitInScope(tx, actor, c.orgUnitId);
    for (const r of input.recommendations) {
      if (!r.addresseeOrgUnitId) continue;
      const u = await getUnitInScope(tx, actor, r.addresseeOrgUnitId);
      if (!u.path.startsWith(conductor.path))
        throw invalidField('recommendations', `${u.name} không thuộc ${conductor.name}.`);
      if (r.dueOn && r.dueOn < input.conclusionDate)
        throw invalidField(
          'recommendations',
          'Hạn thực hiện kiến nghị không thể trước ngày kết luận.',
        );
    }
    await tx.insert(inspectionCaseSteps).values({
      caseId: id,
      step: 'conclusion',
      stepDate: input.conclusionDate,
      documentNumber: input.conclusionNumber,
      recordedBy: actor.userId,
    });
    if (input.recommendations.length)
      await tx.insert(inspectionRecommendations).values(
        input.recommendations.map((r) => ({
          caseId: id,
          text: normalizeText(r.text),
          addresseeOrgUnitId: r.addresseeOrgUnitId ?? null,
          dueOn: r.dueOn ?? null,
        })),
      );
    const [after] = await tx
      .update(inspectionCases)
      .set({
        status: 'concluded',
        conclusionNumber: input.conclusionNumber,
        conclusionDate: input.conclusionDate,
        conclusionText: normalizeText(input.conclusionText),
        reportSummary: text(input.reportSummary),
        outcomeSummary: normalizeText(input.outcomeSummary),
        violationFound: input.violationFound,
        publishedOn: input.publish ? input.conclusionDate : null,
        version: c.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(inspectionCases.id, id))
      .returning({ version: inspectionCases.version });
    await writeAudit(tx, {
      actor,
      action: 'inspection.case.conclusion',
      entityType: 'inspection_case',
      entityId: id,
      orgUnitId: c.orgUnitId,
      after: {
        conclusionNumber: input.conclusionNumber,
        conclusionDate: input.conclusionDate,
        published: input.publish,
        recommendations: input.recommendations.length,
      },
    });
    return { id, version: after.version };
  });
};

/** Publish a concluded case's outcome (thông báo kết luận) to the organisations concerned. */
export const publishCase = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: { publishedOn: string; version: number };
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const c = await getCaseForWrite(tx, actor, id, input.version);
    if (c.status !== 'concluded' || !c.conclusionDate)
      throw invalidField('publishedOn', 'Chỉ thông báo khi đã có kết luận.');
    if (input.publishedOn < c.conclusionDate || input.publishedOn > todayIso())
      throw invalidField('publishedOn', 'Ngày thông báo phải từ ngày kết luận đến hôm nay.');
    const [after] = await tx
      .update(inspectionCases)
      .set({ publishedOn: input.publishedOn, version: c.version + 1, updatedAt: new Date() })
      .where(eq(inspectionCases.id, id))
      .returning({ version: inspectionCases.version });
    await writeAudit(tx, {
      actor,
      action: 'inspection.case.publish',
      entityType: 'inspection_case',
      entityId: id,
      orgUnitId: c.orgUnitId,
      after: input,
    });
    return { id, version: after.version };
  });

export const updateRecommendation = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TRecommendationUpdate;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const rec = await queryOne<{ case_id: number; version: number }>(
      tx,
      sql`select case_id, version from inspection_recommendations where id = ${id} for update`,
    );
    if (!rec) throw notFound('kiến nghị');
    const c = await getCaseRow(tx, actor, rec.case_id);
    if (!c.full_access) throw notFound('kiến nghị');
    if (rec.version !== input.version) throw conflict();
    if (input.status === 'done' && !input.doneOn)
      throw invalidField('doneOn', 'Cần ghi ngày hoàn thành kiến nghị.');
    if (input.doneOn && input.doneOn > todayIso())
      throw invalidField('doneOn', 'Ngày hoàn thành không được sau ngày hôm nay.');
    if (input.doneOn && c.conclusion_date && input.doneOn < c.conclusion_date)
      throw invalidField('doneOn', 'Ngày hoàn thành không thể trước ngày kết luận.');
    const [after] = await tx
      .update(inspectionRecommendations)
      .set({
        status: input.status,
        doneOn: input.status === 'done' ? (input.doneOn ?? null) : null,
        followUp: input.followUp ?? null,
        version: rec.version + 1,
      })
      .where(eq(inspectionRecommendations.id, id))
      .returning({ version: inspectionRecommendations.version });
    await writeAudit(tx, {
      actor,
      action: 'inspection.recommendation.update',
      entityType: 'inspection_case',
      entityId: rec.case_id,
      orgUnitId: c.org_unit_id,
      after: { recommendationId: id, ...input },
    });
    return { id, version: after.version };
  });
