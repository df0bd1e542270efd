import { describe, expect, it } from 'vitest';
import { ambiguousNames, unitPathLabel } from './unit-path';

describe('unit paths', () => {
  it('joins the names from the top of the scope down', () => {
    expect(unitPathLabel(['Đảng bộ Sở Y tế'], 'Chi bộ Phòng Nghiệp vụ Y')).toBe(
      'Đảng bộ Sở Y tế › Chi bộ Phòng Nghiệp vụ Y',
    );
    expect(unitPathLabel([], 'Đảng bộ Sở Y tế')).toBe('Đảng bộ Sở Y tế');
  });

  it('finds the names that belong to more than one unit', () => {
    const names = ambiguousNames([
      { id: 1, name: 'Chi bộ Phòng Nghiệp vụ 1' },
      { id: 2, name: 'Chi bộ Phòng Nghiệp vụ 1' },
      { id: 2, name: 'Chi bộ Phòng Nghiệp vụ 1' },
      { id: 3, name: 'Chi bộ Phòng Nghiệp vụ Y' },
      { id: 3, name: 'Chi bộ Phòng Nghiệp vụ Y' },
    ]);
    expect([...names]).toEqual(['Chi bộ Phòng Nghiệp vụ 1']);
  });
});
