// Issue 22: the dashboard's drawer exports exactly the records behind a figure — the same ids and
// names the figure counts, in the drawer's order (the member list's), with each record's unit path
// and date; the export is scoped and recorded.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../../domain/text/vietnamese';
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

type Records = {
  value: number | null;
  orgUnitName: string;
  records: { kind: string; id: number; label: string; date?: string; orgUnitPath?: string }[];
};

/** The XLSX rows after the heading: STT, kind, id, label, unit path, date. */
const readBack = async (body: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Bản ghi')!;
  const rows: { n: number; kind: string; id: number; label: string; unit: string; date: string }[] =
    [];
  sheet.eachRow((row, n) => {
    if (n > 3)
      rows.push({
        n: Number(row.getCell(1).value),
        kind: String(row.getCell(2).value ?? ''),
        id: Number(row.getCell(3).value),
        label: String(row.getCell(4).value ?? ''),
        unit: String(row.getCell(5).value ?? ''),
        date: String(row.getCell(6).value ?? ''),
      });
  });
  return { sheet, rows };
};

describe('the records behind a figure, exported', () => {
  it('exports the admissions the dashboard counts: same ids, names, paths and dates', async () => {
    const dashboard = (await s.vanphong.get(`/api/dashboard?year=${year}`)).json();
    const figure = dashboard.figures.find(
      (x: { code: string }) => x.code === 'recruitment.admitted',
    );
    expect(figure.value).toBeGreaterThan(0);
    const json = (
      await s.vanphong.get(`/api/plans/metric-records?code=recruitment.admitted&year=${year}`)
    ).json() as Records;
    const res = await s.vanphong.get(
      `/api/plans/metric-records/export.xlsx?code=recruitment.admitted&year=${year}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(
      `ban-ghi-recruitment-admitted-${year}.xlsx`,
    );
    const { sheet, rows } = await readBack(res.rawPayload);
    expect(String(sheet.getRow(1).getCell(1).value)).toContain(json.orgUnitName);
    // As many rows as the figure says, and exactly the drawer's records in its order.
    expect(rows).toHaveLength(figure.value);
    expect(rows.map((r) => r.id)).toEqual(json.records.map((r) => r.id));
    expect(rows.map((r) => r.label)).toEqual(json.records.map((r) => r.label));
    expect(rows.map((r) => r.unit)).toEqual(json.records.map((r) => r.orgUnitPath ?? ''));
    expect(rows.map((r) => r.date)).toEqual(json.records.map((r) => formatDate(r.date)));
    expect(rows.map((r) => r.n)).toEqual(rows.map((_, i) => i + 1));
    // The ids are the admitted members (the figure counts members), each with a cell path.
    expect(rows.every((r) => r.kind === 'Đảng viên' && r.unit.length > 0)).toBe(true);
    const members = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from members where id in (${sql.join(
        rows.map((r) => sql`${r.id}`),
        sql`, `,
      )}) and full_name in (${sql.join(
        rows.map((r) => sql`${r.label}`),
        sql`, `,
      )})`,
    );
    expect(members?.n).toBe(rows.length);
    const audit = await queryOne<{ action: string; after: { rows: number; code: string } }>(
      t.db,
      sql`select action, after from audit_log order by id desc limit 1`,
    );
    expect(audit).toMatchObject({
      action: 'plans.records.export',
      after: { rows: figure.value, code: 'recruitment.admitted' },
    });
  });

  it('exports a lower unit’s figure for that unit only; out of scope is not found', async () => {
    const coso = (
      await s.coso.get(`/api/plans/metric-records?code=members.total&year=${year}`)
    ).json() as Records;
    expect(coso.records.length).toBeGreaterThan(0);
    const res = await s.coso.get(
      `/api/plans/metric-records/export.xlsx?code=members.total&year=${year}`,
    );
    expect(res.statusCode).toBe(200);
    const { rows } = await readBack(res.rawPayload);
    expect(rows.map((r) => r.id)).toEqual(coso.records.map((r) => r.id));
    expect(rows).toHaveLength(coso.value ?? -1);
    const bloc = await queryOne<{ id: number }>(
      t.db,
      sql`select scope_org_unit_id as id from users where username = 'vanphong'`,
    );
    expect(
      (
        await s.coso.get(
          `/api/plans/metric-records/export.xlsx?code=members.total&year=${year}&orgUnitId=${bloc?.id}`,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await s.dangvien.get(
          `/api/plans/metric-records/export.xlsx?code=members.total&year=${year}`,
        )
      ).statusCode,
    ).toBe(403);
  });
});
