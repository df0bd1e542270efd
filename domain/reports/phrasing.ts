// Vietnamese sentences for the annual report (docs/domain/vietnamese-text.md): counts "1.234", percentages "15,8%",
// progress against a target "vượt 15,8% chỉ tiêu đề ra" / "đạt 87,5% chỉ tiêu đề ra", comparisons with
// the year before, key tasks, and document dates. Pure; every case (above, below, exactly on target,
// zero, one) has a table test.
import { targetProgress } from '../rules/targets/progress';
import { partyDocumentDate } from '../text/dates';
import { formatNumber } from '../text/vietnamese';

/** 1234 → "1.234". */
export const formatCount = (value: number): string => formatNumber(value);

/** A percentage value (15.83 → "15,8%", 100 → "100%", 98.04 → "98%"): one decimal, no ",0". */
export const formatPercentValue = (value: number): string => {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? `${formatNumber(rounded)}%` : `${formatNumber(rounded, 1)}%`;
};

/** "a", "a và b", "a, b và c". */
export const joinVietnamese = (parts: readonly string[]): string => {
  const items = parts.filter((p) => p.length > 0);
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
};

/** "139 đảng viên"; zero reads "không có đảng viên nào" unless `zero` says otherwise. */
export const countPhrase = (value: number, noun: string, zero?: string): string =>
  value === 0 ? (zero ?? `không có ${noun} nào`) : `${formatCount(value)} ${noun}`;

/** Progress against a target, as the report prints it: "vượt 15,8% chỉ tiêu đề ra", "đạt 100% chỉ tiêu đề ra". */
export const targetPhrase = (actual: number, target: number | null): string | null => {
  if (target === null) return null;
  if (target === 0) return null;
  return `${targetProgress(actual, target).phrase} đề ra`;
};

/**
 * An achievement with its target: "kết nạp được 139 đảng viên (vượt 15,8% chỉ tiêu đề ra)".
 * Zero: "chưa kết nạp được đảng viên nào (chỉ tiêu đề ra là 120 đảng viên)".
 */
export const achievementSentence = (args: {
  verb: string;
  actual: number;
  noun: string;
  target: number | null;
}): string => {
  const { verb, actual, noun, target } = args;
  if (actual === 0) {
    const base = `chưa ${verb} ${noun} nào`;
    return target && target > 0 ? `${base} (chỉ tiêu đề ra là ${countPhrase(target, noun)})` : base;
  }
  const phrase = targetPhrase(actual, target);
  const base = `${verb} ${formatCount(actual)} ${noun}`;
  return phrase ? `${base} (${phrase})` : base;
};

/**
 * Comparison with the year before: "tăng 12 đảng viên so với năm 2024", "giảm 3 đảng viên so với năm
 * 2024", "bằng năm trước". Percentages compare in percentage points.
 */
export const comparisonPhrase = (args: {
  current: number;
  previous: number;
  previousYear: number;
  noun?: string;
  unit?: 'count' | 'percent';
}): string => {
  const { current, previous, previousYear, noun, unit = 'count' } = args;
  const diff = current - previous;
  const rounded = unit === 'percent' ? Math.round(diff * 10) / 10 : diff;
  if (rounded === 0) return 'bằng năm trước';
  const amount =
    unit === 'percent'
      ? `${Number.isInteger(Math.abs(rounded)) ? formatNumber(Math.abs(rounded)) : formatNumber(Math.abs(rounded), 1)} điểm phần trăm`
      : `${formatCount(Math.abs(rounded))}${noun ? ` ${noun}` : ''}`;
  return `${rounded > 0 ? 'tăng' : 'giảm'} ${amount} so với năm ${previousYear}`;
};

/** A share: "98,1%" of a whole, with the count: "4.740 đảng viên (98,1%)". */
export const shareWithCount = (count: number, whole: number, noun: string): string =>
  whole > 0
    ? `${formatCount(count)} ${noun} (${formatPercentValue((100 * count) / whole)})`
    : `${formatCount(count)} ${noun}`;

export type KeyTaskCounts = {
  total: number;
  /** Completed (any level). */
  completed: number;
  excellent: number;
  good: number;
};

/**
 * "hoàn thành 6/6 nhiệm vụ trọng tâm; trong đó, 2 nhiệm vụ hoàn thành xuất sắc và 4 nhiệm vụ hoàn
 * thành tốt". The breakdown lists only levels with at least one task; the rest of the completed ones
 * (neither excellent nor good) read "hoàn thành".
 */
export const keyTasksSentence = (counts: KeyTaskCounts & { provisional?: boolean }): string => {
  const { total, completed, excellent, good, provisional } = counts;
  if (total === 0) return 'chưa xác định nhiệm vụ trọng tâm';
  if (completed === 0) return `chưa hoàn thành nhiệm vụ trọng tâm nào (0/${total} nhiệm vụ)`;
  const head = `hoàn thành ${completed}/${total} nhiệm vụ trọng tâm`;
  const plain = completed - excellent - good;
  const parts = [
    excellent > 0 ? `${formatCount(excellent)} nhiệm vụ hoàn thành xuất sắc` : '',
    good > 0 ? `${formatCount(good)} nhiệm vụ hoàn thành tốt` : '',
    plain > 0 && (excellent > 0 || good > 0) ? `${formatCount(plain)} nhiệm vụ hoàn thành` : '',
  ];
  const breakdown = joinVietnamese(parts);
  // Ratings drafted before the year's decision (late-December conferences) are proposals.
  return breakdown ? `${head}; trong đó, ${provisional ? 'dự kiến ' : ''}${breakdown}` : head;
};

type Subjects = { organisations: number; members: number; total: number };

/** "3 tổ chức đảng, 9 đảng viên"; only the kinds with at least one subject. */
const subjectParts = (c: Subjects): string =>
  [
    c.organisations > 0 ? `${formatCount(c.organisations)} tổ chức đảng` : '',
    c.members > 0 ? `${formatCount(c.members)} đảng viên` : '',
  ]
    .filter(Boolean)
    .join(', ');

/**
 * One group of conducting bodies (885-QĐ/UBKTTW statistics: subjects, not cases): "Ủy ban Kiểm tra …
 * kiểm tra, giám sát được 12 tổ chức đảng, đảng viên (kiểm tra 2 tổ chức đảng, 4 đảng viên; giám
 * sát 3 tổ chức đảng, 5 đảng viên), tăng 2 so với năm 2024". A real zero: "… chưa kiểm tra, giám sát
 * tổ chức đảng, đảng viên nào". `previous` null: no comparison (that year is not recorded).
 */
export const inspectionGroupPhrase = (args: {
  who: string;
  verb: string;
  all: Subjects;
  inspected: Subjects;
  supervised: Subjects;
  previous: number | null;
  previousYear: number;
}): string => {
  const { who, verb, all, inspected, supervised, previous, previousYear } = args;
  if (all.total === 0) return `${who} chưa kiểm tra, giám sát tổ chức đảng, đảng viên nào`;
  const detail = [
    inspected.total > 0 ? `kiểm tra ${subjectParts(inspected)}` : '',
    supervised.total > 0 ? `giám sát ${subjectParts(supervised)}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const comparison =
    previous === null
      ? ''
      : `, ${comparisonPhrase({ current: all.total, previous, previousYear })}`;
  return `${who} ${verb} ${formatCount(all.total)} tổ chức đảng, đảng viên (${detail})${comparison}`;
};

/**
 * "thi hành kỷ luật 2 đảng viên (1 khiển trách, 1 cảnh cáo) và 1 tổ chức đảng (1 khiển trách)";
 * a real zero: "không có tổ chức đảng, đảng viên nào bị thi hành kỷ luật".
 */
export const disciplinePhrase = (d: {
  members: number;
  organisations: number;
  byForm: { form: string; subjectKind: 'member' | 'organisation'; count: number }[];
}): string => {
  if (d.members === 0 && d.organisations === 0)
    return 'không có tổ chức đảng, đảng viên nào bị thi hành kỷ luật';
  const forms = (kind: 'member' | 'organisation') => {
    const parts = d.byForm
      .filter((f) => f.subjectKind === kind && f.count > 0)
      .map((f) => `${formatCount(f.count)} ${f.form}`);
    return parts.length > 0 ? ` (${parts.join(', ')})` : '';
  };
  const parts = [
    d.members > 0 ? `${formatCount(d.members)} đảng viên${forms('member')}` : '',
    d.organisations > 0
      ? `${formatCount(d.organisations)} tổ chức đảng${forms('organisation')}`
      : '',
  ];
  return `thi hành kỷ luật ${joinVietnamese(parts)}`;
};

/** "ngày 05 tháng 12 năm 2025", "ngày 03 tháng 4 năm 2018" (36-HD/VPTW: see `partyDocumentDate`). */
export const documentDate = (iso: string): string => partyDocumentDate(iso);

/** "Lạng Sơn, ngày 05 tháng 12 năm 2025". */
export const placeAndDate = (place: string, iso: string): string =>
  `${place}, ${documentDate(iso)}`;

/** Sentence case: the first letter upper case (a phrase that opens a sentence). */
export const capitalise = (text: string): string =>
  text.length === 0 ? text : text[0]!.toLocaleUpperCase('vi-VN') + text.slice(1);
