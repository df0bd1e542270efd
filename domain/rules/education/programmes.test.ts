// Chỉ thị 05-CT/TW (15/5/2016) asks for periodic reviews (sơ kết, tổng kết) of the study and following
// of Hồ Chí Minh's thought: a review covers a period of the programme and is held once it has begun.
import { describe, expect, it } from 'vitest';
import { coveragePercent, reviewPeriodProblem } from './programmes';

const programme = { fromDate: '2021-01-01', toDate: '2025-12-31' };

describe('a programme review (sơ kết, tổng kết)', () => {
  it('accepts a four-year interim review held in its last month', () => {
    expect(
      reviewPeriodProblem(
        programme,
        { periodFrom: '2021-01-01', periodTo: '2024-12-31', heldOn: '2024-12-10' },
        '2026-01-01',
      ),
    ).toBeNull();
  });
  it('refuses a period outside the programme, backwards, or a meeting in the future', () => {
    const at = (periodFrom: string, periodTo: string, heldOn: string) =>
      reviewPeriodProblem(programme, { periodFrom, periodTo, heldOn }, '2025-06-01')?.field;
    expect(at('2020-01-01', '2021-12-31', '2021-12-20')).toBe('periodFrom');
    expect(at('2025-01-01', '2026-06-30', '2025-05-01')).toBe('periodTo');
    expect(at('2024-01-01', '2023-12-31', '2024-01-05')).toBe('periodTo');
    expect(at('2024-01-01', '2024-12-31', '2025-07-01')).toBe('heldOn');
    expect(at('2024-01-01', '2024-12-31', '2023-12-01')).toBe('heldOn');
  });
  it('accepts any period after the start of an open-ended programme', () => {
    expect(
      reviewPeriodProblem(
        { fromDate: '2016-05-15', toDate: null },
        { periodFrom: '2016-05-15', periodTo: '2030-12-31', heldOn: '2026-01-01' },
        '2026-01-01',
      ),
    ).toBeNull();
  });
});

describe('coverage', () => {
  it('is a percent with one decimal, null when nothing is required', () => {
    expect(coveragePercent(2, 3)).toBe(66.7);
    expect(coveragePercent(0, 0)).toBeNull();
  });
});
