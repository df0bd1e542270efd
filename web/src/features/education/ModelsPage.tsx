import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import {
  type ModelStatus,
  modelStatuses,
  modelStatusLabels,
} from '../../../../contracts/education';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { educationKeys } from './keys';
import { ModelRegisterModal } from './ModelForms';
import { ModelsTable } from './ModelsTable';
import { currentYear } from './shared';

/** The register of models and examples with their review (registered → recognised or not). */
export const ModelsPage = () => {
  const { can } = useAuth();
  const [year, setYear] = useState<number | undefined>();
  const [status, setStatus] = useState<ModelStatus | undefined>();
  const [creating, setCreating] = useState(false);
  const { data, isLoading, error } = useQuery({
    queryKey: educationKeys.models(year, status),
    queryFn: () => api.GET('/api/education/models', { params: { query: { year, status } } }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Mô hình, điển hình
      </Typography.Title>
      <Card>
        <Space wrap>
          <Select
            allowClear
            placeholder="Năm đăng ký"
            value={year}
            onChange={setYear}
            style={{ width: 150 }}
            options={[0, 1, 2, 3, 4].map((i) => ({
              value: currentYear - i,
              label: `Năm ${currentYear - i}`,
            }))}
          />
          <Select
            allowClear
            placeholder="Trạng thái"
            value={status}
            onChange={setStatus}
            style={{ width: 200 }}
            options={modelStatuses.map((s) => ({ value: s, label: modelStatusLabels[s] }))}
          />
          {can('education.record') && (
            <Button type="primary" size="large" onClick={() => setCreating(true)}>
              Đăng ký mô hình
            </Button>
          )}
        </Space>
      </Card>
      {creating && <ModelRegisterModal onClose={() => setCreating(false)} />}
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      <ModelsTable items={data?.items} loading={isLoading} />
    </Space>
  );
};
