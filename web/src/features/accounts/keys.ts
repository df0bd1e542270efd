// Query keys of the accounts feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const accountsKeys = {
  accounts: (...parts: unknown[]) => ['accounts', ...parts] as const,
};
