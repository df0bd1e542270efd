// Query keys of the org-units feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const orgUnitsKeys = {
  membersOf: (...parts: unknown[]) => ['members-of', ...parts] as const,
  orgOps: (...parts: unknown[]) => ['org-ops', ...parts] as const,
  orgSearch: (...parts: unknown[]) => ['org-search', ...parts] as const,
  orgUnit: (...parts: unknown[]) => ['org-unit', ...parts] as const,
};
