import { describe, expect, it } from 'vitest';
import { targetProgress } from './progress';

describe('target progress phrasing (year-end report wording)', () => {
  it('139 admitted against 120 is "vượt 15,8% chỉ tiêu"', () => {
    expect(targetProgress(139, 120)).toEqual({
      ratio: 139 / 120,
      difference: 19,
      phrase: 'vượt 15,8% chỉ tiêu',
    });
  });
  it('105 against 120 is "đạt 87,5% chỉ tiêu"', () => {
    expect(targetProgress(105, 120).phrase).toBe('đạt 87,5% chỉ tiêu');
    expect(targetProgress(105, 120).difference).toBe(-15);
  });
  it('exactly on target, zero achieved, doubled', () => {
    expect(targetProgress(120, 120).phrase).toBe('đạt 100% chỉ tiêu');
    expect(targetProgress(0, 120).phrase).toBe('đạt 0% chỉ tiêu');
    expect(targetProgress(240, 120).phrase).toBe('vượt 100% chỉ tiêu');
  });
  it('no target, or a zero target, never divides', () => {
    expect(targetProgress(5, null)).toEqual({
      ratio: null,
      difference: null,
      phrase: 'chưa giao chỉ tiêu',
    });
    expect(targetProgress(3, 0).ratio).toBeNull();
  });
});
