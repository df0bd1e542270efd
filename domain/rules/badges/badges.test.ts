import { describe, expect, it } from 'vitest';
import { awardDatesBetween, badgeDue, nextAwardDate, partyAgeYearsOn } from './badges';

const base = {
  partyAgeFrom: '1996-05-10',
  awardDate: '2026-05-19',
  awardedMilestones: [] as number[],
  seriouslyIll: false,
  disciplines: [],
  underDisciplinaryReview: false,
};

describe('party badges (regulations.md §3.4)', () => {
  it('awards on 3/2, 19/5, 2/9 and 7/11', () => {
    expect(awardDatesBetween('2026-01-01', '2026-12-31')).toEqual([
      '2026-02-03',
      '2026-05-19',
      '2026-09-02',
      '2026-11-07',
    ]);
    expect(nextAwardDate('2026-11-08')).toBe('2027-02-03');
    expect(nextAwardDate('2026-09-02')).toBe('2026-09-02');
  });

  it('is due the 30-year badge at the first award date after 30 years of party age', () => {
    expect(badgeDue(base)).toEqual({ milestone: 30, eligible: true, early: false, reason: null });
    expect(badgeDue({ ...base, partyAgeFrom: '1996-05-20' })).toBeNull();
    expect(partyAgeYearsOn('1996-05-20', '2026-05-19')).toBe(29);
  });

  it('lets a seriously ill member receive it up to 12 months early (30–65) and 24 months early (70–90)', () => {
    const ill = { ...base, partyAgeFrom: '1997-03-01', seriouslyIll: true };
    expect(badgeDue(ill)?.early).toBe(true);
    expect(badgeDue({ ...ill, seriouslyIll: false })).toBeNull();
    expect(badgeDue({ ...ill, partyAgeFrom: '1997-06-01' })).toBeNull();
    const seventy = {
      ...base,
      partyAgeFrom: '1957-09-01',
      awardedMilestones: [30, 40, 45, 50, 55, 60, 65],
      seriouslyIll: true,
    };
    expect(badgeDue(seventy)).toMatchObject({ milestone: 70, early: true, eligible: true });
  });

  it('lists the highest milestone reached above those already received', () => {
    expect(
      badgeDue({ ...base, partyAgeFrom: '1984-01-01', awardedMilestones: [30] })?.milestone,
    ).toBe(40);
    expect(
      badgeDue({ ...base, partyAgeFrom: '1984-01-01', awardedMilestones: [30, 40] }),
    ).toBeNull();
  });

  it('withholds the badge under disciplinary review and for 6 months after a cảnh cáo', () => {
    expect(badgeDue({ ...base, underDisciplinaryReview: true })?.eligible).toBe(false);
    const warned = badgeDue({
      ...base,
      disciplines: [{ form: 'canh_cao', decidedOn: '2026-01-10' }],
    });
    expect(warned?.eligible).toBe(false);
    expect(warned?.reason).toContain('10/07/2026');
    expect(
      badgeDue({ ...base, disciplines: [{ form: 'canh_cao', decidedOn: '2025-10-10' }] })?.eligible,
    ).toBe(true);
  });
});
