// Query keys of the notifications feature: the bell's count and the page's list share the root, so
// marking read refreshes both.
export const notificationKeys = {
  all: () => ['notifications'] as const,
  unread: () => ['notifications', 'unread'] as const,
  list: (...parts: unknown[]) => ['notifications', 'list', ...parts] as const,
  settings: () => ['notifications', 'settings'] as const,
};
