// An office imports an old member list in the browser: the wizard maps the columns, shows what
// was converted from TCVN3/VNI and which row is wrong, the bad row is left out, the rest is
// written, and the member count of the cell moves.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeTcvn3, encodeVni } from '../domain/text/legacy-encodings';
import { launchBrowser, logIn, pick, type Server, screenshot, startServer } from './harness';

let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const messyFile = async (cellName: string) => {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('DS');
  sheet.addRow(['DANH SÁCH ĐẢNG VIÊN CHI BỘ']);
  sheet.addRow([]);
  // "Quê quán" typed in Unicode over TCVN3 cells (issue 17), and a column no field takes.
  sheet.addRow([
    'STT',
    'Họ và tên',
    'Giới tính',
    'Ngày sinh',
    'Chi bộ',
    'Ngày vào Đảng',
    'Quê quán',
    'Sở thích',
  ]);
  sheet.addRow([
    1,
    encodeTcvn3('Nguyễn Văn Hùng'),
    'Nam',
    '05/12/1990',
    cellName,
    '19/05/2015',
    encodeTcvn3('Hà Nội'),
    'Bóng đá',
  ]);
  sheet.addRow([
    2,
    encodeVni('Trần Thị Thu Hằng'),
    'Nữ',
    '5-12-91',
    cellName,
    'tháng 3/2020',
    'Nam Định',
    'Đọc sách',
  ]);
  sheet.addRow([3, 'Lò Văn Sai', 'Nam', '13/13/1990', cellName, '01/01/2015', '', '']);
  sheet.addRow(['', 'Tổng số: 3']);
  const dir = path.join(os.tmpdir(), 'dangvu-e2e-import');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'danh-sach-cu.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
};

describe('spreadsheet import in the browser', () => {
  it('uploads a messy file, maps, previews conversions and an error, excludes it and commits', async () => {
    const context = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 1440, height: 900 },
    });
    page = await context.newPage();
    await logIn(page, server, 'vanphong');
    await page.waitForURL((u) => u.pathname === '/');
    const cell = (
      await (
        await page.request.get(
          `${server.url}/api/org-units/search?q=${encodeURIComponent('Chi bộ Phòng Nghiệp vụ Y')}`,
        )
      ).json()
    ).items[0] as { id: number; name: string };
    const count = async () =>
      (
        await (
          await page.request.get(`${server.url}/api/members?orgUnitId=${cell.id}&pageSize=1`)
        ).json()
      ).total as number;
    const before = await count();

    await page.getByRole('menuitem', { name: 'Nhập dữ liệu từ Excel' }).click();
    await page.waitForURL(/nhap-du-lieu/);
    await page.getByText('Bấm hoặc kéo tệp Excel').waitFor();
    await page.locator('input[type=file]').setInputFiles(await messyFile(cell.name));

    await page.getByText('Ghép cột – danh-sach-cu.xlsx').waitFor();
    await expect(
      page.getByLabel('Cột cho Họ và tên').locator('..').textContent(),
    ).resolves.toContain('Họ và tên');
    await expect(
      page.getByLabel('Cột cho Quê quán').locator('..').textContent(),
    ).resolves.toContain('Cột 7: Quê quán');
    // The column no field takes is listed with its values; preview waits for a choice.
    const unmapped = page.getByTestId('import-unmapped');
    await unmapped.getByText('Cột H: Sở thích').waitFor();
    await unmapped.getByText('Ví dụ: Bóng đá; Đọc sách').waitFor();
    await page
      .getByTestId('import-unmapped-warning')
      .getByText(/cột H "Sở thích"/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Xem trước' }).isDisabled()).toBe(true);
    await unmapped.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-01-ghep-cot');
    await page.setViewportSize({ width: 390, height: 844 });
    await unmapped.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-01-ghep-cot-390');
    await page.setViewportSize({ width: 1440, height: 900 });

    await pick(page.getByLabel('Xử lý cột H'), 'Bỏ qua cột này (không nhập)');
    await page.getByTestId('import-unmapped-warning').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Xem trước' }).click();

    await page.getByTestId('conversion-summary').waitFor();
    expect(await page.getByTestId('conversion-summary').textContent()).toMatch(
      /TCVN3.*VNI|VNI.*TCVN3/,
    );
    await page.getByText('«NguyÔn V¨n Hïng» → «Nguyễn Văn Hùng»').waitFor();
    await page.getByText('Ngày sinh: Ngày "13/13/1990" không có thật.').waitFor();
    await screenshot(page, 'import-02-xem-truoc');

    await page.getByRole('button', { name: 'Ghi vào hệ thống' }).click();
    await page
      .getByTestId('import-error')
      .getByText(/dòng có lỗi.*Chưa ghi gì/)
      .waitFor();
    expect(await count()).toBe(before);

    await page.getByRole('button', { name: 'Quay lại xem trước' }).click();
    await page.getByRole('button', { name: 'Bỏ tất cả các dòng lỗi' }).click();
    await page.getByText('Đã bỏ').waitFor();
    await page.getByRole('button', { name: 'Ghi vào hệ thống' }).click();
    await page.getByText('Đã ghi 2 đảng viên.').waitFor();
    await screenshot(page, 'import-03-ket-qua');
    expect(await count()).toBe(before + 2);

    await page.getByRole('link', { name: 'Xem danh sách đảng viên' }).click();
    await page.getByRole('link', { name: 'Nguyễn Văn Hùng' }).first().waitFor();
    const written = (
      await (
        await page.request.get(
          `${server.url}/api/members?orgUnitId=${cell.id}&q=${encodeURIComponent('Trần Thị Thu Hằng')}`,
        )
      ).json()
    ).items as { id: number }[];
    const homes = await Promise.all(
      written.map(
        async (m) =>
          (
            (await (await page.request.get(`${server.url}/api/members/${m.id}`)).json()) as {
              homeTown: string | null;
            }
          ).homeTown,
      ),
    );
    expect(homes).toContain('Nam Định');
    await context.close();
  });
});
