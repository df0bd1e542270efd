// The pure parts of the coverage figures: which day the tree is read on, what counts as late, and
// the report's sentences ("139 against 120" style numbers, Vietnamese formats).
import { describe, expect, it } from 'vitest';
import { monthEnd, monthsBetween } from '../meetings';
import { type CoverageUnitRow, coverageSentences, summarise, treeDateOf } from './coverage.queries';

const plan = {
  resolution_id: 1,
  number: '57-NQ/TW',
  study_deadline: '2025-03-15',
  action_programme_required: true,
  action_programme_deadline: '2025-03-31',
  tree_date: '2025-03-15',
};
const unit = (
  id: number,
  held_on: string | null,
  ap_on: string | null = null,
): CoverageUnitRow => ({
  id,
  name: `Chi bộ ${id}`,
  kind: 'cell',
  path: `1.2.${id}`,
  held_on,
  invited: held_on ? 10 : 0,
  attended: held_on ? 9 : 0,
  ap_on,
});

describe('dissemination coverage', () => {
  it('reads the tree on the deadline, or on the as-of date when it is earlier', () => {
    expect(treeDateOf('2025-03-15', '2026-01-01')).toBe('2025-03-15');
    expect(treeDateOf('2025-03-15', '2025-02-01')).toBe('2025-02-01');
  });

  it('counts held, late and action programmes', () => {
    const s = summarise(plan, [
      unit(1, '2025-03-01', '2025-03-20'),
      unit(2, '2025-03-16'),
      unit(3, null),
    ]);
    expect(s).toEqual({
      required: 3,
      held: 2,
      heldLate: 1,
      actionProgrammes: 1,
      invited: 20,
      attended: 18,
    });
  });

  it('writes the report sentences with Vietnamese numbers', () => {
    const s = summarise(plan, [
      unit(1, '2025-03-01', '2025-03-20'),
      unit(2, '2025-03-02'),
      unit(3, null),
    ]);
    expect(coverageSentences(s, plan, { members: 1234, reflections: 1000 })).toEqual([
      '2/3 (66,7%) chi bộ, đảng bộ cơ sở đã tổ chức quán triệt, học tập',
      '1/3 (33,3%) chi bộ, đảng bộ cơ sở đã ban hành chương trình hành động, kế hoạch thực hiện',
      '18/20 lượt đảng viên được triệu tập đã dự học tập (90,0%)',
      '1.000/1.234 đảng viên đã viết bài thu hoạch (81,0%)',
    ]);
    expect(
      coverageSentences(
        { ...s, required: 0, held: 0, invited: 0 },
        { action_programme_required: false },
        { members: 0, reflections: 0 },
      ),
    ).toEqual(['0/0 chi bộ, đảng bộ cơ sở đã tổ chức quán triệt, học tập']);
  });
});

describe('months for attendance', () => {
  it('lists the months of a period and their last days', () => {
    expect(monthsBetween('2025-11-10', '2026-02-01')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2025-12')).toBe('2025-12-31');
  });
});
