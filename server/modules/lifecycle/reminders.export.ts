// Issue 22: "Việc cần làm" exported to XLSX with exactly the page's filters, group after group.
import {
  reminderKindLabels,
  reminderSeverityLabels,
  type TRemindersQuery,
} from '../../../contracts/lifecycle';
import { formatDate } from '../../../domain/text/vietnamese';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { listWorkbook } from '../../platform/list-workbook';
import { listReminders } from './reminders.service';

const columns = [
  { header: 'STT', width: 6 },
  { header: 'Đơn vị', width: 34 },
  { header: 'Mức độ', width: 14 },
  { header: 'Loại việc', width: 30 },
  { header: 'Ngày', width: 12 },
  { header: 'Việc', width: 50 },
  { header: 'Chi tiết', width: 60 },
];

export const exportRemindersXlsx = async ({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: Omit<TRemindersQuery, 'page' | 'pageSize'>;
}): Promise<Buffer> => {
  const unit = await getUnitInScope(db, actor, query.orgUnitId ?? actor.scopeOrgUnitId);
  // Every item that passes the filters, in the page's order (group after group).
  const { items, groups } = await listReminders({ db, actor, ...query, page: 1, pageSize: 500 });
  const labels = new Map(groups.map((g) => [g.orgUnitId, g.label]));
  const buffer = await listWorkbook({
    sheetName: 'Việc cần làm',
    title: `Việc cần làm – ${unit.name}`,
    subtitle: `Đến ngày ${formatDate(todayIso())}; ${items.length} việc.`,
    columns,
    rows: items.map((r, i) => [
      i + 1,
      labels.get(r.orgUnitId) ?? r.orgUnitName ?? '',
      reminderSeverityLabels[r.severity],
      reminderKindLabels[r.kind],
      formatDate(r.date),
      r.title,
      r.detail,
    ]),
  });
  // The list names members (dues, probation…): who exported it is recorded.
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'reminders.export',
      entityType: 'org_unit',
      entityId: unit.id,
      orgUnitId: unit.id,
      after: { ...query, rows: items.length },
    }),
  );
  return buffer;
};
