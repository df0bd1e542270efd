import { describe, expect, it } from 'vitest';
import { proposalState } from './status';

const open = { status: 'open', assigneeOrgUnitId: null, addressee: null, dueOn: null };

describe('proposal state (docs/domain/proposals.md)', () => {
  it('a proposal nobody was asked to answer is just received', () => {
    expect(proposalState(open, '2026-05-01')).toBe('received');
  });
  it('with a body to answer or a deadline it is assigned', () => {
    expect(proposalState({ ...open, assigneeOrgUnitId: 3 }, '2026-05-01')).toBe('assigned');
    expect(proposalState({ ...open, dueOn: '2026-05-10' }, '2026-05-01')).toBe('assigned');
  });
  it('the deadline day is still in time; the day after it is overdue', () => {
    const p = { ...open, assigneeOrgUnitId: 3, dueOn: '2026-05-10' };
    expect(proposalState(p, '2026-05-10')).toBe('assigned');
    expect(proposalState(p, '2026-05-11')).toBe('overdue');
  });
  it('answered and withdrawn are final, whatever the deadline', () => {
    expect(proposalState({ ...open, status: 'answered', dueOn: '2020-01-01' }, '2026-05-01')).toBe(
      'answered',
    );
    expect(proposalState({ ...open, status: 'withdrawn', dueOn: '2020-01-01' }, '2026-05-01')).toBe(
      'withdrawn',
    );
  });
});
