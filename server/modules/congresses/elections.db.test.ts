// Elections of a congress through the API: the counting rule stored per candidate, re-votes, the
// upper level's approval opening the committee positions, scope (docs/domain/congresses.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../db/client';
import { congressIn, congressRoundIn, fullMembersOn } from '../../test/builders/congress-elections';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
let office: Session; // vanphong: the bloc's office, upper level of the grassroots committee
let coso: Session; // the grassroots committee's own office
let bithu: Session;
let congressId: number;
let otherCongressId: number;
let people: { id: number; full_name: string }[];

const HELD = '2025-06-20';
const ballots = {
  majorityBase: 20,
  ballotsIssued: 20,
  ballotsReturned: 20,
  ballotsValid: 19,
  ballotsInvalid: 1,
};

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  const round = await congressRoundIn(t.db, f.upperId);
  congressId = await congressIn(t.db, round, f.committeeId);
  otherCongressId = await congressIn(t.db, round, f.otherCommitteeId);
  people = await fullMembersOn(t.db, f.committeeId, HELD, 6);
  office = await loginAs(t.app, 'vanphong');
  coso = await loginAs(t.app, 'coso');
  bithu = await loginAs(t.app, 'bithu');
}, 120_000);
afterAll(async () => t?.close());

const url = (id = congressId) => `/api/congresses/${id}/elections`;
const votes = (...v: number[]) => v.map((n, i) => ({ memberId: people[i]!.id, votes: n }));

describe('docs/domain/congresses.md "Counting an election": ties and re-votes', () => {
  let round1: { id: number; version: number };
  let round2: { id: number; version: number };

  it('a tie at the cut-off leaves the tied for a further vote; the outcome is stored per candidate', async () => {
    expect(people).toHaveLength(6);
    const res = await coso.post(url(), {
      body: 'committee',
      heldOn: HELD,
      seats: 3,
      ...ballots,
      candidates: votes(18, 15, 12, 12),
    });
    expect(res.statusCode, res.body).toBe(200);
    round1 = res.json();
    const stored = await queryRows<{ member_id: number; outcome: string }>(
      t.db,
      sql`select member_id, outcome from congress_candidates where election_id = ${round1.id}
          order by id`,
    );
    expect(stored.map((s) => s.outcome)).toEqual(['elected', 'elected', 'tied', 'tied']);
    const list = (await coso.get(url())).json();
    const e = list.items[0];
    expect(e.roundNo).toBe(1);
    expect(e.votesNeeded).toBe(11);
    expect(e.furtherRound).toMatchObject({
      reason: 'tie',
      seats: 1,
      among: [people[2]!.id, people[3]!.id],
    });
    expect(e.furtherRound.message).toContain('bầu lại');
    expect(e.candidates[0].shareOfValid).toBeCloseTo(18 / 19);
    expect(list.canWrite).toBe(true);
    expect(list.canApprove).toBe(false);
  });

  it('a second first round of the same body is refused: the re-vote goes through "Bầu lại"', async () => {
    const res = await coso.post(url(), {
      body: 'committee',
      heldOn: HELD,
      seats: 3,
      ...ballots,
      candidates: votes(18, 15, 12),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Bầu lại');
  });

  it('the re-vote after a tie is among the tied only, for the seats left', async () => {
    const outsider = await coso.post(url(), {
      body: 'committee',
      revoteOf: round1.id,
      heldOn: HELD,
      seats: 1,
      ...ballots,
      candidates: [
        { memberId: people[2]!.id, votes: 10 },
        { memberId: people[4]!.id, votes: 9 },
      ],
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().message).toContain('trong số những người bằng phiếu');
    const tooMany = await coso.post(url(), {
      body: 'committee',
      revoteOf: round1.id,
      heldOn: HELD,
      seats: 2,
      ...ballots,
      candidates: [
        { memberId: people[2]!.id, votes: 14 },
        { memberId: people[3]!.id, votes: 5 },
      ],
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().message).toContain('chỉ còn 1 chỗ');
    const res = await coso.post(url(), {
      body: 'committee',
      revoteOf: round1.id,
      heldOn: HELD,
      seats: 1,
      ...ballots,
      candidates: [
        { memberId: people[2]!.id, votes: 14 },
        { memberId: people[3]!.id, votes: 5 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    round2 = res.json();
    const list = (await coso.get(url())).json();
    expect(list.items.map((e: { roundNo: number }) => e.roundNo)).toEqual([1, 2]);
    expect(list.items[0].hasLaterRound).toBe(true);
    expect(list.items[1].furtherRound).toBeNull();
    expect(list.items[1].candidates.map((c: { outcome: string }) => c.outcome)).toEqual([
      'elected',
      'not_elected',
    ]);
  });

  it('an earlier round is not edited once a later one exists', async () => {
    const res = await coso.put(`${url()}/${round1.id}`, {
      heldOn: HELD,
      seats: 3,
      ...ballots,
      candidates: votes(18, 15, 12, 11),
      version: round1.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('lần bầu cuối cùng');
  });

  it('"Approval (chuẩn y)": the unit does not approve its own congress (coso), answered 403', async () => {
    const res = await coso.post(`${url()}/${round1.id}/approve`, {
      approvedOn: '2025-06-30',
      approvalRef: '12-QĐ/ĐU',
      version: round1.version,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('cấp ủy cấp trên');
  });

  it('"Approval (chuẩn y)": the upper level approves; the elected take their committee positions from the vote', async () => {
    const list = (await office.get(url())).json();
    expect(list.canApprove).toBe(true);
    const stale = await office.post(`${url()}/${round1.id}/approve`, {
      approvedOn: '2025-06-30',
      approvalRef: '125-QĐ/ĐU',
      version: round1.version + 7,
    });
    expect(stale.statusCode).toBe(409);
    for (const r of [round1, round2]) {
      const res = await office.post(`${url()}/${r.id}/approve`, {
        approvedOn: '2025-06-30',
        approvalRef: '125-QĐ/ĐU',
        version: r.version,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const rows = await queryRows<{
      member_id: number;
      position: string;
      term_from_year: number;
      term_to_year: number;
      from_date: string;
      to_date: string | null;
      start_reason: string;
      start_decision_ref: string;
      election_id: number;
    }>(
      t.db,
      sql`select member_id, position, term_from_year, term_to_year, from_date::text as from_date,
            to_date, start_reason, start_decision_ref, election_id
          from committee_memberships where org_unit_id = ${f.committeeId} and term_from_year = 2025
          order by member_id`,
    );
    expect(rows.map((r) => r.member_id).sort()).toEqual(
      [people[0]!.id, people[1]!.id, people[2]!.id].sort(),
    );
    for (const r of rows)
      expect(r).toMatchObject({
        position: 'member',
        term_from_year: 2025,
        term_to_year: 2030,
        from_date: HELD,
        to_date: null,
        start_reason: 'elected',
        start_decision_ref: '125-QĐ/ĐU',
      });
    expect(rows.find((r) => r.member_id === people[2]!.id)?.election_id).toBe(round2.id);
    const again = await office.post(`${url()}/${round1.id}/approve`, {
      approvedOn: '2025-06-30',
      approvalRef: '125-QĐ/ĐU',
      version: round1.version + 1,
    });
    expect(again.statusCode).toBe(400);
    const audit = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'congress.election.approve'`,
    );
    expect(audit[0]!.n).toBe(2);
  });

  it('the secretary is elected from the new committee at the first session, and opens the secretary position', async () => {
    const notOnCommittee = await coso.post(url(), {
      body: 'secretary',
      atFirstSession: true,
      heldOn: HELD,
      seats: 1,
      majorityBase: 3,
      ballotsIssued: 3,
      ballotsReturned: 3,
      ballotsValid: 3,
      ballotsInvalid: 0,
      candidates: [{ memberId: people[4]!.id, votes: 3 }],
    });
    expect(notOnCommittee.statusCode).toBe(400);
    expect(notOnCommittee.json().message).toContain('không trúng cử');
    const res = await coso.post(url(), {
      body: 'secretary',
      atFirstSession: true,
      heldOn: HELD,
      seats: 1,
      majorityBase: 3,
      ballotsIssued: 3,
      ballotsReturned: 3,
      ballotsValid: 3,
      ballotsInvalid: 0,
      candidates: [{ memberId: people[0]!.id, votes: 3 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const ok = await office.post(`${url()}/${res.json().id}/approve`, {
      approvedOn: '2025-06-30',
      approvalRef: '126-QĐ/ĐU',
      version: res.json().version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().openedPositions).toBe(1);
    const rows = await queryRows<{ member_id: number }>(
      t.db,
      sql`select member_id from committee_memberships where org_unit_id = ${f.committeeId}
          and position = 'secretary' and to_date is null`,
    );
    expect(rows.map((r) => r.member_id)).toEqual([people[0]!.id]);
  });
});

describe('docs/domain/congresses.md "Counting an election": inconsistent figures are refused', () => {
  it("valid + invalid ≠ returned is answered 400 with the rule's Vietnamese message", async () => {
    const res = await coso.post(url(), {
      body: 'inspection_commission',
      heldOn: HELD,
      seats: 2,
      majorityBase: 20,
      ballotsIssued: 20,
      ballotsReturned: 20,
      ballotsValid: 18,
      ballotsInvalid: 1,
      candidates: votes(15, 12, 3),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(res.json().message).toContain(
      'Số phiếu hợp lệ (18) cộng số phiếu không hợp lệ (1) phải bằng số phiếu thu vào (20)',
    );
  });

  it('a candidate with more votes than valid ballots is named in the message', async () => {
    const res = await coso.post(url(), {
      body: 'inspection_commission',
      heldOn: HELD,
      seats: 2,
      ...ballots,
      candidates: votes(20, 12, 3),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(`đồng chí ${people[0]!.full_name}`);
    expect(res.json().message).toContain('nhiều hơn số phiếu hợp lệ (19)');
  });

  it('a candidate who is not a full member of the organisation on the day is refused', async () => {
    const outside = await queryRows<{ id: number }>(
      t.db,
      sql`select id from members where id = ${f.memberElsewhere.id}`,
    );
    const res = await coso.post(url(), {
      body: 'inspection_commission',
      heldOn: HELD,
      seats: 1,
      ...ballots,
      candidates: [{ memberId: outside[0]!.id, votes: 15 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).not.toContain(f.memberElsewhere.full_name);
  });
});

describe('scope: a congress outside the subtree is not found', () => {
  it('answers 404 to a cell secretary for the grassroots congress and to coso for another committee', async () => {
    expect((await bithu.get(url())).statusCode).toBe(404);
    expect((await coso.get(url(otherCongressId))).statusCode).toBe(404);
    const res = await coso.post(url(otherCongressId), {
      body: 'committee',
      heldOn: HELD,
      seats: 1,
      ...ballots,
      candidates: votes(15),
    });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(people[0]!.full_name);
  });
});
