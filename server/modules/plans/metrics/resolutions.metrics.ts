// Dissemination of resolutions and the cells' meetings (docs/domain/resolutions.md, meetings.md), read from the resolutions and
// meetings modules. With `scope.resolutionId` a figure is about that resolution; without it, about every
// resolution whose study deadline falls in the period. Units are placed in the tree as of the study
// deadline (server/modules/resolutions/coverage.queries.ts); nothing planned → 'unavailable'.
import { sql } from '../../../db/client';
import type { MetricDefinition, MetricScope, MetricValue } from '../../figures';
import { disseminationSums, factsUntil, percentOf } from '../../figures';
import { meetingAttendance } from '../../meetings';
import {
  type DisseminationCoverage,
  disseminationCoverage,
  disseminationCoverageForPeriod,
} from '../../resolutions';

type CoverageCounts =
  | {
      status: 'ok';
      required: number;
      held: number;
      actionProgrammes: number;
      actionProgrammeRequired: boolean;
    }
  | Extract<MetricValue, { status: 'unavailable' }>;

/**
 * The counts of `coverageOf` without the units (dashboards, target lists): read from the maintained
 * sums (placed-facts.ts), which placed-facts.db.test.ts holds equal to the records.
 */
const coverageCounts = async (
  db: Parameters<MetricDefinition['compute']>[0]['db'],
  scope: MetricScope,
): Promise<CoverageCounts> => {
  const plans = await disseminationSums(
    db,
    scope.unitId,
    scope.resolutionId
      ? sql`p.resolution_id = ${scope.resolutionId}`
      : sql`p.study_deadline between ${scope.from} and ${scope.to}`,
    factsUntil(scope),
  );
  if (plans.length === 0)
    return {
      status: 'unavailable',
      reason: scope.resolutionId
        ? 'Văn bản này chưa có kế hoạch quán triệt.'
        : 'Không có nghị quyết, chỉ thị nào có hạn quán triệt trong kỳ này.',
    };
  return {
    status: 'ok',
    required: plans.reduce((n, p) => n + p.required, 0),
    held: plans.reduce((n, p) => n + p.held, 0),
    actionProgrammes: plans.reduce((n, p) => n + p.action_programmes, 0),
    actionProgrammeRequired: plans.some((p) => p.action_programme_required),
  };
};

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

const noActionProgramme: MetricValue = {
  status: 'unavailable',
  reason: 'Kế hoạch quán triệt không yêu cầu chương trình hành động.',
};

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
    compute: async ({ db, scope, withRecords = true }): Promise<MetricValue> => {
      if (!withRecords) {
        const c = await coverageCounts(db, scope);
        return c.status === 'ok' ? percentOf([], c.held, c.required) : c;
      }
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
    compute: async ({ db, scope, withRecords = true }): Promise<MetricValue> => {
      if (!withRecords) {
        const c = await coverageCounts(db, scope);
        if (c.status !== 'ok') return c;
        if (!c.actionProgrammeRequired) return noActionProgramme;
        return percentOf([], c.actionProgrammes, c.required);
      }
      const c = await coverageOf(db, scope);
      if (c.status !== 'ok') return c;
      if (!c.actionProgrammeRequired) return noActionProgramme;
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
