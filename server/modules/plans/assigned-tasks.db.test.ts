// Issue 22: the tasks a unit handed down, as a long list stays usable — filters, groups by receiving
// unit with counts, server paging, the year plan without the list, and an XLSX of exactly the filter.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, sql } from '../../db/client';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
const s: Record<string, Session> = {};
const year = 2025;

beforeAll(async () => {
  t = await openTestApp('demo');
  for (const u of ['vanphong', 'coso', 'dangvien']) s[u] = await loginAs(t.app, u);
}, 600_000);
afterAll(async () => t.close());

type Page = {
  total: number;
  groups: { orgUnitId: number; label: string; count: number; overdue: number; completed: number }[];
  items: {
    id: number;
    orgUnitId: number;
    title: string;
    status: string;
    completedOn: string | null;
    deadline: string;
  }[];
};
const list = async (who: string, query: string) => {
  const res = await s[who].get(`/api/plans/assigned-tasks?year=${year}&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
};

describe('tasks handed down, paged and grouped', () => {
  it('answers the same tasks as the year plan, page by page, group after group', async () => {
    const plan = (await s.vanphong.get(`/api/plans/year?year=${year}`)).json();
    const all = plan.assignedTasks.map((k: { id: number }) => k.id).sort();
    expect(all.length).toBeGreaterThan(3);
    expect(plan.assignedTaskCount).toBe(all.length);
    const first = await list('vanphong', 'pageSize=2');
    expect(first.total).toBe(all.length);
    expect(first.items).toHaveLength(2);
    expect(first.groups.reduce((n, g) => n + g.count, 0)).toBe(all.length);
    const seen: number[] = [];
    for (let page = 1; (page - 1) * 2 < first.total; page++)
      seen.push(...(await list('vanphong', `pageSize=2&page=${page}`)).items.map((k) => k.id));
    expect(seen.sort()).toEqual(all);
    // Items come group after group, in the order of the groups.
    const order = first.groups.map((g) => g.orgUnitId);
    const whole = await list('vanphong', 'pageSize=200');
    const ranks = whole.items.map((k) => order.indexOf(k.orgUnitId));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('leaves the list out of the year plan when asked, keeping its count', async () => {
    const plan = (await s.vanphong.get(`/api/plans/year?year=${year}&assigned=count`)).json();
    expect(plan.assignedTasks).toEqual([]);
    expect(plan.assignedTaskCount).toBeGreaterThan(3);
  });

  it('filters by receiving unit, status and text', async () => {
    const whole = await list('vanphong', 'pageSize=200');
    const g = whole.groups[0];
    const one = await list('vanphong', `unit=${g.orgUnitId}&pageSize=200`);
    expect(one.total).toBe(g.count);
    expect(one.groups).toHaveLength(1);
    expect(one.items.every((k) => k.orgUnitId === g.orgUnitId)).toBe(true);
    const done = await list('vanphong', 'status=completed&pageSize=200');
    expect(done.items.every((k) => k.status === 'completed')).toBe(true);
    // The demo hands down more than one page of 200: compare with the groups' counts.
    expect(done.total).toBe(
      (await list('vanphong', 'pageSize=0')).groups.reduce((n, g) => n + g.completed, 0),
    );
    // Text, without diacritics, in the title.
    const word = whole.items[0].title.split(' ').find((w) => w.length > 4) ?? whole.items[0].title;
    const bare = word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    const found = await list(
      'vanphong',
      `q=${encodeURIComponent(bare.toLowerCase())}&pageSize=200`,
    );
    expect(found.items.map((k) => k.id)).toContain(whole.items[0].id);
    expect(found.total).toBeLessThanOrEqual(whole.total);
    const none = await list('vanphong', 'q=khongcoviecnaonhuthe&pageSize=200');
    expect(none).toMatchObject({ total: 0, groups: [], items: [] });
  });

  it('answers groups only with pageSize=0', async () => {
    const g = await list('vanphong', 'pageSize=0');
    expect(g.items).toEqual([]);
    expect(g.groups.length).toBeGreaterThan(0);
  });

  it('keeps a grassroots office to its subtree and refuses a member', async () => {
    const coso = await list('coso', 'pageSize=200');
    const outside = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from org_units o, users u join org_units s on s.id = u.scope_org_unit_id
          where u.username = 'coso' and o.id in (${sql.join(
            [0, ...coso.groups.map((g) => g.orgUnitId)].map((id) => sql`${id}`),
            sql`, `,
          )}) and not (o.path <@ s.path)`,
    );
    expect(outside?.n).toBe(0);
    const top = await queryOne<{ id: number }>(
      t.db,
      sql`select scope_org_unit_id as id from users where username = 'vanphong'`,
    );
    const res = await s.coso.get(`/api/plans/assigned-tasks?year=${year}&orgUnitId=${top?.id}`);
    expect(res.statusCode).toBe(404);
    expect((await s.dangvien.get(`/api/plans/assigned-tasks?year=${year}`)).statusCode).toBe(403);
  });

  it('exports exactly the filtered list, readable back, and records the export', async () => {
    const whole = await list('vanphong', 'pageSize=200');
    const g = whole.groups[0];
    const res = await s.vanphong.get(
      `/api/plans/assigned-tasks/export.xlsx?year=${year}&unit=${g.orgUnitId}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Nhiệm vụ giao cấp dưới')!;
    expect(sheet.getRow(3).getCell(3).value).toBe('Nhiệm vụ');
    const titles: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 3) {
        expect(row.getCell(2).value).toBe(g.label);
        titles.push(String(row.getCell(3).value));
      }
    });
    const expected = (await list('vanphong', `unit=${g.orgUnitId}&pageSize=200`)).items;
    expect(titles).toEqual(expected.map((k) => k.title));
    const audit = await queryOne<{ action: string }>(
      t.db,
      sql`select action from audit_log order by id desc limit 1`,
    );
    expect(audit?.action).toBe('plans.task.export');
  });
});
