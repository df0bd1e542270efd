// Query keys of the lifecycle feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const lifecycleKeys = {
  badges: (...parts: unknown[]) => ['badges', ...parts] as const,
  dues: (...parts: unknown[]) => ['dues', ...parts] as const,
  duesAmounts: (...parts: unknown[]) => ['dues-amounts', ...parts] as const,
  memberLifecycle: (...parts: unknown[]) => ['member-lifecycle', ...parts] as const,
  reminders: (...parts: unknown[]) => ['reminders', ...parts] as const,
  remittances: (...parts: unknown[]) => ['dues-remittances', ...parts] as const,
};
