// Query keys of the resolutions feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const resolutionsKeys = {
  myReflections: (...parts: unknown[]) => ['my-reflections', ...parts] as const,
  resolution: (...parts: unknown[]) => ['resolution', ...parts] as const,
  resolutions: (...parts: unknown[]) => ['resolutions', ...parts] as const,
};
