// Query keys of the dashboard feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const dashboardKeys = {
  dashboard: (...parts: unknown[]) => ['dashboard', ...parts] as const,
};
