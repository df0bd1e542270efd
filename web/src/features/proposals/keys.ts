// Query keys of the proposals feature, one factory per root: a page's query and every invalidation that
// must refresh it name the same root.
export const proposalsKeys = {
  proposals: (...parts: unknown[]) => ['proposals', ...parts] as const,
  proposal: (...parts: unknown[]) => ['proposal', ...parts] as const,
  residenceRoster: (...parts: unknown[]) => ['residence-roster', ...parts] as const,
  memberResidence: (...parts: unknown[]) => ['member-residence', ...parts] as const,
};
