// Resolutions in the browser: the office registers a resolution with its dissemination plan, a cell
// secretary records the cell's study session (attendance above the number invited is refused) and
// its action programme, the coverage moves, and the drill-down lists the units still missing.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../domain/calendar/date-math';
import { formatDate } from '../domain/text/vietnamese';
import { launchBrowser, logIn, type Server, screenshot, startServer } from './harness';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const logInAs = async (username: string) => {
  await context?.close();
  context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  await logIn(page, server, username);
  await page.getByTestId('user-menu').waitFor();
};

/** Type a date into an antd DatePicker (dd/mm/yyyy) and confirm it. */
const typeDate = async (input: Locator, iso: string) => {
  await input.click();
  await input.fill(formatDate(iso));
  await input.press('Enter');
};

const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const number = '79-NQ/TW';
let resolutionUrl = '';

describe('resolutions and their dissemination', () => {
  it('the office registers a resolution with a dissemination plan', async () => {
    await logInAs('vanphong');
    await page.goto(`${server.url}/nghi-quyet`);
    await page.getByTestId('resolutions').getByText('57-NQ/TW').first().waitFor();
    await screenshot(page, 'nq-01-so-nghi-quyet');
    await page.getByRole('button', { name: 'Đăng ký văn bản' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('Số, ký hiệu (ví dụ 57-NQ/TW)').fill(number);
    await typeDate(modal.getByLabel('Ngày ban hành'), addDays(today, -10));
    await modal.getByLabel('Cơ quan ban hành').fill('Bộ Chính trị');
    await modal.getByLabel('Trích yếu').fill('Về đột phá chuyển đổi số trong các cơ quan Đảng');
    await typeDate(modal.getByLabel('Hạn tổ chức quán triệt'), addDays(today, 30));
    await typeDate(modal.getByLabel('Hạn ban hành chương trình hành động'), addDays(today, 45));
    await screenshot(page, 'nq-02-dang-ky');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/nghi-quyet\/\d+/);
    resolutionUrl = page.url();
    await page.getByText(`Nghị quyết số ${number}`).waitFor();
    const sentences = page.getByTestId('coverage-sentences');
    await expect
      .poll(() => sentences.textContent())
      .toMatch(/^0\/\d+ \(0,0%\) chi bộ, đảng bộ cơ sở đã tổ chức quán triệt/);
  });

  it('a cell secretary records the session and the action programme', async () => {
    await logInAs('bithu');
    await page.goto(resolutionUrl);
    await page.getByRole('tab', { name: 'Ghi nhận của đơn vị' }).click();
    const sessionCard = page.locator('.ant-card').filter({ hasText: 'Hội nghị quán triệt của' });
    await sessionCard.getByText('Chưa tổ chức quán triệt').waitFor();
    await typeDate(sessionCard.getByLabel('Ngày tổ chức'), today);
    await sessionCard.getByLabel('Số đảng viên được triệu tập').fill('12');
    await sessionCard.getByLabel('Số đảng viên dự').fill('13');
    await sessionCard.getByRole('button', { name: 'Ghi nhận hội nghị quán triệt' }).click();
    await page
      .getByText('Số người dự không được lớn hơn số người được triệu tập.')
      .first()
      .waitFor();
    await sessionCard.getByLabel('Số đảng viên dự').fill('11');
    await sessionCard.getByRole('button', { name: 'Ghi nhận hội nghị quán triệt' }).click();
    await page.getByText('Đã ghi nhận hội nghị quán triệt.').first().waitFor();
    await sessionCard.getByText(/dự 11\/12 đồng chí/).waitFor();
    const apCard = page
      .locator('.ant-card')
      .filter({ hasText: 'Chương trình hành động, kế hoạch' });
    await apCard.getByLabel('Số văn bản').fill('07-CTr/CB');
    await typeDate(apCard.getByLabel('Ngày ban hành'), today);
    await apCard.getByRole('button', { name: 'Ghi nhận chương trình hành động' }).click();
    await page.getByText('Đã ghi nhận chương trình hành động.').first().waitFor();
    await apCard.getByText(/Số 07-CTr\/CB/).waitFor();
    await screenshot(page, 'nq-03-chi-bo-ghi-nhan');
    await page.getByRole('tab', { name: 'Kết quả quán triệt' }).click();
    await expect
      .poll(() => page.getByTestId('coverage-sentences').textContent())
      .toContain('1/1 (100,0%) chi bộ, đảng bộ cơ sở đã tổ chức quán triệt');
  });

  it('the coverage moves, and the drill-down lists the units still missing', async () => {
    await logInAs('vanphong');
    await page.goto(resolutionUrl);
    const sentences = page.getByTestId('coverage-sentences');
    await expect.poll(() => sentences.textContent()).toMatch(/^1\/\d+ \(/);
    await expect
      .poll(() => sentences.textContent())
      .toMatch(/1\/\d+ \([\d,]+%\) chi bộ, đảng bộ cơ sở đã ban hành chương trình hành động/);
    await page
      .getByTestId('coverage-children')
      .getByRole('button', { name: 'Đảng bộ Sở Y tế' })
      .click();
    await expect
      .poll(() => page.getByTestId('coverage-sentences').textContent())
      .toMatch(/^1\/\d+ \([\d,]+%\) chi bộ, đảng bộ cơ sở đã tổ chức quán triệt/);
    const missing = page.getByTestId('coverage-units');
    await missing.getByText('Đảng bộ Sở Y tế').first().waitFor();
    const text = (await missing.textContent()) ?? '';
    expect(text).not.toContain('Chi bộ Phòng Nghiệp vụ Y');
    expect(text).toContain('Chưa tổ chức');
    await screenshot(page, 'nq-04-don-vi-chua-quan-triet');
  });

  it('a cell secretary records a monthly meeting with its attendance checklist', async () => {
    await logInAs('bithu');
    await page.goto(`${server.url}/sinh-hoat`);
    await page.getByTestId('meetings').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByRole('button', { name: 'Ghi cuộc họp' }).click();
    const modal = page.getByRole('dialog');
    const checklist = modal.getByTestId('attendance-checklist');
    await checklist.locator('tbody tr.ant-table-row .ant-checkbox').first().waitFor();
    const first = checklist.locator('tbody tr.ant-table-row').first();
    const name = (await first.locator('td').first().textContent())?.trim() ?? '';
    await first.getByRole('checkbox').uncheck();
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await modal.getByText(`Cần ghi lý do vắng mặt của đồng chí ${name}.`).first().waitFor();
    await first.getByPlaceholder('Ví dụ: đi công tác').fill('Đi công tác tại Hà Nội');
    await screenshot(page, 'sh-01-diem-danh');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu cuộc họp.').first().waitFor();
    await page.getByRole('tab', { name: 'Tỷ lệ dự sinh hoạt' }).click();
    const rates = page.getByTestId('attendance-rates');
    await rates.getByText('Chi bộ Phòng Nghiệp vụ Y').waitFor();
    expect(await rates.textContent()).toMatch(/\d+,\d%/);
    await screenshot(page, 'sh-02-ty-le');
  });
});
