// Issue 22, pickers that find and dates that read the Vietnamese way: on the dues page the
// organisation picker finds "Chi bộ Phòng Nghiệp vụ Y" from "nghiep vu y" anywhere in the user's
// scope, showing its path, as the grassroots office (coso) and as the upper committee's office
// (vanphong); in a browser set to English, a date field still shows and takes dd/mm/yyyy; and the
// member picker in the committee, congress delegates and education forms (below).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chosenIs, logIn, pick, type Server, selectOf, startServer } from './harness';

let server: Server;
let browser: Browser;
let context: BrowserContext | undefined;
let page: Page;
const shots = path.join(import.meta.dirname, '..', '.tmp');

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  // A browser whose language is US English: a plain date input would show mm/dd/yyyy here.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--lang=en-US'],
  });
}, 300_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const freshPage = async (viewport: { width: number; height: number }) => {
  await context?.close();
  context = await browser.newContext({
    locale: 'en-US',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport,
    reducedMotion: 'reduce',
  });
  page = await context.newPage();
};
const shot = (name: string) => page.screenshot({ path: path.join(shots, `pickers-${name}.png`) });

/** The demo role accounts (coso, vanphong) go straight in, without a password change. */
const signIn = async (username: string) => {
  await logIn(page, server, username);
  await page.waitForURL((u) => !u.pathname.includes('dang-nhap'));
};

const openOption = () =>
  page.locator(
    // Not the hidden node the tree keeps to measure rows (no text).
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-treenode:not([aria-hidden="true"])',
  );

/** Type into the dues page's unit picker and choose the hit whose path ends in the cell's name. */
const findCellOnDuesPage = async (who: string, width: number, height: number) => {
  await freshPage({ width, height });
  await signIn(who);
  await page.goto(`${server.url}/dang-phi`);
  const picker = page.locator('.ant-select').filter({ hasText: 'Chọn chi bộ' }).first();
  await picker.click();
  await page.keyboard.type('nghiep vu y');
  const hit = openOption()
    .filter({ hasText: 'Đảng bộ Sở Y tế › Chi bộ Phòng Nghiệp vụ Y' })
    .first();
  await hit.waitFor({ timeout: 15_000 });
  await shot(`${who}-search-${width}`);
  // Nothing of another organisation for the grassroots office, whatever it types.
  const texts = await openOption().allTextContents();
  if (who === 'coso') for (const t of texts) expect(t.startsWith('Đảng bộ Sở Y tế')).toBe(true);
  await hit.click();
  await page.waitForURL(/don-vi=\d+/);
  await expect
    .poll(
      async () =>
        (await page
          .locator('.ant-select-content-has-value, .ant-select-selection-item')
          .first()
          .textContent()) ?? '',
    )
    .toContain('Chi bộ Phòng Nghiệp vụ Y');
  // The page does not overflow the phone's width.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(1);
  await shot(`${who}-chosen-${width}`);
};

describe('the organisation picker finds across the scope', () => {
  it('as the grassroots office, at 1440 px', async () => {
    await findCellOnDuesPage('coso', 1440, 900);
  });
  it('as the grassroots office, on a 390 px phone', async () => {
    await findCellOnDuesPage('coso', 390, 844);
  });
  it('as the upper committee office, at 1440 px', async () => {
    await findCellOnDuesPage('vanphong', 1440, 900);
  });
});

describe('dates read dd/mm/yyyy in an English browser', () => {
  it('a date field shows today day first and takes a typed date', async () => {
    await freshPage({ width: 1440, height: 900 });
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await signIn('vanphong');
    await page.goto(`${server.url}/danh-gia-xep-loai`);
    await page.getByRole('button', { name: 'Mở đợt đánh giá' }).click();
    const field = page.getByLabel('Ngày mở đợt');
    await field.waitFor();
    const shown = await field.inputValue();
    expect(shown).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(),
    );
    expect(shown).toBe(`${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`);
    // Typed day first: 05/01 is the fifth of January, not the first of May.
    await field.click();
    await field.fill('05/01/2027');
    await page.keyboard.press('Enter');
    await expect.poll(() => field.inputValue()).toBe('05/01/2027');
    const posted = page.waitForRequest(
      (r) => r.method() === 'POST' && r.url().includes('/api/evaluations'),
    );
    const scope = page.getByLabel('Phạm vi (đảng bộ cấp trên cơ sở hoặc tổ chức cơ sở đảng)');
    await scope.click();
    await page.keyboard.type('so y te');
    await openOption().filter({ hasText: 'Đảng bộ Sở Y tế' }).first().click();
    await shot('date-typed');
    await page.getByRole('button', { name: 'Mở đợt', exact: true }).click();
    const body = (await posted).postDataJSON() as { openedOn: string };
    expect(body.openedOn).toBe('2027-01-05');
  });
});

// The member picker (web/src/components/MemberPicker.tsx) in the forms the other browser tests do
// not open: a committee's positions (the grassroots office), a congress's ex-officio delegates (the
// upper committee's office, for a grassroots congress of delegates), a member's study commitment
// and a personal model (the cell secretary). Each time: the name typed without diacritics finds the
// member, the saved record names them in full, and a member outside the form's reach is not offered.

type Hit = { id: number; fullName: string; orgUnitId: number; orgUnitName: string };
/** "Nguyễn Đức Thắng" → "nguyen duc thang", as a user types on a keyboard without Vietnamese. */
const plain = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

type Api = { get: <T>(url: string) => Promise<T> };

/**
 * One signed-in browser context per role for these tests, signed in by the API once: its requests
 * read the server as the role sees it, and its pages open the forms (the server takes at most 10
 * logins a minute from one address; the tests above have used some).
 */
const sessions = new Map<string, BrowserContext>();
const sessionOf = async (username: string) => {
  let ctx = sessions.get(username);
  if (!ctx) {
    ctx = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1440, height: 900 },
      reducedMotion: 'reduce',
    });
    const res = await ctx.request.post(`${server.url}/api/auth/login`, {
      data: { username, password: server.passwords[username] },
    });
    expect(res.status(), `log in ${username}`).toBe(200);
    sessions.set(username, ctx);
  }
  return ctx;
};
const apiAs = async (username: string): Promise<Api> => {
  const ctx = await sessionOf(username);
  return {
    get: async <T>(url: string) => {
      const r = await ctx.request.get(`${server.url}${url}`);
      expect(r.status(), url).toBe(200);
      return (await r.json()) as T;
    },
  };
};
/** A new page of the role's session: `page` from here on. */
const pageAs = async (username: string) => {
  page = await (await sessionOf(username)).newPage();
};

const inParty = 'status=full&status=probationary';
const search = (api: Api, name: string, orgUnitId?: number) =>
  api.get<{ items: Hit[]; total: number }>(
    `/api/members?q=${encodeURIComponent(plain(name))}&${inParty}&pageSize=20${
      orgUnitId ? `&orgUnitId=${orgUnitId}` : ''
    }`,
  );

/**
 * A full member of `orgUnitId`'s subtree, not in `taken`, whose name typed without diacritics lists
 * them among the picker's 20 hits (a common name may match more than 20 members of the scope).
 */
const findableMember = async (api: Api, orgUnitId: number, taken: Set<number>) => {
  const { items } = await api.get<{ items: Hit[] }>(
    `/api/members?orgUnitId=${orgUnitId}&status=full&pageSize=100`,
  );
  for (const m of items) {
    if (taken.has(m.id)) continue;
    const found = await search(api, m.fullName, orgUnitId);
    if (found.total <= 20 && found.items.some((h) => h.id === m.id)) return m;
  }
  throw new Error(`no findable member under unit ${orgUnitId}`);
};

/** One of `candidates` (members the user's picker must not offer) whose name finds nobody there. */
const outsider = async (api: Api, candidates: Hit[], orgUnitId?: number) => {
  for (const m of candidates) if ((await search(api, m.fullName, orgUnitId)).total === 0) return m;
  throw new Error('no outsider found');
};

const todayIso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
  new Date(),
);
const todayShown = `${todayIso.slice(8, 10)}/${todayIso.slice(5, 7)}/${todayIso.slice(0, 4)}`;

const openDropdown = () => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Type the outsider's name into the picker: the list answers "Không tìm thấy", naming no one. */
const notOffered = async (field: Locator, who: Hit) => {
  await field.click();
  await field.fill(plain(who.fullName));
  await openDropdown().getByText('Không tìm thấy').waitFor({ timeout: 15_000 });
  expect(await openDropdown().locator('.ant-select-item-option').count()).toBe(0);
};

/** Choose `who` by typing their name without diacritics; the field then shows their full name. */
const pickMember = async (field: Locator, who: Hit) => {
  await field.fill('');
  await pick(field, `${who.fullName} – ${who.orgUnitName}`, plain(who.fullName));
  expect(await chosenIs(selectOf(field), who.fullName)).toBe(true);
};

describe('member pickers: committees, congress delegates, education', () => {
  let bloc: Hit[] = [];
  let healthMembers: Hit[] = [];

  beforeAll(async () => {
    // Candidates for "outside the reach": members across the bloc (the upper office's list) and
    // across the health department's organisation (the grassroots office's list).
    const upper = await apiAs('vanphong');
    bloc = (await upper.get<{ items: Hit[] }>('/api/members?status=full&pageSize=100')).items;
    const grassroots = await apiAs('coso');
    healthMembers = (
      await grassroots.get<{ items: Hit[] }>('/api/members?status=full&pageSize=100&sort=name')
    ).items;
  });

  it('the grassroots office adds a member to its committee, found by a name typed without diacritics', async () => {
    const api = await apiAs('coso');
    const { user } = await api.get<{ user: { scopeOrgUnitId: number } }>('/api/auth/session');
    const unitId = user.scopeOrgUnitId;
    const committee = await api.get<{ groups: { items: { memberId: number }[] }[] }>(
      `/api/committees?orgUnitId=${unitId}`,
    );
    const seated = new Set(committee.groups.flatMap((g) => g.items.map((i) => i.memberId)));
    const member = await findableMember(api, unitId, seated);
    const stranger = await outsider(api, bloc, unitId);

    await pageAs('coso');
    await page.goto(`${server.url}/cap-uy`);
    await page.getByRole('button', { name: 'Bổ sung chức vụ' }).click();
    const modal = page.getByRole('dialog');
    const field = modal.getByLabel('Đảng viên', { exact: true });
    await notOffered(field, stranger);
    await shot('committee-outsider');
    await pickMember(field, member);
    await modal.getByLabel('Từ ngày').fill(todayShown);
    await modal.getByLabel('Từ ngày').press('Enter');
    await modal
      .getByLabel('Quyết định (số, ngày)')
      .fill(`Quyết định số 901-QĐ/ĐU ngày ${todayShown}`);
    await shot('committee-form');
    await modal.getByRole('button', { name: 'Ghi' }).click();
    await modal.waitFor({ state: 'hidden' });
    const card = page.locator('.ant-card').filter({
      has: page.locator('.ant-card-head-title', { hasText: /^Cấp ủy viên$/ }),
    });
    await card
      .locator('.ant-list-item strong', { hasText: member.fullName })
      .first()
      .scrollIntoViewIfNeeded();
    await shot('committee-saved');
    // The saved position is this member (not a namesake, not a number).
    const after = await api.get<{
      groups: { items: { memberId: number; fullName: string }[] }[];
    }>(`/api/committees?orgUnitId=${unitId}`);
    const saved = after.groups.flatMap((g) => g.items).find((i) => i.memberId === member.id);
    expect(saved?.fullName).toBe(member.fullName);
  });

  it('the upper office adds an ex-officio delegate to a grassroots congress of delegates; a member of another organisation is not offered', async () => {
    const api = await apiAs('vanphong');
    // The newest round (2025–2030): its congresses of delegates.
    const rounds = await api.get<{ items: { id: number; fromYear: number }[] }>(
      '/api/congresses/rounds',
    );
    const round = rounds.items.reduce((a, b) => (b.fromYear > a.fromYear ? b : a));
    const { items } = await api.get<{
      items: { id: number; orgUnitId: number; orgUnitName: string; kind: string; level: string }[];
    }>(`/api/congresses?roundId=${round.id}&pageSize=200`);
    const congress = items.find((c) => c.kind === 'delegates' && c.level === 'grassroots')!;
    expect(congress, 'a grassroots congress of delegates in the demo').toBeDefined();
    const board = await api.get<{
      units: { delegates: { memberId?: number; fullName: string }[] }[];
    }>(`/api/congresses/${congress.id}/delegates`);
    const delegates = board.units.flatMap((u) => u.delegates);
    const member = await findableMember(
      api,
      congress.orgUnitId,
      new Set(delegates.flatMap((d) => (d.memberId ? [d.memberId] : []))),
    );
    expect(delegates.map((d) => d.fullName)).not.toContain(member.fullName);
    // A member of the health department's organisation: in the office's scope, not the congress's.
    const stranger = await outsider(api, healthMembers, congress.orgUnitId);

    await pageAs('vanphong');
    await page.goto(`${server.url}/dai-hoi/${congress.id}?tab=delegates`);
    await page.getByRole('button', { name: 'Thêm đại biểu đương nhiên, chỉ định' }).click();
    const modal = page.getByRole('dialog');
    const field = modal.getByLabel('Đảng viên', { exact: true });
    await notOffered(field, stranger);
    await shot('delegates-outsider');
    await pickMember(field, member);
    await shot('delegates-form');
    await modal.getByRole('button', { name: 'Thêm' }).click();
    await modal.waitFor({ state: 'hidden' });
    const card = page.locator('.ant-card').filter({
      has: page.locator('.ant-card-head-title', { hasText: congress.orgUnitName }),
    });
    await card
      .locator('.ant-list-item')
      .filter({ hasText: member.fullName })
      .first()
      .scrollIntoViewIfNeeded();
    await shot('delegates-saved');
  });

  it("the cell secretary records a member's study commitment and a personal model; a member of another cell is not offered", async () => {
    const api = await apiAs('bithu');
    const { user } = await api.get<{ user: { scopeOrgUnitId: number } }>('/api/auth/session');
    const cellId = user.scopeOrgUnitId;
    const { items } = await api.get<{ items: { id: number; title: string }[] }>(
      '/api/education/programmes',
    );
    let programme:
      | { id: number; title: string; canRecord: boolean; commitments: { memberId: number }[] }
      | undefined;
    for (const p of items) {
      const detail = await api.get<NonNullable<typeof programme>>(
        `/api/education/programmes/${p.id}`,
      );
      if (detail.canRecord) {
        programme = detail;
        break;
      }
    }
    expect(programme, 'a programme the cell records in').toBeDefined();
    const committed = new Set(programme!.commitments.map((c) => c.memberId));
    const member = await findableMember(api, cellId, committed);
    // Another cell of the same organisation: in the grassroots office's scope, not the secretary's.
    const stranger = await outsider(api, healthMembers);

    await pageAs('bithu');
    await page.goto(`${server.url}/giao-duc-chinh-tri/${programme!.id}`);
    await page.getByRole('button', { name: 'Ghi bản cam kết' }).click();
    let modal = page.getByRole('dialog');
    let field = modal.getByLabel('Đảng viên', { exact: true });
    await notOffered(field, stranger);
    await shot('commitment-outsider');
    await pickMember(field, member);
    await modal
      .getByLabel('Nội dung cam kết')
      .fill('Giữ gìn phẩm chất, đạo đức; hoàn thành tốt nhiệm vụ chuyên môn (thử nghiệm).');
    await shot('commitment-form');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: /Cam kết/ }).click();
    await page
      .getByTestId('commitments')
      .locator('tr')
      .filter({ hasText: member.fullName })
      .filter({ hasText: todayShown })
      .first()
      .scrollIntoViewIfNeeded();
    await shot('commitment-saved');

    const model = 'Điển hình "Nêu gương trong phục vụ người bệnh" thử nghiệm';
    await page.getByRole('button', { name: 'Đăng ký mô hình' }).click();
    modal = page.getByRole('dialog');
    await modal.getByLabel('Tên mô hình, điển hình').fill(model);
    field = modal.getByLabel('Điển hình cá nhân (để trống nếu là mô hình tập thể)');
    await notOffered(field, stranger);
    await pickMember(field, member);
    await shot('model-form');
    await modal.getByRole('button', { name: 'Đăng ký' }).click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: /Mô hình/ }).click();
    await page
      .getByTestId('models')
      .locator('tr')
      .filter({ hasText: model })
      .filter({ hasText: `${member.fullName} (${member.orgUnitName})` })
      .scrollIntoViewIfNeeded();
    await shot('model-saved');
  });
});
