// The office drafts the annual report in the browser: generate (the steps show), preview with figures
// that open their records, write a placeholder, download the DOCX and read it back, see the evidence
// page, issue the report with the register's next number and find it in the register.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, pick, type Server, screenshot, startServer } from './harness';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('annual report', () => {
  it('generates, previews, edits a placeholder, downloads and issues', async () => {
    await logIn(page, server, 'vanphong');
    await page.waitForURL((u) => u.pathname === '/' || u.pathname.includes('doi-mat-khau'));
    await page.goto(`${server.url}/bao-cao-tong-ket`);
    await page.getByRole('button', { name: 'Lập báo cáo' }).click();
    await page.getByText('Tiến trình lập báo cáo').waitFor();
    await page.getByTestId('report-preview').waitFor({ timeout: 60_000 });
    await screenshot(page, 'bc-01-xem-truoc');
    const preview = page.getByTestId('report-preview');
    await expect.poll(() => preview.textContent()).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(await preview.textContent()).toContain('T/M BAN THƯỜNG VỤ');

    // A figure opens the records behind it.
    const admitted = preview.locator('[data-figure="recruitment.admitted"]').first();
    const admittedText = (await admitted.textContent()) ?? '';
    expect(admittedText).toMatch(/kết nạp được \d+ đảng viên|chưa kết nạp/);
    await admitted.click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('recruitment.admitted').waitFor();
    await expect.poll(() => drawer.locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'bc-02-chung-cu-so-lieu');
    await page.keyboard.press('Escape');

    // Inspection: subjects per group of bodies (not cases), opening the subjects behind them.
    const subjects = preview.locator('[data-figure="inspection.subjects.committees"]').first();
    expect(await subjects.textContent()).toMatch(
      /kiểm tra, giám sát chuyên đề và thường xuyên được \d+ tổ chức đảng, đảng viên/,
    );
    await subjects.scrollIntoViewIfNeeded();
    await screenshot(page, 'bc-02b-kiem-tra-giam-sat');
    await subjects.click();
    await drawer.getByText('inspection.figures').waitFor();
    await expect.poll(() => drawer.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    // The year's ratings are still in the flow: proposed levels, "dự kiến"; no sentence says "0 đồng".
    const all = (await preview.textContent()) ?? '';
    expect(all).toMatch(/dự kiến [\d,]+% đảng viên hoàn thành tốt nhiệm vụ trở lên/);
    expect(all).not.toMatch(/thu đảng phí 0 đồng|cho 0 đồng chí/);
    await page.setViewportSize({ width: 390, height: 844 });
    await preview
      .locator('[data-figure="inspection.subjects.committees"]')
      .first()
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'bc-02c-kiem-tra-giam-sat-390');
    await page.setViewportSize({ width: 1440, height: 900 });

    // A placeholder opens the editor; the text then replaces it in the preview.
    await preview.locator('[data-placeholder="strengths"]').click();
    const field = page.getByLabel('Ưu điểm', { exact: true });
    await field.fill('Các cấp ủy đoàn kết, chủ động trong lãnh đạo.');
    await page.getByRole('button', { name: 'Lưu nội dung' }).click();
    await page.getByText('Đã lưu nội dung.').waitFor();
    await page.getByRole('tab', { name: 'Xem trước' }).click();
    await expect
      .poll(() => preview.textContent())
      .toContain('Các cấp ủy đoàn kết, chủ động trong lãnh đạo.');

    // The DOCX carries the same text.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-docx').click(),
    ]);
    const file = await download.path();
    const xml = await (await JSZip.loadAsync(readFileSync(file!)))
      .file('word/document.xml')!
      .async('string');
    const plain = xml.replace(/<[^>]+>/g, '');
    expect(plain).toContain('Các cấp ủy đoàn kết, chủ động trong lãnh đạo.');
    expect(plain).toContain(admittedText);

    // The evidence page.
    await page.getByRole('link', { name: 'Phụ lục chứng cứ' }).click();
    await page.getByText(/Phụ lục chứng cứ — báo cáo tổng kết năm/).waitFor();
    await page.locator('#so-lieu-recruitment\\.admitted').waitFor();
    await screenshot(page, 'bc-03-phu-luc-chung-cu');
    await page.goBack();

    // Issue: the next number of the register.
    await page.getByRole('button', { name: 'Ban hành (lấy số)' }).click();
    await page.getByRole('button', { name: 'Lấy số', exact: true }).click();
    await page
      .getByText(/Đã vào sổ: Số \d{2,}-BC\//)
      .first()
      .waitFor();
    const number = (
      await page
        .getByText(/Đã vào sổ: Số/)
        .first()
        .textContent()
    )?.match(/Số \d+-BC\/\S+/)?.[0];
    expect(number).toBeTruthy();
    await expect.poll(() => preview.textContent()).toContain(number!.replace(/\.$/, ''));
    await page.goto(`${server.url}/so-van-ban`);
    await page.getByRole('cell', { name: number!.replace(/\.$/, '') }).waitFor();
    await screenshot(page, 'bc-04-so-van-ban');
  });

  it("a past year's report is headed with that year's names and dated on the chosen day", async () => {
    await page.goto(`${server.url}/bao-cao-tong-ket`);
    await pick(page.getByLabel('Năm báo cáo'), 'Năm 2020');
    const date = page.getByLabel('Ngày của văn bản');
    await date.click();
    await date.fill('03/04/2020');
    await date.press('Enter');
    await page.getByRole('button', { name: /Lập báo cáo|Lập lại số liệu/ }).click();
    const preview = page.getByTestId('report-preview');
    await expect
      .poll(() => preview.textContent(), { timeout: 90_000 })
      .toContain('Lạng Sơn, ngày 03 tháng 4 năm 2020');
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('ĐẢNG BỘ TỈNH LẠNG SƠN');
    expect(text).toContain('ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH LẠNG SƠN');
    expect(await page.getByTestId('recipients').textContent()).toContain(
      '- Ban Thường vụ Tỉnh ủy Lạng Sơn (b/c),',
    );
    await screenshot(page, 'bc-05-bao-cao-2020');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'bc-06-bao-cao-2020-390');
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
