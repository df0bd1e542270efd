import { describe, expect, it } from 'vitest';
import { type TargetTextInput, targetText } from './target-text';

// Part 2 of the annual report ("Các chỉ tiêu chủ yếu") lists the targets as congress resolutions and
// annual plans write them (docs/domain/targets.md): the figure inside the sentence, "trở lên" only once
// and never after 100%.
describe('targets read as people write them (Part 2 "Các chỉ tiêu chủ yếu")', () => {
  it.each<[string, TargetTextInput, string]>([
    [
      'a count with a verb takes its figure after the verb: "kết nạp 120 đảng viên mới trở lên"',
      { title: 'Kết nạp đảng viên mới', comparator: 'gte', threshold: 120, unit: 'count' },
      'kết nạp 120 đảng viên mới trở lên',
    ],
    [
      'an exact count has no "trở lên"',
      { title: 'Kết nạp đảng viên mới', comparator: 'eq', threshold: 1200, unit: 'count' },
      'kết nạp 1.200 đảng viên mới',
    ],
    [
      'a ceiling reads "không quá" before the subject',
      { title: 'Đảng viên bị kỷ luật', comparator: 'lte', threshold: 2, unit: 'count' },
      'không quá 2 đảng viên bị kỷ luật',
    ],
    [
      'a share at least 90% of a subject: "90% trở lên …"',
      {
        title: 'Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ',
        comparator: 'gte',
        threshold: 90,
        unit: 'percent',
      },
      '90% trở lên tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ',
    ],
    [
      'a title already ending in "trở lên" gets no second one: "ít nhất 90% … trở lên"',
      {
        title: 'Đảng viên hoàn thành tốt nhiệm vụ trở lên',
        comparator: 'gte',
        threshold: 90,
        unit: 'percent',
      },
      'ít nhất 90% đảng viên hoàn thành tốt nhiệm vụ trở lên',
    ],
    [
      '"100% trở lên" is impossible: ≥ 100% reads "100%"',
      {
        title: 'Chi bộ, đảng bộ cơ sở tổ chức quán triệt, xây dựng chương trình hành động',
        comparator: 'gte',
        threshold: 100,
        unit: 'percent',
      },
      '100% chi bộ, đảng bộ cơ sở tổ chức quán triệt, xây dựng chương trình hành động',
    ],
    [
      '100% after a verb: "hoàn thành 100% nhiệm vụ trọng tâm"',
      {
        title: 'Hoàn thành nhiệm vụ trọng tâm',
        comparator: 'gte',
        threshold: 100,
        unit: 'percent',
      },
      'hoàn thành 100% nhiệm vụ trọng tâm',
    ],
    [
      'a percentage ceiling with one decimal',
      { title: 'Đảng viên bị xử lý kỷ luật', comparator: 'lte', threshold: 0.5, unit: 'percent' },
      'không quá 0,5% đảng viên bị xử lý kỷ luật',
    ],
    [
      'an amount in đồng',
      { title: 'Thu đảng phí', comparator: 'eq', threshold: 1500000, unit: 'amount' },
      'thu đảng phí 1.500.000 đồng',
    ],
    [
      'a title that states its figure is printed as the office wrote it',
      { title: 'Kết nạp 330 đảng viên mới.', comparator: 'gte', threshold: 330, unit: 'count' },
      'kết nạp 330 đảng viên mới',
    ],
    [
      'a title with "90% trở lên … trở lên" as congresses write it is kept',
      {
        title: '90% trở lên tổ chức cơ sở đảng và đảng viên hoàn thành tốt nhiệm vụ trở lên',
        comparator: 'gte',
        threshold: 90,
        unit: 'percent',
      },
      '90% trở lên tổ chức cơ sở đảng và đảng viên hoàn thành tốt nhiệm vụ trở lên',
    ],
    [
      'a count written with its thousands dot is recognised as stated',
      {
        title: 'Kết nạp 1.450 đảng viên mới trong nhiệm kỳ',
        comparator: 'gte',
        threshold: 1450,
        unit: 'count',
      },
      'kết nạp 1.450 đảng viên mới trong nhiệm kỳ',
    ],
    [
      'another number in the title (a resolution’s) is not the figure: "100% … 18-KL/TU"',
      {
        title:
          'Chi bộ, đảng bộ cơ sở tổ chức quán triệt, xây dựng và triển khai chương trình hành động thực hiện Kết luận số 18-KL/TU',
        comparator: 'gte',
        threshold: 100,
        unit: 'percent',
      },
      '100% chi bộ, đảng bộ cơ sở tổ chức quán triệt, xây dựng và triển khai chương trình hành động thực hiện Kết luận số 18-KL/TU',
    ],
  ])('%s', (_, input, text) => {
    expect(targetText(input)).toBe(text);
  });

  it('never prints "100% trở lên" nor "trở lên" twice, whatever the title', () => {
    const titles = [
      'Kết nạp đảng viên mới',
      'Đảng viên hoàn thành tốt nhiệm vụ trở lên',
      'Tổ chức cơ sở đảng trong sạch, vững mạnh',
      'Hoàn thành nhiệm vụ trọng tâm',
    ];
    for (const title of titles)
      for (const threshold of [50, 90, 100])
        for (const unit of ['count', 'percent'] as const) {
          const text = targetText({ title, comparator: 'gte', threshold, unit });
          expect(text).not.toMatch(/100% trở lên/u);
          expect(text.match(/trở lên/gu)?.length ?? 0).toBeLessThanOrEqual(1);
          expect(text).not.toContain(':');
        }
  });
});
