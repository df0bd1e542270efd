import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  type ResolutionKind,
  resolutionKindLabels,
  resolutionKinds,
} from '../../../../contracts/resolutions';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { resolutionsKeys } from './keys';
import { ResolutionFormModal } from './ResolutionFormModal';
import { currentYear, Ratio, todayLocal } from './shared';

/** The register of resolutions, directives and conclusions, with dissemination progress. */
export const ResolutionsPage = () => {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>();
  const [kind, setKind] = useState<ResolutionKind | undefined>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const { data, isLoading, error } = useQuery({
    queryKey: resolutionsKeys.resolutions(year, kind, q),
    queryFn: () => api.GET('/api/resolutions', { params: { query: { year, kind, q } } }),
  });
  const today = todayLocal();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Nghị quyết, chỉ thị và việc quán triệt
      </Typography.Title>
      <Card>
        <Space wrap>
          <Select
            allowClear
            placeholder="Năm ban hành"
            value={year}
            onChange={setYear}
            style={{ width: 150 }}
            options={[0, 1, 2, 3].map((i) => ({
              value: currentYear - i,
              label: `Năm ${currentYear - i}`,
            }))}
          />
          <Select
            allowClear
            placeholder="Loại văn bản"
            value={kind}
            onChange={setKind}
            style={{ width: 170 }}
            options={resolutionKinds.map((k) => ({ value: k, label: resolutionKindLabels[k] }))}
          />
          <Input.Search
            allowClear
            placeholder="Tìm theo số, trích yếu"
            onSearch={setQ}
            style={{ width: 280 }}
          />
          {can('resolution.write') && (
            <Button type="primary" size="large" onClick={() => setCreating(true)}>
              Đăng ký văn bản
            </Button>
          )}
        </Space>
      </Card>
      {creating && (
        <ResolutionFormModal
          onClose={() => setCreating(false)}
          onSaved={(id) => navigate(`/nghi-quyet/${id}`)}
        />
      )}
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      <Table
        rowKey="id"
        data-testid="resolutions"
        loading={isLoading}
        dataSource={data?.items}
        pagination={{ pageSize: 20 }}
        // Column widths: on a phone the abstract kept a word per line in 900 px (issue 22's walk).
        scroll={{ x: 1120 }}
        columns={[
          {
            title: 'Số, ngày',
            width: 150,
            render: (_, r) => (
              <Link to={`/nghi-quyet/${r.id}`}>
                {r.number} ({formatDate(r.issuedOn)})
              </Link>
            ),
          },
          { title: 'Loại', width: 100, render: (_, r) => resolutionKindLabels[r.kind] },
          { title: 'Trích yếu', dataIndex: 'title', width: 300 },
          { title: 'Ban hành', dataIndex: 'issuerName', width: 170 },
          {
            title: 'Hạn quán triệt',
            render: (_, r) =>
              r.studyDeadline ? (
                <Space>
                  {formatDate(r.studyDeadline)}
                  {r.studyDeadline < today && r.held < r.required && <Tag color="red">Quá hạn</Tag>}
                </Space>
              ) : (
                <Typography.Text type="secondary">Chưa có kế hoạch</Typography.Text>
              ),
          },
          {
            title: 'Đã quán triệt',
            render: (_, r) => (r.required ? <Ratio n={r.held} d={r.required} /> : '—'),
          },
          {
            title: 'Đã có chương trình hành động',
            render: (_, r) => (r.required ? <Ratio n={r.actionProgrammes} d={r.required} /> : '—'),
          },
        ]}
      />
    </Space>
  );
};
