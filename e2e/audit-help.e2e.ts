// Issue 22 in the browser: the administrator reads the audit log in Vietnamese and filters it by an
// account picked by name; a member on a 390 px phone sees a header that does not overlap, a menu that
// opens over the page (not beside it), a guide for the page, and no page of the menu wider than the
// screen.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../server/platform/auth/totp';
import { launchBrowser, logIn, pick, type Server, screenshot, startServer } from './harness';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const freshPage = async (viewport: { width: number; height: number }) => {
  await context?.close();
  context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport });
  page = await context.newPage();
};

/**
 * The administrator's first login: the one-time password is replaced and one-time codes turned on
 * (the demo role accounts go straight in). Each page is waited for itself: the address passes through
 * others on the way.
 */
const firstAdminLogin = async (password: string) => {
  await logIn(page, server, 'admin');
  await page.waitForURL(/doi-mat-khau/);
  await page.getByLabel('Mật khẩu hiện tại').fill(server.passwords.admin);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(password);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(password);
  await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
  await page.waitForURL(/xac-thuc-hai-lop/);
  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  await page.getByPlaceholder('Mã 6 số').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.waitForURL((u) => !u.pathname.includes('xac-thuc-hai-lop'));
};

const box = async (testId: string) => {
  const b = await page.getByTestId(testId).boundingBox();
  if (!b) throw new Error(`${testId} not shown`);
  return b;
};

describe('the audit log in Vietnamese', () => {
  it('shows labels, names and links, and filters by an account picked by name', async () => {
    await freshPage({ width: 1440, height: 900 });
    await firstAdminLogin('QuanTri2026moi');
    await page.goto(`${server.url}/nhat-ky`);
    // The first login and the password change, in Vietnamese, not as codes.
    await page.getByRole('cell', { name: 'Đổi mật khẩu', exact: true }).first().waitFor();
    await page.getByRole('cell', { name: 'Bật xác thực hai lớp', exact: true }).first().waitFor();
    expect(await page.getByRole('cell', { name: 'totp_enabled', exact: true }).count()).toBe(0);
    expect(await page.getByRole('cell', { name: 'password_changed', exact: true }).count()).toBe(0);
    // Pick the account by typing part of its username; every row is then that account's.
    await pick(page.getByTestId('audit-user').locator('input'), /\(admin\)/, 'admin');
    await page.waitForURL(/nguoi=\d+/);
    // The table reloads for the filter: read it once the new rows are in (the old ones may show meanwhile).
    const whoColumn = page.locator('.ant-table-row td:nth-child(4)');
    await expect
      .poll(
        async () => {
          const who = await whoColumn.allTextContents();
          return who.length > 0 && who.every((w) => w.includes('admin'));
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    // The action picker lists labels grouped by area.
    await page.getByTestId('audit-action').click();
    await page.getByText('Kiểm tra, giám sát', { exact: true }).first().waitFor();
    await page.keyboard.press('Escape');
    await screenshot(page, 'audit-help-01-nhat-ky');
    // The page's guide opens from the header.
    await page.getByTestId('help-button').click();
    await page.getByText('Hướng dẫn: Nhật ký hệ thống').waitFor();
    await page
      .getByText(/Nghị định 13\/2023\/NĐ-CP/)
      .first()
      .waitFor();
  });
});

describe('a member on a 390 px phone', () => {
  it('has a header that does not overlap, an overlay menu, and no page wider than the screen', async () => {
    await freshPage({ width: 390, height: 844 });
    await logIn(page, server, 'dangvien');
    await page.waitForURL((u) => !u.pathname.includes('dang-nhap'));
    await page.getByTestId('menu-button').waitFor();
    const button = await box('menu-button');
    const name = await box('header-scope');
    const header = await box('app-header');
    expect(button.x + button.width).toBeLessThanOrEqual(name.x);
    expect(name.height).toBeLessThanOrEqual(header.height); // one line, cut with an ellipsis
    const tools = await box('header-tools');
    expect(name.x + name.width).toBeLessThanOrEqual(tools.x + 1);
    expect(tools.x + tools.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'audit-help-02-dien-thoai');

    const contentWidth = () =>
      page.evaluate(() => document.querySelector('.ant-layout-content')?.clientWidth ?? 0);
    const before = await contentWidth();
    await page.getByTestId('menu-button').click();
    const menu = page.getByTestId('main-menu');
    await menu.waitFor();
    await screenshot(page, 'audit-help-03-trinh-don');
    // The menu lies over the page: the page keeps its width, less the scrollbar the open drawer hides.
    expect(Math.abs((await contentWidth()) - before)).toBeLessThanOrEqual(16);
    const labels = await menu.locator('.ant-menu-item').allTextContents();
    expect(labels).toContain('Hồ sơ của tôi');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });

    const overflowing: string[] = [];
    for (const label of labels) {
      await page.getByTestId('menu-button').click();
      await page.getByTestId('main-menu').getByText(label, { exact: true }).click();
      await page.getByTestId('main-menu').waitFor({ state: 'hidden' });
      await page.waitForLoadState('networkidle');
      const { sw, w } = await page.evaluate(() => ({
        sw: document.documentElement.scrollWidth,
        w: window.innerWidth,
      }));
      if (sw > w) overflowing.push(`${label}: ${sw} > ${w}`);
      expect(await page.getByTestId('help-button').count(), label).toBe(1);
    }
    expect(overflowing).toEqual([]);
  });
});
