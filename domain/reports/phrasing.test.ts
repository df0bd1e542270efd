import { describe, expect, it } from 'vitest';
import {
  achievementSentence,
  capitalise,
  comparisonPhrase,
  countPhrase,
  disciplinePhrase,
  documentDate,
  formatCount,
  formatPercentValue,
  inspectionGroupPhrase,
  joinVietnamese,
  keyTasksSentence,
  placeAndDate,
  shareWithCount,
} from './phrasing';

describe('numbers and percentages the Vietnamese way (docs/domain/vietnamese-text.md)', () => {
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

describe('inspection subjects, discipline and provisional key-task ratings (885-QĐ/UBKTTW statistics)', () => {
  const count = (organisations: number, members: number) => ({
    organisations,
    members,
    total: organisations + members,
  });
  const who = 'Ủy ban Kiểm tra Đảng ủy';
  it('states subjects, not cases, split inspection / supervision, with the year before', () => {
    expect(
      inspectionGroupPhrase({
        who,
        verb: 'kiểm tra, giám sát được',
        all: count(5, 7),
        inspected: count(2, 7),
        supervised: count(3, 0),
        previous: 9,
        previousYear: 2024,
      }),
    ).toBe(
      'Ủy ban Kiểm tra Đảng ủy kiểm tra, giám sát được 12 tổ chức đảng, đảng viên (kiểm tra 2 tổ chức đảng, 7 đảng viên; giám sát 3 tổ chức đảng), tăng 3 so với năm 2024',
    );
  });
  it('omits the comparison when the year before has no records', () => {
    const text = inspectionGroupPhrase({
      who,
      verb: 'kiểm tra, giám sát được',
      all: count(0, 1),
      inspected: count(0, 1),
      supervised: count(0, 0),
      previous: null,
      previousYear: 2024,
    });
    expect(text).toBe(
      'Ủy ban Kiểm tra Đảng ủy kiểm tra, giám sát được 1 tổ chức đảng, đảng viên (kiểm tra 1 đảng viên)',
    );
  });
  it('a real zero reads "chưa kiểm tra, giám sát tổ chức đảng, đảng viên nào"', () => {
    expect(
      inspectionGroupPhrase({
        who,
        verb: 'kiểm tra, giám sát được',
        all: count(0, 0),
        inspected: count(0, 0),
        supervised: count(0, 0),
        previous: 4,
        previousYear: 2024,
      }),
    ).toBe('Ủy ban Kiểm tra Đảng ủy chưa kiểm tra, giám sát tổ chức đảng, đảng viên nào');
  });
  it('discipline by form; none reads "không có … nào"', () => {
    expect(
      disciplinePhrase({
        members: 2,
        organisations: 1,
        byForm: [
          { form: 'khiển trách', subjectKind: 'member', count: 1 },
          { form: 'cảnh cáo', subjectKind: 'member', count: 1 },
          { form: 'khiển trách', subjectKind: 'organisation', count: 1 },
          { form: 'giải tán', subjectKind: 'organisation', count: 0 },
        ],
      }),
    ).toBe(
      'thi hành kỷ luật 2 đảng viên (1 khiển trách, 1 cảnh cáo) và 1 tổ chức đảng (1 khiển trách)',
    );
    expect(disciplinePhrase({ members: 0, organisations: 0, byForm: [] })).toBe(
      'không có tổ chức đảng, đảng viên nào bị thi hành kỷ luật',
    );
  });
  it('key-task ratings before the decision are "dự kiến"', () => {
    expect(
      keyTasksSentence({ total: 6, completed: 5, excellent: 2, good: 3, provisional: true }),
    ).toBe(
      'hoàn thành 5/6 nhiệm vụ trọng tâm; trong đó, dự kiến 2 nhiệm vụ hoàn thành xuất sắc và 3 nhiệm vụ hoàn thành tốt',
    );
    // Nothing rated yet: nothing to call provisional.
    expect(
      keyTasksSentence({ total: 6, completed: 3, excellent: 0, good: 0, provisional: true }),
    ).toBe('hoàn thành 3/6 nhiệm vụ trọng tâm');
  });
});
