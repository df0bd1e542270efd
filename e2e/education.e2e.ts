// Political education in the browser (docs/domain/education.md): the office opens a programme of study,
// a cell secretary records the cell's activity and registers a model, the coverage moves, the grassroots
// committee recognises the model, the cell keeps an opinion note, and the programme page fits a phone.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const title = 'Chuyên đề thử nghiệm: nêu gương trong phục vụ người bệnh';
const model = 'Mô hình "Một cửa thân thiện" thử nghiệm';
let programmeUrl = '';

describe('political education', () => {
  it('the grassroots office opens a programme of study', async () => {
    await logInAs('coso');
    await page.goto(`${server.url}/giao-duc-chinh-tri`);
    await page.getByTestId('programmes').getByText('Chuyên đề năm 2026').first().waitFor();
    await screenshot(page, 'gd-01-chuong-trinh');
    await page.getByRole('button', { name: 'Lập chương trình' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('Tên chương trình, chuyên đề').fill(title);
    await typeDate(modal.getByLabel('Từ ngày'), `${today.slice(0, 4)}-01-01`);
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/giao-duc-chinh-tri\/\d+/);
    programmeUrl = page.url();
    await page.getByRole('heading', { name: title }).waitFor();
  });

  it('a cell secretary records the cell activity and a model; the coverage moves', async () => {
    await logInAs('bithu');
    await page.goto(programmeUrl);
    const coverage = page.getByTestId('coverage');
    await coverage.getByText('Chưa có').first().waitFor();
    await page.getByRole('button', { name: 'Ghi hoạt động' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('Nội dung').fill('Học tập chuyên đề, liên hệ trách nhiệm nêu gương');
    await modal.getByLabel('Số người tham gia').fill('14');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await modal.waitFor({ state: 'hidden' });
    await expect.poll(() => coverage.getByText('Chưa có').count()).toBe(0);
    await coverage.getByText(/^1 \(gần nhất/).waitFor();

    await page.getByRole('button', { name: 'Đăng ký mô hình' }).click();
    const register = page.getByRole('dialog');
    await register.getByLabel('Tên mô hình, điển hình').fill(model);
    await register.getByRole('button', { name: 'Đăng ký' }).click();
    await register.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: /Mô hình/ }).click();
    await page.getByTestId('models').getByText(model).waitFor();
    await screenshot(page, 'gd-02-chuong-trinh-chi-bo');
  });

  it('the committee recognises the model', async () => {
    await logInAs('coso');
    await page.goto(`${server.url}/mo-hinh-dien-hinh`);
    const row = page.getByTestId('models').locator('tr').filter({ hasText: model });
    await row.getByRole('button', { name: 'Xét công nhận' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByRole('button', { name: 'Lưu kết quả' }).click();
    // The field's message and the form's summary both say it: either will do.
    await modal.getByText('Cần ghi số quyết định (hoặc văn bản) công nhận.').first().waitFor();
    await modal.getByLabel('Quyết định, văn bản công nhận').fill('Quyết định số 9-QĐ/ĐU');
    await modal.getByRole('button', { name: 'Lưu kết quả' }).click();
    await modal.waitFor({ state: 'hidden' });
    await row.getByText('Được công nhận').waitFor();
    await screenshot(page, 'gd-03-mo-hinh');
  });

  it('the cell keeps an opinion note', async () => {
    await logInAs('bithu');
    await page.goto(`${server.url}/du-luan-xa-hoi`);
    await page.getByRole('button', { name: 'Ghi nhận mới' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('Vấn đề').fill('Thông tin thử về lịch tiêm chủng');
    await modal
      .getByLabel('Tình hình dư luận (đảng viên, nhân dân quan tâm, bàn luận gì)')
      .fill('Người dân hỏi về lịch tiêm chủng mở rộng.');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByTestId('opinion-notes').getByText('Thông tin thử về lịch tiêm chủng').waitFor();
  });

  it('the programme page fits a phone', async () => {
    await logInAs('coso', 390);
    await page.goto(programmeUrl);
    await page.getByRole('heading', { name: title }).waitFor();
    await page.waitForLoadState('networkidle');
    const { sw, w } = await page.evaluate(() => ({
      sw: document.documentElement.scrollWidth,
      w: window.innerWidth,
    }));
    expect(sw).toBeLessThanOrEqual(w);
    await screenshot(page, 'gd-04-dien-thoai');
  });
});
