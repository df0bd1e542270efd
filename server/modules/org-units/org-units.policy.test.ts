import { describe, expect, it } from 'vitest';
import { childKindProblem, effectiveDateProblem } from './org-units.policy';

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
});
