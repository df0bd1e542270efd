import { describe, expect, it } from 'vitest';
import { elapsedShare, targetStatus } from './target-status';

const year = { from: '2026-01-01', to: '2026-12-31' };

describe('target status', () => {
  it('judges a finished period by the comparator alone', () => {
    expect(
      targetStatus({
        ...year,
        comparator: 'gte',
        threshold: 120,
        value: 139,
        asOf: '2026-12-31',
        accumulating: true,
      }),
    ).toBe('achieved');
    expect(
      targetStatus({
        ...year,
        comparator: 'gte',
        threshold: 120,
        value: 119,
        asOf: '2027-02-01',
        accumulating: true,
      }),
    ).toBe('missed');
    expect(
      targetStatus({
        ...year,
        comparator: 'lte',
        threshold: 2,
        value: 2,
        asOf: '2026-12-31',
        accumulating: true,
      }),
    ).toBe('achieved');
  });

  it('compares a growing count with the linear pro-rata of the year, with a 10% tolerance', () => {
    // 30/06: 181 of 365 days elapsed, 120 × 181/365 = 59.5 expected; 90% of it = 53.6.
    const mid = {
      ...year,
      comparator: 'gte' as const,
      threshold: 120,
      asOf: '2026-06-30',
      accumulating: true,
    };
    expect(elapsedShare(year.from, year.to, '2026-06-30')).toBeCloseTo(181 / 365);
    expect(targetStatus({ ...mid, value: 54 })).toBe('on_track');
    expect(targetStatus({ ...mid, value: 53 })).toBe('at_risk');
    expect(targetStatus({ ...mid, value: 120 })).toBe('achieved');
  });

  it('marks a ceiling missed once exceeded, at risk when running above the allowance', () => {
    const mid = {
      ...year,
      comparator: 'lte' as const,
      threshold: 10,
      asOf: '2026-06-30',
      accumulating: true,
    };
    expect(targetStatus({ ...mid, value: 11 })).toBe('missed');
    expect(targetStatus({ ...mid, value: 6 })).toBe('at_risk');
    expect(targetStatus({ ...mid, value: 5 })).toBe('on_track');
  });

  it('judges a percentage during the year by whether it meets the target today', () => {
    const mid = {
      ...year,
      comparator: 'gte' as const,
      threshold: 90,
      asOf: '2026-06-30',
      accumulating: false,
    };
    expect(targetStatus({ ...mid, value: 92.5 })).toBe('on_track');
    expect(targetStatus({ ...mid, value: 85 })).toBe('at_risk');
  });

  it('is unavailable without a value', () => {
    expect(
      targetStatus({
        ...year,
        comparator: 'gte',
        threshold: 90,
        value: null,
        asOf: '2026-12-31',
        accumulating: false,
      }),
    ).toBe('unavailable');
  });
});
