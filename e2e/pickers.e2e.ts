// Issue 22, pickers that find and dates that read the Vietnamese way: on the dues page the
// organisation picker finds "Chi bộ Phòng Nghiệp vụ Y" from "nghiep vu y" anywhere in the user's
// scope, showing its path, as the grassroots office (coso) and as the upper committee's office
// (vanphong); in a browser set to English, a date field still shows and takes dd/mm/yyyy.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, type Server, startServer } from './harness';

let server: Server;
let browser: Browser;
let context: BrowserContext | undefined;
let page: Page;
const shots = path.join(import.meta.dirname, '..', '.tmp');

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  // A browser whose language is US English: a plain date input would show mm/dd/yyyy here.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--lang=en-US'],
  });
}, 300_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const freshPage = async (viewport: { width: number; height: number }) => {
  await context?.close();
  context = await browser.newContext({
    locale: 'en-US',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport,
    reducedMotion: 'reduce',
  });
  page = await context.newPage();
};
const shot = (name: string) => page.screenshot({ path: path.join(shots, `pickers-${name}.png`) });

/** The demo role accounts (coso, vanphong) go straight in, without a password change. */
const signIn = async (username: string) => {
  await logIn(page, server, username);
  await page.waitForURL((u) => !u.pathname.includes('dang-nhap'));
};

const openOption = () =>
  page.locator(
    // Not the hidden node the tree keeps to measure rows (no text).
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-treenode:not([aria-hidden="true"])',
  );

/** Type into the dues page's unit picker and choose the hit whose path ends in the cell's name. */
const findCellOnDuesPage = async (who: string, width: number, height: number) => {
  await freshPage({ width, height });
  await signIn(who);
  await page.goto(`${server.url}/dang-phi`);
  const picker = page.locator('.ant-select').filter({ hasText: 'Chọn chi bộ' }).first();
  await picker.click();
  await page.keyboard.type('nghiep vu y');
  const hit = openOption()
    .filter({ hasText: 'Đảng bộ Sở Y tế › Chi bộ Phòng Nghiệp vụ Y' })
    .first();
  await hit.waitFor({ timeout: 15_000 });
  await shot(`${who}-search-${width}`);
  // Nothing of another organisation for the grassroots office, whatever it types.
  const texts = await openOption().allTextContents();
  if (who === 'coso') for (const t of texts) expect(t.startsWith('Đảng bộ Sở Y tế')).toBe(true);
  await hit.click();
  await page.waitForURL(/don-vi=\d+/);
  await expect
    .poll(
      async () =>
        (await page
          .locator('.ant-select-content-has-value, .ant-select-selection-item')
          .first()
          .textContent()) ?? '',
    )
    .toContain('Chi bộ Phòng Nghiệp vụ Y');
  // The page does not overflow the phone's width.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(1);
  await shot(`${who}-chosen-${width}`);
};

describe('the organisation picker finds across the scope', () => {
  it('as the grassroots office, at 1440 px', async () => {
    await findCellOnDuesPage('coso', 1440, 900);
  });
  it('as the grassroots office, on a 390 px phone', async () => {
    await findCellOnDuesPage('coso', 390, 844);
  });
  it('as the upper committee office, at 1440 px', async () => {
    await findCellOnDuesPage('vanphong', 1440, 900);
  });
});

describe('dates read dd/mm/yyyy in an English browser', () => {
  it('a date field shows today day first and takes a typed date', async () => {
    await freshPage({ width: 1440, height: 900 });
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await signIn('vanphong');
    await page.goto(`${server.url}/danh-gia-xep-loai`);
    await page.getByRole('button', { name: 'Mở đợt đánh giá' }).click();
    const field = page.getByLabel('Ngày mở đợt');
    await field.waitFor();
    const shown = await field.inputValue();
    expect(shown).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(),
    );
    expect(shown).toBe(`${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`);
    // Typed day first: 05/01 is the fifth of January, not the first of May.
    await field.click();
    await field.fill('05/01/2027');
    await page.keyboard.press('Enter');
    await expect.poll(() => field.inputValue()).toBe('05/01/2027');
    const posted = page.waitForRequest(
      (r) => r.method() === 'POST' && r.url().includes('/api/evaluations'),
    );
    const scope = page.getByLabel('Phạm vi (đảng bộ cấp trên cơ sở hoặc tổ chức cơ sở đảng)');
    await scope.click();
    await page.keyboard.type('so y te');
    await openOption().filter({ hasText: 'Đảng bộ Sở Y tế' }).first().click();
    await shot('date-typed');
    await page.getByRole('button', { name: 'Mở đợt', exact: true }).click();
    const body = (await posted).postDataJSON() as { openedOn: string };
    expect(body.openedOn).toBe('2027-01-05');
  });
});
