// The annual plan in the browser: a grassroots office adds a key task, sets a target bound to a metric
// (key tasks completed: one more than done so far), watches the dashboard show it at risk, records the
// task's result, watches the dashboard move to "achieved", and clicks the figure through to its records;
// then edits the task, and turns a decision of a committee conference into a key task of the plan. The
// bloc office binds a second metric to a target (each shown in the drawer) and sets the admission target
// on the recruitment board, which is the plan's own (docs/domain/targets.md).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../domain/text/vietnamese';
import {
  launchBrowser,
  logIn,
  pick,
  type Server,
  screenshot,
  selectOf,
  startServer,
} from './harness';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const d = new Date();
const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const taskTitle = 'Xây dựng chi bộ kiểu mẫu (thử nghiệm)';
const targetTitle = 'Hoàn thành nhiệm vụ xây dựng chi bộ kiểu mẫu';

const targetRow = () => page.locator('tr').filter({ hasText: targetTitle }).first();

describe('annual plan and dashboard', () => {
  it('sets a target and a key task, records the result, and the dashboard follows', async () => {
    await logIn(page, server, 'coso');
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto(`${server.url}/ke-hoach`);
    await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    let modal = page.getByRole('dialog');
    await modal.getByLabel('Nhiệm vụ', { exact: true }).fill(taskTitle);
    await modal.getByLabel('Sản phẩm').fill('Nghị quyết chuyên đề');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    const taskRow = page.locator('tr').filter({ hasText: taskTitle }).first();
    await taskRow.waitFor();
    // Tasks of the plan already done (the demo hands some down): the target asks for one more.
    const summary = (await page.getByTestId('task-summary').textContent()) ?? '';
    const done = Number(/hoàn thành (\d+)\//.exec(summary)?.[1]);
    expect(Number.isInteger(done)).toBe(true);
    const goal = done + 1;

    await page.getByRole('button', { name: 'Đặt chỉ tiêu' }).click();
    modal = page.getByRole('dialog');
    await pick(modal.getByLabel('Chỉ số đo'), 'Nhiệm vụ trọng tâm đã hoàn thành', 'đã hoàn thành');
    await modal.getByLabel('Nội dung chỉ tiêu').fill(targetTitle);
    await modal.getByLabel('Chỉ tiêu', { exact: true }).fill(String(goal));
    await screenshot(page, 'kh-01-dat-chi-tieu');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await targetRow().waitFor();
    await expect.poll(() => targetRow().textContent()).toMatch(/Có nguy cơ không đạt|Đúng tiến độ/);

    // The dashboard before the result: 0, at risk.
    await page.goto(`${server.url}/dieu-hanh`);
    await expect
      .poll(() => targetRow().textContent(), { timeout: 30_000 })
      .toContain(`${done}/${goal}`);
    await screenshot(page, 'kh-02-bang-dieu-hanh-truoc');

    // Record the result: done today, ahead of the deadline.
    await page.goto(`${server.url}/ke-hoach`);
    await taskRow.getByRole('button', { name: 'Ghi kết quả' }).click();
    modal = page.getByRole('dialog');
    await pick(modal.getByLabel('Tình trạng'), 'Đã hoàn thành');
    await modal.getByLabel('Ngày hoàn thành').fill(today);
    await modal.getByRole('button', { name: 'Lưu kết quả' }).click();
    await expect.poll(() => taskRow.textContent()).toContain('Vượt tiến độ');
    await expect.poll(() => targetRow().textContent()).toContain('Đã đạt');

    // The dashboard moved; its figure opens the record behind it.
    await page.goto(`${server.url}/dieu-hanh`);
    await expect.poll(() => targetRow().textContent(), { timeout: 30_000 }).toContain('Đã đạt');
    await expect(targetRow().textContent()).resolves.toContain(`${goal}/${goal}`);
    await screenshot(page, 'kh-03-bang-dieu-hanh-sau');
    await targetRow()
      .getByRole('button', { name: String(goal), exact: true })
      .click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('Cách tính').waitFor();
    await screenshot(page, 'kh-04-ban-ghi');
    await drawer.getByText(taskTitle).waitFor();
    await expect(drawer.getByTestId('records-value').textContent()).resolves.toBe(String(goal));
  });

  it('binds a second metric to a target and shows each; the recruitment board edits the plan’s admission target', async () => {
    const office = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 1440, height: 900 },
    });
    const p = await office.newPage();
    await logIn(p, server, 'vanphong');
    await p.waitForURL((u) => u.pathname === '/');
    await p.goto(`${server.url}/ke-hoach`);
    await p.getByRole('button', { name: 'Đặt chỉ tiêu' }).click();
    const modal = p.getByRole('dialog');
    await pick(modal.getByLabel('Chỉ số đo'), 'tổ chức học tập, quán triệt', 'quán triệt');
    // A multiple choice stays open after a click: choose once, close, and check the tag.
    const extra = modal.getByLabel('Gắn thêm chỉ số');
    await extra.click();
    await extra.fill('chương trình hành động');
    await p
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: 'ban hành chương trình hành động' })
      .first()
      .click();
    await modal.locator('.ant-modal-title').click();
    await expect
      .poll(() => selectOf(extra).textContent())
      .toContain('ban hành chương trình hành động');
    await pick(modal.getByLabel('Nghị quyết, chỉ thị'), '57-NQ/TW', '57-NQ');
    const title = 'Chi bộ quán triệt, xây dựng chương trình hành động (thử nghiệm)';
    await modal.getByLabel('Nội dung chỉ tiêu').fill(title);
    await modal.getByLabel('Chỉ tiêu (%)').fill('100');
    await screenshot(p, 'kh-07-chi-tieu-hai-chi-so');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await p.getByRole('button', { name: title }).click();
    const drawer = p.locator('.ant-drawer');
    const metrics = drawer.getByTestId('target-metrics');
    await metrics.waitFor();
    await expect(metrics.locator('tbody tr').count()).resolves.toBe(2);
    await expect(metrics.textContent()).resolves.toContain('chương trình hành động');
    await screenshot(p, 'kh-08-chi-tieu-hai-chi-so-1440');
    await p.setViewportSize({ width: 390, height: 844 });
    await screenshot(p, 'kh-09-chi-tieu-hai-chi-so-390');
    await p.setViewportSize({ width: 1440, height: 900 });

    // The board's "Giao chỉ tiêu" sets the plan's admission target: the plan shows the same figure.
    await p.goto(`${server.url}/phat-trien-dang`);
    await p.getByRole('tab', { name: 'Chỉ tiêu kết nạp' }).click();
    await p.getByTestId('target-source').waitFor();
    await p.getByRole('button', { name: 'Giao chỉ tiêu' }).first().click();
    const set = p.locator('.ant-modal').filter({ hasText: 'Chỉ tiêu kết nạp năm' });
    await set.getByRole('button', { name: 'Lưu' }).waitFor();
    await screenshot(p, 'pt-giao-chi-tieu');
    await set.getByLabel('Chỉ tiêu').fill('321');
    await set.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => p.getByTestId('target-summary').textContent()).toContain('/321');
    await screenshot(p, 'pt-chi-tieu-ket-nap-ke-hoach');
    await p.getByRole('link', { name: 'Xem chỉ tiêu trong kế hoạch' }).click();
    await p.waitForURL(/ke-hoach/);
    const admission = p.locator('.ant-drawer');
    await admission.getByText('Kết nạp 321 đảng viên mới').first().waitFor();
    await expect(admission.textContent()).resolves.toContain('≥ 321');
    await office.close();
  });

  it('shows an evaluation figure of a year without decisions as not yet available, with the reason', async () => {
    await page.goto(`${server.url}/dieu-hanh`);
    const figure = page.getByTestId('figure-evaluation.members_good_or_better');
    await figure.waitFor({ timeout: 30_000 });
    // The year's campaigns are still open: no decided level yet, so no percentage.
    await expect(figure.textContent()).resolves.toContain('Chưa có kết quả xếp loại');
  });

  it('gives no last-year figure for a register with nothing recorded last year, never "0 đ (+…)"', async () => {
    await page.goto(`${server.url}/dieu-hanh`);
    const dues = page.getByTestId('figure-lifecycle.dues_collected');
    await dues.waitFor({ timeout: 30_000 });
    // The demo records dues from this year only.
    await expect(dues.textContent()).resolves.toContain('Cùng kỳ năm trước: — (chưa có số liệu)');
    await expect(dues.textContent()).resolves.not.toMatch(/\(\+/);
    await dues.scrollIntoViewIfNeeded();
    await screenshot(page, 'kh-05-chua-co-so-lieu-cung-ky');
    await page.setViewportSize({ width: 390, height: 844 });
    await dues.scrollIntoViewIfNeeded();
    await screenshot(page, 'kh-05b-chua-co-so-lieu-cung-ky-390');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('edits a key task, and turns a meeting decision into a key task found on the plan', async () => {
    await page.goto(`${server.url}/ke-hoach`);
    const taskRow = page.locator('tr').filter({ hasText: taskTitle }).first();
    await taskRow.getByRole('button', { name: 'Sửa' }).click();
    let modal = page.getByRole('dialog');
    await modal.getByText('Sửa nhiệm vụ trọng tâm').waitFor();
    await modal.getByLabel('Sản phẩm').fill('Nghị quyết chuyên đề, báo cáo kết quả');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await expect
      .poll(() => taskRow.textContent())
      .toContain('Nghị quyết chuyên đề, báo cáo kết quả');

    // A committee conference adopts a decision; the office turns it into a key task.
    const meetingTitle = 'Hội nghị Ban Chấp hành thử nghiệm giao việc';
    const decisionText = 'Xây dựng mô hình dân vận khéo (thử nghiệm)';
    await page.goto(`${server.url}/sinh-hoat`);
    await page.getByRole('button', { name: 'Ghi cuộc họp' }).click();
    modal = page.getByRole('dialog');
    await pick(modal.getByLabel('Loại'), 'Hội nghị Ban Chấp hành');
    await modal.getByLabel('Tên cuộc họp').fill(meetingTitle);
    await modal.getByLabel('Số đại biểu được triệu tập').fill('15');
    await modal.getByLabel('Số đại biểu có mặt').fill('14');
    await modal.getByRole('button', { name: 'Thêm nội dung' }).click();
    await modal.getByPlaceholder('Nội dung').fill(decisionText);
    const deadline = modal.getByPlaceholder('Thời hạn');
    await deadline.click();
    await deadline.fill(formatDate(today));
    await deadline.press('Enter');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByTestId('meetings').getByRole('button', { name: meetingTitle }).click();
    modal = page.getByRole('dialog').filter({ hasText: 'Sửa cuộc họp' });
    await modal.getByRole('button', { name: 'Tạo nhiệm vụ' }).click();
    const taskModal = page
      .getByRole('dialog')
      .filter({ hasText: 'Tạo nhiệm vụ trọng tâm từ nghị quyết cuộc họp' });
    await expect(taskModal.getByLabel('Nhiệm vụ', { exact: true }).inputValue()).resolves.toBe(
      decisionText,
    );
    await taskModal.getByRole('button', { name: 'Lưu' }).click();
    await modal.getByText(`Nhiệm vụ trọng tâm năm ${today.slice(0, 4)}`).waitFor();
    await screenshot(page, 'kh-05-nghi-quyet-thanh-nhiem-vu');
    await modal.getByRole('button', { name: 'Hủy' }).click();

    await page.goto(`${server.url}/ke-hoach`);
    const fromDecision = page.locator('tr').filter({ hasText: decisionText }).first();
    await fromDecision.waitFor();
    await expect(fromDecision.textContent()).resolves.toContain(
      `Từ nghị quyết cuộc họp Hội nghị Ban Chấp hành ngày ${formatDate(today)}`,
    );
    await screenshot(page, 'kh-06-nhiem-vu-tu-nghi-quyet');
  });
});
