// Member photos in the browser (issue 21): a grassroots office uploads a landscape photo on a member's
// record, moves the 3:4 frame onto the face and saves; the stored 450 × 600 photo shows the face (what
// the frame held, not the middle of the picture); the record and the crop dialog at phone width; the
// card-photo list counts the photo.
import jpeg from 'jpeg-js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, type Server, screenshot, startServer } from './harness';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let memberId: number;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const logInAs = async (username: string, width: number) => {
  await context?.close();
  context = await browser.newContext({ locale: 'vi-VN', viewport: { width, height: 900 } });
  page = await context.newPage();
  await logIn(page, server, username);
  await page.getByTestId('user-menu').waitFor();
};

/** 1200 × 900 landscape: grey background, a dark red "face" on the right (x 800–1100). */
const landscape = () => {
  const data = Buffer.alloc(1200 * 900 * 4);
  for (let y = 0; y < 900; y++)
    for (let x = 0; x < 1200; x++) {
      const face = x >= 800 && x < 1100 && y >= 100 && y < 800;
      data.set(face ? [150, 30, 30, 255] : [200, 200, 200, 255], (y * 1200 + x) * 4);
    }
  return Buffer.from(jpeg.encode({ data, width: 1200, height: 900 }, 90).data);
};
const photo = { name: 'chân dung.jpg', mimeType: 'image/jpeg', buffer: landscape() };

/** The colour at the middle of the photo shown on the record, and its natural size. */
const shownPhoto = () =>
  page.getByTestId('member-photo-image').evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const [r, gr, b] = g.getImageData(c.width / 2, c.height / 2, 1, 1).data;
    return { width: img.naturalWidth, height: img.naturalHeight, rgb: [r, gr, b] };
  });

describe('member photo', () => {
  it('uploads, crops onto the face and shows the stored photo on the record', async () => {
    await logInAs('coso', 1440);
    memberId = await page.evaluate(async () => {
      const res = await fetch('/api/members?pageSize=1&page=1');
      return (await res.json()).items[0].id as number;
    });
    await page.goto(`${server.url}/dang-vien/${memberId}`);
    await page.getByTestId('member-name').waitFor();
    await page.getByTestId('member-photo').getByText('Chưa có ảnh').waitFor();
    await page.getByTestId('member-photo-input').setInputFiles(photo);
    const dialog = page.getByRole('dialog', { name: 'Cắt ảnh chân dung (tỉ lệ 3 × 4)' });
    const canvas = dialog.getByTestId('photo-crop-canvas');
    await canvas.waitFor();
    // Drag the frame from the middle of the picture to the right, onto the face.
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width / 2 + 300, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => dialog.getByTestId('photo-crop-size').textContent()).toMatch(/× 810/);
    await screenshot(page, 'anh-01-cat-anh-1440');
    await dialog.getByRole('button', { name: 'Lưu ảnh' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('member-photo-image').waitFor();
    const shown = await shownPhoto();
    expect([shown.width, shown.height]).toEqual([450, 600]);
    // The middle of the stored photo is the face (red), not the grey middle of the upload.
    expect(shown.rgb[0]).toBeGreaterThan(120);
    expect(shown.rgb[1]).toBeLessThan(70);
    await page.getByRole('button', { name: 'Đổi ảnh' }).waitFor();
    await screenshot(page, 'anh-02-ho-so-1440');
  });

  it('refuses a file that is not JPEG or PNG, in Vietnamese', async () => {
    await page.getByTestId('member-photo-input').setInputFiles({
      name: 'anh.gif',
      mimeType: 'image/gif',
      buffer: Buffer.from('GIF89a'),
    });
    await page.getByText('Chỉ nhận ảnh JPEG hoặc PNG.').waitFor();
  });

  it('works at phone width: the record with its photo and the crop dialog fit the screen', async () => {
    await logInAs('coso', 390);
    await page.goto(`${server.url}/dang-vien/${memberId}`);
    await page.getByTestId('member-photo-image').waitFor();
    await screenshot(page, 'anh-03-ho-so-390');
    await page.getByTestId('member-photo-input').setInputFiles(photo);
    const canvas = page.getByTestId('photo-crop-canvas');
    await canvas.waitFor();
    const box = (await canvas.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'anh-04-cat-anh-390');
    await page.getByRole('button', { name: 'Hủy' }).click();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('the card-photo list counts the photo and offers the ZIP', async () => {
    await logInAs('coso', 1440);
    await page.goto(`${server.url}/anh-the?dot=all`);
    await expect
      .poll(() => page.getByTestId('card-photos-summary').textContent())
      .toMatch(/có ảnh 1 ·/);
    await screenshot(page, 'anh-05-danh-sach-anh-the-1440');
    const zip = await page.evaluate(
      async (href) => {
        const res = await fetch(href);
        return { status: res.status, type: res.headers.get('content-type') };
      },
      (await page.getByTestId('card-photos-zip').getAttribute('href'))!,
    );
    expect(zip).toEqual({ status: 200, type: 'application/zip' });
    await logInAs('coso', 390);
    await page.goto(`${server.url}/anh-the?dot=all`);
    await page.getByTestId('card-photos-summary').waitFor();
    await screenshot(page, 'anh-06-danh-sach-anh-the-390');
  });
});
