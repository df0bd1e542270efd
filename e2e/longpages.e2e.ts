// Issue 22 in the browser: long pages stay usable. The bloc office's plan opens short (the tasks
// handed down grouped by receiving unit, with counts, read when a group is opened), its filters live
// in the URL and survive a reload, and the export downloads exactly the filtered list as a readable
// XLSX; a grassroots office's "Việc cần làm" is grouped by unit and exports too; the bloc's meetings
// are grouped by the unit that met, filtered in the URL and exported; a cell secretary on a 390 px
// phone sees none of these pages wider than the screen.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, pick, type Server, startServer } from './harness';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const shots = path.resolve('.tmp');

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
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
  context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport,
    acceptDownloads: true,
  });
  page = await context.newPage();
};
const shot = (name: string, fullPage = false) =>
  page.screenshot({ path: path.join(shots, `longpages-${name}.png`), fullPage });
const pageHeight = () => page.evaluate(() => document.documentElement.scrollHeight);
const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

/** Click the export button, save the file, and read its first sheet's rows (after the heading). */
const download = async () => {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-xlsx').click(),
  ]);
  const saved = path.join(shots, `longpages-${Date.now()}.xlsx`);
  await file.saveAs(saved);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(saved);
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row, n) => {
    if (n > 3)
      rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
  });
  return rows;
};

describe('long pages', () => {
  it('the bloc office: a short plan, grouped tasks, filters in the URL, the filtered export', async () => {
    await freshPage({ width: 1440, height: 900 });
    await logIn(page, server, 'vanphong');
    await page.waitForURL((u) => !u.pathname.includes('dang-nhap'));
    await page.goto(`${server.url}/ke-hoach?year=2025`);
    const groups = page.getByTestId('assigned-groups').locator('.ant-collapse-item');
    await groups.first().waitFor();
    expect(await groups.count()).toBeGreaterThan(0);
    // Two hundred receiving units: their groups come 20 a page.
    expect(await groups.count()).toBeLessThanOrEqual(20);
    expect(await pageHeight()).toBeLessThan(5000);
    await shot('01-ke-hoach-vanphong', true);
    // Open a group: its tasks, the task column wide enough for words, not letters.
    await groups.first().locator('.ant-collapse-header').click();
    const row = groups.first().locator('.ant-table-row').first();
    await row.waitFor();
    const taskCell = await row.locator('td').first().boundingBox();
    expect(taskCell?.width ?? 0).toBeGreaterThan(250);
    expect(await pageWidth()).toBeLessThanOrEqual(1440);
    await shot('02-ke-hoach-nhom-mo');
    // A status filter goes to the URL and survives a reload.
    await pick(page.getByTestId('filter-status').locator('input'), 'Đã hoàn thành');
    await page.waitForURL(/tinh-trang=completed/);
    await page.reload();
    await page.getByTestId('assigned-summary').waitFor();
    expect(page.url()).toContain('tinh-trang=completed');
    expect(await page.getByTestId('filter-status').textContent()).toContain('Đã hoàn thành');
    await expect
      .poll(() => page.getByTestId('assigned-summary').textContent())
      .toContain('khớp bộ lọc');
    const summary = (await page.getByTestId('assigned-summary').textContent()) ?? '';
    const shown = Number(/(\d+) nhiệm vụ/.exec(summary)?.[1]);
    // The export is exactly the filtered list.
    const rows = await download();
    expect(rows.length).toBe(shown);
    for (const r of rows) expect(r[7]).toBe('Đã hoàn thành');
    await shot('03-ke-hoach-loc');
  });

  it('the grassroots office: Việc cần làm grouped by unit, filtered in the URL, exported', async () => {
    await freshPage({ width: 1440, height: 900 });
    await logIn(page, server, 'coso');
    await page.waitForURL((u) => !u.pathname.includes('dang-nhap'));
    await page.goto(`${server.url}/viec-can-lam`);
    const groups = page.getByTestId('reminder-groups').locator('.ant-collapse-item');
    await groups.first().waitFor();
    expect(await groups.count()).toBeGreaterThan(1);
    expect(await pageHeight()).toBeLessThan(5000);
    await groups.first().locator('.ant-collapse-header').click();
    await groups.first().locator('.ant-list-item').first().waitFor();
    await shot('04-viec-can-lam-coso', true);
    await pick(page.getByTestId('filter-severity').locator('input'), 'Quá hạn');
    await page.waitForURL(/muc=overdue/);
    await page.reload();
    await page.getByTestId('reminders-summary').waitFor();
    expect(await page.getByTestId('filter-severity').textContent()).toContain('Quá hạn');
    const summary = (await page.getByTestId('reminders-summary').textContent()) ?? '';
    const shown = Number(/(\d+) việc/.exec(summary)?.[1]);
    const rows = await download();
    expect(rows.length).toBe(shown);
    for (const r of rows) expect(r[2]).toBe('Quá hạn');
  });

  it('the bloc office: meetings grouped by unit, a kind filter in the URL, the filtered export', async () => {
    await freshPage({ width: 1440, height: 900 });
    await logIn(page, server, 'vanphong');
    await page.waitForURL((u) => !u.pathname.includes('dang-nhap'));
    await page.goto(`${server.url}/sinh-hoat`);
    const groups = page.getByTestId('meeting-groups').locator('.ant-collapse-item');
    await groups.first().waitFor();
    // Every unit that met is a group; at most 20 groups a page, the page stays short.
    expect(await groups.count()).toBeGreaterThan(1);
    expect(await groups.count()).toBeLessThanOrEqual(20);
    expect(await pageHeight()).toBeLessThan(5000);
    await shot('07-sinh-hoat-vanphong', true);
    await pick(page.getByTestId('filter-kind').locator('input'), 'Sinh hoạt chi bộ định kỳ');
    await page.waitForURL(/loai=cell_regular/);
    await page.reload();
    await page.getByTestId('meetings-summary').waitFor();
    expect(page.url()).toContain('loai=cell_regular');
    expect(await page.getByTestId('filter-kind').textContent()).toContain(
      'Sinh hoạt chi bộ định kỳ',
    );
    const summary = (await page.getByTestId('meetings-summary').textContent()) ?? '';
    expect(summary).toContain('khớp bộ lọc');
    const shown = Number(/([\d.]+) cuộc họp/.exec(summary)?.[1].replace(/\./g, ''));
    expect(shown).toBeGreaterThan(0);
    // A group opened: its meetings, the title column wide enough for words.
    await groups.first().locator('.ant-collapse-header').click();
    const row = groups.first().locator('.ant-table-row').first();
    await row.waitFor();
    expect((await row.locator('td').nth(2).boundingBox())?.width ?? 0).toBeGreaterThan(250);
    expect(await pageWidth()).toBeLessThanOrEqual(1440);
    await shot('08-sinh-hoat-loc');
    // The export is every meeting of the filter, not one page.
    const rows = await download();
    expect(rows.length).toBe(shown);
    for (const r of rows) expect(r[3]).toBe('Sinh hoạt chi bộ định kỳ');
  });

  it('the cell secretary on a 390 px phone: no page wider than the screen', async () => {
    await freshPage({ width: 390, height: 844 });
    await logIn(page, server, 'bithu');
    await page.waitForURL((u) => !u.pathname.includes('dang-nhap'));
    for (const [url, name] of [
      ['/ke-hoach', '05-ke-hoach-bithu-390'],
      ['/viec-can-lam', '06-viec-can-lam-bithu-390'],
      ['/sinh-hoat', '09-sinh-hoat-bithu-390'],
    ] as const) {
      await page.goto(`${server.url}${url}`);
      await page.locator('h3').first().waitFor();
      await page.waitForLoadState('networkidle');
      const first = page.locator('.ant-collapse-item .ant-collapse-header').first();
      if (await first.isVisible()) await first.click();
      await page.waitForTimeout(500);
      expect(await pageWidth()).toBeLessThanOrEqual(390);
      await shot(name, true);
    }
  });
});
