// Query keys of the plans feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const plansKeys = {
  cascadeUnits: (...parts: unknown[]) => ['cascade-units', ...parts] as const,
  metricRecords: (...parts: unknown[]) => ['metric-records', ...parts] as const,
  planMetrics: (...parts: unknown[]) => ['plan-metrics', ...parts] as const,
  planTarget: (...parts: unknown[]) => ['plan-target', ...parts] as const,
  planYear: (...parts: unknown[]) => ['plan-year', ...parts] as const,
};
