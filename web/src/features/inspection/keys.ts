// Query keys of the inspection feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const inspectionKeys = {
  discipline: (...parts: unknown[]) => ['discipline', ...parts] as const,
  inspectionCase: (...parts: unknown[]) => ['inspection-case', ...parts] as const,
  inspectionCases: (...parts: unknown[]) => ['inspection-cases', ...parts] as const,
  inspectionFigureRecords: (...parts: unknown[]) =>
    ['inspection-figure-records', ...parts] as const,
  inspectionFigures: (...parts: unknown[]) => ['inspection-figures', ...parts] as const,
  inspectionProgrammes: (...parts: unknown[]) => ['inspection-programmes', ...parts] as const,
  teamCandidates: (...parts: unknown[]) => ['team-candidates', ...parts] as const,
};
