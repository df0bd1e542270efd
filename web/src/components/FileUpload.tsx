// Attached files (scans of answers, minutes, evidence): picked in a form, sent on save through a
// module's checked upload (server/modules/attachments: type read from the first bytes, 10 MB).
import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { api } from '../api/client';

/** The modules' upload routes: each checks its own permission, all store the file alike. */
export type UploadPath =
  | '/api/congresses/documents'
  | '/api/education/documents'
  | '/api/proposals/documents'
  | '/api/recruitment/documents'
  | '/api/resolutions/documents';

const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** Upload a file into a unit through a module's checked upload; returns its id. */
export const uploadTo = async (path: UploadPath, orgUnitId: number, file: File): Promise<number> =>
  (
    await api.POST(path, {
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
