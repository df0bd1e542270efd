// Which rule set judges an evaluation period (regulations.md §0, §1; DOMAIN.md §6): the year of the
// period decides, and a historical year is always judged by its own rule set.
//   year ≤ 2022      → 132-QĐ/TW + 16-HD, 21-HD/BTCTW
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

export const ruleSetFor = (year: number): AnyRuleSet => {
  if (!Number.isInteger(year)) throw new RangeError(`Năm đánh giá không hợp lệ: ${year}.`);
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
