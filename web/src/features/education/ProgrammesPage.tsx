import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { programmeKindLabels } from '../../../../contracts/education';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { educationKeys } from './keys';
import { ProgrammeFormModal } from './ProgrammeFormModal';
import { currentYear } from './shared';

/** Programmes of study (Chỉ thị 05-CT/TW, the year's topic) of the user's committees. */
export const ProgrammesPage = () => {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>(currentYear);
  const [creating, setCreating] = useState(false);
  const { data, isLoading, error } = useQuery({
    queryKey: educationKeys.programmes(year),
    queryFn: () => api.GET('/api/education/programmes', { params: { query: { year } } }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Giáo dục chính trị, tư tưởng
      </Typography.Title>
      <Card>
        <Space wrap>
          <Select
            allowClear
            placeholder="Mọi năm"
            value={year}
            onChange={setYear}
            style={{ width: 150 }}
            options={[0, 1, 2, 3, 4].map((i) => ({
              value: currentYear - i,
              label: `Năm ${currentYear - i}`,
            }))}
          />
          {can('education.programme') && (
            <Button type="primary" size="large" onClick={() => setCreating(true)}>
              Lập chương trình
            </Button>
          )}
          <Link to="/mo-hinh-dien-hinh">Mô hình, điển hình</Link>
          <Link to="/du-luan-xa-hoi">Dư luận xã hội</Link>
        </Space>
      </Card>
      {creating && (
        <ProgrammeFormModal
          onClose={() => setCreating(false)}
          onSaved={(id) => navigate(`/giao-duc-chinh-tri/${id}`)}
        />
      )}
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      <Table
        rowKey="id"
        data-testid="programmes"
        loading={isLoading}
        dataSource={data?.items}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 800 }}
        columns={[
          {
            title: 'Chương trình',
            render: (_, r) => <Link to={`/giao-duc-chinh-tri/${r.id}`}>{r.title}</Link>,
          },
          { title: 'Loại', render: (_, r) => programmeKindLabels[r.kind] },
          { title: 'Cấp ủy chủ trì', dataIndex: 'orgUnitName' },
          {
            title: 'Thời gian',
            render: (_, r) =>
              `${formatDate(r.fromDate)} – ${r.toDate ? formatDate(r.toDate) : 'chưa định'}`,
          },
          { title: 'Hoạt động', dataIndex: 'activityCount', align: 'right' },
          { title: 'Mô hình', dataIndex: 'modelCount', align: 'right' },
        ]}
      />
    </Space>
  );
};
