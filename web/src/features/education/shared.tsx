import { Progress, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ModelStatus, modelStatusLabels } from '../../../../contracts/education';
import { formatNumber } from '../../../../domain/text/vietnamese';
import { FilePicker, uploadTo } from '../../components/FileUpload';

export const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
export const day = (s: string | null | undefined) => (s ? dayjs(s) : undefined);
export const currentYear = new Date().getFullYear();

/** Upload a file of evidence or a review report; returns its id. */
export const uploadFile = (orgUnitId: number, file: File) =>
  uploadTo('/api/education/documents', orgUnitId, file);

export { FilePicker };

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
