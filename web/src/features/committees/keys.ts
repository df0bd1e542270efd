// Query keys of the committees feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const committeesKeys = {
  committee: (...parts: unknown[]) => ['committee', ...parts] as const,
  committeeHistory: (...parts: unknown[]) => ['committee-history', ...parts] as const,
  committeeStructure: (...parts: unknown[]) => ['committee-structure', ...parts] as const,
  memberPositions: (...parts: unknown[]) => ['committee-member-positions', ...parts] as const,
};

/** Every committee query of the feature, for invalidation after a change. */
export const committeeRoots = [
  committeesKeys.committee(),
  committeesKeys.committeeHistory(),
  committeesKeys.committeeStructure(),
  committeesKeys.memberPositions(),
];
