// Inspection and supervision (docs/domain/inspection.md): programmes and their items, cases
// (from an item or unplanned) with subjects, team, steps, conclusion and recommendations.
// Confidentiality: a case file is need-to-know. The UBKT (inspection role, in scope) and the
// people on the case's team see it; every read of a file is written to the audit log. Others see
// at most that the case exists and, once published, its outcome – offices and the standing
// committee within their scope; cell secretaries only published cases within their cell; members
// only published cases that name them.
// This file is who sees what (the case list and file); programmes.service.ts holds the programmes,
// case-changes.service.ts every change to a case.

import { eq } from 'drizzle-orm';
import type { TCaseDetail, TCaseSummary } from '../../../contracts/inspection';
import type { disciplineFormLabels } from '../../../domain/rules/discipline/discipline';
import {
  type CaseKind,
  type CaseStep,
  type ConductingBody,
  caseStepInfo,
  caseSteps,
  nextCaseStep,
  stepLabel,
} from '../../../domain/rules/inspection/inspection';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { inspectionCases, inspectionCaseTeam } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import {
  isInspectionBody,
  seesOwnRecordOnly,
  seesPublishedCasesOnly,
} from '../../platform/access/role-rules';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { conflict, notFound } from '../../platform/errors';

/** Cases the actor may know exist (before the per-role publication rule). */
const visibleCaseSql = (actor: Actor) => {
  const team = sql`exists (select 1 from inspection_case_team t where t.case_id = c.id and t.user_id = ${actor.userId})`;
  if (seesOwnRecordOnly(actor))
    return sql`(exists (select 1 from inspection_case_subjects s where s.case_id = c.id and s.member_id = ${actor.memberId ?? 0}) and c.published_on is not null)`;
  const scoped = sql`(${inScope(actor, sql`co.path`)} or exists (
      select 1 from inspection_case_subjects s join org_units so on so.id = s.org_unit_id
      where s.case_id = c.id and ${inScope(actor, sql`so.path`)}))`;
  if (seesPublishedCasesOnly(actor))
    return sql`((${scoped} and c.published_on is not null) or ${team})`;
  return sql`(${scoped} or ${team})`;
};

const fullAccessSql = (actor: Actor) =>
  sql`(${isInspectionBody(actor) ? sql`true` : sql`false`} or exists (
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
          m.full_name as member_name, (${inScope(actor, sql`o.path`)}) as in_scope
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
      (seesOwnRecordOnly(actor) ? r.member_id === actor.memberId : r.in_scope);
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
    orgUnitId && !seesOwnRecordOnly(actor) ? await getUnitInScope(db, actor, orgUnitId) : null;
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

export const getCaseRow = async (db: DbOrTx, actor: Actor, id: number): Promise<SummaryRow> => {
  const row = await queryOne<SummaryRow>(
    db,
    sql`${summarySelect(actor)} where c.id = ${id} and ${visibleCaseSql(actor)}`,
  );
  if (!row) throw notFound('cuộc kiểm tra, giám sát');
  return row;
};

/** For changes: the case, locked, only for the UBKT within scope (or the case's team). */
export const getCaseForWrite = async (tx: DbOrTx, actor: Actor, id: number, version: number) => {
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
  // Every read of a case file is logged (need-to-know; docs/domain/inspection.md).
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
