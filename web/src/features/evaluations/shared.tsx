// Vocabulary and small pieces shared by the evaluation pages.
import { Tag } from 'antd';
import type { RecordStatus } from '../../../../contracts/evaluations';
import {
  type QualityLevel,
  qualityLevelLabels,
  qualityLevels,
  type SubjectKind,
  subjectKindLabels,
} from '../../../../domain/rules/evaluation/levels';

export const currentYear = new Date().getFullYear();
export const todayLocal = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export const levelColors: Record<QualityLevel, string> = {
  HTXSNV: '#c62828',
  HTTNV: '#2e7d32',
  HTNV: '#f9a825',
  KHTNV: '#616161',
};
export const levelTagColors: Record<QualityLevel, string> = {
  HTXSNV: 'red',
  HTTNV: 'green',
  HTNV: 'gold',
  KHTNV: 'default',
};
export const levelOptions = qualityLevels.map((l) => ({
  value: l,
  label: `${l} – ${qualityLevelLabels[l]}`,
}));

export const LevelTag = ({ level }: { level?: string | null }) => {
  if (!level) return <span>—</span>;
  if (level === 'not_rated') return <Tag>Không xếp loại</Tag>;
  if (level === 'incomplete') return <Tag color="orange">Chưa đủ dữ liệu</Tag>;
  const l = level as QualityLevel;
  return (
    <Tag color={levelTagColors[l]} title={qualityLevelLabels[l]}>
      {l}
    </Tag>
  );
};

export const statusLabels: Record<RecordStatus, string> = {
  pending: 'Chưa tự đánh giá',
  self_assessed: 'Đã tự đánh giá',
  reviewed: 'Đã kiểm điểm',
  appraised: 'Đã thẩm định',
  decided: 'Đã quyết định',
  published: 'Đã công bố',
  not_rated: 'Không xếp loại',
};
const statusColors: Record<RecordStatus, string> = {
  pending: 'default',
  self_assessed: 'blue',
  reviewed: 'geekblue',
  appraised: 'purple',
  decided: 'green',
  published: 'cyan',
  not_rated: 'default',
};
export const StatusTag = ({ status }: { status: RecordStatus }) => (
  <Tag color={statusColors[status]}>{statusLabels[status]}</Tag>
);

export const subjectKindOptions = (Object.keys(subjectKindLabels) as SubjectKind[]).map((k) => ({
  value: k,
  label: subjectKindLabels[k],
}));

export const cycleLabel = (c: {
  cycle: string;
  year: number;
  quarter: number | null;
  periodFrom: string;
  periodTo: string;
}) =>
  c.cycle === 'quarter'
    ? `Quý ${c.quarter}/${c.year}`
    : c.cycle === 'term'
      ? `Nhiệm kỳ ${c.periodFrom.slice(0, 4)}–${c.periodTo.slice(0, 4)}`
      : `Năm ${c.year}`;

export const stepLabels: Record<string, string> = {
  self_assessment: 'Tự đánh giá, xếp loại',
  review: 'Kiểm điểm tại hội nghị',
  appraisal: 'Thẩm định',
  decision: 'Quyết định xếp loại',
  publication: 'Công bố kết quả',
  complaint: 'Khiếu nại',
  complaint_resolved: 'Giải quyết khiếu nại',
};

/** The level the decision starts from: the appraisal's, the meeting's, or the engine's. */
export const suggestedLevel = (r: {
  appraisalLevel: string | null;
  reviewLevel: string | null;
  proposedLevel: string;
}): QualityLevel | undefined => {
  const l = r.appraisalLevel ?? r.reviewLevel ?? r.proposedLevel;
  return (qualityLevels as readonly string[]).includes(l) ? (l as QualityLevel) : undefined;
};
