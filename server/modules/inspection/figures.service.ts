// Figures for a subtree, a year and (optionally) a conducting body, each with the records behind
// it. Counting rule (domain/rules/inspection countDistinctSubjects): distinct party organisations
// and members per conducting body; a case counts for the subtree when one of its subjects lies in
// it, and only those subjects are counted; the year is the year of the case's decision. Discipline
// counts decisions dated in the year (annulled ones excluded) against subjects in the subtree.
import type { TFigureRecords, TFigures } from '../../../contracts/inspection';
import {
  type DisciplineForm,
  decidingBodyLabels,
  disciplineFormLabels,
  formsBySubject,
} from '../../../domain/rules/discipline/discipline';
import {
  type CaseKind,
  type ConductingBody,
  caseKindLabels,
  caseKinds,
  conductingBodies,
  conductingBodyLabels,
  countDistinctSubjects,
  countingRuleText,
  isSupervision,
  type ReportGroup,
  reportGroupLabels,
  reportGroupOf,
  reportGroups,
} from '../../../domain/rules/inspection/inspection';
import { formatDate, formatNumber } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { getUnitInScope } from '../../platform/access/units';

type Filter = { orgUnitId?: number; year: number; body?: ConductingBody };

const subjectRows = (path: string, f: Filter) => sql`
  select c.id as case_id, c.body, c.kind, c.title, c.decision_number, c.decision_date, c.status,
    s.subject_kind, s.org_unit_id, s.member_id, o.name as org_unit_name, m.full_name as member_name
  from inspection_cases c
  join inspection_case_subjects s on s.case_id = c.id
  join org_units o on o.id = s.org_unit_id
  left join members m on m.id = s.member_id
  where c.year = ${f.year} and o.path <@ ${path}::ltree
    ${f.body ? sql`and c.body = ${f.body}` : sql``}`;

export type SubjectRow = {
  case_id: number;
  body: ConductingBody;
  kind: CaseKind;
  title: string;
  decision_number: string;
  decision_date: string;
  status: string;
  subject_kind: 'member' | 'organisation';
  org_unit_id: number;
  member_id: number | null;
  org_unit_name: string;
  member_name: string | null;
};

const disciplineRows = (path: string, f: Filter) => sql`
  select d.id, d.member_id, d.org_unit_id, d.case_id, d.subject_kind, d.form, d.body, d.decision_number, d.decided_on, d.violation,
    coalesce(m.full_name, o.name) as subject_name, o.name as org_unit_name
  from discipline_decisions d join org_units o on o.id = d.org_unit_id
  left join members m on m.id = d.member_id
  where d.status = 'decided' and d.decided_on >= ${`${f.year}-01-01`} and d.decided_on <= ${`${f.year}-12-31`}
    and o.path <@ ${path}::ltree ${f.body ? sql`and d.body = ${f.body}` : sql``}
  order by d.decided_on, d.id`;

export type DisciplineFigureRow = {
  id: number;
  member_id: number | null;
  org_unit_id: number;
  case_id: number | null;
  subject_kind: 'member' | 'organisation';
  form: DisciplineForm;
  body: keyof typeof decidingBodyLabels;
  decision_number: string | null;
  decided_on: string;
  violation: string;
  subject_name: string;
  org_unit_name: string;
};

const recommendationRows = (path: string, f: Filter) => sql`
  select distinct r.id, r.text, r.status, r.due_on, r.done_on, c.id as case_id, c.title, c.decision_number
  from inspection_recommendations r join inspection_cases c on c.id = r.case_id
  where c.year = ${f.year} ${f.body ? sql`and c.body = ${f.body}` : sql``}
    and exists (select 1 from inspection_case_subjects s join org_units o on o.id = s.org_unit_id
                where s.case_id = c.id and o.path <@ ${path}::ltree)
  order by r.id`;

export const getFigures = async ({
  db,
  actor,
  ...f
}: Filter & { db: Db; actor: Actor }): Promise<TFigures> => {
  const unit = await getUnitInScope(db, actor, f.orgUnitId ?? actor.scopeOrgUnitId);
  return (await figuresOfUnit({ db, unit, ...f })).figures;
};

/**
 * The figures of a unit already checked to be in scope (the annual report reads them here, so the
 * report, its annex and this page count alike), with the same counting rule per activity
 * (inspection / supervision) and the rows behind them.
 */
export const figuresOfUnit = async ({
  db,
  unit,
  ...f
}: Filter & { db: DbOrTx; unit: { id: number; name: string; path: string } }) => {
  const subjects = await queryRows<SubjectRow>(db, subjectRows(unit.path, f));
  const byCase = new Map<
    number,
    {
      body: ConductingBody;
      kind: CaseKind;
      subjects: { kind: 'member' | 'organisation'; id: number }[];
    }
  >();
  for (const s of subjects) {
    const c = byCase.get(s.case_id) ?? { body: s.body, kind: s.kind, subjects: [] };
    c.subjects.push(
      s.subject_kind === 'member'
        ? { kind: 'member', id: s.member_id! }
        : { kind: 'organisation', id: s.org_unit_id },
    );
    byCase.set(s.case_id, c);
  }
  const counted = countDistinctSubjects([...byCase.values()]);
  const disciplines = await queryRows<DisciplineFigureRow>(db, disciplineRows(unit.path, f));
  const recs = await queryRows<{ status: string }>(db, recommendationRows(unit.path, f));
  const casesByKind = caseKinds.map((kind) => ({
    kind,
    label: caseKindLabels[kind],
    count: [...byCase.values()].filter((c) => c.kind === kind).length,
  }));
  const disciplineByForm = (['member', 'organisation'] as const).flatMap((subjectKind) =>
    formsBySubject[subjectKind].map((form) => ({
      form,
      subjectKind,
      label: `${disciplineFormLabels[form]} ${subjectKind === 'member' ? 'đảng viên' : 'tổ chức đảng'}`,
      count: disciplines.filter((d) => d.subject_kind === subjectKind && d.form === form).length,
    })),
  );
  const disciplinedMembers = new Set(
    disciplines.filter((d) => d.member_id != null).map((d) => d.member_id),
  ).size;
  const disciplinedOrganisations = disciplines.filter(
    (d) => d.subject_kind === 'organisation',
  ).length;
  const committees = counted.byGroup.committees.total;
  const commissions = counted.byGroup.inspection_commissions.total;
  const sentences = [
    `Cấp ủy, Ban Thường vụ và cấp ủy cơ sở kiểm tra, giám sát được ${formatNumber(committees)} tổ chức đảng, đảng viên (${formatNumber(counted.byGroup.committees.organisations)} tổ chức đảng, ${formatNumber(counted.byGroup.committees.members)} đảng viên).`,
    `Ủy ban Kiểm tra các cấp kiểm tra, giám sát được ${formatNumber(commissions)} tổ chức đảng, đảng viên (${formatNumber(counted.byGroup.inspection_commissions.organisations)} tổ chức đảng, ${formatNumber(counted.byGroup.inspection_commissions.members)} đảng viên).`,
    `Thi hành kỷ luật ${formatNumber(disciplinedMembers)} đảng viên${disciplinedOrganisations ? ` và ${formatNumber(disciplinedOrganisations)} tổ chức đảng` : ''}.`,
  ];
  const figures: TFigures = {
    year: f.year,
    orgUnitId: unit.id,
    orgUnitName: unit.name,
    body: f.body ?? null,
    countingRule: countingRuleText,
    casesByKind,
    subjectsByBody: conductingBodies.map((body) => ({
      body,
      label: conductingBodyLabels[body],
      ...counted.byBody[body],
    })),
    subjectsByGroup: reportGroups.map((group) => ({
      group,
      label: reportGroupLabels[group],
      ...counted.byGroup[group],
    })),
    disciplineByForm,
    disciplinedMembers,
    disciplinedOrganisations,
    recommendations: {
      open: recs.filter((r) => r.status === 'open').length,
      done: recs.filter((r) => r.status === 'done').length,
    },
    sentences,
  };
  const cases = [...byCase.values()];
  return {
    figures,
    /** The same counting rule over the inspections and over the supervisions alone. */
    byActivity: {
      inspected: countDistinctSubjects(cases.filter((c) => !isSupervision(c.kind))),
      supervised: countDistinctSubjects(cases.filter((c) => isSupervision(c.kind))),
    },
    subjects,
    disciplines,
  };
};

export const getFigureRecords = async ({
  db,
  actor,
  figure,
  kind,
  group,
  subjectKind,
  form,
  status,
  ...f
}: Filter & {
  db: Db;
  actor: Actor;
  figure: 'cases' | 'subjects' | 'discipline' | 'recommendations';
  kind?: CaseKind;
  group?: ReportGroup;
  subjectKind?: 'member' | 'organisation';
  form?: DisciplineForm;
  status?: 'open' | 'done';
}): Promise<TFigureRecords> => {
  const unit = await getUnitInScope(db, actor, f.orgUnitId ?? actor.scopeOrgUnitId);
  const scopeText = `${unit.name}, năm ${f.year}${f.body ? `, ${conductingBodyLabels[f.body]}` : ''}`;
  if (figure === 'cases' || figure === 'subjects') {
    const rows = (await queryRows<SubjectRow>(db, subjectRows(unit.path, f))).filter(
      (r) =>
        (!kind || r.kind === kind) &&
        (!group || reportGroupOf[r.body] === group) &&
        (!subjectKind || r.subject_kind === subjectKind),
    );
    if (figure === 'cases') {
      const seen = new Set<number>();
      const out: TFigureRecords['rows'] = [];
      for (const r of rows) {
        if (seen.has(r.case_id)) continue;
        seen.add(r.case_id);
        out.push({
          caseId: r.case_id,
          decision: `${r.decision_number} (${formatDate(r.decision_date)})`,
          body: conductingBodyLabels[r.body],
          kind: caseKindLabels[r.kind],
          title: r.title,
          status: r.status === 'open' ? 'Đang tiến hành' : 'Đã kết luận',
        });
      }
      return {
        title: `Các cuộc ${kind ? caseKindLabels[kind].toLowerCase() : 'kiểm tra, giám sát'} – ${scopeText}`,
        countingRule:
          'Mỗi cuộc kiểm tra, giám sát có ít nhất một đối tượng trong phạm vi được đếm một lần.',
        columns: [
          { key: 'decision', title: 'Quyết định' },
          { key: 'body', title: 'Chủ thể' },
          { key: 'kind', title: 'Loại' },
          { key: 'title', title: 'Nội dung' },
          { key: 'status', title: 'Tình trạng' },
        ],
        rows: out,
      };
    }
    // Subjects: one row per (body, subject), the cases listed – the counting rule made visible.
    const bySubject = new Map<string, TFigureRecords['rows'][number]>();
    for (const r of rows) {
      const key = `${group ? reportGroupOf[r.body] : r.body}:${r.subject_kind}:${r.member_id ?? r.org_unit_id}`;
      const existing = bySubject.get(key);
      if (existing) {
        existing.cases = `${existing.cases}; ${r.decision_number}`;
        continue;
      }
      bySubject.set(key, {
        caseId: r.case_id,
        memberId: r.member_id,
        orgUnitId: r.org_unit_id,
        body: group ? reportGroupLabels[reportGroupOf[r.body]] : conductingBodyLabels[r.body],
        subject: r.member_name ?? r.org_unit_name,
        subjectKind: r.subject_kind === 'member' ? 'Đảng viên' : 'Tổ chức đảng',
        orgUnit: r.org_unit_name,
        cases: r.decision_number,
      });
    }
    return {
      title: `Tổ chức đảng, đảng viên được kiểm tra, giám sát – ${scopeText}${group ? ` – ${reportGroupLabels[group]}` : ''}`,
      countingRule: countingRuleText,
      columns: [
        { key: 'body', title: 'Chủ thể' },
        { key: 'subject', title: 'Đối tượng' },
        { key: 'subjectKind', title: 'Loại đối tượng' },
        { key: 'orgUnit', title: 'Thuộc' },
        { key: 'cases', title: 'Các quyết định' },
      ],
      rows: [...bySubject.values()],
    };
  }
  if (figure === 'discipline') {
    const rows = (await queryRows<DisciplineFigureRow>(db, disciplineRows(unit.path, f))).filter(
      (r) => (!form || r.form === form) && (!subjectKind || r.subject_kind === subjectKind),
    );
    return {
      title: `Thi hành kỷ luật${form ? ` – ${disciplineFormLabels[form].toLowerCase()}` : ''} – ${scopeText}`,
      countingRule:
        'Mỗi quyết định kỷ luật ban hành trong năm được đếm một lần (không tính quyết định đã bị xóa bỏ khi giải quyết khiếu nại).',
      columns: [
        { key: 'decision', title: 'Quyết định' },
        { key: 'subject', title: 'Đối tượng' },
        { key: 'orgUnit', title: 'Thuộc' },
        { key: 'form', title: 'Hình thức' },
        { key: 'body', title: 'Cấp quyết định' },
        { key: 'violation', title: 'Vi phạm' },
      ],
      rows: rows.map((r) => ({
        disciplineId: r.id,
        caseId: r.case_id,
        memberId: r.member_id,
        orgUnitId: r.org_unit_id,
        decision: `${r.decision_number ?? ''} (${formatDate(r.decided_on)})`,
        subject: r.subject_name,
        orgUnit: r.org_unit_name,
        form: disciplineFormLabels[r.form],
        body: decidingBodyLabels[r.body],
        violation: r.violation,
      })),
    };
  }
  const rows = (
    await queryRows<{
      id: number;
      text: string;
      status: string;
      due_on: string | null;
      done_on: string | null;
      case_id: number;
      title: string;
      decision_number: string;
    }>(db, recommendationRows(unit.path, f))
  ).filter((r) => !status || r.status === status);
  return {
    title: `Kiến nghị ${status === 'done' ? 'đã thực hiện xong' : status === 'open' ? 'đang theo dõi' : ''} – ${scopeText}`,
    countingRule:
      'Mỗi kiến nghị trong kết luận của các cuộc kiểm tra, giám sát năm được đếm một lần.',
    columns: [
      { key: 'case', title: 'Cuộc kiểm tra, giám sát' },
      { key: 'text', title: 'Kiến nghị' },
      { key: 'due', title: 'Hạn' },
      { key: 'status', title: 'Tình trạng' },
    ],
    rows: rows.map((r) => ({
      caseId: r.case_id,
      case: `${r.decision_number} – ${r.title}`,
      text: r.text,
      due: r.due_on ? formatDate(r.due_on) : null,
      status:
        r.status === 'done'
          ? `Đã xong (${r.done_on ? formatDate(r.done_on) : ''})`
          : 'Đang theo dõi',
    })),
  };
};
