// A user never reads or writes outside their subtree: lists, search, counts, exports, records and
// error messages. Each role is checked against a record inside and one outside its scope.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  for (const u of ['admin', 'vanphong', 'ubkt', 'btv', 'coso', 'bithu', 'dangvien']) {
    sessions[u] = await loginAs(t.app, u);
  }
});
afterAll(async () => t.close());

const memberIdsOf = async (s: Session, query: string) => {
  const res = await s.get(`/api/members?pageSize=200&${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { total: number; items: { id: number; orgUnitId: number }[] };
};

describe('organisation scope', () => {
  it('lists only the members of the cell for a cell secretary, whatever the filter asks', async () => {
    const list = await memberIdsOf(sessions.bithu, '');
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((m) => m.orgUnitId === f.cellId)).toBe(true);
    // Asking for another cell is answered as if it did not exist.
    const other = await sessions.bithu.get(`/api/members?orgUnitId=${f.siblingCellId}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toMatch(
      /Không tìm thấy tổ chức đảng hoặc bạn không có quyền truy cập/,
    );
  });

  it('does not find members outside the scope through search, by name or by citizen ID', async () => {
    const name = f.memberElsewhere.full_name;
    const byName = await memberIdsOf(sessions.coso, `q=${encodeURIComponent(name)}`);
    expect(byName.items.map((m) => m.id)).not.toContain(f.memberElsewhere.id);
    const all = await memberIdsOf(sessions.vanphong, `q=${encodeURIComponent(name)}`);
    expect(all.items.map((m) => m.id)).toContain(f.memberElsewhere.id);
  });

  it('answers "not found" for a member record outside the scope, without naming them', async () => {
    for (const [user, id] of [
      ['bithu', f.memberInSibling.id],
      ['coso', f.memberElsewhere.id],
      ['dangvien', f.memberInCell.id === f.selfMemberId ? f.memberInSibling.id : f.memberInCell.id],
    ] as const) {
      const res = await sessions[user].get(`/api/members/${id}`);
      expect(res.statusCode, user).toBe(404);
      expect(res.body).not.toContain(f.memberInSibling.full_name);
      expect(res.body).not.toContain(f.memberElsewhere.full_name);
    }
    expect((await sessions.bithu.get(`/api/members/${f.memberInCell.id}`)).statusCode).toBe(200);
    expect((await sessions.dangvien.get(`/api/members/${f.selfMemberId}`)).statusCode).toBe(200);
  });

  it('refuses edits outside the scope and edits by roles that only read', async () => {
    const body = (v: number) => ({ version: v });
    const outside = await sessions.coso.post(`/api/members/${f.memberElsewhere.id}/events`, {
      kind: 'exempted',
      eventDate: '2026-01-05',
      ...body(f.memberElsewhere.version),
    });
    expect(outside.statusCode).toBe(404);
    for (const user of ['bithu', 'btv', 'ubkt', 'dangvien']) {
      const res = await sessions[user].post(`/api/members/${f.memberInCell.id}/events`, {
        kind: 'exempted',
        eventDate: '2026-01-05',
        ...body(f.memberInCell.version),
      });
      expect(res.statusCode, user).toBe(403);
    }
  });

  it('counts only the subtree: overview and tree of a grassroots office', async () => {
    const mine = await sessions.coso.get('/api/overview');
    const whole = await sessions.vanphong.get(`/api/overview?orgUnitId=${f.committeeId}`);
    expect(mine.json().total).toBe(whole.json().total);
    expect((await sessions.coso.get(`/api/overview?orgUnitId=${f.upperId}`)).statusCode).toBe(404);
    const tree = await sessions.coso.get('/api/org-units/tree');
    expect(tree.json().nodes.map((n: { id: number }) => n.id)).toEqual([f.committeeId]);
    expect((await sessions.coso.get(`/api/org-units/tree?parentId=${f.upperId}`)).statusCode).toBe(
      404,
    );
    const search = await sessions.coso.get(
      `/api/org-units/search?q=${encodeURIComponent('bệnh viện')}`,
    );
    expect(search.json().items).toEqual([]);
  });

  it('exports only the subtree, for a member list and its filters', async () => {
    const res = await sessions.coso.get('/api/members/export.xlsx?purpose=Rà soát danh sách');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 4 && typeof row.getCell(1).value === 'number')
        names.push(String(row.getCell(2).value));
    });
    const list = await sessions.coso.get('/api/members?pageSize=200');
    expect(names.length).toBe(list.json().total);
    expect(names).not.toContain(f.memberElsewhere.full_name);
  });

  it('keeps administration pages to administrators', async () => {
    for (const user of ['vanphong', 'ubkt', 'btv', 'coso', 'bithu', 'dangvien']) {
      expect((await sessions[user].get('/api/accounts')).statusCode, user).toBe(403);
      expect((await sessions[user].get('/api/audit')).statusCode, user).toBe(403);
    }
    expect((await sessions.admin.get('/api/accounts')).statusCode).toBe(200);
  });

  it('hides sensitive fields from a cell secretary and logs reads by those who may see them', async () => {
    const hidden = (await sessions.bithu.get(`/api/members/${f.memberInCell.id}`)).json();
    expect(hidden.sensitiveHidden).toBe(true);
    expect(hidden.ethnicity).toBeNull();
    expect(hidden.familyPoliticalHistory).toBeNull();
    const filtered = await sessions.bithu.get('/api/members?ethnicity=Tày');
    expect(filtered.statusCode).toBe(403);
    const shown = (await sessions.coso.get(`/api/members/${f.memberInCell.id}`)).json();
    expect(shown.ethnicity).toEqual(expect.any(String));
    const audit = await sessions.admin.get(
      `/api/audit?action=read_sensitive&entityId=${f.memberInCell.id}`,
    );
    expect(audit.json().items.map((a: { username: string }) => a.username)).toContain('coso');
  });
});
