// Inspection, supervision and discipline (DOMAIN.md §5, regulations.md §4.6). Counting rule of the
// yearly report (domain/rules/inspection countDistinctSubjects): the DISTINCT party organisations and
// members that were subjects of at least one case of the group's bodies with a decision dated in the
// period; a subject counts for the subtree its organisation lay in on the decision date (./placement.ts).
// Discipline: decisions dated in the period and not annulled.
import {
  type ConductingBody,
  conductingBodies,
  type ReportGroup,
  reportGroupLabels,
  reportGroupOf,
  reportGroups,
} from '../../../../domain/rules/inspection/inspection';
import { sql } from '../../../db/client';
import type { MetricDefinition } from './metric';
import { countRecords, factsUntil, placedJoin } from './placement';

const bodiesOf = (group: ReportGroup) =>
  sql.join(
    conductingBodies
      .filter((b: ConductingBody) => reportGroupOf[b] === group)
      .map((b) => sql`${b}`),
    sql`, `,
  );

type Activity = 'inspected' | 'supervised';
type Subject = 'organisations' | 'members';

const activityLabel: Record<Activity, string> = { inspected: 'kiểm tra', supervised: 'giám sát' };
const subjectLabel: Record<Subject, string> = {
  organisations: 'Tổ chức đảng',
  members: 'Đảng viên',
};

const subjectsMetric = (
  activity: Activity,
  subject: Subject,
  group: ReportGroup,
): MetricDefinition => ({
  code: `inspection.${activity}.${subject}.${group}`,
  label: `${subjectLabel[subject]} được ${activityLabel[activity]} – ${reportGroupLabels[group]}`,
  description: `Số ${subjectLabel[subject].toLowerCase()} khác nhau là đối tượng của ít nhất một cuộc ${activityLabel[activity]} do ${reportGroupLabels[group]} tiến hành, có quyết định ban hành trong kỳ (mỗi đối tượng đếm một lần), tính theo nơi đối tượng thuộc tại ngày quyết định.`,
  unit: 'count',
  area: 'inspection',
  kind: 'period',
  compute: ({ db, scope, withRecords }) =>
    countRecords(
      db,
      sql`select distinct ${subject === 'members' ? sql`'member' as kind, m.id, m.full_name as label` : sql`'org_unit' as kind, o.id, o.name as label`}
          from inspection_cases c
          join inspection_case_subjects s on s.case_id = c.id
          join org_units o on o.id = s.org_unit_id
          left join members m on m.id = s.member_id
          ${placedJoin(scope.unitId, sql`s.org_unit_id`, sql`c.decision_date`)}
          where c.decision_date >= ${scope.from} and c.decision_date <= ${factsUntil(scope)}
            and c.body in (${bodiesOf(group)})
            and c.kind ${activity === 'supervised' ? sql`like 'supervision%'` : sql`not like 'supervision%'`}
            and s.subject_kind = ${subject === 'members' ? 'member' : 'organisation'}`,
      withRecords,
    ),
});

export const inspectionMetrics: MetricDefinition[] = [
  ...(['inspected', 'supervised'] as const).flatMap((activity) =>
    (['organisations', 'members'] as const).flatMap((subject) =>
      reportGroups.map((group) => subjectsMetric(activity, subject, group)),
    ),
  ),
  {
    code: 'inspection.cases',
    label: 'Cuộc kiểm tra, giám sát',
    description:
      'Số cuộc kiểm tra, giám sát có quyết định ban hành trong kỳ và có ít nhất một đối tượng thuộc phạm vi (tại ngày quyết định).',
    unit: 'count',
    area: 'inspection',
    kind: 'period',
    compute: ({ db, scope, withRecords }) =>
      countRecords(
        db,
        sql`select 'inspection_case' as kind, c.id, c.decision_number || ' – ' || c.title as label
            from inspection_cases c
            where c.decision_date >= ${scope.from} and c.decision_date <= ${factsUntil(scope)}
              and exists (select 1 from inspection_case_subjects s
                          ${placedJoin(scope.unitId, sql`s.org_unit_id`, sql`c.decision_date`)}
                          where s.case_id = c.id)`,
        withRecords,
      ),
  },
  {
    code: 'discipline.members',
    label: 'Đảng viên bị thi hành kỷ luật',
    description:
      'Số đảng viên khác nhau có quyết định kỷ luật ban hành trong kỳ (không tính quyết định đã bị xóa bỏ), tính theo chi bộ của đảng viên tại ngày quyết định.',
    unit: 'count',
    area: 'inspection',
    kind: 'period',
    compute: ({ db, scope, withRecords }) =>
      countRecords(
        db,
        sql`select distinct 'member' as kind, m.id, m.full_name as label
            from discipline_decisions d join members m on m.id = d.member_id
            ${placedJoin(scope.unitId, sql`d.org_unit_id`, sql`d.decided_on`)}
            where d.status = 'decided' and d.subject_kind = 'member'
              and d.decided_on >= ${scope.from} and d.decided_on <= ${factsUntil(scope)}`,
        withRecords,
      ),
  },
  {
    code: 'discipline.organisations',
    label: 'Tổ chức đảng bị thi hành kỷ luật',
    description:
      'Số tổ chức đảng có quyết định kỷ luật ban hành trong kỳ (không tính quyết định đã bị xóa bỏ).',
    unit: 'count',
    area: 'inspection',
    kind: 'period',
    compute: ({ db, scope, withRecords }) =>
      countRecords(
        db,
        sql`select distinct 'org_unit' as kind, o.id, o.name as label
            from discipline_decisions d join org_units o on o.id = d.org_unit_id
            ${placedJoin(scope.unitId, sql`d.org_unit_id`, sql`d.decided_on`)}
            where d.status = 'decided' and d.subject_kind = 'organisation'
              and d.decided_on >= ${scope.from} and d.decided_on <= ${factsUntil(scope)}`,
        withRecords,
      ),
  },
];
