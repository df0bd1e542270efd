// What a user of the foundation sees: log in, search a member without diacritics, edit them, find
// the edit in the audit log, and a cell secretary kept out of another cell.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSearchKey } from '../domain/text/vietnamese';
import { totpCode } from '../server/platform/auth/totp';
import { launchBrowser, logIn, pick, type Server, screenshot, startServer } from './harness';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const freshPage = async () => {
  await context?.close();
  context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  return page;
};

/** A member of the secretary's own cell and one of another grassroots organisation, via the API. */
const pickMembers = async () => {
  const office = await browser.newContext();
  const p = await office.newPage();
  await logIn(p, server, 'vanphong');
  await p.waitForURL((u) => u.pathname === '/');
  const session = await (await p.request.get(`${server.url}/api/auth/session`)).json();
  const secretary = await (
    await p.request.get(
      `${server.url}/api/org-units/search?q=${encodeURIComponent('Chi bộ Phòng Nghiệp vụ Y')}`,
    )
  ).json();
  const cellId = secretary.items[0].id;
  const inCell = (
    await (await p.request.get(`${server.url}/api/members?orgUnitId=${cellId}&pageSize=1`)).json()
  ).items[0];
  const hospital = (
    await (
      await p.request.get(
        `${server.url}/api/org-units/search?q=${encodeURIComponent('benh vien da khoa')}`,
      )
    ).json()
  ).items[0];
  const elsewhere = (
    await (
      await p.request.get(`${server.url}/api/members?orgUnitId=${hospital.id}&pageSize=1`)
    ).json()
  ).items[0];
  await office.close();
  expect(session.user.username).toBe('vanphong');
  return { inCell, elsewhere };
};

describe('foundation in the browser', () => {
  it('logs in, finds a member typed without diacritics, edits them, and the overview shows figures', async () => {
    const { elsewhere } = await pickMembers();
    await freshPage();
    await logIn(page, server, 'vanphong');
    await page.waitForURL((u) => u.pathname === '/');
    // Login opens the home page (issue 22); the overview keeps its own route.
    await page.goto(`${server.url}/tong-quan`);
    await page.getByText('Tổng số đảng viên').first().waitFor();
    await page.waitForSelector('canvas');
    await screenshot(page, '01-tong-quan');

    await page.getByRole('menuitem', { name: /Đảng viên$/ }).click();
    await page.waitForURL(/dang-vien/);
    const query = toSearchKey(elsewhere.fullName);
    expect(query).not.toBe(elsewhere.fullName);
    await page.getByPlaceholder('Tìm theo họ tên, không cần dấu').fill(query);
    await page.getByPlaceholder('Tìm theo họ tên, không cần dấu').press('Enter');
    await page.getByRole('link', { name: elsewhere.fullName }).first().waitFor();
    await screenshot(page, '02-tim-dang-vien');

    await page.getByRole('link', { name: elsewhere.fullName }).first().click();
    await page.waitForURL(new RegExp(`/dang-vien/${elsewhere.id}$`));
    await page.getByRole('button', { name: 'Sửa hồ sơ' }).click();
    await page.getByTestId('field-position').fill('Phó Giám đốc Bệnh viện');
    await screenshot(page, '03-sua-ho-so');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu hồ sơ.').waitFor();
    // The record is read again after the save: wait for it rather than read the old one.
    await page
      .getByTestId('member-position')
      .filter({ hasText: 'Phó Giám đốc Bệnh viện' })
      .waitFor({ timeout: 10_000 });
    await screenshot(page, '04-ho-so');

    // The as-of date changes the tree: before the 2025 reorganisation the root had its old name.
    await page.getByRole('menuitem', { name: 'Tổ chức đảng' }).click();
    await page.waitForURL(/to-chuc/);
    await page.getByRole('tab', { name: 'Lịch sử' }).waitFor();
    await page.getByRole('treeitem').nth(3).waitFor();
    await screenshot(page, '05-to-chuc');
    await page.getByPlaceholder('Xem theo ngày (hôm nay)').fill('31/12/2024');
    await page.getByPlaceholder('Xem theo ngày (hôm nay)').press('Enter');
    await page.getByText('Đảng bộ Khối các cơ quan tỉnh Lạng Sơn').first().waitFor();
    await screenshot(page, '06-to-chuc-2024');
  });

  it('shows the edit in the audit log to an administrator after the first-login password change', async () => {
    const { elsewhere } = await pickMembers();
    await freshPage();
    await logIn(page, server, 'admin');
    await page.waitForURL(/doi-mat-khau/);
    await page.getByLabel('Mật khẩu hiện tại').fill(server.passwords.admin);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('QuanTri2026moi');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('QuanTri2026moi');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    // Administrators must turn on one-time codes: the app shows the key an authenticator would scan.
    await page.waitForURL(/xac-thuc-hai-lop/);
    const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.locator('svg').first().waitFor();
    await screenshot(page, '07a-xac-thuc-hai-lop');
    await page.getByPlaceholder('Mã 6 số').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('menuitem', { name: 'Nhật ký hệ thống' }).click();
    // Filters are picked, not typed as codes (issue 22); the record is named and linked.
    await pick(
      page.getByTestId('audit-action').locator('input'),
      'Sửa hồ sơ đảng viên',
      'sua ho so',
    );
    await page.getByRole('link', { name: elsewhere.fullName }).first().waitFor();
    await page.getByRole('cell', { name: 'Sửa hồ sơ đảng viên' }).first().waitFor();
    await page.getByRole('cell', { name: 'vanphong' }).first().waitFor();
    await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
    await page.getByText(/Nhật ký toàn vẹn: đã kiểm tra \d+ bản ghi/).waitFor();
    await screenshot(page, '07b-nhat-ky');
  });

  it('records a restructuring decision in the tree and keeps the old name in the history', async () => {
    await freshPage();
    await logIn(page, server, 'vanphong');
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('menuitem', { name: 'Tổ chức đảng' }).click();
    await page.getByPlaceholder('Tìm tổ chức theo tên, không cần dấu').fill('hoi nha bao');
    await page.getByRole('button', { name: 'Chi bộ Hội Nhà báo tỉnh' }).click();
    await page.locator('.ant-card-head-title', { hasText: 'Chi bộ Hội Nhà báo tỉnh' }).waitFor();
    await page.getByRole('button', { name: 'Đổi tên' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên mới').fill('Chi bộ Hội Nhà báo và Truyền thông tỉnh');
    await dialog.getByLabel('Số quyết định').fill('412-QĐ/ĐU');
    await screenshot(page, '09-doi-ten');
    await dialog.getByRole('button', { name: 'Ghi quyết định' }).click();
    await page.getByText('Đã ghi quyết định 412-QĐ/ĐU').waitFor();
    await page.getByText('Chi bộ Hội Nhà báo và Truyền thông tỉnh').first().waitFor();
    await page.getByText('Đổi tên theo quyết định 412-QĐ/ĐU').waitFor();
    expect(await page.getByText(/: Chi bộ Hội Nhà báo tỉnh \(/).count()).toBe(1);
    await screenshot(page, '10-lich-su-to-chuc');
  });

  it('keeps a cell secretary out of a member of another cell', async () => {
    const { inCell, elsewhere } = await pickMembers();
    await freshPage();
    await logIn(page, server, 'bithu');
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto(`${server.url}/dang-vien/${inCell.id}`);
    await page.getByTestId('member-name').waitFor();
    expect(
      await page.getByText('Thông tin hạn chế – bạn không có quyền xem').count(),
    ).toBeGreaterThan(0);
    await page.goto(`${server.url}/dang-vien/${elsewhere.id}`);
    await page.getByText('Không tìm thấy đảng viên hoặc bạn không có quyền truy cập.').waitFor();
    expect(await page.getByText(elsewhere.fullName).count()).toBe(0);
    await screenshot(page, '08-bi-thu-ngoai-pham-vi');
  });

  it('brings a member to their own record after logging in, not to a page that refuses them', async () => {
    await freshPage();
    await logIn(page, server, 'dangvien');
    // Login opens the member's home (issue 22); its first item is their own record.
    await page.getByTestId('home-section-record').getByRole('link').first().click();
    await page.waitForURL(/\/dang-vien\/\d+$/);
    await page.getByTestId('member-name').waitFor();
    expect(await page.getByText('Bạn không có quyền thực hiện thao tác này.').count()).toBe(0);
    await screenshot(page, '11-dang-vien-ho-so-cua-toi');
  });
});
