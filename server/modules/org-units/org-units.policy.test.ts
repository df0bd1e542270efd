import { describe, expect, it } from 'vitest';
import { beforeParentProblem, childKindProblem, effectiveDateProblem } from './org-units.policy';

describe('organisation tree rules', () => {
  it('puts cells under a grassroots committee but not under a grassroots cell', () => {
    expect(childKindProblem('grassroots_committee', 'cell')).toBeNull();
    expect(childKindProblem('grassroots_cell', 'cell')).toMatch(/không thể trực thuộc/);
    expect(childKindProblem('upper_committee', 'grassroots_cell')).toBeNull();
    expect(childKindProblem('upper_committee', 'cell')).not.toBeNull();
  });

  it('refuses restructuring dated in the future or before the last change', () => {
    expect(effectiveDateProblem('2026-01-02', '2025-07-01', '2026-01-01')).toMatch(
      /sau ngày hôm nay/,
    );
    expect(effectiveDateProblem('2025-06-30', '2025-07-01', '2026-01-01')).toMatch(/01\/07\/2025/);
    expect(effectiveDateProblem('2025-07-01', '2025-07-01', '2026-01-01')).toBeNull();
  });

  it("refuses a unit dated before its parent was established, on the parent's day it is accepted", () => {
    const parent = { name: 'Đảng bộ các cơ quan Đảng tỉnh', established_on: '2025-02-01' };
    expect(beforeParentProblem('2015-06-01', parent)).toBe(
      'Đảng bộ các cơ quan Đảng tỉnh thành lập ngày 01/02/2025: tổ chức trực thuộc không thể có hiệu lực từ ngày 01/06/2015, trước khi tổ chức cấp trên được thành lập.',
    );
    expect(beforeParentProblem('2025-02-01', parent)).toBeNull();
  });
});
