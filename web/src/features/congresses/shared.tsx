import { UploadOutlined } from '@ant-design/icons';
import { Button, Tag, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { type CongressStatus, congressStatusLabels } from '../../../../domain/enums/congresses';
import { api } from '../../api/client';

export const statusColors: Record<CongressStatus, string> = {
  planned: 'default',
  approved: 'blue',
  held: 'gold',
  results_approved: 'green',
};

export const CongressStatusTag = ({ status }: { status: CongressStatus }) => (
  <Tag color={statusColors[status]}>{congressStatusLabels[status]}</Tag>
);

export const LateTag = () => <Tag color="red">Chậm tiến độ</Tag>;

/** A date picker's value as the API's ISO day, or null. */
export const isoOf = (d: Dayjs | null | undefined): string | null =>
  d ? d.format('YYYY-MM-DD') : null;

/** Today as YYYY-MM-DD in the user's own time zone. */
export const todayLocal = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** Upload a congress document's file through the checked upload; returns its id. */
export const uploadCongressFile = async (orgUnitId: number, file: File): Promise<number> =>
  (
    await api.POST('/api/congresses/documents', {
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
