// Query keys of the emulation feature, one factory per root: a page's query and every invalidation
// that must refresh it name the same root.
export const emulationKeys = {
  movements: (...parts: unknown[]) => ['emulation-movements', ...parts] as const,
  movement: (...parts: unknown[]) => ['emulation-movement', ...parts] as const,
  commendations: (...parts: unknown[]) => ['commendations', ...parts] as const,
  commendation: (...parts: unknown[]) => ['commendation', ...parts] as const,
  eligibility: (...parts: unknown[]) => ['commendation-eligibility', ...parts] as const,
};
