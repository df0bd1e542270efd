// The key tasks a unit handed down to lower units in a year, as a long list stays usable (issue 22):
// filtered (receiving unit, status or overdue, text), grouped by the receiving unit with counts, paged
// on the server, and exported to XLSX with exactly the same filter.

import type { SQL } from 'drizzle-orm';
import type { TAssignedTasks, TAssignedTasksQuery, TTaskGroup } from '../../../contracts/plans';
import {
  keyTaskOriginLabels,
  keyTaskRatingLabels,
  keyTaskStatusLabels,
} from '../../../domain/rules/plans/key-tasks';
import { formatDate, toLikeKey } from '../../../domain/text/vietnamese';
import { type Db, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { listWorkbook } from '../../platform/list-workbook';
import { type TaskRow, taskSelect, toKeyTask } from './plans.queries';
import { asOfFor } from './targets.service';

type Query = Omit<TAssignedTasksQuery, 'page' | 'pageSize'>;

/** The filter shared by the groups, the page and the export (`o` is the receiving unit). */
const filterOf = (actor: Actor, unitId: number, q: Query, asOf: string): SQL => {
  const where: SQL[] = [
    sql`k.assigned_by_org_unit_id = ${unitId}`,
    sql`k.year = ${q.year}`,
    inScope(actor, sql`o.path`),
  ];
  if (q.unit) where.push(sql`k.org_unit_id = ${q.unit}`);
  if (q.status === 'overdue')
    where.push(sql`k.completed_on is null and k.deadline < ${asOf}::date`);
  else if (q.status) where.push(sql`k.status = ${q.status}`);
  if (q.q) {
    const like = `%${toLikeKey(q.q)}%`;
    where.push(sql`(lower(immutable_unaccent(k.title)) like ${like}
      or lower(immutable_unaccent(coalesce(k.products, ''))) like ${like}
      or lower(immutable_unaccent(o.name)) like ${like})`);
  }
  return sql.join(where, sql` and `);
};

/** Groups by receiving unit; a name shared by two groups gets its parent's name ("… – Đảng bộ Y"). */
const groupsOf = async (db: Db, where: SQL, asOf: string): Promise<TTaskGroup[]> => {
  const rows = await queryRows<{
    id: number;
    name: string;
    parent_name: string | null;
    n: number;
    overdue: number;
    completed: number;
  }>(
    db,
    sql`select o.id, o.name, p.name as parent_name, count(*)::int as n,
          count(*) filter (where k.completed_on is null and k.deadline < ${asOf}::date)::int as overdue,
          count(*) filter (where k.status = 'completed')::int as completed
        from key_tasks k join org_units o on o.id = k.org_unit_id
        left join org_units p on p.id = o.parent_id
        where ${where}
        group by o.id, o.name, p.name
        order by o.name collate vi, o.id`,
  );
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(r.name, (seen.get(r.name) ?? 0) + 1);
  return rows.map((r) => ({
    orgUnitId: r.id,
    label: (seen.get(r.name) ?? 0) > 1 && r.parent_name ? `${r.name} – ${r.parent_name}` : r.name,
    count: r.n,
    overdue: r.overdue,
    completed: r.completed,
  }));
};

export const listAssignedTasks = async ({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: TAssignedTasksQuery;
}): Promise<TAssignedTasks> => {
  const unit = await getUnitInScope(db, actor, query.orgUnitId ?? actor.scopeOrgUnitId);
  const asOf = asOfFor(`${query.year}-12-31`, query.asOf);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const where = filterOf(actor, unit.id, query, asOf);
  const groups = await groupsOf(db, where, asOf);
  const rows =
    pageSize === 0
      ? []
      : await queryRows<TaskRow>(
          db,
          sql`${taskSelect} where ${where}
              order by o.name collate vi, o.id, k.deadline, k.id
              limit ${pageSize} offset ${(page - 1) * pageSize}`,
        );
  return {
    orgUnitId: unit.id,
    orgUnitName: unit.name,
    asOf,
    total: groups.reduce((s, g) => s + g.count, 0),
    page,
    pageSize,
    groups,
    items: rows.map((r) => toKeyTask(r, asOf)),
  };
};

/** How many tasks a unit handed down in a year (in the actor's reach). */
export const countAssignedTasks = async (db: Db, actor: Actor, unitId: number, year: number) =>
  (
    await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from key_tasks k join org_units o on o.id = k.org_unit_id
          where k.assigned_by_org_unit_id = ${unitId} and k.year = ${year}
            and ${inScope(actor, sql`o.path`)}`,
    )
  )?.n ?? 0;

const exportColumns = [
  { header: 'STT', width: 6 },
  { header: 'Đơn vị nhận', width: 34 },
  { header: 'Nhiệm vụ', width: 60 },
  { header: 'Nguồn', width: 24 },
  { header: 'Phụ trách', width: 26 },
  { header: 'Hạn', width: 12 },
  { header: 'Sản phẩm', width: 30 },
  { header: 'Tình trạng', width: 18 },
  { header: 'Ngày hoàn thành', width: 14 },
  { header: 'Tiến độ', width: 18 },
  { header: 'Đánh giá', width: 18 },
];

/** The filtered list, every page, as an XLSX workbook; the export is audited (it names people). */
export const exportAssignedTasksXlsx = async ({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: Query;
}): Promise<{ buffer: Buffer; count: number }> => {
  const unit = await getUnitInScope(db, actor, query.orgUnitId ?? actor.scopeOrgUnitId);
  const asOf = asOfFor(`${query.year}-12-31`, query.asOf);
  const where = filterOf(actor, unit.id, query, asOf);
  const [groups, rows] = await Promise.all([
    groupsOf(db, where, asOf),
    queryRows<TaskRow>(
      db,
      sql`${taskSelect} where ${where} order by o.name collate vi, o.id, k.deadline, k.id limit 20000`,
    ),
  ]);
  const labels = new Map(groups.map((g) => [g.orgUnitId, g.label]));
  const buffer = await listWorkbook({
    sheetName: 'Nhiệm vụ giao cấp dưới',
    title: `Nhiệm vụ ${unit.name} giao cho cấp dưới năm ${query.year}`,
    subtitle: `Số liệu đến ngày ${formatDate(asOf)}; ${rows.length} nhiệm vụ.`,
    columns: exportColumns,
    rows: rows.map((r, i) => {
      const t = toKeyTask(r, asOf);
      return [
        i + 1,
        labels.get(t.orgUnitId) ?? t.orgUnitName,
        t.title,
        t.origin === 'assigned' && t.assignedByName
          ? `${keyTaskOriginLabels[t.origin]} (${t.assignedByName})`
          : keyTaskOriginLabels[t.origin],
        t.ownerName,
        formatDate(t.deadline),
        t.products ?? '',
        keyTaskStatusLabels[t.status],
        t.completedOn ? formatDate(t.completedOn) : '',
        t.timeliness.label,
        t.rating ? keyTaskRatingLabels[t.rating] : '',
      ];
    }),
  });
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'plans.task.export',
      entityType: 'org_unit',
      entityId: unit.id,
      orgUnitId: unit.id,
      after: { ...query, rows: rows.length },
    }),
  );
  return { buffer, count: rows.length };
};
