import { Progress, Space } from 'antd';
import { formatNumber } from '../../../../domain/text/vietnamese';
import { FilePicker, uploadTo } from '../../components/FileUpload';

/** Today as YYYY-MM-DD in the user's own time zone. */
export const todayLocal = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
export const currentYear = new Date().getFullYear();

/** Upload an action programme's or a report's file; returns its id. */
export const uploadFile = (orgUnitId: number, file: File) =>
  uploadTo('/api/resolutions/documents', orgUnitId, file);

export { FilePicker };

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
