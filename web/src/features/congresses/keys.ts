// Query keys of the congresses feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const congressesKeys = {
  rounds: (...parts: unknown[]) => ['congress-rounds', ...parts] as const,
  round: (...parts: unknown[]) => ['congress-round', ...parts] as const,
  board: (...parts: unknown[]) => ['congress-board', ...parts] as const,
  congresses: (...parts: unknown[]) => ['congresses', ...parts] as const,
  congress: (...parts: unknown[]) => ['congress', ...parts] as const,
};
