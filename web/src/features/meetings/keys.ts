// Query keys of the meetings feature, one factory per root: a page's query and every
// invalidation that must refresh it name the same root, here or in another feature.
export const meetingsKeys = {
  meetingAttendance: (...parts: unknown[]) => ['meeting-attendance', ...parts] as const,
  meetingRoster: (...parts: unknown[]) => ['meeting-roster', ...parts] as const,
  meetings: (...parts: unknown[]) => ['meetings', ...parts] as const,
};
