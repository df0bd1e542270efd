import { useQuery } from '@tanstack/react-query';
import { Progress, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type ModelStatus, modelStatusLabels } from '../../../../contracts/education';
import { formatNumber } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { FilePicker, uploadTo } from '../../components/FileUpload';
import { educationKeys } from './keys';

export const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
export const day = (s: string | null | undefined) => (s ? dayjs(s) : undefined);
export const currentYear = new Date().getFullYear();

/** Upload a file of evidence or a review report; returns its id. */
export const uploadFile = (orgUnitId: number, file: File) =>
  uploadTo('/api/education/documents', orgUnitId, file);

export { FilePicker };

/** A member of the actor's subtree, found by name. */
export const MemberPicker = ({
  value,
  onChange,
  id,
  orgUnitId,
}: {
  value?: number;
  onChange?: (id: number | undefined) => void;
  id?: string;
  orgUnitId?: number;
}) => {
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: educationKeys.memberPicker(q, orgUnitId),
    queryFn: () =>
      api.GET('/api/members', {
        params: { query: { q, orgUnitId, pageSize: 20, status: ['full', 'probationary'] } },
      }),
    enabled: q.length >= 2,
  });
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      loading={isFetching}
      placeholder="Gõ họ tên đảng viên (ít nhất 2 chữ)"
      notFoundContent={q.length < 2 ? 'Gõ họ tên để tìm' : 'Không tìm thấy'}
      options={(data?.items ?? []).map((m) => ({
        value: m.id,
        label: `${m.fullName} – ${m.orgUnitName}`,
      }))}
      style={{ width: '100%' }}
    />
  );
};

/** "7/9 (77,8%)" with a bar. */
export const Ratio = ({ n, d }: { n: number; d: number }) => (
  <Space wrap>
    <span>
      {formatNumber(n)}/{formatNumber(d)}
    </span>
    {d > 0 && (
      <Progress
        percent={Math.round((1000 * n) / d) / 10}
        size="small"
        style={{ width: 110, margin: 0 }}
        format={(p) => `${String(p).replace('.', ',')}%`}
        status={n === d ? 'success' : 'normal'}
      />
    )}
  </Space>
);

const statusColor: Record<ModelStatus, string> = {
  registered: 'blue',
  recognised: 'green',
  not_recognised: 'default',
};
export const ModelStatusTag = ({ status }: { status: ModelStatus }) => (
  <Tag color={statusColor[status]}>{modelStatusLabels[status]}</Tag>
);
