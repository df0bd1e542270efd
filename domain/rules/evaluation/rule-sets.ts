// Which rule set judges an evaluation period (docs/domain/evaluation.md): the year of the
// period decides, and a historical year is always judged by its own rule set.
//   year ≤ 2017      → refused: those years were classified under Hướng dẫn 27-HD/BTCTW
//                      (25/9/2014) with other levels, which this system does not encode
//   2018 – 2022      → 132-QĐ/TW + 16-HD, 21-HD/BTCTW
//   2023 – 2024      → 124-QĐ/TW + 25-HD/BTCTW
//   year ≥ 2025      → 366-QĐ/TW + 43-HD/BTCTW
// Parameters are the rule set's documented defaults, overridden per year by an administrator.
import type { GradedParams } from './graded';
import type { EvaluationResult, RuleSetCode, SubjectFacts } from './levels';
import { ruleSet124 } from './rule-set-124';
import { ruleSet132 } from './rule-set-132';
import { type Params366, ruleSet366 } from './rule-set-366';

export const ruleSets = [ruleSet132, ruleSet124, ruleSet366] as const;
export type AnyRuleSet = (typeof ruleSets)[number];

/** The first year judged by a rule set this system encodes (132-QĐ/TW, guided by 16-HD/BTCTW). */
export const firstSupportedYear = 2018;

/**
 * The guidance in force for a year before 2018, named in the refusal. 2014–2017: Hướng dẫn
 * 27-HD/BTCTW (25/9/2014), "kiểm điểm tập thể, cá nhân và đánh giá, phân loại chất lượng tổ chức
 * cơ sở đảng, đảng viên hằng năm": party organisations "trong sạch, vững mạnh" / "hoàn thành tốt
 * nhiệm vụ" / "hoàn thành nhiệm vụ" / "yếu kém", members "đủ tư cách, hoàn thành xuất sắc nhiệm vụ"
 * … "vi phạm tư cách hoặc không hoàn thành nhiệm vụ". Earlier years: the guidance before it
 * (Hướng dẫn 20-HD/BTCTW, 10/10/2008). The levels and criteria differ from 132's, so a year
 * before 2018 is refused rather than judged by 2018's rules.
 */
export const historicalGuidanceFor = (year: number): string =>
  year >= 2014
    ? 'Hướng dẫn 27-HD/BTCTW ngày 25/9/2014 của Ban Tổ chức Trung ương (phân loại tổ chức cơ sở đảng “trong sạch, vững mạnh”, “hoàn thành tốt nhiệm vụ”, “hoàn thành nhiệm vụ”, “yếu kém”; đảng viên “đủ tư cách, hoàn thành xuất sắc nhiệm vụ”, “đủ tư cách, hoàn thành tốt nhiệm vụ”, “đủ tư cách, hoàn thành nhiệm vụ”, “vi phạm tư cách hoặc không hoàn thành nhiệm vụ”)'
    : 'các hướng dẫn của Ban Tổ chức Trung ương trước Hướng dẫn 27-HD/BTCTW (như Hướng dẫn 20-HD/BTCTW ngày 10/10/2008), với các mức phân loại khác';

/** The refusal for a year before 2018, naming the guidance in force that year. */
export const unsupportedYearMessage = (year: number): string =>
  `Năm ${year} được đánh giá, phân loại chất lượng theo ${historicalGuidanceFor(year)}, không theo Quy định 132-QĐ/TW (áp dụng từ năm ${firstSupportedYear}). Hệ thống chưa có bộ quy tắc của năm ${year} nên không đánh giá, xếp loại năm này theo quy định của năm khác.`;

/** The name of the rules of a year, for headings: the rule set, or the older guidance. */
export const ruleSetNameFor = (year: number): string =>
  Number.isInteger(year) && year < firstSupportedYear
    ? historicalGuidanceFor(year).replace(/ \(.*$/, '')
    : ruleSetFor(year).name;

export const ruleSetFor = (year: number): AnyRuleSet => {
  if (!Number.isInteger(year)) throw new RangeError(`Năm đánh giá không hợp lệ: ${year}.`);
  if (year < firstSupportedYear) throw new RangeError(unsupportedYearMessage(year));
  const set = ruleSets.find((s) => s.appliesTo(year));
  if (!set) throw new RangeError(`Không có quy định đánh giá, xếp loại cho năm ${year}.`);
  return set;
};

/** An administrator's adjustments for a year: any parameter of the year's rule set. */
export type ParamsOverride = Partial<Params366> | Partial<GradedParams>;

/** The year's parameters: the rule set's defaults with the override's known keys applied. */
export const paramsFor = (year: number, override: ParamsOverride = {}) => {
  const set = ruleSetFor(year);
  const defaults: Record<string, unknown> = { ...set.defaults };
  for (const [key, value] of Object.entries(override))
    if (key in defaults && value !== undefined) defaults[key] = value;
  return { set, params: defaults as typeof set.defaults };
};

/** Evaluate a subject by the rule set of the period's year. */
export const evaluate = (
  year: number,
  facts: SubjectFacts,
  paramsOverride?: ParamsOverride,
): EvaluationResult => {
  if (facts.period.year !== year)
    throw new RangeError(`Năm đánh giá (${year}) khác năm của kỳ đánh giá (${facts.period.year}).`);
  const { set, params } = paramsFor(year, paramsOverride);
  if (!set.cycles.includes(facts.period.cycle))
    throw new RangeError(
      `${set.name} chỉ quy định đánh giá, xếp loại hằng năm; kỳ theo quý, nhiệm kỳ áp dụng từ năm 2025.`,
    );
  return (set.evaluate as (f: SubjectFacts, p: typeof params) => EvaluationResult)(facts, params);
};

export type { RuleSetCode };
