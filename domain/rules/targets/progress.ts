// How a count compares with its target, phrased as year-end reports do: "vượt 15,8% chỉ tiêu",
// "đạt 87,5% chỉ tiêu", "đạt chỉ tiêu" (docs/domain/targets.md; the examples come from real bloc reports).
import { formatNumber } from '../../text/vietnamese';

export type TargetProgress = {
  /** actual / target, or null when no target was set or the target is 0. */
  ratio: number | null;
  /** actual − target (negative when short), null without a target. */
  difference: number | null;
  phrase: string;
};

/** One decimal, as reports print it; 15,83% → "15,8%", 100% → "100%". */
const percent = (value: number): string =>
  Number.isInteger(Math.round(value * 10) / 10)
    ? `${formatNumber(Math.round(value * 10) / 10)}%`
    : `${formatNumber(value, 1)}%`;

export const targetProgress = (actual: number, target: number | null): TargetProgress => {
  if (target === null) return { ratio: null, difference: null, phrase: 'chưa giao chỉ tiêu' };
  const difference = actual - target;
  if (target === 0)
    return {
      ratio: null,
      difference,
      phrase: actual === 0 ? 'chỉ tiêu bằng 0' : `vượt chỉ tiêu (chỉ tiêu bằng 0)`,
    };
  const ratio = actual / target;
  if (difference === 0) return { ratio, difference, phrase: 'đạt 100% chỉ tiêu' };
  if (difference > 0)
    return { ratio, difference, phrase: `vượt ${percent((ratio - 1) * 100)} chỉ tiêu` };
  return { ratio, difference, phrase: `đạt ${percent(ratio * 100)} chỉ tiêu` };
};
