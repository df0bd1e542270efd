import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
let admin: Session;

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  admin = await loginAs(t.app, 'admin');
});
afterAll(async () => t.close());

describe('accounts', () => {
  it('creates an account with a one-time password that must be changed, scoped to a unit', async () => {
    const res = await admin.post('/api/accounts', {
      username: 'bithu.nhi',
      displayName: 'Bí thư Chi bộ Khoa Nhi',
      role: 'cell_secretary',
      scopeOrgUnitId: f.siblingCellId,
    });
    expect(res.statusCode).toBe(200);
    const { account, password } = res.json();
    expect(account).toMatchObject({
      username: 'bithu.nhi',
      mustChangePassword: true,
      isActive: true,
    });
    expect(password).toMatch(/^(?=.*\d)(?=.*[A-Za-z]).{14}$/);
    const s = await loginAs(t.app, 'bithu.nhi', password);
    const blocked = await s.get('/api/members');
    expect(blocked.json().details).toEqual({ mustChangePassword: true });
    const dup = await admin.post('/api/accounts', {
      username: 'BITHU.NHI',
      displayName: 'Trùng',
      role: 'member',
      scopeOrgUnitId: f.cellId,
      memberId: f.memberInCell.id,
    });
    expect(dup.json().message).toBe('Tên đăng nhập đã được sử dụng.');
  });

  it('ends the sessions of an account whose scope changes, and detects concurrent edits', async () => {
    const list = (await admin.get('/api/accounts?q=bithu')).json();
    const bithu = list.items.find((a: { username: string }) => a.username === 'bithu');
    const session = await loginAs(t.app, 'bithu');
    const moved = await admin.put(`/api/accounts/${bithu.id}`, {
      displayName: bithu.displayName,
      role: bithu.role,
      scopeOrgUnitId: f.siblingCellId,
      isActive: true,
      version: bithu.version,
    });
    expect(moved.statusCode).toBe(200);
    expect((await session.get('/api/auth/session')).statusCode).toBe(401);
    const stale = await admin.put(`/api/accounts/${bithu.id}`, {
      displayName: 'x y',
      role: bithu.role,
      scopeOrgUnitId: f.cellId,
      isActive: true,
      version: bithu.version,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses an account for a member without a member record', async () => {
    const res = await admin.post('/api/accounts', {
      username: 'dv.moi',
      displayName: 'Đảng viên mới',
      role: 'member',
      scopeOrgUnitId: f.cellId,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/gắn với một hồ sơ đảng viên/);
  });
});
