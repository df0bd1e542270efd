// Query keys of the home page: one root; writes elsewhere that change what the home shows may
// invalidate it by this factory.
export const homeKeys = {
  home: (...parts: unknown[]) => ['home', ...parts] as const,
};
