import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../db/client';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

// The organisation picker's search (issue 22): the whole scope, diacritic-blind, with each unit's
// path, paged; a user never finds a unit outside their subtree.
let t: Awaited<ReturnType<typeof openTestApp>>;
let office: Session;
let grassroots: Session;
let secretary: Session;

beforeAll(async () => {
  t = await openTestApp('demo');
  office = await loginAs(t.app, 'vanphong');
  grassroots = await loginAs(t.app, 'coso');
  secretary = await loginAs(t.app, 'bithu');
});
afterAll(async () => t.close());

type Item = { id: number; name: string; kind: string; path: string; ancestorNames: string[] };
type Res = { items: Item[]; total: number; page: number; pageSize: number };
const search = async (who: Session, q: string, extra = '') => {
  const res = await who.get(`/api/org-units/search?q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Res;
};

describe('organisation search', () => {
  it('finds units without diacritics or case, the likeliest first, with the path to them', async () => {
    const cell = await search(office, 'nghiep vu y');
    expect(cell.items[0]!.name).toBe('Chi bộ Phòng Nghiệp vụ Y');
    expect(cell.items[0]!.ancestorNames).toContain('Đảng bộ Sở Y tế');
    expect((await search(office, 'NGHIỆP VỤ Y')).items[0]!.name).toBe('Chi bộ Phòng Nghiệp vụ Y');
    const committee = await search(office, 'so y te');
    expect(committee.items[0]!.name).toBe('Đảng bộ Sở Y tế');
    // The path runs from the scope root down to the parent.
    const path = committee.items[0]!.ancestorNames;
    expect(path).toHaveLength(1);
  });

  it('pages through every match of the scope and filters by kind', async () => {
    const first = await search(office, 'chi bo', '&pageSize=5');
    expect(first.items).toHaveLength(5);
    expect(first.total).toBeGreaterThan(5);
    const second = await search(office, 'chi bo', '&pageSize=5&page=2');
    expect(second.items).toHaveLength(5);
    expect(second.items.map((i) => i.id)).not.toEqual(
      expect.arrayContaining(first.items.map((i) => i.id)),
    );
    const cells = await search(office, 'nghiep vu', '&kind=cell');
    expect(cells.items.length).toBeGreaterThan(0);
    expect(new Set(cells.items.map((i) => i.kind))).toEqual(new Set(['cell']));
  });

  it('a grassroots office finds its own units, with paths from its own committee, and nothing else', async () => {
    const res = await search(grassroots, 'nghiep vu y');
    expect(res.items[0]!.name).toBe('Chi bộ Phòng Nghiệp vụ Y');
    expect(res.items[0]!.ancestorNames).toEqual(['Đảng bộ Sở Y tế']);
    expect((await search(grassroots, 'so tai chinh')).total).toBe(0);
    // Every unit found lies in the Sở Y tế subtree.
    const all = await search(grassroots, 'chi bo', '&pageSize=50');
    const scope = all.items[0]!.path.split('.').slice(0, 3).join('.');
    for (const i of all.items) expect(i.ancestorNames[0] ?? i.name).toBe('Đảng bộ Sở Y tế');
    expect(scope.length).toBeGreaterThan(0);
  });

  it('a cell secretary never finds units outside the cell, however the name is spelt', async () => {
    const own = await search(secretary, 'nghiep vu');
    expect(own.items.map((i) => i.name)).toEqual(['Chi bộ Phòng Nghiệp vụ Y']);
    expect((await search(secretary, 'so y te')).total).toBe(0);
    // Names that exist in many organisations ("Chi bộ Phòng Nghiệp vụ 1") stay out of reach.
    const elsewhere = await queryRows<{ name: string }>(
      t.db,
      sql`select name from org_units where kind = 'cell' and name <> 'Chi bộ Phòng Nghiệp vụ Y'
          and dissolved_on is null limit 3`,
    );
    for (const { name } of elsewhere) expect((await search(secretary, name)).total).toBe(0);
  });

  it('refuses an empty query', async () => {
    expect((await office.get('/api/org-units/search?q=%20')).statusCode).toBe(400);
  });
});
