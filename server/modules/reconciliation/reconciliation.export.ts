// The summary of a reconciliation run as a workbook: the differences per unit (the figures of the
// summary on the page) and every item that needs or had a decision.
import ExcelJS from 'exceljs';
import {
  type ReconGroup,
  reconDecisionLabels,
  reconFieldLabels,
  reconFields,
  reconGroupLabels,
} from '../../../contracts/reconciliation';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { getReconRun, listReconItems } from './reconciliation.queries';

const bold = { bold: true, name: 'Times New Roman' };

export const exportReconSummaryXlsx = async (db: Db, actor: Actor, id: number): Promise<Buffer> => {
  const run = await getReconRun(db, actor, id);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `dangvu – ${actor.displayName}`;
  const stamp = new Date(run.createdAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

  const summary = workbook.addWorksheet('Tổng hợp theo đơn vị');
  summary.addRow(['TỔNG HỢP ĐỐI CHIẾU VỚI CSDL ĐẢNG VIÊN']).font = { ...bold, size: 14 };
  summary.addRow([
    `Tệp: ${run.fileName} – đối chiếu lúc ${stamp} bởi ${run.createdBy ?? ''} – phạm vi: ${run.unitName}`,
  ]);
  summary.addRow([
    `Dòng trong tệp: ${run.counts.rows}; khớp: ${run.counts.matched} (có khác nhau: ${run.counts.membersWithDifferences}); chỉ có ở ta: ${run.counts.onlyHere}; chỉ có trong CSDL: ${run.counts.onlyThere}; ngoài phạm vi: ${run.counts.outOfScope}; chưa quyết định: ${run.counts.undecided}`,
  ]);
  const headers = [
    'Đơn vị',
    'Số trường khác nhau',
    ...reconFields.map((f) => reconFieldLabels[f]),
    'Chỉ có ở ta',
    'Chỉ có trong CSDL',
    'Chưa quyết định',
  ];
  summary.addRow(headers).font = bold;
  for (const u of run.units)
    summary.addRow([
      u.unitName,
      u.differences,
      ...reconFields.map((f) => u.byField[f] ?? 0),
      u.onlyHere,
      u.onlyThere,
      u.undecided,
    ]);
  const total = (pick: (u: (typeof run.units)[number]) => number) =>
    run.units.reduce((s, u) => s + pick(u), 0);
  summary.addRow([
    'Tổng số',
    total((u) => u.differences),
    ...reconFields.map((f) => total((u) => u.byField[f] ?? 0)),
    total((u) => u.onlyHere),
    total((u) => u.onlyThere),
    total((u) => u.undecided),
  ]).font = bold;
  summary.columns.forEach((c, i) => {
    c.width = i === 0 ? 40 : 14;
  });

  const detail = workbook.addWorksheet('Chi tiết');
  detail.addRow([
    'Nhóm',
    'Đơn vị',
    'Đảng viên',
    'Dòng trong tệp',
    'Trường',
    'Của ta',
    'Trong CSDL',
    'Quyết định',
    'Ghi chú',
    'Người quyết định',
  ]).font = bold;
  for (const group of ['differences', 'onlyHere', 'onlyThere'] as ReconGroup[]) {
    for (let page = 1; ; page++) {
      const { items } = await listReconItems(db, actor, id, {
        group,
        undecided: false,
        page,
        pageSize: 200,
      });
      for (const i of items)
        detail.addRow([
          reconGroupLabels[group],
          i.unitName ?? i.rowCell ?? '',
          i.memberName ?? i.rowName ?? '',
          i.rowNumber ?? '',
          i.fieldLabel ?? '',
          i.ours ?? '',
          i.theirs ??
            (group === 'onlyThere' ? [i.rowName, i.rowBirthDate].filter(Boolean).join(', ') : ''),
          i.decision ? reconDecisionLabels[i.decision] : 'Chưa quyết định',
          i.decisionNote ?? i.note ?? '',
          i.decidedBy ?? '',
        ]);
      if (items.length < 200) break;
    }
  }
  detail.columns.forEach((c, i) => {
    c.width = [16, 30, 28, 10, 16, 24, 24, 22, 30, 20][i] ?? 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
