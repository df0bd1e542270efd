// The meetings list as a long list stays usable (issue 22): filtered (the unit that held them, kind,
// words of the title, the year's dates), grouped by that unit with counts, paged on the server
// group after group, and exported to XLSX with exactly the same filter.
import type { SQL } from 'drizzle-orm';
import {
  meetingKindLabels,
  type TMeetingExportQuery,
  type TMeetingGroup,
  type TMeetingListItem,
  type TMeetingQuery,
} from '../../../contracts/meetings';
import { formatDate, toLikeKey } from '../../../domain/text/vietnamese';
import { type Db, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { listWorkbook } from '../../platform/list-workbook';

/** The filter shared by the groups, the page and the export (`o` is the unit that held it). */
const filterOf = (unitPath: string, q: TMeetingExportQuery): SQL => {
  const where: SQL[] = [sql`o.path <@ ${unitPath}::ltree`];
  if (q.from) where.push(sql`m.held_on >= ${q.from}`);
  if (q.to) where.push(sql`m.held_on <= ${q.to}`);
  if (q.unit) where.push(sql`m.org_unit_id = ${q.unit}`);
  if (q.kind) where.push(sql`m.kind = ${q.kind}`);
  if (q.q) {
    const like = `%${toLikeKey(q.q)}%`;
    where.push(sql`(lower(immutable_unaccent(m.title)) like ${like}
      or lower(immutable_unaccent(o.name)) like ${like})`);
  }
  return sql.join(where, sql` and `);
};

/**
 * Groups by the unit that held the meetings: the chosen unit's own first (its conferences), then by
 * name (and the parent's name); a name shared by two gets its parent's.
 */
const groupsOf = async (db: Db, unitId: number, where: SQL): Promise<TMeetingGroup[]> => {
  const rows = await queryRows<{
    id: number;
    name: string;
    parent_name: string | null;
    n: number;
    cell: number;
    last: string;
  }>(
    db,
    sql`select o.id, o.name, p.name as parent_name, count(*)::int as n,
          count(*) filter (where m.kind in ('cell_regular', 'cell_thematic'))::int as cell,
          max(m.held_on)::text as last
        from meetings m join org_units o on o.id = m.org_unit_id
        left join org_units p on p.id = o.parent_id
        where ${where}
        group by o.id, o.name, p.name
        order by (o.id = ${unitId}) desc, o.name collate vi, p.name collate vi, o.id`,
  );
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(r.name, (seen.get(r.name) ?? 0) + 1);
  return rows.map((r) => ({
    orgUnitId: r.id,
    label: (seen.get(r.name) ?? 0) > 1 && r.parent_name ? `${r.name} – ${r.parent_name}` : r.name,
    count: r.n,
    cellMeetings: r.cell,
    lastHeldOn: r.last,
  }));
};

type Row = {
  id: number;
  org_unit_id: number;
  org_unit_name: string;
  kind: TMeetingListItem['kind'];
  held_on: string;
  title: string;
  invited_count: number;
  present_count: number;
  decision_count: number;
};
const rowSelect = sql`select m.id, m.org_unit_id, o.name as org_unit_name, m.kind, m.held_on, m.title,
    m.invited_count, m.present_count,
    (select count(*) from meeting_decisions d where d.meeting_id = m.id)::int as decision_count
  from meetings m join org_units o on o.id = m.org_unit_id
  left join org_units p on p.id = o.parent_id`;
/** Group after group (as the page shows them), the latest first inside a group. */
const groupedOrder = (unitId: number) =>
  sql`order by (o.id = ${unitId}) desc, o.name collate vi, p.name collate vi, o.id,
    m.held_on desc, m.id desc`;

const toItem = (r: Row): TMeetingListItem => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  kind: r.kind,
  heldOn: r.held_on,
  title: r.title,
  invitedCount: r.invited_count,
  presentCount: r.present_count,
  decisionCount: r.decision_count,
});

export const listMeetings = async ({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: TMeetingQuery;
}): Promise<{ items: TMeetingListItem[]; total: number; groups: TMeetingGroup[] }> => {
  const unit = await getUnitInScope(db, actor, query.orgUnitId ?? actor.scopeOrgUnitId);
  const where = filterOf(unit.path, query);
  const groups = await groupsOf(db, unit.id, where);
  const { pageSize, page = 1 } = query;
  const rows =
    pageSize === 0
      ? []
      : await queryRows<Row>(
          db,
          pageSize === undefined
            ? // Unpaged (the calendar, the education programme's picker): the 500 latest.
              sql`${rowSelect} where ${where} order by m.held_on desc, m.id desc limit 500`
            : sql`${rowSelect} where ${where} ${groupedOrder(unit.id)}
                limit ${pageSize} offset ${(page - 1) * pageSize}`,
        );
  return {
    items: rows.map(toItem),
    total: groups.reduce((n, g) => n + g.count, 0),
    groups,
  };
};

const exportColumns = [
  { header: 'STT', width: 6 },
  { header: 'Đơn vị', width: 40 },
  { header: 'Ngày', width: 12 },
  { header: 'Loại', width: 34 },
  { header: 'Tên cuộc họp', width: 60 },
  { header: 'Mời / đảng viên', width: 14 },
  { header: 'Có mặt', width: 10 },
  { header: 'Tỷ lệ có mặt', width: 12 },
  { header: 'Nội dung giao việc', width: 12 },
];

/** The filtered list, every page, group after group, as an XLSX workbook; the export is audited. */
export const exportMeetingsXlsx = async ({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: TMeetingExportQuery;
}): Promise<{ buffer: Buffer; count: number }> => {
  const unit = await getUnitInScope(db, actor, query.orgUnitId ?? actor.scopeOrgUnitId);
  const where = filterOf(unit.path, query);
  const [groups, rows] = await Promise.all([
    groupsOf(db, unit.id, where),
    queryRows<Row>(db, sql`${rowSelect} where ${where} ${groupedOrder(unit.id)} limit 20000`),
  ]);
  const labels = new Map(groups.map((g) => [g.orgUnitId, g.label]));
  const period =
    query.from || query.to
      ? ` từ ${query.from ? formatDate(query.from) : '…'} đến ${query.to ? formatDate(query.to) : '…'}`
      : '';
  const buffer = await listWorkbook({
    sheetName: 'Hội nghị, sinh hoạt',
    title: `Hội nghị, sinh hoạt chi bộ – ${unit.name}${period}`,
    subtitle: `${rows.length} cuộc họp ở ${groups.length} đơn vị${query.kind ? `; loại: ${meetingKindLabels[query.kind]}` : ''}${query.q ? `; tìm: “${query.q}”` : ''}.`,
    columns: exportColumns,
    rows: rows.map((r, i) => [
      i + 1,
      labels.get(r.org_unit_id) ?? r.org_unit_name,
      formatDate(r.held_on),
      meetingKindLabels[r.kind],
      r.title,
      r.invited_count,
      r.present_count,
      r.invited_count > 0 ? Math.round((r.present_count / r.invited_count) * 1000) / 10 : '',
      r.decision_count,
    ]),
  });
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'meeting.export',
      entityType: 'org_unit',
      entityId: unit.id,
      orgUnitId: unit.id,
      after: { ...query, rows: rows.length },
    }),
  );
  return { buffer, count: rows.length };
};
