// The dashboard of a scope for a year and an as-of date (docs/domain/annual-plan.md): every target with its status,
// the key tasks, and the figures of recruitment, members, inspection, evaluation and dissemination read
// through the metric catalogue, each next to the same figure one year earlier (at the same point of
// that year: asOf − 1 year), and the admissions month by month. Each figure drills down through
// GET /api/plans/metric-records. A figure whose register holds nothing for the period (no dues paid,
// no case…) is "no data", and last year's is "—" when that year holds nothing: never a 0 to compare
// with (domain/reports/recorded.ts, docs/domain/annual-report-figures.md).
import type { TDashboard } from '../../../contracts/plans';
import { addYears } from '../../../domain/calendar/date-math';
import { checkRecorded, periodText } from '../../../domain/reports/recorded';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { getUnitInScope } from '../../platform/access/units';
import type { MetricValue } from '../figures';
import { factsUntil, monthlyFacts, recordedAreas } from '../figures';
import { summariseTasks, unitTaskFacts } from './key-tasks.service';
import { computeMetrics, findMetric, type MetricBatches } from './metrics/catalogue';
import { termFor } from './plans.queries';
import { asOfFor, listTargetRows, viewTarget } from './targets.service';

/** The figures the dashboard shows, in order; their cards group by the metric's area. */
export const dashboardMetricCodes = [
  'recruitment.admitted',
  'recruitment.recognised',
  'members.total',
  'members.status.probationary',
  'members.transferred_in',
  'members.transferred_out',
  'lifecycle.badges_awarded',
  'lifecycle.cards_issued',
  'lifecycle.dues_collected',
  'inspection.cases',
  'inspection.inspected.organisations.committees',
  'inspection.inspected.members.committees',
  'inspection.supervised.organisations.committees',
  'inspection.supervised.members.committees',
  'inspection.inspected.organisations.inspection_commissions',
  'inspection.inspected.members.inspection_commissions',
  'inspection.supervised.organisations.inspection_commissions',
  'inspection.supervised.members.inspection_commissions',
  'discipline.members',
  'discipline.organisations',
  'evaluation.grassroots_good_or_better',
  'evaluation.members_good_or_better',
  'evaluation.mass_organisations_good_or_better',
  'evaluation.agencies_cultural_standard',
  'resolutions.cells_disseminated',
  // Political education (docs/domain/education.md): shown on the resolutions card.
  'education.programmes',
  'education.units_with_activities',
  'education.members_committed',
  'education.models_registered',
  'education.models_recognised',
  'plans.key_tasks.completed_share',
  'congresses.held',
  'congresses.on_schedule',
  'congresses.results_approved',
  'committees.elected',
  'committees.reelected_share',
  'committees.women_share',
  'committees.young_share',
  'proposals.received',
  'proposals.answered',
  'proposals.overdue',
  'residence.members_with_comment',
  'residence.members_without_comment',
  'emulation.movements',
  'emulation.registered_units',
  'emulation.registered_members',
  'emulation.models_recognised',
  'commendation.organisations_granted',
  'commendation.members_granted',
] as const;

const figureOf = (v: MetricValue) =>
  v.status === 'ok' ? { value: v.value, reason: null } : { value: null, reason: v.reason };

export const getDashboard = async ({
  db,
  actor,
  orgUnitId,
  year,
  asOf: asked,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  year: number;
  asOf?: string;
}): Promise<TDashboard> => {
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  const asOf = asOfFor(`${year}-12-31`, asked);
  const previousAsOf = addYears(asOf, -1);
  const scope = { unitId: unit.id, from: `${year}-01-01`, to: `${year}-12-31`, asOf };
  const previousScope = {
    unitId: unit.id,
    from: `${year - 1}-01-01`,
    to: `${year - 1}-12-31`,
    asOf: previousAsOf,
  };

  const term = await termFor(db, unit.path, year);
  const targetRows = [
    ...(term && term.orgUnitId === unit.id
      ? await listTargetRows(db, unit.id, { termId: term.id })
      : []),
    ...(await listTargetRows(db, unit.id, { year })),
  ];
  // The figures are independent reads: on PostgreSQL they run side by side on the pool. Metrics that
  // share a query (the fact sums, the inspection figures) are answered by it once per scope, for the
  // targets and the figures together.
  const batches: MetricBatches = new Map();
  const until = factsUntil(scope);
  const previousUntil = factsUntil(previousScope);
  const [targets, nowValues, beforeValues, recorded, recordedBefore] = await Promise.all([
    Promise.all(targetRows.map((r) => viewTarget(db, r, asOf, batches))),
    computeMetrics({ db, codes: dashboardMetricCodes, scope, batches }),
    computeMetrics({ db, codes: dashboardMetricCodes, scope: previousScope, batches }),
    recordedAreas(db, unit.id, scope.from, until),
    recordedAreas(db, unit.id, previousScope.from, previousUntil),
  ]);
  const figures: TDashboard['figures'] = dashboardMetricCodes.map((code) => {
    const metric = findMetric(code)!;
    const now = figureOf(
      checkRecorded(code, nowValues.get(code)!, recorded, periodText(scope.from, until)),
    );
    const before = figureOf(
      checkRecorded(
        code,
        beforeValues.get(code)!,
        recordedBefore,
        periodText(previousScope.from, previousUntil),
      ),
    );
    return {
      code,
      label: metric.label,
      description: metric.description,
      unit: metric.unit,
      area: metric.area ?? 'members',
      status: now.reason === null ? ('ok' as const) : ('unavailable' as const),
      value: now.value,
      previous: before.value,
      reason: now.reason,
    };
  });

  // Admissions to each month end (the same events and placement as `recruitment.admitted`), from the
  // maintained per-day counts: this year to asOf, last year whole.
  const cumulative = (months: { month: number; count: number }[], month: number) =>
    months.filter((m) => m.month <= month).reduce((sum, m) => sum + m.count, 0);
  const [admissions, lastYear] = await Promise.all([
    monthlyFacts(db, unit.id, ['admitted'], scope.from, asOf < scope.to ? asOf : scope.to),
    monthlyFacts(db, unit.id, ['admitted'], previousScope.from, previousScope.to),
  ]);
  const lastMonth = Number(asOf.slice(5, 7));
  const admissionsByMonth: TDashboard['admissionsByMonth'] = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    value:
      asOf.slice(0, 4) > String(year) || i + 1 <= lastMonth ? cumulative(admissions, i + 1) : null,
    previous: cumulative(lastYear, i + 1),
  }));

  const taskFacts = await unitTaskFacts(db, unit.id, [year, year - 1]);
  const tasks = taskFacts.filter((t) => t.year === year);
  const previousTasks = taskFacts.filter((t) => t.year === year - 1);
  return {
    orgUnitId: unit.id,
    orgUnitName: unit.name,
    year,
    asOf,
    previousAsOf,
    targets,
    taskSummary: summariseTasks(tasks, asOf),
    previousTaskSummary: summariseTasks(previousTasks, previousAsOf),
    figures,
    admissionsByMonth,
  };
};
