import type { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMemberListQuery } from '../../../contracts/members';
import { formatDate } from '../../../domain/text/vietnamese';
import { queryOne, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { exportMembersXlsx } from './members.export';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
let office: Session;
let actor: Actor;

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  office = await loginAs(t.app, 'vanphong');
  const u = await queryOne<Actor>(
    t.db,
    sql`select u.id as "userId", u.username, u.display_name as "displayName", u.role,
          u.scope_org_unit_id as "scopeOrgUnitId", o.path::text as "scopePath",
          u.member_id as "memberId"
        from users u join org_units o on o.id = u.scope_org_unit_id where u.username = 'vanphong'`,
  );
  actor = u!;
});
afterAll(async () => t.close());

const collect = async (stream: PassThrough) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** Name and birth date of every member row of an exported file, in file order. */
const rowsOf = async (file: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Danh sách đảng viên')!;
  const rows: string[] = [];
  let total = '';
  sheet.eachRow((row) => {
    const first = row.getCell(1).value;
    if (typeof first === 'number') rows.push(`${row.getCell(2).value}|${row.getCell(4).value}`);
    else if (String(first).startsWith('Tổng số')) total = String(first);
  });
  return { rows, total, stamp: String(sheet.getRow(2).getCell(1).value) };
};

/** The same list through the list endpoint, every page. */
const listed = async (filter: string) => {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const res = (await office.get(`/api/members?${filter}&page=${page}&pageSize=100`)).json();
    out.push(
      ...res.items.map(
        (m: { fullName: string; birthDate: string }) => `${m.fullName}|${formatDate(m.birthDate)}`,
      ),
    );
    if (out.length >= res.total || res.items.length === 0) return out;
  }
};

describe('member export', () => {
  const cases: { sort: TMemberListQuery['sort']; extra?: Partial<TMemberListQuery> }[] = [
    { sort: 'name' },
    { sort: '-name' },
    { sort: 'birthDate' },
    { sort: '-birthDate' },
    { sort: 'admittedOn', extra: { status: ['full', 'probationary', 'removed', 'died'] } },
    { sort: '-admittedOn', extra: { status: ['full', 'probationary', 'removed', 'died'] } },
    { sort: 'name', extra: { q: 'nguyen', orgUnitId: undefined } }, // the whole bloc
  ];
  it.each(cases)(
    'writes every row of the list, in its order, across pages (sort $sort)',
    async ({ sort, extra }) => {
      const query = {
        page: 1,
        pageSize: 20,
        orgUnitId: f.committeeId,
        sort,
        ...extra,
      } as TMemberListQuery;
      const stream = await exportMembersXlsx({
        db: t.db,
        actor,
        query,
        purpose: 'Kiểm tra xuất nhiều trang',
        pageRows: 7,
      });
      const file = await rowsOf(await collect(stream));
      const params = new URLSearchParams({ sort });
      if (query.orgUnitId) params.set('orgUnitId', String(query.orgUnitId));
      if (extra?.status) params.set('status', extra.status.join(','));
      if (extra?.q) params.set('q', extra.q);
      const expected = await listed(params.toString());
      expect(expected.length).toBeGreaterThan(14); // more than two pages of 7
      expect(file.rows).toEqual(expected);
      expect(file.total).toBe(`Tổng số: ${expected.length} đảng viên`);
      expect(file.stamp).toMatch(/vanphong.*Kiểm tra xuất nhiều trang/);
    },
  );
});
