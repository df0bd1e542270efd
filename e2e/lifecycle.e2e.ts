// What users of the member lifecycle see: an applicant taken from candidate to full member with
// every statutory deadline shown, a cell secretary's reminders and dues sheet, party badges at an
// award date, and the working-day calendar that every deadline is counted with.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, type CalendarAdjustment } from '../domain/calendar/working-days';
import { probationEnd } from '../domain/rules/recruitment/recruitment';
import { formatDate } from '../domain/text/vietnamese';
import { totpCode } from '../server/platform/auth/totp';
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

const freshPage = async () => {
  await context?.close();
  context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  return page;
};

const logInAs = async (username: string) => {
  await freshPage();
  await logIn(page, server, username);
  await page.getByTestId('user-menu').waitFor();
};

/** Type a date into an antd DatePicker (dd/mm/yyyy) and confirm it. */
const typeDate = async (input: Locator, ddmmyyyy: string) => {
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
};

/** Open the unit picker and choose a unit, opening the branches on the way. */
const chooseUnit = async (select: Locator, path: string[]) => {
  await select.click();
  for (const [i, name] of path.entries()) {
    const node = page
      .locator('.ant-select-tree-treenode')
      .filter({ has: page.locator('.ant-select-tree-title', { hasText: name }) })
      .first();
    await node.waitFor();
    if (i < path.length - 1) {
      const switcher = node.locator('.ant-select-tree-switcher_close');
      if (await switcher.count()) await switcher.click();
    } else await node.locator('.ant-select-tree-title').click();
  }
};

/** The unit picker does not carry the form item's id, so find it by its label's form item. */
const formItem = (scope: Locator, label: string) =>
  scope.locator('.ant-form-item').filter({ has: page.getByText(label, { exact: true }) });

/** JSON calls with the page's session (setting up what the office has already done). */
const apiOf = async (p: Page) => {
  const session = await (await p.request.get(`${server.url}/api/auth/session`)).json();
  const call = async (method: 'get' | 'post', url: string, data?: unknown) => {
    const res = await p.request[method](`${server.url}${url}`, {
      headers: { 'x-csrf-token': session.csrfToken },
      data,
    });
    const body = await res.json();
    if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
    return body;
  };
  return {
    get: (url: string) => call('get', url),
    post: (url: string, data: unknown) => call('post', url, data),
  };
};

/** This month as the sheets write it (MM/YYYY), in Vietnam's time zone (TZ is set for the tests). */
const thisMonth = () => {
  const now = new Date();
  return `${String(now.getMonth() + 1).padStart(2, '0')}/${now.getFullYear()}`;
};

const iso = (ddmmyyyy: string) => ddmmyyyy.split('/').reverse().join('-');

describe('member lifecycle in the browser', () => {
  it('A newcomer takes an applicant from candidate to full member with every deadline shown', async () => {
    await logInAs('vanphong');
    const adjustments = (await (await page.request.get(`${server.url}/api/calendar/2024`)).json())
      .adjustments as CalendarAdjustment[];

    await page.getByRole('menuitem', { name: 'Phát triển đảng viên' }).click();
    await page.waitForURL(/phat-trien-dang/);
    await page.locator('[data-testid^="applicant-"]').first().waitFor();
    await screenshot(page, 'lc-01-phat-trien-dang');

    // A person proposed by the cell of the health department's medical affairs office.
    const name = 'Hoàng Thị Minh Nguyệt';
    await page.getByRole('button', { name: 'Thêm quần chúng ưu tú' }).click();
    const create = page.getByRole('dialog');
    await chooseUnit(formItem(create, 'Chi bộ bồi dưỡng, giới thiệu').locator('.ant-select'), [
      'Đảng bộ',
      'Đảng bộ Sở Y tế',
      'Chi bộ Phòng Nghiệp vụ Y',
    ]);
    await create.getByLabel('Họ và tên').fill(name);
    await create.getByLabel('Giới tính').click();
    await page.getByTitle('Nữ', { exact: true }).click();
    await typeDate(create.getByLabel('Ngày sinh'), '15/03/1998');
    await create.getByLabel('Giáo dục phổ thông').fill('12/12');
    await create.getByLabel('Nơi làm việc').fill('Phòng Nghiệp vụ Y, Sở Y tế');
    await create.getByLabel('Đảng viên được phân công giúp đỡ').fill('Lăng Văn Kiên');
    await screenshot(page, 'lc-02-them-quan-chung');
    await create.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.waitForURL(/phat-trien-dang\/\d+$/);
    const applicantId = Number(page.url().split('/').pop());
    await page.getByTestId('applicant-status').getByText('Đang bồi dưỡng, xét kết nạp').waitFor();

    const stepButton = page.getByRole('button', { name: 'Ghi bước tiếp theo' });
    const notice = page.getByTestId('step-notice');
    type Step = {
      step: string;
      date: string;
      votes?: [number, number];
      doc?: string;
      card?: string;
      expect?: string;
    };
    const record = async (s: Step) => {
      await stepButton.click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Ngày', { exact: true }).waitFor();
      await typeDate(dialog.getByLabel('Ngày', { exact: true }), s.date);
      if (s.votes) {
        await dialog.getByLabel('Số tán thành').fill(String(s.votes[0]));
        await dialog.getByLabel(/^Tổng số/).fill(String(s.votes[1]));
      }
      if (s.doc) await dialog.getByLabel(/^Số (văn bản|quyết định)$/).fill(s.doc);
      if (s.card) await dialog.getByLabel('Số thẻ đảng viên').fill(s.card);
      await dialog.getByRole('button', { name: 'Ghi', exact: true }).click();
      await notice.filter({ hasText: s.expect ?? formatDate(iso(s.date)) }).waitFor();
      await dialog.waitFor({ state: 'detached' });
    };
    const done = async (step: string, date: string) =>
      page
        .getByTestId(`step-${step}`)
        .filter({ hasText: `— ${date}` })
        .waitFor();
    const boardColumnOf = async () => {
      await page.goto(`${server.url}/phat-trien-dang`);
      await page.getByPlaceholder('Tìm theo tên (không cần dấu)').fill('minh nguyet');
      await page.getByPlaceholder('Tìm theo tên (không cần dấu)').press('Enter');
      const card = page.getByTestId(`applicant-${applicantId}`);
      await card.waitFor();
      const column = await card.evaluate(
        (el) => el.closest('[data-testid^="column-"]')?.getAttribute('data-testid') ?? '',
      );
      return column;
    };

    // The board shows the newcomer waiting for the first step.
    expect(await boardColumnOf()).toBe('column-candidate');
    await page.getByTestId(`applicant-${applicantId}`).getByRole('link').click();
    await page.waitForURL(new RegExp(`/phat-trien-dang/${applicantId}$`));

    const admissionSteps: Step[] = [
      { step: 'candidate', date: '15/01/2024' },
      { step: 'awareness_course', date: '20/02/2024', doc: 'CN 215/TTCT' },
      { step: 'application', date: '05/03/2024' },
      { step: 'background', date: '20/03/2024' },
      { step: 'referees', date: '02/04/2024' },
      { step: 'opinions', date: '10/04/2024' },
    ];
    for (const s of admissionSteps) {
      await record(s);
      await done(s.step, s.date);
    }

    // Only the next step is offered, and a date before the last recorded step is refused.
    await stepButton.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Bước').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    // The list renders while the dropdown opens: wait for its content, not just its first node.
    await expect
      .poll(() => options.allTextContents(), { timeout: 10_000 })
      .toEqual(['Nghị quyết chi bộ đề nghị kết nạp (6-KNĐ)']);
    await page.keyboard.press('Escape');
    await typeDate(dialog.getByLabel('Ngày', { exact: true }), '01/04/2024');
    await dialog.getByLabel('Số tán thành').fill('8');
    await dialog.getByLabel('Tổng số đảng viên chính thức').fill('9');
    await dialog.getByRole('button', { name: 'Ghi', exact: true }).click();
    await dialog
      .getByTestId('step-error')
      .getByText('Ngày 01/04/2024 trước ngày của bước «Tổng hợp ý kiến nhận xét» (10/04/2024).')
      .waitFor();
    await screenshot(page, 'lc-03-sai-trinh-tu');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The server refuses a step out of order with a Vietnamese message.
    const session = await (await page.request.get(`${server.url}/api/auth/session`)).json();
    const detail = await (
      await page.request.get(`${server.url}/api/recruitment/applicants/${applicantId}`)
    ).json();
    const refused = await page.request.post(
      `${server.url}/api/recruitment/applicants/${applicantId}/steps`,
      {
        headers: { 'x-csrf-token': session.csrfToken },
        data: { step: 'ceremony', stepDate: '2024-04-20', version: detail.version },
      },
    );
    expect(refused.status()).toBe(400);
    expect((await refused.json()).message).toBe(
      'Chưa ghi bước «Nghị quyết chi bộ đề nghị kết nạp»: các bước phải ghi theo đúng trình tự.',
    );

    // A cell vote below two thirds fails, says why and what follows.
    await record({
      step: 'cell_vote',
      date: '16/04/2024',
      votes: [5, 9],
      expect: 'Biểu quyết không đạt: 5/9 tán thành (55,6%), cần ít nhất 6 phiếu (hai phần ba).',
    });
    await notice.getByText(/tiếp tục bồi dưỡng, có thể biểu quyết lại/).waitFor();
    await page
      .getByTestId('step-cell_vote')
      .getByText('16/04/2024: không đạt (5/9 tán thành)')
      .waitFor();
    await screenshot(page, 'lc-04-bieu-quyet-khong-dat');

    await record({
      step: 'cell_vote',
      date: '14/05/2024',
      votes: [8, 9],
      doc: '12-NQ/CB',
      expect: '8/9 tán thành (88,9%), đạt từ hai phần ba trở lên.',
    });
    await done('cell_vote', '14/05/2024');
    // The admission decision is due 60 working days after the cell's resolution.
    const decisionDue = formatDate(addWorkingDays('2024-05-14', 60, adjustments));
    await page
      .getByTestId('deadline-admission_decision')
      .getByText(`Quá hạn từ ${decisionDue}`)
      .waitFor();
    await page.getByTestId('step-committee_vote').scrollIntoViewIfNeeded();
    await screenshot(page, 'lc-05-han-quyet-dinh');
    expect(await boardColumnOf()).toBe('column-committee_vote');
    await page.getByTestId(`applicant-${applicantId}`).getByRole('link').click();
    await page.waitForURL(new RegExp(`/phat-trien-dang/${applicantId}$`));

    await record({
      step: 'committee_vote',
      date: '04/06/2024',
      votes: [7, 9],
      doc: '45-NQ/ĐU',
      expect: 'Nghị quyết đảng ủy cơ sở đề nghị kết nạp: 7/9 tán thành',
    });
    await done('committee_vote', '04/06/2024');
    // A decision needs its number.
    await stepButton.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ghi', exact: true }).click();
    await page.getByRole('dialog').getByText('Cần ghi số quyết định.').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await record({
      step: 'admission_decision',
      date: '01/07/2024',
      doc: '125-QĐ/ĐUK',
      expect: 'Đã tạo hồ sơ đảng viên dự bị từ ngày 01/07/2024.',
    });
    await done('admission_decision', '01/07/2024');
    await page
      .getByTestId('deadline-admission_decision')
      .getByText(`Đúng hạn (hạn ${decisionDue})`)
      .waitFor();
    const ceremonyDue = formatDate(addWorkingDays('2024-07-01', 30, adjustments));
    await page.getByTestId('deadline-ceremony').getByText(ceremonyDue).waitFor();
    await page.getByTestId('applicant-status').getByText('Đảng viên dự bị').waitFor();
    await page.getByTestId('step-self_review').scrollIntoViewIfNeeded();
    await screenshot(page, 'lc-06-da-ket-nap');

    // The new probationary member has a member record.
    await page.getByRole('link', { name: 'mở hồ sơ đảng viên' }).click();
    await page.waitForURL(/\/dang-vien\/\d+$/);
    const memberUrl = page.url();
    await page.getByTestId('member-name').getByText('Dự bị').waitFor();
    await expectDescription(page, 'Ngày vào Đảng', '01/07/2024');
    await expectDescription(page, 'Ngày chính thức', '—');
    await screenshot(page, 'lc-07-dang-vien-du-bi');
    await page.goBack();
    await page.waitForURL(new RegExp(`/phat-trien-dang/${applicantId}$`));

    await record({ step: 'ceremony', date: '19/07/2024' });
    await done('ceremony', '19/07/2024');
    const end = probationEnd('2024-07-19');
    expect(end).toBe('2025-07-19');
    const recognitionVoteDue = formatDate(addWorkingDays(end, 30, adjustments));
    await page
      .getByTestId('deadline-recognition_cell_vote')
      .getByText(recognitionVoteDue)
      .waitFor();
    await page.getByText('hết thời gian dự bị ngày 19/07/2025').waitFor();
    expect(await boardColumnOf()).toBe('column-self_review');
    await page.getByTestId(`applicant-${applicantId}`).getByRole('link').click();
    await page.waitForURL(new RegExp(`/phat-trien-dang/${applicantId}$`));

    for (const s of [
      { step: 'self_review', date: '20/06/2025' },
      { step: 'mentor_review', date: '25/06/2025' },
      { step: 'probation_opinions', date: '01/07/2025' },
    ]) {
      await record(s);
      await done(s.step, s.date);
    }
    // The cell may not vote on recognition before twelve months of probation have passed.
    await stepButton.click();
    await typeDate(page.getByRole('dialog').getByLabel('Ngày', { exact: true }), '10/07/2025');
    await page.getByRole('dialog').getByLabel('Số tán thành').fill('8');
    await page.getByRole('dialog').getByLabel('Tổng số đảng viên chính thức').fill('9');
    await page.getByRole('dialog').getByRole('button', { name: 'Ghi', exact: true }).click();
    await page
      .getByTestId('step-error')
      .getByText('Chi bộ chỉ xét công nhận chính thức khi hết 12 tháng dự bị (ngày 19/07/2025).')
      .waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await record({
      step: 'recognition_cell_vote',
      date: '22/07/2025',
      votes: [9, 9],
      doc: '20-NQ/CB',
      expect: 'Nghị quyết chi bộ đề nghị công nhận chính thức: 9/9 tán thành',
    });
    await done('recognition_cell_vote', '22/07/2025');
    const recognitionDue = formatDate(addWorkingDays('2025-07-22', 30, adjustments));
    await page.getByTestId('deadline-recognition_decision').getByText(recognitionDue).waitFor();
    await record({
      step: 'recognition_committee_vote',
      date: '29/07/2025',
      votes: [8, 9],
      doc: '61-NQ/ĐU',
      expect: 'Nghị quyết đảng ủy cơ sở đề nghị công nhận chính thức: 8/9 tán thành',
    });
    await done('recognition_committee_vote', '29/07/2025');
    await record({
      step: 'recognition_decision',
      date: '12/08/2025',
      doc: '310-QĐ/ĐUK',
      expect: 'Đảng viên chính thức từ ngày 19/07/2025.',
    });
    await done('recognition_decision', '12/08/2025');
    await page
      .getByTestId('deadline-recognition_decision')
      .getByText(`Đúng hạn (hạn ${recognitionDue})`)
      .waitFor();
    await page.getByTestId('applicant-status').getByText('Đã chính thức').waitFor();
    await record({ step: 'card_issued', date: '02/09/2025', card: '01.234567' });
    await done('card_issued', '02/09/2025');
    expect(await stepButton.count()).toBe(0);
    await screenshot(page, 'lc-08-hoan-tat');

    // The member is full from the end of probation, not from the decision.
    await page.goto(memberUrl);
    await page.getByTestId('member-name').getByText('Chính thức').waitFor();
    await expectDescription(page, 'Ngày vào Đảng', '01/07/2024');
    await expectDescription(page, 'Ngày chính thức', '19/07/2025');
    await expectDescription(page, 'Số thẻ đảng viên', '01.234567');
    await screenshot(page, 'lc-09-dang-vien-chinh-thuc');
    await page.getByTestId('member-lifecycle').getByText('01.234567').first().waitFor();
    // The new member has no declared basis for dues yet: the panel says so rather than "0 đ".
    await page.getByTestId('dues-no-basis').waitFor();
    await page.getByTestId('member-lifecycle').evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'lc-09b-the-dang');

    // Finished files leave the board unless asked for.
    await page.goto(`${server.url}/phat-trien-dang`);
    await page.getByPlaceholder('Tìm theo tên (không cần dấu)').fill('minh nguyet');
    await page.getByPlaceholder('Tìm theo tên (không cần dấu)').press('Enter');
    await page.getByText('Chưa có quần chúng ưu tú nào trong danh sách tạo nguồn.').waitFor();
    await page.getByRole('switch').click();
    await page.getByTestId('column-finished').getByTestId(`applicant-${applicantId}`).waitFor();
  });

  it('A cell secretary sees reminders and records dues', async () => {
    // The office has an applicant of the cell whose admission decision is late.
    const late = 'Chu Văn Khánh';
    const cellVote = '2026-08-04';
    await logInAs('vanphong');
    const office = await apiOf(page);
    const cell = (
      await office.get(`/api/org-units/search?q=${encodeURIComponent('Chi bộ Phòng Nghiệp vụ Y')}`)
    ).items[0];
    let applicant = await office.post('/api/recruitment/applicants', {
      orgUnitId: cell.id,
      fullName: late,
      sex: 'male',
      birthDate: '1996-10-02',
      generalEducation: '12/12',
    });
    const steps: [string, string][] = [
      ['candidate', '2026-01-12'],
      ['awareness_course', '2026-03-02'],
      ['application', '2026-04-06'],
      ['background', '2026-05-11'],
      ['referees', '2026-06-01'],
      ['opinions', '2026-07-06'],
      ['cell_vote', cellVote],
    ];
    for (const [step, stepDate] of steps) {
      const detail = await office.get(`/api/recruitment/applicants/${applicant.id}`);
      applicant = await office.post(`/api/recruitment/applicants/${applicant.id}/steps`, {
        step,
        stepDate,
        version: detail.version,
        ...(step === 'cell_vote' ? { votesFor: 7, votesTotal: 8 } : {}),
      });
    }
    const adjustments = (await office.get('/api/calendar/2026')).adjustments;
    const due = formatDate(addWorkingDays(cellVote, 60, adjustments));

    await logInAs('bithu');
    await page.getByRole('menuitem', { name: 'Việc cần làm' }).click();
    await page.waitForURL(/viec-can-lam/);
    // The reminders come grouped by unit, each group closed: the secretary looks the applicant up
    // (without diacritics) and opens the cell's group.
    await page.getByTestId('reminders-summary').waitFor();
    await page.getByPlaceholder('Tìm tên, nội dung').fill('chu van khanh');
    await page.getByPlaceholder('Tìm tên, nội dung').press('Enter');
    await page.waitForURL(/tim=chu/);
    await expect
      .poll(() => page.getByTestId('reminders-summary').textContent())
      .toMatch(/việc ở 1 đơn vị khớp bộ lọc/);
    const group = page
      .getByTestId('reminder-groups')
      .locator('.ant-collapse-item')
      .filter({ hasText: 'Chi bộ Phòng Nghiệp vụ Y' });
    await group.locator('.ant-collapse-header').click();
    const reminders = group.locator('.ant-list-item');
    const reminder = reminders.filter({ hasText: `${late}: Quyết định kết nạp` });
    await reminder.waitFor();
    await reminder.getByText('Quá hạn', { exact: true }).waitFor();
    await reminder.getByText(due).first().waitFor();
    await screenshot(page, 'lc-10-viec-can-lam');
    await reminder.getByRole('link').click();
    await page.getByTestId('deadline-admission_decision').getByText(`Quá hạn từ ${due}`).waitFor();
    await screenshot(page, 'lc-10b-ho-so-qua-han');

    await page.getByRole('menuitem', { name: 'Đảng phí' }).click();
    // The secretary's dues sheet opens on the cell, without choosing it.
    await page.waitForURL(/dang-phi\?don-vi=\d+/);
    // The sheet opens on this month, under 01-QĐ/TW since 02/2026.
    const summary = page.getByTestId('dues-summary');
    await summary
      .getByText(new RegExp(`Chi bộ Phòng Nghiệp vụ Y, tháng ${thisMonth()} — áp dụng .*01-QĐ/TW`))
      .waitFor();
    // Before 02/2026 the sheet follows 342-QĐ/TW.
    await typeDate(page.getByLabel('Tháng'), '01/2026');
    await summary.getByText(/tháng 01\/2026 — áp dụng .*342-QĐ\/TW/).waitFor();
    await page.getByRole('heading', { name: 'Đảng phí' }).click();
    await screenshot(page, 'lc-11-dang-phi-342');
    await typeDate(page.getByLabel('Tháng'), thisMonth());
    await summary.getByText(new RegExp(`tháng ${thisMonth()} — áp dụng .*01-QĐ/TW`)).waitFor();
    await page.getByRole('heading', { name: 'Đảng phí' }).click();

    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const open = rows.filter({ has: page.locator('input[type=checkbox]:not([disabled])') });
    expect(await open.count()).toBeGreaterThanOrEqual(2);
    const names = [
      (await open.nth(0).locator('a').textContent()) ?? '',
      (await open.nth(1).locator('a').textContent()) ?? '',
    ];
    for (const n of names) {
      await rows.filter({ hasText: n }).locator('input[type=checkbox]').check();
    }
    await screenshot(page, 'lc-12-dang-phi-chon');
    await page.getByRole('button', { name: 'Ghi đã thu (2)' }).click();
    await page.locator('.ant-message').getByText(/./).first().waitFor();
    for (const n of names) {
      const row = rows.filter({ hasText: n });
      await row.locator('input[type=checkbox][disabled]').waitFor();
      await row.getByText(/^Đã thu \d{2}\/\d{2}\/\d{4}$/).waitFor();
      expect(await row.locator('td').nth(4).textContent()).toMatch(/[\d.]+ đ$/);
    }
    await summary.getByText(/đã thu [1-9][\d.]* đ/).waitFor();
    await screenshot(page, 'lc-13-dang-phi-da-thu');
    // The flat amounts of 01-QĐ/TW are named with their source; only an administrator edits them.
    await page
      .getByTestId('dues-flat-source')
      .getByText(/Mức cố định .* theo: Mức mặc định, chưa đối chiếu văn bản/)
      .waitFor();
    await page
      .getByTestId('dues-amounts-source')
      .getByText(/^Căn cứ: /)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Sửa mức' }).count()).toBe(0);
  });

  it('Badges due at an award date', async () => {
    await logInAs('vanphong');
    await page.getByRole('menuitem', { name: 'Huy hiệu Đảng' }).click();
    await page.waitForURL(/huy-hieu/);
    const summary = page.getByTestId('badge-summary');
    await summary.getByText(/^Dịp \d{2}\/\d{2}\/\d{4}: \d+ đảng viên đủ điều kiện/).waitFor();
    // Badges are awarded on 3/2, 19/5, 2/9 and 7/11 only.
    await page.getByLabel('Đợt trao').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    for (const text of await options.allTextContents())
      expect(text).toMatch(/^(03\/02|19\/05|02\/09|07\/11)\/\d{4}$/);
    await page.keyboard.press('Escape');
    const award = page.getByRole('button', { name: 'Ghi trao' });
    await award.first().waitFor();
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ has: award }).first();
    const name = (await row.locator('a').first().textContent()) ?? '';
    const milestone = ((await row.locator('td').nth(4).textContent()) ?? '').match(/\d+/)?.[0];
    expect(Number(milestone)).toBeGreaterThanOrEqual(30);
    await screenshot(page, 'lc-14-huy-hieu');
    await row.getByRole('button', { name: 'Ghi trao' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Trao Huy hiệu ${milestone} năm tuổi Đảng`).waitFor();
    await dialog.getByPlaceholder('Số quyết định tặng Huy hiệu').fill('2150-QĐ/TU');
    await dialog.getByRole('button', { name: 'Ghi', exact: true }).click();
    await page.getByText(`Đã ghi trao Huy hiệu ${milestone} năm tuổi Đảng cho ${name}.`).waitFor();
    const awarded = page
      .locator('.ant-table-tbody tr.ant-table-row')
      .filter({ hasText: name })
      .filter({ hasText: `${milestone} năm` });
    await awarded.getByText('Đã trao').waitFor();
    expect(await awarded.getByRole('button', { name: 'Ghi trao' }).count()).toBe(0);
    await screenshot(page, 'lc-15-huy-hieu-da-trao');
    // The rule set of the award date is named (award dates from 26/5/2025: 294-QĐ/TW), and deceased
    // members can be listed for a posthumous award.
    await page
      .getByTestId('badge-rule-set')
      .getByText(/Quy định 294-QĐ\/TW/)
      .waitFor();
    await page.getByRole('switch', { name: 'Truy tặng' }).click();
    await summary.getByText(/^Dịp \d{2}\/\d{2}\/\d{4}: \d+ đảng viên đủ điều kiện/).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'lc-15b-huy-hieu-390');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('An administrator records a make-up working day; a member only reads the calendar', async () => {
    await freshPage();
    await logIn(page, server, 'admin');
    await page.waitForURL(/doi-mat-khau/);
    await page.getByLabel('Mật khẩu hiện tại').fill(server.passwords.admin);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('QuanTri2026moi');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('QuanTri2026moi');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page.waitForURL(/xac-thuc-hai-lop/);
    const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    await page.getByPlaceholder('Mã 6 số').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByTestId('user-menu').waitFor();

    await page.getByRole('menuitem', { name: 'Lịch ngày làm việc' }).click();
    await page.waitForURL(/lich-lam-viec/);
    await page.getByText(`Lịch năm ${new Date().getFullYear()}`).waitFor();
    await typeDate(page.getByLabel('Năm', { exact: true }), '2025');
    await page.getByRole('heading', { name: 'Lịch ngày làm việc' }).click();
    await page.getByText('Lịch năm 2025').waitFor();
    // Tết Ất Tỵ by the lunar calendar: 29/01/2025 is the first day of the year.
    const holidays = page.getByTestId('holidays');
    await holidays.getByRole('row', { name: /29\/01\/2025 Thứ tư Tết Nguyên đán/ }).waitFor();
    await holidays.getByRole('row', { name: /07\/04\/2025 Thứ hai Giỗ Tổ Hùng Vương/ }).waitFor();
    const workingDays = async () =>
      Number(
        (
          (await page
            .getByTestId('working-days')
            .locator('.ant-statistic-content')
            .textContent()) ?? ''
        ).replace(/\D/g, ''),
      );
    const before = await workingDays();
    expect(before).toBeGreaterThan(240);
    await expect
      .poll(() => page.getByTestId('day-2025-02-08').getAttribute('data-kind'))
      .toBe('weekend');
    await screenshot(page, 'lc-16-lich-2025');

    // The server asks for the basis of the change.
    await page.getByRole('button', { name: 'Thêm ngày' }).click();
    await typeDate(page.getByLabel('Ngày điều chỉnh dòng 1'), '08/02/2025');
    await page.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    await page
      .getByTestId('calendar-error')
      .getByText('Dòng 1: Cần ghi căn cứ (số thông báo, văn bản).')
      .waitFor();
    await page.getByLabel('Căn cứ dòng 1').fill('Thông báo 6150/TB-BLĐTBXH: làm bù thứ Bảy');
    await page.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    await page.getByText('Đã lưu các ngày điều chỉnh năm 2025.').waitFor();
    await expect.poll(workingDays).toBe(before + 1);
    expect(await page.getByTestId('day-2025-02-08').getAttribute('data-kind')).toBe('working_day');
    await page.getByTestId('month-4').scrollIntoViewIfNeeded();
    await screenshot(page, 'lc-17a-lich-luoi');

    // The matching day off: Monday 27/01/2025.
    await page.getByRole('button', { name: 'Thêm ngày' }).click();
    await typeDate(page.getByLabel('Ngày điều chỉnh dòng 2'), '27/01/2025');
    await page.getByLabel('Loại điều chỉnh dòng 2').click();
    await page.getByTitle('Nghỉ (hoán đổi)').click();
    await page.getByLabel('Căn cứ dòng 2').fill('Thông báo 6150/TB-BLĐTBXH: nghỉ hoán đổi');
    // A day entered twice is refused by the server, row by row.
    await page.getByRole('button', { name: 'Thêm ngày' }).click();
    await typeDate(page.getByLabel('Ngày điều chỉnh dòng 3'), '08/02/2025');
    await page.getByLabel('Căn cứ dòng 3').fill('Thông báo 6150/TB-BLĐTBXH');
    await page.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    await page
      .getByTestId('calendar-error')
      .getByText('Dòng 3: Ngày 08/02/2025 được điều chỉnh hai lần.')
      .waitFor();
    await page.getByRole('button', { name: 'Xóa dòng 3' }).click();
    await page.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    await page.getByTestId('calendar-error').waitFor({ state: 'detached' });
    await expect.poll(workingDays).toBe(before);
    expect(await page.getByTestId('day-2025-01-27').getAttribute('data-kind')).toBe('day_off');
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Ngày điều chỉnh dòng 1').inputValue())
      .toBe('27/01/2025');
    expect(await page.getByLabel('Ngày điều chỉnh dòng 2').inputValue()).toBe('08/02/2025');
    await screenshot(page, 'lc-17-lich-dieu-chinh');

    // Ngày Văn hóa Việt Nam (24/11, Nghị quyết 80-NQ/TW): a day off from 2026 once switched on.
    await typeDate(page.getByLabel('Năm', { exact: true }), '2026');
    await page.getByRole('heading', { name: 'Lịch ngày làm việc' }).click();
    await page.getByText('Lịch năm 2026').waitFor();
    const culture = page.getByTestId('culture-day');
    await culture.getByText(/chưa tính là ngày nghỉ/).waitFor();
    await expect
      .poll(() => page.getByTestId('day-2026-11-24').getAttribute('data-kind'))
      .toBe('working');
    const before2026 = await workingDays();
    await page.getByTestId('culture-day-switch').click();
    await page
      .getByText('Đã tính Ngày Văn hóa Việt Nam (24/11) là ngày nghỉ khi tính thời hạn.')
      .waitFor();
    await culture.getByText(/đang tính là ngày nghỉ/).waitFor();
    await holidays
      .getByRole('row', { name: /24\/11\/2026 Thứ ba Ngày Văn hóa Việt Nam/ })
      .waitFor();
    await expect.poll(workingDays).toBe(before2026 - 1);
    expect(await page.getByTestId('day-2026-11-24').getAttribute('data-kind')).toBe('holiday');
    await screenshot(page, 'lc-17b-ngay-van-hoa');
    await page.setViewportSize({ width: 390, height: 844 });
    await culture.scrollIntoViewIfNeeded();
    await screenshot(page, 'lc-17c-ngay-van-hoa-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('culture-day-switch').click();
    await culture.getByText(/chưa tính là ngày nghỉ/).waitFor();
    await expect.poll(workingDays).toBe(before2026);

    // The administrator keeps the 01-QĐ/TW flat amounts and the document they come from.
    await page.getByRole('menuitem', { name: 'Đảng phí' }).click();
    await page.waitForURL(/dang-phi/);
    const amounts = page.getByTestId('dues-amounts');
    await amounts.getByRole('button', { name: 'Sửa mức' }).click();
    const mountain = amounts.getByLabel('Miền núi, vùng sâu, vùng xa, biên giới, hải đảo');
    await mountain.fill('5000');
    await amounts.getByLabel('Văn bản làm căn cứ (số, ngày ban hành)').fill('');
    await amounts.getByRole('button', { name: 'Lưu mức' }).click();
    await amounts.getByText('Cần ghi văn bản làm căn cứ.').waitFor();
    await amounts
      .getByLabel('Văn bản làm căn cứ (số, ngày ban hành)')
      .fill('Hướng dẫn của Văn phòng Trung ương Đảng về chế độ đảng phí (kiểm thử)');
    await amounts.getByRole('button', { name: 'Lưu mức' }).click();
    await page.getByText('Đã lưu mức đảng phí cố định.').waitFor();
    await amounts
      .getByTestId('dues-amounts-source')
      .getByText('Căn cứ: Hướng dẫn của Văn phòng Trung ương Đảng về chế độ đảng phí (kiểm thử)')
      .waitFor();
    await amounts.getByText(/Miền núi, vùng sâu, vùng xa, biên giới, hải đảo: 5\.000 đ/).waitFor();
    await screenshot(page, 'lc-17d-dang-phi-muc-co-dinh');
    await page.setViewportSize({ width: 390, height: 844 });
    await amounts.scrollIntoViewIfNeeded();
    await screenshot(page, 'lc-17e-dang-phi-muc-co-dinh-390');
    await page.setViewportSize({ width: 1440, height: 900 });

    // A member sees the calendar but cannot change it.
    await logInAs('dangvien');
    await page.getByRole('menuitem', { name: 'Lịch ngày làm việc' }).click();
    await page.getByText(`Lịch năm ${new Date().getFullYear()}`).waitFor();
    await typeDate(page.getByLabel('Năm', { exact: true }), '2025');
    await page.getByRole('heading', { name: 'Lịch ngày làm việc' }).click();
    const list = page.getByTestId('adjustments');
    await list.getByRole('row', { name: /08\/02\/2025 Thứ bảy Làm bù Thông báo 6150/ }).waitFor();
    await page.getByText('Chỉ quản trị hệ thống ghi được các ngày hoán đổi, làm bù.').waitFor();
    expect(await page.getByRole('button', { name: 'Thêm ngày' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lưu điều chỉnh' }).count()).toBe(0);
    const session = await (await page.request.get(`${server.url}/api/auth/session`)).json();
    const refused = await page.request.put(`${server.url}/api/calendar/2025/adjustments`, {
      headers: { 'x-csrf-token': session.csrfToken },
      data: { adjustments: [] },
    });
    expect(refused.status()).toBe(403);
    await screenshot(page, 'lc-18-lich-dang-vien');
  });
});

/** The value next to a label in an antd Descriptions block. */
const expectDescription = async (p: Page, label: string, value: string) => {
  const item = p
    .locator('.ant-descriptions-item')
    .filter({ has: p.locator('.ant-descriptions-item-label', { hasText: label }) })
    .first();
  await item.locator('.ant-descriptions-item-content', { hasText: value }).waitFor();
  expect((await item.locator('.ant-descriptions-item-content').textContent())?.trim()).toBe(value);
};
