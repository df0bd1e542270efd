import { describe, expect, it } from 'vitest';
import {
  awardDatesBetween,
  badgeDue,
  badgeRuleSetOn,
  nextAwardDate,
  partyAgeYearsOn,
} from './badges';

const base = {
  partyAgeFrom: '1996-05-10',
  awardDate: '2026-05-19',
  awardedMilestones: [] as number[],
  seriouslyIll: false,
  disciplines: [],
  underDisciplinaryReview: false,
};

describe('party badges (docs/domain/badges.md)', () => {
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
    expect(badgeDue(base)).toMatchObject({
      milestone: 30,
      eligible: true,
      early: false,
      posthumous: false,
      reason: null,
    });
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

  it('withholds the badge while the member is under disciplinary review', () => {
    expect(badgeDue({ ...base, underDisciplinaryReview: true })?.eligible).toBe(false);
  });
});

const q24 = 'Quy định 24-QĐ/TW (30/7/2021) điểm 27.3';
describe(`after a discipline: 6 / 9 / 12 months, then the cell's recognition (${q24})`, () => {
  const after = (form: 'khien_trach' | 'canh_cao' | 'cach_chuc', decidedOn: string) =>
    badgeDue({ ...base, disciplines: [{ form, decidedOn }] });

  it('"sau 6 tháng (đối với kỷ luật khiển trách)": withheld on 19/5/2026 after a khiển trách of 20/11/2025, considered after one of 19/11/2025', () => {
    const withheld = after('khien_trach', '2025-11-20');
    expect(withheld?.eligible).toBe(false);
    expect(withheld?.reason).toContain('20/05/2026');
    expect(after('khien_trach', '2025-11-19')).toMatchObject({
      eligible: true,
      needsCellRecognition: true,
    });
  });

  it('"9 tháng (đối với kỷ luật cảnh cáo)": a cảnh cáo of 10/10/2025 still withholds the badge on 19/5/2026 (the 2007 guidance said 6 months)', () => {
    const withheld = after('canh_cao', '2025-10-10');
    expect(withheld?.eligible).toBe(false);
    expect(withheld?.reason).toContain('10/07/2026');
    expect(after('canh_cao', '2025-08-19')?.eligible).toBe(true);
  });

  it('"1 năm (đối với kỷ luật cách chức)"', () => {
    expect(after('cach_chuc', '2025-05-20')?.eligible).toBe(false);
    expect(after('cach_chuc', '2025-05-19')?.eligible).toBe(true);
  });

  it('"được chi bộ công nhận": after the wait the award needs the cell\'s recognition, said in the reason', () => {
    const due = after('canh_cao', '2025-01-10');
    expect(due?.needsCellRecognition).toBe(true);
    expect(due?.reason).toContain('chi bộ công nhận');
    expect(badgeDue(base)?.needsCellRecognition).toBe(false);
  });
});

describe('rule sets by award date: the rule in force when the badge is considered applies', () => {
  it("award dates from 30/7/2021 follow 24-QĐ/TW, from 26/5/2025 294-QĐ/TW (24's values until its text is checked), earlier ones 29-QĐ/TW (2016)", () => {
    expect(badgeRuleSetOn('2021-05-19').id).toBe('qd29_2016');
    expect(badgeRuleSetOn('2021-09-02').id).toBe('qd24_2021');
    expect(badgeRuleSetOn('2025-09-02')).toMatchObject({ id: 'qd294_2025', verified: false });
    expect(badgeRuleSetOn('2025-09-02').disciplineWaitMonths.canh_cao).toBe(9);
    expect(
      badgeRuleSetOn('2025-09-02', {
        disciplineWaitMonths: { khien_trach: 3, canh_cao: 6, cach_chuc: 12, khai_tru: null },
      }).disciplineWaitMonths.canh_cao,
    ).toBe(6);
    expect(
      badgeRuleSetOn('2024-09-02', {
        disciplineWaitMonths: { khien_trach: 3, canh_cao: 6, cach_chuc: 12, khai_tru: null },
      }).disciplineWaitMonths.canh_cao,
    ).toBe(9);
  });

  it('29-QĐ/TW (25/7/2016) điểm 27.3a: a khiển trách does not withhold the badge on 19/5/2021, a cảnh cáo does for 6 months, with no recognition step', () => {
    const on2021 = { ...base, partyAgeFrom: '1991-05-10', awardDate: '2021-05-19' };
    expect(
      badgeDue({ ...on2021, disciplines: [{ form: 'khien_trach', decidedOn: '2021-04-01' }] }),
    ).toMatchObject({ eligible: true, needsCellRecognition: false, ruleSet: 'qd29_2016' });
    expect(
      badgeDue({ ...on2021, disciplines: [{ form: 'canh_cao', decidedOn: '2020-11-20' }] })
        ?.eligible,
    ).toBe(false);
    expect(
      badgeDue({ ...on2021, disciplines: [{ form: 'canh_cao', decidedOn: '2020-11-19' }] })
        ?.eligible,
    ).toBe(true);
  });

  it('before 30/7/2021 a seriously ill member of 70 years is at most 12 months early (29-QĐ/TW), from then 24 months (24-QĐ/TW)', () => {
    const seventy = {
      ...base,
      partyAgeFrom: '1951-11-01',
      awardedMilestones: [30, 40, 45, 50, 55, 60, 65],
      seriouslyIll: true,
    };
    expect(badgeDue({ ...seventy, awardDate: '2020-02-03' })).toBeNull();
    expect(
      badgeDue({ ...seventy, awardDate: '2021-11-07', partyAgeFrom: '1953-01-01' }),
    ).toMatchObject({
      milestone: 70,
      early: true,
    });
  });
});

describe('posthumous award (truy tặng) of a deceased member', () => {
  const deceased = { ...base, partyAgeFrom: '1996-09-01', diedOn: '2026-03-15' };

  it(`${q24}: "đảng viên ... từ trần có thể được ... truy tặng Huy hiệu Đảng sớm, nhưng không được quá một năm" – 5 months short at the death`, () => {
    expect(badgeDue(deceased)).toMatchObject({
      milestone: 30,
      early: true,
      posthumous: true,
      eligible: true,
    });
    expect(badgeDue(deceased)?.reason).toContain('Truy tặng sớm');
    // 13 months short at the death: not even posthumously.
    expect(badgeDue({ ...deceased, partyAgeFrom: '1997-04-16' })).toBeNull();
  });

  it('party age stops at the death: a member who died 11 months short of 40 years gets the 40-year badge, not a later one', () => {
    const due = badgeDue({
      ...base,
      partyAgeFrom: '1986-02-15',
      awardedMilestones: [30],
      diedOn: '2025-03-15',
    });
    expect(due).toMatchObject({ milestone: 40, early: true, posthumous: true });
  });

  it('29-QĐ/TW (2016): a deceased member is awarded posthumously only with the full party age', () => {
    const in2020 = { ...base, awardDate: '2020-05-19', partyAgeFrom: '1990-03-01' };
    expect(badgeDue({ ...in2020, diedOn: '2020-01-10' })).toBeNull();
    expect(badgeDue({ ...in2020, diedOn: '2020-04-10' })).toMatchObject({
      milestone: 30,
      early: false,
      posthumous: true,
    });
  });
});
