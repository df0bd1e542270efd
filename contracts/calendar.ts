import { ZIsoDate } from './common';
import { z } from './zod-vi';

/** A day the government moved: a weekday off, or a weekend day worked. */
export const calendarAdjustmentKinds = ['day_off', 'working_day'] as const;

export const ZCalendarAdjustment = z.object({
  date: ZIsoDate,
  kind: z.enum(calendarAdjustmentKinds),
  note: z.string().trim().min(3, 'Cần ghi căn cứ (số thông báo, văn bản).').max(300),
});
export const ZCalendarAdjustments = z.object({
  adjustments: z.array(ZCalendarAdjustment).max(200),
});

export const ZHolidayYear = z.object({
  year: z.number(),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
  adjustments: z.array(
    z.object({ date: z.string(), kind: z.enum(calendarAdjustmentKinds), note: z.string() }),
  ),
  workingDays: z.number(),
  /** Ngày Văn hóa Việt Nam (24/11, Nghị quyết 80-NQ/TW): counted as a day off only when enabled. */
  cultureDay: z.object({
    enabled: z.boolean(),
    appliesThisYear: z.boolean(),
    fromYear: z.number(),
    date: z.string(),
    source: z.string(),
  }),
});
export const ZCalendarRules = z.object({ cultureDay: z.boolean() });
