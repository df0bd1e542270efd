import { describe, expect, it } from 'vitest';
import {
  compareVietnameseNames,
  formatDate,
  formatDateLong,
  formatNumber,
  formatPercent,
  givenNameOf,
  normalizeText,
  toSearchKey,
} from './vietnamese';

describe('Vietnamese text', () => {
  it('folds diacritics, case and đ for search', () => {
    expect(toSearchKey('Nguyễn Văn Hưng')).toBe('nguyen van hung');
    expect(toSearchKey('ĐẶNG Thị Đào')).toBe('dang thi dao');
  });

  it('treats decomposed (NFD) input like composed text', () => {
    const nfd = 'Hoàng Thị Thủy'.normalize('NFD');
    expect(normalizeText(nfd)).toBe('Hoàng Thị Thủy'.normalize('NFC'));
    expect(toSearchKey(nfd)).toBe('hoang thi thuy');
  });

  it('sorts people by given name first, with Vietnamese letter order', () => {
    const names = ['Trần Văn Đức', 'Nguyễn Thị An', 'Lê Văn Dũng', 'Hoàng Văn Ân', 'Phạm Thị Ánh'];
    expect([...names].sort(compareVietnameseNames)).toEqual([
      'Nguyễn Thị An',
      'Phạm Thị Ánh',
      'Hoàng Văn Ân',
      'Lê Văn Dũng',
      'Trần Văn Đức',
    ]);
    expect(givenNameOf(' Lường  Văn   Tú ')).toBe('Tú');
  });

  it('formats numbers, percentages and dates as Vietnamese documents do', () => {
    expect(formatNumber(6234)).toBe('6.234');
    expect(formatPercent((139 - 120) / 120)).toBe('15,8%');
    expect(formatDate('2025-12-05')).toBe('05/12/2025');
    expect(formatDateLong('2025-12-05')).toBe('ngày 05 tháng 12 năm 2025');
  });
});
