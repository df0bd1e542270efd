// A congress in the browser (issue 19): the bloc's office (the upper level of the cell, so it may
// approve) finds the cell whose 2025–2030 congress is still in preparation (its plan approved, not
// held; server/seed/demo-congresses.ts), records it held, records the secretary's election at the
// congress (a cell elects its secretary there) with the outcome counted live, approves (chuẩn y) the
// election and then the congress's results, and sees the new secretary on the cell's committee with
// the approval decision, while no earlier secretary is listed today.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../domain/text/vietnamese';
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
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1440, height: 900 },
  });
  page = await context.newPage();
}, 300_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const cellName = 'Chi bộ Phòng Bưu chính, Viễn thông và Chuyển đổi số';
const roundName = 'Đại hội đảng bộ các cấp nhiệm kỳ 2025–2030';
// Today in the server's zone (the project's TZ), as dd/mm/yyyy.
const todayIso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
  new Date(),
);
const today = formatDate(todayIso);
const electionRef = 'Quyết định số 777-QĐ/ĐU chuẩn y Bí thư chi bộ';
const resultsRef = 'Quyết định số 778-QĐ/ĐU';

/** Type a date into an antd DatePicker (dd/mm/yyyy) and confirm it. */
const typeDate = async (input: Locator, ddmmyyyy: string) => {
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
};

/** The names listed under the "Bí thư" card of the committee page (none when there is no card). */
const secretariesListed = async () => {
  const card = page.locator('.ant-card').filter({
    has: page.locator('.ant-card-head-title', { hasText: /^Bí thư$/ }),
  });
  if ((await card.count()) === 0) return [];
  return card.locator('.ant-list-item strong').allTextContents();
};

describe('a congress, its election and the approved committee', () => {
  it('records the cell’s congress held, elects and approves its secretary, who shows on the committee', async () => {
    await logIn(page, server, 'vanphong');
    await page.waitForURL((u) => u.pathname === '/');

    // The rounds, the 2025–2030 round, the cell's congress found by name.
    await page.goto(`${server.url}/dai-hoi`);
    await page
      .getByTestId('congress-rounds')
      .getByRole('link', { name: roundName, exact: true })
      .click();
    await page.waitForURL(/\/dai-hoi\/dot\/\d+/);
    const search = page.getByPlaceholder('Tìm theo tên tổ chức');
    await search.fill('Chuyển đổi số');
    await search.press('Enter');
    const list = page.getByTestId('congress-list');
    const row = list.locator('tbody tr').filter({ hasText: cellName });
    await row.waitFor();
    await expect.poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await row.textContent()).toContain('Đã duyệt kế hoạch');
    await screenshot(page, 'dh-01-dot-dai-hoi');
    // The congress page's own answer names the cell (its id opens the committee page below).
    const detail = page.waitForResponse((r) => /\/api\/congresses\/\d+$/.test(r.url()));
    await row.getByRole('link', { name: cellName }).click();
    await page.waitForURL(/\/dai-hoi\/\d+/);
    const congress = (await (await detail).json()) as { orgUnitId: number };
    const cellId = congress.orgUnitId;
    const congressUrl = page.url();
    await page.getByRole('heading', { name: `Đại hội ${cellName}` }).waitFor();

    // The cell's full members (the candidates' pool; the summoned count).
    const members = (await (
      await page.request.get(
        `${server.url}/api/members?orgUnitId=${cellId}&status=full&pageSize=100`,
      )
    ).json()) as { items: { fullName: string }[]; total: number };
    expect(members.total).toBeGreaterThanOrEqual(3);
    const summoned = members.total;
    const present = summoned - 1;
    const candidate = members.items[0].fullName;

    // The committee before: who, if anyone, was the cell's secretary.
    await page.goto(`${server.url}/cap-uy?unit=${cellId}`);
    await page.getByRole('tab', { name: 'Cấp ủy vào ngày' }).waitFor();
    await page.getByText(/cấp ủy viên vào ngày|Chưa có cấp ủy được ghi vào ngày/).waitFor();
    // The cell was set up in the 2025 reform (server/seed/load-demo.ts), so no earlier term's
    // secretary is on record; should the seed give it one, it must be gone once the new one is in.
    const before = await secretariesListed();
    expect(before).toEqual([]);
    await page.getByText('Chưa có dữ liệu cấp ủy').waitFor();

    // Thông tin & tiến độ: held today, with the summoned and present counts.
    await page.goto(congressUrl);
    await page.getByRole('tab', { name: 'Thông tin & tiến độ' }).click();
    await page.getByRole('button', { name: 'Ghi nhận đã tổ chức đại hội' }).click();
    let modal = page.getByRole('dialog');
    await typeDate(modal.getByLabel('Ngày khai mạc'), today);
    await modal.getByLabel('Đảng viên được triệu tập').fill(String(summoned));
    await modal.getByLabel('Có mặt', { exact: true }).fill(String(present));
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã cập nhật tiến độ đại hội.').first().waitFor();
    await modal.waitFor({ state: 'hidden' });
    const info = page.locator('.ant-descriptions');
    await expect.poll(() => info.textContent()).toContain(`Ngày đại hội${today}`);
    expect(await info.textContent()).toContain(`${summoned} / ${present}`);
    expect(await page.locator('.ant-tag').filter({ hasText: 'Đã tổ chức' }).count()).toBe(1);

    // Bầu cử: the secretary at the congress, one seat, all present vote, everyone for the candidate.
    await page.getByRole('tab', { name: 'Bầu cử' }).click();
    await page.getByText('Chưa ghi kết quả bầu cử nào.').waitFor();
    await page.getByRole('button', { name: 'Ghi kết quả bầu cử' }).click();
    modal = page.getByRole('dialog');
    await pick(modal.getByLabel('Bầu', { exact: true }), /^Bí thư$/);
    // A cell's secretary is elected by the congress itself, not at a committee's first session.
    const firstSession = modal.getByLabel('Bầu tại hội nghị lần thứ nhất của cấp ủy khóa mới');
    if (await firstSession.isChecked()) await firstSession.uncheck();
    expect(await firstSession.isChecked()).toBe(false);
    await modal.getByLabel('Số lượng cần bầu').fill('1');
    // The majority base comes from the summoned count.
    expect(await modal.getByLabel('Căn cứ tính quá nửa').inputValue()).toBe(String(summoned));
    await modal.getByLabel('Phiếu phát ra').fill(String(present));
    await modal.getByLabel('Phiếu thu vào').fill(String(present));
    await modal.getByLabel('Phiếu hợp lệ').fill(String(present));
    await modal.getByLabel('Phiếu không hợp lệ').fill('0');
    // One name on the list: drop the second empty row.
    await modal.getByRole('button', { name: 'Bỏ người này' }).nth(1).click();
    // The list's picker (the second select of the form, after the body).
    await pick(modal.locator('.ant-select input').nth(1), candidate, candidate);
    await modal.getByPlaceholder('Phiếu').fill(String(present));
    // The live count: elected, with more than half of the base.
    await modal.getByText('Trúng cử 1/1', { exact: true }).waitFor();
    expect(
      await modal
        .locator('.ant-tag')
        .filter({ hasText: /^Trúng cử$/ })
        .count(),
    ).toBe(1);
    expect(await modal.textContent()).toContain(`tức từ ${Math.floor(summoned / 2) + 1} phiếu`);
    await screenshot(page, 'dh-02-ghi-ket-qua-bau');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã ghi kết quả bầu cử.').first().waitFor();
    await modal.waitFor({ state: 'hidden' });
    const card = page.locator('.ant-card').filter({ hasText: 'Bí thư – lần thứ 1' }).last();
    await card.waitFor();
    expect(await card.textContent()).toContain('Chưa chuẩn y');
    const candidateRow = card.locator('tbody tr').filter({ hasText: candidate });
    expect(await candidateRow.locator('.ant-tag').textContent()).toBe('Trúng cử');
    expect(await card.textContent()).toContain(`quá nửa của ${summoned}`);

    // Chuẩn y the election: a date and the decision.
    await card.getByRole('button', { name: 'Chuẩn y' }).click();
    modal = page.getByRole('dialog');
    await typeDate(modal.getByLabel('Ngày chuẩn y'), today);
    await modal.getByLabel('Quyết định chuẩn y').fill(electionRef);
    await modal.getByRole('button', { name: 'Chuẩn y' }).click();
    await page.getByText(/Đã chuẩn y kết quả; 1 người nhận chức danh trong cấp ủy\./).waitFor();
    await modal.waitFor({ state: 'hidden' });
    await card.getByText(`Đã chuẩn y ${today}`).waitFor();
    expect(await card.textContent()).toContain(electionRef);
    await screenshot(page, 'dh-03-bau-cu-da-chuan-y');

    // The congress's results: "Đã chuẩn y kết quả".
    await page.getByRole('tab', { name: 'Thông tin & tiến độ' }).click();
    const approveResults = page.getByRole('button', { name: 'Chuẩn y kết quả đại hội' });
    await expect.poll(() => approveResults.isEnabled(), { timeout: 15_000 }).toBe(true);
    await approveResults.click();
    modal = page.getByRole('dialog');
    await typeDate(modal.getByLabel('Ngày chuẩn y'), today);
    await modal.getByLabel('Số quyết định chuẩn y').fill(resultsRef);
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await modal.waitFor({ state: 'hidden' });
    await page.locator('.ant-tag').filter({ hasText: 'Đã chuẩn y kết quả' }).first().waitFor();
    await expect
      .poll(() => info.textContent())
      .toContain(`Chuẩn y kết quả${today} — ${resultsRef}`);
    await screenshot(page, 'dh-04-dai-hoi-da-chuan-y');

    // On a phone: the congress page still reads.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 })
      .toBe(0);
    await page.getByRole('heading', { name: `Đại hội ${cellName}` }).waitFor();
    await screenshot(page, 'dh-05-dai-hoi-dien-thoai');
    await page.setViewportSize({ width: 1440, height: 900 });

    // The cell's committee today: the new secretary, from the congress day, with the decision.
    await page.goto(`${server.url}/cap-uy?unit=${cellId}`);
    await page.getByText(/cấp ủy viên vào ngày/).waitFor();
    await expect.poll(secretariesListed).toEqual([candidate]);
    const secretary = page.locator('.ant-list-item').filter({ hasText: candidate });
    expect(await secretary.textContent()).toContain(`Từ ${today}`);
    expect(await secretary.textContent()).toContain(electionRef);
    expect(await page.getByText(/Nhiệm kỳ 2025–2030/).count()).toBeGreaterThan(0);
    for (const earlier of before) expect(await secretariesListed()).not.toContain(earlier);
    await screenshot(page, 'dh-06-cap-uy-chi-bo');
  }, 400_000);
});
