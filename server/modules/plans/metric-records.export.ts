// Issue 22: the records behind a figure (the dashboard's and the plan's drawer) exported to XLSX –
// exactly the records the figure counts, in the drawer's order (the member list's), each with its
// unit's path below the figure's unit and its date.
import type { TMetricRecords } from '../../../contracts/plans';
import { formatDate, formatNumber } from '../../../domain/text/vietnamese';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { writeAudit } from '../../platform/audit/audit';
import { listWorkbook } from '../../platform/list-workbook';
import { getMetricRecords } from './plans.service';

/** What a record is, in words (the metrics' record kinds). */
export const recordKindLabels: Record<string, string> = {
  member: 'Đảng viên',
  applicant: 'Quần chúng',
  inspection_case: 'Hồ sơ kiểm tra',
  proposal: 'Kiến nghị',
  key_task: 'Nhiệm vụ',
  congress: 'Đại hội',
  committee_membership: 'Cấp ủy viên',
  evaluation_record: 'Phiếu xếp loại',
  org_unit: 'Tổ chức đảng',
  exemplary_model: 'Điển hình',
  study_programme: 'Chương trình học tập',
  resolution: 'Nghị quyết',
};

const valueText = (f: TMetricRecords) => {
  if (f.status !== 'ok' || f.value === null) return f.reason ?? '—';
  if (f.unit === 'percent') return `${formatNumber(f.value, Number.isInteger(f.value) ? 0 : 1)}%`;
  if (f.unit === 'amount') return `${formatNumber(f.value)} đ`;
  return formatNumber(f.value);
};

const columns = [
  { header: 'STT', width: 6 },
  { header: 'Loại', width: 16 },
  { header: 'Mã', width: 10 },
  { header: 'Bản ghi', width: 44 },
  { header: 'Đơn vị', width: 60 },
  { header: 'Ngày', width: 12 },
];

export const exportMetricRecordsXlsx = async ({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: Omit<Parameters<typeof getMetricRecords>[0], 'db' | 'actor'>;
}): Promise<{ buffer: Buffer; figure: TMetricRecords }> => {
  const figure = await getMetricRecords({ db, actor, ...query });
  const buffer = await listWorkbook({
    sheetName: 'Bản ghi',
    title: `${figure.label} – ${figure.orgUnitName}`,
    subtitle: `Kỳ ${formatDate(figure.from)} – ${formatDate(figure.to)}, số liệu đến ngày ${formatDate(figure.asOf)}; giá trị: ${valueText(
      figure,
    )}${figure.numerator !== null && figure.denominator !== null ? ` (${figure.numerator}/${figure.denominator})` : ''}; ${figure.records.length} bản ghi.`,
    columns,
    rows: figure.records.map((r, i) => [
      i + 1,
      recordKindLabels[r.kind] ?? 'Bản ghi',
      r.id,
      r.label,
      r.orgUnitPath ?? '',
      r.date ? formatDate(r.date) : '',
    ]),
  });
  // The records name people: who exported them is recorded.
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'plans.records.export',
      entityType: 'org_unit',
      entityId: figure.orgUnitId,
      orgUnitId: figure.orgUnitId,
      after: { ...query, rows: figure.records.length },
    }),
  );
  return { buffer, figure };
};
