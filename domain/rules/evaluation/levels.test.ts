import { describe, expect, it } from 'vitest';
import {
  compareLevels,
  isGoodOrBetter,
  minLevel,
  qualityLevelLabels,
  qualityLevels,
} from './levels';

describe('quality levels (docs/domain/evaluation.md, the same in 132, 124 and 366)', () => {
  it('"HTXSNV Hoàn thành xuất sắc nhiệm vụ … KHTNV Không hoàn thành nhiệm vụ", best first', () => {
    expect(qualityLevels).toEqual(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV']);
    expect(qualityLevelLabels.HTXSNV).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(qualityLevelLabels.KHTNV).toBe('Không hoàn thành nhiệm vụ');
    expect(compareLevels('HTXSNV', 'HTTNV')).toBeGreaterThan(0);
    expect(compareLevels('HTNV', 'KHTNV')).toBeGreaterThan(0);
  });
  it('"hoàn thành tốt nhiệm vụ trở lên" is HTTNV or HTXSNV', () => {
    expect(qualityLevels.filter(isGoodOrBetter)).toEqual(['HTXSNV', 'HTTNV']);
  });
  it('a cap keeps the lower level', () => {
    expect(minLevel('HTXSNV', 'HTNV')).toBe('HTNV');
    expect(minLevel('KHTNV', 'HTNV')).toBe('KHTNV');
  });
});
