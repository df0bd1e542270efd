// Working days for statutory deadlines ("trong thời hạn N ngày làm việc"): Monday–Friday, less the
// public holidays of Bộ luật Lao động 2019 art. 112 and their compensatory days, plus the
// adjustments the Government announces each year (swapped days, make-up Saturdays) as data, plus
// dated holidays decided but not yet in the Code, which an administrator switches on
// (docs/domain/calendar.md).
import { addDays } from './date-math';
import { lunarToSolar } from './lunar';

export type Holiday = { date: string; name: string };
export type CalendarAdjustment = { date: string; kind: 'day_off' | 'working_day'; note: string };

/** Choices the law leaves to each year's decision, with their usual defaults. */
export type HolidayOptions = {
  /** Tết is 5 days: by default the last day of the lunar year and 1–4 of the first month. */
  tetDaysBefore: number;
  /** National Day is 2/9 plus one adjacent day: 'before' (1/9, as in 2025) or 'after' (3/9). */
  nationalDayExtra: 'before' | 'after';
  /** Ngày Văn hóa Việt Nam (24/11), a day off from its first year when switched on. */
  cultureDay?: boolean;
};

export const holidayDefaults: HolidayOptions = { tetDaysBefore: 1, nationalDayExtra: 'before' };

/**
 * Ngày Văn hóa Việt Nam: Nghị quyết 80-NQ/TW of the Politburo (07/01/2026) chose 24 November of
 * every year, as a day off with full pay ("chủ trương là ngày nghỉ"). The day off needs an amendment
 * of Bộ luật Lao động art. 112 (proposed in 01/2026, not yet adopted in the sources found), so it
 * applies only when an administrator switches it on, and never before 2026.
 */
export const cultureDay = {
  name: 'Ngày Văn hóa Việt Nam',
  month: 11,
  day: 24,
  fromYear: 2026,
  source: 'Nghị quyết 80-NQ/TW ngày 07/01/2026 của Bộ Chính trị',
} as const;

/** 24/11 of `year` when the culture day applies that year, else null. */
export const cultureDayOf = (year: number, on: boolean): string | null =>
  on && year >= cultureDay.fromYear ? `${year}-11-24` : null;

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const isWeekend = (iso: string) => weekday(iso) === 0 || weekday(iso) === 6;

/** The statutory days off of a solar year, with compensatory days for holidays on a weekend. */
export const holidaysOfYear = (
  year: number,
  options: HolidayOptions = holidayDefaults,
): Holiday[] => {
  const tet = lunarToSolar({ day: 1, month: 1, year, leap: false });
  const list: Holiday[] = [{ date: `${year}-01-01`, name: 'Tết Dương lịch' }];
  for (let i = -options.tetDaysBefore; i < 5 - options.tetDaysBefore; i++) {
    list.push({ date: addDays(tet, i), name: 'Tết Nguyên đán' });
  }
  list.push({
    date: lunarToSolar({ day: 10, month: 3, year, leap: false }),
    name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
  });
  list.push({ date: `${year}-04-30`, name: 'Ngày Chiến thắng' });
  list.push({ date: `${year}-05-01`, name: 'Ngày Quốc tế lao động' });
  list.push({ date: `${year}-09-02`, name: 'Quốc khánh' });
  list.push({
    date: options.nationalDayExtra === 'before' ? `${year}-09-01` : `${year}-09-03`,
    name: 'Quốc khánh (ngày liền kề)',
  });
  const culture = cultureDayOf(year, options.cultureDay ?? false);
  if (culture) list.push({ date: culture, name: cultureDay.name });
  const days = new Set(list.map((h) => h.date));
  // Art. 112(3): a holiday on a weekly rest day is made up on the next working day.
  const compensatory: Holiday[] = [];
  for (const h of [...list].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || days.has(d)) d = addDays(d, 1);
    days.add(d);
    compensatory.push({ date: d, name: `Nghỉ bù ${h.name}` });
  }
  return [...list, ...compensatory].sort((a, b) => a.date.localeCompare(b.date));
};

// Deadlines are counted day by day, so the hot path works on day numbers (days since 1970-01-01,
// UTC) with one holiday set per year, and turns back into ISO dates only at the end.
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoOf = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
const yearOf = (n: number) => new Date(n * 86_400_000).getUTCFullYear();

const holidayCache = new Map<number, Set<number>>();
const holidaySet = (year: number): Set<number> => {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(holidaysOfYear(year).map((h) => dayNumber(h.date)));
    holidayCache.set(year, set);
  }
  return set;
};

/**
 * The days off a switched-on dated holiday adds to `year` (the day itself and, on a weekend, its
 * compensatory day), as adjustments: every deadline counted with the returned list skips them.
 */
export const optionalDaysOff = (year: number, options: { cultureDay: boolean }) => {
  const statutory = new Set(holidaysOfYear(year).map((h) => h.date));
  return holidaysOfYear(year, { ...holidayDefaults, ...options })
    .filter((h) => !statutory.has(h.date))
    .map((h): CalendarAdjustment => ({ date: h.date, kind: 'day_off', note: h.name }));
};

/** Adjustments by day number; built once per list (the list comes from settings per request). */
const adjustmentIndex = new WeakMap<readonly CalendarAdjustment[], Map<number, boolean>>();
const adjustmentsByDay = (adjustments: readonly CalendarAdjustment[]) => {
  let index = adjustmentIndex.get(adjustments);
  if (!index) {
    index = new Map(adjustments.map((a) => [dayNumber(a.date), a.kind === 'working_day']));
    adjustmentIndex.set(adjustments, index);
  }
  return index;
};

const isWorkingDayNumber = (n: number, adjusted: Map<number, boolean>): boolean => {
  const override = adjusted.get(n);
  if (override !== undefined) return override;
  const weekday = (n + 4) % 7; // 1970-01-01 was a Thursday
  return weekday !== 0 && weekday !== 6 && !holidaySet(yearOf(n)).has(n);
};

export const isWorkingDay = (
  iso: string,
  adjustments: readonly CalendarAdjustment[] = [],
): boolean => isWorkingDayNumber(dayNumber(iso), adjustmentsByDay(adjustments));

/** The n-th working day after `start` (the start day itself does not count). */
export const addWorkingDays = (
  start: string,
  n: number,
  adjustments: readonly CalendarAdjustment[] = [],
): string => {
  const adjusted = adjustmentsByDay(adjustments);
  let d = dayNumber(start);
  for (let left = n; left > 0; ) {
    d += 1;
    if (isWorkingDayNumber(d, adjusted)) left -= 1;
  }
  return isoOf(d);
};

/** Working days after `from` up to and including `to`. */
export const workingDaysBetween = (
  from: string,
  to: string,
  adjustments: readonly CalendarAdjustment[] = [],
): number => {
  const adjusted = adjustmentsByDay(adjustments);
  const last = dayNumber(to);
  let count = 0;
  for (let d = dayNumber(from) + 1; d <= last; d++) if (isWorkingDayNumber(d, adjusted)) count += 1;
  return count;
};
