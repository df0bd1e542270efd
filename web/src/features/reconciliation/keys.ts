// Query keys of the reconciliation feature: every query starts with the same root, so a decision
// refreshes the run's counts, its lists and the list of runs at once.
export const reconKeys = {
  root: () => ['reconciliation'] as const,
  runs: () => ['reconciliation', 'runs'] as const,
  run: (id: number) => ['reconciliation', 'run', id] as const,
  items: (...parts: unknown[]) => ['reconciliation', 'items', ...parts] as const,
};
