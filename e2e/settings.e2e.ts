// The first start of an empty installation (DANGVU_SEED=none) in the browser: the administrator
// changes the password, turns on one-time codes, and on "Cài đặt" records the committee's real name,
// establishment date, earlier name and superior; the place printed on documents follows, and a unit
// dated before the committee's establishment is refused with the message shown in the form.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../server/platform/auth/totp';
import { launchBrowser, logIn, pick, type Server, screenshot, startServer } from './harness';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer({ env: { DANGVU_SEED: 'none' } });
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** Fill an antd DatePicker with a typed DD/MM/YYYY date. */
const typeDate = async (input: ReturnType<Page['getByLabel']>, ddmmyyyy: string) => {
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
};

describe('first start and settings', () => {
  it('the administrator sets up the top committee and the place printed on documents', async () => {
    await logIn(page, server, 'admin');
    await page.waitForURL(/doi-mat-khau/);
    await page.getByLabel('Mật khẩu hiện tại').fill(server.passwords.admin);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('QuanTri2026moi');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('QuanTri2026moi');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page.waitForURL(/xac-thuc-hai-lop/);
    const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    await page.getByPlaceholder('Mã 6 số').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.waitForURL((u) => u.pathname === '/');

    await page.getByRole('menuitem', { name: 'Cài đặt' }).click();
    const setup = page.getByTestId('first-start');
    await setup.waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'cd-00-thiet-lap-ban-dau-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    await setup.getByLabel('Tên đảng bộ hiện nay').fill('Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn');
    await typeDate(setup.getByLabel('Ngày thành lập'), '27/09/1954');
    await setup.getByRole('button', { name: 'Thêm tên trước đây' }).click();
    await setup.getByPlaceholder('Tên trước đây').fill('Đảng bộ Khối các cơ quan tỉnh Lạng Sơn');
    const until = setup.getByPlaceholder('Dùng đến ngày');
    await until.click();
    await until.fill('01/02/2025');
    await until.press('Enter');
    await setup
      .getByLabel('Cấp trên trực tiếp (dòng đầu của tiêu đề văn bản)')
      .fill('Đảng bộ tỉnh Lạng Sơn');
    await screenshot(page, 'cd-01-thiet-lap-ban-dau');
    await setup.getByRole('button', { name: 'Ghi thiết lập' }).click();
    await page.getByText('Đã thiết lập tổ chức cấp cao nhất.').waitFor();
    await expect.poll(() => page.getByTestId('first-start').count()).toBe(0);
    const history = page.locator('.ant-table-tbody');
    await history.getByText('Đảng bộ Khối các cơ quan tỉnh Lạng Sơn').waitFor();
    expect(await history.textContent()).toContain('27/09/1954');
    // The place follows the superior's name until an administrator writes one.
    await expect
      .poll(() => page.getByTestId('place-date-sample').textContent())
      .toMatch(/^Lạng Sơn, ngày \d{2} tháng \d{1,2} năm \d{4}$/);
    await screenshot(page, 'cd-02-cai-dat');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'cd-03-cai-dat-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    const place = page.getByTestId('document-settings').getByLabel('Địa danh ghi trước ngày tháng');
    await place.fill('TP. Lạng Sơn');
    await page.getByTestId('document-settings').getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu cài đặt văn bản.').waitFor();
    expect(await page.getByTestId('place-date-sample').textContent()).toMatch(/^TP\. Lạng Sơn, /);
  });

  it('a unit established before the committee is refused, with the message in the form', async () => {
    await page.getByRole('menuitem', { name: 'Tổ chức đảng' }).click();
    await page
      .locator('.ant-tree')
      .getByText('Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn')
      .first()
      .click();
    await page.getByRole('button', { name: 'Thành lập', exact: true }).click();
    const modal = page.locator('.ant-modal');
    await modal.waitFor();
    await pick(modal.getByLabel('Loại tổ chức'), 'Đảng bộ cơ sở');
    await modal.getByLabel('Tên tổ chức').fill('Đảng bộ Sở Y tế');
    await typeDate(modal.getByLabel('Ngày hiệu lực'), '01/06/1950');
    await modal.getByLabel('Số quyết định').fill('12-QĐ/ĐU');
    await page.getByRole('button', { name: 'Ghi quyết định' }).click();
    await modal
      .getByText(/thành lập ngày 27\/09\/1954: tổ chức trực thuộc không thể/)
      .first()
      .waitFor();
    await screenshot(page, 'cd-04-thanh-lap-truoc-cap-tren');
  });
});
