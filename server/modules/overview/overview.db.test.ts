// Breakdowns by a sensitive field follow the field's need-to-know rule (docs/domain/roles.md,
// "Sensitive fields and their breakdowns"; Nghị định 13/2023/NĐ-CP, Điều 2 khoản 4: religious
// views and ethnic origin are sensitive personal data). Found by probing every route as each
// role (issue 23): a cell secretary saw counts by ethnicity of a 14-member cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
let cellId: number;
beforeAll(async () => {
  t = await openTestApp('demo');
  cellId = (await demoFixtures(t.db)).cellId;
});
afterAll(async () => t.close());

const sensitiveWords = /ethnicity|religion|dân tộc|tôn giáo|Tày|Nùng/i;

describe('breakdowns by ethnicity and religion need the right to read those fields', () => {
  it('omits them from the overview of a cell secretary, today and on a past date', async () => {
    const bithu = await loginAs(t.app, 'bithu');
    for (const url of ['/api/overview', '/api/overview?asOf=2025-06-30']) {
      const res = await bithu.get(url);
      expect(res.statusCode, url).toBe(200);
      const o = res.json();
      expect(o.total).toBeGreaterThan(0);
      expect(o).not.toHaveProperty('byEthnicity');
      expect(o).not.toHaveProperty('byReligion');
      expect(o.bySex.length).toBeGreaterThan(0);
      // The member list refuses the same filter: the rule is one.
      expect((await bithu.get('/api/members?ethnicity=T%C3%A0y')).statusCode).toBe(403);
    }
  });

  it('keeps them for the roles that may read the fields', async () => {
    for (const user of ['vanphong', 'btv', 'coso']) {
      const s = await loginAs(t.app, user);
      const o = (await s.get(`/api/overview?orgUnitId=${cellId}`)).json();
      expect(o.byEthnicity?.length, user).toBeGreaterThan(0);
      expect(o.byReligion?.length, user).toBeGreaterThan(0);
      expect(o.byEthnicity.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(
        o.total,
      );
    }
  });

  it('gives a cell secretary no count by them on the dashboard nor in the member export', async () => {
    const bithu = await loginAs(t.app, 'bithu');
    const dashboard = await bithu.get('/api/dashboard?year=2026');
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).not.toMatch(sensitiveWords);
    const exported = await bithu.get('/api/members/export.xlsx?purpose=ki%E1%BB%83m%20tra');
    expect(exported.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(sheet.actualRowCount > 0 ? findHeader(sheet) : 1).values ??
      []) as unknown[];
    const columns = ['Dân tộc', 'Tôn giáo'].map((h) => header.indexOf(h));
    expect(columns.every((c) => c > 0)).toBe(true);
    let rows = 0;
    sheet.eachRow((row, n) => {
      if (n <= findHeader(sheet)) return;
      rows += 1;
      for (const c of columns) expect(String(row.getCell(c).value ?? '')).toBe('');
    });
    expect(rows).toBeGreaterThan(0);
  });
});

/** The row holding the column headers (the export has a title and a purpose line above it). */
const findHeader = (sheet: import('exceljs').Worksheet): number => {
  let found = 1;
  sheet.eachRow((row, n) => {
    if (found === 1 && (row.values as unknown[]).includes('Dân tộc')) found = n;
  });
  return found;
};
