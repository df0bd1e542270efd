// Query keys of the imports feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const importsKeys = {
  importRows: (...parts: unknown[]) => ['import-rows', ...parts] as const,
};
