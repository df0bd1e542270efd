// Query keys of the audit feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const auditKeys = {
  audit: (...parts: unknown[]) => ['audit', ...parts] as const,
};
