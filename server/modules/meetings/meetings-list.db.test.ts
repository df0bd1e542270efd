// Issue 22: the meetings list as a long list stays usable — groups by the unit that held them (the
// chosen unit's own first), filters (unit, kind, text), server paging group after group, the
// calendar's unpaged list unchanged, scope, and an XLSX of exactly the filtered list.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingKindLabels } from '../../../contracts/meetings';
import { formatDate } from '../../../domain/text/vietnamese';
import { queryOne, queryRows, sql } from '../../db/client';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
const s: Record<string, Session> = {};
let year: number;

beforeAll(async () => {
  t = await openTestApp('demo');
  for (const u of ['vanphong', 'coso', 'bithu', 'dangvien']) s[u] = await loginAs(t.app, u);
  // The year with the most meetings in the demo.
  year = Number(
    (
      await queryOne<{ y: number }>(
        t.db,
        sql`select extract(year from held_on)::int as y from meetings
            group by 1 order by count(*) desc limit 1`,
      )
    )?.y,
  );
}, 600_000);
afterAll(async () => t.close());

type List = {
  total: number;
  groups: {
    orgUnitId: number;
    label: string;
    count: number;
    cellMeetings: number;
    lastHeldOn: string;
  }[];
  items: { id: number; orgUnitId: number; kind: string; heldOn: string; title: string }[];
};
const range = () => `from=${year}-01-01&to=${year}-12-31`;
const list = async (who: string, query = '') => {
  const res = await s[who].get(`/api/meetings?${range()}&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as List;
};
const scopeOf = async (username: string) =>
  (await queryOne<{ id: number }>(
    t.db,
    sql`select scope_org_unit_id as id from users where username = ${username}`,
  ))!.id;

describe('the meetings list, grouped, filtered, paged', () => {
  it('groups the year by the unit that held them and pages group after group', async () => {
    const groups = await list('vanphong', 'pageSize=0');
    expect(groups.items).toEqual([]);
    expect(groups.groups.length).toBeGreaterThan(3);
    const inDb = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from meetings where held_on between ${`${year}-01-01`} and ${`${year}-12-31`}`,
    );
    // The bloc office reaches every meeting of the demo bloc.
    expect(groups.total).toBe(inDb?.n);
    expect(groups.groups.reduce((n, g) => n + g.count, 0)).toBe(groups.total);
    // Every page of 200, group after group, gives each meeting once; small pages cut the same list.
    const seen: number[] = [];
    const units: number[] = [];
    for (let page = 1; (page - 1) * 200 < groups.total; page++) {
      const p = await list('vanphong', `pageSize=200&page=${page}`);
      expect(p.total).toBe(groups.total);
      seen.push(...p.items.map((m) => m.id));
      units.push(...p.items.map((m) => m.orgUnitId));
    }
    expect(new Set(seen).size).toBe(groups.total);
    const small = [
      ...(await list('vanphong', 'pageSize=7&page=1')).items,
      ...(await list('vanphong', 'pageSize=7&page=2')).items,
    ];
    expect(small.map((m) => m.id)).toEqual(seen.slice(0, 14));
    const order = groups.groups.map((g) => g.orgUnitId);
    const ranks = units.map((u) => order.indexOf(u));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // Each group's count and latest date are its meetings'.
    const g = groups.groups.find((x) => x.count > 1) ?? groups.groups[0];
    const one = await list('vanphong', `unit=${g.orgUnitId}&pageSize=200`);
    expect(one.items).toHaveLength(g.count);
    expect(one.items[0].heldOn).toBe(g.lastHeldOn);
    expect(one.items.filter((m) => m.kind.startsWith('cell_')).length).toBe(g.cellMeetings);
  }, 180_000);

  it("puts the chosen unit's own meetings first", async () => {
    const bloc = await scopeOf('vanphong');
    const own = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from meetings where org_unit_id = ${bloc}
          and held_on between ${`${year}-01-01`} and ${`${year}-12-31`}`,
    );
    const groups = await list('vanphong', 'pageSize=0');
    if ((own?.n ?? 0) > 0) expect(groups.groups[0].orgUnitId).toBe(bloc);
    else expect(groups.groups.map((x) => x.orgUnitId)).not.toContain(bloc);
    // The others by name, in Vietnamese order.
    const names = groups.groups.filter((x) => x.orgUnitId !== bloc).map((x) => x.label);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));
  });

  it('filters by kind and by words of the title without diacritics', async () => {
    const regular = await list('vanphong', 'kind=cell_regular&pageSize=200');
    expect(regular.total).toBeGreaterThan(0);
    expect(regular.items.every((m) => m.kind === 'cell_regular')).toBe(true);
    const sample = regular.items[0];
    const word = sample.title.split(' ').find((w) => w.length > 4) ?? sample.title;
    const bare = word
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
    const found = await list(
      'vanphong',
      `q=${encodeURIComponent(bare)}&unit=${sample.orgUnitId}&pageSize=200`,
    );
    expect(found.items.map((m) => m.id)).toContain(sample.id);
    expect(await list('vanphong', 'q=khongcocuochopnaonhuthe&pageSize=200')).toMatchObject({
      total: 0,
      groups: [],
      items: [],
    });
  });

  it('keeps the unpaged list (calendar, pickers) as the latest 500, newest first', async () => {
    const all = await list('vanphong');
    expect(all.items.length).toBe(Math.min(500, all.total));
    const dates = all.items.map((m) => m.heldOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('keeps each office to its subtree and refuses a member', async () => {
    const bithu = await list('bithu', 'pageSize=200');
    const cell = await scopeOf('bithu');
    expect(bithu.groups.every((g) => g.orgUnitId === cell)).toBe(true);
    const coso = await list('coso', 'pageSize=0');
    const outside = await queryRows<{ id: number }>(
      t.db,
      sql`select o.id from org_units o, org_units s
          where s.id = ${await scopeOf('coso')} and o.id in (${sql.join(
            [0, ...coso.groups.map((g) => g.orgUnitId)].map((id) => sql`${id}`),
            sql`, `,
          )}) and not (o.path <@ s.path)`,
    );
    expect(outside).toEqual([]);
    const bloc = await scopeOf('vanphong');
    expect((await s.coso.get(`/api/meetings?orgUnitId=${bloc}`)).statusCode).toBe(404);
    expect((await s.coso.get(`/api/meetings/export.xlsx?orgUnitId=${bloc}`)).statusCode).toBe(404);
    expect((await s.dangvien.get('/api/meetings/export.xlsx')).statusCode).toBe(403);
  });

  it('exports exactly the filtered list, group after group, readable back, and records it', async () => {
    const filtered = await list('vanphong', 'kind=cell_regular&pageSize=200');
    const res = await s.vanphong.get(`/api/meetings/export.xlsx?${range()}&kind=cell_regular`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`hoi-nghi-sinh-hoat-${year}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Hội nghị, sinh hoạt')!;
    expect(sheet.getRow(3).getCell(5).value).toBe('Tên cuộc họp');
    const rows: { unit: string; date: string; kind: string; title: string }[] = [];
    sheet.eachRow((row, n) => {
      if (n > 3)
        rows.push({
          unit: String(row.getCell(2).value),
          date: String(row.getCell(3).value),
          kind: String(row.getCell(4).value),
          title: String(row.getCell(5).value),
        });
    });
    // Every meeting of the filter, not one page of it.
    expect(rows).toHaveLength(filtered.total);
    expect(rows.every((r) => r.kind === meetingKindLabels.cell_regular)).toBe(true);
    // The same meetings in the page's order: collect the pages of 200.
    const pages: List['items'] = [];
    for (let page = 1; (page - 1) * 200 < filtered.total; page++)
      pages.push(...(await list('vanphong', `kind=cell_regular&pageSize=200&page=${page}`)).items);
    const labels = new Map(filtered.groups.map((g) => [g.orgUnitId, g.label]));
    expect(rows).toEqual(
      pages.map((m) => ({
        unit: labels.get(m.orgUnitId),
        date: formatDate(m.heldOn),
        kind: meetingKindLabels.cell_regular,
        title: m.title,
      })),
    );
    const audit = await queryOne<{ action: string; after: { rows: number } }>(
      t.db,
      sql`select action, after from audit_log order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ action: 'meeting.export', after: { rows: filtered.total } });
  });
});
