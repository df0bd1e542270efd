import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import {
  cardPhotoOf,
  centredCrop,
  cropAndResize,
  detectPhotoType,
  makeTestImage,
  normalisePhoto,
  orient,
  readJpegInfo,
} from './member-photo.image';

/** A picture whose left half is red and right half blue, top half light and bottom half dark. */
const quadrants = (x: number, y: number, w: number, h: number): [number, number, number, number] =>
  x < w / 2 ? [y < h / 2 ? 250 : 120, 0, 0, 255] : [0, 0, y < h / 2 ? 250 : 120, 255];

const pixel = (jpg: Buffer, x: number, y: number) => {
  const d = jpeg.decode(jpg, { useTArray: true });
  const p = (y * d.width + x) * 4;
  return [d.data[p], d.data[p + 1], d.data[p + 2]];
};

describe('member photo normalisation', () => {
  it('recognises JPEG and PNG by their bytes, not their name', () => {
    expect(detectPhotoType(makeTestImage('image/jpeg', 4, 4, () => [0, 0, 0, 255]))).toBe(
      'image/jpeg',
    );
    expect(detectPhotoType(makeTestImage('image/png', 4, 4, () => [0, 0, 0, 255]))).toBe(
      'image/png',
    );
    expect(detectPhotoType(Buffer.from('GIF89a......'))).toBeNull();
    expect(detectPhotoType(Buffer.from('%PDF-1.7'))).toBeNull();
  });

  it('crops the chosen 3:4 rectangle and stores 450 × 600, the same bytes every time', () => {
    const src = makeTestImage('image/jpeg', 800, 600, (x, y) => quadrants(x, y, 800, 600));
    // The left half only: 300 × 400 at (50, 100) → all red.
    const crop = { x: 50, y: 100, width: 300, height: 400 };
    const a = normalisePhoto(src, crop);
    expect([a.width, a.height]).toEqual([450, 600]);
    expect(readJpegInfo(a.jpeg)).toMatchObject({ width: 450, height: 600 });
    const [r, , b] = pixel(a.jpeg, 225, 50);
    expect(r).toBeGreaterThan(200);
    expect(b).toBeLessThan(30);
    expect(normalisePhoto(src, crop).jpeg.equals(a.jpeg)).toBe(true);
  });

  it('takes the middle 3:4 when no rectangle is sent, and flattens PNG transparency on white', () => {
    expect(centredCrop(800, 600)).toEqual({ x: 175, y: 0, width: 450, height: 600 });
    const png = makeTestImage('image/png', 300, 400, () => [0, 0, 0, 0]);
    const out = normalisePhoto(png);
    expect(out.sourceMime).toBe('image/png');
    expect(pixel(out.jpeg, 200, 300).every((c) => c > 240)).toBe(true);
  });

  it('refuses another rectangle shape, a rectangle outside the picture and one too small', () => {
    const src = makeTestImage('image/png', 600, 800, () => [10, 10, 10, 255]);
    expect(() => normalisePhoto(src, { x: 0, y: 0, width: 400, height: 400 })).toThrow(/3 × 4/);
    expect(() => normalisePhoto(src, { x: 300, y: 0, width: 450, height: 600 })).toThrow(
      /ngoài ảnh/,
    );
    expect(() => normalisePhoto(src, { x: 0, y: 0, width: 90, height: 120 })).toThrow(/quá nhỏ/);
  });

  it('refuses other types, empty and oversized files in Vietnamese', () => {
    expect(() => normalisePhoto(Buffer.from('GIF89a-not-a-photo'))).toThrow(/JPEG hoặc PNG/);
    expect(() => normalisePhoto(Buffer.alloc(0))).toThrow(/rỗng/);
    const big = Buffer.alloc(5 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect(() => normalisePhoto(big)).toThrow(/không quá 5 MB/);
    const truncated = makeTestImage('image/jpeg', 300, 400, () => [1, 2, 3, 255]).subarray(0, 40);
    expect(() => normalisePhoto(truncated)).toThrow(/Không đọc được ảnh/);
  });

  it('turns a phone photo upright by its EXIF orientation (6: rotated 90° clockwise)', () => {
    // Stored sideways: 2 × 1, red then blue. Shown upright (orientation 6) it is 1 × 2, red on top.
    const img = { width: 2, height: 1, data: new Uint8Array([255, 0, 0, 255, 0, 0, 255, 255]) };
    const up = orient(img, 6);
    expect([up.width, up.height]).toEqual([1, 2]);
    expect([...up.data.subarray(0, 3)]).toEqual([255, 0, 0]);
    expect([...up.data.subarray(4, 7)]).toEqual([0, 0, 255]);
  });

  it('averages the covered pixels when reducing', () => {
    // 4 × 4 checkerboard of black and white reduced to 1 × 1 (and stretched): mid grey.
    const data = new Uint8Array(64);
    for (let i = 0; i < 16; i++) data.set([(i + (i >> 2)) % 2 ? 255 : 0, 0, 0, 255], i * 4);
    const out = cropAndResize(
      { width: 4, height: 4, data },
      { x: 0, y: 0, width: 4, height: 4 },
      1,
      1,
    );
    expect(out.data[0]).toBe(128);
  });

  it('cuts the 2 × 3 card photo from the middle of the stored photo', () => {
    const stored = normalisePhoto(
      makeTestImage('image/jpeg', 450, 600, (x) =>
        x < 25 || x >= 425 ? [0, 200, 0, 255] : [200, 200, 200, 255],
      ),
    ).jpeg;
    const card = cardPhotoOf(stored);
    expect(readJpegInfo(card)).toMatchObject({ width: 400, height: 600 });
    const [r, g] = pixel(card, 2, 300);
    expect(Math.abs(r - g)).toBeLessThan(30); // the green edges are gone
  });
});
