// Dissemination of a resolution (DOMAIN.md §7): the share of cells that held the study session of a
// given resolution (`scope.resolutionId`) and issued their action programme. The facts live in the
// resolutions module; until it is installed the metric answers 'unavailable'.
import type { MetricDefinition } from './metric';

export const resolutionsUnavailableReason =
  'Chưa có dữ liệu học tập, quán triệt nghị quyết (phân hệ nghị quyết chưa được cài đặt)';

export const resolutionMetrics: MetricDefinition[] = [
  {
    code: 'resolutions.cells_disseminated',
    label: 'Chi bộ tổ chức quán triệt và ban hành chương trình hành động',
    description:
      'Tỷ lệ chi bộ trong phạm vi đã tổ chức học tập, quán triệt nghị quyết được chọn và ban hành chương trình hành động thực hiện, trên số chi bộ phải thực hiện.',
    unit: 'percent',
    area: 'resolutions',
    kind: 'period',
    compute: async () => ({ status: 'unavailable', reason: resolutionsUnavailableReason }),
  },
];
