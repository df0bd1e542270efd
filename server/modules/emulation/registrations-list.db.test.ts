// Issues 20 and 22: a movement's registrations (the demo's "Dân vận khéo" 2021–2025: some 285 units
// and 1,330 members) are a server-paged list that stays usable — every page together is every
// registration once, filters by unit (and the units under it), by kind and by words without
// diacritics, each actor's own subtree only (a cell secretary sees their cell's), and an XLSX of
// exactly the filtered list, audited because it names members.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSearchKey } from '../../../domain/text/vietnamese';
import { queryOne, sql } from '../../db/client';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
const s: Record<string, Session> = {};
let movementId: number;

beforeAll(async () => {
  t = await openTestApp('demo');
  for (const u of ['vanphong', 'coso', 'bithu', 'dangvien']) s[u] = await loginAs(t.app, u);
  movementId = (await queryOne<{ id: number }>(
    t.db,
    sql`select id from emulation_movements where name like '%Dân vận khéo%2021%' order by id limit 1`,
  ))!.id;
}, 600_000);
afterAll(async () => t.close());

type Item = {
  id: number;
  orgUnitId: number;
  orgUnitName: string;
  parentName: string | null;
  memberId: number | null;
  memberName: string | null;
  registeredOn: string;
  undertaking: string | null;
};
type List = { items: Item[]; total: number; counts: { units: number; members: number } };

const list = async (who: string, query = '') => {
  const res = await s[who].get(`/api/emulation/movements/${movementId}/registrations?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as List;
};
/** Every page of 200 of a filter, in order. */
const allPages = async (who: string, query = '') => {
  const first = await list(who, `${query}&pageSize=200&page=1`);
  const items = [...first.items];
  for (let page = 2; (page - 1) * 200 < first.total; page++)
    items.push(...(await list(who, `${query}&pageSize=200&page=${page}`)).items);
  return { ...first, items };
};
const scopeOf = async (username: string) =>
  (await queryOne<{ id: number }>(
    t.db,
    sql`select scope_org_unit_id as id from users where username = ${username}`,
  ))!.id;
/** Registrations of the movement under a unit, counted in the database. */
const countUnder = async (unitId: number) =>
  (await queryOne<{ units: number; members: number }>(
    t.db,
    sql`select count(*) filter (where r.member_id is null)::int as units,
          count(*) filter (where r.member_id is not null)::int as members
        from movement_registrations r join org_units o on o.id = r.org_unit_id
        where r.movement_id = ${movementId}
          and o.path <@ (select path from org_units where id = ${unitId})`,
  ))!;

describe('the registrations of a movement, paged, filtered, exported', () => {
  it('pages every registration of the subtree once, and the detail keeps only the counts', async () => {
    const inDb = await countUnder(await scopeOf('vanphong'));
    expect(inDb.units).toBeGreaterThan(100);
    expect(inDb.members).toBeGreaterThan(500);
    const first = await list('vanphong');
    // The default page is 20, with the total and the counts of the whole subtree.
    expect(first.items).toHaveLength(20);
    expect(first.counts).toEqual(inDb);
    expect(first.total).toBe(inDb.units + inDb.members);
    const all = await allPages('vanphong');
    expect(all.items).toHaveLength(first.total);
    expect(new Set(all.items.map((r) => r.id)).size).toBe(first.total);
    // Small pages cut the same list.
    const small = [
      ...(await list('vanphong', 'pageSize=7&page=1')).items,
      ...(await list('vanphong', 'pageSize=7&page=2')).items,
    ];
    expect(small.map((r) => r.id)).toEqual(all.items.slice(0, 14).map((r) => r.id));
    // In each unit, its own registration comes before its members'.
    const seenMember = new Set<number>();
    for (const r of all.items) {
      if (r.memberId !== null) seenMember.add(r.orgUnitId);
      else expect(seenMember.has(r.orgUnitId)).toBe(false);
    }
    const detail = (await s.vanphong.get(`/api/emulation/movements/${movementId}`)).json();
    expect(detail).toMatchObject({ registeredUnits: inDb.units, registeredMembers: inDb.members });
    expect(detail).not.toHaveProperty('registrations');
  }, 180_000);

  it('filters by a unit (with the units under it) and by kind', async () => {
    const committee = await scopeOf('coso');
    const inDb = await countUnder(committee);
    const under = await allPages('vanphong', `unit=${committee}`);
    expect(under.counts).toEqual(inDb);
    expect(under.items).toHaveLength(inDb.units + inDb.members);
    const members = await list('vanphong', `unit=${committee}&kind=member&pageSize=200`);
    expect(members.total).toBe(inDb.members);
    expect(members.items.every((r) => r.memberId !== null && r.memberName)).toBe(true);
    const units = await list('vanphong', `unit=${committee}&kind=unit&pageSize=200`);
    expect(units.total).toBe(inDb.units);
    expect(units.items.every((r) => r.memberId === null)).toBe(true);
    // The counts stay those of the unit and the words, whatever the kind shown.
    expect(units.counts).toEqual(inDb);
  });

  it('finds registrations by a member’s name, a unit’s name or the undertaking, without diacritics', async () => {
    const sample = (await list('vanphong', 'kind=member&pageSize=50')).items.at(-1)!;
    const bare = toSearchKey(sample.memberName!);
    const found = await allPages('vanphong', `q=${encodeURIComponent(bare)}`);
    expect(found.items.map((r) => r.id)).toContain(sample.id);
    expect(
      found.items.every((r) =>
        [r.orgUnitName, r.memberName ?? '', r.undertaking ?? ''].some((v) =>
          toSearchKey(v).includes(toSearchKey(bare)),
        ),
      ),
    ).toBe(true);
    expect(found.total).toBeLessThan(100);
    expect(await list('vanphong', 'q=khongcodangkynaonhuthe')).toMatchObject({
      total: 0,
      items: [],
      counts: { units: 0, members: 0 },
    });
  });

  it('keeps a cell secretary to their cell’s registrations and refuses a unit outside the scope', async () => {
    const cell = await scopeOf('bithu');
    const inDb = await countUnder(cell);
    expect(inDb.units + inDb.members).toBeGreaterThan(0);
    const own = await allPages('bithu');
    expect(own.counts).toEqual(inDb);
    expect(own.items.every((r) => r.orgUnitId === cell)).toBe(true);
    const detail = (await s.bithu.get(`/api/emulation/movements/${movementId}`)).json();
    expect(detail).toMatchObject({ registeredUnits: inDb.units, registeredMembers: inDb.members });
    const bloc = await scopeOf('vanphong');
    expect(
      (await s.coso.get(`/api/emulation/movements/${movementId}/registrations?unit=${bloc}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await s.coso.get(`/api/emulation/movements/${movementId}/registrations.xlsx?unit=${bloc}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await s.dangvien.get(`/api/emulation/movements/${movementId}/registrations`)).statusCode,
    ).toBe(403);
    expect(
      (await s.dangvien.get(`/api/emulation/movements/${movementId}/registrations.xlsx`))
        .statusCode,
    ).toBe(403);
  });

  it('exports exactly the filtered list, in the page’s order, readable back, and records it', async () => {
    const committee = await scopeOf('coso');
    const filtered = await allPages('vanphong', `unit=${committee}&kind=member`);
    const res = await s.vanphong.get(
      `/api/emulation/movements/${movementId}/registrations.xlsx?unit=${committee}&kind=member`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`dang-ky-thi-dua-${movementId}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Đăng ký thi đua')!;
    expect(sheet.getRow(3).getCell(4).value).toBe('Đảng viên');
    const rows: { unit: string; member: string }[] = [];
    sheet.eachRow((row, n) => {
      if (n > 3)
        rows.push({ unit: String(row.getCell(2).value), member: String(row.getCell(4).value) });
    });
    // Every registration of the filter, not one page of it, in the same order.
    expect(rows).toHaveLength(filtered.total);
    expect(rows).toEqual(
      filtered.items.map((r) => ({ unit: r.orgUnitName, member: r.memberName })),
    );
    const audit = await queryOne<{ action: string; entity_id: string; after: { rows: number } }>(
      t.db,
      sql`select action, entity_id, after from audit_log order by id desc limit 1`,
    );
    expect(audit).toMatchObject({
      action: 'emulation.registration.export',
      entity_id: String(movementId),
      after: { rows: filtered.total },
    });
  });
});
