// The status of a numeric target (chỉ tiêu) during and after its period (docs/domain/targets.md). The rule, also
// written in server/modules/plans/README.md:
// - After the period (asOf ≥ its end): achieved when the value meets the comparator, missed otherwise.
// - During the period, for a count that only grows through the period (admissions, badges…):
//   ≥ target: achieved as soon as it is reached; otherwise the expected value is the target × the share
//   of the period elapsed (linear pro-rata); on track when value ≥ expected × (1 − tolerance), at risk
//   below. ≤ target: missed once the value exceeds the target (it cannot come down); at risk when it
//   runs above the pro-rata allowance × (1 + tolerance); on track otherwise. = target: missed once above,
//   otherwise as ≥.
// - During the period, for a percentage or a figure at a date (members, coverage): on track when the
//   value meets the comparator today, at risk when it does not.
// - No value (the metric's module is not installed, or a percentage with nothing to count): unavailable.
export const comparators = ['gte', 'lte', 'eq'] as const;
export type Comparator = (typeof comparators)[number];
export const comparatorSymbols: Record<Comparator, string> = { gte: '≥', lte: '≤', eq: '=' };
export const comparatorLabels: Record<Comparator, string> = {
  gte: 'từ … trở lên (≥)',
  lte: 'không quá (≤)',
  eq: 'bằng (=)',
};

export const targetStatuses = ['on_track', 'at_risk', 'achieved', 'missed', 'unavailable'] as const;
export type TargetStatus = (typeof targetStatuses)[number];
export const targetStatusLabels: Record<TargetStatus, string> = {
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ không đạt',
  achieved: 'Đã đạt',
  missed: 'Không đạt',
  unavailable: 'Chưa có số liệu',
};

/** 10%: a count 10% behind the pro-rata pace is still on track. */
export const AT_RISK_TOLERANCE = 0.1;

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** Share of the period elapsed on `asOf` (0 before it starts, 1 from its last day). */
export const elapsedShare = (from: string, to: string, asOf: string): number => {
  if (asOf >= to) return 1;
  if (asOf < from) return 0;
  return (dayNumber(asOf) - dayNumber(from) + 1) / (dayNumber(to) - dayNumber(from) + 1);
};

export const meets = (comparator: Comparator, value: number, threshold: number): boolean =>
  comparator === 'gte'
    ? value >= threshold
    : comparator === 'lte'
      ? value <= threshold
      : value === threshold;

export const targetStatus = ({
  comparator,
  threshold,
  value,
  from,
  to,
  asOf,
  accumulating,
  tolerance = AT_RISK_TOLERANCE,
}: {
  comparator: Comparator;
  threshold: number;
  value: number | null;
  from: string;
  to: string;
  asOf: string;
  /** A count of facts of the period (it only grows); false for percentages and figures at a date. */
  accumulating: boolean;
  tolerance?: number;
}): TargetStatus => {
  if (value === null) return 'unavailable';
  if (asOf >= to) return meets(comparator, value, threshold) ? 'achieved' : 'missed';
  if (!accumulating) return meets(comparator, value, threshold) ? 'on_track' : 'at_risk';
  const share = elapsedShare(from, to, asOf);
  if (comparator === 'lte') {
    if (value > threshold) return 'missed';
    return value > threshold * share * (1 + tolerance) ? 'at_risk' : 'on_track';
  }
  if (comparator === 'eq' && value > threshold) return 'missed';
  if (comparator === 'gte' && value >= threshold) return 'achieved';
  return value >= threshold * share * (1 - tolerance) ? 'on_track' : 'at_risk';
};

// A target may bind several metrics, as congresses set them ("100% chi bộ tổ chức quán triệt, xây
// dựng và triển khai chương trình hành động": dissemination and action programmes). It is met only
// when every bound metric meets the threshold (docs/domain/targets.md).

/** How far a status is from "met", worst first: the target's status is its worst metric's. */
const statusRank: Record<TargetStatus, number> = {
  missed: 0,
  at_risk: 1,
  unavailable: 2,
  on_track: 3,
  achieved: 4,
};

/**
 * The status of a target bound to several metrics: its worst metric's (missed, then at risk, then
 * unavailable — a metric without a value cannot confirm the target — then on track, then achieved).
 */
export const combinedStatus = (statuses: readonly TargetStatus[]): TargetStatus =>
  statuses.length === 0
    ? 'unavailable'
    : statuses.reduce((worst, s) => (statusRank[s] < statusRank[worst] ? s : worst));

/**
 * The value that decides a target bound to several metrics: the lowest for "≥" (the one furthest
 * below the threshold), the highest for "≤", for "=" the first that misses it; null when any metric
 * has no value.
 */
export const bindingValue = (
  comparator: Comparator,
  threshold: number,
  values: readonly (number | null)[],
): number | null => {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  const numbers = values as number[];
  if (comparator === 'lte') return Math.max(...numbers);
  if (comparator === 'gte') return Math.min(...numbers);
  return numbers.find((v) => v !== threshold) ?? threshold;
};
