import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loginThrottles, users } from '../../db/schema/index';
import { TEST_PASSWORD, TEST_TOTP_SECRET } from '../../test/constants';
import { loginAs, openTestApp } from '../../test/test-db';
import { ACCOUNT_LOCK_AFTER, SESSION_CACHE_MS } from './auth.service';
import { totpCode } from './totp';

let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp('demo');
});
afterAll(async () => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

/** A login from a given address, with a one-time code and the cookies a browser would send. */
const loginFrom = (
  remoteAddress: string,
  payload: { username: string; password: string; totpCode?: string },
  cookie?: string,
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    payload,
    headers: cookie ? { cookie } : {},
  });

const forgetFailures = async () => {
  await t.db.delete(loginThrottles);
  await t.db.update(users).set({ failedLogins: 0, lockedUntil: null });
};

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
    await forgetFailures();
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
        // The code that enabled the second factor is used; the phone shows the next one.
        totpCode: totpCode(setup.secret, Date.now() + 30_000),
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

// Found by probing every route as each role (issue 23); the rules are in README.md ("Failed logins").
describe('one-time codes are used once (RFC 6238 §5.2)', () => {
  it('refuses the same code a second time within its window, and lets only one of two racing logins in', async () => {
    // Forget the step that the helper's logins above used.
    await t.db.update(users).set({ totpLastStep: null }).where(eq(users.username, 'admin'));
    const payload = {
      username: 'admin',
      password: 'MatKhauMoi2026',
      totpCode: totpCode(TEST_TOTP_SECRET),
    };
    const first = await loginFrom('10.9.0.1', payload);
    expect(first.statusCode).toBe(200);
    const again = await loginFrom('10.9.0.1', payload);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({
      message: 'Mã xác thực này đã được dùng. Chờ mã mới trên điện thoại rồi nhập lại.',
      details: { totpRequired: true },
    });
    // An earlier code of the window is refused too once a later one was used.
    const earlier = await loginFrom('10.9.0.1', {
      ...payload,
      totpCode: totpCode(TEST_TOTP_SECRET, Date.now() - 30_000),
    });
    expect(earlier.statusCode).toBe(401);

    await t.db.update(users).set({ totpLastStep: null }).where(eq(users.username, 'admin'));
    const race = await Promise.all([
      loginFrom('10.9.0.2', payload),
      loginFrom('10.9.0.3', payload),
      loginFrom('10.9.0.4', payload),
    ]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 401, 401]);
    await forgetFailures();
  });
});

describe('failed logins (README.md, "Failed logins")', () => {
  it('answers a locked existing account and a locked unknown username alike', async () => {
    await forgetFailures();
    const answers = [];
    for (const username of ['btv', 'khong-ai-ten-nay']) {
      for (let i = 0; i < 5; i++)
        await loginFrom('10.8.0.1', { username, password: `sai-${i}-mat-khau` });
      const res = await loginFrom('10.8.0.1', { username, password: 'sai-nua' });
      answers.push({ status: res.statusCode, body: res.json() });
    }
    expect(answers[0].status).toBe(423);
    expect(answers[1]).toEqual(answers[0]);
    // Across many addresses the account lock answers alike too.
    const wide = [];
    for (const username of ['coso', 'cung-khong-co-ai']) {
      for (let i = 0; i < ACCOUNT_LOCK_AFTER; i++)
        await loginFrom(`10.7.${i}.1`, { username, password: `sai-${i}-mat-khau` });
      const res = await loginFrom('10.7.200.1', { username, password: 'sai-nua' });
      wide.push({ status: res.statusCode, body: res.json() });
    }
    expect(wide[0].status).toBe(423);
    expect(wide[1]).toEqual(wide[0]);
    await forgetFailures();
  });

  it("does not let a stranger's failures from another address lock the user out", async () => {
    await forgetFailures();
    for (let i = 0; i < 12; i++)
      await loginFrom('10.6.0.66', { username: 'vanphong', password: `doan-${i}` });
    expect(
      (await loginFrom('10.6.0.66', { username: 'vanphong', password: TEST_PASSWORD })).statusCode,
    ).toBe(423);
    const real = await loginFrom('10.6.0.1', { username: 'vanphong', password: TEST_PASSWORD });
    expect(real.statusCode).toBe(200);
    await forgetFailures();
  });

  it('keeps a known device and the second factor working while strangers lock the account', async () => {
    await forgetFailures();
    // The user's browser logged in before: it holds the device cookie.
    const before = await loginFrom('10.5.0.1', { username: 'bithu', password: TEST_PASSWORD });
    expect(before.statusCode).toBe(200);
    const cookies = ([] as string[]).concat(before.headers['set-cookie'] ?? []);
    const device = cookies.find((c) => c.startsWith('dv_device='))!.split(';')[0];
    expect(cookies.find((c) => c.startsWith('dv_device='))).toMatch(/HttpOnly/);
    // Strangers from many addresses, against a user without and one with a second factor.
    for (const username of ['bithu', 'admin'])
      for (let i = 0; i < ACCOUNT_LOCK_AFTER + 2; i++)
        await loginFrom(`10.4.${i}.9`, { username, password: `doan-${i}` });
    const newBrowser = await loginFrom('10.5.0.2', { username: 'bithu', password: TEST_PASSWORD });
    expect(newBrowser.statusCode).toBe(423);
    const known = await loginFrom(
      '10.5.0.2',
      { username: 'bithu', password: TEST_PASSWORD },
      device,
    );
    expect(known.statusCode).toBe(200);
    // A device cookie of another account does not help.
    const otherAccount = await loginFrom(
      '10.5.0.2',
      { username: 'admin', password: 'doan-sai' },
      device,
    );
    expect(otherAccount.statusCode).toBe(423);
    // The administrator has the second factor: password and a fresh code still log in.
    const admin = await loginFrom('10.5.0.3', {
      username: 'admin',
      password: 'MatKhauMoi2026',
      totpCode: totpCode(TEST_TOTP_SECRET, Date.now() + 30_000),
    });
    expect(admin.statusCode).toBe(200);
    const adminNoCode = await loginFrom('10.5.0.3', {
      username: 'admin',
      password: 'sai-mat-khau',
    });
    expect(adminNoCode.statusCode).toBe(423);
    await forgetFailures();
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
