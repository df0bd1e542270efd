import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows, sql } from '../../db/client';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { readOrgMemberCounts, scanOrgMemberCounts } from '../figures';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
let office: Session;

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  office = await loginAs(t.app, 'vanphong');
});
afterAll(async () => t.close());

const decision = {
  effectiveDate: '2026-09-01',
  decisionNumber: '301-QĐ/ĐU',
  decisionDate: '2026-08-28',
};
const unitNamed = async (name: string) =>
  (await queryOne<{ id: number }>(
    t.db,
    sql`select id from org_units where name = ${name} and dissolved_on is null`,
  ))!.id;

const expectRollupsExact = async (unitIds: number[]) => {
  for (const id of unitIds) {
    expect(await readOrgMemberCounts(t.db, id), `unit ${id}`).toEqual(
      await scanOrgMemberCounts(t.db, id),
    );
  }
};

describe('organisation tree', () => {
  it('shows each node with the members of its whole subtree', async () => {
    const root = (await office.get('/api/org-units/tree')).json().nodes[0];
    const children = (await office.get(`/api/org-units/tree?parentId=${root.id}`)).json().nodes;
    expect(children.length).toBeGreaterThan(100);
    expect(children.reduce((s: number, n: { memberCount: number }) => s + n.memberCount, 0)).toBe(
      root.memberCount,
    );
    expect(root.name).toBe('Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn');
  });

  it('a cell secretary sees which organisations their cell belongs to, up to the bloc', async () => {
    const secretary = await loginAs(t.app, 'bithu');
    const detail = (await secretary.get(`/api/org-units/${f.cellId}`)).json();
    const names = detail.ancestors.map((a: { name: string }) => a.name);
    expect(names).toContain('Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn');
    expect(names.at(-1)).toBe(
      (await queryOne<{ name: string }>(
        t.db,
        sql`select p.name from org_units c join org_units p on p.id = c.parent_id where c.id = ${f.cellId}`,
      ))!.name,
    );
    // The units above stay out of reach: only their names are shown.
    const above = detail.ancestors.at(-1).id;
    expect((await secretary.get(`/api/org-units/${above}`)).statusCode).toBe(404);
  });

  it('shows the tree and names as they were before the 2025 reorganisation', async () => {
    const root2024 = (await office.get('/api/org-units/tree?asOf=2024-12-31')).json().nodes[0];
    expect(root2024.name).toBe('Đảng bộ Khối các cơ quan tỉnh Lạng Sơn');
    const kids2024 = (
      await office.get(`/api/org-units/tree?parentId=${root2024.id}&asOf=2024-12-31`)
    ).json().nodes;
    const names2024 = kids2024.map((n: { name: string }) => n.name);
    expect(names2024).toContain('Đảng bộ Sở Kế hoạch và Đầu tư');
    expect(names2024).toContain('Đảng bộ Sở Tài nguyên và Môi trường');
    const namesNow = (await office.get(`/api/org-units/tree?parentId=${root2024.id}`))
      .json()
      .nodes.map((n: { name: string }) => n.name);
    expect(namesNow).not.toContain('Đảng bộ Sở Kế hoạch và Đầu tư');
    expect(namesNow).toContain('Đảng bộ Sở Nông nghiệp và Môi trường');
    const finance = await unitNamed('Đảng bộ Sở Tài chính');
    const before = (
      await office.get(`/api/org-units/tree?parentId=${finance}&asOf=2024-12-31`)
    ).json().nodes.length;
    const after = (await office.get(`/api/org-units/tree?parentId=${finance}`)).json().nodes.length;
    expect(after).toBeGreaterThan(before);
    const detail = (await office.get(`/api/org-units/${f.upperId}`)).json();
    expect(detail.history.map((h: { name: string }) => h.name)).toEqual([
      'Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn',
      'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn',
    ]);
    expect(detail.history[0].operation.decisionNumber).toBe('1589-QĐ/TU');
  });

  it('finds units by name without diacritics, with the path to them', async () => {
    const res = (
      await office.get(`/api/org-units/search?q=${encodeURIComponent('nghiep vu y')}`)
    ).json();
    expect(res.items[0].name).toBe('Chi bộ Phòng Nghiệp vụ Y');
    expect(res.items[0].ancestorNames).toContain('Đảng bộ Sở Y tế');
  });

  it('merges two cells: members move by dated events, the source is dissolved, counts stay exact', async () => {
    const total = (await office.get('/api/overview')).json().total;
    const sourceCount = (await office.get(`/api/overview?orgUnitId=${f.siblingCellId}`)).json()
      .total;
    const targetCount = (await office.get(`/api/overview?orgUnitId=${f.cellId}`)).json().total;
    const res = await office.post('/api/org-units/operations', {
      kind: 'merge',
      sourceIds: [f.siblingCellId],
      targetId: f.cellId,
      ...decision,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().movedMembers).toBe(sourceCount);
    expect((await office.get(`/api/overview?orgUnitId=${f.cellId}`)).json().total).toBe(
      targetCount + sourceCount,
    );
    expect((await office.get('/api/overview')).json().total).toBe(total);
    const gone = (await office.get(`/api/org-units/${f.siblingCellId}`)).json();
    expect(gone.dissolvedOn).toBe('2026-09-01');
    // The day before, the old cell still had its members.
    const before = (await office.get(`/api/org-units/${f.siblingCellId}?asOf=2026-08-31`)).json();
    expect(before.memberCount).toBe(sourceCount);
    await expectRollupsExact([f.cellId, f.committeeId, f.upperId, f.rootId]);
  });

  it('moves a cell to another grassroots committee and its members with it', async () => {
    const cell = await unitNamed('Chi bộ Khoa Nhi');
    const from = await unitNamed('Đảng bộ Bệnh viện Đa khoa tỉnh');
    const n = (await office.get(`/api/overview?orgUnitId=${cell}`)).json().total;
    const before = (await office.get(`/api/overview?orgUnitId=${f.committeeId}`)).json().total;
    const res = await office.post('/api/org-units/operations', {
      kind: 'move',
      orgUnitId: cell,
      newParentId: f.committeeId,
      ...decision,
    });
    expect(res.statusCode).toBe(200);
    expect((await office.get(`/api/overview?orgUnitId=${f.committeeId}`)).json().total).toBe(
      before + n,
    );
    await expectRollupsExact([cell, from, f.committeeId, f.upperId]);
    const bad = await office.post('/api/org-units/operations', {
      kind: 'move',
      orgUnitId: f.committeeId,
      newParentId: cell,
      ...decision,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/chính nó hoặc tổ chức cấp dưới/);
  });

  it('splits a cell into two new cells, all members assigned', async () => {
    const cell = await unitNamed('Chi bộ Khối Ngoại');
    const ids = (
      await queryRows<{ id: number }>(
        t.db,
        sql`select id from members where org_unit_id = ${cell} and status in ('probationary','full','exempted','suspended') order by id`,
      )
    ).map((r) => r.id);
    const half = Math.ceil(ids.length / 2);
    const missing = await office.post('/api/org-units/operations', {
      kind: 'split',
      orgUnitId: cell,
      ...decision,
      newUnits: [{ name: 'Chi bộ Khoa Ngoại tổng hợp', memberIds: ids.slice(0, half) }],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/chưa được phân vào chi bộ mới/);
    const parts = [
      { name: 'Chi bộ Khoa Ngoại tổng hợp', memberIds: ids.slice(0, half) },
      { name: 'Chi bộ Khoa Chấn thương chỉnh hình', memberIds: ids.slice(half) },
    ];
    // Members admitted after the effective date cannot be moved on it: the reason names them.
    const tooEarly = await office.post('/api/org-units/operations', {
      kind: 'split',
      orgUnitId: cell,
      ...decision,
      effectiveDate: '2010-01-04',
      newUnits: parts,
    });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().message).toMatch(
      /^Không thể chuyển sinh hoạt cho đảng viên .+: Đảng viên không còn sinh hoạt/,
    );
    const ok = await office.post('/api/org-units/operations', {
      kind: 'split',
      orgUnitId: cell,
      ...decision,
      effectiveDate: '2026-11-02',
      newUnits: [
        { name: 'Chi bộ Khoa Ngoại tổng hợp', memberIds: ids.slice(0, half) },
        { name: 'Chi bộ Khoa Chấn thương chỉnh hình', memberIds: ids.slice(half) },
      ],
    });
    expect(ok.statusCode).toBe(200);
    const [a, b] = ok.json().affectedUnitIds;
    expect((await office.get(`/api/overview?orgUnitId=${a}`)).json().total).toBe(half);
    expect((await office.get(`/api/overview?orgUnitId=${b}`)).json().total).toBe(ids.length - half);
  });

  it('refuses to dissolve a cell that still has members, and to back-date a decision', async () => {
    const res = await office.post('/api/org-units/operations', {
      kind: 'dissolve',
      orgUnitId: f.cellId,
      ...decision,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/còn \d+ đảng viên đang sinh hoạt/);
    const moved = await unitNamed('Chi bộ Khoa Nhi');
    const early = await office.post('/api/org-units/operations', {
      kind: 'rename',
      orgUnitId: moved,
      name: 'Chi bộ Khoa Nhi – Sơ sinh',
      effectiveDate: '2026-08-01',
      decisionNumber: '9-QĐ/ĐU',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toMatch(/Ngày hiệu lực phải từ 01\/09\/2026/);
    const missingNumber = await office.post('/api/org-units/operations', {
      kind: 'rename',
      orgUnitId: f.cellId,
      name: 'Chi bộ Nghiệp vụ Y – Dược',
      effectiveDate: '2026-09-02',
      decisionNumber: '',
    });
    expect(missingNumber.json().message).toMatch(/Cần nhập số quyết định/);
  });

  it('establishes a cell only where the statute allows it, and audits the decision', async () => {
    const wrong = await office.post('/api/org-units/operations', {
      kind: 'establish',
      parentId: f.cellId,
      unitKind: 'cell',
      name: 'Chi bộ Thử nghiệm',
      ...decision,
    });
    expect(wrong.json().message).toMatch(/không thể trực thuộc chi bộ/);
    const ok = await office.post('/api/org-units/operations', {
      kind: 'establish',
      parentId: f.committeeId,
      unitKind: 'cell',
      name: 'Chi bộ Trung tâm Y tế dự phòng',
      ...decision,
    });
    expect(ok.statusCode).toBe(200);
    const admin = await loginAs(t.app, 'admin');
    const audit = (await admin.get(`/api/audit?action=org.establish`)).json();
    expect(audit.items[0].after).toMatchObject({
      name: 'Chi bộ Trung tâm Y tế dự phòng',
      decisionNumber: '301-QĐ/ĐU',
    });
    const coso = await loginAs(t.app, 'coso');
    const denied = await coso.post('/api/org-units/operations', {
      kind: 'rename',
      orgUnitId: f.cellId,
      name: 'Chi bộ mới',
      ...decision,
    });
    expect(denied.statusCode).toBe(403);
  });
});
