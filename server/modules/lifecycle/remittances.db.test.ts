// Đảng phí remitted upward (docs/domain/dues.md, "Nộp đảng phí lên cấp trên"): the receiving
// committee's office records what a grassroots organisation remitted for a month or a quarter,
// corrects and deletes it (one audit row each); a grassroots office sees its own organisation only;
// bad input gets a clear Vietnamese message and saves nothing; the comparison's "phải nộp" is the
// share of what the dues sheets say the cells collected, and equals the summary form's column.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../../domain/text/vietnamese';
import { queryOne, queryRows, sql } from '../../db/client';
import { todayIso } from '../../platform/clock';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
let office: Session;
let coso: Session;
let admin: Session;

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  office = await loginAs(t.app, 'vanphong');
  coso = await loginAs(t.app, 'coso');
  admin = await loginAs(t.app, 'admin');
});
afterAll(async () => t.close());

const today = todayIso();
const year = Number(today.slice(0, 4));
const currentMonth = Number(today.slice(5, 7));
const currentQuarter = Math.floor((currentMonth - 1) / 3) + 1;

type Row = {
  orgUnitId: number;
  orgUnitName: string;
  collected: number;
  due: number;
  openDue: number;
  received: number;
  difference: number;
  unpaidQuarters: number[];
  quarters: { quarter: number; collected: number; due: number; received: number; state: string }[];
  remittances: { id: number; amount: number; version: number; periodLabel: string }[];
};
const comparison = async (session: Session, orgUnitId?: number) => {
  const res = await session.get(
    `/api/lifecycle/dues/remittances?year=${year}${orgUnitId ? `&orgUnitId=${orgUnitId}` : ''}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    months: string[];
    endedMonths: string[];
    rows: Row[];
    totals: { due: number; received: number };
    canRecord: boolean;
  };
};
const lastAudit = () =>
  queryOne<{ action: string; entity_type: string; entity_id: string; org_unit_id: number }>(
    t.db,
    sql`select action, entity_type, entity_id, org_unit_id from audit_log order by id desc limit 1`,
  );
const count = async () =>
  (await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from dues_remittances`))!.n;
const input = (over: Record<string, unknown> = {}) => ({
  orgUnitId: f.committeeId,
  year,
  periodKind: 'quarter',
  period: currentQuarter,
  amount: 150_000,
  receivedOn: today,
  documentNumber: '12/PT-ĐP',
  note: 'Nộp bằng chuyển khoản',
  ...over,
});

describe('recording what a grassroots organisation remitted', () => {
  it('the office records, corrects and deletes a remittance, and the difference follows; one audit row each', async () => {
    const before = (await comparison(office, f.committeeId)).rows[0]!;
    const created = await office.post('/api/lifecycle/dues/remittances', input());
    expect(created.statusCode, created.body).toBe(200);
    const { id, version } = created.json();
    expect(await lastAudit()).toMatchObject({
      action: 'dues.remittance.create',
      entity_type: 'dues_remittance',
      entity_id: String(id),
      org_unit_id: f.committeeId,
    });
    const after = (await comparison(office, f.committeeId)).rows[0]!;
    expect(after.received).toBe(before.received + 150_000);
    expect(after.difference).toBe(before.difference + 150_000);
    expect(after.remittances.find((r) => r.id === id)).toMatchObject({
      amount: 150_000,
      periodLabel: `Quý ${['I', 'II', 'III', 'IV'][currentQuarter - 1]}/${year}`,
    });

    const edited = await office.put(`/api/lifecycle/dues/remittances/${id}`, {
      ...input({ amount: 120_000 }),
      version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await lastAudit()).toMatchObject({ action: 'dues.remittance.update' });
    expect((await comparison(office, f.committeeId)).rows[0]!.received).toBe(
      before.received + 120_000,
    );
    // A stale version is refused, nothing changes.
    const stale = await office.put(`/api/lifecycle/dues/remittances/${id}`, {
      ...input({ amount: 1 }),
      version,
    });
    expect(stale.statusCode).toBe(409);

    const staleDelete = await office.delete(`/api/lifecycle/dues/remittances/${id}?version=1`);
    expect(staleDelete.statusCode).toBe(409);
    const removed = await office.delete(
      `/api/lifecycle/dues/remittances/${id}?version=${version + 1}`,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await lastAudit()).toMatchObject({
      action: 'dues.remittance.delete',
      entity_id: String(id),
    });
    expect((await comparison(office, f.committeeId)).rows[0]!.received).toBe(before.received);
  });

  it('refuses bad input with a clear Vietnamese message and saves nothing', async () => {
    const n = await count();
    const refused = async (body: Record<string, unknown>, message: RegExp) => {
      const res = await office.post('/api/lifecycle/dues/remittances', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toMatch(message);
    };
    await refused(input({ amount: -5_000 }), /không được âm/);
    await refused(input({ year: year + 1, period: 1 }), /chưa đến/);
    await refused(input({ orgUnitId: f.cellId }), /không phải tổ chức cơ sở đảng/);
    await refused(input({ receivedOn: `${year + 1}-01-01` }), /sau ngày hôm nay/);
    // Twice the same period, or a month inside a recorded quarter: the message names what is there.
    const first = await office.post('/api/lifecycle/dues/remittances', input());
    expect(first.statusCode, first.body).toBe(200);
    await refused(input(), /đã có khoản nộp Quý/);
    await refused(input({ periodKind: 'month', period: currentMonth }), /đã có khoản nộp Quý/);
    expect(await count()).toBe(n + 1);
    const { id, version } = first.json();
    await office.delete(`/api/lifecycle/dues/remittances/${id}?version=${version}`);
    expect(await count()).toBe(n);
  });

  it('a grassroots office sees its own organisation and no other; it records nothing', async () => {
    const own = await comparison(coso);
    expect(own.rows.map((r) => r.orgUnitId)).toEqual([f.committeeId]);
    expect(own.canRecord).toBe(false);
    const other = await coso.get(
      `/api/lifecycle/dues/remittances?year=${year}&orgUnitId=${f.otherCommitteeId}`,
    );
    expect(other.statusCode).toBe(404);
    const upper = await coso.get(
      `/api/lifecycle/dues/remittances?year=${year}&orgUnitId=${f.upperId}`,
    );
    expect(upper.statusCode).toBe(404);
    expect((await coso.post('/api/lifecycle/dues/remittances', input())).statusCode).toBe(403);
  });

  it("a remittance to a committee outside the office's subtree is not found", async () => {
    // A cell directly under the province (Chi bộ cơ sở): its remittance is the province's.
    const outside = await queryOne<{ id: number }>(
      t.db,
      sql`insert into org_units (kind, name, parent_id, path, established_on)
          values ('grassroots_cell', 'Chi bộ Thử nghiệm trực thuộc Tỉnh ủy', ${f.rootId}, '0', '2020-01-01')
          returning id`,
    );
    await t.db.execute(
      sql`update org_units set path = (select path from org_units where id = ${f.rootId}) || ${String(outside!.id)}
          where id = ${outside!.id}`,
    );
    const recorded = await admin.post(
      '/api/lifecycle/dues/remittances',
      input({ orgUnitId: outside!.id }),
    );
    expect(recorded.statusCode, recorded.body).toBe(200);
    const { id, version } = recorded.json();
    expect(
      (await office.post('/api/lifecycle/dues/remittances', input({ orgUnitId: outside!.id })))
        .statusCode,
    ).toBe(404);
    expect(
      (await office.put(`/api/lifecycle/dues/remittances/${id}`, { ...input(), version }))
        .statusCode,
    ).toBe(404);
    expect(
      (await office.delete(`/api/lifecycle/dues/remittances/${id}?version=${version}`)).statusCode,
    ).toBe(404);
    expect(
      (await admin.delete(`/api/lifecycle/dues/remittances/${id}?version=${version}`)).statusCode,
    ).toBe(200);
  });
});

describe('the comparison: due, received, difference, quarters not remitted', () => {
  it("due is the remitted share of what the organisation's cells collected on the dues sheets", async () => {
    const c = await comparison(office, f.committeeId);
    const row = c.rows[0]!;
    const cells = await queryRows<{ id: number }>(
      t.db,
      sql`select o.id from org_units o
          where o.path <@ (select path from org_units where id = ${f.committeeId}) and o.kind = 'cell'
            and (o.established_on is null or o.established_on <= ${`${c.months.at(-1)}-28`})
            and (o.dissolved_on is null or o.dissolved_on >= ${`${year}-01-01`})`,
    );
    const paidOf = new Map<string, number>();
    for (const cell of cells)
      for (const month of c.months) {
        const s = (
          await office.get(`/api/lifecycle/dues?orgUnitId=${cell.id}&month=${month}`)
        ).json() as { totalPaid: number };
        paidOf.set(month, (paidOf.get(month) ?? 0) + s.totalPaid);
      }
    const collected = [...paidOf.values()].reduce((s, v) => s + v, 0);
    expect(collected).toBeGreaterThan(0);
    expect(row.collected).toBe(collected);
    // 342-QĐ/TW: the grassroots organisation keeps 70% and remits 30%; from 02/2026 the setting,
    // by default the same share. Due: the quarters that have ended; the quarter under way apart.
    const ended = [...paidOf]
      .filter(([m]) => c.endedMonths.includes(m))
      .reduce((s, [, v]) => s + v, 0);
    const open = collected - ended;
    expect(row.due).toBe(ended - Math.round(ended * 0.7));
    expect(row.openDue).toBe(open - Math.round(open * 0.7));
    for (const q of row.quarters) {
      const qCollected = c.months
        .filter((m) => Math.floor((Number(m.slice(5)) - 1) / 3) + 1 === q.quarter)
        .reduce((s, m) => s + paidOf.get(m)!, 0);
      expect(q.collected).toBe(qCollected);
      expect(q.due).toBe(qCollected - Math.round(qCollected * 0.7));
    }
    expect(row.difference).toBe(row.received - row.due);
  }, 120_000);

  it('flags the quarters that ended with nothing received as "chưa nộp"', async () => {
    const c = await comparison(office);
    expect(c.canRecord).toBe(true);
    expect(c.rows.length).toBeGreaterThan(1);
    for (const r of c.rows)
      for (const q of r.quarters) {
        const ended = q.quarter < currentQuarter;
        if (!ended) expect(q.state).toBe('open');
        else if (q.received === 0 && q.due > 0) expect(q.state).toBe('unpaid');
        else if (q.received < q.due) expect(q.state).toBe('short');
        else expect(q.state).toBe('paid');
      }
    // The demo has organisations late and short (server/seed/demo-remittances.ts).
    if (currentQuarter > 1) {
      expect(c.rows.some((r) => r.unpaidQuarters.length > 0)).toBe(true);
      expect(c.rows.some((r) => r.quarters.some((q) => q.state === 'paid'))).toBe(true);
    }
    expect(c.totals.received).toBe(c.rows.reduce((s, r) => s + r.received, 0));
  }, 300_000);

  it('exports the comparison to XLSX, audited', async () => {
    const res = await office.get(`/api/lifecycle/dues/remittances/export.xlsx?year=${year}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(await lastAudit()).toMatchObject({ action: 'dues.remittances.export' });
  }, 300_000);

  it("the committee's summary form remits exactly the comparison's due, and prints Đã nộp / Còn thiếu", async () => {
    const c = await comparison(office);
    if (c.endedMonths.length === 0) return; // January to March: no quarter has ended yet
    // The months of the quarters that have ended: the comparison's due.
    const q = `year=${year}&fromMonth=1&toMonth=${Number(c.endedMonths.at(-1)!.slice(5))}&keptPercent=70`;
    const res = await office.get(`/api/forms/dues/tong-hop?orgUnitId=${f.upperId}&${q}`);
    expect(res.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(res.rawPayload))
      .file('word/document.xml')!
      .async('string');
    const rows = [...xml.matchAll(/<w:tr[ >].*?<\/w:tr>/gs)].map((r) =>
      [...r[0].matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((x) => x[0].replace(/<[^>]+>/g, '')),
    );
    const header = rows.find((r) => r[0] === 'STT')!;
    expect(header.slice(-4)).toEqual([
      'Cơ sở trích giữ lại (70%)',
      'Nộp cấp ủy cấp trên (30%)',
      'Đã nộp',
      'Còn thiếu',
    ]);
    const body = rows.filter((r) => /^\d+$/.test(r[0] ?? '') && r.length === header.length);
    expect(body.map((r) => r[1])).toEqual(c.rows.map((r) => r.orgUnitName));
    for (const [i, r] of c.rows.entries()) {
      expect(body[i]![7], r.orgUnitName).toBe(formatNumber(r.due));
      // Received in the form counts the periods lying within the months: here, all of them.
      expect(body[i]![8]).toBe(formatNumber(r.received));
      expect(body[i]![9]).toBe(formatNumber(Math.max(0, r.due - r.received)));
    }
  }, 300_000);
});

describe('the share under 01-QĐ/TW is an administrator setting', () => {
  it('reads the default, refuses other roles, and an administrator sets it (audited)', async () => {
    const share = (await office.get('/api/lifecycle/dues/remittance-share')).json();
    expect(share).toMatchObject({ keptPercent: 70, version: 0 });
    expect(share.source).toContain('chưa đối chiếu');
    const body = { keptPercent: 60, source: 'Hướng dẫn số 01-HD/VPTW (giả định trong kiểm thử)' };
    expect(
      (await office.put('/api/lifecycle/dues/remittance-share', { ...body, version: 0 }))
        .statusCode,
    ).toBe(403);
    const bad = await admin.put('/api/lifecycle/dues/remittance-share', {
      ...body,
      keptPercent: 120,
      version: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('0 đến 100%');
    const dueBefore = (await comparison(office, f.committeeId)).rows[0]!.due;
    const saved = await admin.put('/api/lifecycle/dues/remittance-share', {
      ...body,
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await lastAudit()).toMatchObject({ action: 'dues.remittance_share' });
    // Months under 01-QĐ/TW now remit 40% instead of 30% (January 2026, under 342-QĐ/TW, still 30%).
    const row = (await comparison(office, f.committeeId)).rows[0]!;
    expect(row.due).toBeGreaterThan(dueBefore);
    expect(row.due).toBeLessThanOrEqual(row.collected - Math.round(row.collected * 0.6));
    expect(
      (await admin.put('/api/lifecycle/dues/remittance-share', { ...body, version: 0 })).statusCode,
    ).toBe(409);
  });
});
