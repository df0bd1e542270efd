// Query keys of the congress elections and delegates panels, one factory per root: a panel's query
// and every invalidation that must refresh it name the same root.
export const congressElectionsKeys = {
  congressDelegates: (...parts: unknown[]) => ['congress-delegates', ...parts] as const,
  congressElections: (...parts: unknown[]) => ['congress-elections', ...parts] as const,
};
