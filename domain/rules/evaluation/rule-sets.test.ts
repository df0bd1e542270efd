import { describe, expect, it } from 'vitest';
import { evaluate, paramsFor, ruleSetFor, ruleSetNameFor } from './rule-sets';
import { member, scoresFor } from './test-helpers';

describe('rule set by evaluation year (docs/domain/evaluation.md: "a year is always evaluated by its own rule set")', () => {
  it.each([
    [2018, 'QD132'],
    [2022, 'QD132'],
    [2023, 'QD124'],
    [2024, 'QD124'],
    [2025, 'QD366'],
    [2026, 'QD366'],
  ])('%s → %s', (year, code) => {
    expect(ruleSetFor(year).code).toBe(code);
  });
  it('evaluates a 2025 member with 366 points and a 2024 member with 124 grades', () => {
    expect(evaluate(2025, member()).ruleSet).toBe('QD366');
    const m2024 = member({
      period: { year: 2024, cycle: 'year' },
      grades: {
        political_ideology: 'tot',
        ethics_lifestyle: 'tot',
        discipline_awareness: 'tot',
        work_style: 'tot',
        task_results: 'tot',
      },
    });
    const res = evaluate(2024, m2024);
    expect(res.ruleSet).toBe('QD124');
    expect(res.level).toBe('HTTNV');
  });
  it('an administrator’s override changes only that year’s parameters', () => {
    const facts = member({ scores: scoresFor(88) });
    expect(evaluate(2025, facts).level).toBe('HTTNV');
    const override = { bands: { HTXSNV: 85, HTTNV: 70, HTNV: 50 } };
    expect(evaluate(2025, facts, override).level).toBe('HTXSNV');
    expect(paramsFor(2025).params).toMatchObject({ bands: { HTXSNV: 90 } });
    expect(paramsFor(2024, override).params).not.toHaveProperty('bands');
  });
  it('a quarterly cycle before 2025 is refused', () => {
    const q = member({ period: { year: 2024, cycle: 'quarter', quarter: 2 } });
    expect(() => evaluate(2024, q)).toThrow('hằng năm');
  });
  it('the year must be the period’s year', () => {
    expect(() => evaluate(2024, member())).toThrow('khác năm');
  });
});

describe('years before 2018 are not judged by 132-QĐ/TW (16-HD/BTCTW guided 132 from the 2018 review)', () => {
  it.each([2014, 2016, 2017])(
    '%s is refused, naming Hướng dẫn 27-HD/BTCTW (25/9/2014) and its levels',
    (year) => {
      expect(() => ruleSetFor(year)).toThrow('Hướng dẫn 27-HD/BTCTW ngày 25/9/2014');
      expect(() => ruleSetFor(year)).toThrow('trong sạch, vững mạnh');
      expect(() =>
        evaluate(year, member({ period: { year, cycle: 'year' }, scores: undefined })),
      ).toThrow(`Năm ${year}`);
    },
  );
  it('2013 names the guidance before 27-HD/BTCTW', () => {
    expect(() => ruleSetFor(2013)).toThrow('trước Hướng dẫn 27-HD/BTCTW');
  });
  it('a heading for 2016 names the guidance in force, without throwing', () => {
    expect(ruleSetNameFor(2016)).toBe(
      'Hướng dẫn 27-HD/BTCTW ngày 25/9/2014 của Ban Tổ chức Trung ương',
    );
    expect(ruleSetNameFor(2018)).toContain('132-QĐ/TW');
  });
});
