// Working days for statutory deadlines ("trong thời hạn N ngày làm việc"): Monday–Friday, less the
// public holidays of Bộ luật Lao động 2019 art. 112 and their compensatory days, plus the
// adjustments the Government announces each year (swapped days, make-up Saturdays) as data.
import { lunarToSolar } from './lunar';

export type Holiday = { date: string; name: string };
export type CalendarAdjustment = { date: string; kind: 'day_off' | 'working_day'; note: string };

/** Choices the law leaves to each year's decision, with their usual defaults. */
export type HolidayOptions = {
  /** Tết is 5 days: by default the last day of the lunar year and 1–4 of the first month. */
  tetDaysBefore: number;
  /** National Day is 2/9 plus one adjacent day: 'before' (1/9, as in 2025) or 'after' (3/9). */
  nationalDayExtra: 'before' | 'after';
};

export const holidayDefaults: HolidayOptions = { tetDaysBefore: 1, nationalDayExtra: 'before' };

const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
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

const holidayCache = new Map<number, Set<string>>();
const holidaySet = (year: number): Set<string> => {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(holidaysOfYear(year).map((h) => h.date));
    holidayCache.set(year, set);
  }
  return set;
};

export const isWorkingDay = (
  iso: string,
  adjustments: readonly CalendarAdjustment[] = [],
): boolean => {
  const adjusted = adjustments.find((a) => a.date === iso);
  if (adjusted) return adjusted.kind === 'working_day';
  return !isWeekend(iso) && !holidaySet(Number(iso.slice(0, 4))).has(iso);
};

/** The n-th working day after `start` (the start day itself does not count). */
export const addWorkingDays = (
  start: string,
  n: number,
  adjustments: readonly CalendarAdjustment[] = [],
): string => {
  let d = start;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d, adjustments)) left -= 1;
  }
  return d;
};

/** Working days after `from` up to and including `to`. */
export const workingDaysBetween = (
  from: string,
  to: string,
  adjustments: readonly CalendarAdjustment[] = [],
): number => {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1))
    if (isWorkingDay(d, adjustments)) count += 1;
  return count;
};
