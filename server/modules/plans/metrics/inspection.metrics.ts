// Inspection, supervision and discipline (docs/domain/inspection.md). Counting rule of the
// yearly report (domain/rules/inspection countDistinctSubjects): the DISTINCT party organisations and
// members that were subjects of at least one case of the group's bodies with a decision dated in the
// period; a subject counts for the subtree its organisation lay in on the decision date (figures/placement.ts).
// Discipline: decisions dated in the period and not annulled.
import {
  type ConductingBody,
  conductingBodies,
  type ReportGroup,
  reportGroupLabels,
  reportGroupOf,
  reportGroups,
} from '../../../../domain/rules/inspection/inspection';
import { queryOne, sql } from '../../../db/client';
import type { MetricDefinition, MetricScope, MetricValue } from '../../figures';
import { countRecords, factsUntil, placedJoin, placedUnder } from '../../figures';

const bodiesOf = (group: ReportGroup) =>
  sql.join(
    conductingBodies
      .filter((b: ConductingBody) => reportGroupOf[b] === group)
      .map((b) => sql`${b}`),
    sql`, `,
  );

type Activity = 'inspected' | 'supervised';

const subjectCodes = (['inspected', 'supervised'] as const).flatMap((activity) =>
  (['organisations', 'members'] as const).flatMap((subject) =>
    reportGroups.map((group) => ({ activity, subject, group })),
  ),
);
const columnOf = (c: { activity: string; subject: string; group: string }) =>
  `${c.activity}_${c.subject}_${c.group}`;

/**
 * Every figure of this file for one scope in one query, without records (dashboards): the cases and
 * decisions of the period first (by date), each subject placed by index lookups (placement.ts
 * `placedUnder`), instead of one join over the subtree's units per figure. The same counting rules as
 * the records queries below, which placed-facts.db.test.ts compares it with.
 */
const inspectionBatch = async ({
  db,
  scope,
}: {
  db: Parameters<MetricDefinition['compute']>[0]['db'];
  scope: MetricScope;
}): Promise<Record<string, MetricValue>> => {
  const until = factsUntil(scope);
  const groupOf = sql`case ${sql.join(
    reportGroups.map((g) => sql`when c.body in (${bodiesOf(g)}) then ${g}`),
    sql` `,
  )} end`;
  const row = await queryOne<Record<string, number>>(
    db,
    sql`with s as (
          select c.id as case_id, ${groupOf} as report_group,
            case when c.kind like 'supervision%' then 'supervised' else 'inspected' end as activity,
            s.subject_kind, s.org_unit_id, s.member_id
          from inspection_cases c join inspection_case_subjects s on s.case_id = c.id
          where c.decision_date >= ${scope.from} and c.decision_date <= ${until}
            and ${placedUnder(scope.unitId, sql`s.org_unit_id`, sql`c.decision_date`)}),
        d as (
          select d.subject_kind, d.member_id, d.org_unit_id from discipline_decisions d
          where d.status = 'decided' and d.decided_on >= ${scope.from} and d.decided_on <= ${until}
            and ${placedUnder(scope.unitId, sql`d.org_unit_id`, sql`d.decided_on`)})
        select
          (select count(distinct case_id) from s)::int as cases,
          (select count(distinct member_id) from d where subject_kind = 'member')::int as d_members,
          (select count(distinct org_unit_id) from d where subject_kind = 'organisation')::int
            as d_organisations,
          ${sql.join(
            subjectCodes.map(
              (
                c,
              ) => sql`(select count(distinct ${c.subject === 'members' ? sql`coalesce(member_id, -1)` : sql`org_unit_id`})
                from s where report_group = ${c.group} and activity = ${c.activity}
                  and subject_kind = ${c.subject === 'members' ? 'member' : 'organisation'})::int
                as ${sql.raw(columnOf(c))}`,
            ),
            sql`, `,
          )}`,
  );
  const ok = (n: number | undefined): MetricValue => ({
    status: 'ok',
    value: Number(n ?? 0),
    records: [],
  });
  return {
    'inspection.cases': ok(row?.cases),
    'discipline.members': ok(row?.d_members),
    'discipline.organisations': ok(row?.d_organisations),
    ...Object.fromEntries(
      subjectCodes.map((c) => [
        `inspection.${c.activity}.${c.subject}.${c.group}`,
        ok(row?.[columnOf(c)]),
      ]),
    ),
  };
};
const batch = { key: 'inspection', compute: inspectionBatch };
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
  batch,
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
    batch,
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
    batch,
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
    batch,
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
