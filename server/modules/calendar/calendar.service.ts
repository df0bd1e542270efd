// The working-day calendar used for every statutory deadline: the law's holidays (computed,
// Tết and Giỗ Tổ by the lunar calendar) plus the swaps the Government announces each year,
// which an administrator records here (settings key `calendar_adjustments`), and the dated
// holidays decided but not yet law, which an administrator switches on (settings key
// `calendar_culture_day`: Ngày Văn hóa Việt Nam, 24/11 from 2026, docs/domain/calendar.md).
import {
  type CalendarAdjustment,
  cultureDay,
  holidayDefaults,
  holidaysOfYear,
  isWorkingDay,
  optionalDaysOff,
} from '../../../domain/calendar/working-days';
import { formatDate } from '../../../domain/text/vietnamese';
import { type DbOrTx, queryOne, sql } from '../../db/client';
import { writeSetting } from '../../db/settings';
import type { Actor } from '../../platform/access/actor';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { invalidField } from '../../platform/errors';

const key = 'calendar_adjustments';
const cultureKey = 'calendar_culture_day';

/** The swaps and make-up days an administrator recorded, as stored. */
const getStoredAdjustments = async (db: DbOrTx): Promise<CalendarAdjustment[]> => {
  const row = await queryOne<{ value: CalendarAdjustment[] }>(
    db,
    sql`select value from settings where key = ${key}`,
  );
  return row?.value ?? [];
};

export type CalendarRules = { cultureDay: boolean };

/** Off until an administrator switches it on: the day is not yet in Bộ luật Lao động art. 112. */
export const getCalendarRules = async (db: DbOrTx): Promise<CalendarRules> => {
  const row = await queryOne<{ value: { enabled?: boolean } }>(
    db,
    sql`select value from settings where key = ${cultureKey}`,
  );
  return { cultureDay: row?.value?.enabled === true };
};

/** Years ahead for which a switched-on dated holiday is expanded into days off. */
const yearsAhead = 5;

/**
 * Everything a working-day deadline is counted with: the recorded adjustments and, when switched on,
 * the culture day of every year from 2026 (an adjustment recorded for the same date wins).
 */
export const getCalendarAdjustments = async (db: DbOrTx): Promise<CalendarAdjustment[]> => {
  const [stored, rules] = await Promise.all([getStoredAdjustments(db), getCalendarRules(db)]);
  if (!rules.cultureDay) return stored;
  const taken = new Set(stored.map((a) => a.date));
  const extra: CalendarAdjustment[] = [];
  const last = Number(todayIso().slice(0, 4)) + yearsAhead;
  for (let y = cultureDay.fromYear; y <= last; y++)
    for (const a of optionalDaysOff(y, rules)) if (!taken.has(a.date)) extra.push(a);
  return [...stored, ...extra].sort((a, b) => a.date.localeCompare(b.date));
};

/** Switch a dated holiday (the culture day) on or off for every deadline counted from now on. */
export const setCalendarRules = async (
  db: DbOrTx,
  actor: Actor,
  rules: CalendarRules,
): Promise<void> => {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${cultureKey}))`);
    const before = await getCalendarRules(tx);
    await writeSetting(tx, cultureKey, { enabled: rules.cultureDay });
    await writeAudit(tx, {
      actor,
      action: 'calendar.rules',
      entityType: 'settings',
      entityId: cultureKey,
      before,
      after: rules,
      meta: { source: cultureDay.source },
    });
  });
};

/** Replace one year's adjustments (the Government announces them year by year). */
export const setCalendarAdjustments = async (
  db: DbOrTx,
  actor: Actor,
  year: number,
  adjustments: CalendarAdjustment[],
): Promise<void> => {
  const seen = new Set<string>();
  adjustments.forEach((a, i) => {
    if (!a.date.startsWith(`${year}-`))
      throw invalidField(
        `adjustments.${i}.date`,
        `Ngày ${formatDate(a.date)} không thuộc năm ${year}.`,
      );
    if (seen.has(a.date))
      throw invalidField(
        `adjustments.${i}.date`,
        `Ngày ${formatDate(a.date)} được điều chỉnh hai lần.`,
      );
    seen.add(a.date);
  });
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    const before = await getStoredAdjustments(tx);
    const sorted = [...before.filter((a) => !a.date.startsWith(`${year}-`)), ...adjustments].sort(
      (a, b) => a.date.localeCompare(b.date),
    );
    await writeSetting(tx, key, sorted);
    await writeAudit(tx, {
      actor,
      action: 'calendar.adjust',
      entityType: 'settings',
      entityId: key,
      before: before.filter((a) => a.date.startsWith(`${year}-`)),
      after: adjustments,
      meta: { year },
    });
  });
};

/** A year's holidays (with the culture day when on), recorded adjustments and working days. */
export const holidayYear = async (db: DbOrTx, year: number) => {
  const [stored, rules, effective] = await Promise.all([
    getStoredAdjustments(db),
    getCalendarRules(db),
    getCalendarAdjustments(db),
  ]);
  let workingDays = 0;
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    if (isWorkingDay(new Date(t).toISOString().slice(0, 10), effective)) workingDays += 1;
  }
  return {
    year,
    holidays: holidaysOfYear(year, { ...holidayDefaults, cultureDay: rules.cultureDay }),
    adjustments: stored.filter((a) => a.date.startsWith(`${year}-`)),
    workingDays,
    cultureDay: {
      enabled: rules.cultureDay,
      appliesThisYear: year >= cultureDay.fromYear,
      fromYear: cultureDay.fromYear,
      date: `${year}-${String(cultureDay.month).padStart(2, '0')}-${cultureDay.day}`,
      source: cultureDay.source,
    },
  };
};
