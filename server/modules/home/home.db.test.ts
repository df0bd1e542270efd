// The home page per role (issue 22): each demo role gets its own home, every item links to a page,
// and the figures are those of the modules that own them (reminders, dues, evaluation campaigns,
// discipline limitation by Quy định 22-QĐ/TW as in docs/domain/discipline.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { THome } from '../../../contracts/home';
import { addDays } from '../../../domain/calendar/date-math';
import { formatNumber } from '../../../domain/text/vietnamese';
import { sql } from '../../db/client';
import { todayIso } from '../../platform/clock';
import { campaignIn, evaluationRecordOf } from '../../test/builders/evaluations';
import { idOf } from '../../test/builders/id-of';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
});
afterAll(async () => t.close());

const homeOf = async (user: string): Promise<THome> => {
  const s = await loginAs(t.app, user);
  const res = await s.get('/api/home');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const sectionOf = (h: THome, key: string) => {
  const s = h.sections.find((x) => x.key === key);
  if (!s) throw new Error(`no section ${key} in ${h.kind}`);
  return s;
};

describe('GET /api/home', () => {
  it('answers each role with its own home, every link inside the app', async () => {
    const expected = {
      dangvien: 'member',
      bithu: 'cell',
      coso: 'committee',
      vanphong: 'committee',
      btv: 'committee',
      ubkt: 'inspection',
    } as const;
    for (const [user, kind] of Object.entries(expected)) {
      const h = await homeOf(user);
      expect(h.kind, user).toBe(kind);
      for (const s of h.sections)
        for (const i of s.items) if (i.link) expect(i.link, `${user} ${i.label}`).toMatch(/^\//);
    }
  });

  it('a member: own record and dues, no page the member may not open, why no self-assessment', async () => {
    const h = await homeOf('dangvien');
    expect(h.unitName).toBe('Chi bộ Phòng Nghiệp vụ Y');
    expect(sectionOf(h, 'record').items[0].link).toBe(`/dang-vien/${f.selfMemberId}`);
    const links = h.sections
      .flatMap((s) => [s.link, ...s.items.map((i) => i.link)])
      .filter(Boolean);
    for (const l of links) expect(l).not.toMatch(/^\/(sinh-hoat|viec-can-lam|dang-phi|tong-quan)/);
    // The dues come from the member's own lifecycle (the same months as the record page).
    const member = await loginAs(t.app, 'dangvien');
    const lifecycle = (await member.get(`/api/lifecycle/members/${f.selfMemberId}`)).json();
    const paid = lifecycle.duesThisYear.filter((d: { paid: number | null }) => d.paid !== null);
    if (paid.length > 0)
      expect(
        sectionOf(h, 'dues')
          .items.map((i) => i.label)
          .join(' '),
      ).toContain(`đã đóng ${paid.length} tháng`);
    expect(sectionOf(h, 'evaluation').items[0].label).toMatch(/Chưa có đợt đánh giá/);
  });

  it('once a campaign is open: the member is asked to self-assess, the secretary to rate the cell', async () => {
    const office = await loginAs(t.app, 'vanphong');
    const campaign = await campaignIn(office, f.committeeId);
    expect(campaign).toBeGreaterThan(0);
    const record = await evaluationRecordOf(t.db, campaign, f.selfMemberId);
    const member = await homeOf('dangvien');
    const item = sectionOf(member, 'evaluation').items[0];
    expect(item.link).toBe(`/danh-gia-xep-loai/ho-so/${record}`);
    expect(['due_soon', 'overdue']).toContain(item.tone);
    const secretary = await homeOf('bithu');
    const rate = sectionOf(secretary, 'evaluation').items[0];
    const pending = await idOf(
      t.db,
      sql`select count(*)::int as id from evaluation_records where campaign_id = ${campaign}
          and subject_kind = 'member' and org_unit_id = ${f.cellId} and status in ('pending', 'self_assessed')`,
    );
    expect(rate.count).toBe(pending);
    expect(rate.link).toBe(`/danh-gia-xep-loai/${campaign}`);
  });

  it('the secretary: this month’s dues are the cell sheet’s', async () => {
    const h = await homeOf('bithu');
    const month = todayIso().slice(0, 7);
    const bithu = await loginAs(t.app, 'bithu');
    const sheet = (
      await bithu.get(`/api/lifecycle/dues?orgUnitId=${f.cellId}&month=${month}`)
    ).json();
    const dues = sectionOf(h, 'dues').items[0];
    expect(dues.link).toBe(`/dang-phi?don-vi=${f.cellId}&thang=${month}`);
    expect(dues.detail).toContain(formatNumber(sheet.totalDue));
    expect(sectionOf(h, 'meeting').items.length).toBeGreaterThan(0);
  });

  it('an office: deadlines by type and by unit add up to the reminders of its scope', async () => {
    const h = await homeOf('coso');
    const coso = await loginAs(t.app, 'coso');
    const r = (await coso.get('/api/lifecycle/reminders')).json();
    const total = r.counts.overdue + r.counts.dueSoon + r.counts.upcoming;
    const byKind = sectionOf(h, 'deadlines-by-kind').items;
    expect(byKind.reduce((s, i) => s + (i.count ?? 0), 0)).toBe(total);
    for (const i of byKind) expect(i.link).toMatch(/^\/viec-can-lam\?loai=/);
    const byUnit = sectionOf(h, 'deadlines-by-unit').items;
    expect(byUnit.reduce((s, i) => s + (i.count ?? 0), 0)).toBe(total);
    // A child unit's line opens its subtree; the committee's own line opens only the items recorded
    // for the committee itself, and the page then counts what the home counts.
    for (const i of byUnit) expect(i.link).toMatch(/^\/viec-can-lam\?don-vi=(\d+)(&nhom=\1)?$/);
    for (const i of byUnit.filter((u) => u.link?.includes('&nhom='))) {
      const id = Number(/nhom=(\d+)/.exec(i.link ?? '')?.[1]);
      expect(id).toBe(f.committeeId);
      const own = (
        await coso.get(`/api/lifecycle/reminders?orgUnitId=${id}&unit=${id}&pageSize=0`)
      ).json();
      expect(own.total).toBe(i.count);
    }
  });

  it('the inspection commission: a proposed discipline whose limitation runs out soon is listed', async () => {
    const today = todayIso();
    // Khiển trách: 5 years from the violation (22-QĐ/TW; docs/domain/discipline.md "Limitation").
    const soon = addDays(addDays(today, 60), -5 * 365 - 1);
    const later = addDays(today, -365);
    for (const [violation, text] of [
      [soon, 'Thử sắp hết thời hiệu'],
      [later, 'Thử còn thời hiệu'],
    ])
      await t.db.execute(
        sql`insert into discipline_decisions (subject_kind, member_id, org_unit_id, standing, status, form, body,
              body_org_unit_id, violation, violation_from)
            values ('member', ${f.memberInCell.id}, ${f.cellId}, 'full', 'proposed', 'khien_trach', 'cell', ${f.cellId},
              ${text}, ${violation})`,
      );
    const h = await homeOf('ubkt');
    const items = sectionOf(h, 'limitation').items.filter((i) =>
      i.label.startsWith(f.memberInCell.full_name),
    );
    expect(items).toHaveLength(1);
    expect(items[0].link).toBe('/ky-luat');
    expect(
      sectionOf(h, 'cases-by-step').items.every((i) => i.link?.startsWith('/kiem-tra-giam-sat')),
    ).toBe(true);
  });
});
