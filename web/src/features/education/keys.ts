// Query keys of the education feature, one factory per root: a page's query and every invalidation that
// must refresh it name the same root.
export const educationKeys = {
  programmes: (...parts: unknown[]) => ['education-programmes', ...parts] as const,
  programme: (...parts: unknown[]) => ['education-programme', ...parts] as const,
  models: (...parts: unknown[]) => ['education-models', ...parts] as const,
  model: (...parts: unknown[]) => ['education-model', ...parts] as const,
  opinionNotes: (...parts: unknown[]) => ['education-opinion-notes', ...parts] as const,
};
