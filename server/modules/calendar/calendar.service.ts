// The working-day calendar used for every statutory deadline: the law's holidays (computed,
// Tết and Giỗ Tổ by the lunar calendar) plus the swaps the Government announces each year,
// which an administrator records here (settings key `calendar_adjustments`).
import {
  type CalendarAdjustment,
  holidaysOfYear,
  isWorkingDay,
} from '../../../domain/calendar/working-days';
import { formatDate } from '../../../domain/text/vietnamese';
import { type DbOrTx, queryOne, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { writeAudit } from '../../platform/audit/audit';
import { invalidField } from '../../platform/errors';

const key = 'calendar_adjustments';

export const getCalendarAdjustments = async (db: DbOrTx): Promise<CalendarAdjustment[]> => {
  const row = await queryOne<{ value: CalendarAdjustment[] }>(
    db,
    sql`select value from settings where key = ${key}`,
  );
  return row?.value ?? [];
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
    const before = await getCalendarAdjustments(tx);
    const sorted = [...before.filter((a) => !a.date.startsWith(`${year}-`)), ...adjustments].sort(
      (a, b) => a.date.localeCompare(b.date),
    );
    await tx.execute(sql`insert into settings (key, value, updated_at)
      values (${key}, ${JSON.stringify(sorted)}::jsonb, now())
      on conflict (key) do update set value = excluded.value, updated_at = now()`);
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

export const holidayYear = (year: number, adjustments: CalendarAdjustment[]) => {
  let workingDays = 0;
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    if (isWorkingDay(new Date(t).toISOString().slice(0, 10), adjustments)) workingDays += 1;
  }
  return {
    year,
    holidays: holidaysOfYear(year),
    adjustments: adjustments.filter((a) => a.date.startsWith(`${year}-`)),
    workingDays,
  };
};
