// Applicants and member events to XLSX, with the Vietnamese headers the import reads back.

import type { SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { type MemberEventKind, memberEventLabels, sexLabels } from '../../../domain/enums/members';
import { formatDate } from '../../../domain/text/vietnamese';
import { type Db, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { requireAccess } from '../../platform/access/records';
import { inScope } from '../../platform/access/scope';
import { writeAudit } from '../../platform/audit/audit';
import { cellLabels } from '../members';

/** Which units an export covers: the chosen unit's subtree (a unit in scope), or the actor's. */
const exportScope = async (
  db: Db,
  actor: Actor,
  orgUnitId?: number,
): Promise<(path: SQL) => SQL> => {
  if (!orgUnitId) return (path) => inScope(actor, path);
  const unit = await requireAccess(db, actor, 'unit.read', orgUnitId);
  return (path) => sql`${path} <@ ${unit.path}::ltree`;
};

const workbookOf = async (
  title: string,
  headers: { header: string; width: number }[],
  rows: unknown[][],
  actor: Actor,
  purpose: string,
): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `dangvu – ${actor.displayName}`;
  const sheet = workbook.addWorksheet(title);
  sheet.columns = headers.map((h) => ({ width: h.width }));
  sheet.addRow([title.toUpperCase()]).font = { bold: true, size: 14, name: 'Times New Roman' };
  const stamp = new Date().toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
  sheet.addRow([
    `Người xuất: ${actor.displayName} (${actor.username}) – lúc ${stamp} – mục đích: ${purpose}`,
  ]);
  const header = sheet.addRow(headers.map((h) => h.header));
  header.font = { bold: true, name: 'Times New Roman' };
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

export const exportApplicantsXlsx = async ({
  db,
  actor,
  orgUnitId,
  purpose,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  purpose: string;
}): Promise<Buffer> => {
  const covered = await exportScope(db, actor, orgUnitId);
  const labels = await cellLabels(db, actor);
  const rows = await queryRows<Record<string, string | null> & { org_unit_id: number }>(
    db,
    // Those still being developed: an admitted applicant is a member now, in the members' list.
    sql`select a.* from applicants a join org_units o on o.id = a.org_unit_id
        where ${covered(sql`o.path`)} and a.status = 'in_progress' order by a.id`,
  );
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'applicant.export',
      entityType: 'applicant',
      meta: { orgUnitId: orgUnitId ?? null, purpose, format: 'xlsx', rows: rows.length },
    }),
  );
  return workbookOf(
    'Danh sách quần chúng ưu tú',
    [
      { header: 'STT', width: 6 },
      { header: 'Họ và tên', width: 28 },
      { header: 'Giới tính', width: 9 },
      { header: 'Ngày sinh', width: 12 },
      { header: 'Số CCCD', width: 16 },
      { header: 'Dân tộc', width: 10 },
      { header: 'Tôn giáo', width: 10 },
      { header: 'Chi bộ', width: 34 },
      { header: 'Giáo dục phổ thông', width: 10 },
      { header: 'Nơi làm việc', width: 26 },
      { header: 'Chức vụ', width: 20 },
      { header: 'Số điện thoại', width: 14 },
      { header: 'Nguồn', width: 20 },
      { header: 'Đảng viên giúp đỡ', width: 24 },
    ],
    rows.map((a, i) => [
      i + 1,
      a.full_name,
      sexLabels[a.sex as 'male' | 'female'],
      formatDate(a.birth_date),
      a.citizen_id ?? '',
      a.ethnicity ?? '',
      a.religion ?? '',
      labels.get(a.org_unit_id) ?? '',
      a.general_education ?? '',
      a.workplace ?? '',
      a.position ?? '',
      a.phone ?? '',
      a.source ?? '',
      a.mentor_name ?? '',
    ]),
    actor,
    purpose,
  );
};

export const exportEventsXlsx = async ({
  db,
  actor,
  orgUnitId,
  purpose,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  purpose: string;
}): Promise<Buffer> => {
  const covered = await exportScope(db, actor, orgUnitId);
  const labels = await cellLabels(db, actor);
  const rows = await queryRows<{
    full_name: string;
    birth_date: string;
    citizen_id: string | null;
    kind: MemberEventKind;
    event_date: string;
    org_unit_id: number | null;
    external_org: string | null;
    decision_number: string | null;
    letter_number: string | null;
    letter_date: string | null;
    note: string | null;
  }>(
    db,
    sql`select m.full_name, m.birth_date, m.citizen_id, e.kind, e.event_date, e.org_unit_id,
          e.external_org, e.decision_number, e.letter_number, e.letter_date, e.note
        from member_events e join members m on m.id = e.member_id
        join org_units o on o.id = m.org_unit_id
        where ${covered(sql`o.path`)} order by m.id, e.event_date, e.id`,
  );
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'member.events_export',
      entityType: 'member',
      meta: { orgUnitId: orgUnitId ?? null, purpose, format: 'xlsx', rows: rows.length },
    }),
  );
  return workbookOf(
    'Biến động đảng viên',
    [
      { header: 'STT', width: 6 },
      { header: 'Họ và tên', width: 28 },
      { header: 'Ngày sinh', width: 12 },
      { header: 'Số CCCD', width: 16 },
      { header: 'Sự kiện', width: 30 },
      { header: 'Ngày sự kiện', width: 12 },
      { header: 'Chi bộ', width: 34 },
      { header: 'Nơi chuyển đến/đi', width: 26 },
      { header: 'Số quyết định', width: 16 },
      { header: 'Số giấy giới thiệu', width: 16 },
      { header: 'Ngày giấy giới thiệu', width: 12 },
      { header: 'Ghi chú', width: 30 },
    ],
    rows.map((e, i) => [
      i + 1,
      e.full_name,
      formatDate(e.birth_date),
      e.citizen_id ?? '',
      memberEventLabels[e.kind],
      formatDate(e.event_date),
      e.org_unit_id ? (labels.get(e.org_unit_id) ?? '') : '',
      e.external_org ?? '',
      e.decision_number ?? '',
      e.letter_number ?? '',
      formatDate(e.letter_date),
      e.note ?? '',
    ]),
    actor,
    purpose,
  );
};
