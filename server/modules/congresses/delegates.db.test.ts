// Delegates to a congress of delegates through the API: allocation per lower unit, the delegates a
// lower congress elected taken in (never more than allocated), ex-officio delegates, the
// credentials check and its counts (server/modules/congresses/README.md "Delegates").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { congressIn, congressRoundIn, fullMembersOn } from '../../test/builders/congress-elections';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
let office: Session;
let coso: Session;
let upperCongress: number;
let lowerCongress: number;
let membersCongress: number;
let people: { id: number; full_name: string }[];
const HELD = '2025-06-20';

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  const round = await congressRoundIn(t.db, f.upperId);
  upperCongress = await congressIn(t.db, round, f.upperId, {
    kind: 'delegates',
    level: 'upper',
    heldOn: '2025-08-10',
    summoned: 150,
  });
  lowerCongress = await congressIn(t.db, round, f.committeeId);
  membersCongress = await congressIn(t.db, round, f.otherCommitteeId);
  people = await fullMembersOn(t.db, f.committeeId, HELD, 5);
  office = await loginAs(t.app, 'vanphong');
  coso = await loginAs(t.app, 'coso');
  // The grassroots congress elects four delegates to the upper congress.
  const res = await coso.post(`/api/congresses/${lowerCongress}/elections`, {
    body: 'delegates',
    heldOn: HELD,
    seats: 4,
    majorityBase: 20,
    ballotsIssued: 20,
    ballotsReturned: 20,
    ballotsValid: 20,
    ballotsInvalid: 0,
    candidates: [18, 17, 16, 15, 3].map((votes, i) => ({ memberId: people[i]!.id, votes })),
  });
  if (res.statusCode !== 200) throw new Error(res.body);
}, 120_000);
afterAll(async () => t?.close());

const base = (id = upperCongress) => `/api/congresses/${id}/delegates`;

describe('delegates of a congress of delegates (README.md "Delegates")', () => {
  it('allocations go to units below the congress, only for a congress of delegates', async () => {
    const own = await office.put(`${base()}/allocations`, {
      allocations: [{ fromOrgUnitId: f.upperId, seats: 3 }],
    });
    expect(own.statusCode).toBe(400);
    const members = await office.put(`${base(membersCongress)}/allocations`, {
      allocations: [{ fromOrgUnitId: f.cellId, seats: 3 }],
    });
    expect(members.statusCode).toBe(400);
    expect(members.json().message).toContain('đại hội đảng viên');
    const ok = await office.put(`${base()}/allocations`, {
      allocations: [{ fromOrgUnitId: f.committeeId, seats: 2, alternates: 1 }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('more elected delegates than the allocation are refused with a Vietnamese message', async () => {
    const res = await office.post(`${base()}/elected`, { fromOrgUnitId: f.committeeId });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('không được vượt số được phân bổ');
  });

  it('the elected delegates are taken in, highest votes first, then the alternates', async () => {
    const grow = await office.put(`${base()}/allocations`, {
      allocations: [{ fromOrgUnitId: f.committeeId, seats: 3, alternates: 1 }],
    });
    expect(grow.statusCode).toBe(200);
    const res = await office.post(`${base()}/elected`, { fromOrgUnitId: f.committeeId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().added).toBe(4);
    const board = (await office.get(base())).json();
    const unit = board.units.find((u: { orgUnitId: number }) => u.orgUnitId === f.committeeId);
    expect(unit).toMatchObject({ seats: 3, alternates: 1, elected: 3, electedAlternates: 1 });
    const alternate = unit.delegates.find((d: { isAlternate: boolean }) => d.isAlternate);
    expect(alternate.memberId).toBe(people[3]!.id);
    expect(unit.delegates.every((d: { electionId: number | null }) => d.electionId)).toBe(true);
    expect(unit.hasElectedToImport).toBe(false);
  });

  it('the allocation cannot shrink below the elected delegates', async () => {
    const res = await office.put(`${base()}/allocations`, {
      allocations: [{ fromOrgUnitId: f.committeeId, seats: 2, alternates: 1 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('vượt số được phân bổ');
  });

  it('ex-officio delegates are added by hand; a member twice is refused', async () => {
    const other = await fullMembersOn(t.db, f.otherCommitteeId, HELD, 1);
    const res = await office.post(base(), {
      memberId: other[0]!.id,
      fromOrgUnitId: f.upperId,
      kind: 'ex_officio',
    });
    expect(res.statusCode, res.body).toBe(200);
    const twice = await office.post(base(), {
      memberId: people[0]!.id,
      fromOrgUnitId: f.committeeId,
      kind: 'appointed',
    });
    expect(twice.statusCode).toBe(400);
  });

  it('the credentials committee marks delegates; a rejection needs its reason; the counts follow', async () => {
    const board = (await office.get(base())).json();
    const unit = board.units.find((u: { orgUnitId: number }) => u.orgUnitId === f.committeeId);
    const [a, b] = unit.delegates;
    const noReason = await office.put(`${base()}/${a.id}/credentials`, {
      status: 'rejected',
      version: a.version,
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await office.put(`${base()}/${a.id}/credentials`, {
      status: 'rejected',
      note: 'Đang bị đình chỉ sinh hoạt đảng.',
      version: a.version,
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const stale = await office.put(`${base()}/${a.id}/credentials`, {
      status: 'accepted',
      version: a.version,
    });
    expect(stale.statusCode).toBe(409);
    const accepted = await office.put(`${base()}/${b.id}/credentials`, {
      status: 'accepted',
      version: b.version,
    });
    expect(accepted.statusCode).toBe(200);
    const after = (await office.get(base())).json();
    expect(after.totals).toMatchObject({
      seats: 3,
      alternates: 1,
      delegates: 5,
      elected: 4,
      accepted: 1,
      rejected: 1,
      pending: 3,
    });
  });

  it('an election whose elected are delegates upstairs is no longer edited', async () => {
    const list = (await coso.get(`/api/congresses/${lowerCongress}/elections`)).json();
    const e = list.items[0];
    const res = await coso.delete(`/api/congresses/${lowerCongress}/elections/${e.id}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('đại biểu dự đại hội cấp trên');
  });

  it('scope: the upper congress is not found for the grassroots office', async () => {
    expect((await coso.get(base())).statusCode).toBe(404);
    const res = await coso.put(`${base()}/allocations`, { allocations: [] });
    expect(res.statusCode).toBe(404);
  });
});
