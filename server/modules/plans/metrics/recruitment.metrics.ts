// Recruitment figures (phát triển đảng viên, docs/domain/recruitment.md): admissions and recognitions of the period,
// counted from the member events the recruitment pipeline records, placed by the admitting cell on
// the day (figures/placement.ts) — the same events the admission targets of the recruitment module count.

import type { MetricDefinition } from '../../figures';
import { eventMetric } from './members.metrics';

export const recruitmentMetrics: MetricDefinition[] = [
  eventMetric(
    {
      code: 'recruitment.admitted',
      label: 'Kết nạp đảng viên',
      description:
        'Số quần chúng được kết nạp vào Đảng có ngày kết nạp trong kỳ, tính cho chi bộ kết nạp theo cây tổ chức tại ngày kết nạp (không tính kết nạp lại).',
      area: 'recruitment',
    },
    ['admitted'],
  ),
  eventMetric(
    {
      code: 'recruitment.readmitted',
      label: 'Kết nạp lại',
      description: 'Số người được kết nạp lại vào Đảng trong kỳ, tính cho chi bộ kết nạp.',
      area: 'recruitment',
    },
    ['readmitted'],
  ),
  eventMetric(
    {
      code: 'recruitment.recognised',
      label: 'Công nhận đảng viên chính thức',
      description:
        'Số đảng viên dự bị được công nhận chính thức có ngày công nhận trong kỳ, tính cho chi bộ nơi đảng viên sinh hoạt tại ngày đó.',
      area: 'recruitment',
    },
    ['recognised'],
  ),
];
