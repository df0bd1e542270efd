import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Progress, Select, Space, Tag, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type ModelStatus, modelStatusLabels } from '../../../../contracts/education';
import { formatNumber } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { educationKeys } from './keys';

export const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
export const day = (s: string | null | undefined) => (s ? dayjs(s) : undefined);
export const currentYear = new Date().getFullYear();

const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** Upload a file through the checked upload; returns its id. */
export const uploadFile = async (orgUnitId: number, file: File): Promise<number> =>
  (
    await api.POST('/api/education/documents', {
      body: {
        orgUnitId,
        fileName: file.name,
        mimeType: file.type || 'application/octet-stream',
        contentBase64: await readBase64(file),
      },
    })
  ).id;

/** Pick one file (PDF, image, Word); nothing is sent until the form is saved. */
export const FilePicker = ({
  file,
  onChange,
}: {
  file: File | null;
  onChange: (file: File | null) => void;
}) => (
  <Upload
    maxCount={1}
    accept=".pdf,.jpg,.jpeg,.png,.webp,.doc,.docx"
    beforeUpload={(f) => {
      onChange(f);
      return false;
    }}
    onRemove={() => onChange(null)}
    fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
  >
    <Button icon={<UploadOutlined />}>Chọn tệp (PDF, ảnh, Word)</Button>
  </Upload>
);

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
