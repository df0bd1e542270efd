// Reconciliation with the national member database in the browser (docs/domain/reconciliation.md): the
// grassroots office exports its member list, changes one name and drops one member as the national
// database would have them, uploads the file, checks the proposed mapping, reconciles, corrects the
// name "theo CSDL", notes the member missing from the export, reads the summary per unit; the run
// reopens at phone width without overflowing the page.
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

let runUrl = '';
let renamed = '';
let dropped = '';

/** The office's own member export, with one name changed and one member left out. */
const nationalExport = async (): Promise<Buffer> => {
  const bytes = await page.evaluate(async () => {
    const res = await fetch('/api/members/export.xlsx?purpose=%C4%91%E1%BB%91i%20chi%E1%BA%BFu');
    return Array.from(new Uint8Array(await res.arrayBuffer()));
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  let headerRow = 0;
  let nameColumn = 0;
  sheet.eachRow((row, n) => {
    if (headerRow) return;
    (row.values as unknown[]).forEach((v, c) => {
      if (v === 'Họ và tên') {
        headerRow = n;
        nameColumn = c;
      }
    });
  });
  expect(headerRow).toBeGreaterThan(0);
  const first = sheet.getRow(headerRow + 1).getCell(nameColumn);
  renamed = `${String(first.value)} Anh`;
  first.value = renamed;
  dropped = String(sheet.getRow(headerRow + 3).getCell(nameColumn).value);
  sheet.spliceRows(headerRow + 3, 1);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

describe('reconciliation with the national member database', () => {
  it('the grassroots office reconciles an export and decides the differences', async () => {
    await logInAs('coso');
    await page.goto(`${server.url}/doi-chieu-csdl`);
    await page.getByText('Đối chiếu tệp mới').waitFor();
    await screenshot(page, 'dc-01-trang');

    const buffer = await nationalExport();
    await page.locator('input[type=file]').setInputFiles({
      name: 'csdl-dang-vien.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    const reconcileButton = page.getByRole('button', { name: 'Đối chiếu', exact: true });
    await reconcileButton.waitFor();
    // The proposed mapping took the export's own columns.
    await page
      .getByText(/^\d+\. Họ và tên$/)
      .first()
      .waitFor();
    await page
      .getByText(/^\d+\. Số CCCD$/)
      .first()
      .waitFor();
    await screenshot(page, 'dc-02-ghep-cot');
    await reconcileButton.click();

    const differences = page.getByRole('tab', { name: /^Khác nhau \(\d+\)$/ });
    await differences.waitFor();
    expect(await differences.textContent()).toBe('Khác nhau (1)');
    runUrl = page.url();
    expect(runUrl).toMatch(/\?run=\d+$/);
    const row = page.locator('.ant-table-row', { hasText: 'Họ và tên' });
    await row.waitFor();
    expect(await row.textContent()).toContain(renamed);
    await screenshot(page, 'dc-03-khac-nhau');

    await row.getByRole('button', { name: 'Sửa theo CSDL' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm
      .locator('.ant-modal-confirm-title', { hasText: 'Sửa hồ sơ theo CSDL?' })
      .waitFor();
    await confirm.getByRole('button', { name: 'Sửa theo CSDL' }).click();
    await row.locator('.ant-tag', { hasText: 'Sửa theo CSDL' }).waitFor();

    await page.getByRole('tab', { name: /^Chỉ có ở ta/ }).click();
    // The open tab's panel: the others are hidden (this antd marks no "active" class on panes).
    const panel = page.getByRole('tabpanel');
    const missing = panel.locator('.ant-table-row', { hasText: dropped });
    await missing.waitFor();
    await missing.getByRole('button', { name: 'Đã xử lý…' }).click();
    const note = page.getByRole('dialog', { name: 'Đã xử lý ngoài hệ thống' });
    await note.getByLabel('Ghi chú xử lý').fill('Đã báo Ban Tổ chức bổ sung vào CSDL.');
    await note.getByRole('button', { name: 'Ghi' }).click();
    await missing.locator('.ant-tag', { hasText: 'Đã xử lý ngoài hệ thống' }).waitFor();
    await screenshot(page, 'dc-04-chi-co-o-ta');

    await page.getByRole('tab', { name: 'Tổng hợp theo đơn vị' }).click();
    await page.getByRole('tabpanel').locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'dc-05-tong-hop');

    // The member record carries the name from the national database.
    const memberLink = await page.evaluate(async (name) => {
      const res = await fetch(`/api/members?q=${encodeURIComponent(name)}`);
      return (await res.json()).items.map((m: { fullName: string }) => m.fullName);
    }, renamed);
    expect(memberLink).toContain(renamed);
  });

  it('the run reopens at phone width without overflowing the page', async () => {
    await logInAs('coso', 390);
    await page.goto(runUrl.replace(/^https?:\/\/[^/]+/, server.url));
    await page.getByRole('tab', { name: /^Khác nhau/ }).waitFor();
    await page.getByRole('tabpanel').locator('.ant-table-row').first().waitFor();
    const { sw, w } = await page.evaluate(() => ({
      sw: document.documentElement.scrollWidth,
      w: window.innerWidth,
    }));
    expect(sw).toBeLessThanOrEqual(w);
    await screenshot(page, 'dc-06-dien-thoai');
  });
});
