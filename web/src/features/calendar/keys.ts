// Query keys of the calendar feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const calendarKeys = {
  calendar: (...parts: unknown[]) => ['calendar', ...parts] as const,
};
