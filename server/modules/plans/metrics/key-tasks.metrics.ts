// Key-task figures (docs/domain/annual-plan.md) from the plans module's own data. "The unit's key tasks" are those of
// the plan of the subtree's root unit itself for the years of the period ("hoàn thành 6/6 nhiệm vụ
// trọng tâm; 2 xuất sắc, 4 tốt"); "tasks handed down" are those the root unit assigned to lower units
// with a deadline in the period. Completion counts when completed on or before asOf; a rating counts
// when given on or before asOf.
import type { SQL } from 'drizzle-orm';
import { type KeyTaskRating, keyTaskRatingLabels } from '../../../../domain/rules/plans/key-tasks';
import { queryRows, sql } from '../../../db/client';
import type { MetricDefinition, MetricRecord } from '../../figures';
import { countRecords, factsUntil, percentOf } from '../../figures';

const yearsOf = (from: string, to: string) =>
  sql`k.year between ${Number(from.slice(0, 4))} and ${Number(to.slice(0, 4))}`;

const ownTasks =
  (filter: SQL): MetricDefinition['compute'] =>
  async ({ db, scope, withRecords }) =>
    countRecords(
      db,
      sql`select 'key_task' as kind, k.id, k.title as label from key_tasks k
        where k.org_unit_id = ${scope.unitId} and ${yearsOf(scope.from, scope.to)} and ${filter}`,
      withRecords,
    );

const completedBy = (asOf: SQL | string) =>
  sql`k.status = 'completed' and k.completed_on <= ${asOf}`;

export const keyTaskMetrics: MetricDefinition[] = [
  {
    code: 'plans.key_tasks.total',
    label: 'Nhiệm vụ trọng tâm',
    description:
      'Số nhiệm vụ trọng tâm trong kế hoạch năm của chính đơn vị (kể cả nhiệm vụ cấp trên giao).',
    unit: 'count',
    area: 'plans',
    kind: 'snapshot',
    compute: ownTasks(sql`true`),
  },
  {
    code: 'plans.key_tasks.completed',
    label: 'Nhiệm vụ trọng tâm đã hoàn thành',
    description:
      'Số nhiệm vụ trọng tâm trong kế hoạch năm của đơn vị đã hoàn thành (ngày hoàn thành không sau ngày xem).',
    unit: 'count',
    area: 'plans',
    kind: 'period',
    compute: (args) => ownTasks(completedBy(factsUntil(args.scope)))(args),
  },
  {
    code: 'plans.key_tasks.completed_share',
    label: 'Tỷ lệ nhiệm vụ trọng tâm hoàn thành',
    description:
      'Số nhiệm vụ trọng tâm của đơn vị đã hoàn thành trên tổng số nhiệm vụ trọng tâm trong kế hoạch năm.',
    unit: 'percent',
    area: 'plans',
    kind: 'period',
    compute: async ({ db, scope }) => {
      const rows = await queryRows<{ id: number; title: string; done: boolean }>(
        db,
        sql`select k.id, k.title, (${completedBy(factsUntil(scope))}) as done from key_tasks k
            where k.org_unit_id = ${scope.unitId} and ${yearsOf(scope.from, scope.to)} order by k.title, k.id`,
      );
      const done: MetricRecord[] = rows
        .filter((r) => r.done)
        .map((r) => ({ kind: 'key_task', id: Number(r.id), label: r.title }));
      return percentOf(done, done.length, rows.length);
    },
  },
  ...(['excellent', 'good', 'completed', 'not_completed'] as const).map(
    (rating: KeyTaskRating): MetricDefinition => ({
      code: `plans.key_tasks.rated_${rating}`,
      label: `Nhiệm vụ trọng tâm tự đánh giá "${keyTaskRatingLabels[rating]}"`,
      description: `Số nhiệm vụ trọng tâm trong kế hoạch năm của đơn vị được đánh giá cuối năm "${keyTaskRatingLabels[rating]}" (ngày đánh giá không sau ngày xem).`,
      unit: 'count',
      area: 'plans',
      kind: 'period',
      compute: (args) =>
        ownTasks(sql`k.rating = ${rating} and k.rated_on <= ${factsUntil(args.scope)}`)(args),
    }),
  ),
  {
    code: 'plans.assigned_tasks.total',
    label: 'Nhiệm vụ giao cho cấp dưới',
    description: 'Số nhiệm vụ đơn vị giao cho các tổ chức cấp dưới có hạn hoàn thành trong kỳ.',
    unit: 'count',
    area: 'plans',
    kind: 'snapshot',
    compute: ({ db, scope, withRecords }) =>
      countRecords(
        db,
        sql`select 'key_task' as kind, k.id, k.title || ' – ' || o.name as label
            from key_tasks k join org_units o on o.id = k.org_unit_id
            where k.assigned_by_org_unit_id = ${scope.unitId}
              and k.deadline between ${scope.from} and ${scope.to}`,
        withRecords,
      ),
  },
  {
    code: 'plans.assigned_tasks.completed_on_time',
    label: 'Nhiệm vụ giao cho cấp dưới hoàn thành đúng hạn',
    description:
      'Số nhiệm vụ đơn vị giao cho các tổ chức cấp dưới (hạn trong kỳ) đã hoàn thành không muộn hơn hạn.',
    unit: 'count',
    area: 'plans',
    kind: 'period',
    compute: ({ db, scope, withRecords }) =>
      countRecords(
        db,
        sql`select 'key_task' as kind, k.id, k.title || ' – ' || o.name as label
            from key_tasks k join org_units o on o.id = k.org_unit_id
            where k.assigned_by_org_unit_id = ${scope.unitId}
              and k.deadline between ${scope.from} and ${scope.to}
              and ${completedBy(factsUntil(scope))} and k.completed_on <= k.deadline`,
        withRecords,
      ),
  },
];
