import { UploadOutlined } from '@ant-design/icons';
import { Button, Progress, Space, Upload } from 'antd';
import { formatNumber } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';

/** Today as YYYY-MM-DD in the user's own time zone. */
export const todayLocal = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
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
    await api.POST('/api/resolutions/documents', {
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
  label = 'Chọn tệp (PDF, ảnh, Word)',
}: {
  file: File | null;
  onChange: (file: File | null) => void;
  label?: string;
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
    <Button icon={<UploadOutlined />}>{label}</Button>
  </Upload>
);

export const DocumentLink = ({ id, name }: { id: number | null; name: string | null }) =>
  id ? <a href={`/api/resolutions/documents/${id}`}>{name ?? 'Tải tệp'}</a> : null;

/** "7/9 (77,8%)" with a bar. */
export const Ratio = ({ n, d }: { n: number; d: number }) => (
  <Space>
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
