// The evidence appendix as a readable page: for each figure of the report, the metric code, the scope
// parameters and the records behind it (the same content as the JSON).
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { reportsKeys } from './keys';
import { EvidenceTable } from './shared';

export const EvidencePage = () => {
  const { id } = useParams();
  const { data, error } = useQuery({
    queryKey: reportsKeys.reportEvidencePage(id),
    queryFn: () =>
      api.GET('/api/reports/annual/{id}/evidence', { params: { path: { id: Number(id) } } }),
  });
  if (error) return <Alert type="error" showIcon title={applyApiError(error)} />;
  if (!data) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Phụ lục chứng cứ — báo cáo tổng kết năm {data.year}
      </Typography.Title>
      <Typography.Text>
        {data.orgUnitName} · số liệu lập lúc{' '}
        {data.generatedAt ? new Date(data.generatedAt).toLocaleString('vi-VN') : '—'} ·{' '}
        <Link to="/bao-cao-tong-ket">Trở lại báo cáo</Link> ·{' '}
        <a href={`/api/reports/annual/${data.draftId}/evidence`} target="_blank" rel="noreferrer">
          Tải JSON
        </a>
      </Typography.Text>
      {data.figures.map((f) => (
        <Card
          key={f.key}
          size="small"
          id={`so-lieu-${f.key}`}
          title={`${f.label}: ${f.display ?? 'chưa có số liệu'}`}
        >
          <EvidenceTable figure={f} />
        </Card>
      ))}
    </Space>
  );
};
