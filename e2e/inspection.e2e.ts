// The inspection commission's work in the browser: a case opened from a programme item, its steps
// and conclusion, then a discipline decision checked against the rules, seen in the register and
// in the figures; a new programme with its items, an unplanned case whose team member (with an
// account) then sees the file, and a complaint's outcome.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../server/platform/auth/totp';
import {
  chosenIs,
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

const today = new Date().toISOString().slice(0, 10);

describe('inspection commission', () => {
  it('opens a case from a programme item, records its steps and conclusion', async () => {
    await logIn(page, server, 'ubkt');
    await page.waitForURL(/xac-thuc-hai-lop/);
    const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    await page.getByPlaceholder('Mã 6 số').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto(`${server.url}/kiem-tra-giam-sat`);
    await page.getByTestId('cases').locator('tbody tr').first().waitFor();
    await screenshot(page, 'kt-01-cac-cuoc');
    await page.getByRole('tab', { name: 'Chương trình kiểm tra, giám sát' }).click();
    await page.getByRole('button', { name: 'Lập cuộc kiểm tra, giám sát' }).first().click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('Số quyết định').fill('88-QĐ/UBKT');
    await modal.getByLabel('Ngày quyết định').fill(today);
    await modal.getByLabel('Trưởng đoàn').fill('Hoàng Văn Sơn');
    await screenshot(page, 'kt-02-lap-tu-chuong-trinh');
    await modal.getByRole('button', { name: 'Lập cuộc kiểm tra, giám sát' }).click();
    await page.waitForURL(/kiem-tra-giam-sat\/\d+/);
    await page.getByText('Tài liệu cần bảo mật').waitFor();
    for (const label of [/Công bố quyết định/, /Đối tượng báo cáo/, /Báo cáo kết quả/]) {
      await pick(page.getByLabel('Ghi bước'), label);
      await page.getByLabel('Ngày', { exact: true }).fill(today);
      await page.getByRole('button', { name: 'Ghi bước' }).click();
      await page.getByText('Đã ghi bước.').first().waitFor();
    }
    await page.getByLabel('Số thông báo kết luận').fill('88-TB/UBKT');
    await page.getByLabel('Ngày kết luận').fill(today);
    await page
      .getByLabel('Nội dung kết luận')
      .fill('Tổ chức đảng thực hiện tốt nội dung giám sát; còn chậm báo cáo.');
    await page.getByLabel('Kết quả được thông báo (người khác xem được)').fill('Thực hiện tốt.');
    await page.getByLabel('Kiến nghị').fill('Thực hiện nghiêm chế độ báo cáo');
    await page.getByRole('button', { name: 'Ghi kết luận' }).click();
    await page.getByText('Đã ghi kết luận.').first().waitFor();
    await page.getByText('Thực hiện nghiêm chế độ báo cáo').waitFor();
    await screenshot(page, 'kt-03-ket-luan');
    expect(await page.getByTestId('case-timeline').textContent()).toContain('88-TB/UBKT');
  });

  it('records a discipline decision with the rule checks shown, and finds it in the register and the figures', async () => {
    await page.goto(`${server.url}/ky-luat`);
    await page.getByTestId('discipline-register').locator('tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Ghi quyết định kỷ luật' }).click();
    const modal = page.getByRole('dialog');
    // Each select is chosen with `pick`: the list must be closed before the next field is clicked.
    await pick(modal.getByLabel('Đảng viên'), 'Nguyễn', 'Nguyễn');
    await pick(modal.getByLabel('Hình thức'), 'Cách chức');
    // The first organisation of the tree, checked like `pick` checks a choice.
    const unit = modal.getByLabel('Thuộc tổ chức');
    const firstUnit = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title')
      .first();
    for (let attempt = 0; ; attempt++) {
      if (attempt === 5) throw new Error('could not choose the first organisation');
      if (!(await firstUnit.isVisible())) await unit.click();
      const name = (await firstUnit.textContent({ timeout: 5000 }).catch(() => null)) ?? '';
      await firstUnit.click({ timeout: 5000 }).catch(() => undefined);
      await firstUnit.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
      if (name && (await chosenIs(selectOf(unit), name))) break;
    }
    await modal
      .getByLabel('Nội dung vi phạm')
      .fill('Vi phạm quy định về kê khai tài sản, thu nhập');
    await modal.getByLabel('Vi phạm từ ngày').fill('2026-01-10');
    await modal.getByLabel('Số quyết định').fill('89-QĐ/UBKT');
    await modal.getByLabel('Ngày quyết định').fill(today);
    // The vote (22-QĐ/TW art. 15): 3 of the commission's 7 members is not a majority.
    await modal.getByLabel('Số thành viên').fill('7');
    await modal.getByLabel('Có mặt').fill('7');
    await modal.getByLabel('Tán thành', { exact: true }).fill('3');
    await modal.getByLabel('Không tán thành').fill('4');
    await page
      .getByTestId('vote-check')
      .getByText(/Không đạt đa số.*ít nhất 4\/7/)
      .waitFor();
    await screenshot(page, 'kt-04a-bieu-quyet-khong-dat');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('vote-check').scrollIntoViewIfNeeded();
    await screenshot(page, 'kt-04b-bieu-quyet-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    await modal.getByLabel('Tán thành', { exact: true }).fill('6');
    await modal.getByLabel('Không tán thành').fill('1');
    await page
      .getByTestId('vote-check')
      .getByText(/^Đạt đa số/)
      .waitFor();
    await modal.getByRole('button', { name: 'Kiểm tra theo quy định' }).click();
    await page.getByTestId('discipline-checks').getByText('Thời hiệu').waitFor();
    await page.getByTestId('discipline-checks').getByText('Biểu quyết').waitFor();
    await screenshot(page, 'kt-04-kiem-tra-quy-dinh');
    await modal.getByRole('button', { name: 'Ghi quyết định' }).click();
    await page
      .getByText(/Đã ghi quyết định 89-QĐ\/UBKT/)
      .first()
      .waitFor();
    await page.getByRole('cell', { name: /89-QĐ\/UBKT/ }).waitFor();
    await page
      .getByRole('row', { name: /89-QĐ\/UBKT/ })
      .getByText('6/7 tán thành', { exact: false })
      .waitFor();
    await screenshot(page, 'kt-05-so-ky-luat');
    await page.goto(`${server.url}/so-lieu-kiem-tra`);
    await page
      .getByTestId('figure-sentences')
      .getByText(/kiểm tra, giám sát được/)
      .first()
      .waitFor();
    await page
      .getByRole('row', { name: /Cách chức đảng viên/ })
      .getByRole('button')
      .click();
    await page.getByTestId('figure-records').getByText('89-QĐ/UBKT', { exact: false }).waitFor();
    await screenshot(page, 'kt-06-so-lieu');
  });

  it('creates a programme with an item, then adds another item to it', async () => {
    await page.goto(`${server.url}/kiem-tra-giam-sat`);
    await page.getByRole('tab', { name: 'Chương trình kiểm tra, giám sát' }).click();
    await page.getByRole('button', { name: 'Lập chương trình' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('Thuộc tổ chức đảng').click();
    await page.locator('.ant-select-tree-title').first().click();
    await modal
      .getByLabel('Tên chương trình')
      .fill('Chương trình giám sát chuyên đề bổ sung (thử)');
    await modal.getByLabel('Số văn bản ban hành').fill('90-CTr/UBKT');
    await modal.getByLabel('Ngày ban hành').fill(today);
    await modal.getByRole('button', { name: 'Thêm một mục' }).click();
    await pick(modal.getByLabel('Loại', { exact: true }), 'Giám sát chuyên đề');
    await modal.getByLabel('Đối tượng', { exact: true }).fill('Chi bộ Phòng Nghiệp vụ Y');
    await pick(modal.getByLabel('Quý'), 'Quý 3');
    await modal.getByLabel('Nội dung').fill('Việc thực hiện quy chế dân chủ ở cơ sở');
    await screenshot(page, 'kt-07-lap-chuong-trinh');
    await modal.getByRole('button', { name: 'Lập chương trình' }).click();
    await page.getByText('Đã lập chương trình kiểm tra, giám sát.').first().waitFor();
    const card = page
      .locator('.ant-card')
      .filter({ hasText: 'Chương trình giám sát chuyên đề bổ sung (thử)' });
    await card.getByText('Việc thực hiện quy chế dân chủ ở cơ sở').waitFor();
    await card.getByRole('button', { name: 'Thêm mục' }).click();
    const itemModal = page.getByRole('dialog');
    await pick(itemModal.getByLabel('Loại', { exact: true }), 'Kiểm tra tài chính đảng');
    await itemModal.getByLabel('Đối tượng', { exact: true }).fill('Đảng ủy Sở Y tế');
    await itemModal.getByLabel('Nội dung').fill('Thu, nộp, quản lý đảng phí năm nay');
    await itemModal.getByRole('button', { name: 'Thêm mục' }).click();
    await page.getByText('Đã thêm mục vào chương trình.').first().waitFor();
    await card.getByText('Thu, nộp, quản lý đảng phí năm nay').waitFor();
    await screenshot(page, 'kt-08-chuong-trinh-moi');
    expect(await card.locator('tbody tr').count()).toBe(2);
  });

  it('creates an unplanned case about a member with a team member who then sees the file', async () => {
    await page.goto(`${server.url}/kiem-tra-giam-sat`);
    await page.getByRole('button', { name: 'Lập cuộc ngoài chương trình' }).click();
    const modal = page.getByRole('dialog');
    await pick(modal.getByLabel('Loại', { exact: true }), 'Kiểm tra khi có dấu hiệu vi phạm');
    await modal
      .getByLabel('Tên cuộc kiểm tra, giám sát')
      .fill('Kiểm tra khi có dấu hiệu vi phạm trong kê khai tài sản (thử)');
    await modal.getByLabel('Số quyết định').fill('91-QĐ/UBKT');
    await modal.getByLabel('Ngày quyết định').fill(today);
    await pick(modal.locator('#subjectMembers_0_memberId'), 'Nguyễn', 'Nguyễn');
    await modal.locator('#team_0_name').fill('Hoàng Văn Sơn');
    await modal.getByRole('button', { name: 'Thêm người vào đoàn' }).click();
    await pick(modal.locator('#team_1_userId'), 'Lương Đức Thịnh', 'Thịnh');
    await expect.poll(() => modal.locator('#team_1_name').inputValue()).toBe('Lương Đức Thịnh');
    await screenshot(page, 'kt-09-lap-ngoai-chuong-trinh');
    await modal.getByRole('button', { name: 'Lập cuộc kiểm tra, giám sát' }).click();
    await page.waitForURL(/kiem-tra-giam-sat\/\d+/);
    await page.getByText('Thành viên: Lương Đức Thịnh').waitFor();
    await screenshot(page, 'kt-10-cuoc-ngoai-chuong-trinh');
    const caseUrl = page.url();
    // The standing-committee member on the team sees the file (need-to-know by assignment).
    const other = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 1440, height: 900 },
    });
    const btvPage = await other.newPage();
    await logIn(btvPage, server, 'btv');
    await btvPage.waitForURL((u) => u.pathname === '/');
    await btvPage.goto(caseUrl);
    await btvPage.getByText('Đoàn kiểm tra, giám sát').waitFor();
    expect(await btvPage.getByText('Bạn chỉ xem được thông tin chung').count()).toBe(0);
    await other.close();
  });

  it('records a complaint and its outcome: the form is reduced', async () => {
    await page.goto(`${server.url}/ky-luat`);
    const row = page.getByRole('row', { name: /89-QĐ\/UBKT/ });
    await row.getByRole('button', { name: 'Ghi khiếu nại' }).click();
    let modal = page.getByRole('dialog');
    await modal.getByLabel('Ngày khiếu nại').fill(today);
    await modal.getByRole('button', { name: 'Ghi', exact: true }).click();
    await row.getByRole('button', { name: 'Ghi kết quả khiếu nại' }).click();
    modal = page.getByRole('dialog');
    await pick(modal.getByLabel('Kết quả'), 'Giảm hình thức kỷ luật');
    await pick(modal.getByLabel('Hình thức mới (nhẹ hơn)'), 'Cảnh cáo');
    await modal.getByLabel('Ghi chú (số văn bản, lý do)').fill('Quyết định 92-QĐ/UBKT');
    await screenshot(page, 'kt-11-ket-qua-khieu-nai');
    await modal.getByRole('button', { name: 'Ghi kết quả' }).click();
    await page.getByText('Giảm hình thức kỷ luật xuống cảnh cáo.').first().waitFor();
    await row.getByText('Cảnh cáo', { exact: true }).waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByText(/Giảm hình thức kỷ luật ngày .* \(xuống cảnh cáo\)/).waitFor();
    await screenshot(page, 'kt-12-so-ky-luat-sau-khieu-nai');
  });
});
