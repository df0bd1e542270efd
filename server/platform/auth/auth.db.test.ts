import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { users } from '../../db/schema/index';
import { TEST_PASSWORD } from '../../test/constants';
import { loginAs, openTestApp } from '../../test/test-db';
import { SESSION_CACHE_MS } from './auth.service';
import { totpCode } from './totp';

let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp('demo');
});
afterAll(async () => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('logging in', () => {
  it('gives an HttpOnly, SameSite=Strict session cookie and the user scope', async () => {
    const res = await login('vanphong', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(res.json().user).toMatchObject({
      username: 'vanphong',
      role: 'org_office',
      scopeName: 'Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn',
    });
  });

  it('refuses a wrong password with the same Vietnamese message as an unknown user', async () => {
    const wrong = await login('btv', 'sai-mat-khau-1');
    const unknown = await login('khongtontai', 'sai-mat-khau-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(unknown.json().message).toBe(wrong.json().message);
  });

  it('locks an account after five failures, even for the right password, and says for how long', async () => {
    for (let i = 0; i < 5; i++) await login('ubkt', `sai-${i}-mat-khau`);
    const res = await login('ubkt', TEST_PASSWORD);
    expect(res.statusCode).toBe(423);
    expect(res.json().message).toMatch(/tạm khóa.*phút/);
    await t.db
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null })
      .where(eq(users.username, 'ubkt'));
  });

  it('rejects a mutating request without the CSRF token', async () => {
    const s = await loginAs(t.app, 'vanphong');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF');
    expect((await s.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await s.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('ends every session of the account on "log out everywhere"', async () => {
    const a = await loginAs(t.app, 'btv');
    const b = await loginAs(t.app, 'btv');
    expect((await a.post('/api/auth/logout-everywhere')).statusCode).toBe(200);
    expect((await b.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('makes a user with a one-time password change it before anything else', async () => {
    await t.db.update(users).set({ mustChangePassword: true }).where(eq(users.username, 'admin'));
    const s = await loginAs(t.app, 'admin');
    const blocked = await s.get('/api/members');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().message).toMatch(/đổi mật khẩu/);
    const weak = await s.post('/api/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'chuachuso!!',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toMatch(/cả chữ và số/);
    const ok = await s.post('/api/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'MatKhauMoi2026',
    });
    expect(ok.statusCode).toBe(200);
    expect((await s.get('/api/members')).statusCode).toBe(200);
    expect((await login('admin', TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('asks anonymous callers to log in, in Vietnamese', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/members' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'UNAUTHENTICATED', message: 'Vui lòng đăng nhập.' });
  });

  it('slows down a client that tries too many logins', async () => {
    const strict = await openTestApp('empty', 3);
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await strict.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'x', password: 'y' },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
    await strict.close();
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain('/api/members/{id}');
  });
});

describe('second factor (one-time codes)', () => {
  it('makes an administrator set up one-time codes, then asks for a code at every login', async () => {
    // The first-login test above changed admin's password.
    const admin = await loginAs(t.app, 'admin', 'MatKhauMoi2026');
    const created = await admin.post('/api/accounts', {
      username: 'quantri2',
      displayName: 'Quản trị viên thứ hai',
      role: 'admin',
      scopeOrgUnitId: (await admin.get('/api/auth/session')).json().user.scopeOrgUnitId,
    });
    const first = await login('quantri2', created.json().password);
    const cookie = String(first.headers['set-cookie']).split(';')[0];
    const headers = { cookie, 'x-csrf-token': first.json().csrfToken };
    const post = (url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, headers, payload });
    await post('/api/auth/change-password', {
      currentPassword: created.json().password,
      newPassword: 'QuanTriHai2026',
    });
    expect(first.json().user.mustSetupTotp).toBe(true);
    const blocked = await t.app.inject({
      method: 'GET',
      url: '/api/accounts',
      headers: { cookie },
    });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().details).toEqual({ mustSetupTotp: true });

    const setup = (await post('/api/auth/totp/setup', {})).json();
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\/dangvu%3Aquantri2\?secret=/);
    expect(setup.qrSvg).toMatch(/^<svg/);
    const wrong = await post('/api/auth/totp/enable', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/Mã xác thực không đúng/);
    expect((await post('/api/auth/totp/enable', { code: totpCode(setup.secret) })).statusCode).toBe(
      200,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/accounts', headers: { cookie } })).statusCode,
    ).toBe(200);

    const noCode = await login('quantri2', 'QuanTriHai2026');
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json()).toMatchObject({
      message: 'Nhập mã xác thực 6 số từ ứng dụng trên điện thoại.',
      details: { totpRequired: true },
    });
    const badCode = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'quantri2', password: 'QuanTriHai2026', totpCode: '123456' },
    });
    expect(badCode.statusCode).toBe(401);
    const good = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        username: 'quantri2',
        password: 'QuanTriHai2026',
        totpCode: totpCode(setup.secret),
      },
    });
    expect(good.statusCode).toBe(200);
    expect(good.json().user.mustSetupTotp).toBe(false);

    // A lost phone: the administrator resets it and the account sets it up again.
    const id = created.json().account.id;
    expect((await admin.post(`/api/accounts/${id}/reset-totp`)).statusCode).toBe(200);
    const after = await login('quantri2', 'QuanTriHai2026');
    expect(after.json().user.mustSetupTotp).toBe(true);
  });
});

describe('sessions cached in the process', () => {
  type Account = {
    id: number;
    username: string;
    displayName: string;
    role: string;
    scopeOrgUnitId: number;
    memberId: number | null;
    isActive: boolean;
    version: number;
  };

  it('ends a session used a moment ago at once on "log out everywhere" and when an administrator locks the account', async () => {
    const a = await loginAs(t.app, 'btv');
    const b = await loginAs(t.app, 'btv');
    expect((await b.get('/api/members?pageSize=1')).statusCode).toBe(200);
    expect((await a.post('/api/auth/logout-everywhere')).statusCode).toBe(200);
    expect((await b.get('/api/members?pageSize=1')).statusCode).toBe(401);

    // The first-login test above changed admin's password.
    const admin = await loginAs(t.app, 'admin', 'MatKhauMoi2026');
    const c = await loginAs(t.app, 'btv');
    expect((await c.get('/api/members?pageSize=1')).statusCode).toBe(200);
    const find = async () =>
      (await admin.get('/api/accounts?q=btv&pageSize=100'))
        .json()
        .items.find((u: Account) => u.username === 'btv') as Account;
    const btv = await find();
    const put = (isActive: boolean, version: number) =>
      admin.put(`/api/accounts/${btv.id}`, {
        displayName: btv.displayName,
        role: btv.role,
        scopeOrgUnitId: btv.scopeOrgUnitId,
        memberId: btv.memberId,
        isActive,
        version,
      });
    expect((await put(false, btv.version)).statusCode).toBe(200);
    expect((await c.get('/api/members?pageSize=1')).statusCode).toBe(401);
    expect((await put(true, (await find()).version)).statusCode).toBe(200);
  });

  it('sees a change written by another process within the cache lifetime', async () => {
    const s = await loginAs(t.app, 'btv');
    expect((await s.get('/api/members?pageSize=1')).statusCode).toBe(200);
    // Another app process locks the account: this one has the session cached.
    await t.db.update(users).set({ isActive: false }).where(eq(users.username, 'btv'));
    try {
      const now = Date.now();
      const later = vi.spyOn(Date, 'now').mockReturnValue(now + SESSION_CACHE_MS + 1);
      try {
        expect((await s.get('/api/members?pageSize=1')).statusCode).toBe(401);
      } finally {
        later.mockRestore();
      }
    } finally {
      await t.db.update(users).set({ isActive: true }).where(eq(users.username, 'btv'));
    }
  });
});
