// Issue 22, notifications in the browser: the cell secretary chooses e-mail at once for deadlines,
// the administrator runs the job ("Tạo thông báo ngay"), the secretary's bell counts the unread,
// the list opens from it, one and then all are marked read; the e-mail reaches a real SMTP server
// started here on 127.0.0.1; the page fits a 390 px phone.
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../server/platform/auth/totp';
import { launchBrowser, logIn, pick, type Server, screenshot, startServer } from './harness';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let smtp: SMTPServer;
const inbox: { to: string; raw: string }[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (c) => {
        raw += c;
      });
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  server = await startServer({
    env: {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      SMTP_FROM: 'Dang vu <dangvu@example.vn>',
      // No timer: the administrator runs the job by hand, so the test knows when it ran.
      DANGVU_NOTIFY_MINUTES: '0',
    },
  });
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  if (smtp) await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const freshPage = async (viewport: { width: number; height: number }) => {
  await context?.close();
  context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport });
  page = await context.newPage();
};

const adminPassword = 'QuanTri2026moi';

/**
 * Log in: the demo role accounts go straight in; the administrator's first login replaces the
 * one-time password and turns on one-time codes. Each page is waited for itself: the address passes
 * through others on the way.
 */
const signIn = async (username: string) => {
  await logIn(page, server, username);
  if (username !== 'admin') {
    await page.waitForURL((u) => !u.pathname.includes('dang-nhap'));
    return;
  }
  await page.waitForURL(/doi-mat-khau/);
  await page.getByLabel('Mật khẩu hiện tại').fill(server.passwords.admin);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(adminPassword);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(adminPassword);
  await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
  await page.waitForURL(/xac-thuc-hai-lop/);
  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  await page.getByPlaceholder('Mã 6 số').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.waitForURL((u) => !u.pathname.includes('xac-thuc-hai-lop'));
};

/** JSON calls with the page's session. */
const apiOf = async () => {
  const session = await (await page.request.get(`${server.url}/api/auth/session`)).json();
  const call = async (method: 'get' | 'post', url: string, data?: unknown) => {
    const res = await page.request[method](`${server.url}${url}`, {
      headers: { 'x-csrf-token': session.csrfToken },
      data,
    });
    const body = await res.json();
    if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
    return body;
  };
  return {
    get: (url: string) => call('get', url),
    post: (url: string, data: unknown) => call('post', url, data),
  };
};

/** Applicants of bithu's cell voted in by the cell on 04/08/2026, no admission decision since. */
const lateApplicants = async (names: string[]) => {
  const office = await apiOf();
  const cell = (
    await office.get(`/api/org-units/search?q=${encodeURIComponent('Chi bộ Phòng Nghiệp vụ Y')}`)
  ).items[0];
  for (const fullName of names) {
    const applicant = await office.post('/api/recruitment/applicants', {
      orgUnitId: cell.id,
      fullName,
      sex: 'male',
      birthDate: '1996-10-02',
      generalEducation: '12/12',
    });
    for (const [step, stepDate] of [
      ['candidate', '2026-01-12'],
      ['awareness_course', '2026-03-02'],
      ['application', '2026-04-06'],
      ['background', '2026-05-11'],
      ['referees', '2026-06-01'],
      ['opinions', '2026-07-06'],
      ['cell_vote', '2026-08-04'],
    ]) {
      const detail = await office.get(`/api/recruitment/applicants/${applicant.id}`);
      await office.post(`/api/recruitment/applicants/${applicant.id}/steps`, {
        step,
        stepDate,
        version: detail.version,
        ...(step === 'cell_vote' ? { votesFor: 7, votesTotal: 8 } : {}),
      });
    }
  }
};

const unreadOnBell = async () =>
  Number(
    (await page.getByTestId('notification-bell').getAttribute('aria-label'))?.match(/\d+/)?.[0] ??
      0,
  );

describe('notifications', () => {
  it('the secretary chooses e-mail for deadlines; the change is saved', async () => {
    await freshPage({ width: 1440, height: 900 });
    await signIn('bithu');
    await page.getByTestId('notification-bell').click();
    await page.waitForURL(/thong-bao/);
    await page.getByRole('heading', { name: 'Thông báo' }).waitFor();
    await page.getByTestId('notification-settings').waitFor();
    await page.getByTestId('notification-email').fill('bithu@example.vn');
    await pick(page.getByTestId('channel-deadline').locator('input'), 'Gửi e-mail ngay');
    await page.getByTestId('save-settings').click();
    await page.getByText('Đã lưu cách nhận thông báo.').waitFor();
  });

  it('the administrator runs the job by hand', async () => {
    // The demo's cell has nothing due today: the office records two applicants of the cell whose
    // admission decision is late (as in e2e/lifecycle.e2e.ts), so the job has deadlines to tell.
    await freshPage({ width: 1440, height: 900 });
    await signIn('vanphong');
    await lateApplicants(['Chu Văn Khải', 'Chu Văn Khiêm']);
    await freshPage({ width: 1440, height: 900 });
    await signIn('admin');
    await page.goto(`${server.url}/thong-bao`);
    await page.getByTestId('run-notifications').click();
    await page.getByText(/Đã tạo [1-9]\d* thông báo/).waitFor({ timeout: 240_000 });
  }, 300_000);

  it('the bell counts the unread; the list marks one, then all, read', async () => {
    await freshPage({ width: 1440, height: 900 });
    await signIn('bithu');
    await page.getByTestId('notification-bell').waitFor();
    await expect.poll(unreadOnBell, { timeout: 30_000 }).toBeGreaterThan(0);
    const before = await unreadOnBell();
    await page.getByTestId('notification-bell').click();
    await page.waitForURL(/thong-bao/);
    await page.getByTestId('notification-item').first().waitFor();
    await screenshot(page, 'notifications-01-list-1440');
    expect(
      await page.locator('[data-testid="notification-item"][data-unread="true"]').count(),
    ).toBeGreaterThan(0);
    await page.getByTestId('mark-read').first().click();
    await expect.poll(unreadOnBell).toBe(before - 1);
    await page.getByTestId('mark-all-read').click();
    await expect.poll(unreadOnBell).toBe(0);
    expect(
      await page.locator('[data-testid="notification-item"][data-unread="true"]').count(),
    ).toBe(0);
    // The deadlines chosen "e-mail at once" reached the SMTP server.
    await expect
      .poll(() => inbox.filter((m) => m.to === 'bithu@example.vn').length)
      .toBeGreaterThan(0);
    expect(inbox.find((m) => m.to === 'bithu@example.vn')!.raw).toMatch(/Subject:/);
  });

  it('fits a 390 px phone', async () => {
    await freshPage({ width: 390, height: 844 });
    await signIn('bithu');
    await page.getByTestId('notification-bell').waitFor();
    await page.goto(`${server.url}/thong-bao`);
    await page.getByTestId('notification-item').first().waitFor();
    const widths = await page.evaluate(() => ({
      sw: document.documentElement.scrollWidth,
      cw: document.documentElement.clientWidth,
    }));
    expect(widths.sw).toBeLessThanOrEqual(widths.cw);
    await screenshot(page, 'notifications-02-phone-390');
    await page.getByTestId('notification-settings').scrollIntoViewIfNeeded();
    await screenshot(page, 'notifications-03-settings-390');
  });
});
