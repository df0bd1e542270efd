// Issue 22, the walk: every page of the menu, as each role sees it, opens without a failed request or
// a script error; a member's and a cell secretary's pages fit a 390 px phone (nothing wider than the
// screen). `DANGVU_WALK_SHOTS=1` also keeps a screenshot of every page at 1440 and 390 px for every
// role in .tmp/walk/ (to look at, not kept in the repository).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Server, startServer } from './harness';
import { desktop, menuRoutes, open, overflowWidth, phone, shotName, signIn } from './walk-helpers';

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

/**
 * Walk every page of the role's menu at the given widths: collect failed API answers (4xx/5xx) and
 * script errors per page, and the pages wider than the screen.
 */
const walk = async (username: string, widths: { width: number; height: number }[]) => {
  const { context, page } = await signIn(browser, server, username);
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
      await open(page, server, route);
      const wide = await overflowWidth(page);
      if (wide) overflowing.push(`${current} (${wide}px)`);
      if (shots)
        await page.screenshot({
          path: path.join(shotsDir, shotName(username, viewport.width, route)),
        });
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
