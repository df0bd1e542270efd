import { describe, expect, it } from 'vitest';
import {
  checkElectionInput,
  countElection,
  type ElectionCount,
  type ElectionInput,
  electionRuleSetFor,
  votesNeeded,
} from './election';

const base = (over: Partial<ElectionInput> = {}): ElectionInput => ({
  heldOn: '2025-06-20',
  seats: 3,
  candidates: ['a', 'b', 'c', 'd'],
  majorityBase: 20,
  ballotsIssued: 20,
  ballotsReturned: 20,
  ballotsValid: 19,
  ballotsInvalid: 1,
  votes: { a: 18, b: 15, c: 12, d: 9 },
  ...over,
});

const counted = (input: ElectionInput): ElectionCount => {
  const res = countElection(input);
  if (!res.ok) throw new Error(res.errors.join('\n'));
  return res;
};
const statusOf = (res: ElectionCount) =>
  Object.fromEntries(res.candidates.map((c) => [c.id, c.status]));

describe('rule set by date (docs/domain/congresses.md)', () => {
  it('Quyết định 244-QĐ/TW from 9/6/2014, Quyết định 190-QĐ/TW from 10/10/2024; none before', () => {
    expect(electionRuleSetFor('2020-08-01')?.code).toBe('qc-244-2014');
    expect(electionRuleSetFor('2024-10-09')?.code).toBe('qc-244-2014');
    expect(electionRuleSetFor('2024-10-10')?.code).toBe('qc-190-2024');
    expect(electionRuleSetFor('2014-06-08')).toBeNull();
    const res = countElection(base({ heldOn: '2010-10-01' }));
    expect(res.ok).toBe(false);
    expect(counted(base({ heldOn: '2020-08-01' })).ruleSet.code).toBe('qc-244-2014');
    expect(counted(base()).ruleSet.code).toBe('qc-190-2024');
    expect(counted(base()).messages[0]).toContain('190-QĐ/TW');
  });
});

describe('the majority rule (Quy chế bầu cử trong Đảng, 244-QĐ/TW art. 32 §2–3; docs/domain/congresses.md)', () => {
  it('"more than half" of the majority base: 20 → 11 votes; 21 → 11 votes', () => {
    expect(votesNeeded(20)).toBe(11);
    expect(votesNeeded(21)).toBe(11);
    expect(votesNeeded(1)).toBe(1);
  });
  it('exactly half of the base is not elected', () => {
    const res = counted(base({ votes: { a: 18, b: 15, c: 10, d: 9 } }));
    expect(statusOf(res)).toEqual({
      a: 'elected',
      b: 'elected',
      c: 'not_elected',
      d: 'not_elected',
    });
    expect(res.candidates.find((c) => c.id === 'c')?.overHalf).toBe(false);
  });
  it('the base is the members convened, not the valid ballots: 10 of 19 valid ballots with a base of 20 is not elected', () => {
    const res = counted(base({ votes: { a: 18, b: 15, c: 10, d: 0 } }));
    const c = res.candidates.find((x) => x.id === 'c');
    expect(c?.shareOfValid).toBeGreaterThan(0.5);
    expect(c?.status).toBe('not_elected');
  });
  it('more pass than seats: the highest votes win', () => {
    const res = counted(base({ votes: { a: 17, b: 13, c: 12, d: 14 } }));
    expect(res.elected).toEqual(['a', 'd', 'b']);
    expect(statusOf(res).c).toBe('not_elected');
    expect(res.seatsLeft).toBe(0);
    expect(res.furtherRound).toBeNull();
  });
  it('one seat, one candidate (bí thư): 11 of a base of 21 is elected, 10 of 20 is not', () => {
    const one = (votes: number, majorityBase: number) =>
      counted({
        heldOn: '2025-06-20',
        seats: 1,
        candidates: ['x'],
        majorityBase,
        ballotsIssued: majorityBase,
        ballotsReturned: majorityBase,
        ballotsValid: majorityBase,
        ballotsInvalid: 0,
        votes: { x: votes },
      });
    expect(one(11, 21).elected).toEqual(['x']);
    expect(one(10, 20).elected).toEqual([]);
    expect(one(10, 20).furtherRound).toMatchObject({ reason: 'shortfall', among: ['x'] });
  });
  it('shares of valid ballots and of the base', () => {
    const res = counted(base());
    const a = res.candidates.find((x) => x.id === 'a');
    expect(a?.shareOfValid).toBeCloseTo(18 / 19);
    expect(a?.shareOfBase).toBeCloseTo(18 / 20);
  });
});

describe('ties at the cut-off (Quy chế bầu cử trong Đảng, docs/domain/congresses.md)', () => {
  it('two over half tie for the last seat: both tied, a further vote among them for one seat', () => {
    const res = counted(base({ votes: { a: 18, b: 15, c: 12, d: 12 } }));
    expect(statusOf(res)).toEqual({ a: 'elected', b: 'elected', c: 'tied', d: 'tied' });
    expect(res.seatsFilled).toBe(2);
    expect(res.seatsLeft).toBe(1);
    expect(res.furtherRound).toMatchObject({ reason: 'tie', seats: 1, among: ['c', 'd'] });
    expect(res.furtherRound?.message).toContain('bầu lại');
  });
  it('a tie that fits the seats left is no tie: all elected', () => {
    const res = counted(base({ votes: { a: 18, b: 12, c: 12, d: 9 } }));
    expect(res.elected).toEqual(['a', 'b', 'c']);
    expect(res.furtherRound).toBeNull();
  });
  it('a tie below the majority does not matter', () => {
    const res = counted(base({ votes: { a: 18, b: 15, c: 12, d: 12 }, seats: 4 }));
    expect(res.elected).toHaveLength(4);
  });
});

describe('fewer pass than seats (244-QĐ/TW art. 20 §2: "bầu tiếp", the congress decides; docs/domain/congresses.md)', () => {
  it('nobody over half: no one elected, a further round for every seat among all candidates', () => {
    const res = counted(base({ votes: { a: 10, b: 9, c: 8, d: 7 } }));
    expect(res.elected).toEqual([]);
    expect(res.furtherRound).toMatchObject({
      reason: 'shortfall',
      seats: 3,
      among: ['a', 'b', 'c', 'd'],
      congressDecides: true,
    });
  });
  it('two of three seats filled: one seat left among the others', () => {
    const res = counted(base({ votes: { a: 18, b: 15, c: 9, d: 9 } }));
    expect(res.seatsFilled).toBe(2);
    expect(res.furtherRound).toMatchObject({ reason: 'shortfall', seats: 1, among: ['c', 'd'] });
  });
  it('blank ballots (valid, voting for no one) count in the valid ballots and give no votes', () => {
    const res = counted(
      base({
        ballotsValid: 20,
        ballotsInvalid: 0,
        votes: { a: 11, b: 11, c: 5, d: 0 },
      }),
    );
    expect(res.elected).toEqual(['a', 'b']);
    expect(res.candidates.find((c) => c.id === 'a')?.shareOfValid).toBeCloseTo(11 / 20);
  });
});

describe('inconsistent figures are refused with Vietnamese messages (docs/domain/congresses.md)', () => {
  it('valid + invalid must equal returned; returned ≤ issued', () => {
    const errors = checkElectionInput(base({ ballotsValid: 18, ballotsReturned: 20 }));
    expect(errors.join(' ')).toContain('phải bằng số phiếu thu vào');
    const more = checkElectionInput(
      base({ ballotsIssued: 19, ballotsReturned: 20, ballotsValid: 19 }),
    );
    expect(more.join(' ')).toContain('nhiều hơn số phiếu phát ra');
  });
  it("a candidate's votes ≤ valid ballots; total ≤ valid × seats", () => {
    const res = countElection(base({ votes: { a: 20, b: 19, c: 19, d: 19 } }));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors.join(' ')).toContain('nhiều hơn số phiếu hợp lệ (19)');
    expect(res.errors.join(' ')).toContain('19 × 3 = 57');
  });
  it('missing, negative, unknown candidates and duplicate names', () => {
    const errors = checkElectionInput(
      base({ candidates: ['a', 'a', 'b'], votes: { a: 1, b: -1, x: 3 } }),
    );
    expect(errors.join(' ')).toContain('hai lần');
    expect(errors.join(' ')).toContain('"b" phải là số nguyên không âm');
    expect(errors.join(' ')).toContain('"x" có số phiếu nhưng không có trong danh sách');
  });
  it('seats, base and ballots must be counts', () => {
    const errors = checkElectionInput(base({ seats: 0, majorityBase: 0 }));
    expect(errors.join(' ')).toContain('Số lượng cần bầu');
    expect(errors.join(' ')).toContain('phải lớn hơn 0');
  });
});
