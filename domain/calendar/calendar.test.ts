import { describe, expect, it } from 'vitest';
import { lunarToSolar, solarToLunar } from './lunar';
import {
  addWorkingDays,
  holidayDefaults,
  holidaysOfYear,
  isWorkingDay,
  optionalDaysOff,
  workingDaysBetween,
} from './working-days';

describe('Vietnamese lunar calendar', () => {
  it('puts Tết (1/1 âm lịch) on the days Vietnam celebrated it', () => {
    expect(lunarToSolar({ day: 1, month: 1, year: 2024, leap: false })).toBe('2024-02-10');
    expect(lunarToSolar({ day: 1, month: 1, year: 2025, leap: false })).toBe('2025-01-29');
    expect(lunarToSolar({ day: 1, month: 1, year: 2026, leap: false })).toBe('2026-02-17');
    expect(lunarToSolar({ day: 1, month: 1, year: 2027, leap: false })).toBe('2027-02-06');
    // UTC+7, not China's UTC+8: Tết Ất Sửu 1985 fell a month earlier in Vietnam.
    expect(lunarToSolar({ day: 1, month: 1, year: 1985, leap: false })).toBe('1985-01-21');
  });

  it('converts back and forth, leap months included (2023 had a leap 2nd month)', () => {
    expect(solarToLunar('2026-04-26')).toEqual({ day: 10, month: 3, year: 2026, leap: false });
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true })).toBe('2023-03-22');
    for (const iso of ['2010-01-01', '2019-06-30', '2025-12-31', '2026-02-16']) {
      expect(lunarToSolar(solarToLunar(iso))).toBe(iso);
    }
  });
});

describe('working days (Bộ luật Lao động 2019, điều 112)', () => {
  it('lists the 2026 holidays with the Hùng Kings day from the lunar calendar and its compensatory Monday', () => {
    const days = holidaysOfYear(2026).map((h) => h.date);
    expect(days).toEqual(
      expect.arrayContaining([
        '2026-01-01',
        '2026-02-16',
        '2026-02-17',
        '2026-02-20',
        '2026-04-26',
        '2026-04-27',
        '2026-04-30',
        '2026-05-01',
        '2026-09-01',
        '2026-09-02',
      ]),
    );
    // 10/3 âm lịch 2026 is Sunday 26/4: made up on Monday 27/4.
    expect(holidaysOfYear(2026).find((h) => h.date === '2026-04-27')?.name).toMatch(
      /Nghỉ bù Giỗ Tổ/,
    );
  });

  it('makes up 2/9/2023, a Saturday, on the following Monday', () => {
    expect(isWorkingDay('2023-09-04')).toBe(false);
    expect(isWorkingDay('2023-09-05')).toBe(true);
  });

  it('counts 60 working days across Tết 2026', () => {
    // From Monday 2/2/2026: 14 days in February (Tết 16–20/2 off), 22 in March, 20 in April
    // (27/4 made up for Giỗ Tổ on Sunday 26/4, 30/4 off), 1/5 off; the 60th is Thursday 7/5.
    const due = addWorkingDays('2026-02-02', 60);
    expect(due).toBe('2026-05-07');
    expect(workingDaysBetween('2026-02-02', due)).toBe(60);
  });

  it('follows the Government’s adjustments: a swapped day off and a make-up Saturday', () => {
    const adjustments = [
      { date: '2026-02-13', kind: 'day_off' as const, note: 'Hoán đổi nghỉ Tết' },
      { date: '2026-02-28', kind: 'working_day' as const, note: 'Làm bù' },
    ];
    expect(isWorkingDay('2026-02-13', adjustments)).toBe(false);
    expect(isWorkingDay('2026-02-28', adjustments)).toBe(true);
  });
});

describe('Ngày Văn hóa Việt Nam, 24/11 (Nghị quyết 80-NQ/TW ngày 07/01/2026), switched on by an administrator', () => {
  it('is no day off while not switched on: the Labour Code art. 112 does not list it yet', () => {
    expect(holidaysOfYear(2026).some((h) => h.date === '2026-11-24')).toBe(false);
    expect(optionalDaysOff(2026, { cultureDay: false })).toEqual([]);
    expect(isWorkingDay('2026-11-24')).toBe(true);
  });

  it('when on, makes Tuesday 24/11/2026 a day off and moves a 5-working-day deadline by one day', () => {
    const on = optionalDaysOff(2026, { cultureDay: true });
    expect(on).toEqual([{ date: '2026-11-24', kind: 'day_off', note: 'Ngày Văn hóa Việt Nam' }]);
    // From Friday 20/11/2026: 23, 24, 25, 26, 27 without it; 24 skipped with it → Monday 30/11.
    expect(addWorkingDays('2026-11-20', 5)).toBe('2026-11-27');
    expect(addWorkingDays('2026-11-20', 5, on)).toBe('2026-11-30');
  });

  it('does not apply before 2026, the year it was decided', () => {
    expect(optionalDaysOff(2025, { cultureDay: true })).toEqual([]);
    expect(
      holidaysOfYear(2025, { ...holidayDefaults, cultureDay: true }).map((h) => h.date),
    ).not.toContain('2025-11-24');
  });

  it('on a Saturday (24/11/2029) gives the compensatory Monday 26/11 like every public holiday (art. 112(3))', () => {
    expect(optionalDaysOff(2029, { cultureDay: true }).map((a) => a.date)).toEqual([
      '2029-11-24',
      '2029-11-26',
    ]);
  });
});
