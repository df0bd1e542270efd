// Year-end evaluation figures (DOMAIN.md §6). They read the ratings recorded by the evaluation module
// (server/modules/evaluations); until that module is installed they answer 'unavailable' — never an
// invented number. Wiring: replace `notInstalled` by a query over `evaluationLevelCounts`.
import type { MetricDefinition, MetricValue } from './metric';

export const evaluationUnavailableReason =
  'Chưa có dữ liệu đánh giá, xếp loại (phân hệ đánh giá chưa được cài đặt)';

const notInstalled = async (): Promise<MetricValue> => ({
  status: 'unavailable',
  reason: evaluationUnavailableReason,
});

const percentMetric = (code: string, label: string, description: string): MetricDefinition => ({
  code,
  label,
  description,
  unit: 'percent',
  area: 'evaluation',
  kind: 'period',
  compute: notInstalled,
});

export const evaluationMetrics: MetricDefinition[] = [
  percentMetric(
    'evaluation.grassroots_good_or_better',
    'Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên',
    'Tỷ lệ tổ chức cơ sở đảng trong phạm vi được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên trong kỳ đánh giá, trên số tổ chức cơ sở đảng được đánh giá.',
  ),
  percentMetric(
    'evaluation.members_good_or_better',
    'Đảng viên hoàn thành tốt nhiệm vụ trở lên',
    'Tỷ lệ đảng viên trong phạm vi được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên trong kỳ đánh giá, trên số đảng viên được đánh giá.',
  ),
  percentMetric(
    'evaluation.mass_organisations_good_or_better',
    'Đoàn thể hoàn thành tốt nhiệm vụ trở lên',
    'Tỷ lệ tập thể lãnh đạo đoàn thể cơ sở được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên, trên số đoàn thể được đánh giá.',
  ),
  percentMetric(
    'evaluation.agencies_cultural_standard',
    'Cơ quan, đơn vị đạt chuẩn văn hóa',
    'Tỷ lệ cơ quan, đơn vị trong phạm vi được công nhận đạt chuẩn văn hóa trong kỳ, trên số cơ quan, đơn vị.',
  ),
];
