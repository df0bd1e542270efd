import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TMemberListQuery } from '../../../contracts/members';
import {
  memberStatusLabels,
  politicalTheoryLabels,
  professionalLevelLabels,
  sexLabels,
} from '../../../domain/enums/members';
import { formatDate } from '../../../domain/text/vietnamese';
import { type Db, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { writeAudit } from '../../platform/audit/audit';
import { cellLabels } from '../imports/imports.export';
import { buildMemberQuery, iterateMembers } from './members.queries';

const columns = [
  { header: 'STT', width: 6 },
  { header: 'Họ và tên', width: 28 },
  { header: 'Giới tính', width: 9 },
  { header: 'Ngày sinh', width: 12 },
  { header: 'Dân tộc', width: 10 },
  { header: 'Chức vụ', width: 26 },
  { header: 'Chi bộ', width: 34 },
  { header: 'Ngày vào Đảng', width: 14 },
  { header: 'Ngày chính thức', width: 14 },
  { header: 'Trình độ chuyên môn', width: 18 },
  { header: 'Lý luận chính trị', width: 16 },
  { header: 'Trạng thái', width: 16 },
  // Read back by the spreadsheet import (server/modules/imports).
  { header: 'Tôn giáo', width: 10 },
  { header: 'Số CCCD', width: 16 },
  { header: 'Quê quán', width: 24 },
  { header: 'Số thẻ đảng', width: 14 },
  { header: 'Số quyết định kết nạp', width: 22 },
  { header: 'Nơi sinh', width: 24 },
  { header: 'Nghề nghiệp', width: 18 },
  { header: 'Nơi làm việc', width: 24 },
  { header: 'Số điện thoại', width: 14 },
];

/**
 * Stream exactly the filtered list to XLSX, page by page (bounded memory). The file carries who
 * exported it, when and why; the export itself is audited before the first byte is sent.
 */
export const exportMembersXlsx = async ({
  db,
  actor,
  query,
  purpose,
}: {
  db: Db;
  actor: Actor;
  query: TMemberListQuery;
  purpose: string;
}): Promise<PassThrough> => {
  await buildMemberQuery(db, actor, query); // checks scope and filters before anything is written
  const exportedAt = new Date();
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'member.export',
      entityType: 'member',
      meta: { filter: query, purpose, format: 'xlsx' },
    }),
  );
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = `dangvu – ${actor.displayName}`;
  const sheet = workbook.addWorksheet('Danh sách đảng viên', {
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const stamp = exportedAt.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
  const title = sheet.addRow(['DANH SÁCH ĐẢNG VIÊN']);
  title.font = { bold: true, size: 14, name: 'Times New Roman' };
  title.commit();
  sheet
    .addRow([
      `Người xuất: ${actor.displayName} (${actor.username}) – lúc ${stamp} – mục đích: ${purpose}`,
    ])
    .commit();
  sheet.addRow(['Tài liệu chứa dữ liệu cá nhân; chỉ sử dụng đúng mục đích đã khai báo.']).commit();
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true, name: 'Times New Roman' };
  header.eachCell((cell) => {
    cell.border = {
      top: { style: 'thin' },
      bottom: { style: 'thin' },
      left: { style: 'thin' },
      right: { style: 'thin' },
    };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.commit();
  const showEthnicity = can(actor, 'member.readSensitive');
  // A cell name shared by several cells in the subtree is written with its parent, so the file
  // can be imported back without ambiguity.
  const cells = await cellLabels(db, actor);

  void (async () => {
    try {
      let n = 0;
      for await (const page of iterateMembers(db, actor, query)) {
        const extra = new Map(
          (
            await queryRows<{
              id: number;
              religion: string;
              citizen_id: string | null;
              home_town: string | null;
              card_number: string | null;
              admission_decision: string | null;
              birth_place: string | null;
              occupation: string | null;
              workplace: string | null;
              phone: string | null;
            }>(
              db,
              sql`select m.id, m.religion, m.citizen_id, m.home_town, m.card_number, m.birth_place,
                    m.occupation, m.workplace, m.phone,
                    (select e.decision_number from member_events e
                     where e.member_id = m.id and e.kind in ('admitted', 'readmitted')
                     order by e.event_date desc, e.id desc limit 1) as admission_decision
                  from members m
                  where m.id = any(${`{${page.map((m) => m.id).join(',')}}`}::int[])`,
            )
          ).map((r) => [r.id, r]),
        );
        for (const m of page) {
          n += 1;
          const x = extra.get(m.id);
          sheet
            .addRow([
              n,
              m.fullName,
              sexLabels[m.sex],
              formatDate(m.birthDate),
              showEthnicity ? (m.ethnicity ?? '') : '',
              m.position ?? '',
              cells.get(m.orgUnitId) ?? m.orgUnitName,
              formatDate(m.admittedOn),
              formatDate(m.recognisedOn),
              professionalLevelLabels[m.professionalLevel],
              politicalTheoryLabels[m.politicalTheory],
              memberStatusLabels[m.status],
              showEthnicity ? (x?.religion ?? '') : '',
              x?.citizen_id ?? '',
              x?.home_town ?? '',
              x?.card_number ?? '',
              x?.admission_decision ?? '',
              x?.birth_place ?? '',
              x?.occupation ?? '',
              x?.workplace ?? '',
              x?.phone ?? '',
            ])
            .commit();
        }
      }
      sheet.addRow([]).commit();
      sheet.addRow([`Tổng số: ${n} đảng viên`]).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
};
