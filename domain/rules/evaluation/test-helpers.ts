// Builders for the evaluation tests (not shipped anywhere else).
import { defaultFrameworks366, type Framework366 } from './frameworks-366';
import type { CollectiveFacts, MemberFacts, TaskFacts } from './levels';

/** Item points adding up to `total`: the common group first, then the task items in order. */
export const scoresFor = (total: number, code = 'PL4'): Record<string, number> => {
  const framework = defaultFrameworks366.find((f) => f.code === code) as Framework366;
  const out: Record<string, number> = {};
  let left = Math.round(total * 100);
  for (const group of framework.groups)
    for (const item of group.items) {
      const v = Math.min(item.maxPoints * 100, left);
      out[item.code] = v / 100;
      left -= v;
    }
  return out;
};

export const tasks = (over: Partial<TaskFacts> = {}): TaskFacts => ({
  total: 10,
  onTime: 10,
  exceeded: 3,
  late: 0,
  ...over,
});

export const member = (over: Partial<MemberFacts> = {}): MemberFacts => ({
  kind: 'member',
  role: 'staff',
  period: { year: 2025, cycle: 'year' },
  admittedOn: '2010-05-19',
  tasks: tasks(),
  scores: scoresFor(95),
  ...over,
});

export const collective = (over: Partial<CollectiveFacts> = {}): CollectiveFacts => ({
  kind: 'grassroots_organisation',
  period: { year: 2025, cycle: 'year' },
  establishedOn: '2015-01-01',
  tasks: tasks(),
  scores: scoresFor(95, 'PL1'),
  ...over,
});
