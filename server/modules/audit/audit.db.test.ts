// The audit log as an administrator reads it (issue 22): Vietnamese action labels, the account's name
// beside its username, the record's kind, name and page, and filters chosen from pickers (an account,
// an action, a record kind, dates), while the stored chain still verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSearchKey } from '../../../domain/text/vietnamese';
import { queryOne, sql } from '../../db/client';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
const s: Record<string, Session> = {};
let coso: { id: number; display_name: string };

type Row = {
  id: number;
  userId: number | null;
  username: string | null;
  userDisplayName: string | null;
  action: string;
  actionLabel: string;
  entityType: string;
  entityTypeLabel: string;
  entityId: string | null;
  entityName: string | null;
  entityLink: string | null;
};
const list = async (query: string) => {
  const res = await s.admin.get(`/api/audit?pageSize=200&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Row[]; total: number };
};

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  for (const u of ['admin', 'coso', 'dangvien']) s[u] = await loginAs(t.app, u);
  coso = (await queryOne<{ id: number; display_name: string }>(
    t.db,
    sql`select id, display_name from users where username = 'coso'`,
  ))!;
  // coso reads a member's restricted fields: logged as read_sensitive about that member.
  expect((await s.coso.get(`/api/members/${f.memberInCell.id}`)).statusCode).toBe(200);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('the audit log in Vietnamese', () => {
  it('names the action, the account and the record, and links the record to its page', async () => {
    const { items } = await list(`userId=${coso.id}&action=read_sensitive`);
    const read = items.find((r) => r.entityId === String(f.memberInCell.id));
    expect(read).toMatchObject({
      username: 'coso',
      userDisplayName: coso.display_name,
      actionLabel: 'Xem thông tin hạn chế',
      entityTypeLabel: 'Đảng viên',
      entityName: f.memberInCell.full_name,
      entityLink: `/dang-vien/${f.memberInCell.id}`,
    });
  });

  it('labels a login and links an account to the accounts page', async () => {
    const { items } = await list(`userId=${coso.id}&action=login`);
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({
      actionLabel: 'Đăng nhập',
      entityTypeLabel: 'Tài khoản',
      entityLink: '/tai-khoan',
      entityName: `${coso.display_name} (coso)`,
    });
  });

  it('filters by the picked account, action, record kind and dates', async () => {
    const mine = await list(`userId=${coso.id}`);
    expect(mine.total).toBeGreaterThan(1);
    expect(new Set(mine.items.map((r) => r.userId))).toEqual(new Set([coso.id]));
    const kinds = await list('entityType=member');
    expect(kinds.items.length).toBeGreaterThan(0);
    expect(kinds.items.every((r) => r.entityType === 'member')).toBe(true);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(),
    );
    const todays = await list(`userId=${coso.id}&from=${today}&to=${today}`);
    expect(todays.total).toBe(mine.total);
    expect((await list(`userId=${coso.id}&to=2000-01-01`)).total).toBe(0);
    // No row is left with a raw code where a label exists.
    const all = await list('');
    expect(all.items.every((r) => r.actionLabel !== r.action)).toBe(true);
  });

  it('finds accounts for the picker by name without diacritics, within the administrator’s scope', async () => {
    const word = toSearchKey(coso.display_name).split(' ').slice(-2).join(' ');
    const res = await s.admin.get(`/api/audit/users?q=${encodeURIComponent(word)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((u: { id: number }) => u.id)).toContain(coso.id);
    const byId = await s.admin.get(`/api/audit/users?id=${coso.id}`);
    expect(byId.json().items).toEqual([
      expect.objectContaining({ id: coso.id, username: 'coso', displayName: coso.display_name }),
    ]);
    expect((await s.dangvien.get('/api/audit/users?q=a')).statusCode).toBe(403);
  });

  it('leaves the stored chain intact', async () => {
    const res = await s.admin.get('/api/audit/verify');
    expect(res.json()).toMatchObject({ ok: true, firstBrokenId: null });
  });
});
