// The inspection commission's work in the browser: a case opened from a programme item, its steps
// and conclusion, then a discipline decision checked against the rules, seen in the register and
// in the figures.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../server/platform/auth/totp';
import { launchBrowser, logIn, type Server, screenshot, startServer } from './harness';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const today = new Date().toISOString().slice(0, 10);

describe('inspection commission', () => {
  it('opens a case from a programme item, records its steps and conclusion', async () => {
    await logIn(page, server, 'ubkt');
    await page.waitForURL(/xac-thuc-hai-lop/);
    const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    await page.getByPlaceholder('Mã 6 số').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.waitForURL(/tong-quan/);
    await page.goto(`${server.url}/kiem-tra-giam-sat`);
    await page.getByTestId('cases').locator('tbody tr').first().waitFor();
    await screenshot(page, 'kt-01-cac-cuoc');
    await page.getByRole('tab', { name: 'Chương trình kiểm tra, giám sát' }).click();
    await page.getByRole('button', { name: 'Lập cuộc kiểm tra, giám sát' }).first().click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('Số quyết định').fill('88-QĐ/UBKT');
    await modal.getByLabel('Ngày quyết định').fill(today);
    await modal.getByLabel('Trưởng đoàn').fill('Hoàng Văn Sơn');
    await screenshot(page, 'kt-02-lap-tu-chuong-trinh');
    await modal.getByRole('button', { name: 'Lập cuộc kiểm tra, giám sát' }).click();
    await page.waitForURL(/kiem-tra-giam-sat\/\d+/);
    await page.getByText('Tài liệu cần bảo mật').waitFor();
    for (const label of [/Công bố quyết định/, /Đối tượng báo cáo/, /Báo cáo kết quả/]) {
      await page.getByLabel('Ghi bước').click();
      await page.locator('.ant-select-item-option').filter({ hasText: label }).first().click();
      await page.getByLabel('Ngày', { exact: true }).fill(today);
      await page.getByRole('button', { name: 'Ghi bước' }).click();
      await page.getByText('Đã ghi bước.').first().waitFor();
    }
    await page.getByLabel('Số thông báo kết luận').fill('88-TB/UBKT');
    await page.getByLabel('Ngày kết luận').fill(today);
    await page
      .getByLabel('Nội dung kết luận')
      .fill('Tổ chức đảng thực hiện tốt nội dung giám sát; còn chậm báo cáo.');
    await page.getByLabel('Kết quả được thông báo (người khác xem được)').fill('Thực hiện tốt.');
    await page.getByLabel('Kiến nghị').fill('Thực hiện nghiêm chế độ báo cáo');
    await page.getByRole('button', { name: 'Ghi kết luận' }).click();
    await page.getByText('Đã ghi kết luận.').first().waitFor();
    await page.getByText('Thực hiện nghiêm chế độ báo cáo').waitFor();
    await screenshot(page, 'kt-03-ket-luan');
    expect(await page.getByTestId('case-timeline').textContent()).toContain('88-TB/UBKT');
  });

  it('records a discipline decision with the rule checks shown, and finds it in the register and the figures', async () => {
    await page.goto(`${server.url}/ky-luat`);
    await page.getByTestId('discipline-register').locator('tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Ghi quyết định kỷ luật' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('Đảng viên').click();
    await page.keyboard.type('Nguyễn');
    await page.locator('.ant-select-item-option').first().click();
    await modal.getByLabel('Hình thức').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Cách chức' }).click();
    await modal.getByLabel('Thuộc tổ chức').click();
    await page.locator('.ant-select-tree-title').first().click();
    await modal
      .getByLabel('Nội dung vi phạm')
      .fill('Vi phạm quy định về kê khai tài sản, thu nhập');
    await modal.getByLabel('Vi phạm từ ngày').fill('2026-01-10');
    await modal.getByLabel('Số quyết định').fill('89-QĐ/UBKT');
    await modal.getByLabel('Ngày quyết định').fill(today);
    await modal.getByRole('button', { name: 'Kiểm tra theo quy định' }).click();
    await page.getByTestId('discipline-checks').getByText('Thời hiệu').waitFor();
    await screenshot(page, 'kt-04-kiem-tra-quy-dinh');
    await modal.getByRole('button', { name: 'Ghi quyết định' }).click();
    await page
      .getByText(/Đã ghi quyết định 89-QĐ\/UBKT/)
      .first()
      .waitFor();
    await page.getByRole('cell', { name: /89-QĐ\/UBKT/ }).waitFor();
    await screenshot(page, 'kt-05-so-ky-luat');
    await page.goto(`${server.url}/so-lieu-kiem-tra`);
    await page
      .getByTestId('figure-sentences')
      .getByText(/kiểm tra, giám sát được/)
      .first()
      .waitFor();
    await page
      .getByRole('row', { name: /Cách chức đảng viên/ })
      .getByRole('button')
      .click();
    await page.getByTestId('figure-records').getByText('89-QĐ/UBKT', { exact: false }).waitFor();
    await screenshot(page, 'kt-06-so-lieu');
  });
});
