import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { TEvidence } from '../../../../contracts/reports';

export type EvidenceFigure = TEvidence['figures'][number];

export const currentYear = new Date().getFullYear();
/** This year and the nine before it: a past year's report is headed and dated as of that year. */
export const reportYearOptions = Array.from({ length: 10 }, (_, i) => currentYear - i).map((y) => ({
  value: y,
  label: `Năm ${y}`,
}));

const kindLabels: Record<string, string> = {
  member: 'Đảng viên',
  org_unit: 'Tổ chức đảng',
  inspection_case: 'Cuộc kiểm tra, giám sát',
  key_task: 'Nhiệm vụ trọng tâm',
  badge_award: 'Huy hiệu Đảng',
  party_card_event: 'Thẻ đảng viên',
  applicant: 'Quần chúng',
  proposal: 'Kiến nghị',
};

const recordLink = (kind: string, id: number, label: string) => {
  if (kind === 'member') return <Link to={`/dang-vien/${id}`}>{label}</Link>;
  if (kind === 'inspection_case') return <Link to={`/kiem-tra-giam-sat/${id}`}>{label}</Link>;
  if (kind === 'applicant') return <Link to={`/phat-trien-dang/${id}`}>{label}</Link>;
  if (kind === 'proposal') return <Link to={`/kien-nghi?id=${id}`}>{label}</Link>;
  return label;
};

/** One figure's evidence: metric, scope and the records behind it, each linked where it can be. */
export const EvidenceTable = ({ figure }: { figure: EvidenceFigure }) => (
  <>
    <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
      Chỉ số <Typography.Text code>{figure.metricCode}</Typography.Text> · tổ chức mã{' '}
      {figure.scope.unitId} · từ {figure.scope.from} đến {figure.scope.to} · số liệu tính đến{' '}
      {figure.scope.asOf} · {figure.records.length} bản ghi
    </Typography.Paragraph>
    <Table
      size="small"
      rowKey={(r) => `${r.kind}-${r.id}`}
      dataSource={figure.records}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: 'Không có bản ghi nào (số liệu bằng 0 hoặc chưa có số liệu).' }}
      columns={[
        { title: 'Loại', dataIndex: 'kind', width: 170, render: (k: string) => kindLabels[k] ?? k },
        { title: 'Mã', dataIndex: 'id', width: 90 },
        {
          title: 'Bản ghi',
          dataIndex: 'label',
          render: (l: string, r) => recordLink(r.kind, r.id, l),
        },
      ]}
    />
  </>
);
