// Year-end evaluation in the browser: the grassroots office opens the year's campaign, a member
// fills in their self-assessment on a phone, the cell secretary reviews it at the cell meeting
// (and the cell itself), the upper level decides with the HTXS cap check shown before saving, and
// the results page shows the figures.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, pick, type Server, screenshot, startServer } from './harness';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let campaignUrl = '';
let recordUrl = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const logInAs = async (username: string, viewport = { width: 1440, height: 900 }) => {
  await context?.close();
  context = await browser.newContext({ locale: 'vi-VN', viewport });
  page = await context.newPage();
  await logIn(page, server, username);
  await page.getByTestId('user-menu').waitFor();
};

/** JSON reads with the page's session, to find the records the steps are about. */
const apiGet = async (url: string) => {
  const res = await page.request.get(`${server.url}${url}`);
  expect(res.ok()).toBe(true);
  return res.json();
};

const openModal = async () => {
  await page.getByRole('button', { name: 'Mở đợt đánh giá' }).click();
  const modal = page.getByRole('dialog');
  const unit = modal
    .locator('.ant-form-item')
    .filter({ hasText: 'Phạm vi' })
    .locator('.ant-select');
  await unit.click();
  // Let the tree dropdown finish opening: a click during its animation can be lost (seen in CI).
  await page.waitForTimeout(600);
  await page.locator('.ant-select-tree-title', { hasText: 'Đảng bộ Sở Y tế' }).first().click();
  return modal;
};

describe('year-end evaluation', () => {
  it('the grassroots office opens the campaign for its organisation', async () => {
    await logInAs('coso');
    await page.goto(`${server.url}/danh-gia-xep-loai`);
    const modal = await openModal();
    await screenshot(page, 'dg-01-mo-dot');
    await modal.getByRole('button', { name: 'Mở đợt' }).click();
    // Opening creates hundreds of records: slow on a busy machine.
    await page.waitForURL(/danh-gia-xep-loai\/\d+/, { timeout: 120_000 });
    campaignUrl = page.url();
    await page.getByText('Quy định 366-QĐ/TW').first().waitFor();
    await page.getByRole('tab', { name: 'Tiến độ theo đơn vị' }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(1);
  });

  it('a member fills in their self-assessment on a phone', async () => {
    await logInAs('dangvien', { width: 390, height: 844 });
    await page.goto(`${server.url}/danh-gia-xep-loai`);
    await page.getByRole('button', { name: 'Tự đánh giá' }).first().click();
    await page.waitForURL(/danh-gia-xep-loai\/ho-so\/\d+/);
    recordUrl = page.url();
    const form = page.getByTestId('self-assessment');
    await form.waitFor();
    const scores = form.locator('input[id^="scores_"]');
    expect(await scores.count()).toBeGreaterThan(4);
    for (const input of await scores.all()) {
      const max = Number(await input.getAttribute('aria-valuemax'));
      await input.fill(String(Math.round(max * 0.85)));
    }
    await form.locator('#tasks_total').fill('10');
    await form.locator('#tasks_onTime').fill('10');
    await form.locator('#tasks_exceeded').fill('2');
    await form.locator('#tasks_late').fill('0');
    await form
      .getByLabel('Ưu điểm, kết quả đạt được')
      .fill('Hoàn thành đúng hạn các nhiệm vụ được giao.');
    await pick(form.getByLabel('Tự xếp loại'), 'HTTNV');
    await screenshot(page, 'dg-02-tu-danh-gia-dien-thoai');
    await form.getByRole('button', { name: 'Gửi bản tự đánh giá' }).click();
    await page.getByText('Đã lưu bản tự đánh giá, xếp loại.').waitFor();
    await expect.poll(() => page.getByTestId('engine-level').textContent()).toContain('HTTNV');
    await page.getByText(/Nhiệm vụ: 10/).waitFor();
  });

  it('the cell secretary reviews the member and the cell at the meeting', async () => {
    await logInAs('bithu');
    await page.goto(recordUrl);
    const review = page.getByTestId('review');
    await review.waitFor();
    await page
      .getByTestId('engine-reasons')
      .getByText(/366-QĐ\/TW/)
      .first()
      .waitFor();
    await review.locator('#votes_present').fill('9');
    await review.locator('#votes_HTTNV').fill('9');
    // A case of 124-QĐ/TW Điều 12 (kept under 366) recorded at the meeting forces KHTNV.
    const cases = page.getByTestId('khtnv-cases');
    await cases.getByText('Vi phạm những điều đảng viên không được làm').click();
    await screenshot(page, 'dg-03-kiem-diem-chi-bo');
    await review.getByRole('button', { name: 'Ghi kết quả kiểm điểm' }).click();
    await page.getByText('Đã ghi kết quả kiểm điểm tại hội nghị.').waitFor();
    await expect.poll(() => page.getByTestId('engine-level').textContent()).toContain('KHTNV');
    await page
      .getByTestId('khtnv-forced')
      .getByText(/“Vi phạm những điều đảng viên không được làm”/)
      .waitFor();
    await screenshot(page, 'dg-03b-truong-hop-khtnv');
    // On a phone, the same form and the forced level.
    await logInAs('bithu', { width: 390, height: 844 });
    await page.goto(recordUrl);
    await page.getByTestId('khtnv-forced').waitFor();
    await page.getByTestId('khtnv-cases').scrollIntoViewIfNeeded();
    await screenshot(page, 'dg-03c-truong-hop-khtnv-dien-thoai');
    // The conclusion is withdrawn: the level proposed from the points comes back.
    await logInAs('bithu');
    await page.goto(recordUrl);
    const again = page.getByTestId('review');
    await again.waitFor();
    await page
      .getByTestId('khtnv-cases')
      .getByText('Vi phạm những điều đảng viên không được làm')
      .click();
    await pick(again.getByLabel('Hội nghị đề nghị mức'), 'HTTNV');
    await again.getByRole('button', { name: 'Ghi kết quả kiểm điểm' }).click();
    await page.getByText('Đã ghi kết quả kiểm điểm tại hội nghị.').waitFor();
    await expect.poll(() => page.getByTestId('engine-level').textContent()).toContain('HTTNV');

    const campaignId = campaignUrl.split('/').pop();
    const cell = (
      await apiGet(`/api/evaluations/records?campaignId=${campaignId}&subjectKind=cell`)
    ).items[0];
    await page.goto(`${server.url}/danh-gia-xep-loai/ho-so/${cell.id}`);
    const cellReview = page.getByTestId('review');
    await cellReview.waitFor();
    for (const input of await cellReview.locator('input[id^="scores_"]').all()) {
      const max = Number(await input.getAttribute('aria-valuemax'));
      await input.fill(String(Math.round(max * 0.8)));
    }
    await cellReview.locator('#tasks_total').fill('8');
    await cellReview.locator('#tasks_onTime').fill('8');
    await cellReview.locator('#tasks_exceeded').fill('1');
    await cellReview.locator('#tasks_late').fill('0');
    await cellReview.locator('#votes_present').fill('9');
    await cellReview.locator('#votes_HTTNV').fill('9');
    await pick(cellReview.getByLabel('Hội nghị đề nghị mức'), 'HTTNV');
    await cellReview.getByRole('button', { name: 'Ghi kết quả kiểm điểm' }).click();
    await page.getByText('Đã ghi kết quả kiểm điểm tại hội nghị.').waitFor();
    // The cell's list shows the member reviewed, with the engine's proposal.
    await page.goto(campaignUrl);
    await page.getByRole('row').filter({ hasText: 'Đã kiểm điểm' }).first().waitFor();
  });

  it('the upper level decides with the cap check shown before saving', async () => {
    await logInAs('vanphong');
    await page.goto(campaignUrl);
    // The organisation has hundreds of records: show those reviewed.
    await page.locator('.ant-select').filter({ hasText: 'Bước' }).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: 'Đã kiểm điểm' })
      .click();
    const rows = page.getByRole('row').filter({ hasText: 'Đã kiểm điểm' });
    await expect.poll(() => rows.count()).toBe(2);
    for (const row of await rows.all()) await row.locator('.ant-checkbox-input').check();
    await page.getByRole('button', { name: /Quyết định xếp loại \(2\)/ }).click();
    const panel = page.getByTestId('decision-panel');
    await panel.getByLabel('Số quyết định').fill('125-QĐ/ĐU');
    const check = page.getByTestId('cap-check');
    await check.getByText('Trong tỷ lệ hoàn thành xuất sắc nhiệm vụ').waitFor();
    await check
      .getByText(/được xếp loại HTXSNV tối đa/)
      .first()
      .waitFor();
    // The base of the cap is stated where it is checked.
    await expect
      .poll(() => check.getByTestId('cap-rule').textContent())
      .toContain('không vượt quá 20% số được xếp loại HTTNV (không tính HTXSNV)');
    await screenshot(page, 'dg-04-quyet-dinh-kiem-tra-ty-le');
    await panel.getByRole('button', { name: 'Lưu quyết định xếp loại' }).click();
    await page.getByText('Đã ghi quyết định xếp loại 2 đối tượng.').waitFor();
    await page.goto(recordUrl);
    await expect.poll(() => page.getByTestId('decided-level').textContent()).toContain('HTTNV');
  });

  it('the results page shows the figures and drills down to the records', async () => {
    const committee = (await apiGet('/api/evaluations/campaigns')).items.find(
      (c: { orgUnitName: string; year: number }) => c.orgUnitName === 'Đảng bộ Sở Y tế',
    );
    await page.goto(
      `${server.url}/ket-qua-xep-loai?orgUnitId=${committee.orgUnitId}&year=${committee.year}`,
    );
    const table = page.getByTestId('results-table');
    const memberRow = table.getByRole('row').filter({ hasText: 'Đảng viên' });
    await memberRow.waitFor();
    await expect.poll(() => memberRow.locator('td').nth(3).textContent()).toMatch(/^0/);
    await expect.poll(() => memberRow.locator('td').nth(4).textContent()).toMatch(/^1 \(100/);
    // The organisation of the link is named in its select, not shown as its id.
    await page.locator('.ant-select').filter({ hasText: 'Đảng bộ Sở Y tế' }).first().waitFor();
    await screenshot(page, 'dg-05-ket-qua');
    await memberRow.locator('td').nth(4).getByRole('button').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('link').first().waitFor();
    expect(await drawer.locator('.ant-table-row').count()).toBe(1);
  });

  it('a year before 2018 is refused, naming the guidance then in force (27-HD/BTCTW), never judged by 132-QĐ/TW', async () => {
    await logInAs('coso');
    await page.goto(`${server.url}/danh-gia-xep-loai`);
    const modal = await openModal();
    await modal.getByLabel('Năm', { exact: true }).fill('2016');
    await modal.getByRole('button', { name: 'Mở đợt' }).click();
    await modal
      .getByText(/Năm 2016 được đánh giá, phân loại chất lượng theo Hướng dẫn 27-HD\/BTCTW/)
      .waitFor();
    await screenshot(page, 'dg-06-nam-2016-bi-tu-choi');
  });
});
