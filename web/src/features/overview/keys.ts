// Query keys of the overview feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const overviewKeys = {
  overview: (...parts: unknown[]) => ['overview', ...parts] as const,
};
