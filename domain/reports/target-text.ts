// A target (chỉ tiêu) as a sentence of Part 2 of the annual report ("Các chỉ tiêu chủ yếu") and of the
// plan: written the way congress resolutions and annual plans write them, not as "label: value".
// docs/domain/targets.md has the rules and examples; no regulation prescribes the wording, so these
// follow the documents' usage:
// - A title that already states its threshold ("Kết nạp 330 đảng viên mới", "90% trở lên đảng viên hoàn
//   thành tốt nhiệm vụ trở lên", "Hoàn thành 100% nhiệm vụ trọng tâm") is the target as the office wrote
//   it: printed as it is.
// - Otherwise the figure goes where people put it: after the verb ("kết nạp 120 đảng viên mới trở lên",
//   "hoàn thành 100% nhiệm vụ trọng tâm"), or before the subject ("90% trở lên tổ chức cơ sở đảng hoàn
//   thành tốt nhiệm vụ", "không quá 2 đảng viên bị kỷ luật").
// - "trở lên" only where it means something: never after 100% (nothing is above 100%), never a second
//   time when the title already says "trở lên" (then "ít nhất 90% …").
import { formatNumber } from '../text/vietnamese';

export type TargetTextInput = {
  title: string;
  comparator: 'gte' | 'lte' | 'eq';
  threshold: number;
  unit: 'count' | 'percent' | 'amount';
};

/**
 * Verbs a target's title opens with, after which the figure goes ("Kết nạp đảng viên mới" → "kết nạp
 * 120 đảng viên mới"). "Tổ chức" is left out: it opens as many subjects ("tổ chức cơ sở đảng") as actions.
 */
const leadingVerbs = [
  'kết nạp',
  'kiểm tra',
  'giám sát',
  'hoàn thành',
  'quán triệt',
  'phát thẻ đảng cho',
  'phát thẻ cho',
  'trao tặng huy hiệu đảng cho',
  'trao huy hiệu đảng cho',
  'tặng huy hiệu đảng cho',
  'công nhận đảng viên chính thức cho',
  'giới thiệu',
  'bồi dưỡng',
  'cử',
] as const;

const lowerFirst = (text: string): string =>
  text.length === 0 ? text : text[0]!.toLocaleLowerCase('vi-VN') + text.slice(1);

/** 100 → "100%", 92.5 → "92,5%". */
const percent = (value: number): string => {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? `${formatNumber(rounded)}%` : `${formatNumber(rounded, 1)}%`;
};

/** The title already carries the threshold ("Kết nạp 330 đảng viên mới", "90% trở lên …", "1.450"). */
const statesFigure = (text: string, threshold: number, unit: TargetTextInput['unit']) => {
  const figures = [formatNumber(threshold), String(threshold)];
  if (!Number.isInteger(threshold)) figures.push(formatNumber(threshold, 1));
  return figures.some((f) => {
    const escaped = f.replace(/[.]/gu, '\\.');
    const pattern = unit === 'percent' ? `${escaped}\\s?%` : `${escaped}(?![\\d%])`;
    return new RegExp(`(^|[^\\d.,])${pattern}`, 'u').test(text);
  });
};

const saysAtLeast = (text: string) => /(^|\s)trở lên(\s|,|$)/iu.test(text);

export const targetText = ({ title, comparator, threshold, unit }: TargetTextInput): string => {
  const text = lowerFirst(
    title
      .trim()
      .replace(/[.;]+$/u, '')
      .trim(),
  );
  // The title states its figure: the office's own words.
  if (statesFigure(text, threshold, unit)) return text;
  if (unit === 'amount') {
    const amount = `${formatNumber(threshold)} đồng`;
    const bound =
      comparator === 'gte'
        ? `từ ${amount} trở lên`
        : comparator === 'lte'
          ? `không quá ${amount}`
          : amount;
    return `${text} ${bound}`;
  }
  const amount = unit === 'percent' ? percent(threshold) : formatNumber(threshold);
  // Nothing is above 100%: "≥ 100%" is "100%".
  const whole = unit === 'percent' && threshold >= 100 && comparator !== 'lte';
  const verb = leadingVerbs.find((v) => text.toLocaleLowerCase('vi-VN').startsWith(`${v} `));
  const head = verb ? text.slice(0, verb.length) : '';
  const rest = verb ? text.slice(verb.length + 1) : text;
  const join = (figure: string, tail = '') =>
    `${head ? `${head} ` : ''}${figure} ${rest}${tail ? ` ${tail}` : ''}`;
  if (comparator === 'lte') return join(`không quá ${amount}`);
  if (comparator === 'eq' || whole) return join(amount);
  // ≥: "120 … trở lên"; a title that already says "trở lên" (of a rating) reads "ít nhất 90% …".
  if (saysAtLeast(rest)) return join(`ít nhất ${amount}`);
  if (unit === 'percent') return join(`${amount} trở lên`);
  return join(amount, 'trở lên');
};
