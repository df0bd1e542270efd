// Đảng phí remitted upward in the browser (docs/domain/dues.md, "Nộp đảng phí lên cấp trên"): the
// bloc's office opens the comparison on the Đảng phí page, records what a grassroots organisation
// remitted for the current month and sees its difference change; the grassroots office sees its own
// organisation only, with the new remittance, and records nothing; at 1440 px and 390 px the page
// does not overflow sideways.
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

const org = 'Đảng bộ Sở Y tế';
const month = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(5, 7));
const amount = (text: string | null) => Number((text ?? '').replace(/[^\d-]/g, ''));

/** Open "Nộp đảng phí lên cấp trên" on the Đảng phí page and wait for the comparison. */
const openComparison = async () => {
  await page.goto(`${server.url}/dang-phi`);
  await page.getByTestId('remittances-card').getByText('Nộp đảng phí lên cấp trên').click();
  await page.getByTestId('remittances-table').waitFor({ timeout: 120_000 });
};
const rowOf = (name: string) =>
  page.getByTestId('remittances-table').locator('tr.ant-table-row', { hasText: name }).first();
const noSidewaysOverflow = async () =>
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBeLessThanOrEqual(0);

describe('Nộp đảng phí lên cấp trên', () => {
  it('the office records a remittance and sees the difference change', async () => {
    await logInAs('vanphong');
    await openComparison();
    await page.getByTestId('remittances-totals').waitFor();
    // The demo has organisations that have not remitted a quarter that ended.
    expect(
      await page
        .getByTestId('remittances-table')
        .getByText(/Chưa nộp/)
        .count(),
    ).toBeGreaterThan(0);
    await screenshot(page, 'np-01-doi-chieu-van-phong');
    const row = rowOf(org);
    const before = amount(await row.locator('[data-testid^="remittance-diff-"]').textContent());
    await row.getByRole('button', { name: 'Ghi khoản nộp' }).click();
    const modal = page.getByRole('dialog');
    await pick(modal.getByLabel('Kỳ nộp'), 'Tháng');
    await pick(modal.getByLabel(/^Tháng \(năm/), `Tháng ${String(month).padStart(2, '0')}`);
    await modal.getByLabel('Số tiền').fill('125000');
    await modal.getByLabel('Số phiếu thu, chứng từ').fill('99/PT-ĐP');
    await screenshot(page, 'np-02-ghi-khoan-nop');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await modal.waitFor({ state: 'hidden' });
    await expect
      .poll(async () =>
        amount(await row.locator('[data-testid^="remittance-diff-"]').textContent()),
      )
      .toBe(before + 125_000);
    // The same period again: refused with a message that names what is there.
    await row.getByRole('button', { name: 'Ghi khoản nộp' }).click();
    await pick(modal.getByLabel('Kỳ nộp'), 'Tháng');
    await pick(modal.getByLabel(/^Tháng \(năm/), `Tháng ${String(month).padStart(2, '0')}`);
    await modal.getByLabel('Số tiền').fill('1000');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await modal
      .getByText(/đã có khoản nộp Tháng/)
      .first()
      .waitFor();
    await modal.getByRole('button', { name: 'Hủy' }).click();
    await noSidewaysOverflow();
  }, 240_000);

  it('the grassroots office sees its own organisation and the remittance, and records nothing', async () => {
    await logInAs('coso');
    await openComparison();
    const rows = page.getByTestId('remittances-table').locator('tr.ant-table-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(org);
    expect(await page.getByRole('button', { name: 'Ghi khoản nộp' }).count()).toBe(0);
    await rows.first().locator('.ant-table-row-expand-icon').click();
    await page.getByText('99/PT-ĐP').waitFor();
    await screenshot(page, 'np-03-doi-chieu-co-so');
    await noSidewaysOverflow();
  }, 240_000);

  it('fits a phone: 390 px wide, for the office and the grassroots office', async () => {
    for (const user of ['vanphong', 'coso']) {
      await logInAs(user, 390);
      await openComparison();
      await page.getByTestId('remittances-totals').waitFor();
      await screenshot(page, `np-04-dien-thoai-${user}`);
      await noSidewaysOverflow();
    }
  }, 300_000);
});
