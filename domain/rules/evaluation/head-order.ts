// Heads rated after the units they lead (docs/domain/evaluation.md, "Heads after their units"). Pure.
// The head of a party organisation is its secretary (bí thư) on the last day of the evaluation
// period, from the committee over time (server/modules/committees). One rule per period of effect:
//
// - 2019–2022, Hướng dẫn 21-HD/BTCTW (18/10/2019), mục II điểm B tiết 4 (under 132-QĐ/TW): "Sau khi
//   hoàn thành đánh giá, xếp loại chất lượng tổ chức, tập thể, cá nhân ở địa phương, cơ quan, đơn vị
//   thì đánh giá, xếp loại chất lượng người đứng đầu. Mức xếp loại của người đứng đầu không được cao
//   hơn mức xếp loại của tập thể lãnh đạo, quản lý, tổ chức, cơ quan, đơn vị do mình đứng đầu."
//   → after the unit, and not higher than the unit.
// - 2023–2024, Quy định 124-QĐ/TW (4/10/2023), Điều 11 (as summarised: after the localities,
//   organisations, agencies and units are rated, the head is rated) → after the unit. We have not
//   found a "not higher" clause in 124's text: not enforced.
// - 2025 on, Quy định 366-QĐ/TW (30/8/2025) and Hướng dẫn 43-HD/BTCTW (31/10/2025): we have not found
//   their text on heads. The order of 124 Điều 11 is kept (as the evaluations module keeps the rest
//   of that article's order, "kept by 43-HD"), marked ❓; no "not higher" rule.
// - 2018 (16-HD/BTCTW) and earlier: not found, nothing enforced.
import { levelRank, type QualityLevel, qualityLevelLabels } from './levels';

export type HeadRatingRule = {
  fromYear: number;
  toYear: number | null;
  /** The head's rating is decided only once the unit's rating is decided. */
  afterUnit: boolean;
  /** The head's level may not be higher than the unit's. */
  notAboveUnit: boolean;
  /** The source, cited in messages. */
  source: string;
};

export const headRatingRules: readonly HeadRatingRule[] = [
  {
    fromYear: 2019,
    toYear: 2022,
    afterUnit: true,
    notAboveUnit: true,
    source: 'Hướng dẫn 21-HD/BTCTW ngày 18/10/2019, mục II.B.4',
  },
  {
    fromYear: 2023,
    toYear: 2024,
    afterUnit: true,
    notAboveUnit: false,
    source: 'Quy định 124-QĐ/TW ngày 04/10/2023, Điều 11',
  },
  {
    fromYear: 2025,
    toYear: null,
    afterUnit: true,
    notAboveUnit: false,
    source: 'Quy định 124-QĐ/TW Điều 11, giữ lại khi áp dụng 366-QĐ/TW và 43-HD/BTCTW',
  },
];

/** The rule for an evaluation year, or null when no text on heads is known for that year. */
export const headRatingRuleFor = (year: number): HeadRatingRule | null =>
  headRatingRules.find((r) => year >= r.fromYear && (r.toYear === null || year <= r.toYear)) ??
  null;

export type HeadRatingInput = {
  year: number;
  /** The level being decided for the head. */
  headLevel: QualityLevel;
  /** The unit the member heads, its record in the same evaluation. */
  unit: { name: string; decided: boolean; level: QualityLevel | null };
};

/** Why the head's rating cannot be decided now (Vietnamese, citing the rule); empty when it can. */
export const headRatingProblems = ({ year, headLevel, unit }: HeadRatingInput): string[] => {
  const rule = headRatingRuleFor(year);
  if (!rule) return [];
  if (rule.afterUnit && !unit.decided)
    return [
      `Người đứng đầu được xếp loại sau tổ chức do mình lãnh đạo: cần quyết định xếp loại ${unit.name} trước (${rule.source}).`,
    ];
  if (
    rule.notAboveUnit &&
    unit.decided &&
    unit.level !== null &&
    levelRank[headLevel] > levelRank[unit.level]
  )
    return [
      `Mức xếp loại của người đứng đầu không được cao hơn mức của ${unit.name} (${qualityLevelLabels[unit.level]}); đang đề nghị ${qualityLevelLabels[headLevel]} (${rule.source}).`,
    ];
  return [];
};
