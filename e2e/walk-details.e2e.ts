// Issues 20 and 22, the walk behind the menu: for every role, the detail pages its menu pages link to
// (a member's record, a movement, a commendation, a programme, a resolution, a congress and its round,
// an inspection case, an evaluation…, found by following the first link of each kind, as a user
// would) and the dialogs and drawers its pages open (a proposal, a model, a meeting, a plan's target
// and the records behind its figure, a residence comment, the "add" form of each list) open without a
// failed request or a script error; for a member and a cell secretary nothing is wider than a 390 px
// phone, and an open dialog fits it. `DANGVU_WALK_SHOTS=1` keeps a screenshot of each at 1440 and
// 390 px in .tmp/walk/ (prefix `d-`) and a summary in .tmp/walk/details.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Server, startServer } from './harness';
import {
  desktop,
  menuRoutes,
  open,
  overflowWidth,
  phone,
  settle,
  shotName,
  signIn,
} from './walk-helpers';

let server: Server;
let browser: Browser;
const shots = process.env.DANGVU_WALK_SHOTS === '1';
const shotsDir = path.resolve(import.meta.dirname, '../.tmp/walk');
const summary: Record<string, unknown> = {};

beforeAll(async () => {
  if (shots) mkdirSync(shotsDir, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  if (shots) writeFileSync(path.join(shotsDir, 'details.json'), JSON.stringify(summary, null, 2));
  await browser?.close();
  await server?.stop();
});

/** The detail routes of web/src/app/App.tsx (one record each). */
const detailRoute =
  /^\/(dang-vien|phat-trien-dang|kiem-tra-giam-sat|nghi-quyet|thi-dua|khen-thuong|giao-duc-chinh-tri|danh-gia-xep-loai\/ho-so|danh-gia-xep-loai|dai-hoi\/dot|dai-hoi)\/\d+$|^\/bao-cao-tong-ket\/\d+\/chung-cu$/;
const kindOf = (route: string) => route.replace(/\d+/g, ':id');

/** The detail links on the page, in page order. */
const detailLinks = async (page: Page) =>
  (
    await page
      .locator('a[href]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  ).filter((href) => detailRoute.test(href));

/** A dialog or drawer a page opens, and what to click to open it (the first row, as a user would). */
type Opener = {
  route: string;
  name: string;
  target: (page: Page) => Locator;
  /** What a user does first to bring the row into view (open a unit's group). */
  prepare?: (page: Page) => Promise<void>;
};
const openers: Opener[] = [
  {
    route: '/kien-nghi',
    name: 'kien-nghi',
    target: (p) => p.getByTestId('proposals').locator('.ant-table-row').first(),
  },
  {
    route: '/mo-hinh-dien-hinh',
    name: 'mo-hinh',
    target: (p) => p.getByTestId('models').locator('.ant-table-row button.ant-btn-link').first(),
  },
  {
    route: '/sinh-hoat',
    name: 'hoi-nghi',
    target: (p) => p.getByTestId('meetings').locator('.ant-table-row button.ant-btn-link').first(),
    prepare: async (p) => {
      const rows = p.getByTestId('meetings').locator('.ant-table-row').filter({ visible: true });
      if ((await rows.count()) > 0) return;
      await p.getByTestId('meeting-groups').locator('.ant-collapse-header').first().click();
      await settle(p);
    },
  },
  {
    route: '/ke-hoach',
    name: 'chi-tieu',
    target: (p) => p.locator('.ant-table-row').first().locator('button.ant-btn-link').first(),
  },
  {
    route: '/ke-hoach',
    name: 'so-lieu',
    target: (p) => p.locator('.ant-table-row td:nth-child(4) button.ant-btn-link').first(),
  },
  {
    route: '/nhan-xet-noi-cu-tru',
    name: 'nhan-xet',
    target: (p) =>
      p
        .getByTestId('residence-roster')
        .getByRole('button', { name: /Ghi nhận xét|Sửa/ })
        .first(),
  },
];
/** The "add" button of a list page: its first large primary button, unless it is inside a link. */
const addButton = (p: Page) =>
  p.locator('.ant-layout-content button.ant-btn-primary.ant-btn-lg').first();
const hasAddButton = async (p: Page) =>
  (await addButton(p).count()) > 0 &&
  (await addButton(p).evaluate((button) => button.closest('a') === null));

/** An open dialog's box (antd 6: a modal's container, a drawer's wrapper). */
const dialog = '.ant-modal-wrap .ant-modal-container, .ant-drawer-open .ant-drawer-content-wrapper';
const openDialog = (page: Page) => page.locator(dialog).filter({ visible: true }).first();

/** How the open dialog is wider than the screen (its box, or its content scrolling sideways). */
const dialogOverflow = (page: Page) =>
  page.evaluate((selector) => {
    const problems: string[] = [];
    for (const box of document.querySelectorAll<HTMLElement>(selector)) {
      const rect = box.getBoundingClientRect();
      if (rect.width === 0 || getComputedStyle(box).visibility === 'hidden') continue;
      if (rect.left < -1 || rect.right > window.innerWidth + 1)
        problems.push(`box ${Math.round(rect.left)}–${Math.round(rect.right)}px`);
      const body = box.querySelector<HTMLElement>('.ant-modal-body, .ant-drawer-body');
      if (body && body.scrollWidth > body.clientWidth + 1)
        problems.push(`content ${body.scrollWidth}px in ${body.clientWidth}px`);
    }
    return problems.join(', ');
  }, dialog);

/** The outermost elements that reach past the right edge of the screen, to say what to fix. */
const stickingOut = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (el.getBoundingClientRect().right <= width + 1) continue;
      const parent = el.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > width + 1)
        continue;
      out.push(
        `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')} → ${Math.round(el.getBoundingClientRect().right)}`,
      );
    }
    return out.slice(0, 3).join('; ');
  });

const closeDialog = async (page: Page) => {
  await page.keyboard.press('Escape');
  if (
    await openDialog(page)
      .waitFor({ state: 'hidden', timeout: 3_000 })
      .then(() => false)
      .catch(() => true)
  )
    await page
      .locator('.ant-modal-close, .ant-drawer-close')
      .first()
      .click()
      .catch(() => undefined);
};

type Visit = { width: number; route: string; shot?: string; overflow?: string; note?: string };

const walkDetails = async (username: string, widths: { width: number; height: number }[]) => {
  const { context, page } = await signIn(browser, server, username);
  const routes = await menuRoutes(page);
  const failures: string[] = [];
  const overflowing: string[] = [];
  const visits: Visit[] = [];
  let current = '';
  page.on('response', (res) => {
    if (res.url().includes('/api/') && res.status() >= 400)
      failures.push(`${current}: ${res.status()} ${new URL(res.url()).pathname}`);
  });
  page.on('pageerror', (error) => failures.push(`${current}: ${error.message}`));

  // Find the first record of each kind: the menu pages' links, then the detail pages' own links.
  // The list pages with an "add" button (not the import page's "save" button).
  const details = new Map<string, string>();
  const adding: string[] = [];
  const queue = [...routes];
  while (queue.length > 0) {
    const route = queue.shift() as string;
    current = `${username} find ${route}`;
    await open(page, server, route);
    if (routes.includes(route) && route !== '/nhap-du-lieu' && (await hasAddButton(page)))
      adding.push(route);
    for (const href of await detailLinks(page)) {
      if (details.has(kindOf(href))) continue;
      details.set(kindOf(href), href);
      queue.push(href);
    }
  }

  for (const viewport of widths) {
    await page.setViewportSize(viewport);
    for (const route of details.values()) {
      current = `${username} ${viewport.width}px ${route}`;
      await open(page, server, route);
      const wide = await overflowWidth(page);
      const why = wide ? `${wide}px: ${await stickingOut(page)}` : undefined;
      if (why) overflowing.push(`${current} (${why})`);
      const visit: Visit = { width: viewport.width, route, overflow: why };
      if (shots) {
        visit.shot = `d-${shotName(username, viewport.width, route)}`;
        await page.screenshot({ path: path.join(shotsDir, visit.shot) });
      }
      visits.push(visit);
    }
    const dialogs: Opener[] = [
      ...openers.filter((o) => routes.includes(o.route)),
      ...adding.map((route) => ({ route, name: 'them', target: addButton })),
    ];
    for (const opener of dialogs) {
      current = `${username} ${viewport.width}px ${opener.route} (${opener.name})`;
      await open(page, server, opener.route);
      await opener.prepare?.(page);
      const target = opener.target(page);
      if ((await target.count()) === 0) {
        visits.push({
          width: viewport.width,
          route: opener.route,
          note: `${opener.name}: nothing to open`,
        });
        continue;
      }
      const shown = await target
        .waitFor({ state: 'visible', timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (!shown) {
        visits.push({ width: viewport.width, route: opener.route, note: `${opener.name}: hidden` });
        continue;
      }
      await target.click();
      const opened = await openDialog(page)
        .waitFor({ state: 'visible', timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (!opened) {
        visits.push({
          width: viewport.width,
          route: opener.route,
          note: `${opener.name}: no dialog`,
        });
        continue;
      }
      await settle(page);
      await page.waitForTimeout(400); // the opening animation
      const wide = await overflowWidth(page);
      const problem = [
        await dialogOverflow(page),
        wide ? `page ${wide}px: ${await stickingOut(page)}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      if (problem) overflowing.push(`${current}: ${problem}`);
      const visit: Visit = { width: viewport.width, route: opener.route, note: opener.name };
      if (problem) visit.overflow = problem;
      if (shots) {
        visit.shot = `d-${shotName(username, viewport.width, opener.route, `-${opener.name}`)}`;
        await page.screenshot({ path: path.join(shotsDir, visit.shot) });
      }
      visits.push(visit);
      await closeDialog(page);
    }
  }
  await context.close();
  summary[username] = { details: [...details.keys()], visits, failures, overflowing };
  return { details, failures, overflowing };
};

describe('the detail pages and dialogs behind the menu, as each role', () => {
  it('a member and a cell secretary: each opens and fits a 390 px phone', async () => {
    const found: Record<string, string[]> = {};
    for (const username of ['dangvien', 'bithu']) {
      const result = await walkDetails(username, shots ? [desktop, phone] : [phone]);
      expect(result.details.size, username).toBeGreaterThan(0);
      found[username] = [...result.failures, ...result.overflowing];
    }
    expect(found).toEqual({ dangvien: [], bithu: [] });
  }, 1_200_000);

  it('the offices, the standing committee and the inspection commission: each opens', async () => {
    const found: Record<string, string[]> = {};
    for (const username of ['coso', 'vanphong', 'btv', 'ubkt']) {
      const result = await walkDetails(username, shots ? [desktop, phone] : [desktop]);
      expect(result.details.size, username).toBeGreaterThan(3);
      found[username] = result.failures;
    }
    expect(found).toEqual({ coso: [], vanphong: [], btv: [], ubkt: [] });
  }, 2_400_000);
});
