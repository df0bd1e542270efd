import { describe, expect, it } from 'vitest';
import {
  duesDefaults,
  duesFlatSourceFor,
  duesMonthState,
  duesMonthsOfYear,
  duesRuleSetFor,
  monthlyDues,
  previousMonth,
  unpaidMonths,
  unsalariedDefaults,
  withUnsalariedAmounts,
} from './dues';

describe('party dues by the rule set in force (docs/domain/dues.md)', () => {
  it('switches from 342-QĐ/TW to 01-QĐ/TW (03/02/2026, in force from 01/02/2026) in February 2026', () => {
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

  it('counts unpaid months of the year from the month the member joined, up to the month given', () => {
    expect(
      unpaidMonths({ year: 2026, asOfMonth: '2026-05', paidMonths: ['2026-01', '2026-03'] }),
    ).toEqual(['2026-02', '2026-04', '2026-05']);
    // Admitted (or transferred in) in April: January to March were not theirs to pay.
    expect(
      unpaidMonths({ year: 2026, asOfMonth: '2026-05', paidMonths: [], entryMonth: '2026-04' }),
    ).toEqual(['2026-04', '2026-05']);
    expect(duesMonthState('2026-03', { entryMonth: '2026-04' })).toBe('not_member');
    expect(previousMonth('2026-01')).toBe('2025-12');
  });

  it('does not count months nobody recorded as unpaid: an imported member owes only from their first recorded sheet', () => {
    // Admitted in 1998, imported in November: January–October are unknown, not 10 unpaid months.
    const imported = duesMonthsOfYear({
      year: 2026,
      asOfMonth: '2026-11',
      paidMonths: ['2026-11'],
      entryMonth: '1998-05',
      recordsFrom: '2026-11',
    });
    expect(imported.unpaid).toEqual([]);
    expect(imported.unknown).toHaveLength(10);
    // No sheet recorded for them yet: every month is unknown, none unpaid.
    const none = duesMonthsOfYear({
      year: 2026,
      asOfMonth: '2026-11',
      paidMonths: [],
      entryMonth: '1998-05',
      recordsFrom: null,
    });
    expect(none).toEqual({ unpaid: [], unknown: expect.arrayContaining(['2026-01', '2026-11']) });
    expect(duesMonthState('2026-06', { entryMonth: '1998-05', recordsFrom: null })).toBe('no_data');
    // Sheets recorded from September, the member paid none: three unpaid months, a ground for removal.
    expect(
      unpaidMonths({
        year: 2026,
        asOfMonth: '2026-11',
        paidMonths: [],
        entryMonth: '1998-05',
        recordsFrom: '2026-09',
      }),
    ).toEqual(['2026-09', '2026-10', '2026-11']);
  });
});

describe('flat amounts of members outside the salary and pension groups', () => {
  it('charges the HD 03-HD/VPTW (06/7/2016) area amounts under 342-QĐ/TW: 10,000, 8,000, 6,000 and 4,000 đ', () => {
    const at = (otherArea: string) =>
      monthlyDues({ month: '2025-06', basis: { category: 'other', otherArea }, partyAgeFrom: null })
        .amount;
    expect([at('urban'), at('delta'), at('midland'), at('mountain')]).toEqual([
      10_000, 8_000, 6_000, 4_000,
    ]);
    expect(duesFlatSourceFor('2025-06')).toContain('03-HD/VPTW');
  });

  it('charges the administrator’s amounts under 01-QĐ/TW from February 2026 and names their source, not before', () => {
    const params = withUnsalariedAmounts(duesDefaults, {
      other: { urban: 20_000, delta: 15_000, midland: 12_000, mountain: 7_000 },
      student: 5_000,
      source: 'Hướng dẫn số 01-HD/VPTW (ví dụ)',
    });
    const basis = { category: 'other' as const, otherArea: 'mountain' };
    expect(monthlyDues({ month: '2026-03', basis, partyAgeFrom: null, params }).amount).toBe(7_000);
    expect(monthlyDues({ month: '2026-01', basis, partyAgeFrom: null, params }).amount).toBe(4_000);
    expect(duesFlatSourceFor('2026-03', params)).toBe('Hướng dẫn số 01-HD/VPTW (ví dụ)');
    expect(duesFlatSourceFor('2026-03')).toBe(unsalariedDefaults.source);
  });
});
