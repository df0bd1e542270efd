// Query keys of the settings feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const settingsKeys = {
  settings: (...parts: unknown[]) => ['settings', ...parts] as const,
};
