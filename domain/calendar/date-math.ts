// Arithmetic on ISO dates (YYYY-MM-DD) as legal dates: no time of day, no time zone.

export const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Calendar months later; the 31st becomes the month's last day (29/02 + 12 months = 28/02). */
export const addMonths = (iso: string, months: number): string => {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

export const addYears = (iso: string, years: number): string => addMonths(iso, years * 12);
