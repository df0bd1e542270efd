// Dues owed from the right month (docs/domain/dues.md): a member imported today is not warned for
// months nobody recorded, a member transferred in owes from the month of the transfer, the flat
// amounts of 01-QĐ/TW are an administrator's setting named on the sheet, and the culture day
// (24/11, Nghị quyết 80-NQ/TW) moves working-day deadlines only when switched on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previousMonth } from '../../../domain/rules/dues/dues';
import { queryOne, sql } from '../../db/client';
import { todayIso } from '../../platform/clock';
import { demoFixtures } from '../../test/fixtures';
import { commit, preview, upload, xlsxOf } from '../../test/import-api';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { getCalendarAdjustments } from '../calendar';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
let office: Session;
let coso: Session;
let secretary: Session;
let admin: Session;

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  office = await loginAs(t.app, 'vanphong');
  coso = await loginAs(t.app, 'coso');
  secretary = await loginAs(t.app, 'bithu');
  admin = await loginAs(t.app, 'admin');
});
afterAll(async () => t.close());

type SheetRow = {
  memberId: number;
  monthState: 'owed' | 'not_member' | 'no_data';
  due: number | null;
  paid: number | null;
  exempt: string | null;
  unpaidMonthsThisYear: number;
  unknownMonthsThisYear: number;
  warning: boolean;
};
const sheet = async (month: string) => {
  const res = await secretary.get(`/api/lifecycle/dues?orgUnitId=${f.cellId}&month=${month}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { rows: SheetRow[]; totalDue: number; flatAmountsSource: string };
};
const rowOf = async (month: string, memberId: number) =>
  (await sheet(month)).rows.find((r) => r.memberId === memberId) as SheetRow;
const duesReminders = async () =>
  (await office.get(`/api/lifecycle/reminders?orgUnitId=${f.cellId}`))
    .json()
    .items.filter((i: { kind: string }) => i.kind === 'dues_unpaid') as {
    title: string;
    link: string;
  }[];

const current = todayIso().slice(0, 7);
const lastMonth = previousMonth(current);
/** Months of this year before the current one (the ones that should already be collected). */
const pastMonthsThisYear = Number(current.slice(5, 7)) - 1;

describe('dues owed only from the month the member joined and from their first recorded sheet', () => {
  let importedId: number;

  it('does not warn a member imported today (admitted 2015) for the months before the import: they are "chưa có số liệu"', async () => {
    const parent = await queryOne<{ label: string }>(
      t.db,
      sql`select o.name || ' – ' || p.name as label from org_units o join org_units p on p.id = o.parent_id
          where o.id = ${f.cellId}`,
    );
    const file = await xlsxOf([
      ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Chi bộ', 'Ngày vào Đảng', 'Ngày chính thức'],
      ['Lường Văn Khoa', 'Nam', '14/02/1980', parent!.label, '19/05/2015', '19/05/2016'],
    ]);
    const up = await upload(coso, 'members', 'dang vien chuyen den.xlsx', file);
    expect(up.error).toBeNull();
    const job = up.result as { id: number; mapping: Record<string, number | null> };
    expect((await preview(coso, job.id, job.mapping)).error).toBeNull();
    const done = await commit(coso, job.id);
    expect(done.error).toBeNull();
    importedId = (await queryOne<{ id: number }>(
      t.db,
      sql`select id from members where full_name = 'Lường Văn Khoa' and birth_date = '1980-02-14'`,
    ))!.id;
    // The cell records dues here this year, and the member has paid nothing recorded here.
    const recorded = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from dues_payments p join members m on m.id = p.member_id
          where m.org_unit_id = ${f.cellId} and p.month like ${`${current.slice(0, 4)}-%`}`,
    );
    expect(recorded!.n).toBeGreaterThan(0);
    const row = await rowOf(lastMonth, importedId);
    expect(row.monthState).toBe('no_data');
    expect(row.unpaidMonthsThisYear).toBe(0);
    expect(row.unknownMonthsThisYear).toBe(pastMonthsThisYear);
    expect(row.warning).toBe(false);
    expect((await duesReminders()).some((r) => r.link === `/dang-vien/${importedId}`)).toBe(false);
    // Their record says the same: the past months of this year are "chưa có số liệu", not unpaid.
    const record = (await office.get(`/api/lifecycle/members/${importedId}`)).json();
    const past = record.duesThisYear.filter((d: { month: string }) => d.month < current);
    expect(past).toHaveLength(pastMonthsThisYear);
    expect(past.every((d: { noData: boolean }) => d.noData)).toBe(true);
    // The month being collected is open to recording for them like for everyone else.
    expect((await rowOf(current, importedId)).monthState).toBe('owed');
  });

  it('counts a month as unpaid once the cell recorded its sheet with the imported member on the roll', async () => {
    const before = await sheet(lastMonth);
    const other = before.rows.find(
      (r) => r.memberId !== importedId && r.paid === null && r.due !== null && !r.exempt,
    );
    let payer = other;
    if (!payer) {
      // Everyone paid last month in the demo: take one payment back to record it again now.
      payer = before.rows.find((r) => r.memberId !== importedId && r.paid !== null) as SheetRow;
      await t.db.execute(
        sql`delete from dues_payments where member_id = ${payer.memberId} and month = ${lastMonth}`,
      );
    }
    const res = await secretary.post('/api/lifecycle/dues/payments', {
      orgUnitId: f.cellId,
      month: lastMonth,
      paidOn: todayIso(),
      payments: [{ memberId: payer.memberId, amount: 50_000 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await rowOf(lastMonth, importedId);
    expect(row.monthState).toBe('owed');
    expect(row.unpaidMonthsThisYear).toBe(1);
    expect(row.unknownMonthsThisYear).toBe(pastMonthsThisYear - 1);
    expect(row.warning).toBe(false);
  });

  it('owes a member transferred in from outside only from the month of the transfer, not from their admission in 1990', async () => {
    const transferMonth = previousMonth(lastMonth);
    const created = await office.post('/api/members', {
      fullName: 'Hoàng Thị Mai',
      sex: 'female',
      birthDate: '1968-03-08',
      ethnicity: 'Tày',
      religion: 'Không',
      professionalLevel: 'bachelor',
      politicalTheory: 'intermediate',
      entry: {
        kind: 'transferred_in',
        eventDate: `${transferMonth}-10`,
        orgUnitId: f.cellId,
        standing: 'full',
        originalAdmittedOn: '1990-06-01',
        originalRecognisedOn: '1991-06-01',
        externalOrg: 'Đảng bộ xã Hữu Lũng',
      },
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as number;
    // Before the transfer they were not on this cell's roll: not on its sheet for that month.
    expect(await rowOf(previousMonth(transferMonth), id)).toBeUndefined();
    // From the transfer nothing before it is owed, and months are owed only once recorded.
    const from = await rowOf(transferMonth, id);
    expect(from.monthState).not.toBe('not_member');
    expect(from.unpaidMonthsThisYear).toBe(0);
    expect(from.unknownMonthsThisYear).toBeLessThanOrEqual(2);
  });
});

describe('a past month’s sheet lists the cell’s roll of that month', () => {
  it('a member who moved here from another cell is on the old cell’s sheet for the months before the move, and cannot be recorded here', async () => {
    // A member of this cell whose earlier period was in another cell (the demo moves members between
    // cells); the month before the move, as a sheet an office fills in late.
    const moved = await queryOne<{ id: number; from_cell: number; month: string }>(
      t.db,
      sql`select here.member_id as id, before.org_unit_id as from_cell,
            to_char(here.valid_from - interval '1 month', 'YYYY-MM') as month
          from member_periods here join member_periods before
            on before.member_id = here.member_id and before.valid_to = here.valid_from
          where here.org_unit_id = ${f.cellId} and before.org_unit_id <> ${f.cellId}
            and before.status in ('full', 'probationary')
            and here.valid_from < date_trunc('month', now()) - interval '1 month'
          order by here.member_id limit 1`,
    );
    expect(moved, 'the demo cell has a member who moved in from another cell').toBeTruthy();
    const here = await sheet(moved!.month);
    expect(here.rows.map((r) => r.memberId)).not.toContain(moved!.id);
    const there = await office.get(
      `/api/lifecycle/dues?orgUnitId=${moved!.from_cell}&month=${moved!.month}`,
    );
    expect(there.statusCode, there.body).toBe(200);
    expect(there.json().rows.map((r: { memberId: number }) => r.memberId)).toContain(moved!.id);
    const refused = await secretary.post('/api/lifecycle/dues/payments', {
      orgUnitId: f.cellId,
      month: moved!.month,
      paidOn: `${moved!.month}-20`,
      payments: [{ memberId: moved!.id, amount: 100000 }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].message).toBe('Có đảng viên không sinh hoạt tại chi bộ này.');
  });
});

describe('a past month’s sheet never shows a member now outside the reader’s subtree', () => {
  it('a member who left this cell for another is on its old sheet for the office of the bloc, not for the cell secretary', async () => {
    const left = await queryOne<{ id: number; month: string }>(
      t.db,
      sql`select here.member_id as id, to_char(here.valid_to - interval '1 month', 'YYYY-MM') as month
          from member_periods here join members m on m.id = here.member_id
          where here.org_unit_id = ${f.cellId} and m.org_unit_id <> ${f.cellId}
            and here.status in ('full', 'probationary') and here.valid_to is not null
            and here.valid_to - interval '1 month' >= here.valid_from
            and here.valid_to < date_trunc('month', now()) - interval '1 month'
          order by here.member_id limit 1`,
    );
    expect(left, 'the demo cell has a member who moved to another cell').toBeTruthy();
    const url = `/api/lifecycle/dues?orgUnitId=${f.cellId}&month=${left!.month}`;
    const forOffice = await office.get(url);
    expect(forOffice.json().rows.map((r: { memberId: number }) => r.memberId)).toContain(left!.id);
    const forSecretary = await secretary.get(url);
    expect(forSecretary.json().rows.map((r: { memberId: number }) => r.memberId)).not.toContain(
      left!.id,
    );
  });
});

describe('flat amounts of members outside the salary and pension groups (01-QĐ/TW)', () => {
  it('are an administrator’s setting with its source, named on the sheet; others may not change them', async () => {
    const amounts = (await secretary.get('/api/lifecycle/dues/amounts')).json();
    expect(amounts.source).toContain('chưa đối chiếu');
    expect((await sheet('2026-03')).flatAmountsSource).toBe(amounts.source);
    const body = {
      other: { urban: 12_000, delta: 10_000, midland: 8_000, mountain: 5_000 },
      student: 5_000,
      source: 'Hướng dẫn của Văn phòng Trung ương Đảng (số, ngày: ví dụ kiểm thử)',
      version: amounts.version,
    };
    expect((await office.put('/api/lifecycle/dues/amounts', body)).statusCode).toBe(403);
    const zero = await admin.put('/api/lifecycle/dues/amounts', {
      ...body,
      other: { ...body.other, mountain: 0 },
    });
    expect(zero.statusCode).toBe(400);
    const saved = await admin.put('/api/lifecycle/dues/amounts', body);
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await admin.put('/api/lifecycle/dues/amounts', body);
    expect(stale.statusCode).toBe(409);
    // A member of the "other" group in a mountain area is charged the new amount from 02/2026 only.
    // A member of the cell far from the 50 years of party age that exempt under 01-QĐ/TW.
    const id = (await queryOne<{ id: number }>(
      t.db,
      sql`select id from members where org_unit_id = ${f.cellId} and status = 'full'
          and party_age_from > '2000-01-01' and not temporarily_away order by id limit 1`,
    ))!.id;
    const version = (await office.get(`/api/lifecycle/members/${id}`)).json().duesProfile?.version;
    const profile = await secretary.put(`/api/lifecycle/members/${id}/dues-profile`, {
      category: 'other',
      otherArea: 'mountain',
      version: version ?? 0,
    });
    expect(profile.statusCode, profile.body).toBe(200);
    const march = await sheet('2026-03');
    expect(march.flatAmountsSource).toBe(body.source);
    expect(march.rows.find((r) => r.memberId === id)?.due).toBe(5_000);
    // January 2026 was still charged by 342-QĐ/TW and HD 03-HD/VPTW: 4,000 đ in a mountain area.
    expect((await sheet('2026-01')).rows.find((r) => r.memberId === id)?.due).toBe(4_000);
    const audit = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'dues.amounts'`,
    );
    expect(audit!.n).toBe(1);
  });
});

describe('Ngày Văn hóa Việt Nam (24/11) in working-day deadlines', () => {
  it('is a day off only once an administrator switches it on (audited); others may not', async () => {
    const off = (await office.get('/api/calendar/2026')).json();
    expect(off.cultureDay.enabled).toBe(false);
    expect(off.holidays.some((h: { date: string }) => h.date === '2026-11-24')).toBe(false);
    expect((await office.put('/api/calendar/rules', { cultureDay: true })).statusCode).toBe(403);
    expect((await admin.put('/api/calendar/rules', { cultureDay: true })).statusCode).toBe(200);
    const on = (await office.get('/api/calendar/2026')).json();
    expect(on.holidays.some((h: { date: string }) => h.date === '2026-11-24')).toBe(true);
    expect(on.workingDays).toBe(off.workingDays - 1);
    // Every working-day deadline (recruitment steps, recognition votes) is counted with this list.
    expect(
      (await getCalendarAdjustments(t.db)).some(
        (a) => a.date === '2026-11-24' && a.kind === 'day_off',
      ),
    ).toBe(true);
    // Not before the year it was decided.
    const y2025 = (await office.get('/api/calendar/2025')).json();
    expect(y2025.holidays.some((h: { date: string }) => h.date === '2025-11-24')).toBe(false);
    const audit = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'calendar.rules'`,
    );
    expect(audit!.n).toBe(1);
    expect((await admin.put('/api/calendar/rules', { cultureDay: false })).statusCode).toBe(200);
    expect((await office.get('/api/calendar/2026')).json().workingDays).toBe(off.workingDays);
  });
});
