// The face of plans: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).
// The home page (issue 22) lists the targets at risk from the dashboard.
export { dashboardMetricCodes, getDashboard } from './dashboard.service';
export { createKeyTask, recordTaskResult } from './key-tasks.service';
export type { MetricBatches } from './metrics/catalogue';
export { computeMetric, computeMetrics, computeMetricValue, findMetric } from './metrics/catalogue';
export { dashboardRoutes, planRoutes } from './plans.routes';
export { createTerm, openCongressTerm } from './plans.service';
export {
  ADMISSION_METRIC,
  admissionTargetOf,
  admissionTargetSql,
  cascadeTarget,
  createTarget,
  setAdmissionTarget,
} from './targets.service';
export { taskFactsForMembers, taskFactsForUnits } from './task-facts.queries';
