// The working day, for every module and the platform alike (the response cache keys on it too).

export const todayIso = (): string => {
  // The working day in Vietnam, whatever the server's time zone.
  const d = new Date(Date.now() + 7 * 3600_000);
  return d.toISOString().slice(0, 10);
};
