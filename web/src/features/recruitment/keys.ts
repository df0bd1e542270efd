// Query keys of the recruitment feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const recruitmentKeys = {
  applicant: (...parts: unknown[]) => ['applicant', ...parts] as const,
  recruitmentBoard: (...parts: unknown[]) => ['recruitment-board', ...parts] as const,
  recruitmentTargets: (...parts: unknown[]) => ['recruitment-targets', ...parts] as const,
};
