// Issue 22, the walk: every page of the menu, as each role sees it, opens without a failed request or
// a script error; a member's and a cell secretary's pages fit a 390 px phone (nothing wider than the
// screen). `DANGVU_WALK_SHOTS=1` also keeps a screenshot of every page at 1440 and 390 px for every
// role in .tmp/walk/ (to look at, not kept in the repository).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../server/platform/auth/totp';
import { launchBrowser, logIn, type Server, startServer } from './harness';

let server: Server;
let browser: Browser;
const shots = process.env.DANGVU_WALK_SHOTS === '1';
const shotsDir = path.resolve(import.meta.dirname, '../.tmp/walk');

beforeAll(async () => {
  if (shots) mkdirSync(shotsDir, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const phone = { width: 390, height: 844 };
const desktop = { width: 1440, height: 900 };

/** A role's session: its own context, logged in (the inspection commission turns on codes). */
const signIn = async (username: string): Promise<{ context: BrowserContext; page: Page }> => {
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
const menuRoutes = async (page: Page) => {
  await page.getByTestId('main-menu').waitFor();
  const ids = await page
    .getByTestId('main-menu')
    .locator('[data-menu-id]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-menu-id') ?? ''));
  return [
    ...new Set(ids.map((id) => id.slice(id.indexOf('-/') + 1)).filter((r) => r.startsWith('/'))),
  ];
};

/** Open a page and wait until its requests are answered and nothing spins. */
const open = async (page: Page, route: string) => {
  await page.goto(`${server.url}${route}`);
  await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 20_000 })
    .catch(() => undefined);
};

/**
 * Walk every page of the role's menu at the given widths: collect failed API answers (4xx/5xx) and
 * script errors per page, and the pages wider than the screen.
 */
const walk = async (username: string, widths: { width: number; height: number }[]) => {
  const { context, page } = await signIn(username);
  const routes = await menuRoutes(page);
  const failures: string[] = [];
  const overflowing: string[] = [];
  let current = '';
  page.on('response', (res) => {
    if (res.url().includes('/api/') && res.status() >= 400)
      failures.push(`${current}: ${res.status()} ${new URL(res.url()).pathname}`);
  });
  page.on('pageerror', (error) => failures.push(`${current}: ${error.message}`));
  for (const viewport of widths) {
    await page.setViewportSize(viewport);
    for (const route of routes) {
      current = `${username} ${viewport.width}px ${route}`;
      await open(page, route);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      if (scrollWidth > clientWidth + 1) overflowing.push(`${current} (${scrollWidth}px)`);
      if (shots) {
        const name = `${username}-${viewport.width}-${route.replace(/\//g, '_') || 'home'}.png`;
        await page.screenshot({ path: path.join(shotsDir, name) });
      }
    }
  }
  await context.close();
  return { routes, failures, overflowing };
};

describe('every page of the menu, as each role', () => {
  it('a member and a cell secretary: every page opens and fits a 390 px phone', async () => {
    for (const username of ['dangvien', 'bithu']) {
      const result = await walk(username, shots ? [desktop, phone] : [phone]);
      expect(result.routes.length, username).toBeGreaterThan(3);
      expect(result.failures, username).toEqual([]);
      expect(result.overflowing, username).toEqual([]);
    }
  }, 900_000);

  it('the offices, the standing committee and the inspection commission: every page opens', async () => {
    for (const username of ['coso', 'vanphong', 'btv', 'ubkt']) {
      const result = await walk(username, shots ? [desktop, phone] : [desktop]);
      expect(result.routes.length, username).toBeGreaterThan(10);
      expect(result.failures, username).toEqual([]);
    }
  }, 1_800_000);
});
