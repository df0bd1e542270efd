import { describe, expect, it } from 'vitest';
import { congressTimeliness, directiveDeadline } from './timeliness';

describe('congress schedule (docs/domain/congresses.md "Schedule")', () => {
  it('on or before the deadline is on schedule', () => {
    expect(congressTimeliness('2025-06-30', '2025-06-30')).toMatchObject({
      ok: true,
      status: 'on_schedule',
      daysEarly: 0,
    });
    expect(congressTimeliness('2025-06-20', '2025-06-30')).toMatchObject({ daysEarly: 10 });
  });
  it('after it, late by N calendar days', () => {
    const res = congressTimeliness('2025-07-03', '2025-06-30');
    expect(res).toMatchObject({ ok: true, status: 'late', daysLate: 3 });
    if (res.ok)
      expect(res.message).toBe(
        'Đại hội tổ chức ngày 03/07/2025, chậm 3 ngày so với thời hạn 30/06/2025.',
      );
  });
  it('invalid dates are refused', () => {
    const res = congressTimeliness('2025-02-30', 'x');
    expect(res).toMatchObject({ ok: false });
    if (!res.ok) expect(res.errors).toHaveLength(2);
  });
  it('Chỉ thị 35-CT/TW 2019: grassroots by 30/6/2020, district by 31/8/2020, province by 31/10/2020', () => {
    expect(directiveDeadline('round-2020-2025', 'grassroots')).toBe('2020-06-30');
    expect(directiveDeadline('round-2020-2025', 'district')).toBe('2020-08-31');
    expect(directiveDeadline('round-2020-2025', 'province')).toBe('2020-10-31');
  });
  it('Kết luận 163-KL/TW (6/6/2025): grassroots by 30/6/2025; province not read (❓)', () => {
    expect(directiveDeadline('round-2025-2030', 'grassroots')).toBe('2025-06-30');
    expect(directiveDeadline('round-2025-2030', 'province')).toBeNull();
  });
});
