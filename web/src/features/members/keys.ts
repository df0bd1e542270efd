// Query keys of the members feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const membersKeys = {
  member: (...parts: unknown[]) => ['member', ...parts] as const,
  members: (...parts: unknown[]) => ['members', ...parts] as const,
};
