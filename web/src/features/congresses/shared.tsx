import { Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { type CongressStatus, congressStatusLabels } from '../../../../domain/enums/congresses';
import { FilePicker, uploadTo } from '../../components/FileUpload';

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

/** Upload a congress document's file; returns its id. */
export const uploadCongressFile = (orgUnitId: number, file: File) =>
  uploadTo('/api/congresses/documents', orgUnitId, file);

export { FilePicker };
