import { describe, expect, it } from 'vitest';
import { headRatingProblems, headRatingRuleFor } from './head-order';

const unit = (decided: boolean, level: 'HTXSNV' | 'HTTNV' | 'HTNV' | 'KHTNV' | null = null) => ({
  name: 'Chi bộ Phòng Nghiệp vụ Y',
  decided,
  level,
});

describe('heads after their units: Hướng dẫn 21-HD/BTCTW (18/10/2019) mục II.B.4 — "Sau khi hoàn thành đánh giá, xếp loại … thì đánh giá, xếp loại chất lượng người đứng đầu. Mức xếp loại của người đứng đầu không được cao hơn mức xếp loại của tập thể … do mình đứng đầu" (2019–2022)', () => {
  it('refuses the head before the unit is decided', () => {
    const problems = headRatingProblems({ year: 2021, headLevel: 'HTTNV', unit: unit(false) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('cần quyết định xếp loại Chi bộ Phòng Nghiệp vụ Y trước');
    expect(problems[0]).toContain('21-HD/BTCTW');
  });
  it('refuses a head rated higher than the unit, accepts equal or lower', () => {
    expect(
      headRatingProblems({ year: 2022, headLevel: 'HTXSNV', unit: unit(true, 'HTTNV') })[0],
    ).toContain('không được cao hơn');
    expect(
      headRatingProblems({ year: 2022, headLevel: 'HTTNV', unit: unit(true, 'HTTNV') }),
    ).toEqual([]);
    expect(
      headRatingProblems({ year: 2019, headLevel: 'HTNV', unit: unit(true, 'HTTNV') }),
    ).toEqual([]);
  });
});

describe('heads after their units: Quy định 124-QĐ/TW (04/10/2023) Điều 11 — the head is rated after the unit (2023–2024); no "not higher" clause found', () => {
  it('refuses the head before the unit, allows any level after it', () => {
    expect(headRatingProblems({ year: 2024, headLevel: 'HTTNV', unit: unit(false) })[0]).toContain(
      '124-QĐ/TW',
    );
    expect(
      headRatingProblems({ year: 2023, headLevel: 'HTXSNV', unit: unit(true, 'HTNV') }),
    ).toEqual([]);
  });
});

describe('heads after their units from 2025 (366-QĐ/TW, 43-HD/BTCTW): the order of 124-QĐ/TW Điều 11 kept ❓, no cap', () => {
  it('keeps the order, names the source as kept from 124', () => {
    const rule = headRatingRuleFor(2026)!;
    expect(rule).toMatchObject({ afterUnit: true, notAboveUnit: false });
    expect(rule.source).toContain('giữ lại');
    expect(headRatingProblems({ year: 2025, headLevel: 'HTTNV', unit: unit(false) })).toHaveLength(
      1,
    );
  });
  it('knows no rule for 2018 (16-HD/BTCTW text not found)', () => {
    expect(headRatingRuleFor(2018)).toBeNull();
    expect(headRatingProblems({ year: 2018, headLevel: 'HTXSNV', unit: unit(false) })).toEqual([]);
  });
});
