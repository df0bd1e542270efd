import { describe, expect, it } from 'vitest';
import { periodRange, twoConsecutiveKhtnv } from './special-cases';

// Rules and sources: docs/domain/evaluation.md, docs/domain/members.md (removal).
describe('two consecutive KHTNV years (docs/domain/evaluation.md: "counts as 2 năm liền vi phạm tư cách đảng viên, a ground for removal", 24-QĐ/TW art. 8)', () => {
  it('flags 2024 and 2025 both KHTNV', () => {
    const res = twoConsecutiveKhtnv({ 2023: 'HTNV', 2024: 'KHTNV', 2025: 'KHTNV' });
    expect(res.flagged).toBe(true);
    expect(res.years).toEqual([2024, 2025]);
    expect(res.reason).toContain('xóa tên');
  });
  it('does not flag KHTNV years with a year between them, rated or not', () => {
    expect(twoConsecutiveKhtnv({ 2022: 'KHTNV', 2023: 'HTNV', 2024: 'KHTNV' }).flagged).toBe(false);
    expect(twoConsecutiveKhtnv({ 2022: 'KHTNV', 2023: 'not_rated', 2024: 'KHTNV' }).flagged).toBe(
      false,
    );
    expect(twoConsecutiveKhtnv({ 2022: 'KHTNV', 2024: 'KHTNV' }).flagged).toBe(false);
  });
});

describe('evaluation periods', () => {
  it('a quarter runs from its first to its last day', () => {
    expect(periodRange({ year: 2026, cycle: 'quarter', quarter: 1 })).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(periodRange({ year: 2026, cycle: 'quarter', quarter: 2 }).to).toBe('2026-06-30');
  });
});
