// Member lifecycle through the API: dues by the rule set of the month, the cell's collection sheet,
// badges at an award date, party cards, transfer letters and the statutory reminders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows, sql } from '../../db/client';
import { todayIso } from '../../platform/clock';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
let office: Session;
let secretary: Session;

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  office = await loginAs(t.app, 'vanphong');
  secretary = await loginAs(t.app, 'bithu');
});
afterAll(async () => t.close());

const lifecycle = async (memberId: number) =>
  (await office.get(`/api/lifecycle/members/${memberId}`)).json();
const memberVersion = async (memberId: number) =>
  (await office.get(`/api/members/${memberId}`)).json().version as number;

describe('dues', () => {
  it('charges 1% of the insured salary under 01-QĐ/TW and shows which rule set the sheet follows', async () => {
    const id = f.memberInCell.id;
    const version = (await lifecycle(id)).duesProfile?.version ?? 0;
    const saved = await secretary.put(`/api/lifecycle/members/${id}/dues-profile`, {
      category: 'insured_salary',
      baseAmount: 7_500_000,
      version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const march = (
      await secretary.get(`/api/lifecycle/dues?orgUnitId=${f.cellId}&month=2026-03`)
    ).json();
    expect(march.ruleSet).toContain('01-QĐ/TW');
    const row = march.rows.find((r: { memberId: number }) => r.memberId === id);
    expect(row.due).toBe(75_000);
    expect(row.explanation).toContain('1%');
    const january = (
      await secretary.get(`/api/lifecycle/dues?orgUnitId=${f.cellId}&month=2026-01`)
    ).json();
    expect(january.ruleSet).toContain('342-QĐ/TW');
  });

  it('refuses a reduction longer than 12 months', async () => {
    const id = f.memberInCell.id;
    const version = (await lifecycle(id)).duesProfile.version;
    const res = await secretary.put(`/api/lifecycle/members/${id}/dues-profile`, {
      category: 'insured_salary',
      baseAmount: 7_500_000,
      reductionPercent: 50,
      reductionFrom: '2026-01',
      reductionTo: '2027-03',
      version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('tối đa 12 tháng');
  });

  it('records a month’s collection all or nothing, and refuses paying the same month twice', async () => {
    const month = '2026-11';
    const sheet = (
      await secretary.get(`/api/lifecycle/dues?orgUnitId=${f.cellId}&month=${month}`)
    ).json();
    const payable = sheet.rows.filter(
      (r: { paid: number | null; due: number | null; exempt: string | null }) =>
        r.paid === null && r.due !== null && !r.exempt,
    );
    expect(payable.length).toBeGreaterThan(1);
    const [a, b] = payable;
    const count = async () =>
      (await queryOne<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from dues_payments where month = ${month}
              and member_id in (${a.memberId}, ${b.memberId})`,
      ))!.n;
    const mixed = await secretary.post('/api/lifecycle/dues/payments', {
      orgUnitId: f.cellId,
      month,
      paidOn: '2026-11-10',
      payments: [
        { memberId: a.memberId, amount: a.due },
        { memberId: f.memberElsewhere.id, amount: 10_000 },
      ],
    });
    expect(mixed.statusCode).toBe(400);
    expect(await count()).toBe(0);
    const ok = await secretary.post('/api/lifecycle/dues/payments', {
      orgUnitId: f.cellId,
      month,
      paidOn: '2026-11-10',
      payments: [
        { memberId: a.memberId, amount: a.due },
        { memberId: b.memberId, amount: b.due },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await count()).toBe(2);
    const again = await secretary.post('/api/lifecycle/dues/payments', {
      orgUnitId: f.cellId,
      month,
      paidOn: '2026-11-11',
      payments: [{ memberId: a.memberId, amount: a.due }],
    });
    expect(again.statusCode).toBe(400);
    const after = (
      await secretary.get(`/api/lifecycle/dues?orgUnitId=${f.cellId}&month=${month}`)
    ).json();
    expect(after.rows.find((r: { memberId: number }) => r.memberId === a.memberId).paid).toBe(
      a.due,
    );
  });
});

describe('party badges', () => {
  it('lists members due at an award date, records the award once, and refuses other dates', async () => {
    const list = (
      await office.get(`/api/lifecycle/badges?orgUnitId=${f.upperId}&awardDate=2027-02-03`)
    ).json();
    const due = list.items.find(
      (i: { eligible: boolean; awarded: boolean }) => i.eligible && !i.awarded,
    );
    expect(due).toBeTruthy();
    expect(due.partyAgeYears).toBeGreaterThanOrEqual(due.milestone - 1);
    expect([30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]).toContain(due.milestone);
    const award = {
      memberId: due.memberId,
      milestone: due.milestone,
      awardDate: '2027-02-03',
      decisionNumber: '88-QĐ/TU',
    };
    expect((await office.post('/api/lifecycle/badges', award)).statusCode).toBe(200);
    const twice = await office.post('/api/lifecycle/badges', award);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toContain('đã nhận');
    const marked = (
      await office.get(`/api/lifecycle/badges?orgUnitId=${f.upperId}&awardDate=2027-02-03`)
    ).json();
    expect(
      marked.items.find((i: { memberId: number }) => i.memberId === due.memberId).awarded,
    ).toBe(true);
    expect(
      (await lifecycle(due.memberId)).badges.map((b: { milestone: number }) => b.milestone),
    ).toContain(due.milestone);
    const wrongDay = await office.get(
      `/api/lifecycle/badges?orgUnitId=${f.upperId}&awardDate=2027-02-04`,
    );
    expect(wrongDay.statusCode).toBe(400);
  });
});

describe('party cards', () => {
  it('re-issues a lost card with a new number, refuses a second first issue, and recalls it', async () => {
    const m = await queryOne<{ id: number; card_number: string }>(
      t.db,
      sql`select m.id, m.card_number from members m join org_units o on o.id = m.org_unit_id
          where o.path <@ (select path from org_units where id = ${f.committeeId})
            and m.status = 'full' and m.card_number is not null order by m.id limit 1`,
    );
    const id = m!.id;
    const issue = await office.post(`/api/lifecycle/members/${id}/card-events`, {
      action: 'issued',
      actionDate: '2026-03-02',
      cardNumber: '77001234',
      version: await memberVersion(id),
    });
    expect(issue.statusCode).toBe(400);
    expect(issue.json().message).toContain(`đã có thẻ số ${m!.card_number}`);
    const noReason = await office.post(`/api/lifecycle/members/${id}/card-events`, {
      action: 'reissued',
      actionDate: '2026-03-02',
      cardNumber: '77001234',
      version: await memberVersion(id),
    });
    expect(noReason.statusCode).toBe(400);
    const reissue = await office.post(`/api/lifecycle/members/${id}/card-events`, {
      action: 'reissued',
      actionDate: '2026-03-02',
      cardNumber: '77001234',
      reason: 'Mất thẻ',
      version: await memberVersion(id),
    });
    expect(reissue.statusCode, reissue.body).toBe(200);
    expect((await office.get(`/api/members/${id}`)).json().cardNumber).toBe('77001234');
    const recall = await office.post(`/api/lifecycle/members/${id}/card-events`, {
      action: 'recalled',
      actionDate: '2026-04-01',
      reason: 'Chuyển sinh hoạt ra ngoài Đảng bộ',
      version: await memberVersion(id),
    });
    expect(recall.statusCode, recall.body).toBe(200);
    const actions = (await lifecycle(id)).cardEvents.map((c: { action: string }) => c.action);
    expect(actions.slice(-2)).toEqual(['reissued', 'recalled']);
    expect((await office.get(`/api/members/${id}`)).json().cardNumber).toBeNull();
  });
});

describe('transfer letters and reminders', () => {
  it('reminds of a letter not presented within 30 days, and clears it when presented', async () => {
    const id = f.memberInSibling.id;
    const res = await office.post(`/api/members/${id}/events`, {
      kind: 'temporary_out',
      eventDate: '2026-09-01',
      externalOrg: 'Đảng bộ Trường Đại học Y Hà Nội',
      letterNumber: '15-GGT/ĐU',
      letterDate: '2026-09-01',
      version: await memberVersion(id),
    });
    expect(res.statusCode, res.body).toBe(200);
    const reminders = (
      await office.get(`/api/lifecycle/reminders?orgUnitId=${f.committeeId}`)
    ).json();
    const letter = reminders.items.find(
      (i: { kind: string; title: string }) =>
        i.kind === 'transfer_letter' && i.title.includes('15-GGT/ĐU'),
    );
    expect(letter?.severity).toBe('overdue');
    const [event] = await queryRows<{ id: number }>(
      t.db,
      sql`select id from member_events where member_id = ${id} and letter_number = '15-GGT/ĐU'`,
    );
    const presented = await office.post(`/api/members/${id}/events/${event.id}/presented`, {
      presentedOn: '2026-10-20',
    });
    expect(presented.statusCode).toBe(200);
    expect(presented.json().late).toBe(true);
    const after = (await office.get(`/api/lifecycle/reminders?orgUnitId=${f.committeeId}`)).json();
    expect(after.items.some((i: { title: string }) => i.title.includes('15-GGT/ĐU'))).toBe(false);
  });

  it('warns of three unpaid months in the year, never for members exempt by 50 years of party age', async () => {
    const res = (await office.get('/api/lifecycle/reminders')).json();
    const warned = res.items
      .filter((i: { kind: string }) => i.kind === 'dues_unpaid')
      .map((i: { link: string }) => Number(i.link.split('/').pop()));
    expect(warned.length).toBeGreaterThan(0);
    const veterans = await queryRows<{ id: number }>(
      t.db,
      sql`select id from members where party_age_from <= '1975-12-31' and status in ('full', 'exempted')`,
    );
    expect(veterans.length).toBeGreaterThan(0);
    const exempt = new Set(veterans.map((v) => v.id));
    expect(warned.filter((id: number) => exempt.has(id))).toEqual([]);
  });

  it('warns of unpaid dues only in cells that record dues here this year', async () => {
    const warnedIn = async (cellId: number) =>
      (await office.get(`/api/lifecycle/reminders?orgUnitId=${cellId}`))
        .json()
        .items.filter((i: { kind: string }) => i.kind === 'dues_unpaid').length;
    const all = (await office.get('/api/lifecycle/reminders')).json();
    const memberId = Number(
      all.items
        .find((i: { kind: string }) => i.kind === 'dues_unpaid')
        .link.split('/')
        .pop(),
    );
    const cell = await queryOne<{ id: number }>(
      t.db,
      sql`select org_unit_id as id from members where id = ${memberId}`,
    );
    const cellId = cell!.id;
    expect(await warnedIn(cellId)).toBeGreaterThan(0);
    // The cell's payments of this year taken away (and put back): it no longer records dues here.
    const thisYear = sql`member_id in (select id from members where org_unit_id = ${cellId})
      and month like ${`${todayIso().slice(0, 4)}-%`}`;
    // A plain table, not a temporary one: the pool's next statement may run on another connection.
    await t.db.execute(
      sql`create table kept_dues as select * from dues_payments where ${thisYear}`,
    );
    expect((await queryRows(t.db, sql`select 1 from kept_dues`)).length).toBeGreaterThan(0);
    await t.db.execute(sql`delete from dues_payments where ${thisYear}`);
    try {
      expect(await warnedIn(cellId)).toBe(0);
    } finally {
      await t.db.execute(
        sql`insert into dues_payments overriding system value select * from kept_dues`,
      );
      await t.db.execute(sql`drop table kept_dues`);
    }
    expect(await warnedIn(cellId)).toBeGreaterThan(0);
  });

  it('shows a secretary only the reminders of their own cell', async () => {
    const res = (await secretary.get('/api/lifecycle/reminders')).json();
    const cellName = (await secretary.get(`/api/org-units/${f.cellId}`)).json().name;
    for (const item of res.items as { orgUnitName: string | null; kind: string }[])
      if (item.kind !== 'badge_due') expect(item.orgUnitName).toBe(cellName);
    expect(
      (await secretary.get(`/api/lifecycle/reminders?orgUnitId=${f.otherCommitteeId}`)).statusCode,
    ).toBe(404);
  });
});
