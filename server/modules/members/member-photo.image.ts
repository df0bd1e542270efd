// The member photo as stored: the uploaded JPEG or PNG, recognised by its first bytes (not by its
// name or declared type), turned upright by its EXIF orientation, cropped to the 3:4 rectangle the
// user chose and resampled to 450 × 600 px (3 × 4 cm at about 380 dpi), then written as a baseline
// JPEG. Pure functions over bytes: the same upload and rectangle always give the same file.
// Pure JavaScript decoders/encoders (jpeg-js, pngjs): nothing to build at install time.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { invalidField } from '../../platform/errors';

export const PHOTO_WIDTH = 450;
export const PHOTO_HEIGHT = 600;
/** Upload limit: a phone photo is 2–5 MB; larger files are scans that should be reduced first. */
export const MAX_PHOTO_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Largest picture decoded (megapixels): guards memory against "decompression bombs". */
export const MAX_PHOTO_MEGAPIXELS = 40;
/** Smallest crop accepted: below it the printed photo would be visibly blurred. */
export const MIN_CROP_WIDTH = 150;
export const MIN_CROP_HEIGHT = 200;
const JPEG_QUALITY = 88;

export type PhotoMime = 'image/jpeg' | 'image/png';
export type CropRect = { x: number; y: number; width: number; height: number };
type Rgba = { width: number; height: number; data: Uint8Array };

const field = 'contentBase64';

/** The type the bytes really are (magic numbers), whatever the file is called. */
export const detectPhotoType = (bytes: Uint8Array): PhotoMime | null => {
  const starts = (...b: number[]) => b.every((v, i) => bytes[i] === v);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return null;
};

type JpegInfo = { width: number; height: number; orientation: number };

/** Width, height (from the SOF marker) and EXIF orientation of a JPEG, without decoding it. */
export const readJpegInfo = (b: Uint8Array): JpegInfo | null => {
  let orientation = 1;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = (b[i + 2] << 8) | b[i + 3];
    if (length < 2 || i + 2 + length > b.length) return null;
    const start = i + 4;
    if (marker === 0xe1 && length > 14) orientation = exifOrientation(b, start) ?? orientation;
    const isSof =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      const height = (b[start + 1] << 8) | b[start + 2];
      const width = (b[start + 3] << 8) | b[start + 4];
      return { width, height, orientation };
    }
    if (marker === 0xda || marker === 0xd9) return null;
    i += 2 + length;
  }
  return null;
};

/** The orientation tag (0x0112) of an APP1 Exif segment starting at `s`, if present. */
const exifOrientation = (b: Uint8Array, s: number): number | null => {
  if (String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3]) !== 'Exif') return null;
  const t = s + 6;
  const little = b[t] === 0x49 && b[t + 1] === 0x49;
  const u16 = (o: number) => (little ? b[o] | (b[o + 1] << 8) : (b[o] << 8) | b[o + 1]);
  const u32 = (o: number) =>
    little
      ? (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0
      : ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;
  if (u16(t + 2) !== 42) return null;
  const ifd = t + u32(t + 4);
  if (ifd + 2 > b.length) return null;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > b.length) return null;
    if (u16(e) === 0x0112) {
      const value = u16(e + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
};

/** Width and height of a PNG from its IHDR chunk. */
export const readPngInfo = (b: Uint8Array): { width: number; height: number } | null => {
  if (b.length < 24) return null;
  const u32 = (o: number) => ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;
  return { width: u32(16), height: u32(20) };
};

/** Turn decoded pixels upright per EXIF orientation 1–8 (the way browsers show the photo). */
export const orient = (img: Rgba, orientation: number): Rgba => {
  if (orientation <= 1 || orientation > 8) return img;
  const { width: w, height: h, data } = img;
  const swap = orientation >= 5;
  const ow = swap ? h : w;
  const oh = swap ? w : h;
  const out = new Uint8Array(ow * oh * 4);
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      // The source pixel shown at (x, y) of the upright picture.
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2:
          sx = w - 1 - x;
          sy = y;
          break;
        case 3:
          sx = w - 1 - x;
          sy = h - 1 - y;
          break;
        case 4:
          sx = x;
          sy = h - 1 - y;
          break;
        case 5:
          sx = y;
          sy = x;
          break;
        case 6:
          sx = y;
          sy = h - 1 - x;
          break;
        case 7:
          sx = w - 1 - y;
          sy = h - 1 - x;
          break;
        default: // 8
          sx = w - 1 - y;
          sy = x;
      }
      const from = (sy * w + sx) * 4;
      const to = (y * ow + x) * 4;
      out[to] = data[from];
      out[to + 1] = data[from + 1];
      out[to + 2] = data[from + 2];
      out[to + 3] = data[from + 3];
    }
  }
  return { width: ow, height: oh, data: out };
};

/**
 * Weights of a one-dimensional resampling from `srcLen` pixels (starting at `offset`) to `dstLen`:
 * an area average when reducing (each output pixel is the mean of the source pixels it covers,
 * partial pixels by their share), linear interpolation when enlarging.
 */
const weights = (offset: number, srcLen: number, dstLen: number, limit: number) => {
  const scale = srcLen / dstLen;
  const out: { index: number[]; weight: number[] }[] = [];
  for (let d = 0; d < dstLen; d++) {
    const index: number[] = [];
    const weight: number[] = [];
    if (scale >= 1) {
      const from = d * scale;
      const to = from + scale;
      for (let s = Math.floor(from); s < Math.ceil(to); s++) {
        const cover = Math.min(to, s + 1) - Math.max(from, s);
        if (cover > 0) {
          index.push(Math.min(limit - 1, offset + s));
          weight.push(cover / scale);
        }
      }
    } else {
      const centre = (d + 0.5) * scale - 0.5;
      const left = Math.max(0, Math.floor(centre));
      const right = Math.min(srcLen - 1, left + 1);
      const t = Math.min(1, Math.max(0, centre - left));
      index.push(offset + left, offset + right);
      weight.push(1 - t, t);
    }
    out.push({ index, weight });
  }
  return out;
};

/** Crop `rect` out of the picture and resample it to `outW` × `outH`, over a white background. */
export const cropAndResize = (img: Rgba, rect: CropRect, outW: number, outH: number): Rgba => {
  const { width: w, data } = img;
  const xs = weights(rect.x, rect.width, outW, img.width);
  const ys = weights(rect.y, rect.height, outH, img.height);
  // Horizontal pass over the rows of the crop: rect.height × outW × 3 (alpha flattened on white).
  const mid = new Float32Array(rect.height * outW * 3);
  for (let r = 0; r < rect.height; r++) {
    const row = (rect.y + r) * w;
    for (let x = 0; x < outW; x++) {
      const { index, weight } = xs[x];
      let cr = 0;
      let cg = 0;
      let cb = 0;
      for (let k = 0; k < index.length; k++) {
        const p = (row + index[k]) * 4;
        const a = data[p + 3] / 255;
        const wk = weight[k];
        cr += wk * (data[p] * a + 255 * (1 - a));
        cg += wk * (data[p + 1] * a + 255 * (1 - a));
        cb += wk * (data[p + 2] * a + 255 * (1 - a));
      }
      const m = (r * outW + x) * 3;
      mid[m] = cr;
      mid[m + 1] = cg;
      mid[m + 2] = cb;
    }
  }
  const out = new Uint8Array(outW * outH * 4);
  for (let y = 0; y < outH; y++) {
    const { index, weight } = ys[y];
    for (let x = 0; x < outW; x++) {
      let cr = 0;
      let cg = 0;
      let cb = 0;
      for (let k = 0; k < index.length; k++) {
        const m = ((index[k] - rect.y) * outW + x) * 3;
        cr += weight[k] * mid[m];
        cg += weight[k] * mid[m + 1];
        cb += weight[k] * mid[m + 2];
      }
      const o = (y * outW + x) * 4;
      out[o] = Math.round(Math.min(255, Math.max(0, cr)));
      out[o + 1] = Math.round(Math.min(255, Math.max(0, cg)));
      out[o + 2] = Math.round(Math.min(255, Math.max(0, cb)));
      out[o + 3] = 255;
    }
  }
  return { width: outW, height: outH, data: out };
};

/** The largest 3:4 rectangle in the middle of a `width` × `height` picture. */
export const centredCrop = (width: number, height: number): CropRect => {
  const h = Math.min(height, Math.floor((width * 4) / 3));
  const w = Math.min(width, Math.round((h * 3) / 4));
  return {
    x: Math.floor((width - w) / 2),
    y: Math.floor((height - h) / 2),
    width: w,
    height: h,
  };
};

/** The crop checked against the upright picture: whole pixels, inside, 3:4 (±2 %), big enough. */
export const checkCrop = (rect: CropRect, width: number, height: number): CropRect => {
  const ints = [rect.x, rect.y, rect.width, rect.height].every(Number.isInteger);
  if (!ints || rect.x < 0 || rect.y < 0 || rect.width <= 0 || rect.height <= 0)
    throw invalidField('crop', 'Vùng cắt ảnh không hợp lệ.');
  if (rect.x + rect.width > width || rect.y + rect.height > height)
    throw invalidField('crop', `Vùng cắt vượt ra ngoài ảnh (ảnh ${width} × ${height} điểm ảnh).`);
  if (Math.abs(rect.width / rect.height - 3 / 4) > 0.02)
    throw invalidField('crop', 'Vùng cắt phải theo tỉ lệ 3 × 4 (ảnh chân dung đứng).');
  if (rect.width < MIN_CROP_WIDTH || rect.height < MIN_CROP_HEIGHT)
    throw invalidField(
      'crop',
      `Vùng cắt quá nhỏ (${rect.width} × ${rect.height} điểm ảnh): cần ít nhất ${MIN_CROP_WIDTH} × ${MIN_CROP_HEIGHT} để ảnh in ra không bị nhòe.`,
    );
  return rect;
};

export type NormalisedPhoto = {
  jpeg: Buffer;
  width: number;
  height: number;
  sourceMime: PhotoMime;
  sourceWidth: number;
  sourceHeight: number;
  crop: CropRect;
};

/**
 * Check an upload (real type JPEG or PNG, at most 5 MB, at most 40 megapixels), turn it upright,
 * crop and resample it to the stored 450 × 600 JPEG. Every refusal is a Vietnamese field error.
 */
export const normalisePhoto = (bytes: Buffer, crop?: CropRect | null): NormalisedPhoto => {
  if (bytes.length === 0) throw invalidField(field, 'Tệp ảnh rỗng.');
  if (bytes.length > MAX_PHOTO_UPLOAD_BYTES)
    throw invalidField(
      field,
      `Ảnh lớn ${(bytes.length / 1024 / 1024).toFixed(1)} MB: chỉ nhận ảnh không quá 5 MB.`,
    );
  const type = detectPhotoType(bytes);
  if (!type)
    throw invalidField(
      field,
      'Chỉ nhận ảnh JPEG hoặc PNG: nội dung tệp không phải ảnh JPEG/PNG (tệp có thể bị đổi đuôi).',
    );
  const info = type === 'image/jpeg' ? readJpegInfo(bytes) : readPngInfo(bytes);
  if (!info || info.width === 0 || info.height === 0)
    throw invalidField(field, 'Không đọc được ảnh: tệp bị hỏng hoặc không đầy đủ.');
  if ((info.width * info.height) / 1e6 > MAX_PHOTO_MEGAPIXELS)
    throw invalidField(
      field,
      `Ảnh ${info.width} × ${info.height} điểm ảnh quá lớn: chỉ nhận ảnh đến ${MAX_PHOTO_MEGAPIXELS} megapixel.`,
    );
  let decoded: Rgba;
  try {
    if (type === 'image/jpeg') {
      const d = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_PHOTO_MEGAPIXELS,
        maxMemoryUsageInMB: 1024,
      });
      decoded = { width: d.width, height: d.height, data: d.data };
    } else {
      const p = PNG.sync.read(bytes);
      decoded = { width: p.width, height: p.height, data: p.data };
    }
  } catch {
    throw invalidField(field, 'Không đọc được ảnh: tệp bị hỏng hoặc không đầy đủ.');
  }
  const orientation = type === 'image/jpeg' ? ((info as JpegInfo).orientation ?? 1) : 1;
  const upright = orient(decoded, orientation);
  const rect = crop
    ? checkCrop(crop, upright.width, upright.height)
    : checkCrop(centredCrop(upright.width, upright.height), upright.width, upright.height);
  const out = cropAndResize(upright, rect, PHOTO_WIDTH, PHOTO_HEIGHT);
  const encoded = jpeg.encode(
    { data: out.data, width: out.width, height: out.height },
    JPEG_QUALITY,
  );
  return {
    jpeg: Buffer.from(encoded.data),
    width: out.width,
    height: out.height,
    sourceMime: type,
    sourceWidth: upright.width,
    sourceHeight: upright.height,
    crop: rect,
  };
};

/**
 * The card photo (2 × 3 cm, Hướng dẫn 12-HD/BTCTW 2022, II.2.2.b): the middle 400 × 600 of the
 * stored 3:4 photo (25 px off each side, no resampling), as JPEG.
 */
export const cardPhotoOf = (stored: Buffer): Buffer => {
  const d = jpeg.decode(stored, { useTArray: true, formatAsRGBA: true });
  const w = Math.round((d.height * 2) / 3);
  const x0 = Math.floor((d.width - w) / 2);
  const data = new Uint8Array(w * d.height * 4);
  for (let y = 0; y < d.height; y++)
    data.set(d.data.subarray((y * d.width + x0) * 4, (y * d.width + x0 + w) * 4), y * w * 4);
  return Buffer.from(jpeg.encode({ data, width: w, height: d.height }, JPEG_QUALITY).data);
};

/** Test images: a JPEG or PNG of the given size filled by `paint(x, y) → [r, g, b, a]`. */
export const makeTestImage = (
  type: PhotoMime,
  width: number,
  height: number,
  paint: (x: number, y: number) => [number, number, number, number],
): Buffer => {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set(paint(x, y), (y * width + x) * 4);
  if (type === 'image/jpeg') return Buffer.from(jpeg.encode({ data, width, height }, 90).data);
  const png = new PNG({ width, height });
  data.copy(png.data);
  return PNG.sync.write(png);
};
