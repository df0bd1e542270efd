// Proposals and residence comments in the browser (docs/domain/proposals.md): a grassroots office receives a
// proposal, assigns it with a deadline and records the answer; the register's filters and counts; the
// residence cells' comments of the year (Quy định 213-QĐ/TW) with who lacks one, a comment transcribed
// from the paper form; the register at phone width does not overflow.
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

const logInAs = async (username: string, width = 1440) => {
  await context?.close();
  context = await browser.newContext({ locale: 'vi-VN', viewport: { width, height: 900 } });
  page = await context.newPage();
  await logIn(page, server, username);
  await page.getByTestId('user-menu').waitFor();
};

const typeDate = async (input: Locator, iso: string) => {
  await input.click();
  await input.fill(formatDate(iso));
  await input.press('Enter');
};

const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const content = 'Đề nghị hỗ trợ kinh phí tập huấn nghiệp vụ công tác đảng cho chi ủy mới bầu';

describe('proposals and residence comments', () => {
  it('the office receives a proposal with a deadline and records the answer', async () => {
    await logInAs('coso');
    await page.goto(`${server.url}/kien-nghi`);
    await page.getByTestId('proposal-counts').waitFor();
    await screenshot(page, 'kn-01-so-kien-nghi');
    await page.getByRole('button', { name: 'Tiếp nhận kiến nghị' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('Người, nơi đề xuất kiến nghị').click();
    await page.getByTitle('Khác', { exact: true }).click();
    await modal.getByLabel('Ghi rõ người, nơi đề xuất').fill('Đại biểu dự hội nghị sơ kết');
    // Raised at the committee's year-end conference: picked from the unit's recorded meetings.
    await modal.getByLabel('Nêu tại hội nghị, cuộc họp').click();
    await modal.getByLabel('Nêu tại hội nghị, cuộc họp').fill('tổng kết');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: 'Hội nghị Ban Chấp hành mở rộng tổng kết' })
      .first()
      .click();
    await modal.getByLabel('Nội dung đề xuất, kiến nghị').fill(content);
    await modal.getByLabel('Gửi đến (cơ quan nhận kiến nghị)').fill('Ban Thường vụ Đảng ủy');
    await typeDate(modal.getByLabel('Hạn trả lời'), addDays(today, 15));
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await modal.waitFor({ state: 'hidden' });
    const row = page.getByTestId('proposals').getByText(content).first();
    await row.waitFor();
    await row.click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('Đã giao xử lý').waitFor();
    await drawer.getByRole('button', { name: 'Trả lời' }).click();
    const answer = page.getByRole('dialog', { name: 'Trả lời kiến nghị' });
    await answer.getByLabel('Nội dung trả lời').fill('Đã bố trí kinh phí trong kế hoạch quý tới.');
    await answer.getByLabel('Số văn bản trả lời').fill('88-CV/ĐU');
    await answer.locator('input[type=file]').setInputFiles({
      name: 'Công văn 88-CV-ĐU.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% công văn trả lời kiến nghị\n'),
    });
    await answer.getByRole('button', { name: 'Lưu trả lời' }).click();
    await drawer.getByText('Đã trả lời', { exact: true }).waitFor();
    await drawer.getByText(/88-CV\/ĐU/).waitFor();
    // The scan downloads under its own name; the conference opens from its link.
    const download = page.waitForEvent('download');
    await drawer.getByTestId('answer-document').click();
    expect((await download).suggestedFilename()).toBe('Công văn 88-CV-ĐU.pdf');
    await screenshot(page, 'kn-02-da-tra-loi');
    const meetingLink = drawer.getByTestId('proposal-meeting');
    await expect.poll(() => meetingLink.textContent()).toMatch(/tổng kết/);
    await meetingLink.click();
    await page.waitForURL(/\/sinh-hoat\?hoi-nghi=\d+/);
    const title = page.getByRole('dialog', { name: 'Sửa cuộc họp' }).getByLabel('Tên cuộc họp');
    await expect.poll(() => title.inputValue()).toMatch(/^Hội nghị Ban Chấp hành mở rộng tổng kết/);
    await screenshot(page, 'kn-02b-hoi-nghi-tu-kien-nghi');
  });

  it('residence comments: who lacks one, and a comment transcribed from the form', async () => {
    await page.goto(`${server.url}/nhan-xet-noi-cu-tru`);
    const counts = page.getByTestId('residence-counts');
    await counts.waitFor();
    await page.getByText('Chưa có', { exact: true }).first().click();
    const roster = page.getByTestId('residence-roster');
    const first = roster.getByRole('button', { name: 'Ghi nhận xét' }).first();
    await first.waitFor();
    await first.click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('Chi bộ nơi cư trú').fill('Chi bộ khối 4, phường Đông Kinh');
    await modal
      .getByLabel('Nội dung nhận xét')
      .fill('Gương mẫu, tham gia đầy đủ sinh hoạt nơi cư trú.');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByText('Đã lưu nhận xét của chi bộ nơi cư trú.').waitFor();
    await screenshot(page, 'kn-03-nhan-xet-noi-cu-tru');
  });

  it('the register fits a phone screen', async () => {
    await logInAs('coso', 390);
    await page.goto(`${server.url}/kien-nghi`);
    await page.getByTestId('proposal-counts').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'kn-04-dien-thoai');
  });
});
