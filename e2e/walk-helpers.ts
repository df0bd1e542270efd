// The walk's shared steps (walk.e2e.ts: the menu pages; walk-details.e2e.ts: the detail pages and
// dialogs behind them): a role's signed-in session, the routes of its menu, opening a page until it is
// quiet, and whether the page is wider than the screen.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { totpCode } from '../server/platform/auth/totp';
import { logIn, type Server } from './harness';

export const phone = { width: 390, height: 844 };
export const desktop = { width: 1440, height: 900 };

/** A role's session: its own context, logged in (the inspection commission turns on codes). */
export const signIn = async (
  browser: Browser,
  server: Server,
  username: string,
): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: desktop,
  });
  const page = await context.newPage();
  await logIn(page, server, username);
  if (username === 'ubkt') {
    await page.waitForURL(/xac-thuc-hai-lop/);
    const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    await page.getByPlaceholder('Mã 6 số').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.waitForURL((u) => !u.pathname.includes('xac-thuc-hai-lop'));
  } else await page.waitForURL((u) => !u.pathname.includes('dang-nhap'));
  await page.goto(`${server.url}/`);
  await page.getByTestId('home').waitFor();
  return { context, page };
};

/** The pages the role's menu offers (the menu item keys are the routes). */
export const menuRoutes = async (page: Page) => {
  await page.getByTestId('main-menu').waitFor();
  const ids = await page
    .getByTestId('main-menu')
    .locator('[data-menu-id]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-menu-id') ?? ''));
  return [
    ...new Set(ids.map((id) => id.slice(id.indexOf('-/') + 1)).filter((r) => r.startsWith('/'))),
  ];
};

/** Wait until the page's requests are answered and nothing spins or stands in for a card. */
export const settle = async (page: Page) => {
  await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
  for (const placeholder of ['.ant-spin-spinning', '.ant-skeleton-active'])
    await page
      .locator(placeholder)
      .first()
      .waitFor({ state: 'detached', timeout: 20_000 })
      .catch(() => undefined);
};

/** Open a page and wait until it is quiet. */
export const open = async (page: Page, server: Server, route: string) => {
  await page.goto(`${server.url}${route}`);
  await settle(page);
};

/** The page's width when it is wider than the screen, else null. */
export const overflowWidth = async (page: Page) => {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  return scrollWidth > clientWidth + 1 ? scrollWidth : null;
};

/** A screenshot's file name: role, width and route. */
export const shotName = (username: string, width: number, route: string, suffix = '') =>
  `${username}-${width}-${route.replace(/[/?=&]/g, '_') || 'home'}${suffix}.png`;
