import { describe, expect, it } from 'vitest';
import { duesRuleSetFor, monthlyDues, previousMonth, unpaidMonths } from './dues';

describe('party dues by the rule set in force (regulations.md §3.8)', () => {
  it('switches from 342-QĐ/TW to 01-QĐ/TW in February 2026', () => {
    expect(duesRuleSetFor('2026-01')).toContain('342-QĐ/TW');
    expect(duesRuleSetFor('2026-02')).toContain('01-QĐ/TW');
  });

  it('charges 1% of the insured salary and 0.5% of the pension', () => {
    const salary = monthlyDues({
      month: '2026-03',
      basis: { category: 'insured_salary', baseAmount: 8_424_000 },
      partyAgeFrom: '2010-01-01',
    });
    expect(salary.amount).toBe(84_240);
    expect(salary.explanation).toContain('01-QĐ/TW');
    const pension = monthlyDues({
      month: '2026-03',
      basis: { category: 'pension', baseAmount: 9_000_000 },
      partyAgeFrom: '1990-01-01',
    });
    expect(pension.amount).toBe(45_000);
  });

  it('charges students 5,000 đ from February 2026', () => {
    const basis = { category: 'student' as const };
    expect(monthlyDues({ month: '2026-02', basis, partyAgeFrom: '2025-01-01' }).amount).toBe(5_000);
  });

  it('exempts members with 50 years of party age under 01-QĐ/TW, not under the old rule', () => {
    const basis = { category: 'pension' as const, baseAmount: 6_000_000 };
    const after = monthlyDues({ month: '2026-03', basis, partyAgeFrom: '1976-02-15' });
    expect(after.amount).toBe(0);
    expect(after.exempt).toContain('50 năm tuổi Đảng');
    expect(monthlyDues({ month: '2026-01', basis, partyAgeFrom: '1976-02-15' }).amount).toBe(
      30_000,
    );
    // 50 years reached only in April 2026: March is still owed.
    expect(monthlyDues({ month: '2026-03', basis, partyAgeFrom: '1976-04-01' }).amount).toBe(
      30_000,
    );
  });

  it('exempts the social pension allowance and hardship, and reduces by 30/50/70% within the decision', () => {
    const base = { category: 'insured_salary' as const, baseAmount: 5_000_000 };
    expect(
      monthlyDues({
        month: '2026-03',
        basis: { ...base, hardshipExemption: true },
        partyAgeFrom: null,
      }).exempt,
    ).not.toBeNull();
    const reduction = { percent: 50 as const, from: '2026-03', to: '2026-08' };
    expect(
      monthlyDues({ month: '2026-04', basis: { ...base, reduction }, partyAgeFrom: null }).amount,
    ).toBe(25_000);
    expect(
      monthlyDues({ month: '2026-09', basis: { ...base, reduction }, partyAgeFrom: null }).amount,
    ).toBe(50_000);
  });

  it('counts unpaid months of the year from admission, up to the month given', () => {
    expect(
      unpaidMonths({ year: 2026, asOfMonth: '2026-05', paidMonths: ['2026-01', '2026-03'] }),
    ).toEqual(['2026-02', '2026-04', '2026-05']);
    expect(
      unpaidMonths({ year: 2026, asOfMonth: '2026-05', paidMonths: [], firstMonth: '2026-04' }),
    ).toEqual(['2026-04', '2026-05']);
    expect(previousMonth('2026-01')).toBe('2025-12');
  });
});
