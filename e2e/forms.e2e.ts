// The printed forms from the pages where an office needs them (docs/domain/forms.md): the member's
// phiếu đảng viên and yearly phiếu bổ sung hồ sơ from the record page (Word read back, and the PDF rendered to an image that must
// show ink), the minutes of a recorded meeting from its dialog, the cell's dues book from the dues
// page, the yearly sheets of a whole cell from the member list narrowed to the cell, each downloaded
// by clicking as a user does and read back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, type Server, screenshot, startServer } from './harness';

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
  await logIn(page, server, 'coso');
  await page.getByTestId('user-menu').waitFor();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const apiGet = async (url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url);

/** Open a form button's menu, pick one entry, and return the downloaded file's bytes and name. */
const downloadForm = async (button: string, entry: RegExp) => {
  await page.getByTestId(button).click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    page.getByRole('link', { name: entry }).click(),
  ]);
  const file = await download.path();
  return { bytes: readFileSync(file!), name: download.suggestedFilename() };
};

const docxText = async (bytes: Buffer) => {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
};

const hasPdfTools = () => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

describe('printed forms', () => {
  it('prints the phiếu đảng viên of a member from the record page, as Word and as PDF', async () => {
    const list = await apiGet('/api/members?pageSize=1&status=full');
    const member = list.items[0];
    await page.goto(`${server.url}/dang-vien/${member.id}`);
    await page.getByTestId('member-name').waitFor();
    const word = await downloadForm('member-forms', /Phiếu đảng viên \(2-HSĐV\) \(Word\)/);
    expect(word.name).toMatch(/\.docx$/);
    const text = await docxText(word.bytes);
    expect(text).toContain('PHIẾU ĐẢNG VIÊN');
    expect(text).toContain(member.fullName.toUpperCase());
    await screenshot(page, 'bm-01-ho-so-in-phieu');
    // The yearly record-update sheet, of the last full year by default.
    const lastYear = new Date().getFullYear() - 1;
    const sheet = await downloadForm(
      'member-update-sheet',
      new RegExp(`Phiếu bổ sung hồ sơ đảng viên năm ${lastYear} \\(Word\\)`),
    );
    const sheetText = await docxText(sheet.bytes);
    expect(sheetText).toContain('PHIẾU BỔ SUNG HỒ SƠ ĐẢNG VIÊN');
    expect(sheetText).toContain(`31/12/${lastYear - 1}`);
    if (!hasPdfTools()) return;
    // The PDF's first page as an image: a blank or broken conversion has no dark pixels.
    const pdf = await downloadForm('member-forms', /Phiếu đảng viên \(2-HSĐV\) \(PDF\)/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dangvu-form-'));
    try {
      writePdfPage(pdf.bytes, dir);
      const png = PNG.sync.read(readFileSync(path.join(dir, 'page-1.png')));
      let dark = 0;
      for (let i = 0; i < png.data.length; i += 4)
        if (png.data[i] < 96 && png.data[i + 1] < 96 && png.data[i + 2] < 96) dark++;
      // A4 at 50 dpi is 413 × 585 = 241,605 pixels; text and ruled boxes cover well over 0.5 %.
      expect(png.width).toBeGreaterThan(400);
      expect(dark / (png.width * png.height)).toBeGreaterThan(0.005);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the minutes of a recorded meeting from its dialog', async () => {
    const year = new Date().getFullYear();
    const list = await apiGet(
      `/api/meetings?kind=cell_regular&from=${year}-01-01&to=${year}-12-31`,
    );
    const meeting = list.items[0];
    await page.goto(`${server.url}/sinh-hoat?hoi-nghi=${meeting.id}`);
    await page.getByRole('dialog', { name: 'Sửa cuộc họp' }).waitFor();
    const word = await downloadForm('meeting-minutes-form', /Biên bản \(Word\)/);
    const text = await docxText(word.bytes);
    expect(text).toContain('BIÊN BẢN SINH HOẠT CHI BỘ');
    expect(text).toContain(meeting.orgUnitName.toUpperCase());
    expect(text).toMatch(/THƯ KÝ/);
    expect(text).toMatch(/CHỦ TRÌ/);
    await screenshot(page, 'bm-02-bien-ban-sinh-hoat');
  });

  it('prints the yearly sheets of every member of a cell from the member list narrowed to the cell', async () => {
    const lastYear = new Date().getFullYear() - 1;
    const list = await apiGet('/api/members?pageSize=1&status=full');
    const cellId = list.items[0].orgUnitId;
    await page.goto(`${server.url}/dang-vien?orgUnitId=${cellId}`);
    await page.getByTestId('cell-update-sheets').waitFor();
    // The year defaults to the last full year.
    await expect
      .poll(() => page.getByTestId('cell-update-sheets-year').textContent())
      .toContain(`Năm ${lastYear}`);
    const word = await downloadForm(
      'cell-update-sheets',
      new RegExp(`Phiếu bổ sung hồ sơ năm ${lastYear} của mọi đảng viên trong chi bộ \\(Word\\)`),
    );
    expect(word.name).toMatch(new RegExp(`^phieu-bo-sung-ho-so-${lastYear}-.*\\.docx$`));
    const xml = await (await JSZip.loadAsync(word.bytes))
      .file('word/document.xml')!
      .async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    const sheets = text.split('PHIẾU BỔ SUNG HỒ SƠ ĐẢNG VIÊN').length - 1;
    expect(sheets).toBeGreaterThan(1);
    // One section (a new page) per sheet.
    expect(xml.split('<w:sectPr').length - 1).toBe(sheets);
    expect(text).toContain(`31/12/${lastYear - 1}`);
    await screenshot(page, 'bm-05-phieu-bo-sung-chi-bo');
    // On a phone: the button stays on the screen, beside or under the list's other buttons.
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const button = page.getByTestId('cell-update-sheets');
      await button.scrollIntoViewIfNeeded();
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await screenshot(page, 'bm-05-phieu-bo-sung-chi-bo-390');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it("prints a cell's dues book for the year from the dues page", async () => {
    const year = new Date().getFullYear();
    const list = await apiGet(
      `/api/meetings?kind=cell_regular&from=${year}-01-01&to=${year}-12-31`,
    );
    const cellId = list.items[0].orgUnitId;
    await page.goto(`${server.url}/dang-phi?don-vi=${cellId}`);
    await page.getByTestId('dues-summary').waitFor();
    const word = await downloadForm(
      'dues-book-form',
      new RegExp(`Sổ thu đảng phí năm ${year} \\(Word\\)`),
    );
    const text = await docxText(word.bytes);
    expect(text).toMatch(/SỔ THU/);
    expect(text).toContain(String(year));
    await screenshot(page, 'bm-03-so-thu-dang-phi');
  });

  it("prints the grassroots organisation's dues summary without opening a cell first", async () => {
    const year = new Date().getFullYear();
    await page.goto(`${server.url}/dang-phi`);
    const box = page.getByTestId('dues-summary-forms');
    await box.locator('.ant-select').click();
    await page.keyboard.type('so y te');
    await page
      .locator(
        '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-treenode:not([aria-hidden="true"])',
      )
      .filter({ hasText: 'Đảng bộ Sở Y tế' })
      .first()
      .click();
    const word = await downloadForm(
      'dues-summary-form',
      new RegExp(`Tổng hợp đảng phí năm ${year} \\(Word\\)`),
    );
    const text = await docxText(word.bytes);
    expect(text).toContain('TỔNG HỢP THU, NỘP ĐẢNG PHÍ');
    expect(text).toContain('Đảng bộ Sở Y tế');
    await screenshot(page, 'bm-04-tong-hop-dang-phi');
  });
});

/** The PDF's first page as a PNG (poppler), at a low resolution: enough to see ink. */
const writePdfPage = (pdf: Buffer, dir: string) => {
  const input = path.join(dir, 'form.pdf');
  writeFileSync(input, pdf);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '50',
    '-f',
    '1',
    '-l',
    '1',
    input,
    path.join(dir, 'page'),
  ]);
  // pdftoppm names the page "page-1.png" (or "page-01.png" for documents of 10+ pages).
  const names = readdirSync(dir);
  const first = names.find((n) => /^page-0*1\.png$/.test(n));
  if (first && first !== 'page-1.png')
    renameSync(path.join(dir, first), path.join(dir, 'page-1.png'));
};
