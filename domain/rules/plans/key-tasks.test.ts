import { describe, expect, it } from 'vitest';
import { keyTaskSummary, taskFacts, taskTimeliness, timelinessLabel } from './key-tasks';

describe('key tasks', () => {
  it('says whether a task finished ahead, on time or late, and by how many days', () => {
    expect(taskTimeliness('2026-06-30', '2026-06-20', '2026-12-31')).toEqual({
      kind: 'ahead',
      days: 10,
    });
    expect(taskTimeliness('2026-06-30', '2026-06-30', '2026-12-31')).toEqual({
      kind: 'on_time',
      days: 0,
    });
    expect(taskTimeliness('2026-06-30', '2026-07-03', '2026-12-31')).toEqual({
      kind: 'late',
      days: 3,
    });
    expect(taskTimeliness('2026-06-30', null, '2026-07-02')).toEqual({ kind: 'overdue', days: 2 });
    expect(timelinessLabel(taskTimeliness('2026-06-30', null, '2026-06-01'))).toBe('Còn 29 ngày');
    expect(timelinessLabel({ kind: 'late', days: 3 })).toBe('Chậm 3 ngày');
  });

  it('gives the evaluation engine on-time, late, exceeded and completed counts', () => {
    const facts = taskFacts(
      [
        {
          deadline: '2026-03-31',
          status: 'completed',
          completedOn: '2026-03-01',
          exceededPercent: 15,
        },
        {
          deadline: '2026-06-30',
          status: 'completed',
          completedOn: '2026-07-10',
          exceededPercent: 0,
        },
        { deadline: '2026-09-30', status: 'in_progress', completedOn: null, exceededPercent: null },
        // Completed after the review date: not counted yet.
        {
          deadline: '2026-12-31',
          status: 'completed',
          completedOn: '2026-12-20',
          exceededPercent: 5,
        },
      ],
      '2026-12-15',
    );
    expect(facts).toEqual({ total: 4, onTime: 1, late: 1, exceeded: 1, completed: 2 });
  });

  it('writes the year-end sentence "hoàn thành 6/6 nhiệm vụ trọng tâm; 2 xuất sắc, 4 tốt"', () => {
    expect(keyTaskSummary(6, 6, { excellent: 2, good: 4 })).toBe(
      'hoàn thành 6/6 nhiệm vụ trọng tâm; 2 xuất sắc, 4 tốt',
    );
    expect(keyTaskSummary(3, 1, {})).toBe('hoàn thành 1/3 nhiệm vụ trọng tâm');
  });
});
