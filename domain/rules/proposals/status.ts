// The state of a proposal or recommendation (đề xuất, kiến nghị) in the register (docs/domain/proposals.md):
// only "answered" and "withdrawn" are stored; "received", "assigned" and "overdue" follow from the
// record and today's date, so a proposal becomes overdue the day after its deadline without a write.
// Pure.

export const proposalStates = ['received', 'assigned', 'overdue', 'answered', 'withdrawn'] as const;
export type ProposalState = (typeof proposalStates)[number];

export const proposalStateLabels: Record<ProposalState, string> = {
  received: 'Mới tiếp nhận',
  assigned: 'Đã giao xử lý',
  overdue: 'Quá hạn trả lời',
  answered: 'Đã trả lời',
  withdrawn: 'Đã rút',
};

export type ProposalFacts = {
  /** The stored status: open | answered | withdrawn. */
  status: string;
  assigneeOrgUnitId: number | null;
  addressee: string | null;
  dueOn: string | null;
};

/**
 * Answered and withdrawn are final. An open proposal past its deadline (the deadline day itself is
 * still in time) is overdue; one with a body to answer it or a deadline is assigned; else received.
 */
export const proposalState = (p: ProposalFacts, today: string): ProposalState => {
  if (p.status === 'answered') return 'answered';
  if (p.status === 'withdrawn') return 'withdrawn';
  if (p.dueOn && p.dueOn < today) return 'overdue';
  if (p.assigneeOrgUnitId !== null || p.dueOn) return 'assigned';
  return 'received';
};

/** The SQL-side counterpart's states that count as still waiting for an answer. */
export const isOpenState = (s: ProposalState): boolean =>
  s === 'received' || s === 'assigned' || s === 'overdue';
