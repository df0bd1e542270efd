// Time-based one-time passwords (RFC 6238, HMAC-SHA1, 30 s, 6 digits) for the second factor.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export const base32Encode = (bytes: Buffer): string => {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
};

export const base32Decode = (text: string): Buffer => {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = BASE32.indexOf(ch);
    if (idx < 0) throw new Error('invalid base32');
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
};

export const generateTotpSecret = (): string => base32Encode(randomBytes(20));

/** The code for a counter step (RFC 4226 dynamic truncation). */
export const hotp = (secret: Buffer, counter: number, digits = 6): string => {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac('sha1', secret).update(message).digest();
  const offset = hmac[hmac.length - 1] & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
};

export const totpCode = (secretBase32: string, timeMs = Date.now(), digits = 6): string =>
  hotp(base32Decode(secretBase32), Math.floor(timeMs / 30_000), digits);

/** Accept the current code and one step either side (clock drift of phones). */
export const verifyTotp = (secretBase32: string, code: string, timeMs = Date.now()): boolean => {
  if (!/^\d{6}$/.test(code)) return false;
  const step = Math.floor(timeMs / 30_000);
  const secret = base32Decode(secretBase32);
  return [-1, 0, 1].some((d) => {
    const expected = Buffer.from(hotp(secret, step + d));
    return timingSafeEqual(expected, Buffer.from(code));
  });
};

export const otpauthUri = (username: string, secretBase32: string): string =>
  `otpauth://totp/${encodeURIComponent(`dangvu:${username}`)}?secret=${secretBase32}&issuer=dangvu&algorithm=SHA1&digits=6&period=30`;
