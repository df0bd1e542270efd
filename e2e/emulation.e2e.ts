// Emulation and commendations in the browser (docs/domain/emulation.md): the bloc office opens the
// "Dân vận khéo" movement with its registrations and recognised models; proposes a commendation for a
// member and reads the eligibility computed live from the decided ratings (an HTXSNV member is eligible,
// an HTTNV one is not: 21-HD/BTCTW), reviews and grants it; the grassroots office sees only its subtree;
// the pages fit a phone.
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

const getJson = async <T>(url: string): Promise<T> => {
  const res = await page.request.get(`${server.url}${url}`);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
};

type Item = { id: number; subjectKind: string; eligible: boolean | null; subjectName: string };

/** The member of a 2025 commendation of the register, as the member picker labels them. */
const memberOf = async (filter: string, eligible: boolean) => {
  const { items } = await getJson<{ items: Item[] }>(
    `/api/emulation/commendations?year=2025&form=exemplary_certificate&${filter}`,
  );
  const c = items.find((i) => i.subjectKind === 'member' && i.eligible === eligible)!;
  const detail = await getJson<{ subjectMemberId: number }>(`/api/emulation/commendations/${c.id}`);
  const { items: found } = await getJson<{
    items: { id: number; fullName: string; orgUnitName: string }[];
  }>(
    `/api/members?q=${encodeURIComponent(c.subjectName)}&pageSize=20&status=full&status=probationary`,
  );
  const m = found.find((x) => x.id === detail.subjectMemberId)!;
  return { name: m.fullName, label: `${m.fullName} – ${m.orgUnitName}` };
};

/** "1.613 lượt đăng ký: …" (the registrations' summary, Vietnamese thousands) → 1613. */
const registrationsShown = async () => {
  const summary = page.getByTestId('registrations-summary');
  await summary.filter({ hasText: /lượt đăng ký/ }).waitFor();
  const text = (await summary.textContent()) ?? '';
  const figure = text.match(/^([\d.]+) lượt đăng ký/)?.[1];
  expect(figure, text).toBeDefined();
  // Written the Vietnamese way: a dot between thousands, never "1613" nor "1,613".
  expect(figure!, text).toMatch(/^\d{1,3}(\.\d{3})*$/);
  return Number(figure!.replaceAll('.', ''));
};

/**
 * How far the page is wider than the window, and if it is, the elements that stick out past the
 * window's right edge (outside any box that clips or scrolls them): tag, classes, text, right edge,
 * in the order of the page, so that a failure names what to fix.
 */
const overflowOf = (p: Page) =>
  p.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const overflow = document.documentElement.scrollWidth - width;
    if (overflow <= 0) return { overflow, report: '' };
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX !== 'visible' && a.getBoundingClientRect().right <= width + 0.5)
          return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 0.5 || clipped(el)) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const cls =
        typeof el.className === 'string' ? el.className.trim().split(/\s+/).join('.') : '';
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
      out.push(
        `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} "${text}" right ${Math.round(r.right)}`,
      );
      if (out.length >= 25) break;
    }
    return {
      overflow,
      report: `${overflow} px wider than ${width} px; sticking out:\n  ${out.join('\n  ')}`,
    };
  });

const movementName = 'Phong trào thi đua "Dân vận khéo" giai đoạn 2021–2025';
let movementUrl = '';
let commendationUrl = '';
let officeRegistrations = 0;

describe('emulation and commendations', () => {
  it('the bloc office opens the movement and sees its registrations and recognised models', async () => {
    await logInAs('vanphong');
    await page.goto(`${server.url}/thi-dua`);
    const list = page.getByTestId('movements');
    await list.getByText(movementName).waitFor();
    await list.getByText('Phong trào thi đua "Dân vận khéo" năm 2026').waitFor();
    await screenshot(page, 'td-01-phong-trao');
    await list.getByRole('link', { name: movementName }).click();
    await page.waitForURL(/\/thi-dua\/\d+$/);
    movementUrl = page.url();
    await page.getByRole('heading', { name: movementName }).waitFor();
    await page
      .getByTestId('criteria')
      .getByText(/mô hình "Dân vận khéo"/)
      .waitFor();
    // The card's title is the bare words (no count beside its button); the count is in the summary.
    await page.locator('.ant-card-head-title', { hasText: /^Đăng ký thi đua$/ }).waitFor();
    officeRegistrations = await registrationsShown();
    // Nearly every grassroots organisation, most cells and part of the ~6,000 members registered.
    expect(officeRegistrations).toBeGreaterThan(1000);
    // The registrations are a server-paged list (issues 20, 22) filtered in the URL: units only.
    await page.getByTestId('registrations-kind').getByText('Đơn vị', { exact: true }).click();
    await page.waitForURL(/loai=don-vi/);
    await page.getByTestId('registrations').getByText('Cả đơn vị').first().waitFor();
    await page.getByTestId('registrations-summary').filter({ hasText: 'khớp bộ lọc' }).waitFor();
    const models = page.getByTestId('models');
    await models.getByText('Được công nhận').first().waitFor();
    await models
      .getByText(/Quyết định số \d+-QĐ/)
      .first()
      .waitFor();
    await models.getByText('Dân vận').first().waitFor();
    await screenshot(page, 'td-02-phong-trao-chi-tiet');
  });

  it('proposes a commendation for a member, the eligibility read live from the ratings, and grants it', async () => {
    await page.goto(`${server.url}/khen-thuong`);
    await page.getByTestId('commendations').getByText('Đã khen thưởng').first().waitFor();
    await screenshot(page, 'td-03-so-khen-thuong');
    const eligible = await memberOf('status=granted', true);
    const ineligible = await memberOf('status=refused', false);

    await page.getByRole('button', { name: 'Đề nghị khen thưởng' }).click();
    const modal = page.getByRole('dialog');
    const member = modal.getByLabel('Đảng viên được đề nghị');
    const eligibility = modal.getByTestId('eligibility');
    // A member rated only "Hoàn thành tốt nhiệm vụ" in 2025: not eligible, and the year says why.
    await pick(member, ineligible.label, ineligible.name);
    await eligibility.getByText(/^Chưa đủ điều kiện: năm 2025/).waitFor();
    await eligibility.getByText(/Năm 2025: Hoàn thành tốt nhiệm vụ — không đạt/).waitFor();
    await screenshot(page, 'td-04-de-nghi-chua-du');
    // A member rated HTXSNV in 2025: eligible, with the title the commendation gives.
    await pick(member, eligible.label, eligible.name);
    await eligibility.getByText(/^Đủ điều kiện: Hoàn thành xuất sắc nhiệm vụ năm 2025/).waitFor();
    await eligibility
      .getByText(/Đảng viên "Hoàn thành xuất sắc nhiệm vụ" tiêu biểu năm 2025/)
      .waitFor();
    await modal
      .getByLabel('Thành tích')
      .fill('Hoàn thành xuất sắc nhiệm vụ năm 2025; có sáng kiến được công nhận.');
    await screenshot(page, 'td-05-de-nghi-du-dieu-kien');
    await page.getByRole('button', { name: 'Lưu đề nghị' }).click();
    await page.waitForURL(/\/khen-thuong\/\d+$/);
    commendationUrl = page.url();
    await page.getByRole('heading', { name: eligible.name }).waitFor();
    await page.getByText('Đề nghị', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Thẩm định' }).click();
    const review = page.getByRole('dialog');
    await review.getByLabel('Ý kiến').fill('Đủ điều kiện theo kết quả xếp loại năm 2025.');
    await review.getByRole('button', { name: 'Lưu' }).click();
    await review.waitFor({ state: 'hidden' });
    await page.getByText('Đã thẩm định', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Quyết định' }).click();
    const decision = page.getByRole('dialog');
    await decision
      .getByLabel('Cơ quan quyết định')
      .fill('Ban Thường vụ Đảng ủy các cơ quan Đảng tỉnh');
    await decision.getByLabel('Số quyết định').fill('512-QĐ/ĐU');
    await decision.getByRole('button', { name: 'Lưu' }).click();
    await decision.waitFor({ state: 'hidden' });
    await page.getByText('Đã khen thưởng', { exact: true }).first().waitFor();
    await page.getByText(/512-QĐ\/ĐU ngày/).waitFor();
    await screenshot(page, 'td-06-da-khen-thuong');
  });

  it('the grassroots office sees only its subtree', async () => {
    await logInAs('coso');
    await page.goto(movementUrl);
    await page.getByRole('heading', { name: movementName }).waitFor();
    const own = await registrationsShown();
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(officeRegistrations);
    await page.goto(`${server.url}/khen-thuong`);
    const table = page.getByTestId('commendations');
    await table.getByText('Đảng bộ Sở Y tế').first().waitFor();
    // The upper committee's own proposals (the one just granted among them) are not in this register.
    expect(await table.getByText('Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn').count()).toBe(0);
    const { items } = await getJson<{ items: { proposingOrgUnitName: string }[] }>(
      '/api/emulation/commendations',
    );
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.proposingOrgUnitName === 'Đảng bộ Sở Y tế')).toBe(true);
    await page.goto(commendationUrl);
    await page
      .getByText(/Không tìm thấy/)
      .first()
      .waitFor();
    await page.goto(`${server.url}/khen-thuong`);
    await table.getByText('Đảng bộ Sở Y tế').first().waitFor();
    await screenshot(page, 'td-07-co-so');
  });

  it('fits a phone: the movement and the register at 390 px', async () => {
    await logInAs('vanphong', 390);
    for (const [url, name] of [
      [movementUrl, 'td-08-dien-thoai-phong-trao'],
      [`${server.url}/khen-thuong`, 'td-09-dien-thoai-khen-thuong'],
    ]) {
      await page.goto(url);
      await page.locator('.ant-table-row').first().waitFor();
      const { overflow, report } = await overflowOf(page);
      expect(overflow, `${url}: ${report}`).toBeLessThanOrEqual(0);
      await screenshot(page, name);
    }
  });
});
