import { describe, expect, it } from 'vitest';
import { checkRecorded, periodText, type RecordingArea, recordingAreaOf } from './recorded';

const ok = { status: 'ok' as const, value: 0, records: [] };

describe('missing data is never a zero (docs/domain/annual-report-figures.md)', () => {
  it.each([
    ['lifecycle.dues_collected', 'dues'],
    ['lifecycle.cards_issued', 'cards'],
    ['lifecycle.badges_awarded', 'badges'],
    ['inspection.cases', 'inspection'],
    ['discipline.members', 'inspection'],
    ['recruitment.admitted', 'members'],
    ['members.total', 'members'],
    ['evaluation.members_good_or_better', null],
    ['plans.key_tasks.completed_share', null],
  ])('%s depends on the register %s', (code, area) => {
    expect(recordingAreaOf(code)).toBe(area);
  });

  it('a zero of a register with no record in the period becomes "chưa ghi nhận …"', () => {
    const recorded = new Set<RecordingArea>(['members', 'cards']);
    expect(checkRecorded('lifecycle.dues_collected', ok, recorded, 'trong năm 2024')).toEqual({
      status: 'unavailable',
      reason: 'chưa ghi nhận khoản đảng phí nào nộp trong năm 2024',
    });
    // The same zero where cards are recorded is a real zero.
    expect(checkRecorded('lifecycle.cards_issued', ok, recorded, 'trong năm 2024')).toBe(ok);
    // Metrics that answer "unavailable" themselves are left as they are.
    expect(checkRecorded('evaluation.members_good_or_better', ok, new Set(), 'x')).toBe(ok);
  });

  it('names the period: a whole year, or up to the as-of date', () => {
    expect(periodText('2024-01-01', '2024-12-31')).toBe('trong năm 2024');
    expect(periodText('2026-01-01', '2026-12-05')).toBe('từ 01/01/2026 đến 05/12/2026');
  });
});
