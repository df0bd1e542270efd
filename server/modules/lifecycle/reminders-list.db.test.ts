// Issue 22: "Việc cần làm" as a long list — filters, groups by unit with counts, server paging (old
// callers without a page size still get every item), and an XLSX of exactly the filtered list.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, sql } from '../../db/client';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await openTestApp('demo');
  for (const u of ['vanphong', 'coso']) s[u] = await loginAs(t.app, u);
});
afterAll(async () => t.close());

type Reminders = {
  items: { kind: string; severity: string; title: string; orgUnitId: number | null }[];
  total: number;
  counts: { overdue: number; dueSoon: number; upcoming: number };
  groups: { orgUnitId: number | null; label: string; count: number; overdue: number }[];
};
const get = async (who: string, query = '') => {
  const res = await s[who].get(`/api/lifecycle/reminders?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Reminders;
};

describe('reminders, grouped and paged', () => {
  it('keeps every item for callers without a page size, and groups them by unit', async () => {
    const all = await get('coso');
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.total).toBe(all.items.length);
    expect(all.groups.reduce((n, g) => n + g.count, 0)).toBe(all.total);
    expect(all.items.every((i) => i.orgUnitId !== null)).toBe(true);
  });

  it('pages group after group, and every page together is the whole list', async () => {
    const all = await get('coso');
    const size = 7;
    const seen: string[] = [];
    const units: (number | null)[] = [];
    for (let page = 1; (page - 1) * size < all.total; page++) {
      const p = await get('coso', `page=${page}&pageSize=${size}`);
      expect(p.total).toBe(all.total);
      seen.push(...p.items.map((i) => i.title));
      units.push(...p.items.map((i) => i.orgUnitId));
    }
    expect(seen.sort()).toEqual(all.items.map((i) => i.title).sort());
    const order = all.groups.map((g) => g.orgUnitId);
    const ranks = units.map((u) => order.indexOf(u));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('filters by group, kind, severity and text; the counts stay those of the subtree', async () => {
    const all = await get('coso');
    const g = all.groups[0];
    const one = await get('coso', `unit=${g.orgUnitId}`);
    expect(one.total).toBe(g.count);
    expect(one.counts).toEqual(all.counts);
    const kind = all.items[0].kind;
    const byKind = await get('coso', `kind=${kind}`);
    expect(byKind.total).toBe(all.items.filter((i) => i.kind === kind).length);
    const overdue = await get('coso', 'severity=overdue');
    expect(overdue.total).toBe(all.counts.overdue);
    const name = all.items[0].title.split(':')[0];
    const bare = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    const byText = await get('coso', `q=${encodeURIComponent(bare.toLowerCase())}`);
    expect(byText.items.map((i) => i.title)).toContain(all.items[0].title);
    expect((await get('coso', 'pageSize=0')).items).toEqual([]);
  });

  it('exports exactly the filtered list, readable back, and records the export', async () => {
    const overdue = await get('coso', 'severity=overdue');
    const res = await s.coso.get('/api/lifecycle/reminders/export.xlsx?severity=overdue');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Việc cần làm')!;
    const rows: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 3) {
        expect(row.getCell(3).value).toBe('Quá hạn');
        rows.push(String(row.getCell(6).value));
      }
    });
    expect(rows.sort()).toEqual(overdue.items.map((i) => i.title).sort());
    const audit = await queryOne<{ action: string }>(
      t.db,
      sql`select action from audit_log order by id desc limit 1`,
    );
    expect(audit?.action).toBe('reminders.export');
  });
});
