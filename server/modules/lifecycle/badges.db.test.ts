// Party badges through the API under the rules of docs/domain/badges.md: the wait after a discipline
// (24-QĐ/TW point 27.3: 9 months after a cảnh cáo, then the cell's recognition) and the posthumous
// award of a deceased member (at most 12 months early).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, sql } from '../../db/client';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
let office: Session;
let ubkt: Session;

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  office = await loginAs(t.app, 'vanphong');
  ubkt = await loginAs(t.app, 'ubkt');
});
afterAll(async () => t.close());

/** A full member of the bloc with party age from within [from, to], no badge, no discipline, no event after `quietSince`. */
const memberWithPartyAge = async (from: string, to: string, quietSince: string, skip = 0) =>
  (await queryOne<{ id: number; org_unit_id: number; party_age_from: string }>(
    t.db,
    sql`select m.id, m.org_unit_id, m.party_age_from::text from members m join org_units o on o.id = m.org_unit_id
        where o.path <@ (select path from org_units where id = ${f.upperId}) and m.status = 'full'
          and m.party_age_from between ${from} and ${to} and m.id <> ${skip}
          and not exists (select 1 from badge_awards b where b.member_id = m.id)
          and not exists (select 1 from discipline_decisions d where d.member_id = m.id)
          and not exists (select 1 from inspection_case_subjects s where s.member_id = m.id)
          and not exists (select 1 from member_events e where e.member_id = m.id and e.event_date >= ${quietSince})
        order by m.id limit 1`,
  ))!;

const candidate = async (memberId: number, awardDate: string, query = '') =>
  (await office.get(`/api/lifecycle/badges?orgUnitId=${f.upperId}&awardDate=${awardDate}${query}`))
    .json()
    .items.find((i: { memberId: number }) => i.memberId === memberId);

describe('a badge after a discipline (24-QĐ/TW point 27.3)', () => {
  it('"sau … 9 tháng (đối với kỷ luật cảnh cáo) … được chi bộ công nhận": withheld on 3/2/2027 after a cảnh cáo of 1/7/2026, awarded on 19/5/2027 with the day the cell recognised the correction', async () => {
    const m = await memberWithPartyAge('1996-11-21', '1997-02-03', '2026-07-01');
    const warned = await ubkt.post('/api/inspection/discipline', {
      subjectKind: 'member',
      memberId: m.id,
      form: 'canh_cao',
      body: 'upper_inspection',
      bodyOrgUnitId: f.upperId,
      decisionNumber: '70-QĐ/UBKT',
      violation: 'Vi phạm quy định về thực hành tiết kiệm, chống lãng phí',
      violationFrom: '2026-03-01',
      decidedOn: '2026-07-01',
      announcedOn: '2026-07-03',
      vote: { members: 7, present: 7, inFavour: 7, against: 0 },
    });
    expect(warned.statusCode, warned.body).toBe(200);

    // Seven months after: the 2007 guidance's 6 months would have passed; 24-QĐ/TW waits 9.
    const february = await candidate(m.id, '2027-02-03');
    expect(february).toMatchObject({ milestone: 30, eligible: false });
    expect(february.reason).toContain('01/04/2027');
    const early = await office.post('/api/lifecycle/badges', {
      memberId: m.id,
      milestone: 30,
      awardDate: '2027-02-03',
    });
    expect(early.statusCode).toBe(400);

    const may = await candidate(m.id, '2027-05-19');
    expect(may).toMatchObject({ milestone: 30, eligible: true, needsCellRecognition: true });
    const award = {
      memberId: m.id,
      milestone: 30,
      awardDate: '2027-05-19',
      decisionNumber: '5-QĐ/ĐU',
    };
    const unrecognised = await office.post('/api/lifecycle/badges', award);
    expect(unrecognised.statusCode).toBe(400);
    expect(unrecognised.json().message).toContain('chi bộ công nhận');
    const saved = await office.post('/api/lifecycle/badges', {
      ...award,
      cellRecognizedOn: '2027-04-20',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const row = await queryOne<{ cell_recognized_on: string }>(
      t.db,
      sql`select cell_recognized_on::text from badge_awards where id = ${saved.json().id}`,
    );
    expect(row?.cell_recognized_on).toBe('2027-04-20');
  });
});

describe('posthumous award (truy tặng, 24-QĐ/TW point 27.3: at most 12 months early)', () => {
  it('lists a member who died months before 30 years of party age, requires the reason, and records the award as posthumous', async () => {
    const m = await memberWithPartyAge('1996-11-26', '1997-02-03', '2026-11-25');
    const version = (await office.get(`/api/members/${m.id}`)).json().version;
    const died = await office.post(`/api/members/${m.id}/events`, {
      kind: 'died',
      eventDate: '2026-11-25',
      version,
    });
    expect(died.statusCode, died.body).toBe(200);

    expect(await candidate(m.id, '2027-02-03')).toBeUndefined();
    const listed = await candidate(m.id, '2027-02-03', '&includePosthumous=true');
    expect(listed).toMatchObject({
      milestone: 30,
      eligible: true,
      early: true,
      posthumous: true,
      diedOn: '2026-11-25',
    });
    const award = { memberId: m.id, milestone: 30, awardDate: '2027-02-03' };
    const notMarked = await office.post('/api/lifecycle/badges', award);
    expect(notMarked.statusCode).toBe(400);
    expect(notMarked.json().message).toContain('truy tặng');
    const noReason = await office.post('/api/lifecycle/badges', { ...award, posthumous: true });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('lý do truy tặng');
    const saved = await office.post('/api/lifecycle/badges', {
      ...award,
      posthumous: true,
      reason: 'Từ trần ngày 25/11/2026, thiếu 2 tháng đủ 30 năm tuổi Đảng.',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const row = await queryOne<{ posthumous: boolean; early: boolean; reason: string }>(
      t.db,
      sql`select posthumous, early, reason from badge_awards where id = ${saved.json().id}`,
    );
    expect(row).toMatchObject({ posthumous: true, early: true });
    expect(row?.reason).toContain('25/11/2026');
    // The member's record shows the badge as posthumous, with its reason.
    const record = (await office.get(`/api/lifecycle/members/${m.id}`)).json();
    expect(record.badges).toEqual([
      expect.objectContaining({ milestone: 30, posthumous: true, reason: row?.reason }),
    ]);
  });

  it('records, entered late, a badge awarded while the member was alive, although they have since died', async () => {
    // 30 years of party age by 3/2/2026; awarded then, died 10/6/2026, the paper record typed in after.
    const m = await memberWithPartyAge('1995-11-21', '1996-02-03', '2026-01-01');
    const version = (await office.get(`/api/members/${m.id}`)).json().version;
    const died = await office.post(`/api/members/${m.id}/events`, {
      kind: 'died',
      eventDate: '2026-06-10',
      version,
    });
    expect(died.statusCode, died.body).toBe(200);
    const award = { memberId: m.id, milestone: 30, awardDate: '2026-02-03' };
    const asPosthumous = await office.post('/api/lifecycle/badges', {
      ...award,
      posthumous: true,
      reason: 'Từ trần.',
    });
    expect(asPosthumous.statusCode).toBe(400);
    expect(asPosthumous.json().message).toContain('không thể trước ngày đảng viên từ trần');
    const saved = await office.post('/api/lifecycle/badges', award);
    expect(saved.statusCode, saved.body).toBe(200);
    const row = await queryOne<{ posthumous: boolean }>(
      t.db,
      sql`select posthumous from badge_awards where id = ${saved.json().id}`,
    );
    expect(row?.posthumous).toBe(false);
  });

  it('refuses a member who died more than 12 months short of the milestone', async () => {
    const m = await memberWithPartyAge('1997-12-01', '1998-06-01', '2026-11-25');
    const version = (await office.get(`/api/members/${m.id}`)).json().version;
    const died = await office.post(`/api/members/${m.id}/events`, {
      kind: 'died',
      eventDate: '2026-11-25',
      version,
    });
    expect(died.statusCode, died.body).toBe(200);
    const res = await office.post('/api/lifecycle/badges', {
      memberId: m.id,
      milestone: 30,
      awardDate: '2027-02-03',
      posthumous: true,
      reason: 'Từ trần.',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('không truy tặng được');
  });
});
