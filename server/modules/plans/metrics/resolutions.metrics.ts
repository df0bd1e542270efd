// Dissemination of resolutions and the cells' meetings (DOMAIN.md §7), read from the resolutions and
// meetings modules. With `scope.resolutionId` a figure is about that resolution; without it, about every
// resolution whose study deadline falls in the period. Units are placed in the tree as of the study
// deadline (server/modules/resolutions/coverage.queries.ts); nothing planned → 'unavailable'.
import { meetingAttendance } from '../../meetings/attendance.queries';
import {
  type DisseminationCoverage,
  disseminationCoverage,
  disseminationCoverageForPeriod,
} from '../../resolutions/coverage.queries';
import type { MetricDefinition, MetricScope, MetricValue } from './metric';
import { factsUntil, percentOf } from './placement';

const coverageOf = (
  db: Parameters<MetricDefinition['compute']>[0]['db'],
  scope: MetricScope,
): Promise<DisseminationCoverage> =>
  scope.resolutionId
    ? disseminationCoverage({
        db,
        unitId: scope.unitId,
        resolutionId: scope.resolutionId,
        asOf: factsUntil(scope),
      })
    : disseminationCoverageForPeriod({
        db,
        unitId: scope.unitId,
        from: scope.from,
        to: scope.to,
        asOf: factsUntil(scope),
      });

export const resolutionMetrics: MetricDefinition[] = [
  {
    code: 'resolutions.cells_disseminated',
    label: 'Chi bộ, đảng bộ cơ sở tổ chức học tập, quán triệt nghị quyết',
    description:
      'Tỷ lệ chi bộ, đảng bộ cơ sở trong phạm vi đã tổ chức học tập, quán triệt nghị quyết được chọn (hoặc các nghị quyết có hạn quán triệt trong kỳ), trên số đơn vị phải thực hiện theo kế hoạch.',
    unit: 'percent',
    area: 'resolutions',
    kind: 'period',
    perResolution: true,
    compute: async ({ db, scope }): Promise<MetricValue> => {
      const c = await coverageOf(db, scope);
      if (c.status !== 'ok') return c;
      return percentOf(c.records, c.held, c.required);
    },
  },
  {
    code: 'resolutions.action_programmes',
    label: 'Đơn vị ban hành chương trình hành động thực hiện nghị quyết',
    description:
      'Tỷ lệ đơn vị phải thực hiện đã ban hành chương trình hành động (kế hoạch thực hiện) đến ngày xem, trên số đơn vị phải thực hiện.',
    unit: 'percent',
    area: 'resolutions',
    kind: 'period',
    perResolution: true,
    compute: async ({ db, scope }): Promise<MetricValue> => {
      const c = await coverageOf(db, scope);
      if (c.status !== 'ok') return c;
      if (!c.actionProgrammeRequired)
        return {
          status: 'unavailable',
          reason: 'Kế hoạch quán triệt không yêu cầu chương trình hành động.',
        };
      const missing = new Set(c.missingActionProgramme.map((r) => `${r.id}:${r.label}`));
      const done = [...c.records, ...c.missing].filter((r) => !missing.has(`${r.id}:${r.label}`));
      return percentOf(done, c.actionProgrammes, c.required);
    },
  },
  {
    code: 'meetings.attendance_rate',
    label: 'Tỷ lệ đảng viên dự sinh hoạt chi bộ',
    description:
      'Số lượt đảng viên có mặt tại các buổi sinh hoạt chi bộ trong kỳ, trên số lượt đảng viên phải dự (đảng viên chính thức và dự bị của chi bộ tại ngày họp, trừ người được miễn sinh hoạt).',
    unit: 'percent',
    area: 'resolutions',
    kind: 'period',
    compute: ({ db, scope }) =>
      meetingAttendance({ db, unitId: scope.unitId, from: scope.from, to: factsUntil(scope) }),
  },
];
