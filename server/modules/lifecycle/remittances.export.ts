// The comparison of dues remitted upward, exported to XLSX as the page shows it (one row per
// grassroots organisation, then the total).
import { quarterStateLabels, type TRemittanceQuery } from '../../../contracts/remittances';
import { formatDate } from '../../../domain/text/vietnamese';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { listWorkbook } from '../../platform/list-workbook';
import { getRemittanceComparison } from './remittances.queries';

const roman = ['I', 'II', 'III', 'IV'];

export const exportRemittancesXlsx = async ({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: TRemittanceQuery;
}): Promise<Buffer> => {
  const c = await getRemittanceComparison({ db, actor, query });
  const buffer = await listWorkbook({
    sheetName: 'Nộp đảng phí lên cấp trên',
    title: `Nộp đảng phí lên cấp trên năm ${c.year} – ${c.orgUnitName}`,
    subtitle: `Đến ngày ${formatDate(todayIso())}; tháng ${c.months[0]!.slice(5)}–${c.months.at(-1)!.slice(5)}/${c.year}. Phải nộp = đảng phí các chi bộ đã thu × tỷ lệ nộp lên (${c.shares.map((s) => `${100 - s.keptPercent}%: ${s.source}`).join('; ')}). Số tiền tính bằng đồng.`,
    columns: [
      { header: 'STT', width: 6 },
      { header: 'Tổ chức cơ sở đảng', width: 40 },
      { header: 'Số chi bộ', width: 10 },
      { header: 'Đảng phí đã thu', width: 16 },
      { header: 'Phải nộp (các quý đã hết)', width: 16 },
      { header: 'Quý đang thu (chưa đến hạn)', width: 16 },
      { header: 'Đã nộp', width: 16 },
      { header: 'Chênh lệch', width: 16 },
      ...roman.map((r) => ({ header: `Quý ${r}`, width: 14 })),
      { header: 'Các lần nộp', width: 60 },
    ],
    rows: [
      ...c.rows.map((r, i) => [
        i + 1,
        r.orgUnitName,
        r.cells,
        r.collected,
        r.due,
        r.openDue,
        r.received,
        r.difference,
        ...[1, 2, 3, 4].map((q) => {
          const x = r.quarters.find((y) => y.quarter === q);
          return x ? quarterStateLabels[x.state] : '';
        }),
        r.remittances
          .map(
            (x) =>
              `${x.periodLabel}: ${x.amount} (${formatDate(x.receivedOn)}${x.documentNumber ? `, ${x.documentNumber}` : ''})`,
          )
          .join('; '),
      ]),
      [
        '',
        'Tổng cộng',
        c.rows.reduce((s, r) => s + r.cells, 0),
        c.totals.collected,
        c.totals.due,
        c.totals.openDue,
        c.totals.received,
        c.totals.difference,
        '',
        '',
        '',
        '',
        '',
      ],
    ],
  });
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'dues.remittances.export',
      entityType: 'org_unit',
      entityId: c.orgUnitId,
      orgUnitId: c.orgUnitId,
      after: { year: c.year, rows: c.rows.length },
    }),
  );
  return buffer;
};
