import { describe, expect, it } from 'vitest';
import { checkEligibility, commendationTitle, nextStatuses } from './commendations';

describe('commendation eligibility (21-HD/BTCTW, hướng dẫn 132-QĐ/TW: chosen among those rated HTXSNV)', () => {
  const ratings = [
    { year: 2021, level: 'HTXSNV' as const, recordId: 1 },
    { year: 2022, level: 'HTXSNV' as const, recordId: 2 },
    { year: 2023, level: 'HTXSNV' as const, recordId: 3 },
    { year: 2024, level: 'HTTNV' as const, recordId: 4 },
    { year: 2025, level: 'HTXSNV' as const, recordId: 5 },
  ];

  it('counts a single year rated HTXSNV for the commendation "in the year"', () => {
    const e = checkEligibility({
      form: 'exemplary_certificate',
      year: 2025,
      yearsRunning: 1,
      ratings,
    });
    expect(e.eligible).toBe(true);
    expect(e.years).toHaveLength(1);
    expect(e.years[0]).toMatchObject({ year: 2025, level: 'HTXSNV', counts: true, recordId: 5 });
  });

  it('refuses "5 năm liền" when one year is only HTTNV, and says which', () => {
    const e = checkEligibility({ form: 'exemplary_merit', year: 2025, yearsRunning: 5, ratings });
    expect(e.eligible).toBe(false);
    expect(e.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(e.summary).toContain('2024');
    expect(e.years[3].explanation).toContain('Hoàn thành tốt nhiệm vụ');
  });

  it('does not count a year without a decided rating', () => {
    const e = checkEligibility({ form: 'exemplary_merit', year: 2023, yearsRunning: 5, ratings });
    expect(e.eligible).toBe(false);
    expect(e.years[0].explanation).toContain('chưa có kết quả');
    expect(e.summary).toContain('2019, 2020');
  });

  it('does not check achievement forms against ratings', () => {
    const e = checkEligibility({ form: 'certificate', year: 2025, yearsRunning: 1, ratings: [] });
    expect(e).toMatchObject({ checked: false, eligible: true, years: [] });
  });

  it('names the organisation title by the years of 21-HD and after', () => {
    expect(commendationTitle('organisation', 2022, 5)).toContain('Trong sạch, vững mạnh');
    expect(commendationTitle('organisation', 2024, 1)).toContain(
      'Hoàn thành xuất sắc nhiệm vụ" tiêu biểu năm 2024',
    );
    expect(commendationTitle('member', 2025, 5)).toContain('5 năm liền (2021–2025)');
  });

  it('flows proposed → reviewed → granted or refused, and no further', () => {
    expect(nextStatuses.proposed).toEqual(['reviewed', 'refused']);
    expect(nextStatuses.granted).toEqual([]);
  });
});
