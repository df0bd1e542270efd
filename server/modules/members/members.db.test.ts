import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZMemberListQuery } from '../../../contracts/members';
import type { Role } from '../../../domain/enums/roles';
import { toSearchKey } from '../../../domain/text/vietnamese';
import { queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { demoFixtures, editableFields } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { findMembers } from './members.queries';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
let office: Session;

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  office = await loginAs(t.app, 'vanphong');
});
afterAll(async () => t.close());

const newMember = (overrides: Record<string, unknown> = {}) => ({
  fullName: 'Hoàng Thị Thu Hằng',
  sex: 'female',
  birthDate: '1995-04-12',
  ethnicity: 'Tày',
  religion: 'Không',
  citizenId: '020195999001',
  professionalLevel: 'bachelor',
  politicalTheory: 'elementary',
  position: 'Chuyên viên',
  entry: {
    kind: 'admitted',
    eventDate: '2026-03-02',
    orgUnitId: f.cellId,
    decisionNumber: '112-QĐ/ĐU',
  },
  ...overrides,
});

describe('member list', () => {
  it('finds "Nguyễn Văn Hưng" from "nguyen van hung", blind to case, diacritics and đ', async () => {
    const [target] = await queryRows<{ id: number; full_name: string }>(
      t.db,
      sql`select id, full_name from members where full_name like 'Đ%' or full_name like '%Đ%' limit 1`,
    );
    const query = toSearchKey(target.full_name).toUpperCase();
    const res = await office.get(`/api/members?q=${encodeURIComponent(query)}&pageSize=200`);
    expect(res.json().items.map((m: { id: number }) => m.id)).toContain(target.id);
    const part = toSearchKey(target.full_name).split(' ').slice(-2).join(' ');
    const partial = await office.get(`/api/members?q=${encodeURIComponent(part)}&pageSize=200`);
    expect(partial.json().items.map((m: { id: number }) => m.id)).toContain(target.id);
  });

  it('sorts by given name first, in Vietnamese letter order (Â after A, Đ after D)', async () => {
    const res = await office.get(`/api/members?orgUnitId=${f.upperId}&pageSize=200&page=1`);
    const given = res
      .json()
      .items.map((m: { fullName: string }) => m.fullName.split(' ').pop() as string);
    const letters = given.map((g: string) => g[0]);
    expect(letters[0]).toBe('A');
    const firstD = letters.indexOf('D');
    const firstĐ = letters.indexOf('Đ');
    if (firstĐ >= 0 && firstD >= 0) expect(firstĐ).toBeGreaterThan(firstD);
    const sorted = [...given].sort(new Intl.Collator('vi').compare);
    expect(given).toEqual(sorted);
  });

  it('paginates on the server and filters by status, sex, age band and theory', async () => {
    const all = (await office.get('/api/members?pageSize=20')).json();
    expect(all.items).toHaveLength(20);
    expect(all.total).toBeGreaterThan(5000);
    const women = (await office.get('/api/members?sex=female&pageSize=1')).json().total;
    const men = (await office.get('/api/members?sex=male&pageSize=1')).json().total;
    expect(women + men).toBe(all.total);
    const young = (await office.get('/api/members?ageBand=to30&pageSize=200')).json();
    const year = new Date().getFullYear();
    expect(
      young.items.every((m: { birthDate: string }) => year - Number(m.birthDate.slice(0, 4)) <= 30),
    ).toBe(true);
    const exempted = (await office.get('/api/members?status=exempted&pageSize=200')).json();
    expect(exempted.total).toBeGreaterThan(0);
    expect(exempted.items.every((m: { status: string }) => m.status === 'exempted')).toBe(true);
    const advanced = (
      await office.get('/api/members?politicalTheory=advanced,bachelor&pageSize=200')
    ).json();
    expect(
      advanced.items.every((m: { politicalTheory: string }) =>
        ['advanced', 'bachelor'].includes(m.politicalTheory),
      ),
    ).toBe(true);
  });

  it('exports exactly the filtered list, with the exporter and purpose in the file', async () => {
    const filter = `orgUnitId=${f.committeeId}&sex=female`;
    const list = (await office.get(`/api/members?${filter}&pageSize=200`)).json();
    const res = await office.get(
      `/api/members/export.xlsx?${filter}&purpose=${encodeURIComponent('Báo cáo Ban Tổ chức')}`,
    );
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Danh sách đảng viên')!;
    expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/vanphong.*Báo cáo Ban Tổ chức/);
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 4 && typeof row.getCell(1).value === 'number')
        names.push(String(row.getCell(2).value));
    });
    expect(names).toEqual(list.items.map((m: { fullName: string }) => m.fullName));
    const noPurpose = await office.get(`/api/members/export.xlsx?${filter}`);
    expect(noPurpose.statusCode).toBe(400);
  });
});

describe('name search at national scale (word keys)', () => {
  const officeActor = async (): Promise<Actor> => {
    const u = await queryOne<{ id: number; role: Role; scope: number; path: string }>(
      t.db,
      sql`select u.id, u.role, u.scope_org_unit_id as scope, o.path::text as path
          from users u join org_units o on o.id = u.scope_org_unit_id where u.username = 'vanphong'`,
    );
    return {
      userId: u!.id,
      username: 'vanphong',
      displayName: 'Văn phòng',
      role: u!.role,
      scopeOrgUnitId: u!.scope,
      scopePath: u!.path,
      memberId: null,
    };
  };
  const search = async (q: string, options: { smallSearchScope?: number; searchCap?: number }) =>
    findMembers(t.db, await officeActor(), ZMemberListQuery.parse({ q, pageSize: 200 }), options);
  const viaKeys = { smallSearchScope: 0, searchCap: 100_000 };
  const viaScan = { smallSearchScope: Number.MAX_SAFE_INTEGER };

  it('finds the same members, in the same order and total, as a scan of the subtree', async () => {
    const [someone] = await queryRows<{ full_name: string }>(
      t.db,
      sql`select full_name from members where full_name like '% % %' order by id limit 1`,
    );
    const lastTwo = toSearchKey(someone.full_name).split(' ').slice(-2).join(' ');
    for (const q of [lastTwo, 'Thị Thu', 'HU', 'dang', 'đặng v', 'ng', 'zzz']) {
      const keys = await search(q, viaKeys);
      const scan = await search(q, viaScan);
      expect(keys.total, q).toBe(scan.total);
      expect(keys.totalCapped, q).toBe(false);
      expect(
        keys.items.map((m) => m.id),
        q,
      ).toEqual(scan.items.map((m) => m.id));
    }
    expect((await search(lastTwo, viaKeys)).total).toBeGreaterThan(0);
    // Fourteen uncapped searches over the whole bloc: ~50 s on PostgreSQL on a busy 2-core machine.
  }, 240_000);

  it('matches word prefixes only: "hung" does not find "Phùng", "van hung" finds "Nguyễn Văn Hưng"', async () => {
    const hung = await search('hung', viaKeys);
    expect(hung.total).toBeGreaterThan(0);
    for (const m of hung.items) expect(toSearchKey(m.fullName)).toMatch(/(^| )hung/);
    const phung = await queryRows<{ id: number }>(
      t.db,
      sql`select id from members where name_norm like '%phung%'
          and not (name_norm like 'hung%' or name_norm like '% hung%')`,
    );
    const ids = new Set(hung.items.map((m) => m.id));
    expect(phung.every((p) => !ids.has(p.id))).toBe(true);
  });

  it('beyond the cap, says "more than" and lists the first word matches in Vietnamese order', async () => {
    const all = await search('nguyen', viaScan);
    expect(all.total).toBeGreaterThan(60);
    const capped = await search('nguyen', { ...viaKeys, searchCap: 50 });
    expect(capped.totalCapped).toBe(true);
    expect(capped.total).toBe(50);
    expect(capped.items).toHaveLength(50);
    for (const m of capped.items) expect(toSearchKey(m.fullName)).toMatch(/(^| )nguyen/);
    const given = capped.items.map((m) => m.fullName.split(' ').pop() as string);
    expect(given).toEqual([...given].sort(new Intl.Collator('vi').compare));
  });

  it('keeps the keys with renamed and new members', async () => {
    const [m] = await queryRows<{ id: number }>(
      t.db,
      sql`select id from members order by id limit 1`,
    );
    await t.db.execute(sql`update members set full_name = 'Lò Văn Xuyếnh' where id = ${m.id}`);
    const found = await search('van xuyenh', viaKeys);
    expect(found.items.map((x) => x.id)).toEqual([m.id]);
    const keys = await queryRows<{ key: string }>(
      t.db,
      sql`select key from member_name_keys where member_id = ${m.id} order by key`,
    );
    expect(keys.map((k) => k.key)).toEqual(['lo van xuyenh', 'van xuyenh', 'xuyenh']);
    const created = await office.post(
      '/api/members',
      newMember({ fullName: 'Quàng Thị Xoẳn', citizenId: '020195999077' }),
    );
    expect(created.statusCode).toBe(200);
    expect((await search('xoan', viaKeys)).items.map((x) => x.id)).toEqual([created.json().id]);
  });
});

describe('member record', () => {
  it('creates a probationary member in the cell and moves the counts', async () => {
    const before = (await office.get(`/api/overview?orgUnitId=${f.cellId}`)).json();
    const res = await office.post('/api/members', newMember());
    expect(res.statusCode).toBe(200);
    const detail = (await office.get(`/api/members/${res.json().id}`)).json();
    expect(detail).toMatchObject({
      status: 'probationary',
      orgUnitId: f.cellId,
      admittedOn: '2026-03-02',
    });
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['admitted']);
    const after = (await office.get(`/api/overview?orgUnitId=${f.cellId}`)).json();
    expect(after.total).toBe(before.total + 1);
    const upper = (await office.get(`/api/overview?orgUnitId=${f.upperId}`)).json();
    expect(
      upper.byStatus.find((s: { key: string }) => s.key === 'probationary').count,
    ).toBeGreaterThan(0);
  });

  it('explains bad input in Vietnamese and writes nothing', async () => {
    const count = async () => (await office.get('/api/members?pageSize=1')).json().total;
    const before = await count();
    const res = await office.post(
      '/api/members',
      newMember({ fullName: 'Hà', citizenId: '12345', birthDate: '2030-01-01' }),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION');
    const messages = body.fields.map((x: { message: string }) => x.message).join(' | ');
    expect(messages).toMatch(/Họ và tên cần ít nhất 3 ký tự/);
    expect(messages).toMatch(/12 chữ số/);
    const future = await office.post(
      '/api/members',
      newMember({ citizenId: '020195999777', birthDate: '2030-01-01' }),
    );
    expect(future.json().message).toBe('Ngày sinh không được sau ngày hôm nay.');
    const notACell = await office.post(
      '/api/members',
      newMember({
        citizenId: '020195999778',
        entry: { kind: 'admitted', eventDate: '2026-03-02', orgUnitId: f.committeeId },
      }),
    );
    expect(notACell.json().message).toMatch(/phải sinh hoạt tại một chi bộ/);
    expect(await count()).toBe(before);
  });

  it('refuses the second of two concurrent edits with a clear conflict', async () => {
    const m = (await office.get(`/api/members/${f.memberInSibling.id}`)).json();
    const fields = editableFields(m);
    const first = await office.put(`/api/members/${m.id}`, { ...fields, position: 'Trưởng phòng' });
    expect(first.statusCode).toBe(200);
    const second = await office.put(`/api/members/${m.id}`, {
      ...fields,
      position: 'Phó Trưởng phòng',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toMatch(/người khác cập nhật/);
    const now = (await office.get(`/api/members/${m.id}`)).json();
    expect(now.position).toBe('Trưởng phòng');
    expect(now.version).toBe(m.version + 1);
    const audit = await (await loginAs(t.app, 'admin')).get(
      `/api/audit?entityType=member&entityId=${m.id}&action=member.update`,
    );
    expect(audit.json().items[0]).toMatchObject({
      username: 'vanphong',
      before: { position: m.position },
      after: { position: 'Trưởng phòng' },
    });
  });

  it('keeps family and work history, and hides the family from a cell secretary', async () => {
    const m = (await office.get(`/api/members/${f.memberInCell.id}`)).json();
    const family = [{ relation: 'Vợ', fullName: 'Lý Thị Hoa', birthYear: 1988, note: 'Giáo viên' }];
    const workHistory = [
      { from: '09/2010', to: null, description: 'Chuyên viên Phòng Nghiệp vụ Y, Sở Y tế' },
    ];
    const saved = await office.put(`/api/members/${m.id}`, {
      ...editableFields(m),
      family,
      workHistory,
    });
    expect(saved.statusCode).toBe(200);
    const again = (await office.get(`/api/members/${m.id}`)).json();
    expect(again.family).toEqual(family);
    expect(again.workHistory).toEqual(workHistory);
    const secretary = await loginAs(t.app, 'bithu');
    const seen = (await secretary.get(`/api/members/${m.id}`)).json();
    expect(seen.family).toBeNull();
    expect(seen.workHistory).toEqual(workHistory);
  });

  it('derives status from events: an exemption, then death, and impossible events are refused', async () => {
    const m = (await office.get(`/api/members/${f.memberInCell.id}`)).json();
    const exempt = await office.post(`/api/members/${m.id}/events`, {
      kind: 'exempted',
      eventDate: '2026-06-01',
      version: m.version,
    });
    expect(exempt.statusCode).toBe(200);
    expect((await office.get(`/api/members/${m.id}`)).json().status).toBe('exempted');
    const died = await office.post(`/api/members/${m.id}/events`, {
      kind: 'died',
      eventDate: '2026-07-01',
      version: exempt.json().version,
    });
    expect((await office.get(`/api/members/${m.id}`)).json().status).toBe('died');
    const after = await office.post(`/api/members/${m.id}/events`, {
      kind: 'moved',
      eventDate: '2026-08-01',
      orgUnitId: f.siblingCellId,
      version: died.json().version,
    });
    expect(after.statusCode).toBe(400);
    expect(after.json().message).toBe('Đảng viên không còn sinh hoạt trong Đảng bộ.');
    // As of a date before the death the member still counts; today they do not.
    const past = (await office.get(`/api/overview?orgUnitId=${f.cellId}&asOf=2026-06-15`)).json();
    expect(past.byStatus.find((s: { key: string }) => s.key === 'exempted').count).toBeGreaterThan(
      0,
    );
  });
});
