import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { emulationKeys } from './keys';
import { MovementFormModal } from './MovementFormModal';
import { yearOptions } from './shared';

/** The emulation movements of the user's committees, with registrations and models in the subtree. */
export const MovementsPage = () => {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const { data, isLoading, error } = useQuery({
    queryKey: emulationKeys.movements(year, q),
    queryFn: () => api.GET('/api/emulation/movements', { params: { query: { year, q } } }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Phong trào thi đua
      </Typography.Title>
      <Card>
        <Space wrap>
          <Select
            allowClear
            placeholder="Năm"
            value={year}
            onChange={setYear}
            style={{ width: 150 }}
            options={yearOptions()}
          />
          <Input.Search
            allowClear
            placeholder="Tìm theo tên, văn bản phát động"
            onSearch={setQ}
            style={{ width: 280, maxWidth: '100%' }}
          />
          {can('emulation.write') && (
            <Button type="primary" size="large" onClick={() => setCreating(true)}>
              Phát động phong trào
            </Button>
          )}
          <Link to="/khen-thuong">Sổ khen thưởng</Link>
        </Space>
      </Card>
      {creating && (
        <MovementFormModal
          onClose={() => setCreating(false)}
          onSaved={(id) => navigate(`/thi-dua/${id}`)}
        />
      )}
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      <Table
        rowKey="id"
        data-testid="movements"
        loading={isLoading}
        dataSource={data?.items}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: 'Phong trào',
            render: (_, r) => <Link to={`/thi-dua/${r.id}`}>{r.name}</Link>,
          },
          { title: 'Cấp ủy phát động', dataIndex: 'orgUnitName' },
          {
            title: 'Thời gian',
            render: (_, r) => `${formatDate(r.fromDate)} – ${formatDate(r.toDate)}`,
          },
          { title: 'Đơn vị đăng ký', dataIndex: 'registeredUnits' },
          { title: 'Đảng viên đăng ký', dataIndex: 'registeredMembers' },
          {
            title: 'Mô hình (được công nhận)',
            render: (_, r) => `${r.models} (${r.recognisedModels})`,
          },
        ]}
      />
    </Space>
  );
};
