import { describe, expect, it } from 'vitest';
import {
  achievementSentence,
  capitalise,
  comparisonPhrase,
  countPhrase,
  documentDate,
  formatCount,
  formatPercentValue,
  joinVietnamese,
  keyTasksSentence,
  placeAndDate,
  shareWithCount,
} from './phrasing';

describe('numbers and percentages the Vietnamese way (DOMAIN.md §9)', () => {
  it.each([
    [0, '0'],
    [1, '1'],
    [139, '139'],
    [1234, '1.234'],
    [4055000, '4.055.000'],
  ])('count %d → %s', (value, text) => {
    expect(formatCount(value)).toBe(text);
  });
  it.each([
    [15.83, '15,8%'],
    [87.5, '87,5%'],
    [100, '100%'],
    [98.04, '98%'],
    [0, '0%'],
    [18.05, '18,1%'],
  ])('percent %d → %s', (value, text) => {
    expect(formatPercentValue(value)).toBe(text);
  });
});

describe('achievement against a target', () => {
  const admitted = (actual: number, target: number | null) =>
    achievementSentence({ verb: 'kết nạp được', actual, noun: 'đảng viên', target });
  it.each([
    ['above target', 139, 120, 'kết nạp được 139 đảng viên (vượt 15,8% chỉ tiêu đề ra)'],
    ['below target', 105, 120, 'kết nạp được 105 đảng viên (đạt 87,5% chỉ tiêu đề ra)'],
    ['exactly on target', 120, 120, 'kết nạp được 120 đảng viên (đạt 100% chỉ tiêu đề ra)'],
    ['zero', 0, 120, 'chưa kết nạp được đảng viên nào (chỉ tiêu đề ra là 120 đảng viên)'],
    ['one', 1, 2, 'kết nạp được 1 đảng viên (đạt 50% chỉ tiêu đề ra)'],
    ['no target set', 7, null, 'kết nạp được 7 đảng viên'],
    ['zero without a target', 0, null, 'chưa kết nạp được đảng viên nào'],
    ['a zero target', 3, 0, 'kết nạp được 3 đảng viên'],
    ['large numbers', 1234, 1000, 'kết nạp được 1.234 đảng viên (vượt 23,4% chỉ tiêu đề ra)'],
  ])('%s', (_case, actual, target, sentence) => {
    expect(admitted(actual as number, target as number | null)).toBe(sentence);
  });
});

describe('comparison with the year before', () => {
  it.each([
    [151, 139, 'count', 'tăng 12 đảng viên so với năm 2024'],
    [136, 139, 'count', 'giảm 3 đảng viên so với năm 2024'],
    [139, 139, 'count', 'bằng năm trước'],
    [140, 139, 'count', 'tăng 1 đảng viên so với năm 2024'],
    [2139, 139, 'count', 'tăng 2.000 đảng viên so với năm 2024'],
    [98.1, 95.8, 'percent', 'tăng 2,3 điểm phần trăm so với năm 2024'],
    [90, 92, 'percent', 'giảm 2 điểm phần trăm so với năm 2024'],
    [90.01, 90.04, 'percent', 'bằng năm trước'],
  ])('%d against %d (%s)', (current, previous, unit, phrase) => {
    expect(
      comparisonPhrase({
        current: current as number,
        previous: previous as number,
        previousYear: 2024,
        noun: unit === 'count' ? 'đảng viên' : undefined,
        unit: unit as 'count' | 'percent',
      }),
    ).toBe(phrase);
  });
});

describe('key tasks', () => {
  it.each([
    [
      { total: 6, completed: 6, excellent: 2, good: 4 },
      'hoàn thành 6/6 nhiệm vụ trọng tâm; trong đó, 2 nhiệm vụ hoàn thành xuất sắc và 4 nhiệm vụ hoàn thành tốt',
    ],
    [
      { total: 6, completed: 5, excellent: 1, good: 2 },
      'hoàn thành 5/6 nhiệm vụ trọng tâm; trong đó, 1 nhiệm vụ hoàn thành xuất sắc, 2 nhiệm vụ hoàn thành tốt và 2 nhiệm vụ hoàn thành',
    ],
    [
      { total: 4, completed: 4, excellent: 0, good: 4 },
      'hoàn thành 4/4 nhiệm vụ trọng tâm; trong đó, 4 nhiệm vụ hoàn thành tốt',
    ],
    [{ total: 3, completed: 2, excellent: 0, good: 0 }, 'hoàn thành 2/3 nhiệm vụ trọng tâm'],
    [
      { total: 3, completed: 0, excellent: 0, good: 0 },
      'chưa hoàn thành nhiệm vụ trọng tâm nào (0/3 nhiệm vụ)',
    ],
    [{ total: 0, completed: 0, excellent: 0, good: 0 }, 'chưa xác định nhiệm vụ trọng tâm'],
  ])('%o', (counts, sentence) => {
    expect(keyTasksSentence(counts)).toBe(sentence);
  });
});

describe('lists, shares, dates', () => {
  it('joins with commas and "và"', () => {
    expect(joinVietnamese([])).toBe('');
    expect(joinVietnamese(['a'])).toBe('a');
    expect(joinVietnamese(['a', 'b'])).toBe('a và b');
    expect(joinVietnamese(['a', '', 'b', 'c'])).toBe('a, b và c');
  });
  it('counts with a zero form', () => {
    expect(countPhrase(0, 'đảng viên')).toBe('không có đảng viên nào');
    expect(countPhrase(0, 'cuộc', 'chưa tiến hành cuộc nào')).toBe('chưa tiến hành cuộc nào');
    expect(countPhrase(1, 'cuộc')).toBe('1 cuộc');
  });
  it('a share prints the count and the percentage', () => {
    expect(shareWithCount(4740, 4832, 'đảng viên')).toBe('4.740 đảng viên (98,1%)');
    expect(shareWithCount(0, 0, 'đảng viên')).toBe('0 đảng viên');
  });
  it('document dates keep the leading zero (36-HD)', () => {
    expect(documentDate('2025-12-05')).toBe('ngày 05 tháng 12 năm 2025');
    expect(documentDate('2026-02-28')).toBe('ngày 28 tháng 02 năm 2026');
    expect(documentDate('2018-04-03')).toBe('ngày 03 tháng 4 năm 2018');
    expect(placeAndDate('Lạng Sơn', '2025-12-10')).toBe('Lạng Sơn, ngày 10 tháng 12 năm 2025');
  });
  it('opens a sentence with a capital, đ included', () => {
    expect(capitalise('đạt 100%')).toBe('Đạt 100%');
    expect(capitalise('')).toBe('');
  });
});
